"""The assessment summary, worked out (pure): what my days were like, from my own day records.

Assessments (PIP, Universal Credit, occupational health, a fit note) ask how a condition affects
everyday activities and on how many days. `build_evidence` counts, for a period, on how many of the
days the person logged each activity was hard (only slowly or with pain / needed help / could not),
keeps their own words under each of those headings, picks a hardest day and a typical day (quoted
in their words), and adds flare-ups, sleep, pain and pacing for the same period.

The rules (docs/figures.md, "The assessment summary"):

- **Basis.** Every count says what it rests on: "on 23 of 41 days logged; 43 days not logged".
  A day not logged is never counted either way; nothing is extrapolated; nothing after today.
  A logged day with no hard activity counts as logged and as not hard.
- **Hardest day**: the logged day that was most limiting - rated bad first, then the most
  activities the person could not do, then the most they needed help with, then the most hard
  activities in all; a tie goes to the most recent day. There is none when no day was rated bad
  and no activity was hard.
- **Typical day**: the middle day by how many activities were hard. The days' counts are put in
  order and the middle one taken (with an even number of days, the lower of the two middle ones,
  so a typical day is never made to look harder than it was); the typical day is the most recent
  logged day with that count. It is a real day, quoted as logged, never an average.
- It never says whether anyone qualifies for anything and never scores anything.

Rendering (text, Markdown, PDF) is in `outputs.evidence` and `outputs.evidence_pdf`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from paceapp.core.day import DayRecord, Difficulty, Rating
from paceapp.core.errors import ValidationError
from paceapp.core.figures import decimal_text, median, minutes_text
from paceapp.core.text import plural
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value

DEFAULT_WEEKS = 12
MAX_WEEKS = 104

#: The difficulties, most limiting first (the order of the headings under each activity).
ORDER: tuple[Difficulty, ...] = (Difficulty.COULD_NOT, Difficulty.HELP, Difficulty.SLOWLY)

TITLE = "How my condition affects my everyday activities"

#: Where to get free help with forms (DOMAIN.md names Citizens Advice and Scope).
HELP_WITH_FORMS: tuple[str, ...] = (
    "Citizens Advice: citizensadvice.org.uk, or call Help to Claim on 0800 144 8848 (free).",
    "Scope: scope.org.uk, or call the helpline on 0808 800 3333 (free).",
)
HELP_HEADING = "Free help with forms"
ABOUT = ("This summary is made from my own day records, counted as I logged them. A day I did "
         "not log is not counted either way, and nothing is guessed.")


@dataclass(frozen=True, eq=False, repr=False)
class EvidencePeriod(Value):
    start: date
    end: date
    why: str  # "the last 12 weeks", "from Mon 2 Nov to Sat 21 Nov"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def text(self, today: date | None = None) -> str:
        """'Mon 16 Nov – Fri 20 Nov', or the one day when the period is a single day."""
        if self.start == self.end:
            return show_date(self.start, today)
        return f"{show_date(self.start, today)} – {show_date(self.end, today)}"


def _weeks_words(weeks: int) -> str:
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def evidence_period(today: date, *, start: date | None = None, end: date | None = None,
                    weeks: int | None = None) -> EvidencePeriod:
    """The period the summary covers: the last 12 weeks up to today unless told otherwise.

    `weeks` counts back from `end` (default today); `start` and `end` give the days themselves.
    ValidationError for a period after today, backwards, or longer than 104 weeks.
    """
    if weeks is not None and start is not None:
        raise ValidationError("Please give --weeks or --from, not both.", "weeks")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError(f"The number of weeks must be from 1 to {MAX_WEEKS}.", "weeks")
    last = end if end is not None else today
    if last > today:
        raise ValidationError(f"The summary can only end on or before today "
                              f"({show_date(today)}): nothing after today is counted.", "to")
    if start is None:
        count = weeks if weeks is not None else DEFAULT_WEEKS
        first = last - timedelta(days=7 * count - 1)
        why = f"the last {_weeks_words(count)}" if last == today else \
            f"the {_weeks_words(count)} up to {show_date(last, today)}"
        return EvidencePeriod(first, last, why)
    if start > today:
        raise ValidationError(f"The start ({show_date(start, today)}) is after today: the "
                              "summary can only cover days up to today.", "from")
    if start > last:
        raise ValidationError(f"The start ({show_date(start, today)}) is after the end "
                              f"({show_date(last, today)}). Please swap them.", "from")
    if (last - start).days + 1 > 7 * MAX_WEEKS:
        raise ValidationError(f"The summary can cover up to {MAX_WEEKS} weeks. Please choose a "
                              "later start.", "from")
    return EvidencePeriod(start, last,
                          f"from {show_date(start, today)} to {show_date(last, today)}")


@dataclass(frozen=True, eq=False, repr=False)
class Quote(Value):
    """The person's words about one activity, and the days they wrote them (most recent first:
    the same words on several days are shown once, with every day)."""

    days: tuple[date, ...]
    words: str

    @property
    def day(self) -> date:
        """The most recent day these words were written."""
        return self.days[0]


@dataclass(frozen=True, eq=False, repr=False)
class ActivityFigures(Value):
    """One activity over the period: on how many logged days it was hard, how, and their words."""

    activity: str
    days_hard: int
    by_how: dict[Difficulty, int]
    #: The person's words under each difficulty, most recent first.
    words: dict[Difficulty, tuple[Quote, ...]]


@dataclass(frozen=True, eq=False, repr=False)
class DayQuote(Value):
    """A whole day in the person's words (the hardest or the typical day)."""

    day: date
    rating: Rating | None
    hard: tuple[tuple[str, Difficulty, str], ...]  # activity, how, words
    note: str


