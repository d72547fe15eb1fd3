"""Peer group sharing: goal cards, peers' cards on the group board, and the group's plan.

No server: a member shares a *goal card* (their action plans and this week's progress) and the
group shares a *mutual support plan*, as a JSON document or a chat message (see
`paceapp.outputs.share` and docs/sharing.md). The documents themselves - writing them, and reading
what someone else wrote as untrusted input - are in `core.share_document`.

Health data is never on a card unless the person ticks it: only the sections in `SECTIONS` exist,
and medicines are not among them (DOMAIN.md, Peer group sharing).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.lookalike import find_disguised, look_alike_keys, mixed_script, remove_invisible
from paceapp.core.records import Record
from paceapp.core.safety import CRISIS_CONTACTS, PEER_CRISIS_NOTE
from paceapp.core.text import LINE, SHORT, clean_text, strip_controls
from paceapp.core.timeparse import local_day, parse_clock, parse_date, show_date
from paceapp.core.value import Value

CARD_FORMAT = "paceapp-goal-card"
PLAN_FORMAT = "paceapp-group-plan"
FORMAT_VERSION = 1

#: Caps for anything imported (bytes of the document, after any decompression).
MAX_DOCUMENT_BYTES = 64 * 1024
#: Deepest nesting of objects/lists a document may have (a card needs 4).
MAX_DEPTH = 6
MAX_GOALS = 12
MAX_ROTA = 26
MAX_RULES = 12
#: Older cards kept per member, newest first.
HISTORY_KEPT = 10
NAME_MAX = 40
NOTE_MAX = 500
#: A card or plan dated further ahead of this computer's clock than this is refused: a clock a
#: few minutes fast is fine, but a card from tomorrow would hold off its member's real next card.
FUTURE_SLACK = timedelta(minutes=5)
#: The shortest member code shown after a name on the board, e.g. 'Jo (#7c2e9b)'.
MARK_MIN = 6

#: The only health sections a card can carry, each only when the person ticks it.
SECTIONS: dict[str, str] = {
    "pain": "pain: your average score over the last 7 days",
    "sleep": "sleep: your average hours asleep over the last 7 nights",
}
#: Asked for by name, these are refused with a reason: they are never shareable.
NEVER_SHARED = ("medicines", "medicine", "meds", "gp", "real_name", "practice")


DEFAULT_RULES: tuple[str, ...] = (
    "What is said in the group stays in the group.",
    "No pressure: come when you can, share what you want to.",
    "Keep it kind, to each other and to yourself.",
    "Have fun - it is not all about pain.",
)


#: The heading over paceapp's own crisis steps, and the one over the group's own note after them.
CRISIS_HEADING = "If someone is in crisis:"
GROUP_NOTE_HEADING = "What our group agreed for a crisis (the group's own words, not paceapp's):"

#: paceapp's own crisis wording. A group's text may not hold any of it (however disguised), so
#: nothing a plan carries can pass for one of paceapp's crisis lines or headings.
PACEAPP_WORDING: tuple[str, ...] = (
    *(f"{who}:" for who, _how, _when in CRISIS_CONTACTS),
    CRISIS_HEADING.rstrip(":"), "What our group agreed", "If you need help now",
    " ".join(PEER_CRISIS_NOTE.split()[:9]), "paceapp's", "paceapp says",
)


def crisis_steps() -> tuple[str, ...]:
    """What to do if someone is in crisis: always this paceapp's own wording (core.safety)."""
    return (PEER_CRISIS_NOTE,
            *(f"{who}: {how} - {when}." for who, how, when in CRISIS_CONTACTS))


def imitation(text: str, field_name: str) -> str | None:
    """The paceapp wording `text` imitates, or None. The crisis note may not name paceapp at
    all: it is the group's words, shown after paceapp's own steps."""
    wording = PACEAPP_WORDING + (("paceapp",) if field_name == "crisis_note" else ())
    return find_disguised(text, wording)


def imitation_message(label: str, phrase: str) -> str:
    return (f"The {label} uses paceapp's own crisis wording ('{phrase}'), so it could be taken "
            "for one of paceapp's crisis contacts. paceapp always shows its own contacts first; "
            "please word it another way (for example 'ring Samaritans on 116 123').")


def check_not_imitating(text: str, field_name: str, label: str) -> str:
    """`text`, or a ValidationError when it imitates paceapp's crisis wording."""
    phrase = imitation(text, field_name)
    if phrase is not None:
        raise ValidationError(imitation_message(label, phrase), field_name)
    return text


