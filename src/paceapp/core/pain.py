"""Pain check-ins: the 0-10 numeric rating scale (NRS) and the weekly PEG.

PEG (Krebs et al., J Gen Intern Med 2009;24(6):733-738): three 0-10 items about the past week -
average Pain, interference with Enjoyment of life, interference with General activity.
The score is the mean of the three, to one decimal. A fall of 30% or more between two periods is
commonly taken as a meaningful improvement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import NOTE, SHORT, check_score, clean_text
from paceapp.core.timeparse import show_date, show_time

#: A logged time may run this far ahead of the clock (a clock a little fast), no more.
FUTURE_SLACK = timedelta(minutes=5)


def round1(value: float) -> float:
    """Round half up to one decimal, as people do by hand (4.25 -> 4.3, -4.25 -> -4.3).

    The tiny epsilon absorbs binary floating-point error (4.35 is stored as 4.3499999…).
    """
    scaled = abs(value) * 10
    rounded = math.floor(scaled + 0.5 + 1e-9) / 10
    return math.copysign(rounded, value) if rounded else 0.0


def check_not_future(moment: datetime, now: datetime, field: str = "at") -> None:
    if moment > now + FUTURE_SLACK:
        raise ValidationError(
            "That time is in the future. Log things that have already happened, "
            "or leave the time out to use now.", field)


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class PegEntry(Record):
    """The weekly PEG check-in, about the seven days up to and including `date`."""

    KIND: ClassVar[str] = "peg"
    LABEL: ClassVar[str] = "PEG check-in"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: date
    pain: int
    enjoyment: int
    activity: int

    @property
    def day(self) -> date:
        return self.date

    @property
    def score(self) -> float:
        """Mean of the three items, one decimal."""
        return peg_score(self.pain, self.enjoyment, self.activity)

    def validate(self) -> None:
        check_score(self.pain, "pain", "P (average pain)")
        check_score(self.enjoyment, "enjoyment", "E (enjoyment of life)")
        check_score(self.activity, "activity", "G (general activity)")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "week to": show_date(self.date), "P": str(self.pain),
                "E": str(self.enjoyment), "G": str(self.activity), "PEG": f"{self.score:.1f}"}

    def derived(self) -> dict[str, Any]:
        return {"score": self.score}


def peg_score(pain: int, enjoyment: int, activity: int) -> float:
    """PEG score: the mean of P, E and G, rounded half up to one decimal."""
    return round1((pain + enjoyment + activity) / 3)


def new_peg(pain: int, enjoyment: int, activity: int, day: date, today: date) -> PegEntry:
    """Build and validate a PEG check-in."""
    if day > today:
        raise ValidationError("That date is in the future. A PEG check-in looks back over "
                              "the past week.", "date")
    entry = PegEntry(date=day, pain=pain, enjoyment=enjoyment, activity=activity)
    entry.validate()
    return entry


def peg_change_pct(before: float, after: float) -> float | None:
    """Percentage change from `before` to `after` (negative = better); None when before is 0."""
    if before == 0:
        return None
    return round1((after - before) / before * 100)


def is_meaningful_improvement(before: float, after: float) -> bool:
    """True when PEG fell by 30% or more (Krebs et al. 2009)."""
    change = peg_change_pct(before, after)
    return change is not None and change <= -30


@dataclass(frozen=True)
class PainSummary:
    """Pain over a period: what the numbers rest on travels with them."""

    start: date
    end: date
    entries: int
    days_logged: int
    average: float | None
    median: float | None
    highest: int | None


def summarise_pain(entries: list[PainEntry], start: date, end: date) -> PainSummary:
    """Average of daily means over the days in [start, end] that have a score.

    Averaging per day first stops a day with many check-ins from outweighing others.
    """
    from statistics import mean, median  # deferred: quick logging does not need it

    by_day: dict[date, list[int]] = {}
    for entry in entries:
        if start <= entry.day <= end:
            by_day.setdefault(entry.day, []).append(entry.score)
    if not by_day:
        return PainSummary(start, end, 0, 0, None, None, None)
    daily = [mean(scores) for scores in by_day.values()]
    return PainSummary(
        start, end, sum(len(s) for s in by_day.values()), len(by_day),
        round1(mean(daily)), round1(median(daily)), max(max(s) for s in by_day.values()))


KINDS = (PainEntry, PegEntry)
