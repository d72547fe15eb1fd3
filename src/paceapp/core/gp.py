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

Also here (pure): the summary sentences for pain and PEG, the period the summary covers, and the
rules that shorten the sheet so it fits one printed page (`build_sheet`, `SHORTENING_RULES`).
"""

from __future__ import annotations

import dataclasses
import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import mean
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.pain import PainSummary, PegEntry, is_meaningful_improvement, peg_change_pct, round1
from paceapp.core.records import Record
from paceapp.core.timeparse import HOW_TO_WRITE, parse_when, show_date

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


@dataclass(frozen=True, kw_only=True)
class GpItem:
    """A concern or a question. `carried_from` is the date of the visit it was carried over from."""

    text: str
    detail: str = ""
    state: ItemState = ItemState.OPEN
    carried_from: date | None = None


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
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


_HAS_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}$")


def parse_visit(text: str, now: datetime) -> tuple[date, time | None]:
    """An appointment day, with a time if one was given ('2026-12-01 10:20', 'tomorrow 9:10')."""
    cleaned = " ".join(text.strip().lower().split())
    shift = 0
    if cleaned == "tomorrow" or cleaned.startswith("tomorrow "):
        shift, cleaned = 1, ("today" + cleaned[len("tomorrow"):])
    if not cleaned:
        raise ValidationError(f"The date is empty. {HOW_TO_WRITE}", "date")
    moment = parse_when(cleaned, now, "date")
    clock = moment.time() if _HAS_CLOCK.search(cleaned) else None
    if cleaned == "today" or cleaned == "now":
        clock = None
    visit = moment.date() + timedelta(days=shift)
    return check_visit_date(visit, now.date()), clock


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
    changed = dataclasses.replace(appt, **{attr: (*items[:index], item, *items[index:])})
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
    return dataclasses.replace(appt, **{attr: (*items[:index], item, *items[index + 1:])})


def move_item(appt: Appointment, which: str, number: int, steps: int) -> Appointment:
    """Move item `number` up (steps < 0) or down; it stops at the top or the bottom."""
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    target = min(max(index + steps, 0), len(items) - 1)
    rest = [*items[:index], *items[index + 1:]]
    rest.insert(target, items[index])
    return dataclasses.replace(appt, **{attr: tuple(rest)})


def set_state(appt: Appointment, which: str, number: int, state: ItemState) -> Appointment:
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    item = dataclasses.replace(items[index], state=state)
    return dataclasses.replace(appt, **{attr: (*items[:index], item, *items[index + 1:])})


def remove_item(appt: Appointment, which: str, number: int) -> tuple[Appointment, GpItem]:
    attr, label, _limit, items = _items(appt, which)
    index = _index(items, number, label)
    return dataclasses.replace(appt, **{attr: (*items[:index], *items[index + 1:])}), items[index]


def offer_shared_questions(appt: Appointment) -> tuple[Appointment, int]:
    """Add whichever of the three shared-decision questions are not on the list yet."""
    have = {q.text.casefold() for q in appt.questions}
    missing = [q for q in SHARED_DECISION_QUESTIONS if q.casefold() not in have]
    changed = appt
    for question in missing:
        changed = add_item(changed, "question", question)
    return changed, len(missing)


# -- the summary period and pain / PEG sentences --------------------------------------------------
DEFAULT_WEEKS = 4
MAX_WEEKS = 52


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    why: str  # "since your last appointment on Tue 3 Nov", "the last 4 weeks"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def before(self) -> Period:
        """The period of the same length just before this one (for the change)."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1),
                      "the period before")

    def text(self, today: date | None = None) -> str:
        return f"{show_date(self.start, today)} – {show_date(self.end, today)}"


def summary_period(today: date, last_visit: date | None, weeks: int | None = None,
                   since: date | None = None) -> Period:
    """The period the sheet's summary covers.

    `weeks` or `since` when given; else since the last appointment (from the day after it), or the
    last 4 weeks when there was none or it was less than a week ago; never more than 52 weeks.
    """
    if weeks is not None:
        if not 1 <= weeks <= MAX_WEEKS:
            raise ValidationError(f"The number of weeks must be from 1 to {MAX_WEEKS}.", "weeks")
        return Period(today - timedelta(days=7 * weeks - 1), today,
                      f"the last {weeks} week{'s' if weeks != 1 else ''}")
    if since is not None:
        if since > today:
            raise ValidationError("The summary can only start on or before today.", "since")
        if (today - since).days + 1 > 7 * MAX_WEEKS:
            raise ValidationError(f"The summary can cover up to {MAX_WEEKS} weeks. Please choose a "
                                  "later start.", "since")
        return Period(since, today, f"since {show_date(since, today)}")
    if last_visit is not None and 7 <= (today - last_visit).days:
        start = max(last_visit + timedelta(days=1), today - timedelta(days=7 * MAX_WEEKS - 1))
        why = f"since my last appointment on {show_date(last_visit, today)}"
        if start != last_visit + timedelta(days=1):
            why = f"the last {MAX_WEEKS} weeks"
        return Period(start, today, why)
    return Period(today - timedelta(days=7 * DEFAULT_WEEKS - 1), today,
                  f"the last {DEFAULT_WEEKS} weeks")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def pain_sentence(now: PainSummary, before: PainSummary, period: Period,
                  today: date | None = None) -> str:
    """Average pain with its basis, and the change from the period of the same length before."""
    span = period.text(today)
    if now.average is None:
        return f"Pain: not logged ({span})."
    text = (f"Pain: average {now.average:.1f} out of 10 on the "
            f"{_plural(now.days_logged, 'day')} I logged ({span}, {period.days} days).")
    if before.average is None:
        return text + f" Nothing logged in the {period.days} days before, so no change to show."
    diff = round1(now.average - before.average)
    if diff == 0:
        change = "the same as"
    else:
        change = f"{abs(diff):.1f} {'higher' if diff > 0 else 'lower'} than"
    return (text + f" That is {change} the {period.days} days before "
                   f"({before.average:.1f}, {_plural(before.days_logged, 'day')} logged).")