# -- the card -----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SharedGoal(Value):
    """One action plan as it appears on a card, with this week's progress."""

    what: str
    how_much: str = ""
    when: str = ""
    days_per_week: int
    confidence: int
    done_this_week: int
    target_this_week: int


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PainWeek(Value):
    start: date
    end: date
    days_logged: int
    average: float | None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SleepWeek(Value):
    start: date
    end: date
    nights_logged: int
    average_tst_min: float | None
    average_se_pct: float | None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class GoalCard(Value):
    """A member's goal card: the same content in the file form and the message form."""

    member_id: str
    display_name: str
    shared_at: datetime
    week_start: date
    goals: tuple[SharedGoal, ...] = ()
    note: str = ""
    pain: PainWeek | None = None
    sleep: SleepWeek | None = None

    @property
    def shared_on(self) -> date:
        return local_day(self.shared_at)

    def sections(self) -> list[str]:
        """The optional health sections this card carries."""
        return [name for name in SECTIONS if getattr(self, name) is not None]


def build_card(*, member_id: str, display_name: str, shared_at: datetime, week_start: date,
               goals: Sequence[SharedGoal], note: str = "", pain: PainWeek | None = None,
               sleep: SleepWeek | None = None) -> GoalCard:
    """A card made from the person's own data, checked the same way an imported one is."""
    return GoalCard(member_id=member_id, display_name=clean_name(display_name),
                    shared_at=shared_at, week_start=week_start, goals=tuple(goals)[:MAX_GOALS],
                    note=_clean_own(note, "note", NOTE_MAX, multiline=True), pain=pain, sleep=sleep)


def check_include(names: Iterable[str]) -> tuple[str, ...]:
    """The sections a person asked for, checked: unknown names and medicines are refused."""
    chosen: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        if not name:
            continue
        if name in NEVER_SHARED:
            raise ValidationError("Medicines and GP details are never put on a card: they stay "
                                  f"private. You can include: {', '.join(SECTIONS)}.", "include")
        if name not in SECTIONS:
            raise ValidationError(f"'{raw.strip()}' is not a section a card can include. "
                                  f"You can include: {', '.join(SECTIONS)}.", "include")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def clean_peer_name(name: str) -> str:
    """A name as paceapp keeps and shows it: no control or invisible characters (zero-width
    spaces, joiners, tag characters, variation selectors...), spaces collapsed, NFC."""
    return " ".join(remove_invisible(strip_controls(name or "")).split())


def clean_name(name: str) -> str:
    """A display name for peers: required, short, plain."""
    text = clean_peer_name(name)
    if not text:
        raise ValidationError("Please choose a name your group will see. It does not have to be "
                              "your real name.", "name")
    if len(text) > NAME_MAX:
        raise ValidationError(f"The name is {len(text)} characters long; the most is {NAME_MAX}.",
                              "name")
    return text


def _clean_own(text: str, field_name: str, limit: int, multiline: bool = False) -> str:
    cleaned = strip_controls(text or "", keep_newlines=multiline).strip()
    if not multiline:
        cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit:
        raise ValidationError(f"The {field_name} is {len(cleaned)} characters long; the most is "
                              f"{limit}. Please shorten it.", field_name)
    return cleaned


# -- the group plan -----------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RotaTurn(Value):
    """One coordinator's turn, from a date until the next turn starts."""

    name: str
    start: date


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class GroupPlan(Record):
    """The group's mutual support plan (one per data folder), edited here or imported."""

    KIND: ClassVar[str] = "groupplan"
    LABEL: ClassVar[str] = "group plan"
    SINGLE: ClassVar[bool] = True

    #: In words, e.g. "Every other Tuesday, 10:30 to 12:00".
    rhythm: str = ""
    first_meeting: date | None = None
    #: 0 = no fixed rhythm (only `first_meeting`); 1 = weekly, 2 = fortnightly ...
    every_weeks: int = 2
    meet_time: time | None = None
    place: str = ""
    access: str = ""
    keep_in_touch: str = ""
    rota: tuple[RotaTurn, ...] = ()
    ground_rules: tuple[str, ...] = DEFAULT_RULES
    #: The group's own addition to the crisis steps (the steps themselves are crisis_steps()).
    crisis_note: str = ""
    #: Who shared it, when it was imported ("" when edited here).
    shared_by: str = ""
    #: When its content last changed (edited here, or the sharer's moment); newest wins.
    content_at: datetime | None = None

    @property
    def shared_on(self) -> date | None:
        """The day someone shared this plan, on this computer's clock (None if made here)."""
        return local_day(self.content_at) if self.shared_by and self.content_at else None

    def validate(self) -> None:
        problems = plan_problems(self)
        if problems:
            raise ValidationError.many([(None, p) for p in problems])

    def summary(self) -> dict[str, str]:
        return {"meet": self.rhythm, "place": self.place,
                "coordinators": ", ".join(t.name for t in self.rota)}


