"""Peer group sharing: goal cards, peers' cards on the group board, and the group's plan.

No server: a member shares a *goal card* (their action plans and this week's progress) and the
group shares a *mutual support plan*, as a JSON document or a chat message (see
`paceapp.outputs.share` and docs/sharing.md). Everything imported was written by someone else, so
:func:`parse_document` treats it as untrusted: it checks the format and version strictly, caps
sizes and lengths, strips control characters, and returns core objects or a list of problems.

Health data is never on a card unless the person ticks it: only the sections in `SECTIONS` exist,
and medicines are not among them (DOMAIN.md, Peer group sharing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.safety import CRISIS_CONTACTS, PEER_CRISIS_NOTE
from paceapp.core.text import LINE, SHORT, clean_text, strip_controls
from paceapp.core.timeparse import parse_clock, parse_date, show_date

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
#: A card dated further ahead than this (a clock a little fast) is refused.
FUTURE_SLACK = timedelta(days=1)

#: The only health sections a card can carry, each only when the person ticks it.
SECTIONS: dict[str, str] = {
    "pain": "pain: your average score over the last 7 days",
    "sleep": "sleep: your average hours asleep over the last 7 nights",
}
#: Asked for by name, these are refused with a reason: they are never shareable.
NEVER_SHARED = ("medicines", "medicine", "meds", "gp", "real_name", "practice")

_MEMBER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

DEFAULT_RULES: tuple[str, ...] = (
    "What is said in the group stays in the group.",
    "No pressure: come when you can, share what you want to.",
    "Keep it kind, to each other and to yourself.",
    "Have fun - it is not all about pain.",
)


def crisis_steps() -> tuple[str, ...]:
    """What to do if someone is in crisis: always this paceapp's own wording (core.safety)."""
    return (PEER_CRISIS_NOTE,
            *(f"{who}: {how} - {when}." for who, how, when in CRISIS_CONTACTS))


# -- the card -----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class SharedGoal:
    """One action plan as it appears on a card, with this week's progress."""

    what: str
    how_much: str = ""
    when: str = ""
    days_per_week: int
    confidence: int
    done_this_week: int
    target_this_week: int


@dataclass(frozen=True, kw_only=True)
class PainWeek:
    start: date
    end: date
    days_logged: int
    average: float | None


@dataclass(frozen=True, kw_only=True)
class SleepWeek:
    start: date
    end: date
    nights_logged: int
    average_tst_min: float | None
    average_se_pct: float | None


@dataclass(frozen=True, kw_only=True)
class GoalCard:
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
        return self.shared_at.date()

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


def clean_name(name: str) -> str:
    """A display name for peers: required, short, plain."""
    text = " ".join(strip_controls(name or "").split())
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
@dataclass(frozen=True, kw_only=True)
class RotaTurn:
    """One coordinator's turn, from a date until the next turn starts."""

    name: str
    start: date


@dataclass(frozen=True, kw_only=True)
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
        match = re.match(r"^(.*?)(?:\s+from\s+|\s*:\s*|\s+)(\S+)$", line, re.IGNORECASE)
        if not match or not match[1].strip():
            raise ValidationError(f"'{line}' should be a name and a date, like: Jo from 2026-11-30.",
                                  "rota")
        name = match[1].strip()
        if len(name) > NAME_MAX:
            raise ValidationError(f"The name '{name[:20]}…' is too long; the most is {NAME_MAX}.",
                                  "rota")
        turns.append(RotaTurn(name=name, start=parse_date(match[2], today, "rota")))
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
            changes[key] = clean_text(value, key, limit, label=key.replace("_", " "))
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
        parts.append(f"next: {coming.name} from {show_date(coming.start)}")
    return "; ".join(parts) + "."


@dataclass(frozen=True)
class SharedPlan:
    """A group plan read from a peer's document."""

    member_id: str
    shared_by: str
    shared_at: datetime
    plan: GroupPlan


# -- peers' cards on the board ----------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
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


