"""Goal cards and the group plan as files and chat messages, and reading them back.

Two forms, one content (docs/sharing.md):

- the **file**: the versioned JSON document from `core.sharing` (`card_document`/`plan_document`);
- the **message**: short readable text for WhatsApp, SMS or email, ending with one line
  ``paceapp:1:<base64url of zlib-compressed compact JSON>:end`` that paceapp reads back, even with
  chat clutter around it (timestamps, a name prefix, the line wrapped by a mail program).

Reading is capped twice against zip bombs and floods: the pasted text and the decompressed
document are each at most `MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from paceapp.core.errors import ValidationError
from paceapp.core.figures import decimal_text, percent_text
from paceapp.core.settings import Settings
from paceapp.core.share_document import (
    Parsed,
    card_document,
    decode_text,
    parse_document,
    plan_document,
    unreadable_message,
)
from paceapp.core.sharing import (
    CRISIS_HEADING,
    FUTURE_SLACK,
    GROUP_NOTE_HEADING,
    MAX_DOCUMENT_BYTES,
    SECTIONS,
    GoalCard,
    GroupPlan,
    PainWeek,
    PeerCard,
    SharedGoal,
    SharedPlan,
    SleepWeek,
    board_names,
    build_card,
    check_member_id,
    crisis_steps,
    merge_card,
    next_meeting,
    progress_words,
)
from paceapp.core.sleep import PERIOD_SE_BASIS, SE_NAME
from paceapp.core.supporter import SupporterCopy
from paceapp.core.timeparse import show_date, show_minutes, week_start
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

MARKER = "paceapp:1:"
END = ":end"
_B64 = re.compile(r"^[A-Za-z0-9_-]*$")
#: A piece of a wrapped paceapp line: base64url, and the ':' of ':end'.
_PIECE = re.compile(r"^[A-Za-z0-9_:-]+$")
HOW_TO_IMPORT = "Paste this whole message into paceapp (Group screen, key i) to add it."


# -- the message line -------------------------------------------------------------------------
def encode_line(doc: dict[str, Any]) -> str:
    """The one line paceapp reads back: marker, base64url(zlib(compact JSON)), end."""
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    return f"{MARKER}{packed}{END}"


class MessageError(ValidationError):
    """A pasted message whose paceapp line cannot be read (the reason is for the person)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "message")


def extract_payload(text: str) -> str:
    """The base64url text between the marker and ':end', joining wrapped lines.

    Each continuation line may carry chat clutter in front (``[21/11, 14:05] Jo:`` or ``> ``):
    base64url has no spaces, so the payload part is the line's last word. The marker itself must
    be on one line; ':end' may be split.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if MARKER in line]
    if not starts:
        raise MessageError(f"There is no paceapp line in it (a line with '{MARKER}…'). Copy the "
                           "whole message, including its last line.")
    if len(starts) > 1:
        raise MessageError("It holds more than one paceapp card or plan. Please paste them one "
                           "at a time.")
    first = starts[0]
    rest = lines[first].split(MARKER, 1)[1].strip()
    pieces = [rest.split()[0] if rest else ""]
    for line in lines[first + 1:]:
        words = line.split()
        pieces.append(words[-1] if words else "")
    joined = ""
    for piece in pieces:
        if not piece:
            continue  # a blank line inside a wrapped message
        if not _PIECE.match(piece):
            if END in piece or not joined:
                raise MessageError("The paceapp line has characters that do not belong in it. "
                                   "Copy the message again.")
            break
        joined += piece
        if END in joined:  # ':end' may itself be split over two lines
            head = joined.split(END, 1)[0]
            if not _B64.match(head):
                raise MessageError("The paceapp line has characters that do not belong in it. "
                                   "Copy the message again.")
            return head
    raise MessageError(f"The paceapp line looks cut short: it should end with '{END}'. "
                       "Copy the whole message again, including the end of its last line.")


def decode_payload(payload: str) -> bytes:
    """JSON bytes from the payload; decompression stops past the size cap (zip bombs)."""
    if not payload:
        raise MessageError("The paceapp line is empty after its marker.")
    try:
        packed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        raise MessageError("The paceapp line is damaged (it is not valid base64). "
                           "Copy the whole message again.") from None
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(packed, MAX_DOCUMENT_BYTES + 1)
    except zlib.error:
        raise MessageError("The paceapp line is damaged (it does not unpack). "
                           "Copy the whole message again.") from None
    if len(data) > MAX_DOCUMENT_BYTES or inflater.unconsumed_tail:
        raise MessageError(f"What the paceapp line unpacks to is too big (more than "
                           f"{MAX_DOCUMENT_BYTES:,} bytes).")
    if not inflater.eof:
        raise MessageError("The paceapp line looks cut short (it does not unpack completely). "
                           "Copy the whole message again.")
    return data


def read_shared(raw: bytes, *, now: datetime, own_member_id: str | None = None) -> Parsed:
    """A card or plan from a file's bytes or a pasted message. Never raises for bad input."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Parsed(problems=[f"It is too big: a card, plan or message is at most "
                                f"{MAX_DOCUMENT_BYTES:,} bytes."])
    try:
        text = decode_text(raw)  # a byte-order mark first (Windows Notepad) is fine
    except UnicodeDecodeError as error:
        return Parsed(problems=[unreadable_message(raw, error)])
    if text.lstrip()[:1] == "{":
        return parse_document(text.encode("utf-8"), now=now, own_member_id=own_member_id)
    if not text.strip():
        return Parsed(problems=["It is empty. Paste a card or plan message, or give a card file."])
    try:
        data = decode_payload(extract_payload(text))
    except MessageError as error:
        return Parsed(problems=[str(error)])
    return parse_document(data, now=now, own_member_id=own_member_id)


