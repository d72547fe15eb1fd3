"""The one-page GP sheet, worked out (pure): what goes on it, and the rules that shorten it.

`build_sheet` turns an appointment (`core.gp`) and the medicines list into a `Sheet`: the person's
concerns and questions in their order, what matters to them, the medicines, and summary sentences
for pain and PEG over a stated period (`summary_period`). When it would not fit one printed page,
`SHORTENING` is applied level by level and the page says so (`SHORTENING_RULES`, `shortened_note`).
Rendering (text, Markdown, HTML, PDF) is in `outputs.gp_sheet` and friends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from paceapp.core.errors import ValidationError
from paceapp.core.figures import decimal_text, exact, rounded
from paceapp.core.gp import TOP, Appointment, Medicine, open_items, when_text
from paceapp.core.pain import PainSummary, PegEntry, average_peg, peg_change
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value

# -- the summary period and pain / PEG sentences --------------------------------------------------
DEFAULT_WEEKS = 4
MAX_WEEKS = 52


@dataclass(frozen=True, eq=False, repr=False)
class SummaryLines(Value):
    """The sheet's "how pain affects my life" sentences, in the order they are printed."""

    health: tuple[str, ...]  # pain, PEG, flare-ups, sleep, naps (when any)
    doing: tuple[str, ...]  # pacing, goals

    def all(self) -> list[str]:
        return [*self.health, *self.doing]


@dataclass(frozen=True, eq=False, repr=False)
class Period(Value):
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


def _exact_average(summary: PainSummary) -> Fraction | None:
    """The exact mean to work from (the shown one only when no exact one was kept)."""
    if summary.exact_average is not None:
        return summary.exact_average
    return None if summary.average is None else exact(summary.average)


def pain_change_words(now: Fraction, before: Fraction) -> tuple[str, str]:
    """How the average `now` compares with the average `before` (both exact), in words that are
    true as shown (docs/figures.md, "Pain scores"): (comparison, what follows the bracket).

    The change is worked from the exact averages and rounded once, half up. When it equals the
    difference of the two averages as shown, it is said as a number ("2.1 higher than"). When
    rounding makes them differ (averages of 6.25 and 4.22 show as 6.3 and 4.2, but the change is
    2.03, shown 2.0), it is not put as a sum that does not add up: "higher than the ... before
    (4.2, ...): about 2.0 points, worked from the averages before rounding". A change that shows
    as 0.0 is "about the same as"; none at all is "the same as".
    """
    change = now - before
    if change == 0:
        return "the same as", ""
    size = rounded(abs(change), 1)
    if size == 0:
        return "about the same as", ""
    way = "higher" if change > 0 else "lower"
    if size == abs(rounded(now, 1) - rounded(before, 1)):
        return f"{decimal_text(size)} {way} than", ""
    return (f"{way} than",
            f": about {decimal_text(size)} points, worked from the averages before rounding")


def pain_sentence(now: PainSummary, before: PainSummary, period: Period,
                  today: date | None = None) -> str:
    """Average pain with its basis, and the change from the period of the same length before.

    Every number is worked from the exact averages and rounded once, half up, when shown
    (`pain_change_words` says how the change is put when the shown averages do not add up to it).
    """
    span = period.text(today)
    now_exact = _exact_average(now)
    if now_exact is None:
        return f"Pain: not logged ({span})."
    text = (f"Pain: average {decimal_text(now_exact)} out of 10 on the "
            f"{_plural(now.days_logged, 'day')} I logged ({span}, {period.days} days).")
    before_exact = _exact_average(before)
    if before_exact is None:
        return text + f" Nothing logged in the {period.days} days before, so no change to show."
    change, note = pain_change_words(now_exact, before_exact)
    return (text + f" That is {change} the {period.days} days before "
                   f"({decimal_text(before_exact)}, {_plural(before.days_logged, 'day')} "
                   f"logged){note}.")


@dataclass(frozen=True, eq=False, repr=False)
class PegSummary(Value):
    """PEG check-ins of a period: how many, the mean as shown, and the exact mean to work from."""

    count: int
    average: float | None
    exact: Fraction | None = field(default=None, compare=False)

    @property
    def working(self) -> Fraction | None:
        """The value to work from: the exact mean (the shown one only when none was kept)."""
        if self.exact is not None:
            return self.exact
        return None if self.average is None else Fraction(str(self.average))


def summarise_peg(entries: Sequence[PegEntry], start: date, end: date) -> PegSummary:
    """The mean of the check-ins' exact PEG scores (each the mean of its three items)."""
    found = average_peg(entries, start, end)
    return PegSummary(found.count, found.average, found.exact)


def peg_sentence(now: PegSummary, before: PegSummary, period: Period,
                 today: date | None = None) -> str:
    """Average weekly PEG with its basis and the % change; notes a fall of 30% or more.

    The change and the 30% test are worked from the exact means (a fall of exactly 30% is one),
    and the percentage is rounded once, half up, when shown."""
    span = period.text(today)
    if now.average is None:
        return f"Weekly check-in (PEG): not logged ({span})."
    assert now.working is not None
    text = (f"Weekly check-in (PEG: pain and how much it gets in the way, 0-10): average "
            f"{decimal_text(now.working)} from {_plural(now.count, 'check-in')} ({span}).")
    if before.working is None:
        return text + " None in the period before, so no change to show."
    change = peg_change(before.working, now.working)
    if change is None:
        return text + f" The period before averaged {decimal_text(before.working)}."
    text += (f" The period before: {decimal_text(before.working)} from "
             f"{_plural(before.count, 'check-in')}, so {change.words()}.")
    if change.meaningful:
        text += " A fall of 30% or more is usually taken as a real improvement (Krebs 2009)."
    return text


# -- the sheet and its shortening rules -----------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class Shortening(Value):
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


@dataclass(frozen=True, eq=False, repr=False)
class SheetItem(Value):
    text: str
    detail: str = ""
    carried: str = ""  # "from Tue 3 Nov" when carried over


@dataclass(frozen=True, eq=False, repr=False)
class SheetMedicine(Value):
    name: str
    dose: str
    how_often: str
    what_for: str
    worries: str


@dataclass(frozen=True, eq=False, repr=False)
class Sheet(Value):
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
        notes.append(MORE_AT_HOME)  # never a command: the sheet is read by the GP
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


#: Said last on a shortened sheet. Paper never tells the GP to run a command.
MORE_AT_HOME = "more on my list at home"


def shortened_note(sheet: Sheet) -> str:
    """The line printed on the page when the sheet was shortened ('' when it is in full)."""
    if not sheet.notes:
        return ""
    return "Shortened to fit one page: " + "; ".join(sheet.notes) + "."