@dataclass(frozen=True, eq=False, repr=False)
class Evidence(Value):
    period: EvidencePeriod
    today: date
    days_logged: int
    activities: tuple[ActivityFigures, ...]
    #: Activities in the person's list that were not marked hard on any day logged.
    never_hard: tuple[str, ...]
    ratings: dict[Rating | None, int]
    worst: DayQuote | None
    typical: DayQuote | None
    #: How many activities were hard on the typical day (the middle count).
    typical_count: int | None
    other: tuple[str, ...] = field(default=())  # flare-ups, sleep, pain, pacing sentences

    @property
    def days_not_logged(self) -> int:
        return self.period.days - self.days_logged

    def basis(self, count: int) -> str:
        """'on 23 of 41 days logged; 43 days not logged' - the count and what it rests on."""
        return f"on {count} of {plural(self.days_logged, 'day')} logged; {self.not_logged_text()}"

    def not_logged_text(self) -> str:
        return f"{plural(self.days_not_logged, 'day')} not logged"

    def logged_sentence(self) -> str:
        """How many days of the period were logged (the basis of every count below)."""
        if not self.days_logged:
            return (f"No day records in this period ({self.period.text(self.today)}, "
                    f"{plural(self.period.days, 'day')}), so there is nothing to count about "
                    "everyday activities. A day not logged is not counted either way.")
        return (f"Days logged: {self.days_logged} of the {plural(self.period.days, 'day')} "
                f"({self.period.text(self.today)}); {self.not_logged_text()} (not counted "
                "either way).")

    def ratings_sentence(self) -> str:
        if not self.days_logged:
            return ""
        parts = [f"{self.ratings.get(r, 0)} {r.value}" for r in (Rating.BAD, Rating.SO_SO,
                                                                Rating.GOOD)]
        unrated = self.ratings.get(None, 0)
        text = (f"How the days were, as I rated them: {', '.join(parts)} "
                f"(of {plural(self.days_logged, 'day')} logged")
        if unrated:
            text += f", {unrated} not rated"
        return text + ")."


