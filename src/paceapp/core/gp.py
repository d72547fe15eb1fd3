"""The GP appointment list: what the person wants to say, ask and show, on one page.

A UK GP appointment is about ten minutes (DOMAIN.md, "GP appointment list"). People are told: write
it down, put the most important first, bring your medicines list, say what matters to you.

Records:
- `Appointment` (kind ``gp``): one visit - its date (and time), who with, the concerns and questions
  in the person's own order, what matters to them, and afterwards what was agreed (`outcome`).
  Concerns and questions live inside it as `GpItem`s, so a reorder is one write (and one undo).
  The appointment being prepared is the newest one that is not closed. Noting the outcome closes it;
  the next appointment starts with every item that was not dealt with, marked "carried over".
- `Medicine` (kind ``medicine``): the standing medicines list, shown on every sheet.

The one-page sheet made from these (summary sentences, period, shortening rules) is in
`core.gp_sheet`.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import UNREADABLE, has_half_characters
from paceapp.core.timeparse import accepted_forms, parse_day_time, show_date
from paceapp.core.value import Value

#: How to write an appointment's day and time (a weekday is the coming one).
HOW_TO_WRITE_AHEAD = accepted_forms(True, ahead=True)

#: Field limits, in characters (kept small so the page stays readable).
CONCERN_MAX = 120
DETAIL_MAX = 200
QUESTION_MAX = 160
MED_NAME_MAX = 80
MED_FIELD_MAX = 80
MED_NOTE_MAX = 160
MATTERS_MAX = 300
TRIED_MAX = 300
OUTCOME_MAX = 600
CLINICIAN_MAX = 80
#: How many items a list may hold.
MAX_ITEMS = 20
MAX_MEDICINES = 25
#: The first this-many concerns stand out on the sheet.
TOP = 3

#: The three shared-decision questions (NHS "Ask 3 Questions"), offered, never forced.
SHARED_DECISION_QUESTIONS: tuple[str, ...] = (
    "What are my options?",
    "What are the pros and cons of each option for me?",
    "How can I get support to make a decision that is right for me?",
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_words(value: str | None, field: str, label: str, limit: int, *,
                required: bool = False) -> str:
    """The person's words, trimmed; refused (with a plain reason) when they cannot go on the sheet.

    Control characters (invisible codes such as terminal escapes) are refused, not silently
    dropped, so what is stored is exactly what was meant. Markup like ``<b>`` or ``[b]`` is fine:
    it is kept and always shown as the characters typed.
    """
    text = value or ""
    if has_half_characters(text):
        raise ValidationError(f"Part of the {label} {UNREADABLE}", field)
    if _CONTROL.search(text):
        raise ValidationError(
            f"The {label} has an invisible control character in it (for example from a copied "
            "terminal colour code). Please type it again as plain words.", field)
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if required and not text:
        raise ValidationError(f"The {label} is empty. Please write a few words.", field)
    if len(text) > limit:
        raise ValidationError(
            f"The {label} is {len(text)} characters long; the most is {limit}. "
            "Please shorten it - the sheet has to fit on one page.", field)
    return text


class ItemState(enum.Enum):
    """Where an item on the list stands."""

    OPEN = "open"
    DEALT = "dealt"
    CARRY = "carry"

    @property
    def words(self) -> str:
        return {"open": "to raise", "dealt": "dealt with", "carry": "carry over"}[self.value]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class GpItem(Value):
    """A concern or a question. `carried_from` is the date of the visit it was carried over from."""

    text: str
    detail: str = ""
    state: ItemState = ItemState.OPEN
    carried_from: date | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Appointment(Record):
    """One GP appointment and the list prepared for it."""

    KIND: ClassVar[str] = "gp"
    LABEL: ClassVar[str] = "GP appointment"

    visit_date: date | None = None
    visit_time: time | None = None
    clinician: str = ""
    concerns: tuple[GpItem, ...] = ()
    questions: tuple[GpItem, ...] = ()
    what_matters: str = ""
    #: Other things the person does or has tried (heat, TENS, a relaxation recording...).
    tried: str = ""
    outcome: str = ""
    closed: bool = False

    @property
    def day(self) -> date | None:
        return self.visit_date

    def validate(self) -> None:
        check_words(self.clinician, "clinician", "'who with'", CLINICIAN_MAX)
        check_words(self.what_matters, "what_matters", "'what matters to me'", MATTERS_MAX)
        check_words(self.tried, "tried", "'what else I do or have tried'", TRIED_MAX)
        check_words(self.outcome, "outcome", "outcome", OUTCOME_MAX)
        for name, label, limit in (("concerns", "concern", CONCERN_MAX),
                                   ("questions", "question", QUESTION_MAX)):
            items = getattr(self, name)
            if len(items) > MAX_ITEMS:
                raise ValidationError(f"The list holds up to {MAX_ITEMS} {name}. Please mark some "
                                      "as dealt with or remove them first.", name)
            for item in items:
                check_words(item.text, name, label, limit, required=True)
                check_words(item.detail, name, f"{label} detail", DETAIL_MAX)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "when": when_text(self), "concerns": str(len(self.concerns)),
                "questions": str(len(self.questions)),
                "status": "done" if self.closed else "getting ready",
                "outcome": self.outcome}

    def derived(self) -> dict[str, Any]:
        return {"open_concerns": len(open_items(self.concerns))}


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Medicine(Record):
    """A medicine on the person's list, in their own words (the app never suggests one)."""

    KIND: ClassVar[str] = "medicine"
    LABEL: ClassVar[str] = "medicine"

    name: str
    dose: str = ""
    how_often: str = ""
    what_for: str = ""
    worries: str = ""

    def validate(self) -> None:
        check_words(self.name, "name", "medicine name", MED_NAME_MAX, required=True)
        check_words(self.dose, "dose", "dose", MED_FIELD_MAX)
        check_words(self.how_often, "how_often", "'how often'", MED_FIELD_MAX)
        check_words(self.what_for, "what_for", "'what it is for'", MED_NOTE_MAX)
        check_words(self.worries, "worries", "'worries or side effects'", MED_NOTE_MAX)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "name": self.name, "dose": self.dose,
                "how often": self.how_often, "for": self.what_for, "worries": self.worries}