def card_problems(card: GoalCard) -> list[str]:
    """Re-check a card object (as stored): the same rules as for an imported document."""
    problems: list[str] = []
    check = _Checker(problems, now=None)
    check.card(_card_to_doc(card))
    return problems


def merge_card(existing: PeerCard | None, card: GoalCard) -> tuple[str, PeerCard | None]:
    """What importing `card` does: ('added'|'updated', new record) or ('same'|'older', None).

    The latest card wins (by the moment it was shared); the one it replaces goes into history.
    A card older than the stored one does not replace it.
    """
    if existing is None:
        return "added", PeerCard(member_id=card.member_id, card=card)
    if card.shared_at == existing.card.shared_at:
        return "same", None
    if card.shared_at < existing.card.shared_at:
        return "older", None
    history = (existing.card, *existing.history)[:HISTORY_KEPT]
    return "updated", PeerCard(id=existing.id, created=existing.created, member_id=card.member_id,
                               card=card, history=history)


def board_names(peers: Sequence[PeerCard], own_name: str = "") -> dict[str, str]:
    """member id -> the name to show. Names that collide get '(#abcd)' from the member id."""
    counts: dict[str, int] = {}
    for peer in peers:
        key = peer.card.display_name.casefold()
        counts[key] = counts.get(key, 0) + 1
    own = own_name.casefold()
    names = {}
    for peer in peers:
        name = peer.card.display_name
        if counts[name.casefold()] > 1 or (own and name.casefold() == own):
            name = f"{name} (#{peer.member_id[:4]})"
        names[peer.member_id] = name
    return names


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