def plan_problems(plan: GroupPlan) -> list[str]:
    """Everything wrong with a plan (empty when it can be stored)."""
    problems: list[str] = []
    for name, limit in (("rhythm", SHORT), ("place", SHORT), ("access", LINE),
                        ("keep_in_touch", LINE), ("crisis_note", LINE), ("shared_by", NAME_MAX)):
        value = getattr(plan, name)
        if " ".join(strip_controls(value).split()) != value:
            problems.append(f"The {name.replace('_', ' ')} has characters that cannot be stored.")
        elif len(value) > limit:
            problems.append(f"The {name.replace('_', ' ')} is {len(value)} characters long; "
                            f"the most is {limit}.")
    if not 0 <= plan.every_weeks <= 8:
        problems.append("Meetings can be every 1 to 8 weeks (or 0 for no fixed rhythm).")
    if len(plan.rota) > MAX_ROTA:
        problems.append(f"The rota has {len(plan.rota)} turns; the most is {MAX_ROTA}.")
    for turn in plan.rota:
        if not turn.name or len(turn.name) > NAME_MAX or " ".join(
                strip_controls(turn.name).split()) != turn.name:
            problems.append("Each coordinator needs a short name (up to 40 characters).")
            break
    if len(plan.ground_rules) > MAX_RULES:
        problems.append(f"There are {len(plan.ground_rules)} ground rules; the most is {MAX_RULES}.")
    for rule in plan.ground_rules:
        if not rule or len(rule) > SHORT or " ".join(strip_controls(rule).split()) != rule:
            problems.append(f"Each ground rule is one line of up to {SHORT} characters.")
            break
    return problems


def parse_rota(lines: Iterable[str], today: date) -> tuple[RotaTurn, ...]:
    """Rota lines like 'Jo from 2026-11-30' or 'Jo: 2026-11-30', sorted by date."""
    turns = []
    for raw in lines:
        line = " ".join(strip_controls(raw).split())
        if not line:
            continue
        # 'Sam from 7 Jan' / 'Sam: 7 Jan' (the date may be several words), or 'Sam 2026-01-07'.
        match = (re.match(r"^(.*?)(?:\s+from\s+|\s*:\s*)(.+)$", line, re.IGNORECASE)
                 or re.match(r"^(.*?)\s+(\S+)$", line))
        if not match or not match[1].strip():
            raise ValidationError(f"'{line}' should be a name and a date, like: Jo from 2026-11-30.",
                                  "rota")
        name = clean_peer_name(match[1])
        check_not_imitating(name, "rota", "coordinator's name")
        if not name:
            raise ValidationError(f"'{line}' should be a name and a date, like: Jo from "
                                  "2026-11-30.", "rota")
        if len(name) > NAME_MAX:
            raise ValidationError(f"The name '{name[:20]}…' is too long; the most is {NAME_MAX}.",
                                  "rota")
        turns.append(RotaTurn(name=name, start=parse_date(match[2], today, "rota", ahead=True)))
    if len(turns) > MAX_ROTA:
        raise ValidationError(f"The rota can have up to {MAX_ROTA} turns.", "rota")
    return tuple(sorted(turns, key=lambda t: t.start))


def parse_rules(lines: Iterable[str]) -> tuple[str, ...]:
    rules = tuple(r for r in (" ".join(strip_controls(line).split()) for line in lines) if r)
    if len(rules) > MAX_RULES:
        raise ValidationError(f"Please keep to {MAX_RULES} ground rules or fewer.", "rules")
    for rule in rules:
        if len(rule) > SHORT:
            raise ValidationError(f"A ground rule is {len(rule)} characters long; the most is "
                                  f"{SHORT}.", "rules")
        check_not_imitating(rule, "rules", "ground rule")
    return rules