@dataclass(frozen=True)
class PegSummary:
    count: int
    average: float | None


def summarise_peg(entries: Sequence[PegEntry], start: date, end: date) -> PegSummary:
    scores = [e.score for e in entries if start <= e.date <= end]
    return PegSummary(len(scores), round1(mean(scores)) if scores else None)


def peg_sentence(now: PegSummary, before: PegSummary, period: Period,
                 today: date | None = None) -> str:
    """Average weekly PEG with its basis and the % change; notes a fall of 30% or more."""
    span = period.text(today)
    if now.average is None:
        return f"Weekly check-in (PEG): not logged ({span})."
    text = (f"Weekly check-in (PEG: pain and how much it gets in the way, 0-10): average "
            f"{now.average:.1f} from {_plural(now.count, 'check-in')} ({span}).")
    if before.average is None:
        return text + " None in the period before, so no change to show."
    pct = peg_change_pct(before.average, now.average)
    if pct is None:
        return text + f" The period before averaged {before.average:.1f}."
    if pct == 0:
        change = "no change"
    else:
        change = f"{'down' if pct < 0 else 'up'} {abs(pct):.1f}%"
    text += (f" The period before: {before.average:.1f} from "
             f"{_plural(before.count, 'check-in')}, so {change}.")
    if is_meaningful_improvement(before.average, now.average):
        text += " A fall of 30% or more is usually taken as a real improvement (Krebs 2009)."
    return text


# -- the sheet and its shortening rules -----------------------------------------------------------
@dataclass(frozen=True)
class Shortening:
    """How much of the list one shortening level keeps (None = all, or not cut)."""

    rule: str
    concerns: int | None = None
    detail_for: int | None = None  # how many concerns keep their line of detail
    questions: int | None = None
    medicines: int | None = None
    med_notes: int | None = None  # 'what for' and 'worries' cut to this many characters
    keep_agreed: bool = True
    line: int | None = None  # every line of the person's words cut to this many characters
    summary: int | None = None  # each summary sentence cut to this many characters
    med_compact: bool = False  # each medicine cut to about two lines


#: The levels, tried in this order until the sheet fits one page (stated in docs/guide.md).
SHORTENING: tuple[Shortening, ...] = (
    Shortening("everything in full"),
    Shortening(f"only the top {TOP} concerns keep their line of detail", detail_for=TOP),
    Shortening("only the top 5 concerns are listed; medicine notes cut to 60 characters",
               concerns=5, detail_for=TOP, med_notes=60),
    Shortening("'last time we agreed' left off", concerns=5, detail_for=TOP, med_notes=60,
               keep_agreed=False),
    Shortening(f"only the top {TOP} concerns, the first 5 questions and 8 medicines",
               concerns=TOP, detail_for=TOP, questions=5, medicines=8, med_notes=60,
               keep_agreed=False),
    Shortening("every line cut to 70 characters, summary sentences to 300, each medicine to "
               "about two lines", concerns=TOP, detail_for=TOP, questions=5, medicines=8,
               keep_agreed=False, line=70, summary=300, med_compact=True),
    Shortening(f"only the top {TOP} concerns without detail, the first 3 questions and 4 "
               "medicines; every line cut to 50 characters, summary sentences to 200",
               concerns=TOP, detail_for=0, questions=3, medicines=4, keep_agreed=False, line=50,
               summary=200, med_compact=True),
)
SHORTENING_RULES: tuple[str, ...] = tuple(level.rule for level in SHORTENING)
LEVELS = len(SHORTENING)


@dataclass(frozen=True)
class SheetItem:
    text: str
    detail: str = ""
    carried: str = ""  # "from Tue 3 Nov" when carried over