def find_peer(peers: Sequence[PeerCard], text: str, own_name: str = "") -> PeerCard:
    """A peer by shown name, display name or the start of their member id."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        raise ValidationError("Say which member: their name as shown on the board.", "member")
    names = board_names(peers, own_name)
    exact = [p for p in peers if names[p.member_id].casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    by_name = [p for p in peers if p.card.display_name.casefold() == wanted]
    if len(by_name) == 1:
        return by_name[0]
    by_id = [p for p in peers if len(wanted.lstrip("#")) >= 4
             and p.member_id.casefold().startswith(wanted.lstrip("#"))]
    if len(by_id) == 1:
        return by_id[0]
    starts = [p for p in peers if p.card.display_name.casefold().startswith(wanted)]
    if not by_name and not by_id and len(starts) == 1:
        return starts[0]
    if len(by_name) > 1 or len(by_id) > 1:
        options = ", ".join(names[p.member_id] for p in (by_name or by_id))
        raise ValidationError(f"More than one member is called that: {options}. Please use the "
                              "name with its #code, as shown on the board.", "member")
    raise ValidationError(f"There is no member called '{text.strip()}' on your board. "
                          "'paceapp group board' lists them.", "member")


# -- documents: writing ---------------------------------------------------------------------
def _card_to_doc(card: GoalCard) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    if card.pain is not None:
        sections["pain"] = {"from": card.pain.start.isoformat(), "to": card.pain.end.isoformat(),
                            "days_logged": card.pain.days_logged, "average": card.pain.average}
    if card.sleep is not None:
        sections["sleep"] = {"from": card.sleep.start.isoformat(),
                             "to": card.sleep.end.isoformat(),
                             "nights_logged": card.sleep.nights_logged,
                             "average_tst_min": card.sleep.average_tst_min,
                             "average_se_pct": card.sleep.average_se_pct}
    return {
        "format": CARD_FORMAT, "version": FORMAT_VERSION,
        "member_id": card.member_id, "display_name": card.display_name,
        "shared_at": card.shared_at.isoformat(), "week_start": card.week_start.isoformat(),
        "goals": [{"what": g.what, "how_much": g.how_much, "when": g.when,
                   "days_per_week": g.days_per_week, "confidence": g.confidence,
                   "done_this_week": g.done_this_week, "target_this_week": g.target_this_week}
                  for g in card.goals],
        "note": card.note,
        "sections": sections,
    }


def card_document(card: GoalCard) -> dict[str, Any]:
    """The card as its versioned JSON document (docs/sharing.md)."""
    return _card_to_doc(card)


def plan_document(plan: GroupPlan, *, member_id: str, shared_by: str,
                  shared_at: datetime) -> dict[str, Any]:
    """The group plan as its versioned JSON document. Crisis steps travel for reading only."""
    return {
        "format": PLAN_FORMAT, "version": FORMAT_VERSION,
        "member_id": member_id, "shared_by": shared_by, "shared_at": shared_at.isoformat(),
        "meetings": {"rhythm": plan.rhythm,
                     "first": plan.first_meeting.isoformat() if plan.first_meeting else None,
                     "every_weeks": plan.every_weeks,
                     "time": plan.meet_time.strftime("%H:%M") if plan.meet_time else None},
        "place": plan.place, "access": plan.access, "keep_in_touch": plan.keep_in_touch,
        "rota": [{"name": t.name, "from": t.start.isoformat()} for t in plan.rota],
        "ground_rules": list(plan.ground_rules),
        "crisis_note": plan.crisis_note,
        "crisis_steps": list(crisis_steps()),
    }


# -- documents: reading untrusted input ------------------------------------------------------
@dataclass
class Parsed:
    """The result of reading a document: a card, a plan, or the problems found (all of them)."""

    value: GoalCard | SharedPlan | None = None
    problems: list[str] = field(default_factory=list)


def parse_document(data: bytes, *, now: datetime, own_member_id: str | None = None) -> Parsed:
    """Read a card or plan document someone else wrote. Never raises for bad input."""
    problems: list[str] = []
    if len(data) > MAX_DOCUMENT_BYTES:
        return Parsed(problems=[f"It is too big: {len(data):,} bytes; a card or plan is at most "
                                f"{MAX_DOCUMENT_BYTES:,} bytes."])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Parsed(problems=[f"It is not readable text (UTF-8): a bad byte at position "
                                f"{error.start}."])
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError:
        return Parsed(problems=[f"It is nested too deeply (more than {MAX_DEPTH} levels)."])
    except _DuplicateKey as error:
        return Parsed(problems=[f"The field '{str(error)[:40]}' appears twice."])
    except ValueError as error:
        return Parsed(problems=[f"It is not valid JSON ({str(error)[:80]})."])
    if _depth(doc) > MAX_DEPTH:
        return Parsed(problems=[f"It is nested too deeply (more than {MAX_DEPTH} levels)."])
    if not isinstance(doc, dict):
        return Parsed(problems=["It is not a paceapp card: it should be one JSON object."])
    fmt, version = doc.get("format"), doc.get("version")
    if fmt not in (CARD_FORMAT, PLAN_FORMAT):
        shown = _shown(fmt)
        return Parsed(problems=[f"The format is {shown}; paceapp reads '{CARD_FORMAT}' and "
                                f"'{PLAN_FORMAT}'."])
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append("The version is missing or not a whole number.")
    elif version > FORMAT_VERSION:
        problems.append(f"It was made by a newer paceapp (version {version}); this paceapp reads "
                        f"version {FORMAT_VERSION}. Please update paceapp.")
    elif version < 1:
        problems.append(f"The version {version} is not one paceapp ever wrote.")
    if problems:
        return Parsed(problems=problems)
    check = _Checker(problems, now=now)
    value: GoalCard | SharedPlan | None
    value = check.card(doc) if fmt == CARD_FORMAT else check.plan(doc)
    member_id = doc.get("member_id")
    if own_member_id and isinstance(member_id, str) and member_id == own_member_id:
        problems.append("This is your own card or plan (it has your member id), so it is not "
                        "added to your board.")
    if problems:
        return Parsed(problems=problems)
    return Parsed(value=value)


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(strip_controls(key))
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _depth(value: Any) -> int:
    """Nesting depth, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _shown(value: Any) -> str:
    if value is None:
        return "missing"
    text = " ".join(strip_controls(str(value)).split())
    return f"'{text[:40]}{'…' if len(text) > 40 else ''}'"


