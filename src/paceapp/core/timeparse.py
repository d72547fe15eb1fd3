"""Reading the dates and times people type, and showing dates as people read them.

Accepted everywhere (CLI.md): ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` (a space works too), ``HH:MM``
(today), ``today``, ``yesterday``, ``yesterday HH:MM``. Times are local; stored with the UTC offset.

Clock changes (DOMAIN.md, "Precision"). Local time is this computer's time zone (the TZ
environment variable, else the system's setting), with its own rules for summer time. A time that
did not happen - the hour skipped when the clocks go forward (01:00-01:59 on the UK's spring
night) - is refused with a message saying what happened. A time that happened twice - the hour
repeated when the clocks go back (01:00-01:59 on the UK's autumn night) - is asked about: the
person adds "first" (before the clocks went back) or "second" (after) to the time, as in
"01:30 second". Nothing is ever shifted silently. Durations are real elapsed time: worked out
between moments with their UTC offsets, never on the clock face.
"""

from __future__ import annotations

import functools
import os
import re
import time as time_module
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction

from paceapp.core.errors import ValidationError
from paceapp.core.figures import minutes_text

HOW_TO_WRITE = "Write a date like 2026-11-21, a time like 14:30, or 'today' / 'yesterday 22:15'."
HOW_TO_WRITE_DAY = "Write a date like 2026-11-21, or 'today' or 'yesterday'."

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_DATETIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[t ](\d{1,2}[:.]\d{2}))?$")
#: Words that say which of two times with the same clock reading was meant (clocks going back).
FIRST_WORDS = ("first", "1st")
SECOND_WORDS = ("second", "2nd")
_CHOICE = re.compile(r"^(.*\d)\s+(first|1st|second|2nd)$", re.IGNORECASE)


#: Set to an ISO 8601 moment to fix the clock (for screenshots, demos and tests).
FIXED_NOW_ENV = "PACEAPP_NOW"


def local_now() -> datetime:
    """The current local time, aware of its UTC offset, to the minute."""
    fixed = os.environ.get(FIXED_NOW_ENV)
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed).astimezone().replace(second=0, microsecond=0)
        except (ValueError, OverflowError):
            moment = None
        if moment is not None and 1000 <= moment.year <= 8999:  # codec's MIN_YEAR..MAX_YEAR
            return moment
        # a wrong or far-off value is ignored: the real clock is always a safe answer
    return datetime.now().astimezone().replace(second=0, microsecond=0)


class ChosenTime(time):
    """A time of day given with "first" (fold 0) or "second" (fold 1): which of the two times
    with this clock reading was meant, on a night the clocks went back."""

    @property
    def choice(self) -> str:
        return SECOND_WORDS[0] if self.fold else FIRST_WORDS[0]


def split_choice(text: str) -> tuple[str, int | None]:
    """'01:30 second' -> ('01:30', 1); '01:30 first' -> ('01:30', 0); '01:30' -> ('01:30', None)."""
    cleaned = " ".join(text.strip().split())
    match = _CHOICE.match(cleaned)
    if not match:
        return cleaned, None
    return match[1], 1 if match[2].lower() in SECOND_WORDS else 0


def parse_clock(text: str, field: str = "time") -> time:
    """Read ``HH:MM`` (or ``HH.MM``) as a time of day.

    "01:30 first" / "01:30 second" give a :class:`ChosenTime` (for an hour that happened twice).
    """
    clock_text, choice = split_choice(text)
    match = _TIME.match(clock_text)
    if not match:
        raise ValidationError(f"'{text.strip()}' is not a time. Write it like 07:30 or 22:15.",
                              field)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValidationError(
            f"'{text.strip()}' is not a time of day. Hours go 00 to 23, minutes 00 to 59.", field)
    if choice is None:
        return time(hour, minute)
    return ChosenTime(hour, minute, fold=choice)