def new_medicine(name: str, dose: str = "", how_often: str = "", what_for: str = "",
                 worries: str = "") -> Medicine:
    med = Medicine(name=check_words(name, "name", "medicine name", MED_NAME_MAX, required=True),
                   dose=check_words(dose, "dose", "dose", MED_FIELD_MAX),
                   how_often=check_words(how_often, "how_often", "'how often'", MED_FIELD_MAX),
                   what_for=check_words(what_for, "what_for", "'what it is for'", MED_NOTE_MAX),
                   worries=check_words(worries, "worries", "'worries or side effects'",
                                       MED_NOTE_MAX))
    med.validate()
    return med


def change_medicine(med: Medicine, **changes: str | None) -> Medicine:
    """`med` with the given fields changed (None = keep), checked the same way."""
    kept = {k: v for k, v in changes.items() if v is not None}
    fields = {f: getattr(med, f) for f in ("name", "dose", "how_often", "what_for", "worries")}
    fields.update(kept)
    fresh = new_medicine(**fields)
    return dataclasses.replace(med, **{f: getattr(fresh, f) for f in fields})


# -- the list -------------------------------------------------------------------------------------
LISTS = {"concern": ("concerns", "concern", CONCERN_MAX),
         "question": ("questions", "question", QUESTION_MAX)}


def when_text(appt: Appointment, today: date | None = None) -> str:
    """'Tue 1 Dec 10:20', 'Tue 1 Dec' or 'date not set yet'."""
    if appt.visit_date is None:
        return "date not set yet"
    text = show_date(appt.visit_date, today)
    if appt.visit_time is not None:
        text += f" {appt.visit_time:%H:%M}"
    return text


def open_items(items: Sequence[GpItem]) -> list[GpItem]:
    """Items still to raise (open or marked to carry over) - the ones that go on the sheet."""
    return [i for i in items if i.state is not ItemState.DEALT]


def current_appointment(appointments: Sequence[Appointment]) -> Appointment | None:
    """The appointment being prepared: the newest one not closed."""
    open_ones = [a for a in appointments if not a.closed]
    return max(open_ones, key=lambda a: a.created) if open_ones else None


def last_closed(appointments: Sequence[Appointment]) -> Appointment | None:
    closed = [a for a in appointments if a.closed]
    return max(closed, key=lambda a: (a.visit_date or date.min, a.created)) if closed else None


def start_appointment(previous: Appointment | None) -> Appointment:
    """A new appointment that starts with everything not dealt with last time."""
    if previous is None:
        return Appointment()

    def carry(items: tuple[GpItem, ...]) -> tuple[GpItem, ...]:
        return tuple(dataclasses.replace(i, state=ItemState.OPEN,
                                         carried_from=i.carried_from or previous.visit_date)
                     for i in open_items(items))

    return Appointment(concerns=carry(previous.concerns), questions=carry(previous.questions))