def plan_edits(plan: GroupPlan, today: date, *, rhythm: str | None = None,
                 first: date | None = None, every: int | None = None,
                 time_text: str | None = None, place: str | None = None,
                 access: str | None = None, keep_in_touch: str | None = None,
                 coordinators: tuple[str, ...] = (), rules: tuple[str, ...] = (),
                 crisis_note: str | None = None) -> dict[str, object]:
    """Checked changes to a plan from what the person typed (CLI options or TUI fields)."""
    changes: dict[str, object] = {}
    for key, value, limit in (("rhythm", rhythm, SHORT), ("place", place, SHORT),
                              ("access", access, LINE), ("keep_in_touch", keep_in_touch, LINE),
                              ("crisis_note", crisis_note, LINE)):
        if value is not None:
            label = key.replace("_", " ")
            changes[key] = check_not_imitating(clean_text(value, key, limit, label=label), key,
                                               label)
    if first is not None:
        changes["first_meeting"] = first
    if every is not None:
        if not 0 <= every <= 8:
            raise ValidationError("Meetings can be every 1 to 8 weeks (or 0 for no fixed "
                                  "rhythm).", "every")
        changes["every_weeks"] = every
    if time_text is not None:
        changes["meet_time"] = parse_clock(time_text, "time") if time_text.strip() else None
    if coordinators:
        changes["rota"] = parse_rota(coordinators, today)
    if rules:
        changes["ground_rules"] = parse_rules(strip_controls(r) for r in rules)
    return changes


def next_meeting(plan: GroupPlan, today: date) -> date | None:
    """The next meeting on or after `today`, from the first meeting and the rhythm."""
    first = plan.first_meeting
    if first is None:
        return None
    if today <= first:
        return first
    if plan.every_weeks <= 0:
        return None
    step = 7 * plan.every_weeks
    periods = -(-(today - first).days // step)  # ceiling
    return first + timedelta(days=periods * step)


def coordinator_on(plan: GroupPlan, day: date) -> RotaTurn | None:
    """Whose turn it is on `day`: the latest turn that has started."""
    current = None
    for turn in sorted(plan.rota, key=lambda t: t.start):
        if turn.start <= day:
            current = turn
    return current


def next_turn(plan: GroupPlan, day: date) -> RotaTurn | None:
    later = [t for t in plan.rota if t.start > day]
    return min(later, key=lambda t: t.start) if later else None


def coordinator_words(plan: GroupPlan, today: date) -> str:
    """Who is coordinating the group now, and who is next (plain words)."""
    current = coordinator_on(plan, today)
    coming = next_turn(plan, today)
    if current is None and coming is None:
        return "No coordinator rota yet."
    parts = []
    if current is not None:
        parts.append(f"{current.name} is coordinating (since {show_date(current.start)})")
    if coming is not None:
        parts.append(f"next coordinator: {coming.name}, from {show_date(coming.start)}")
    return "; ".join(parts) + "."


@dataclass(frozen=True, eq=False, repr=False)
class SharedPlan(Value):
    """A group plan read from a peer's document."""

    member_id: str
    shared_by: str
    shared_at: datetime
    plan: GroupPlan


# -- peers' cards on the board ----------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PeerCard(Record):
    """A peer's goal card as imported: read-only, the latest first, older ones kept as history."""

    KIND: ClassVar[str] = "peercard"
    LABEL: ClassVar[str] = "peer's card"
    #: Nothing on a peer's card can be changed here (`paceapp edit` refuses every field).
    FIXED_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"id", "created", "updated", "member_id", "card", "history"})

    member_id: str
    card: GoalCard
    history: tuple[GoalCard, ...] = ()

    def validate(self) -> None:
        from paceapp.core.share_document import card_problems

        problems = card_problems(self.card)
        for old in self.history:
            problems += card_problems(old)
        if self.card.member_id != self.member_id or any(
                old.member_id != self.member_id for old in self.history):
            problems.append("A peer's card must keep the member id it came with.")
        if problems:
            raise ValidationError.many([(None, p) for p in problems])

    def summary(self) -> dict[str, str]:
        return {"member": self.card.display_name, "goals": str(len(self.card.goals)),
                "shared": show_date(self.card.shared_on)}


