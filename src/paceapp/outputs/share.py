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
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from paceapp.core.errors import ValidationError
from paceapp.core.figures import decimal_text, percent_text
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
    GROUP_NOTE_HEADING,
    MAX_DOCUMENT_BYTES,
    SECTIONS,
    GoalCard,
    GroupPlan,
    PainWeek,
    PeerCard,
    SharedGoal,
    SleepWeek,
    build_card,
    crisis_steps,
    next_meeting,
    progress_words,
    shared_ago,
)
from paceapp.core.sleep import PERIOD_SE_BASIS, SE_NAME
from paceapp.core.timeparse import show_date, show_minutes
from paceapp.core.value import Value

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
@dataclass(frozen=True, eq=False, repr=False)
class CardInputs(Value):
    """What a card is made from: read once, then cards for any choice of sections are cheap."""

    member_id: str
    display_name: str
    today: date
    week_start: date
    goals: tuple[SharedGoal, ...]
    pain: PainWeek
    sleep: SleepWeek | None


def make_card(inputs: CardInputs, *, name: str, now: datetime, include: Sequence[str] = (),
              note: str = "") -> GoalCard:
    """The card for this choice of sections; nothing outside `include` is put on it."""
    return build_card(member_id=inputs.member_id, display_name=name, shared_at=now,
                      week_start=inputs.week_start, goals=inputs.goals, note=note,
                      pain=inputs.pain if "pain" in include else None,
                      sleep=inputs.sleep if "sleep" in include else None)


# -- the board as a table and as JSON -------------------------------------------------------------
def board_rows(peers: Sequence[PeerCard], names: dict[str, str],
               today: date) -> list[dict[str, str]]:
    """One row per member: the name shown, how long ago, and this week's goals."""
    rows = []
    for peer in peers:
        card = peer.card
        goals = "; ".join(f"{g.what} ({g.done_this_week}/{g.target_this_week})"
                          for g in card.goals) or "no goals this week"
        rows.append({"member": names[peer.id],
                     "shared": shared_ago(card.shared_on, today).removeprefix("shared "),
                     "goals (days done/planned this week)": goals})
    return rows


def board_json(peers: Sequence[PeerCard], names: dict[str, str], today: date) -> str:
    """The board as one JSON document: each card as stored, with its shown name and age."""
    from paceapp.outputs.tables import record_json

    docs = []
    for peer in peers:
        doc = record_json(peer)
        doc["shown_name"] = names[peer.id]
        doc["shared_days_ago"] = (today - peer.card.shared_on).days
        docs.append(doc)
    return json.dumps(docs, ensure_ascii=False, indent=2)
