"""The sleep diary: one Consensus Sleep Diary night per morning.

Source: Carney et al., "The Consensus Sleep Diary", SLEEP 2012;35(2):287-302 (core items).
A night is dated by the morning it ends on (Sunday night -> Monday belongs to Monday).

Derived values (DOMAIN.md), in whole minutes, SE as a percentage to one decimal:

- TIB (time in bed)      = out of bed - into bed
- TST (total sleep time) = (final awakening - tried to sleep) - SOL - WASO
- SE  (sleep efficiency) = TST / TIB x 100

Only the four clock times are needed for these; minutes to fall asleep (SOL) and minutes awake in
the night (WASO) count as 0 when left empty. A value that cannot be worked out is None.

Which clock times fall on the evening before? The times are read in the diary's order - into bed,
tried to sleep, final awakening, out of bed. Each should be the same as or later than the one before;
when a time is earlier on the clock than the one before it, midnight has passed. Midnight may pass at
most once in a night, and a night (into bed to out of bed) is at most 24 hours. So 22:30 -> 06:10
crosses midnight, 04:00 -> 11:30 (a nap-shift sleeper) does not, and 23:00 / 01:00 / 00:30 is refused.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import mean
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.pain import round1
from paceapp.core.records import Record
from paceapp.core.text import NOTE, clean_text
from paceapp.core.timeparse import show_date, show_minutes

DAY_MIN = 24 * 60
#: The most minutes a person can type for SOL or WASO (a whole day).
MAX_MINUTES = DAY_MIN
MAX_AWAKENINGS = 60
#: Summaries the app offers (clinicians usually want about two weeks of diary).
SUMMARY_NIGHTS = (7, 14, 28)


class Quality(enum.Enum):
    """Item 8: how would you rate the quality of your sleep?"""

    VERY_POOR = "very-poor"
    POOR = "poor"
    FAIR = "fair"
    GOOD = "good"
    VERY_GOOD = "very-good"

    @property
    def words(self) -> str:
        return self.value.replace("-", " ")


#: The diary's clock times, in the order they happen: (field, words for messages).
TIME_FIELDS: tuple[tuple[str, str], ...] = (
    ("bed", "into bed"),
    ("tried", "tried to sleep"),
    ("woke", "final awakening"),
    ("up", "out of bed"),
)
_WORDS = dict(TIME_FIELDS)
NUMBER_FIELDS: tuple[tuple[str, str], ...] = (
    ("latency", "minutes to fall asleep"),
    ("awakenings", "number of awakenings"),
    ("waso", "minutes awake in the night"),
)


def _clock_min(value: time) -> int:
    return value.hour * 60 + value.minute


def _clock(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else "-"


def place_times(times: dict[str, time | None]) -> dict[str, int]:
    """Minutes from the midnight before the evening, for each time given, honouring the order.

    Times before the midnight crossing are counted from the evening's midnight, times after it
    get 24 h added; without a crossing all times are on the morning's clock. Raises
    ValidationError naming the field when the times cannot be put in order.
    """
    present = [(name, value) for name, _words in TIME_FIELDS
               if (value := times.get(name)) is not None]
    steps_back = [i for i in range(1, len(present))
                  if _clock_min(present[i][1]) < _clock_min(present[i - 1][1])]
    if len(steps_back) > 1:
        # The shortest step back is most likely the slip (a real midnight is a long way back).
        def back(i: int) -> int:
            return _clock_min(present[i - 1][1]) - _clock_min(present[i][1])
        i = min(steps_back, key=back)
        (before, t_before), (after, t_after) = present[i - 1], present[i]
        raise ValidationError(
            f"'{_WORDS[after].capitalize()}' ({_clock(t_after)}) comes before '{_WORDS[before]}' "
            f"({_clock(t_before)}), even allowing for midnight. The times go in this order: into "
            "bed, tried to sleep, final awakening, out of bed. Please check them.", after)
    crossing = steps_back[0] if steps_back else len(present)
    placed: dict[str, int] = {}
    for i, (name, value) in enumerate(present):
        placed[name] = _clock_min(value) + (DAY_MIN if steps_back and i >= crossing else 0)
    return placed


@dataclass(frozen=True, kw_only=True)
class SleepNight(Record):
    """One night of the Consensus Sleep Diary, dated by the morning (`date`)."""

    KIND: ClassVar[str] = "sleep"
    LABEL: ClassVar[str] = "sleep diary night"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: date
    bed: time | None = None
    tried: time | None = None
    latency: int | None = None
    awakenings: int | None = None
    waso: int | None = None
    woke: time | None = None
    up: time | None = None
    quality: Quality | None = None
    note: str = ""

    @property
    def day(self) -> date:
        return self.date

    def _placed(self) -> dict[str, int]:
        return place_times({name: getattr(self, name) for name, _words in TIME_FIELDS})

    @property
    def tib_min(self) -> int | None:
        """Time in bed: out of bed - into bed (None without both times)."""
        placed = self._placed()
        if "bed" not in placed or "up" not in placed:
            return None
        return placed["up"] - placed["bed"]

    @property
    def tst_min(self) -> int | None:
        """Total sleep time: (final awakening - tried to sleep) - SOL - WASO."""
        placed = self._placed()
        if "tried" not in placed or "woke" not in placed:
            return None
        return placed["woke"] - placed["tried"] - (self.latency or 0) - (self.waso or 0)

    @property
    def se_pct(self) -> float | None:
        """Sleep efficiency: TST / TIB x 100, one decimal (None without all four times)."""
        tib, tst = self.tib_min, self.tst_min
        if tib is None or tst is None or tib == 0:
            return None
        return round1(tst / tib * 100)

    def moments(self) -> dict[str, datetime]:
        """The clock times as local date-times (those before midnight on the evening before)."""
        placed = self._placed()
        last = max(placed.values(), default=0)
        start = self.date - timedelta(days=1 if last >= DAY_MIN else 0)
        midnight = datetime.combine(start, time(0))
        return {name: (midnight + timedelta(minutes=minutes)).astimezone()
                for name, minutes in placed.items()}

    def validate(self) -> None:
        for name, words in NUMBER_FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"The {words} must be a whole number.", name)
            if value < 0:
                raise ValidationError(
                    f"The {words} cannot be below 0; it is {value}. Use 0 for none.", name)
            most = MAX_AWAKENINGS if name == "awakenings" else MAX_MINUTES
            if value > most:
                raise ValidationError(f"The {words} can be at most {most}; it is {value}.", name)
        if self.awakenings == 0 and self.waso:
            raise ValidationError(
                f"You woke 0 times in the night but were awake {self.waso} minutes. Change the "
                "number of awakenings, or set minutes awake to 0.", "waso")
        placed = self._placed()
        if "bed" in placed and "up" in placed:
            tib = placed["up"] - placed["bed"]
            if tib > DAY_MIN:
                raise ValidationError(
                    f"From into bed ({_clock(self.bed)}) to out of bed ({_clock(self.up)}) is "
                    f"{show_minutes(tib)}: a night can be at most 24 hours. Please check the times.",
                    "up")
            if tib == 0:
                raise ValidationError(
                    "Out of bed is the same time as into bed. Please check the times.", "up")
        self._check_sleep_fits(placed)
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def _check_sleep_fits(self, placed: dict[str, int]) -> None:
        """SOL + WASO cannot be longer than the time from trying to sleep to the final awakening."""
        if "tried" not in placed or "woke" not in placed:
            return
        span = placed["woke"] - placed["tried"]
        sol, waso = self.latency or 0, self.waso or 0
        span_words = (f"the {show_minutes(span)} from trying to sleep ({_clock(self.tried)}) "
                      f"to the final awakening ({_clock(self.woke)})")
        if sol > span:
            raise ValidationError(
                f"The minutes to fall asleep ({sol}) are longer than {span_words}. "
                "Please check them.", "latency")
        if sol + waso > span:
            raise ValidationError(
                f"Minutes to fall asleep ({sol}) plus minutes awake in the night ({waso}) come to "
                f"{show_minutes(sol + waso)}, longer than {span_words}. Please check them.", "waso")

    def summary(self) -> dict[str, str]:
        se = self.se_pct
        return {"id": self.id[:8], "morning": show_date(self.date),
                "bed-up": (f"{_clock(self.bed)}-{_clock(self.up)}"
                           if self.bed is not None or self.up is not None else "-"),
                "asleep": short_minutes(self.tst_min), "SE": f"{se:.1f}%" if se is not None else "-",
                "quality": self.quality.words if self.quality else "", "note": self.note}

    def derived(self) -> dict[str, Any]:
        return {"tib_min": self.tib_min, "tst_min": self.tst_min, "se_pct": self.se_pct}

    def check_among(self, stored: list[SleepNight]) -> None:
        """Rules across records: one night per morning (for a store or an edit command to call)."""
        check_one_night_per_morning(stored, self)


def short_minutes(minutes: float | int | None) -> str:
    """'6 h 05 min', or '-' when there is not enough to work it out (for table cells)."""
    return "-" if minutes is None else show_minutes(minutes)


def new_sleep(day: date, today: date, *, bed: time | None = None, tried: time | None = None,
              latency: int | None = None, awakenings: int | None = None, waso: int | None = None,
              woke: time | None = None, up: time | None = None, quality: Quality | None = None,
              note: str = "") -> SleepNight:
    """Build and validate a night from what the person typed (the morning cannot be in future)."""
    if day > today:
        raise ValidationError(
            f"{show_date(day)} is in the future. A night is logged on the morning it ends.", "date")
    night = SleepNight(date=day, bed=bed, tried=tried, latency=latency, awakenings=awakenings,
                       waso=waso, woke=woke, up=up, quality=quality,
                       note=clean_text(note, "note", NOTE, multiline=True))
    night.validate()
    return night


def check_one_night_per_morning(nights: list[SleepNight], night: SleepNight) -> None:
    """Refuse a second night for the same morning (another record than `night` itself)."""
    for other in nights:
        if other.date == night.date and other.id != night.id:
            raise ValidationError(
                f"There is already a night logged for the morning of {show_date(night.date)} "
                f"(id {other.id[:8]}). Change that one instead, e.g. "
                f"'paceapp edit sleep {other.id[:8]} woke=06:30'.", "date")


def parse_quality(text: str) -> Quality | None:
    """'very poor', 'very-poor', 'VERY_POOR' or '1'-'5' -> Quality; '' -> None."""
    cleaned = text.strip().lower().replace("_", "-").replace(" ", "-")
    if not cleaned:
        return None
    if cleaned.isascii() and cleaned.isdigit() and 1 <= int(cleaned) <= len(Quality):
        return list(Quality)[int(cleaned) - 1]
    for quality in Quality:
        if cleaned == quality.value:
            return quality
    raise ValidationError(
        "The quality must be one of: very-poor, poor, fair, good, very-good.", "quality")


@dataclass(frozen=True)
class SleepSummary:
    """Sleep over a period; the number of nights it rests on travels with the averages."""

    start: date
    end: date
    nights_logged: int
    #: Nights with all four times (the averages rest on these).
    nights_with_times: int
    average_tst_min: float | None
    average_se_pct: float | None
    average_tib_min: float | None

    def sentence(self) -> str:
        """One plain sentence: the period, the averages and how many nights they rest on."""
        period = show_period(self.start, self.end)
        if self.nights_logged == 0:
            return f"Sleep: not logged between {period.replace(' – ', ' and ')}."
        nights = plural(self.nights_logged, "night")
        if self.average_tst_min is None:
            return (f"Sleep, {period}: {nights} logged, without the times needed to work out "
                    "hours asleep.")
        parts = [f"on average {show_minutes(self.average_tst_min)} asleep"]
        if self.average_se_pct is not None:
            parts.append(f"{self.average_se_pct:.0f}% of time in bed")
        rest = f"{nights} logged"
        if self.nights_with_times < self.nights_logged:
            rest += f", {self.nights_with_times} with all the times"
        return f"Sleep, {period}: {', '.join(parts)} ({rest})."


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def show_period(start: date, end: date) -> str:
    """'24 Oct – 21 Nov' (with years when the period spans two years)."""
    if start.year != end.year:
        return f"{start.day} {start:%b} {start.year} – {end.day} {end:%b} {end.year}"
    return f"{start.day} {start:%b} – {end.day} {end:%b}"


def summarise_sleep(nights: list[SleepNight], start: date, end: date) -> SleepSummary:
    """Averages over the nights whose morning is in [start, end].

    Average TST rests on nights with both 'tried to sleep' and 'final awakening'; average SE and
    TIB on nights with all four times.
    """
    inside = [n for n in nights if start <= n.date <= end]
    tsts = [t for n in inside if (t := n.tst_min) is not None]
    ses = [s for n in inside if (s := n.se_pct) is not None]
    tibs = [t for n in inside if (t := n.tib_min) is not None]
    return SleepSummary(
        start, end, len(inside), len(ses),
        round1(mean(tsts)) if tsts else None,
        round1(mean(ses)) if ses else None,
        round1(mean(tibs)) if tibs else None)


def recent_summaries(nights: list[SleepNight], today: date,
                     spans: tuple[int, ...] = SUMMARY_NIGHTS) -> dict[int, SleepSummary]:
    """Summaries over the last 7, 14 and 28 mornings (today counts as one)."""
    return {n: summarise_sleep(nights, today - timedelta(days=n - 1), today) for n in spans}


KINDS = (SleepNight,)