def problems_error(problems: Sequence[str]) -> ValidationError:
    """Every problem, one per line, under a line saying nothing was changed."""
    lines = ["Not imported - nothing was changed. What was wrong:"]
    lines += [f"  - {p}" for p in problems]
    return ValidationError("\n".join(lines), "import", [("import", p) for p in problems])


# -- readable text --------------------------------------------------------------------------
def goal_line(goal: SharedGoal) -> str:
    details = ", ".join(x for x in (goal.how_much, goal.when) if x)
    head = f"{goal.what} - {details}" if details else goal.what
    return (f"{head}, {goal.days_per_week} day{'s' if goal.days_per_week != 1 else ''} a week. "
            f"{progress_words(goal)[0].upper()}{progress_words(goal)[1:]}. "
            f"Confidence {goal.confidence}/10.")


def pain_line(pain: PainWeek) -> str:
    if pain.average is None:
        return f"Pain, {show_date(pain.start)} to {show_date(pain.end)}: not logged."
    return (f"Pain, {show_date(pain.start)} to {show_date(pain.end)}: average "
            f"{decimal_text(pain.average)}/10 "
            f"({pain.days_logged} day{'s' if pain.days_logged != 1 else ''} logged).")


def sleep_line(sleep: SleepWeek) -> str:
    period = f"{show_date(sleep.start)} to {show_date(sleep.end)}"
    if sleep.average_tst_min is None:
        return f"Sleep, {period}: not enough logged to work out."
    text = f"Sleep, {period}: on average {show_minutes(sleep.average_tst_min)} asleep"
    if sleep.average_se_pct is not None:
        text += f"; {SE_NAME} {percent_text(sleep.average_se_pct)} {PERIOD_SE_BASIS}"
    nights = sleep.nights_logged
    return f"{text} ({nights} night{'s' if nights != 1 else ''} logged)."


def card_text(card: GoalCard) -> str:
    """The card as a person reads it (the message without its last line)."""
    lines = [f"Goal card from {card.display_name} - {show_date(card.shared_on)}",
             f"My goals this week (from {show_date(card.week_start)}):"]
    if card.goals:
        lines += [f"* {goal_line(goal)}" for goal in card.goals]
    else:
        lines.append("* No goals set this week - resting counts too.")
    if card.note:  # later lines indented: a note cannot start a line that looks like paceapp's
        lines.append("Note: " + card.note.replace("\n", "\n  "))
    if card.pain is not None:
        lines.append(pain_line(card.pain))
    if card.sleep is not None:
        lines.append(sleep_line(card.sleep))
    return "\n".join(lines)


def card_message(card: GoalCard) -> str:
    return "\n".join([card_text(card), HOW_TO_IMPORT, encode_line(card_document(card))])


def card_json(card: GoalCard) -> str:
    return json.dumps(card_document(card), ensure_ascii=False, indent=2) + "\n"


def included_words(card: GoalCard) -> str:
    """What the card holds and what it leaves out, in words (shown before sharing)."""
    sections = card.sections()
    count = len(card.goals)
    parts = ["your display name", "a random member id",
             f"{count} active goal{'s' if count != 1 else ''} with this week's progress", "the date"]
    if card.note:
        parts.append("your note")
    parts += [SECTIONS[name].split(":")[0] + " summary" for name in sections]
    left_out = [name for name in SECTIONS if name not in sections]
    text = "Included: " + ", ".join(parts) + "."
    text += "\nNot included: " + ", ".join([*left_out, "medicines (never shared)"]) + "."
    return text