def merge_card(existing: PeerCard | None, card: GoalCard,
               now: datetime | None = None) -> tuple[str, PeerCard | None]:
    """What importing `card` does: ('added'|'updated', new record) or ('same'|'older', None).

    The latest card wins (by the moment it was shared); the one it replaces goes into history.
    A card older than the stored one does not replace it - unless the stored one is dated ahead of
    `now` (kept from before future dates were refused), which never holds off a member's real card.

    Raises ValidationError (nothing changes) for a card that claims a stored member's id but
    carries another name, or the same moment with other content: one of the two is not genuine,
    so neither silently replaces nor hides the other (docs/sharing.md, "Member ids").
    """
    if existing is None:
        return "added", PeerCard(member_id=card.member_id, card=card)
    stored = existing.card
    stored_name = clean_peer_name(stored.display_name)
    if card.display_name != stored_name:
        raise ValidationError(
            f"This card carries the member id of {stored_name}'s card on your board, but the name "
            f"'{card.display_name}'. A card cannot take over another member's place on your "
            f"board, so it was not added. If {stored_name} really changed their name, remove "
            f"their card first (paceapp group remove '{stored_name}', or x on the Group screen), "
            "then add this one.", "member")
    if card.shared_at == stored.shared_at:
        from paceapp.core.share_document import recleaned

        if card == recleaned(stored):
            return "same", None
        raise ValidationError(
            f"This card has the same member id and the same moment ({show_date(card.shared_on)}) "
            f"as {stored_name}'s card on your board, but different content, so one of the two is "
            f"not genuine. It was not added. Ask {stored_name} to share their card again.",
            "member")
    held_off = now is not None and stored.shared_at > now + FUTURE_SLACK
    if card.shared_at < stored.shared_at and not held_off:
        return "older", None
    history = (stored, *existing.history)[:HISTORY_KEPT]
    return "updated", PeerCard(id=existing.id, created=existing.created, member_id=card.member_id,
                               card=card, history=history)


def check_member_id(peers: Sequence[PeerCard], member_id: str, own_member_id: str = "") -> None:
    """ValidationError when `member_id` looks like (but is not) a stored member's or your own.

    Member ids are shown on the board as codes ('Jo (#7c2e9b)'), so an id that differs only in
    look-alike characters (capitals, 0 and O, 1 and l) could pass for someone else's.
    """
    keys = look_alike_keys(member_id)
    if own_member_id and member_id != own_member_id and keys & look_alike_keys(own_member_id):
        raise ValidationError("This card's member id looks like your own but is not the same, "
                              "so it was not added: no one can pass for you.", "member")
    for peer in peers:
        if peer.member_id != member_id and keys & look_alike_keys(peer.member_id):
            name = clean_peer_name(peer.card.display_name)
            raise ValidationError(
                f"This card's member id ({member_id}) looks like {name}'s ({peer.member_id}) "
                f"but is not the same, so it was not added: no one can pass for {name}.",
                "member")


def _code(peer: PeerCard, length: int) -> str:
    """The member code after a name: the start of the member id, then (only when two cards
    somehow share a member id) the start of the record's own id."""
    member = peer.member_id
    if length <= len(member):
        return member[:length]
    return f"{member}/{peer.id[:max(4, length - len(member))]}"


def board_names(peers: Sequence[PeerCard], own_name: str = "") -> dict[str, str]:
    """record id -> the name to show on the board.

    A name that looks like another member's or yours (after invisible characters are removed,
    case, accents and look-alike letters folded: `core.lookalike`) gets its member code:
    'Jo (#7c2e9b)'. Codes are at least `MARK_MIN` characters and grow until no two names shown
    look alike, so two rows never read the same. A name that itself holds '(#', or mixes Latin
    with Cyrillic or Greek letters (a look-alike not in the list), is always marked.
    """
    own_keys = look_alike_keys(own_name) if own_name.strip() else frozenset()
    keys = {p.id: look_alike_keys(p.card.display_name) for p in peers}
    holders: dict[str, set[str]] = {}
    for peer in peers:
        for key in keys[peer.id]:
            holders.setdefault(key, set()).add(peer.id)
    length: dict[str, int] = {
        p.id: MARK_MIN for p in peers
        if any(len(holders[k]) > 1 or "(#" in k for k in keys[p.id]) or keys[p.id] & own_keys
        or mixed_script(p.card.display_name)}
    by_id = {p.id: p for p in peers}
    plain = {p.id: clean_peer_name(p.card.display_name) for p in peers}
    while True:
        shown = {p.id: (f"{plain[p.id]} (#{_code(p, length[p.id])})" if p.id in length
                        else plain[p.id]) for p in peers}
        seen: dict[str, set[str]] = {}
        clash: set[str] = set()
        for record_id, text in shown.items():
            text_keys = look_alike_keys(text)
            if text_keys & own_keys:
                clash.add(record_id)
            for key in text_keys:
                seen.setdefault(key, set()).add(record_id)
        clash.update(i for ids in seen.values() if len(ids) > 1 for i in ids)
        grown = False
        for record_id in clash:
            peer = by_id[record_id]
            most = len(peer.member_id) + len(peer.id)
            current = length.get(record_id)
            if current is None or current < most:
                length[record_id] = MARK_MIN if current is None else min(current + 2, most)
                grown = True
        if not grown:
            return shown