def activity_heading(figures: ActivityFigures, evidence: Evidence) -> str:
    """'Dressing: hard on 23 of 41 days logged; 43 days not logged'."""
    return f"{figures.activity}: hard {evidence.basis(figures.days_hard)}"


def how_heading(how: Difficulty, count: int) -> str:
    """'Could not: on 5 days' - a difficulty heading under an activity."""
    return f"{how.words[0].upper()}{how.words[1:]}: on {plural(count, 'day')}"


def day_heading(quote: DayQuote, today: date | None = None) -> str:
    rated = f", {quote.rating.words}" if quote.rating else ", not rated"
    hard = plural(len(quote.hard), "activity", "activities") if quote.hard else "nothing"
    return f"{show_date(quote.day, today)}{rated}; {hard} hard"


def day_lines(quote: DayQuote) -> list[str]:
    """The day in the person's words, one line per hard activity, then the day's note."""
    lines = []
    for activity, how, words in quote.hard:
        lines.append(f"{activity}: {how.words}" + (f" – “{words}”" if words else ""))
    if not quote.hard:
        lines.append("Nothing was hard that day.")
    if quote.note:
        lines.append(f"My note: “{quote.note}”")
    return lines


def _quote(record: DayRecord) -> DayQuote:
    hard = sorted(record.hard, key=lambda h: ORDER.index(h.how))
    return DayQuote(record.date, record.rating,
                    tuple((h.activity, h.how, h.words) for h in hard), record.note)


def _limiting(record: DayRecord) -> tuple[int, int, int, int, date]:
    hows = [h.how for h in record.hard]
    return (record.rating is Rating.BAD, hows.count(Difficulty.COULD_NOT),
            hows.count(Difficulty.HELP), len(hows), record.date)


def hardest_day(records: Sequence[DayRecord]) -> DayRecord | None:
    """The most limiting logged day (see the module's rules); None when none was hard or bad."""
    if not records:
        return None
    worst = max(records, key=_limiting)
    key = _limiting(worst)
    return worst if key[0] or key[3] else None