# -- local time across clock changes ---------------------------------------------------------
@dataclass(frozen=True)
class ClockChange:
    """A change of the local clock: `at_before` and `at_after` are the same moment on the clock
    before and after it (UK spring: 01:00 GMT = 02:00 BST; autumn: 02:00 BST = 01:00 GMT)."""

    at_before: datetime
    at_after: datetime

    @property
    def forward(self) -> bool:
        return self.shift > timedelta(0)

    @property
    def shift(self) -> timedelta:
        """How far the clocks moved (+1 h forward, -1 h back)."""
        return _offset(self.at_after) - _offset(self.at_before)

    def shift_words(self) -> str:
        size = abs(self.shift)
        return "an hour" if size == timedelta(hours=1) else minutes_text(size.total_seconds() / 60)


class ClockChangeError(ValidationError):
    """A local time that did not happen, or that happened twice and needs "first" or "second"."""

    def __init__(self, field: str | None, change: ClockChange, naive: datetime, *,
                 label: str = "", typed: str | None = None) -> None:
        super().__init__(clock_change_message(naive, change, label=label, typed=typed), field)
        self.change = change
        self.naive = naive
        self.label = label
        self.typed = typed

    @property
    def twice(self) -> bool:
        return not self.change.forward

    def for_option(self, option: str) -> str:
        """The message with the command-line option in what to write ("--at '... second'")."""
        return clock_change_message(self.naive, self.change, label=self.label, typed=self.typed,
                                    option=option)


def _offset(moment: datetime) -> timedelta:
    offset = moment.utcoffset()
    assert offset is not None  # every moment here is aware
    return offset


@functools.lru_cache(maxsize=64)
def _fixed_zone(offset: timedelta, name: str | None) -> timezone:
    return timezone(offset, name)


def _fixed(moment: datetime) -> datetime:
    """The same moment with a fixed-offset zone that keeps its name ('BST'), so subtracting two
    moments always counts real time (Python subtracts wall clocks within one ZoneInfo)."""
    return moment.astimezone(_fixed_zone(_offset(moment), moment.tzname()))


#: Far enough either side of a wall-clock time, read as UTC, to hold its real moment (offsets
#: are within -12 h and +14 h) and any clock change that could touch it.
_PROBE = timedelta(hours=16)


def _local_of(utc: datetime, zone: tzinfo | None) -> datetime:
    return utc.astimezone() if zone is None else utc.astimezone(zone)


def _steady_zone(naive: datetime, zone: tzinfo | None) -> timezone | None:
    """The fixed zone in force all day around `naive` when the clocks do not change within 16
    hours either side of its day (the quick, usual case), else None."""
    rules = (time_module.tzname, time_module.timezone, time_module.altzone) if zone is None \
        else zone
    return _steady_day(naive.date(), rules, zone)


@functools.lru_cache(maxsize=4096)
def _steady_day(day: date, rules: object, zone: tzinfo | None) -> timezone | None:
    # `rules` tells this computer's rules apart when TZ changes (tests); clocks never change
    # twice within the 56 hours looked at
    start = datetime.combine(day, time(0), tzinfo=UTC)
    before = _local_of(start - _PROBE, zone)
    after = _local_of(start + timedelta(days=1) + _PROBE, zone)
    if _offset(before) != _offset(after) or before.tzname() != after.tzname():
        return None
    return _fixed_zone(_offset(before), before.tzname())


def _aware(naive: datetime, zone: tzinfo | None, fold: int) -> datetime:
    if zone is None:  # this computer's rules
        return _fixed(naive.replace(fold=fold).astimezone())
    return _fixed(naive.replace(tzinfo=zone, fold=fold))


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    local = moment.astimezone() if zone is None else moment.astimezone(zone)
    return local.replace(tzinfo=None, fold=0)


def _find_change(naive: datetime, zone: tzinfo | None) -> ClockChange:
    """The clock change next to `naive` (a time that did not happen, or happened twice)."""
    low = _aware(naive - timedelta(hours=6), zone, 0).astimezone(UTC)
    high = _aware(naive + timedelta(hours=6), zone, 0).astimezone(UTC)
    before = _offset(_fixed(low.astimezone() if zone is None else low.astimezone(zone)))
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        local = middle.astimezone() if zone is None else middle.astimezone(zone)
        if _offset(local) == before:
            low = middle
        else:
            high = middle
    after_moment = high.astimezone() if zone is None else high.astimezone(zone)
    before_moment = (high - timedelta(seconds=1)).astimezone() if zone is None else (
        high - timedelta(seconds=1)).astimezone(zone)
    at_before = high.astimezone(timezone(_offset(before_moment), before_moment.tzname()))
    return ClockChange(at_before, _fixed(after_moment))


