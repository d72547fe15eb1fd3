"""Pain check-ins: the 0-10 numeric rating scale (NRS) and the weekly PEG.

PEG (Krebs et al., J Gen Intern Med 2009;24(6):733-738): three 0-10 items about the past week -
average Pain, interference with Enjoyment of life, interference with General activity.
The score is the mean of the three, shown to one decimal. A fall of 30% or more between two
periods is commonly taken as a meaningful improvement.

Figures (docs/figures.md): every mean and change is worked out exactly (fractions) from the
scores as logged; the 30% threshold is tested on the exact change; only the number shown is
rounded, once, half up. So a fall from a mean of 6 2/3 to 4 2/3 is exactly 30% - "down 30.0%",
a real improvement - where working from the shown 6.7 and 4.7 gave "down 29.9%".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.figures import Number, change_pct, decimal_text, exact, mean, median, one_decimal
from paceapp.core.records import Record
from paceapp.core.text import NOTE, SHORT, check_score, clean_text
from paceapp.core.timeparse import show_date, show_time
from paceapp.core.value import Value

#: A logged time may run this far ahead of the clock (a clock a little fast), no more.
FUTURE_SLACK = timedelta(minutes=5)

#: `date`, by a name a field called `date` does not hide (for type checkers).
Date = date


#: A fall of at least this much (exact, in %) is commonly taken as a real improvement (Krebs 2009).
MEANINGFUL_FALL_PCT = Fraction(-30)


def round1(value: Number) -> float:
    """Round half up to one decimal, as people do by hand (4.25 -> 4.3, -4.25 -> -4.3).

    Only for a figure about to be shown (core.figures.one_decimal): never work further from it.
    """
    return one_decimal(value)


def check_not_future(moment: datetime, now: datetime, field: str = "at") -> None:
    if moment > now + FUTURE_SLACK:
        raise ValidationError(
            "That time is in the future. Log things that have already happened, "
            "or leave the time out to use now.", field)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PainEntry(Record):
    """One pain score on the 0-10 scale at a moment, with optional where and note."""

    KIND: ClassVar[str] = "pain"
    LABEL: ClassVar[str] = "pain score"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "at"

    at: datetime
    score: int
    where: str = ""
    note: str = ""

    @property
    def day(self) -> date:
        return self.at.date()

    def validate(self) -> None:
        check_score(self.score, "score", "pain score")
        if self.at.tzinfo is None:
            raise ValidationError("The time needs a UTC offset.", "at")
        if clean_text(self.where, "where", SHORT, label="'where'") != self.where:
            raise ValidationError("The 'where' text has characters that cannot be stored.", "where")
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "when": f"{show_date(self.day)} {show_time(self.at)}",
                "pain": f"{self.score}/10", "where": self.where, "note": self.note}


def new_pain(score: int, at: datetime, now: datetime, where: str = "", note: str = "") -> PainEntry:
    """Build and validate a pain entry from what the person typed."""
    check_score(score, "score", "pain score")
    check_not_future(at, now)
    entry = PainEntry(at=at, score=score, where=clean_text(where, "where", SHORT, label="'where'"),
                      note=clean_text(note, "note", NOTE, multiline=True))
    entry.validate()
    return entry


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PegEntry(Record):
    """The weekly PEG check-in, about the seven days up to and including `date`."""

    KIND: ClassVar[str] = "peg"
    LABEL: ClassVar[str] = "PEG check-in"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: Date
    pain: int
    enjoyment: int
    activity: int

    @property
    def day(self) -> Date:
        return self.date

    @property
    def score(self) -> float:
        """Mean of the three items as shown: one decimal, half up (for display and JSON)."""
        return peg_score(self.pain, self.enjoyment, self.activity)

    @property
    def exact_score(self) -> Fraction:
        """Mean of the three items, exact (work from this, never from `score`)."""
        return Fraction(self.pain + self.enjoyment + self.activity, 3)

    def validate(self) -> None:
        check_score(self.pain, "pain", "P (average pain)")
        check_score(self.enjoyment, "enjoyment", "E (enjoyment of life)")
        check_score(self.activity, "activity", "G (general activity)")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "week to": show_date(self.date), "P": str(self.pain),
                "E": str(self.enjoyment), "G": str(self.activity),
                "PEG": decimal_text(self.exact_score)}

    def derived(self) -> dict[str, Any]:
        return {"score": self.score}


def peg_score(pain: int, enjoyment: int, activity: int) -> float:
    """PEG score as shown: the mean of P, E and G, rounded once, half up, to one decimal."""
    return one_decimal(Fraction(pain + enjoyment + activity, 3))


def new_peg(pain: int, enjoyment: int, activity: int, day: date, today: date) -> PegEntry:
    """Build and validate a PEG check-in."""
    if day > today:
        raise ValidationError("That date is in the future. A PEG check-in looks back over "
                              "the past week.", "date")
    entry = PegEntry(date=day, pain=pain, enjoyment=enjoyment, activity=activity)
    entry.validate()
    return entry


def peg_change_pct(before: Number, after: Number) -> float | None:
    """Percentage change from `before` to `after` as shown (one decimal, half up; negative =
    better); None when before is 0. Give exact means (`average_peg`), not rounded ones."""
    change = change_pct(before, after)
    return None if change is None else one_decimal(change)


def is_meaningful_improvement(before: Number, after: Number) -> bool:
    """True when PEG fell by 30% or more (Krebs et al. 2009), tested on the exact change.
    Give exact means (`average_peg`), not rounded ones."""
    change = change_pct(before, after)
    return change is not None and change <= MEANINGFUL_FALL_PCT


@dataclass(frozen=True, eq=False, repr=False)
class PegAverage(Value):
    """The PEG check-ins of a period: how many, and their exact mean."""

    count: int
    exact: Fraction | None

    @property
    def average(self) -> float | None:
        """The mean as shown (one decimal, half up)."""
        return None if self.exact is None else one_decimal(self.exact)

    def text(self) -> str:
        """'4.7' (or '' when there is none)."""
        return "" if self.exact is None else decimal_text(self.exact)


def average_peg(entries: Iterable[PegEntry], start: date, end: date) -> PegAverage:
    """The exact mean PEG score of the check-ins dated in [start, end]."""
    scores = [e.exact_score for e in entries if start <= e.date <= end]
    return PegAverage(len(scores), mean(scores))


@dataclass(frozen=True, eq=False, repr=False)
class PegChange(Value):
    """The change between two exact mean PEG scores: worked out exactly, shown once."""

    before: Fraction
    after: Fraction
    pct: Fraction  # exact; negative = a fall (better)

    @property
    def meaningful(self) -> bool:
        """A fall of 30% or more, on the exact change (Krebs et al. 2009)."""
        return self.pct <= MEANINGFUL_FALL_PCT

    @property
    def shown_pct(self) -> float:
        return one_decimal(self.pct)

    def words(self) -> str:
        """'down 30.0%', 'up 5.3%', 'no change'; 'down less than 0.1%' for a tiny change."""
        if self.pct == 0:
            return "no change"
        way = "down" if self.pct < 0 else "up"
        size = decimal_text(abs(self.pct))
        if size == "0.0":
            return f"{way} less than 0.1%"
        return f"{way} {size}%"


def peg_change(before: Number, after: Number) -> PegChange | None:
    """The change from the mean `before` to the mean `after` (exact values: `average_peg`);
    None when `before` is 0 (no percentage of nothing)."""
    pct = change_pct(before, after)
    if pct is None:
        return None
    return PegChange(exact(before), exact(after), pct)


@dataclass(frozen=True, eq=False, repr=False)
class PainSummary(Value):
    """Pain over a period: what the numbers rest on travels with them.

    `average` and `median` are as shown (one decimal, half up); `exact_average` and
    `exact_median` are for any further working, such as the change between two periods.
    """

    start: date
    end: date
    entries: int
    days_logged: int
    average: float | None
    median: float | None
    highest: int | None
    exact_average: Fraction | None = None
    exact_median: Fraction | None = None


def summarise_pain(entries: list[PainEntry], start: date, end: date) -> PainSummary:
    """Average of daily means over the days in [start, end] that have a score (exact, then
    rounded once for `average`).

    Averaging per day first stops a day with many check-ins from outweighing others.
    """
    by_day: dict[date, list[int]] = {}
    for entry in entries:
        if start <= entry.day <= end:
            by_day.setdefault(entry.day, []).append(entry.score)
    if not by_day:
        return PainSummary(start, end, 0, 0, None, None, None)
    daily = [m for scores in by_day.values() if (m := mean(scores)) is not None]
    average, middle = mean(daily), median(daily)
    assert average is not None and middle is not None  # there is at least one day
    return PainSummary(
        start, end, sum(len(s) for s in by_day.values()), len(by_day),
        one_decimal(average), one_decimal(middle), max(max(s) for s in by_day.values()),
        average, middle)


KINDS = (PainEntry, PegEntry)