@dataclass(frozen=True)
class SheetMedicine:
    name: str
    dose: str
    how_often: str
    what_for: str
    worries: str


@dataclass(frozen=True)
class Sheet:
    """Everything on the one page, already shortened; every output renders this same content."""

    name: str
    practice: str
    clinician: str
    when: str
    concerns: tuple[SheetItem, ...]
    more_concerns: int
    period_text: str
    health: tuple[str, ...]  # pain, PEG, flare-ups, sleep
    doing: tuple[str, ...]  # pacing, goals
    tried: str  # in the person's words
    medicines: tuple[SheetMedicine, ...]
    more_medicines: int
    questions: tuple[str, ...]
    more_questions: int
    what_matters: str
    last_agreed: str
    notes: tuple[str, ...]
    level: int

    @property
    def top(self) -> tuple[SheetItem, ...]:
        return self.concerns[:TOP]

    @property
    def also(self) -> tuple[SheetItem, ...]:
        return self.concerns[TOP:]


def cut(text: str, limit: int | None) -> str:
    """`text` no longer than `limit` characters, ending in '…' when cut."""
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _first(items: list[Any], count: int | None) -> list[Any]:
    return items if count is None else items[:count]


def build_sheet(appt: Appointment, medicines: Sequence[Medicine], *, today: date,
                period: Period, health: Sequence[str], doing: Sequence[str],
                name: str = "", practice: str = "", last_agreed: str = "",
                level: int = 0) -> Sheet:
    """The sheet's content at a shortening `level` (0 = in full; see SHORTENING).

    What was left off is counted and named in `notes`, which the page prints.
    """
    level = min(max(level, 0), LEVELS - 1)
    rule = SHORTENING[level]
    line = rule.line
    concerns = open_items(appt.concerns)
    questions = open_items(appt.questions)
    meds = list(medicines)
    notes: list[str] = []

    shown_concerns = _first(concerns, rule.concerns)
    with_detail = len(shown_concerns) if rule.detail_for is None else rule.detail_for
    if any(c.detail for c in shown_concerns[with_detail:]):
        notes.append(f"details for the top {with_detail} concerns only" if with_detail
                     else "concern details left off")
    items = tuple(
        SheetItem(cut(c.text, line), cut(c.detail, line) if i < with_detail else "",
                  f"from {show_date(c.carried_from, today)}" if c.carried_from else "")
        for i, c in enumerate(shown_concerns))
    more_concerns = len(concerns) - len(shown_concerns)
    if more_concerns:
        notes.append(f"top {len(shown_concerns)} of {len(concerns)} concerns shown")
    shown_questions = _first(questions, rule.questions)
    more_questions = len(questions) - len(shown_questions)
    if more_questions:
        notes.append(f"first {len(shown_questions)} of {len(questions)} questions shown")
    shown_meds = _first(meds, rule.medicines)
    more_medicines = len(meds) - len(shown_meds)
    if more_medicines:
        notes.append(f"first {len(shown_meds)} of {len(meds)} medicines shown")
    if rule.med_compact:
        sheet_meds = tuple(SheetMedicine(cut(m.name, 30), cut(m.dose, 15), cut(m.how_often, 20),
                                         cut(m.what_for, 25), cut(m.worries, 25))
                           for m in shown_meds)
    else:
        notes_cut = rule.med_notes
        if notes_cut and any(max(len(m.what_for), len(m.worries)) > notes_cut for m in shown_meds):
            notes.append(f"medicine notes cut to {notes_cut} characters")
        sheet_meds = tuple(SheetMedicine(m.name, m.dose, m.how_often, cut(m.what_for, notes_cut),
                                         cut(m.worries, notes_cut)) for m in shown_meds)
    agreed = last_agreed if rule.keep_agreed else ""
    if last_agreed and not agreed:
        notes.append("'last time we agreed' left off")
    if line is not None:
        notes.append("long lines cut short")
    if notes:
        notes.append("full list: paceapp gp list")
    return Sheet(
        name=cut(name, line), practice=cut(practice, line), clinician=cut(appt.clinician, line),
        when=when_text(appt, today), concerns=items, more_concerns=more_concerns,
        period_text=f"{period.text(today)}, {period.why}",
        health=tuple(cut(h, rule.summary) for h in health),
        doing=tuple(cut(d, rule.summary) for d in doing), tried=cut(appt.tried, line),
        medicines=sheet_meds, more_medicines=more_medicines,
        questions=tuple(cut(q.text, line) for q in shown_questions), more_questions=more_questions,
        what_matters=cut(appt.what_matters, line), last_agreed=cut(agreed, line),
        notes=tuple(notes), level=level)


def shortened_note(sheet: Sheet) -> str:
    """The line printed on the page when the sheet was shortened ('' when it is in full)."""
    if not sheet.notes:
        return ""
    return "Shortened to fit one page: " + "; ".join(sheet.notes) + "."


KINDS = (Appointment, Medicine)