def clock_change_at(naive: datetime, zone: tzinfo | None = None) -> ClockChange | None:
    """None for an ordinary local time; else the clock change that made `naive` not happen
    (forward) or happen twice (back). `zone` None: this computer's time zone."""
    if _steady_zone(naive, zone) is not None:
        return None
    first, second = _aware(naive, zone, 0), _aware(naive, zone, 1)
    if _offset(first) == _offset(second) and _wall(first, zone) == naive:
        return None
    return _find_change(naive, zone)


def _said(naive: datetime, typed: str | None, new_clock: datetime | None = None) -> str:
    """What the person typed, with the clock time changed to `new_clock`'s when given."""
    text = typed if typed is not None else f"{naive:%H:%M}"
    if new_clock is None:
        return text
    return _TIME_IN_TEXT.sub(f"{new_clock:%H:%M}", text, count=1)


_TIME_IN_TEXT = re.compile(r"\d{1,2}[:.]\d{2}")


def clock_change_message(naive: datetime, change: ClockChange, *, label: str = "",
                         typed: str | None = None, option: str = "") -> str:
    """What to tell a person whose time did not happen or happened twice (see the module).

    `label` names the time ("Final awakening"), `typed` is how they wrote it, `option` the
    command-line option to write it after ("--at").
    """
    write = f"{option} " if option else ""
    when = f"{label} at " if label else ""
    clock = f"{naive:%H:%M}"
    start = f"{when}{clock} on {show_date(naive.date())}"
    start = start[0].upper() + start[1:]
    before, after = change.at_before, change.at_after
    names = f"{before.tzname()} to {after.tzname()}"
    if change.forward:
        text = (f"{start} did not happen: the clocks went forward {change.shift_words()} at "
                f"{before:%H:%M} that night, straight to {after:%H:%M} ({names}). "
                "Please check the time.")
        meant = naive + change.shift
        if meant.date() == naive.date():
            text += (f" If a clock that had not been put forward yet showed {clock}, it was "
                     f"{meant:%H:%M}: write {write}'{_said(naive, typed, meant)}'.")
        return text
    said = _said(naive, typed)
    return (f"{start} happened twice: the clocks went back {change.shift_words()} at "
            f"{before:%H:%M} that night, to {after:%H:%M} ({names}). Which one was it? Write "
            f"{write}'{said} first' for the first time ({before.tzname()}, before the clocks "
            f"went back) or {write}'{said} second' for the second ({after.tzname()}, after).")


def local_moment(naive: datetime, zone: tzinfo | None = None, *, choice: int | None = None,
                 strict: bool = True, field: str = "at", label: str = "",
                 typed: str | None = None) -> datetime:
    """`naive`, read on the local clock, as an aware moment (fixed UTC offset, named 'BST').

    `choice` 0 or 1 picks the first or second of a time that happened twice. `strict` (for what a
    person types): a time that did not happen, or happened twice without a choice, raises
    ClockChangeError with a message for them (`label` names the time, `typed` is how they wrote
    it). Not strict (for records already stored): the first of a repeated time, and a time that
    did not happen read on the clock from before the change (01:30 -> 02:30 BST).
    """
    steady = _steady_zone(naive, zone)
    if steady is not None:
        return naive.replace(tzinfo=steady, fold=0)
    change = clock_change_at(naive, zone)
    if change is None:
        return _aware(naive, zone, 0)
    if change.forward:
        if strict:
            raise ClockChangeError(field, change, naive, label=label, typed=typed)
        moment = (naive - _offset(change.at_before)).replace(tzinfo=UTC)
        return _fixed(moment.astimezone() if zone is None else moment.astimezone(zone))
    if choice is None:
        if strict:
            raise ClockChangeError(field, change, naive, label=label, typed=typed)
        choice = 0
    return _aware(naive, zone, choice)


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes of real time from `start` to `end` (both aware), whatever their offsets."""
    seconds = (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()
    return int(seconds // 60)


def _parse_iso_date(text: str, field: str, how: str = HOW_TO_WRITE) -> date:
    match = _DATE.match(text)
    if not match:
        raise ValidationError(f"'{text}' is not a date. {how}", field)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"{text} is not a real date (check the month and day). {how}", field) from None


def parse_date(text: str, today: date, field: str = "date") -> date:
    """Read a day: ``YYYY-MM-DD``, ``today`` or ``yesterday``."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned.startswith(("today ", "yesterday ")):
        return today - timedelta(days=1 if cleaned.startswith("y") else 0)
    match = _DATETIME.match(cleaned)
    if not match:
        raise ValidationError(f"'{text.strip()}' is not a date. {HOW_TO_WRITE_DAY}", field)
    return _parse_iso_date(match[1], field, HOW_TO_WRITE_DAY)