class _Checker:
    """Reads fields out of an untrusted document, adding every problem to `problems`.

    Unknown fields are ignored (never stored or shown): a later paceapp may add optional fields
    without a new version. Every text is cleaned of control characters, ANSI escapes and bidi
    overrides, and refused when longer than its cap.
    """

    def __init__(self, problems: list[str], now: datetime | None) -> None:
        self.problems = problems
        self.now = now

    def add(self, message: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(message)

    def text(self, obj: dict[str, Any], key: str, where: str, limit: int, *,
             required: bool = False, multiline: bool = False) -> str:
        value = obj.get(key, "")
        label = f"{where}{key}"
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(f"'{label}' should be text.")
            return ""
        cleaned = strip_controls(value, keep_newlines=multiline).strip()
        if not multiline:
            cleaned = " ".join(cleaned.split())
        if required and not cleaned:
            self.add(f"'{label}' is empty.")
        if len(cleaned) > limit:
            self.add(f"'{label}' is {len(cleaned):,} characters long; the most is {limit}.")
            return cleaned[:limit]
        return cleaned

    def whole(self, obj: dict[str, Any], key: str, where: str, low: int, high: int) -> int:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.add(f"'{where}{key}' should be a whole number from {low} to {high}.")
            return low
        return value

    def number(self, obj: dict[str, Any], key: str, where: str, low: float,
               high: float) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            self.add(f"'{where}{key}' should be a number from {low:g} to {high:g}, or null.")
            return None
        return float(value)

    def day(self, obj: dict[str, Any], key: str, where: str, required: bool = True) -> date | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self.add(f"'{where}{key}' should be a date like 2026-11-21.")
            return None

    def moment(self, obj: dict[str, Any], key: str) -> datetime | None:
        value = obj.get(key)
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError
        except ValueError:
            self.add(f"'{key}' should be a date and time with its UTC offset, "
                     "like 2026-11-21T14:05:00+00:00.")
            return None
        if moment.year < 2000:
            self.add(f"'{key}' is before the year 2000.")
        elif self.now is not None and moment > self.now + FUTURE_SLACK:
            self.add(f"'{key}' is in the future ({show_date(moment.date())}).")
        return moment

    def member_id(self, obj: dict[str, Any]) -> str:
        value = obj.get("member_id")
        if not isinstance(value, str) or not _MEMBER_ID.match(value):
            self.add("'member_id' should be 8 to 64 letters, digits, '-' or '_'.")
            return ""
        return value

    def listing(self, obj: dict[str, Any], key: str, most: int) -> list[Any]:
        value = obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(f"'{key}' should be a list.")
            return []
        if len(value) > most:
            self.add(f"'{key}' has {len(value)} items; the most is {most}.")
            return []
        return value

    def obj(self, value: Any, where: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(f"'{where}' should be an object.")
            return None
        return value

    # -- the two document types ---------------------------------------------------------
    def card(self, doc: dict[str, Any]) -> GoalCard | None:
        start = len(self.problems)
        member_id = self.member_id(doc)
        name = self.text(doc, "display_name", "", NAME_MAX, required=True)
        shared_at = self.moment(doc, "shared_at")
        week_start = self.day(doc, "week_start", "")
        goals = []
        for i, item in enumerate(self.listing(doc, "goals", MAX_GOALS)):
            where = f"goals[{i}]."
            entry = self.obj(item, f"goals[{i}]")
            if entry is None:
                continue
            goals.append(SharedGoal(
                what=self.text(entry, "what", where, SHORT, required=True),
                how_much=self.text(entry, "how_much", where, SHORT),
                when=self.text(entry, "when", where, SHORT),
                days_per_week=self.whole(entry, "days_per_week", where, 1, 7),
                confidence=self.whole(entry, "confidence", where, 0, 10),
                done_this_week=self.whole(entry, "done_this_week", where, 0, 7),
                target_this_week=self.whole(entry, "target_this_week", where, 0, 7)))
        note = self.text(doc, "note", "", NOTE_MAX, multiline=True)
        pain = sleep = None
        sections = doc.get("sections", {})
        if sections is None:
            sections = {}
        if not isinstance(sections, dict):
            self.add("'sections' should be an object.")
        else:
            if "pain" in sections and (s := self.obj(sections["pain"], "sections.pain")):
                pain = PainWeek(start=self.day(s, "from", "sections.pain.") or date.min,
                                end=self.day(s, "to", "sections.pain.") or date.min,
                                days_logged=self.whole(s, "days_logged", "sections.pain.", 0, 7),
                                average=self.number(s, "average", "sections.pain.", 0, 10))
            if "sleep" in sections and (s := self.obj(sections["sleep"], "sections.sleep")):
                sleep = SleepWeek(
                    start=self.day(s, "from", "sections.sleep.") or date.min,
                    end=self.day(s, "to", "sections.sleep.") or date.min,
                    nights_logged=self.whole(s, "nights_logged", "sections.sleep.", 0, 7),
                    average_tst_min=self.number(s, "average_tst_min", "sections.sleep.", 0, 1440),
                    average_se_pct=self.number(s, "average_se_pct", "sections.sleep.", 0, 100))
        if len(self.problems) > start or shared_at is None or week_start is None:
            return None
        return GoalCard(member_id=member_id, display_name=name, shared_at=shared_at,
                        week_start=week_start, goals=tuple(goals), note=note, pain=pain,
                        sleep=sleep)

    def plan(self, doc: dict[str, Any]) -> SharedPlan | None:
        start = len(self.problems)
        member_id = self.member_id(doc)
        shared_by = self.text(doc, "shared_by", "", NAME_MAX, required=True)
        shared_at = self.moment(doc, "shared_at")
        meetings = self.obj(doc.get("meetings", {}), "meetings") or {}
        rhythm = self.text(meetings, "rhythm", "meetings.", SHORT)
        first = self.day(meetings, "first", "meetings.", required=False)
        every = (self.whole(meetings, "every_weeks", "meetings.", 0, 8)
                 if meetings.get("every_weeks") is not None else 0)
        meet_time = None
        raw_time = meetings.get("time")
        if raw_time is not None:
            try:
                if not isinstance(raw_time, str) or not re.match(r"^\d{2}:\d{2}$", raw_time):
                    raise ValueError
                meet_time = time.fromisoformat(raw_time)
            except ValueError:
                self.add("'meetings.time' should be a time like 10:30.")
        place = self.text(doc, "place", "", SHORT)
        access = self.text(doc, "access", "", LINE)
        keep = self.text(doc, "keep_in_touch", "", LINE)
        rota = []
        for i, item in enumerate(self.listing(doc, "rota", MAX_ROTA)):
            entry = self.obj(item, f"rota[{i}]")
            if entry is None:
                continue
            turn_name = self.text(entry, "name", f"rota[{i}].", NAME_MAX, required=True)
            turn_start = self.day(entry, "from", f"rota[{i}].")
            if turn_start is not None:
                rota.append(RotaTurn(name=turn_name, start=turn_start))
        rules = []
        for i, item in enumerate(self.listing(doc, "ground_rules", MAX_RULES)):
            rule = self.text({f"ground_rules[{i}]": item}, f"ground_rules[{i}]", "", SHORT)
            if rule:
                rules.append(rule)
        crisis_note = self.text(doc, "crisis_note", "", LINE)
        # 'crisis_steps' is deliberately not read: the steps shown are always this paceapp's own.
        if len(self.problems) > start or shared_at is None:
            return None
        plan = GroupPlan(rhythm=rhythm, first_meeting=first, every_weeks=every,
                         meet_time=meet_time, place=place, access=access, keep_in_touch=keep,
                         rota=tuple(sorted(rota, key=lambda t: t.start)), ground_rules=tuple(rules),
                         crisis_note=crisis_note, shared_by=shared_by, content_at=shared_at)
        return SharedPlan(member_id=member_id, shared_by=shared_by, shared_at=shared_at, plan=plan)


KINDS = (PeerCard, GroupPlan)
