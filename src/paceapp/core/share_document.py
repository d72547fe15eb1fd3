"""Goal cards and group plans as documents: writing them, and reading untrusted ones.

Everything imported was written by someone else, so :func:`parse_document` treats it as untrusted:
it checks the format and version strictly, caps sizes and lengths, strips control characters, and
returns core objects (`core.sharing`) or a list of every problem found. docs/sharing.md is the
format's reference.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from paceapp.core.lookalike import remove_invisible
from paceapp.core.sharing import (
    CARD_FORMAT,
    FORMAT_VERSION,
    FUTURE_SLACK,
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    MAX_GOALS,
    MAX_ROTA,
    MAX_RULES,
    NAME_MAX,
    NOTE_MAX,
    PLAN_FORMAT,
    GoalCard,
    GroupPlan,
    PainWeek,
    RotaTurn,
    SharedGoal,
    SharedPlan,
    SleepWeek,
    crisis_steps,
    imitation,
)
from paceapp.core.supporter import (
    PART_LINES,
    PART_MAX,
    SUPPORTER_FORMAT,
    SUPPORTER_VERSION,
    TEXT_PARTS,
    SupporterCopy,
    SupporterSection,
    checksum,
)
from paceapp.core.text import LINE, SHORT, strip_controls
from paceapp.core.timeparse import local_day, show_date

#: The UTF-8 byte-order mark a text editor may put first (Windows Notepad does).
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

#: A member id: letters, digits, '-' and '_' (made by paceapp; checked on every import).
_MEMBER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


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

    value: GoalCard | SharedPlan | SupporterCopy | None = None
    problems: list[str] = field(default_factory=list)


def decode_text(data: bytes) -> str:
    """Text from a file or paste: UTF-8, after a byte-order mark if there is one (dropped).

    Raises UnicodeDecodeError for anything else.
    """
    return data.removeprefix(_BOM).decode("utf-8")


def unreadable_message(data: bytes, error: UnicodeDecodeError) -> str:
    """Why `data` is not text paceapp reads, and what to do."""
    if data[:2] in _UTF16_BOMS:
        return ("It was saved as UTF-16 text ('Unicode' in Windows Notepad). Please save it "
                "again as UTF-8 (Notepad: File, Save as, Encoding: UTF-8), or paste the message.")
    return f"It is not readable text (UTF-8): a bad byte at position {error.start}."


def parse_document(data: bytes, *, now: datetime, own_member_id: str | None = None) -> Parsed:
    """Read a card or plan document someone else wrote. Never raises for bad input.

    A byte-order mark first (as Windows Notepad saves) and Windows line endings are fine.
    """
    problems: list[str] = []
    if len(data) > MAX_DOCUMENT_BYTES:
        return Parsed(problems=[f"It is too big: {len(data):,} bytes; a card or plan is at most "
                                f"{MAX_DOCUMENT_BYTES:,} bytes."])
    try:
        text = decode_text(data)
    except UnicodeDecodeError as error:
        return Parsed(problems=[unreadable_message(data, error)])
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
    if fmt not in (CARD_FORMAT, PLAN_FORMAT, SUPPORTER_FORMAT):
        shown = _shown(fmt)
        return Parsed(problems=[f"The format is {shown}; paceapp reads '{CARD_FORMAT}', "
                                f"'{PLAN_FORMAT}' and '{SUPPORTER_FORMAT}'."])
    newest = SUPPORTER_VERSION if fmt == SUPPORTER_FORMAT else FORMAT_VERSION
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append("The version is missing or not a whole number.")
    elif version > newest:
        problems.append(f"It was made by a newer paceapp (version {version}); this paceapp reads "
                        f"version {newest}. Please update paceapp.")
    elif version < 1:
        problems.append(f"The version {version} is not one paceapp ever wrote.")
    if problems:
        return Parsed(problems=problems)
    check = _Checker(problems, now=now)
    value: GoalCard | SharedPlan | SupporterCopy | None
    if fmt == CARD_FORMAT:
        value = check.card(doc)
    elif fmt == PLAN_FORMAT:
        value = check.plan(doc)
    else:
        value = check.supporter(doc)
    member_id = doc.get("member_id")
    if own_member_id and isinstance(member_id, str) and member_id == own_member_id:
        what = "supporter page" if fmt == SUPPORTER_FORMAT else "card or plan"
        problems.append(f"This is your own {what} (it has your member id), so it is not "
                        "added to your board.")
    if problems:
        return Parsed(problems=problems)
    return Parsed(value=value)


def _ahead_words(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} hours"
    return f"{hours // 24} days"


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
    overrides, and refused when longer than its cap. Names lose every invisible character
    (zero-width, tag, variation selector...); other text keeps only those that build emoji.
    """

    def __init__(self, problems: list[str], now: datetime | None) -> None:
        self.problems = problems
        self.now = now

    def add(self, message: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(message)

    def text(self, obj: dict[str, Any], key: str, where: str, limit: int, *,
             required: bool = False, multiline: bool = False, name: bool = False) -> str:
        value = obj.get(key, "")
        label = f"{where}{key}"
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(f"'{label}' should be text.")
            return ""
        cleaned = remove_invisible(strip_controls(value, keep_newlines=multiline),
                                   keep_emoji=not name).strip()
        if not multiline:
            cleaned = " ".join(cleaned.split())
        if required and not cleaned:
            self.add(f"'{label}' has no visible characters." if value.strip()
                     else f"'{label}' is empty.")
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
            ahead = _ahead_words(moment - self.now)
            self.add(f"'{key}' is in the future: {ahead} ahead of this computer's clock "
                     f"({show_date(local_day(moment))}). paceapp does not add cards or plans dated "
                     f"more than {int(FUTURE_SLACK.total_seconds() // 60)} minutes ahead. Please "
                     "check the date and time on the computer that made it, and on this one.")
        return moment

    def checked(self, value: str, label: str, field_name: str) -> str:
        """`value`, with a problem added when it imitates paceapp's own crisis wording."""
        phrase = imitation(value, field_name)
        if phrase is not None:
            self.add(f"'{label}' uses paceapp's own crisis wording ('{phrase}'), so it could be "
                     "taken for one of paceapp's crisis contacts. The crisis contacts paceapp "
                     "shows only ever come from paceapp.")
        return value

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
        name = self.text(doc, "display_name", "", NAME_MAX, required=True, name=True)
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
        shared_by = self.checked(self.text(doc, "shared_by", "", NAME_MAX, required=True,
                                           name=True), "shared_by", "shared_by")
        shared_at = self.moment(doc, "shared_at")
        meetings = self.obj(doc.get("meetings", {}), "meetings") or {}
        rhythm = self.checked(self.text(meetings, "rhythm", "meetings.", SHORT),
                              "meetings.rhythm", "rhythm")
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
        place = self.checked(self.text(doc, "place", "", SHORT), "place", "place")
        access = self.checked(self.text(doc, "access", "", LINE), "access", "access")
        keep = self.checked(self.text(doc, "keep_in_touch", "", LINE), "keep_in_touch",
                            "keep_in_touch")
        rota = []
        for i, item in enumerate(self.listing(doc, "rota", MAX_ROTA)):
            entry = self.obj(item, f"rota[{i}]")
            if entry is None:
                continue
            turn_name = self.checked(
                self.text(entry, "name", f"rota[{i}].", NAME_MAX, required=True, name=True),
                f"rota[{i}].name", "rota")
            turn_start = self.day(entry, "from", f"rota[{i}].")
            if turn_start is not None:
                rota.append(RotaTurn(name=turn_name, start=turn_start))
        rules = []
        for i, item in enumerate(self.listing(doc, "ground_rules", MAX_RULES)):
            rule = self.checked(self.text({f"ground_rules[{i}]": item}, f"ground_rules[{i}]",
                                          "", SHORT), f"ground_rules[{i}]", "rules")
            if rule:
                rules.append(rule)
        crisis_note = self.checked(self.text(doc, "crisis_note", "", LINE), "crisis_note",
                                   "crisis_note")
        # 'crisis_steps' is deliberately not read: the steps shown are always this paceapp's own.
        if len(self.problems) > start or shared_at is None:
            return None
        plan = GroupPlan(rhythm=rhythm, first_meeting=first, every_weeks=every,
                         meet_time=meet_time, place=place, access=access, keep_in_touch=keep,
                         rota=tuple(sorted(rota, key=lambda t: t.start)), ground_rules=tuple(rules),
                         crisis_note=crisis_note, shared_by=shared_by, content_at=shared_at)
        return SharedPlan(member_id=member_id, shared_by=shared_by, shared_at=shared_at, plan=plan)


    def supporter(self, doc: dict[str, Any]) -> SupporterCopy | None:
        """A supporter page: checksum first (a changed or damaged page is refused whole)."""
        start = len(self.problems)
        stated = doc.get("checksum")
        if not isinstance(stated, str) or stated != checksum(doc):
            self.add("Its checksum does not match its content: it was changed or damaged after "
                     "it was made. Ask for the page to be shared again.")
            return None
        member_id = self.member_id(doc)
        name = self.checked(self.text(doc, "name", "", NAME_MAX, required=True, name=True),
                            "name", "name")
        shared_at = self.moment(doc, "shared_at")
        sections: list[SupporterSection] = []
        raw = doc.get("sections", {})
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.add("'sections' should be an object.")
            raw = {}
        for key, _heading, _field in TEXT_PARTS:  # unknown parts are ignored, never shown
            if key not in raw:
                continue
            label = f"sections.{key}"
            text = self.checked(self.text(raw, key, "sections.", PART_MAX, multiline=True),
                                label, key)
            lines = [" ".join(line.split()) for line in text.splitlines()]
            lines = [line for line in lines if line]
            if len(lines) > PART_LINES:
                self.add(f"'{label}' has {len(lines)} lines; the most is {PART_LINES}.")
            if lines:
                sections.append(SupporterSection(key=key, text="\n".join(lines)))
        crisis = doc.get("crisis_contacts", True)
        if not isinstance(crisis, bool):
            self.add("'crisis_contacts' should be true or false.")
        if len(self.problems) > start or shared_at is None:
            return None
        return SupporterCopy(member_id=member_id, name=name, shared_at=shared_at,
                             sections=tuple(sections), crisis=bool(crisis))


def recleaned(card: GoalCard) -> GoalCard:
    """`card` with its text cleaned as an import cleans it today (a card stored by an older
    paceapp may hold characters that are now removed); `card` itself if it does not check."""
    check = _Checker([], now=None)
    return check.card(_card_to_doc(card)) or card


def card_problems(card: GoalCard) -> list[str]:
    """Re-check a card object (as stored): the same rules as for an imported document."""
    problems: list[str] = []
    check = _Checker(problems, now=None)
    check.card(_card_to_doc(card))
    return problems