def check_visit_date(visit: date, today: date) -> date:
    if visit > today + timedelta(days=730):
        raise ValidationError("That date is more than two years away. Please check the year.", "date")
    if visit < today - timedelta(days=366):
        raise ValidationError("That date is more than a year ago. Please check the year.", "date")
    return visit


def parse_visit(text: str, now: datetime) -> tuple[date, time | None]:
    """An appointment day, with a time if one was given ('Tue 9:50', '10/12 9:50', '9 Dec 2pm',
    'tomorrow'): read as `timeparse.accepted_forms` lists, a weekday being the coming one."""
    if not text.strip():
        raise ValidationError(f"The date is empty. {HOW_TO_WRITE_AHEAD}", "date")
    visit, clock = parse_day_time(text, now, "date", ahead=True)
    return check_visit_date(visit, now.date()), clock


def _with(appt: Appointment, attr: str, items: Sequence[GpItem]) -> Appointment:
    """`appt` with its concerns or questions (`attr`) replaced by `items`."""
    if attr == "concerns":
        return dataclasses.replace(appt, concerns=tuple(items))
    return dataclasses.replace(appt, questions=tuple(items))


def _items(appt: Appointment, which: str) -> tuple[str, str, int, tuple[GpItem, ...]]:
    if which not in LISTS:
        raise ValueError(which)
    attr, label, limit = LISTS[which]
    return attr, label, limit, getattr(appt, attr)


def _index(items: Sequence[GpItem], number: int, label: str) -> int:
    if not items:
        raise ValidationError(f"There are no {label}s on the list yet.", "number")
    if not 1 <= number <= len(items):
        raise ValidationError(f"There is no {label} number {number}; the list has "
                              f"{len(items)} (1 to {len(items)}).", "number")
    return number - 1


def add_item(appt: Appointment, which: str, text: str, detail: str = "",
             position: int | None = None) -> Appointment:
    """`appt` with a new concern or question at `position` (1 = top; default: the end)."""
    attr, label, limit, items = _items(appt, which)
    item = GpItem(text=check_words(text, "text", label, limit, required=True),
                  detail=check_words(detail, "detail", f"{label} detail", DETAIL_MAX))
    if len(items) >= MAX_ITEMS:
        raise ValidationError(f"The list holds up to {MAX_ITEMS} {attr}. Please mark some as dealt "
                              "with or remove them first - ten minutes goes quickly.", "text")
    if position is not None and not 1 <= position <= len(items) + 1:
        raise ValidationError(f"The priority must be from 1 (the top) to {len(items) + 1}.",
                              "priority")
    index = len(items) if position is None else position - 1
    changed = _with(appt, attr, (*items[:index], item, *items[index:]))
    changed.validate()
    return changed


def edit_item(appt: Appointment, which: str, number: int, text: str | None = None,
              detail: str | None = None) -> Appointment:
    attr, label, limit, items = _items(appt, which)
    index = _index(items, number, label)
    item = items[index]
    if text is not None:
        item = dataclasses.replace(item, text=check_words(text, "text", label, limit, required=True))
    if detail is not None:
        if which != "concern" and detail.strip():
            raise ValidationError(f"A {label} has no line of detail; please put it all in the "
                                  f"{label} itself.", "detail")
        item = dataclasses.replace(item, detail=check_words(detail, "detail", f"{label} detail",
                                                            DETAIL_MAX))
    return _with(appt, attr, (*items[:index], item, *items[index + 1:]))


def move_item(appt: Appointment, which: str, number: int, steps: int) -> Appointment:
    """Move item `number` up (steps < 0) or down; it stops at the top or the bottom."""
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    target = min(max(index + steps, 0), len(items) - 1)
    rest = [*items[:index], *items[index + 1:]]
    rest.insert(target, items[index])
    return _with(appt, attr, rest)


def set_state(appt: Appointment, which: str, number: int, state: ItemState) -> Appointment:
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    item = dataclasses.replace(items[index], state=state)
    return _with(appt, attr, (*items[:index], item, *items[index + 1:]))


def remove_item(appt: Appointment, which: str, number: int) -> tuple[Appointment, GpItem]:
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    return _with(appt, attr, (*items[:index], *items[index + 1:])), items[index]


def offer_shared_questions(appt: Appointment) -> tuple[Appointment, int]:
    """Add whichever of the three shared-decision questions are not on the list yet."""
    have = {q.text.casefold() for q in appt.questions}
    missing = [q for q in SHARED_DECISION_QUESTIONS if q.casefold() not in have]
    changed = appt
    for question in missing:
        changed = add_item(changed, "question", question)
    return changed, len(missing)


KINDS = (Appointment, Medicine)