def typical_day(records: Sequence[DayRecord]) -> tuple[DayRecord | None, int | None]:
    """The middle day by hard count (the lower middle for an even number), and that count."""
    if not records:
        return None, None
    counts = sorted(len(r.hard) for r in records)
    middle = counts[(len(counts) - 1) // 2]
    day = max((r for r in records if len(r.hard) == middle), key=lambda r: r.date)
    return day, middle


def _one_per_day(records: Iterable[DayRecord], start: date, end: date) -> list[DayRecord]:
    """The records in [start, end], one per day (the latest changed wins if a day has two)."""
    by_day: dict[date, DayRecord] = {}
    for record in records:
        if start <= record.date <= end:
            kept = by_day.get(record.date)
            if kept is None or record.updated >= kept.updated:
                by_day[record.date] = record
    return sorted(by_day.values(), key=lambda r: r.date)


def _quotes(same: dict[str, tuple[str, list[date]]]) -> tuple[Quote, ...]:
    """Each distinct set of words once (as last written), with its days, most recent first."""
    found = [Quote(tuple(sorted(days, reverse=True)), text) for text, days in same.values()]
    return tuple(sorted(found, key=lambda q: q.day, reverse=True))


def build_evidence(records: Iterable[DayRecord], period: EvidencePeriod, today: date,
                   activities: Sequence[str] = (), other: Sequence[str] = ()) -> Evidence:
    """The summary of the day records in `period`. `activities` is the person's own list (for
    the order and for the ones never hard); `other` the flare-up, sleep, pain and pacing lines."""
    days = _one_per_day(records, period.start, min(period.end, today))
    names: dict[str, str] = {}  # casefold -> name as first met (the person's list first)
    for name in activities:
        names.setdefault(name.casefold(), name)
    hard_days: dict[str, int] = {}
    by_how: dict[str, dict[Difficulty, int]] = {}
    words: dict[str, dict[Difficulty, dict[str, tuple[str, list[date]]]]] = {}
    for record in days:
        for item in record.hard:
            key = item.activity.casefold()
            names.setdefault(key, item.activity)
            hard_days[key] = hard_days.get(key, 0) + 1
            counts = by_how.setdefault(key, {d: 0 for d in ORDER})
            counts[item.how] += 1
            said = item.words.strip()
            if said:
                same = words.setdefault(key, {d: {} for d in ORDER})[item.how]
                known = " ".join(said.casefold().split())
                dates = same[known][1] if known in same else []
                same[known] = (said, [*dates, record.date])  # days in order: the latest words
    order = list(names)
    figures = [
        ActivityFigures(
            names[key], hard_days[key], by_how[key],
            {d: _quotes(words.get(key, {}).get(d, {})) for d in ORDER})
        for key in sorted(hard_days, key=lambda k: (-hard_days[k],
                                                      -by_how[k][Difficulty.COULD_NOT],
                                                      -by_how[k][Difficulty.HELP],
                                                      order.index(k)))]
    never = tuple(names[k] for k in order if k not in hard_days) if days else ()
    ratings: dict[Rating | None, int] = {}
    for record in days:
        ratings[record.rating] = ratings.get(record.rating, 0) + 1
    worst = hardest_day(days)
    typical, typical_count = typical_day(days)
    return Evidence(period, today, len(days), tuple(figures), never, ratings,
                    _quote(worst) if worst else None, _quote(typical) if typical else None,
                    typical_count, tuple(other))


# -- the other figures for the same period (flare-ups, sleep, pain, pacing) -----------------------
def flare_sentence(count: int, ended: Sequence[int | float], ongoing: bool,
                   period: EvidencePeriod, today: date | None = None) -> str:
    """Flare-ups that touched the period: how many, the longest and the total length of those that
    ended (real time; lengths as everywhere else, `core.flare.show_duration`)."""
    from paceapp.core.flare import show_duration

    span = period.text(today)
    if not count:
        return f"Flare-ups ({span}): none logged."
    text = f"Flare-ups ({span}): {count} logged"
    if ended:
        text += (f"; the longest lasted {show_duration(max(ended))}, "
                 f"{show_duration(sum(ended))} in all")
        if len(ended) < count:
            text += f" (of the {len(ended)} that have ended)"
    if ongoing:
        text += "; one is still going"
    return text + "."


def sleep_sentence(nights_logged: int, asleep: Sequence[int | float], period: EvidencePeriod,
                   today: date | None = None) -> str:
    """Nights logged and the median time asleep (over the nights with the times to work it out)."""
    span = period.text(today)
    if not nights_logged:
        return f"Sleep ({span}): no nights logged."
    text = (f"Sleep ({span}): {nights_logged} of {plural(period.days, 'night')} logged; "
            f"{period.days - nights_logged} not logged")
    middle = median(asleep)
    if middle is None:
        return text + ", none with the times needed to work out time asleep."
    text += f". Median time asleep {minutes_text(middle)}"
    if len(asleep) < nights_logged:
        text += f" (over the {plural(len(asleep), 'night')} with all the times needed)"
    return text + "."


def pain_sentence(days_scored: int, daily_median: Fraction | None, highest: int | None,
                  period: EvidencePeriod, today: date | None = None) -> str:
    """Days with a pain score and the median of the daily averages (0-10)."""
    span = period.text(today)
    if not days_scored or daily_median is None:
        return f"Pain, 0 to 10 ({span}): no scores logged."
    return (f"Pain, 0 to 10 ({span}): a score on {days_scored} of "
            f"{plural(period.days, 'day')}; {period.days - days_scored} without one. Median of "
            f"the daily averages {decimal_text(daily_median)}"
            + (f"; highest {highest}" if highest is not None else "") + ".")
