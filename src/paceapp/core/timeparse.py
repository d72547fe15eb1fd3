"""Reading the dates and times people type, and showing dates as people read them.

One grammar for the CLI and every form (`accepted_forms` lists it), as people in the UK write:
days first (23/11/2026, 23/11/26, 23/11, 23.11.2026), month names (23 Nov, Nov 23, 23rd of
November 2026, and 'Mon 23 Nov' as `show_date` shows it, the weekday checked), ISO (2026-11-23),
words (now, today, yesterday, tomorrow, last night, 2 days ago, a week ago), weekdays (Mon,
Monday: the last one, today counting, so 'Mon' on a Monday is today; 'last Mon' is before today;
with `ahead` - appointments, plans - the coming one), and times on the 24- or 12-hour clock
(21:00, 21.00, 9pm, 9:30am, 9.30 p.m., midday), alone (today) or with a day, either way round
('yesterday 9pm', 'Mon at 21:00', '9pm on Mon', '2026-11-23T14:30'). A date without a year is
the one nearest today (at most half a year away: in January, '30 Dec' is last month). 'last
night' is yesterday (for the sleep diary, whose nights are dated by the morning: today); with a
time, one before midday is in the early hours of today. Every word must be understood, else the
text is refused naming the first word that was not. Whether a time may be in the future is for
each caller (the record's own check). Times are local; stored with the UTC offset.

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
import typing
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction

from paceapp.core.errors import ValidationError
from paceapp.core.figures import minutes_text
from paceapp.core.value import Value

#: Words that say which of two times with the same clock reading was meant (clocks going back).
FIRST_WORDS = ("first", "1st")
SECOND_WORDS = ("second", "2nd")
_CHOICE = re.compile(r"^(.*(?:\d|[ap]m))\s+(first|1st|second|2nd)$", re.IGNORECASE)


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
    """Read a time of day: ``HH:MM`` (or ``HH.MM``), or on the 12-hour clock (9pm, 9:30am).

    "01:30 first" / "01:30 second" give a :class:`ChosenTime` (for an hour that happened twice).
    """
    grammar = _Grammar(text.strip(), date.today(), field, ahead=False, morning=False)
    tokens = grammar.tokens
    choice: int | None = None
    if len(tokens) > 1 and tokens[-1] in FIRST_WORDS + SECOND_WORDS:
        choice = 1 if tokens[-1] in SECOND_WORDS else 0
        grammar.tokens, grammar.words = tokens[:-1], grammar.words[:-1]
    found = grammar.clock_at(0)
    if found is None or found[1] != len(grammar.tokens) or grammar.tokens[0] == "at":
        raise ValidationError(f"'{' '.join(text.split())}' is not a time. Write it like 07:30, "
                              "22:15, 7:30am or 10pm.", field)
    clock = found[0].clock
    if choice is None:
        return clock
    return ChosenTime(clock.hour, clock.minute, fold=choice)


# -- local time across clock changes ---------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class ClockChange(Value):
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
    # timezone() refuses a None name; a zone without one is named by its offset.
    return timezone(offset) if name is None else timezone(offset, name)


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
    at_before = high.astimezone(_fixed_zone(_offset(before_moment), before_moment.tzname()))
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


# -- the grammar: dates and times as people in the UK write them ------------------------------
_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_ISO_MOMENT = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})t(\d{1,2}[:.]\d{2})$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = re.compile(r"^\d{4}$")
_CLOCK_TOKEN = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$")
_AM_PM = re.compile(r"\b([ap])\.\s?m\b\.?", re.IGNORECASE)
#: A yearless date ('23 Nov', '23/11') is the one nearest today: at most half a year away.
_HALF_YEAR = 183


def accepted_forms(with_time: bool = True, *, ahead: bool = False) -> str:
    """The forms a date (and time) can be written in, for error messages and help (`ahead`:
    for a day still to come, where a weekday is the coming one)."""
    days = ("today, yesterday, 2 days ago, Mon (the last Monday), 23/11, 23/11/2026, "
            "23 Nov, Nov 23, 23 November 2026 or 2026-11-23 (day first)")
    if ahead:
        days = days.replace("yesterday, 2 days ago, Mon (the last Monday)",
                            "tomorrow, Mon (the coming Monday)")
    if not with_time:
        return f"Write a day like {days}."
    both = ("'tomorrow 9:30am', 'Tue 9:50', '10/12 9:50', '9 Dec 2pm'" if ahead else
            "'yesterday 9pm', 'Mon 21:00', '23/11 9:30am', 'last night 11pm'")
    return f"Write a day like {days}, a time like 9pm, 9:30am or 21:00, or both: {both}."


def date_hint(with_time: bool = True, *, ahead: bool = False) -> str:
    """A short hint for a form's date box ('e.g. today, Mon 21:00, 23/11 9:30am'); `ahead`: for
    a day still to come (plans, meetings)."""
    if ahead:
        return ("e.g. tomorrow, Tue 9:50, 10/12 9:50am" if with_time
                else "e.g. tomorrow, Tue, 8/12 or 8 Dec 2026")
    if with_time:
        return "e.g. now, yesterday 9pm, Mon 21:00, 23/11 9:30am"
    return "e.g. today, yesterday, Mon, 23/11 or 23 Nov 2026"


HOW_TO_WRITE = accepted_forms(True)
HOW_TO_WRITE_DAY = accepted_forms(False)


@dataclass(frozen=True, eq=False, repr=False)
class _Day(Value):
    day: date
    night: bool = False  # "last night": a time before midday is in the early hours of `day` + 1


@dataclass(frozen=True, eq=False, repr=False)
class _Clock(Value):
    clock: time
    plain: bool  # written as HH:MM (kept as typed in messages), else shown as HH:MM


class _Grammar:
    """Reads one cleaned, tokenised text; every token must be used or the text is refused."""

    def __init__(self, text: str, today: date, field: str, *, ahead: bool, morning: bool,
                 day_only: bool = False) -> None:
        self.day_only = day_only  # for the refusal: a day is asked for, not a time
        cleaned = _AM_PM.sub(lambda m: f"{m[1]}m", text.replace(",", " "))
        self.words = cleaned.split()
        self.tokens = [word.lower().rstrip(".") if word[-1:] == "." and word[:-1].isalpha()
                       else word.lower() for word in self.words]
        self.today, self.field, self.ahead, self.morning = today, field, ahead, morning
        self.yearless = False  # the last date read had no year
        self.reached = 0  # how far a reading got, to name the first word not understood

    # ---- pieces
    def real_date(self, year: int, month: int, day: int, typed: str) -> date:
        try:
            return date(year, month, day)
        except ValueError:
            hint = " Dates are written day first, like 23/11/2026." if month > 12 else ""
            raise ValidationError(f"{typed} is not a real date (check the month and day).{hint} "
                                  f"{HOW_TO_WRITE_DAY}", self.field) from None

    @typing.overload
    def nearest(self, month: int, day: int, typed: str) -> date: ...

    @typing.overload
    def nearest(self, month: int, day: int, typed: str, *, spread: int,
                weekday: int) -> list[date]: ...

    def nearest(self, month: int, day: int, typed: str, *, spread: int = _HALF_YEAR,
                weekday: int | None = None) -> date | list[date]:
        """The date nearest today with this day and month (with `weekday`: every one within
        `spread` days that falls on it)."""
        self.yearless = True
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            self.real_date(self.today.year, month, day, typed)  # raises
        choices = []
        for year in range(self.today.year - 2, self.today.year + 3):
            try:
                choices.append(date(year, month, day))
            except (ValueError, OverflowError):
                continue
        choices = [d for d in choices if abs((d - self.today).days) <= spread]
        if weekday is not None:
            return [d for d in choices if d.weekday() == weekday]
        if not choices:
            if month == 2 and day == 29:
                raise ValidationError(f"{typed}: 29 February is only in leap years. Please add "
                                      "the year, like 29/02/2028.", self.field)
            self.real_date(self.today.year, month, day, typed)  # raises for 31 Apr etc.
            raise ValidationError(f"{typed}: please add the year.", self.field)
        return min(choices, key=lambda d: (abs((d - self.today).days), d > self.today))

    def weekday(self, which: int, word: str) -> date:
        now = self.today.weekday()
        if word == "last":
            back = (now - which - 1) % 7 + 1
        elif word == "next":
            return self.today + timedelta(days=(which - now - 1) % 7 + 1)
        elif self.ahead:
            return self.today + timedelta(days=(which - now) % 7)
        else:
            back = (now - which) % 7
        return self.today - timedelta(days=back)

    def shifted(self, days: int) -> date:
        try:
            return self.today + timedelta(days=days)
        except OverflowError:
            raise ValidationError(f"That is too far from today. {HOW_TO_WRITE_DAY}",
                                  self.field) from None

    def explicit(self, i: int) -> tuple[date, int] | None:
        """A date written out: 23/11, 23/11/26, 23.11.2026, 2026-11-23, 23 Nov [2026], Nov 23."""
        t = self.tokens
        self.yearless = False
        if i >= len(t):
            return None
        token, typed = t[i], self.words[i]
        if match := _ISO_DATE.match(token):
            return self.real_date(int(match[1]), int(match[2]), int(match[3]), typed), i + 1
        match = _NUMERIC_DATE.match(token) or _DOTTED_DATE.match(token)
        if match:
            day, month = int(match[1]), int(match[3] if match.re is _NUMERIC_DATE else match[2])
            year_text = match[4] if match.re is _NUMERIC_DATE else match[3]
            if year_text is None:
                return self.nearest(month, day, typed), i + 1
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return self.real_date(year, month, day, typed), i + 1
        day_match = _DAY_NUMBER.match(token)
        if day_match:  # 23 Nov / 23rd of November 2026
            j = i + 1
            if j < len(t) and t[j] == "of":
                j += 1
            if j < len(t) and t[j] in _MONTHS:
                return self.with_year(int(day_match[1]), _MONTHS[t[j]], j + 1, i)
            return None
        if token in _MONTHS and i + 1 < len(t):  # Nov 23 / Nov 23rd 2026
            day_match = _DAY_NUMBER.match(t[i + 1])
            if day_match:
                return self.with_year(int(day_match[1]), _MONTHS[token], i + 2, i)
        return None

    def with_year(self, day: int, month: int, j: int, i: int) -> tuple[date, int]:
        t = self.tokens
        if j < len(t) and _YEAR.match(t[j]):
            typed = " ".join(self.words[i:j + 1])
            return self.real_date(int(t[j]), month, day, typed), j + 1
        return self.nearest(month, day, " ".join(self.words[i:j])), j

    def day_at(self, i: int) -> tuple[_Day, int] | None:
        t = self.tokens
        if i >= len(t):
            return None
        token = t[i]
        after = t[i + 1] if i + 1 < len(t) else ""
        if token in ("today", "yesterday", "tomorrow"):
            return _Day(self.shifted({"today": 0, "yesterday": -1, "tomorrow": 1}[token])), i + 1
        if token == "last" and after == "night":
            return _Day(self.shifted(-1), night=True), i + 2
        if token in ("last", "next") and after in _WEEKDAYS:
            return _Day(self.weekday(_WEEKDAYS[after], token)), i + 2
        count = _COUNT_WORDS.get(token) if not (token.isascii() and token.isdigit()) else (
            int(token) if len(token) <= 4 else None)
        if count is not None and i + 2 < len(t) and t[i + 2] == "ago":
            unit = {"day": 1, "days": 1, "week": 7, "weeks": 7}.get(after)
            if unit is not None:
                return _Day(self.shifted(-count * unit)), i + 3
        if token in _WEEKDAYS:  # Mon, or Mon 23 Nov (as dates are shown) checked to agree
            written = self.explicit(i + 1)
            if written is None:
                return _Day(self.weekday(_WEEKDAYS[token], "")), i + 1
            day, j = written
            if day.weekday() != _WEEKDAYS[token] and self.yearless:
                # 'Tue 3 Jul' with no year: the nearest 3 July that is a Tuesday
                day = min(self.nearest(day.month, day.day, "", spread=200, weekday=_WEEKDAYS[token])
                          or [day], key=lambda d: abs((d - self.today).days))
            if day.weekday() != _WEEKDAYS[token]:
                raise ValidationError(
                    f"{show_date(day, self.today)} is a {_WEEKDAY_NAMES[day.weekday()]}, not a "
                    f"{_WEEKDAY_NAMES[_WEEKDAYS[token]]}. Please check the date.", self.field)
            return _Day(day), j
        written = self.explicit(i)
        return (_Day(written[0]), written[1]) if written else None

    def clock_at(self, i: int) -> tuple[_Clock, int] | None:
        t = self.tokens
        if i < len(t) and t[i] == "at":
            i += 1
        if i >= len(t):
            return None
        token, typed = t[i], self.words[i]
        if token in ("midday", "noon"):
            return _Clock(time(12), plain=False), i + 1
        if token == "midnight":
            raise ValidationError("'midnight' could be the start or the end of a day: please write "
                                  "00:00 (the start) or 23:59.", self.field)
        match = _CLOCK_TOKEN.match(token)
        if not match:
            return None
        half = match[3]
        end = i + 1
        if half is None and end < len(t) and t[end] in ("am", "pm"):
            half, end = t[end], end + 1
            typed = f"{typed} {self.words[i + 1]}"
        if match[2] is None and half is None:
            return None  # a bare number is not a time
        hour, minute = int(match[1]), int(match[2] or 0)
        if half is not None:
            if not 1 <= hour <= 12 or minute > 59:
                raise ValidationError(f"'{typed}' is not a time of day. With am or pm the hours go "
                                      "1 to 12, minutes 00 to 59.", self.field)
            hour = hour % 12 + (12 if half == "pm" else 0)
        elif hour > 23 or minute > 59:
            raise ValidationError(f"'{typed}' is not a time of day. Hours go 00 to 23, minutes "
                                  "00 to 59.", self.field)
        return _Clock(time(hour, minute), plain=half is None), end

    # ---- the whole text
    def read(self) -> tuple[_Day | None, _Clock | None, int | None, str]:
        """(day, clock, choice, typed); typed is the text with a 12-hour time as HH:MM."""
        t = self.tokens
        tokens, words = self.tokens, self.words
        choice: int | None = None
        for attempt in (0, 1):
            if attempt == 1:  # '... 01:30 second': the word picks one of two equal clock times
                if not t or t[-1] not in FIRST_WORDS + SECOND_WORDS:
                    break
                choice = 1 if t[-1] in SECOND_WORDS else 0
                t = self.tokens = self.tokens[:-1]
                self.words = self.words[:-1]
            got = self.sentence()
            if got is not None and (attempt == 0 or got[1] is not None):
                return got[0], got[1], choice, got[2]
        self.tokens, self.words = tokens, words
        raise self.refusal()

    def sentence(self) -> tuple[_Day | None, _Clock | None, str] | None:
        t, n = self.tokens, len(self.tokens)
        if n == 1 and (match := _ISO_MOMENT.match(t[0])):
            year, month, day_of_month = (int(x) for x in match[1].split("-"))
            day = _Day(self.real_date(year, month, day_of_month, typed=match[1]))
            clock = self.clock_at_text(match[2])
            return day, clock, self.words[0]
        found = self.day_at(0)
        if found is not None:
            day, i = found
            self.reached = max(self.reached, i)
            if i == n:
                return day, None, " ".join(self.words)
            timed = self.clock_at(i)
            if timed is not None and timed[1] == n:
                return day, timed[0], self.typed(0, i, timed[0], i, n)
            if timed is not None:
                self.reached = max(self.reached, timed[1])
            return None
        timed = self.clock_at(0)
        if timed is None:
            return None
        clock, i = timed
        self.reached = max(self.reached, i)
        if i == n:
            return None, clock, self.typed(0, 0, clock, 0, n)
        j = i + 1 if t[i] == "on" else i
        found = self.day_at(j)
        if found is None or found[1] != n:
            if found is not None:
                self.reached = max(self.reached, found[1])
            return None
        return found[0], clock, self.typed(j, n, clock, 0, i)

    def clock_at_text(self, text: str) -> _Clock:
        match = _CLOCK_TOKEN.match(text)
        assert match is not None
        hour, minute = int(match[1]), int(match[2])
        if hour > 23 or minute > 59:
            raise ValidationError(f"'{text}' is not a time of day. Hours go 00 to 23, minutes "
                                  "00 to 59.", self.field)
        return _Clock(time(hour, minute), plain=True)

    def typed(self, d0: int, d1: int, clock: _Clock, c0: int, c1: int) -> str:
        """The day's words then the clock as typed (HH:MM) or as HH:MM (9pm -> 21:00)."""
        said = " ".join(self.words[c0:c1])
        if not clock.plain:
            said = f"{clock.clock:%H:%M}"
        elif said.lower().startswith("at "):
            said = said[3:]
        return " ".join(part for part in (" ".join(self.words[d0:d1]), said) if part)

    def refusal(self) -> ValidationError:
        text = " ".join(self.words)
        how = accepted_forms(not self.day_only, ahead=self.ahead)
        what = "a date" if self.day_only else "a date or time"
        if not self.words:
            return ValidationError(f"The date is empty. {how}", self.field)
        if len(self.words) > 1 and self.reached < len(self.words):
            rest = " ".join(self.words[self.reached:]) if self.reached else self.words[0]
            return ValidationError(f"'{text}' is not {what}: '{rest}' was not understood. {how}",
                                   self.field)
        return ValidationError(f"'{text}' is not {what}. {how}", self.field)


