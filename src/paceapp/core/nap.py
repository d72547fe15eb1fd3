"""Naps: a rest asleep in the day, logged apart from the night (the Consensus Sleep Diary's
extended items; Carney et al., SLEEP 2012;35(2):287-302).

A nap has a start and an end (local moments, each with its UTC offset) and an optional note. It is
dated by the day it started. Its length is real elapsed time, across a clock change too: on the
UK's spring night 00:40 GMT to 02:10 BST is 30 min, not the 1 h 30 min the clock face says.

A nap is never counted as a night: the sleep diary's time in bed, time asleep, sleep efficiency
and their averages are worked out from nights only (core.sleep). Naps are shown on their own
line: how many, and their time in all, over a period (docs/figures.md).

Rules (checked when a nap is logged or changed; those across records by the Journal, inside its
write transaction, through `Nap.check_across`):
- the end is after the start, and a nap is at most MAX_NAP_MIN minutes (a longer sleep is a night);
- nothing in the future (a clock a little fast is allowed for, as for flare-ups);
- it does not overlap another nap, nor a logged night's time in bed (into bed to out of bed, or
  the night's first to last time when some are missing). The same rule, seen from the night,
  refuses a night whose time in bed covers a logged nap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import ClashError, Reader, Record
from paceapp.core.sleep import TIME_FIELDS, SleepNight
from paceapp.core.text import NOTE, clean_text, plural
from paceapp.core.timeparse import (
    elapsed_minutes,
    local_moment,
    local_now,
    parse_clock,
    parse_when,
    show_date,
    show_minutes,
    show_time,
    show_when,
    split_choice,
)
from paceapp.core.value import Value

#: The longest nap, in minutes: a longer sleep belongs in the sleep diary as a night.
MAX_NAP_MIN = 6 * 60
#: A logged end may run this far ahead of the clock (a clock a little fast), no more.
FUTURE_SLACK = timedelta(minutes=5)
#: What a nap is, in plain words (for hints and help).
NAP_WORDS = "a rest asleep in the day"

_BARE_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
#: A time alone on the 12-hour clock: 3pm, 3:10pm, 3.10 pm, 3 p.m.
_BARE_HALF_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]m|[ap]\.\s?m\.?)$", re.IGNORECASE)
#: How long it lasted: '40 min', '40 minutes', '1 h 10 min', '1 hour', '1h10', '90m'.
_LASTED = re.compile(r"^(?:for\s+)?(?:(\d{1,2})\s*(?:h|hr|hrs|hour|hours)(?![a-z])\s*)?"
                     r"(?:(\d{1,3})\s*(?:m|min|mins|minute|minutes)?)?$", re.IGNORECASE)
_WORDS = dict(TIME_FIELDS)



@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Nap(Record):
    """One nap: started and ended (local moments with their UTC offsets), and a note."""

    KIND: ClassVar[str] = "nap"
    LABEL: ClassVar[str] = "nap"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "started"

    started: datetime
    ended: datetime
    note: str = ""

    @property
    def day(self) -> date:
        """The day it started (on the clock it was logged with)."""
        return self.started.date()

    @property
    def minutes(self) -> int:
        """Whole minutes of real time from start to end (each moment carries its UTC offset)."""
        return elapsed_minutes(self.started, self.ended)

    def validate(self) -> None:
        for name, value in (("started", self.started), ("ended", self.ended)):
            if not isinstance(value, datetime) or value.tzinfo is None:
                raise ValidationError(f"The nap's {'start' if name == 'started' else 'end'} "
                                      "needs a date, a time and a UTC offset.", name)
        if self.ended <= self.started:
            raise ValidationError(
                f"The nap's end ({show_when(self.ended)}) must be after its start "
                f"({show_when(self.started)}). Please check the times.", "ended")
        if self.minutes > MAX_NAP_MIN:
            raise ValidationError(
                f"From {show_when(self.started)} to {show_when(self.ended)} is "
                f"{show_minutes(self.minutes)}: a nap can be at most "
                f"{show_minutes(MAX_NAP_MIN)}. A longer sleep belongs in the sleep diary as a "
                "night. Please check the times.", "ended")
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "day": show_date(self.day),
                "from-to": f"{show_time(self.started)}-{show_time(self.ended)}",
                "lasted": show_minutes(self.minutes), "note": self.note}

    def derived(self) -> dict[str, Any]:
        return {"minutes": self.minutes}

    def check_typed(self, now: datetime) -> None:
        """A nap just typed or changed has ended by the clock (`now`)."""
        check_not_future(self, now)

    def check_across(self, read: Reader) -> None:
        """No overlap with another nap or with a logged night's time in bed. The Journal runs
        this inside its write transaction."""
        check_nap_in(read, self)

    def check_among(self, stored: list[Nap]) -> None:
        """`check_typed` (by this computer's clock) and no overlap with a nap in `stored`."""
        check_not_future(self, local_now())
        check_naps_apart(stored, self)


def describe_nap(nap: Nap) -> str:
    """'nap Sat 21 Nov 14:05 to 15:15 (1 h 10 min)'."""
    end = (show_time(nap.ended) if nap.ended.date() == nap.started.date()
           else show_when(nap.ended))
    return f"nap {show_when(nap.started)} to {end} ({show_minutes(nap.minutes)})"


def check_not_future(nap: Nap, now: datetime) -> None:
    """Refuse a nap that has not ended yet by the clock (`now`)."""
    if nap.ended > now + FUTURE_SLACK:
        field, moment = (("started", nap.started) if nap.started > now + FUTURE_SLACK
                         else ("ended", nap.ended))
        raise ValidationError(
            f"{show_when(moment)} is in the future. Log a nap once it has ended.", field)


def new_nap(started: datetime, ended: datetime, now: datetime, note: str = "") -> Nap:
    """A nap from what the person typed, checked on its own (see `check_nap_in` for the checks
    against stored naps and nights)."""
    nap = Nap(started=started, ended=ended, note=clean_text(note, "note", NOTE, multiline=True))
    nap.validate()
    check_not_future(nap, now)
    return nap


def parse_nap_end(text: str, started: datetime, now: datetime, field: str = "ended") -> datetime:
    """When a nap ended. A time alone ('15:10', '3:10pm', '3pm', '01:30 second') is on the day
    the nap started, or the next day when it is earlier on the clock than the start (a nap across
    midnight); how long it lasted ('40 min', '1 h 10 min') counts on from the start in real time;
    anything else is read as `parse_when` reads it ('now', 'yesterday 15:10', '21/11 3pm').
    """
    cleaned, choice = split_choice(text)
    lasted = _lasted_minutes(cleaned)
    if lasted is not None:
        return nap_from_minutes(started, lasted)
    if cleaned.isdigit():
        raise ValidationError(f"'{cleaned}' on its own could be a time or minutes. Write a time "
                              f"like 15:10 or 3:10pm, or how long it lasted like {cleaned} min.",
                              field)
    if not (_BARE_CLOCK.match(cleaned) or _BARE_HALF_CLOCK.match(cleaned)):
        return parse_when(text, now, field)
    clock = parse_clock(cleaned, field)
    naive = datetime.combine(started.replace(tzinfo=None).date(), clock)
    # earlier in real time than the start: the next day (an hour the clocks repeated counts as
    # the one chosen, so '01:10 second' after '01:30 first' is the same night)
    if local_moment(naive, choice=choice or 0, strict=False) < started:
        naive += timedelta(days=1)
    return local_moment(naive, choice=choice, field=field, typed=" ".join(text.split()))


def _lasted_minutes(text: str) -> int | None:
    """Minutes from '40 min', '1 h 10 min', '1 hour' (a unit is needed: '40' alone is not read
    as minutes); None when the text is not a length of time."""
    match = _LASTED.match(text.strip())
    if not match or not text.strip() or (match[1] is None and match[2] is None):
        return None
    if match[1] is None and not re.search(r"\d\s*[a-z]", text, re.IGNORECASE):
        return None  # a bare number: not a length of time
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def nap_from_minutes(started: datetime, minutes: int) -> datetime:
    """The end of a nap that lasted `minutes` of real time from `started`, on the local clock."""
    if minutes < 1:
        raise ValidationError(f"A nap lasts at least 1 minute; {minutes} was given.", "minutes")
    if minutes > MAX_NAP_MIN:
        raise ValidationError(
            f"A nap can be at most {MAX_NAP_MIN} minutes ({show_minutes(MAX_NAP_MIN)}); "
            f"{minutes} was given. A longer sleep belongs in the sleep diary as a night.",
            "minutes")
    return (started + timedelta(minutes=minutes)).astimezone()


# -- rules across records --------------------------------------------------------------------
def night_span(night: SleepNight) -> tuple[datetime, datetime, str, str] | None:
    """A night's time in bed as (first moment, last moment, their fields): into bed to out of
    bed, or the first to the last of the times logged; None with fewer than two times."""
    try:
        moments = night.moments()
    except ValidationError:  # times that cannot be put in order: nothing to compare
        return None
    if len(moments) < 2:
        return None
    first = min(moments, key=lambda name: moments[name])
    last = max(moments, key=lambda name: moments[name])
    return moments[first], moments[last], first, last


def _span_words(first: datetime, last: datetime, first_name: str, last_name: str) -> str:
    """'into bed 22:30, out of bed 06:30'."""
    return (f"{_WORDS[first_name]} {show_time(first)}, {_WORDS[last_name]} "
            f"{show_time(last)}")


def _overlap(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    return start < other_end and other_start < end


def check_naps_apart(naps: Iterable[Nap], nap: Nap) -> None:
    """Refuse `nap` (new or changed) when it overlaps another stored nap."""
    for other in naps:
        if other.id != nap.id and _overlap(nap.started, nap.ended, other.started, other.ended):
            field = "started" if other.started <= nap.started else "ended"
            raise ValidationError(
                f"That overlaps another {describe_nap(other)}. Naps cannot overlap: please "
                "check the times, or change the other one.", field)


#: The rule `check_nap_clear_of_nights` names in its ClashError.
NAP_IN_NIGHT = "nap-in-night"


def check_nap_clear_of_nights(nights: Iterable[SleepNight], nap: Nap) -> None:
    """Refuse a nap inside a logged night's time in bed: a nap is apart from the night."""
    for night in nights:
        span = night_span(night)
        if span is None:
            continue
        first, last, _first_name, _last_name = span
        if _overlap(nap.started, nap.ended, first, last):
            field = "started" if first <= nap.started else "ended"
            raise ClashError(
                f"That nap overlaps the night to {show_date(night.date)} "
                f"({_span_words(*span)}). A nap is {NAP_WORDS}, "
                "apart from the night: please check the times.",
                "If that night was really this nap, delete that night first, then log the nap.",
                field, rule=NAP_IN_NIGHT, other_kind=night.KIND, other_id=night.id,
                day=night.date)


def check_night_clear_of_naps(naps: Iterable[Nap], night: SleepNight) -> None:
    """Refuse a night whose time in bed covers a logged nap (the same rule, from the night)."""
    span = night_span(night)
    if span is None:
        return
    first, last, first_name, _last_name = span
    for nap in naps:
        if _overlap(nap.started, nap.ended, first, last):
            raise ValidationError(
                f"That night ({_span_words(*span)}) covers a {describe_nap(nap)}, logged "
                "apart from the nights. Please check the times, or change the nap.", first_name)


def nights_around(day: date) -> tuple[date, date]:
    """The mornings of the nights a nap that started on `day` could touch (a night runs from
    the evening before its morning, and lasts at most 24 hours; a nap at most 6)."""
    return day - timedelta(days=1), day + timedelta(days=2)


def naps_around(night: SleepNight) -> tuple[date, date]:
    """The days a nap touching the night to `night.date` could have started on."""
    return night.date - timedelta(days=2), night.date + timedelta(days=1)


def check_nap_in(read: Reader, nap: Nap) -> None:
    """Check `nap` against the stored naps and nights, read with `read` (`Journal.list`); the
    Journal runs it (`Nap.check_across`) inside its transaction, just before writing."""
    since, until = nights_around(nap.day)
    check_naps_apart(read(Nap, since=nap.day - timedelta(days=1), until=nap.day + timedelta(days=1)),
                     nap)
    check_nap_clear_of_nights(read(SleepNight, since=since, until=until), nap)


def check_night_in(read: Reader, night: SleepNight) -> None:
    """Check a night against the stored naps, read with `read` (`Journal.list`)."""
    since, until = naps_around(night)
    check_night_clear_of_naps(read(Nap, since=since, until=until), night)


# -- over a period ---------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class NapSummary(Value):
    """Naps that started in [start, end]: how many and their time in all (whole minutes)."""

    start: date
    end: date
    count: int
    total_min: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def sentence(self) -> str:
        """'Naps (not counted in the nights): 3 over 14 days, 2 h 05 min in all.' ('' when
        there were none)."""
        if self.count == 0:
            return ""
        return (f"Naps (not counted in the nights): {self.count} over "
                f"{plural(self.days, 'day')}, {show_minutes(self.total_min)} in all.")

    def card_text(self) -> str:
        """'2, 1 h 10 min in all' (for the Today card)."""
        return f"{self.count}, {show_minutes(self.total_min)} in all"


def summarise_naps(naps: Iterable[Nap], start: date, end: date) -> NapSummary:
    """How many naps started on a day in [start, end], and their time in all."""
    inside = [n for n in naps if start <= n.day <= end]
    return NapSummary(start, end, len(inside), sum(n.minutes for n in inside))


def nap_sentence(naps: Iterable[Nap], start: date, end: date) -> str:
    """One short sentence about naps over [start, end] for the report and the GP sheet, or ''
    when there were none ('Naps (not counted in the nights): 3 over 14 days, 2 h 05 min in
    all.')."""
    return summarise_naps(naps, start, end).sentence()


KINDS = (Nap,)