def parse_when(text: str, now: datetime, field: str = "at") -> datetime:
    """Read a moment. A date alone means midday of that day; a time alone means today.

    `now` must be aware; the result carries the local UTC offset of that moment. A time the
    clocks skipped is refused; one they repeated needs "first" or "second" after it
    ("2026-10-25T01:30 second"): ClockChangeError says so.
    """
    cleaned, choice = split_choice(text)
    lowered = cleaned.lower()
    if not cleaned:
        raise ValidationError(f"The time is empty. {HOW_TO_WRITE}", field)
    day: date
    clock: time | None
    if lowered in ("now",):
        return now
    if lowered in ("today", "yesterday"):
        day = now.date() - timedelta(days=1 if lowered == "yesterday" else 0)
        clock = now.time().replace(second=0, microsecond=0) if lowered == "today" else time(12)
    elif lowered.startswith(("today ", "yesterday ")):
        word, _, rest = lowered.partition(" ")
        day = now.date() - timedelta(days=1 if word == "yesterday" else 0)
        clock = parse_clock(rest, field)
    elif _TIME.match(lowered):
        day, clock = now.date(), parse_clock(lowered, field)
    else:
        match = _DATETIME.match(lowered)
        if not match:
            raise ValidationError(f"'{cleaned}' is not a date or time. {HOW_TO_WRITE}", field)
        day = _parse_iso_date(match[1], field)
        clock = parse_clock(match[2], field) if match[2] else time(12)
    naive = datetime.combine(day, clock)
    try:
        # the local offset for that date and time (BST/GMT); a time the clocks skipped, or one
        # they repeated without "first"/"second", is explained to the person
        return local_moment(naive, choice=choice, field=field, typed=cleaned)
    except (ValueError, OverflowError):  # e.g. year 1: no local offset can be worked out
        raise ValidationError(f"{cleaned} is too far from today. {HOW_TO_WRITE}", field) from None


def show_date(day: date, today: date | None = None) -> str:
    """A date as a person reads it: 'Sat 21 Nov' (with the year when it is not this year)."""
    text = f"{day:%a} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def show_time(moment: datetime) -> str:
    """A time of day as people write it: 14:05. A time in an hour the clocks repeated says which
    one it was: '01:30 BST' (the first), '01:30 GMT' (the second)."""
    text = f"{moment:%H:%M}"
    if moment.tzinfo is None or moment.utcoffset() is None:
        return text
    naive = moment.replace(tzinfo=None)
    if _steady_zone(naive, None) is not None:
        return text  # the usual case, quickly
    change = clock_change_at(naive)
    if change is None or change.forward:
        return text
    first = _offset(change.at_before)
    if moment.utcoffset() == first:
        return f"{text} {change.at_before.tzname()}"
    if moment.utcoffset() == _offset(change.at_after):
        return f"{text} {change.at_after.tzname()}"
    return text


def show_when(moment: datetime, today: date | None = None) -> str:
    """'Sat 21 Nov 14:05'."""
    return f"{show_date(moment.date(), today)} {show_time(moment)}"


def show_minutes(minutes: float | int | Fraction | None) -> str:
    """Minutes as '7 h 05 min' or '45 min' (whole minutes, rounded once, half up: 396.5 ->
    6 h 37 min); None as 'not enough to work out'."""
    return minutes_text(minutes)


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding `day` (0 = Monday, the default; 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)