def parse_date(text: str, today: date, field: str = "date", *, ahead: bool = False,
               morning: bool = False) -> date:
    """Read a day, written as in `accepted_forms` (a time after it is checked, then left out).

    A weekday is the last one (on a Monday, 'Mon' is today); `ahead` (appointments, plans): the
    coming one. A date without a year is the one nearest today. 'last night' is yesterday, or
    today when `morning` (a sleep diary's night is dated by the morning it ends).
    """
    grammar = _Grammar(text.strip(), today, field, ahead=ahead, morning=morning, day_only=True)
    if grammar.tokens == ["now"]:
        return today
    day, clock, _choice, _typed = grammar.read()
    if day is None:
        raise ValidationError(f"'{' '.join(grammar.words)}' is a time; a day is needed here. "
                              f"{HOW_TO_WRITE_DAY}", field)
    if day.night:
        return today if morning else day.day
    return day.day


def parse_day_time(text: str, now: datetime, field: str = "date", *,
                   ahead: bool = False) -> tuple[date, time | None]:
    """A day with a time when one was given ('Mon 9:30am' -> that Monday, 09:30; 'tomorrow' ->
    tomorrow, None), for appointments. A time is checked against clock changes as `parse_when`."""
    grammar = _Grammar(text.strip(), now.date(), field, ahead=ahead, morning=False)
    if grammar.tokens == ["now"]:
        return now.date(), None
    day_read, clock_read, _choice, _typed = grammar.read()
    if clock_read is None:
        assert day_read is not None
        return day_read.day, None
    moment = parse_when(text, now, field, ahead=ahead)
    return moment.date(), moment.time()