def plan_text(plan: GroupPlan, today: date, shared_by: str = "",
              shared_on: date | None = None) -> str:
    """The group plan as a person reads it."""
    head = "Our group plan"
    if shared_by:
        head += f" - shared by {shared_by}"
    if shared_on:
        head += f" on {show_date(shared_on)}"
    lines = [head]
    meet = plan.rhythm or "not set yet"
    if plan.meet_time:
        meet += f", {plan.meet_time:%H:%M}"
    upcoming = next_meeting(plan, today)
    lines.append(f"When we meet: {meet}." + (f" Next: {show_date(upcoming)}." if upcoming else ""))
    if plan.place:
        lines.append(f"Where: {plan.place}.")
    if plan.access:
        lines.append(f"Getting there and access: {plan.access}")
    if plan.keep_in_touch:
        lines.append(f"Keeping in touch: {plan.keep_in_touch}")
    if plan.rota:
        turns = "; ".join(f"{t.name} from {show_date(t.start)}" for t in plan.rota)
        lines.append(f"Coordinator rota (so no one carries it alone): {turns}.")
    if plan.ground_rules:
        lines.append("Ground rules:")
        lines += [f"* {rule}" for rule in plan.ground_rules]
    lines += crisis_lines(plan)
    return "\n".join(lines)


def crisis_lines(plan: GroupPlan) -> list[str]:
    """paceapp's own crisis steps first, exactly as in core.safety; then, only if the group wrote
    one, its note under a heading that names it as the group's words, quoted and indented so it
    cannot pass for one of paceapp's lines."""
    lines = [CRISIS_HEADING, *(f"* {step}" for step in crisis_steps())]
    if plan.crisis_note:
        lines += [GROUP_NOTE_HEADING, f'  "{plan.crisis_note}"']
    return lines


def plan_message(plan: GroupPlan, *, member_id: str, shared_by: str, now: datetime) -> str:
    doc = plan_document(plan, member_id=member_id, shared_by=shared_by, shared_at=now)
    return "\n".join([plan_text(plan, now.date(), shared_by, now.date()), HOW_TO_IMPORT,
                      encode_line(doc)])


def plan_json(plan: GroupPlan, *, member_id: str, shared_by: str, now: datetime) -> str:
    doc = plan_document(plan, member_id=member_id, shared_by=shared_by, shared_at=now)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- making a card from the person's own data -----------------------------------------------
@dataclass(frozen=True)
class CardInputs:
    """What a card is made from: read once, then cards for any choice of sections are cheap."""

    member_id: str
    display_name: str
    today: date
    week_start: date
    goals: tuple[SharedGoal, ...]
    pain: PainWeek
    sleep: SleepWeek | None


def gather_card_inputs(journal: Journal, today: date,
                       settings: Settings | None = None) -> CardInputs:
    """Read only what a card needs: active plans, this week's goal days, the last 7 days.

    Reads nothing older than a week, so it is fast on ten years of data.
    """
    from paceapp.core.goals import ActionPlan, GoalDay, Review, plans_this_week, progress_this_week
    from paceapp.core.pain import PainEntry, summarise_pain

    settings = settings or load_settings(journal)
    first = week_start(today, settings.week_starts)
    since = min(first, today - timedelta(days=6))
    days = journal.list(GoalDay, since=first, until=today)
    goals = []
    # The plans of this week: one reviewed early stays on the card until its week ends; the
    # plan carried on to next week is not on it until it starts.
    for plan in plans_this_week(journal.list(ActionPlan), journal.list(Review), today):
        done, target = progress_this_week(plan, days, today, week_starts=settings.week_starts)
        goals.append(SharedGoal(what=plan.what, how_much=plan.how_much, when=plan.when,
                                days_per_week=plan.days_per_week, confidence=plan.confidence,
                                done_this_week=min(done, 7), target_this_week=min(target, 7)))
    week_ago = today - timedelta(days=6)
    pain = summarise_pain(journal.list(PainEntry, since=since, until=today), week_ago, today)
    pain_week = PainWeek(start=week_ago, end=today, days_logged=pain.days_logged,
                         average=pain.average)
    sleep_week = None
    try:
        from paceapp.core.sleep import SleepNight, summarise_sleep
    except ImportError:  # the sleep diary is not built in this version
        pass
    else:
        nights = journal.list(SleepNight, since=week_ago, until=today)
        summary = summarise_sleep(nights, week_ago, today)
        sleep_week = SleepWeek(start=week_ago, end=today, nights_logged=summary.nights_logged,
                               average_tst_min=summary.average_tst_min,
                               average_se_pct=summary.average_se_pct)
    return CardInputs(settings.member_id, settings.display_name, today, first, tuple(goals),
                      pain_week, sleep_week)


