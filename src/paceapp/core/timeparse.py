"""Reading the dates and times people type, and showing dates as people read them.

Accepted everywhere (CLI.md): ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` (a space works too), ``HH:MM``
(today), ``today``, ``yesterday``, ``yesterday HH:MM``. Times are local; stored with the UTC offset.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta

from paceapp.core.errors import ValidationError

HOW_TO_WRITE = "Write a date like 2026-11-21, a time like 14:30, or 'today' / 'yesterday 22:15'."
HOW_TO_WRITE_DAY = "Write a date like 2026-11-21, or 'today' or 'yesterday'."

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_DATETIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[t ](\d{1,2}[:.]\d{2}))?$")


#: Set to an ISO 8601 moment to fix the clock (for screenshots, demos and tests).
FIXED_NOW_ENV = "PACEAPP_NOW"


def local_now() -> datetime:
    """The current local time, aware of its UTC offset, to the minute."""
    fixed = os.environ.get(FIXED_NOW_ENV)
    if fixed:
        try:
            return datetime.fromisoformat(fixed).astimezone().replace(second=0, microsecond=0)
        except ValueError:
            pass  # a wrong value is ignored: the real clock is always a safe answer
    return datetime.now().astimezone().replace(second=0, microsecond=0)


def parse_clock(text: str, field: str = "time") -> time:
    """Read ``HH:MM`` (or ``HH.MM``) as a time of day."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValidationError(f"'{text}' is not a time. Write it like 07:30 or 22:15.", field)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValidationError(
            f"'{text}' is not a time of day. Hours go 00 to 23, minutes 00 to 59.", field)
    return time(hour, minute)


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

    `now` must be aware; the result carries the local UTC offset of that moment.
    """
    cleaned = " ".join(text.strip().split())
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
        return naive.astimezone()  # local offset for that date (handles BST/GMT)
    except (ValueError, OverflowError):  # e.g. year 1: no local offset can be worked out
        raise ValidationError(f"{cleaned} is too far from today. {HOW_TO_WRITE}", field) from None


def show_date(day: date, today: date | None = None) -> str:
    """A date as a person reads it: 'Sat 21 Nov' (with the year when it is not this year)."""
    text = f"{day:%a} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def show_time(moment: datetime) -> str:
    """A time of day as people write it: 14:05."""
    return f"{moment:%H:%M}"


def show_when(moment: datetime, today: date | None = None) -> str:
    """'Sat 21 Nov 14:05'."""
    return f"{show_date(moment.date(), today)} {show_time(moment)}"


def show_minutes(minutes: float | int | None) -> str:
    """Minutes as '7 h 05 min' or '45 min'; None as 'not enough to work out'."""
    if minutes is None:
        return "not enough to work out"
    total = round(minutes)
    sign = "-" if total < 0 else ""
    hours, mins = divmod(abs(total), 60)
    if hours:
        return f"{sign}{hours} h {mins:02d} min"
    return f"{sign}{mins} min"


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding `day` (0 = Monday, the default; 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)