def parse_when(text: str, now: datetime, field: str = "at", *, ahead: bool = False) -> datetime:
    """Read a moment, written as in `accepted_forms`. A day alone means midday of that day
    ('today' alone: now; 'last night' alone: 21:00 yesterday); a time alone means today. With
    'last night', a time before midday is in the early hours of today. Weekdays: as `parse_date`.

    `now` must be aware; the result carries the local UTC offset of that moment. A time the
    clocks skipped is refused; one they repeated needs "first" or "second" after it
    ("2026-10-25T01:30 second"): ClockChangeError says so. Whether a moment may be in the future
    is for the caller (things that happened refuse it in one place each: the record's check).
    """
    grammar = _Grammar(text.strip(), now.date(), field, ahead=ahead, morning=False)
    if grammar.tokens == ["now"]:
        return now
    day_read, clock_read, choice, typed = grammar.read()
    day = day_read.day if day_read is not None else now.date()
    if clock_read is None:
        assert day_read is not None
        if grammar.tokens == ["today"]:
            return now
        clock = time(21) if day_read.night else time(12)
    else:
        clock = clock_read.clock
        if day_read is not None and day_read.night and clock < time(12):
            day += timedelta(days=1)  # last night 2am: the early hours of today
    naive = datetime.combine(day, clock)
    try:
        # the local offset for that date and time (BST/GMT); a time the clocks skipped, or one
        # they repeated without "first"/"second", is explained to the person
        return local_moment(naive, choice=choice, field=field, typed=typed)
    except (ValueError, OverflowError):  # e.g. year 1: no local offset can be worked out
        raise ValidationError(f"{' '.join(grammar.words)} is too far from today. {HOW_TO_WRITE}",
                              field) from None