def shared_ago(shared_on: date, today: date) -> str:
    days = (today - shared_on).days
    if days <= 0:
        return "shared today"
    if days == 1:
        return "shared yesterday"
    return f"shared {days} days ago"


def progress_words(goal: SharedGoal) -> str:
    """'3 of 5 days so far' - never 'failed'; more than the target is simply counted."""
    done, target = goal.done_this_week, goal.target_this_week
    if target and done >= target:
        return f"{done} of {target} days - done for this week"
    return f"{done} of {target} days so far"


_WITH_CODE = re.compile(r"^(.*?)\s*\(\s*#\s*([^()\s]+)\s*\)$")
_CODE = re.compile(r"^#?\s*([A-Za-z0-9_/-]+)$")


def _ambiguous(what: str, matches: Sequence[PeerCard], names: dict[str, str],
               hint: str) -> ValidationError:
    shown = ", ".join(names[p.id] for p in matches)
    return ValidationError(f"More than one member on your board fits {what}: {shown}. {hint}",
                           "member")


def find_peer(peers: Sequence[PeerCard], text: str, own_name: str = "") -> PeerCard:
    """A peer by the name shown on the board, their display name (look-alikes count as the same),
    their member code ('#7c2e9b', any unambiguous start of the member id) or full member id.

    When more than one member fits, the ValidationError lists them as shown on the board.
    """
    wanted = " ".join(remove_invisible(strip_controls(text or "")).split())
    if not wanted:
        raise ValidationError("Say which member: their name as shown on the board.", "member")
    names = board_names(peers, own_name)
    exact = [p for p in peers if names[p.id].casefold() == wanted.casefold()]
    if len(exact) == 1:
        return exact[0]
    full = [p for p in peers if p.member_id == wanted.lstrip("#").strip()]
    if len(full) == 1:
        return full[0]
    code_hint = "Please give more of the code, as shown on the board (or the full member id)."
    with_code = _WITH_CODE.match(wanted)
    code = _CODE.match(wanted)
    if with_code or wanted.startswith("#"):
        name_part, wanted_code = (with_code[1], with_code[2]) if with_code else ("", code[1] if
                                                                                code else "")
        fits = [p for p in peers if f"{p.member_id}/{p.id}".startswith(wanted_code)] \
            if wanted_code else []
        if not fits and wanted_code:  # typed in other case: fine when it fits only one
            fits = [p for p in peers
                    if f"{p.member_id}/{p.id}".casefold().startswith(wanted_code.casefold())]
        if len(fits) > 1:
            raise _ambiguous(f"'#{wanted_code}'", fits, names, code_hint)
        if not fits:
            raise ValidationError(f"No member on your board has the code #{wanted_code}. "
                                  "'paceapp group board' lists them with their codes.", "member")
        peer = fits[0]
        if name_part and not look_alike_keys(name_part) & look_alike_keys(peer.card.display_name):
            raise ValidationError(f"#{wanted_code} is {names[peer.id]} on your board, not "
                                  f"{name_part}. Please check the name and the code.", "member")
        return peer
    wanted_keys = look_alike_keys(wanted)
    by_name = [p for p in peers if look_alike_keys(p.card.display_name) & wanted_keys]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        raise _ambiguous(f"The name '{wanted}'", by_name, names,
                         "Please use the name with its #code, as shown on the board.")
    if code and len(code[1]) >= 4:
        fits = [p for p in peers if p.member_id.startswith(code[1])]
        if len(fits) == 1:
            return fits[0]
        if len(fits) > 1:
            raise _ambiguous(f"'{code[1]}'", fits, names, code_hint)
    starts = [p for p in peers if any(k.startswith(w) for k in look_alike_keys(p.card.display_name)
                                      for w in wanted_keys)]
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        raise _ambiguous(f"'{wanted}'", starts, names,
                         "Please give the whole name as shown on the board.")
    raise ValidationError(f"There is no member called '{wanted}' on your board. "
                          "'paceapp group board' lists them.", "member")


from paceapp.core.supporter import SupporterCopy, SupporterPage  # noqa: E402 - kinds registry

KINDS = (PeerCard, GroupPlan, SupporterPage, SupporterCopy)