def make_card(inputs: CardInputs, *, name: str, now: datetime, include: Sequence[str] = (),
              note: str = "") -> GoalCard:
    """The card for this choice of sections; nothing outside `include` is put on it."""
    return build_card(member_id=inputs.member_id, display_name=name, shared_at=now,
                      week_start=inputs.week_start, goals=inputs.goals, note=note,
                      pain=inputs.pain if "pain" in include else None,
                      sleep=inputs.sleep if "sleep" in include else None)


def keep_identity(journal: Journal, settings: Settings, name: str) -> None:
    """Store the member id a card was just made with (so every card carries the same one) and
    the display name. Called only after the card or plan was written, so a failed write stores
    nothing."""
    stored = journal.get_single(Settings)
    base = stored or settings
    if stored is None or stored.display_name != name:
        journal.put_single(dataclasses.replace(base, display_name=name))


# -- importing into the journal ---------------------------------------------------------------
@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, in words, and what was stored (None when nothing changed)."""

    action: str  # added / updated / same / older / plan / plan-older / supporter-...
    message: str
    record: PeerCard | GroupPlan | SupporterCopy | None


def import_shared(journal: Journal, raw: bytes, now: datetime) -> ImportOutcome:
    """Check `raw` fully, then store it; a rejected import raises and changes nothing."""
    settings = load_settings(journal)
    parsed = read_shared(raw, now=now, own_member_id=settings.member_id)
    if parsed.problems or parsed.value is None:
        raise problems_error(parsed.problems or ["It could not be read."])
    if isinstance(parsed.value, SharedPlan):
        return _import_plan(journal, parsed.value, now)
    if isinstance(parsed.value, SupporterCopy):
        from paceapp.outputs.supporter import store_copy

        try:
            action, words = store_copy(journal, parsed.value, now)
        except ValidationError as error:
            raise problems_error([str(error)]) from None
        return ImportOutcome(f"supporter-{action}", words, parsed.value
                             if action in ("added", "updated") else None)
    card = parsed.value
    peers = journal.list(PeerCard)
    existing = next((p for p in peers if p.member_id == card.member_id), None)
    try:
        check_member_id(peers, card.member_id, settings.member_id)
        action, record = merge_card(existing, card, now)
    except ValidationError as error:
        raise problems_error([str(error)]) from None
    name, when = card.display_name, show_date(card.shared_on)
    if action == "added":
        assert record is not None
        journal.add(record)
        shown = board_names([*peers, record], settings.display_name)[record.id]
        marked = (f" It is shown as {shown}: its name looks like another member's or yours, "
                  "or mixes alphabets." if shown != name else "")
        return ImportOutcome(action, f"Added {name}'s card (shared {when}, "
                             f"{len(card.goals)} goal{'s' if len(card.goals) != 1 else ''}) "
                             f"to your group board.{marked}", record)
    if action == "updated":
        assert record is not None and existing is not None
        journal.update(record)
        return ImportOutcome(action, f"Updated {name}'s card to the one shared {when}. The one "
                             f"from {show_date(existing.card.shared_on)} is kept as history.",
                             record)
    if action == "same":
        return ImportOutcome(action, f"You already have {name}'s card from {when}. "
                             "Nothing was changed.", None)
    assert existing is not None
    return ImportOutcome(action, f"This card from {name} ({when}) is older than the one on your "
                         f"board ({show_date(existing.card.shared_on)}), so it was not added. "
                         "Nothing was changed.", None)


def _import_plan(journal: Journal, shared: SharedPlan, now: datetime) -> ImportOutcome:
    stored = journal.get_single(GroupPlan)
    when = show_date(shared.shared_at.date())
    # A stored plan dated ahead of the clock (kept from before such dates were refused) does not
    # hold off a real one.
    if stored is not None and stored.content_at is not None \
            and stored.content_at >= shared.shared_at and stored.content_at <= now + FUTURE_SLACK:
        return ImportOutcome("plan-older", f"The group plan {shared.shared_by} shared on {when} is "
                             "not newer than yours, so yours was kept. Nothing was changed.", None)
    saved = journal.put_single(shared.plan)
    return ImportOutcome("plan", f"Saved the group plan {shared.shared_by} shared on {when}"
                         + (" in place of yours ('paceapp undo' puts yours back)." if stored
                            else "."), saved)