def local_day(moment: datetime) -> date:
    """The date of `moment` on this computer's clock. A moment from someone else's computer
    (a peer's card, a shared plan) carries that computer's UTC offset: its own `.date()` can be
    a day out from the reader's "today" around midnight."""
    return moment.astimezone().date()


def show_date(day: date, today: date | None = None) -> str:
    """A date as a person reads it: 'Sat 21 Nov' (with the year when it is not this year)."""
    text = f"{day:%a} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


#: A date shown in a box without its year reads back as the nearest one: keep well inside that.
_BOX_NO_YEAR_DAYS = 150


def box_date(day: date, today: date) -> str:
    """A date to put in a form's box, as people read it ('Mon 23 Nov'), that reads back as the
    same day: with the year unless it is within about five months of today."""
    text = f"{day:%a} {day.day} {day:%b}"
    if abs((day - today).days) > _BOX_NO_YEAR_DAYS:
        text += f" {day.year}"
    return text


def box_when(moment: datetime, today: date) -> str:
    """A moment to put in a form's box ('Mon 23 Nov 14:05') that `parse_when` reads back as the
    same moment; in an hour the clocks repeated, with 'first' or 'second'."""
    text = f"{box_date(moment.date(), today)} {moment:%H:%M}"
    if moment.tzinfo is None or moment.utcoffset() is None:
        return text
    naive = moment.replace(tzinfo=None)
    if _steady_zone(naive, None) is not None:
        return text
    change = clock_change_at(naive)
    if change is None or change.forward:
        return text
    return f"{text} {'first' if moment.utcoffset() == _offset(change.at_before) else 'second'}"


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
