"""The sleep diary: one Consensus Sleep Diary night per morning.

Source: Carney et al., "The Consensus Sleep Diary", SLEEP 2012;35(2):287-302 (core items).
A night is dated by the morning it ends on (Sunday night -> Monday belongs to Monday).

Derived values (DOMAIN.md), in whole minutes, SE as a percentage to one decimal:

- TIB (time in bed)      = out of bed - into bed
- TST (total sleep time) = (final awakening - tried to sleep) - SOL - WASO
- SE  (sleep efficiency) = TST / TIB x 100, "sleep efficiency (time asleep ÷ time in bed)"

Only the four clock times are needed for these; minutes to fall asleep (SOL) and minutes awake in
the night (WASO) count as 0 when left empty. A value that cannot be worked out is None.

Durations are real elapsed time in this computer's time zone (DOMAIN.md, "Precision"): on the
UK's autumn night (clocks back at 02:00 BST) bed 22:30 to up 07:00 is 9 h 30 min in bed, on the
spring night (clocks forward at 01:00 GMT) 7 h 30 min - not the 8 h 30 the clock face says. A
time in the hour the clocks skipped is refused when typed; a time in the hour they repeated is
asked about, and the answer ("01:30 second") is kept in `repeated_hour` (see ClockChangeError).

Over a period (docs/figures.md): the average time asleep is the exact mean over the nights with
'tried to sleep' and 'final awakening'; the period's sleep efficiency is pooled - all the time
asleep divided by all the time in bed over the nights with all four times (the usual weekly
sleep-diary figure) - not a mean of nightly percentages. Each is rounded once, half up, when shown.
Naps (core.nap) are logged apart from the nights and never counted in a night or in these figures.

Which clock times fall on the evening before? The times are read in the diary's order - into bed,
tried to sleep, final awakening, out of bed. Each should be the same as or later than the one before;
when a time is earlier on the clock than the one before it, midnight has passed. Midnight may pass at
most once in a night, and a night (into bed to out of bed) is at most 24 hours. So 22:30 -> 06:10
crosses midnight, 04:00 -> 11:30 (a nap-shift sleeper) does not, and 23:00 / 01:00 / 00:30 is refused.
"""

from __future__ import annotations

import enum
import re
import time as tm
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from fractions import Fraction
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.figures import mean, one_decimal, percent, percent_text, whole
from paceapp.core.records import ClashError, Reader, Record
from paceapp.core.text import NOTE, clean_text, plural
from paceapp.core.timeparse import (
    SECOND_WORDS,
    ChosenTime,
    elapsed_minutes,
    local_moment,
    show_date,
    show_minutes,
)
from paceapp.core.value import Value

DAY_MIN = 24 * 60
#: The most minutes a person can type for SOL or WASO (a whole day).
MAX_MINUTES = DAY_MIN
MAX_AWAKENINGS = 60
#: Summaries the app offers (clinicians usually want about two weeks of diary).
SUMMARY_NIGHTS = (7, 14, 28)
#: The one name for SE, wherever it is shown (issue 17, item 8).
SE_NAME = "sleep efficiency (time asleep ÷ time in bed)"
#: How a period's sleep efficiency is formed, said where it is shown: from the period's total
#: time asleep and total time in bed (docs/figures.md). Short: the GP sheet must fit one page.
PERIOD_SE_BASIS = "from the totals"

#: `date`, by a name a field called `date` does not hide (for type checkers).
Date = date


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


def place_times(times: dict[str, time | None],
                choices: dict[str, int | None] | None = None) -> dict[str, int]:
    """Minutes from the midnight before the evening, for each time given, honouring the order.

    Times before the midnight crossing are counted from the evening's midnight, times after it
    get 24 h added; without a crossing all times are on the morning's clock. Raises
    ValidationError naming the field when the times cannot be put in order.

    `choices` (0 first, 1 second) are answers for times in an hour that happened twice: going
    back on the clock from a 'first' time to a 'second' one is the clocks going back, not
    midnight (both are in the same repeated hour of one night).
    """
    choices = choices or {}
    present = [(name, value) for name, _words in TIME_FIELDS
               if (value := times.get(name)) is not None]
    steps_back = [i for i in range(1, len(present))
                  if _clock_min(present[i][1]) < _clock_min(present[i - 1][1])
                  and not (choices.get(present[i - 1][0]) == 0
                           and choices.get(present[i][0]) == 1)]
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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SleepNight(Record):
    """One night of the Consensus Sleep Diary, dated by the morning (`date`)."""

    KIND: ClassVar[str] = "sleep"
    LABEL: ClassVar[str] = "sleep diary night"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: Date
    bed: time | None = None
    tried: time | None = None
    latency: int | None = None
    awakenings: int | None = None
    waso: int | None = None
    woke: time | None = None
    up: time | None = None
    quality: Quality | None = None
    note: str = ""
    #: Answers for times in an hour that happened twice (clocks going back), as
    #: "woke 01:30 second": the field, its time and which of the two it was. Set by typing
    #: "01:30 first" / "01:30 second"; an answer is dropped when its time is changed.
    repeated_hour: tuple[str, ...] = ()

    FIXED_FIELDS: ClassVar[frozenset[str]] = Record.FIXED_FIELDS | {"repeated_hour"}

    def __post_init__(self) -> None:
        answers: dict[str, str] = {}
        kept: list[str] = []
        for entry in self.repeated_hour:
            match = _ANSWER.match(entry) if isinstance(entry, str) else None
            if match is None:
                kept.append(entry)  # not understood: validate() says so
                continue
            value = getattr(self, match[1])
            if value is not None and f"{value:%H:%M}" == match[2]:
                answers[match[1]] = match[3]
        for name, _words in TIME_FIELDS:
            value = getattr(self, name)
            if isinstance(value, ChosenTime):
                answers[name] = value.choice
                object.__setattr__(self, name, time(value.hour, value.minute))
        entries = [f"{name} {getattr(self, name):%H:%M} {answers[name]}"
                   for name, _words in TIME_FIELDS if name in answers]
        object.__setattr__(self, "repeated_hour", (*entries, *kept))

    @property
    def day(self) -> Date:
        return self.date

    def _placed(self) -> dict[str, int]:
        choices = ({name: self.choice(name) for name, _words in TIME_FIELDS}
                   if self.repeated_hour else None)
        return place_times({name: getattr(self, name) for name, _words in TIME_FIELDS}, choices)

    def choice(self, name: str) -> int | None:
        """0 or 1 when the person said their time for `name` was the first or the second of an
        hour that happened twice; else None."""
        for entry in self.repeated_hour:
            match = _ANSWER.match(entry)
            if match is not None and match[1] == name:
                return 1 if match[3] in SECOND_WORDS else 0
        return None

    @property
    def tib_min(self) -> int | None:
        """Time in bed: out of bed - into bed, in real minutes (None without both times)."""
        moments = self._local_moments()
        if "bed" not in moments or "up" not in moments:
            return None
        return elapsed_minutes(moments["bed"], moments["up"])

    @property
    def tst_min(self) -> int | None:
        """Total sleep time: (final awakening - tried to sleep) - SOL - WASO, in real minutes."""
        moments = self._local_moments()
        if "tried" not in moments or "woke" not in moments:
            return None
        span = elapsed_minutes(moments["tried"], moments["woke"])
        return span - (self.latency or 0) - (self.waso or 0)

    @property
    def se_exact(self) -> Fraction | None:
        """Sleep efficiency, exact: TST / TIB x 100 (None without all four times)."""
        tib, tst = self.tib_min, self.tst_min
        if tib is None or tst is None or tib <= 0:
            return None
        return percent(tst, tib)

    @property
    def se_pct(self) -> float | None:
        """Sleep efficiency as shown: TST / TIB x 100, rounded once, half up, to one decimal."""
        exact = self.se_exact
        return None if exact is None else one_decimal(exact)

    def moments(self, zone: tzinfo | None = None, *, strict: bool = False) -> dict[str, datetime]:
        """The clock times as local moments (those before midnight on the evening before).

        `zone` None: this computer's time zone. `strict` (for what was just typed): a time the
        clocks skipped, or one they repeated without an answer, raises ClockChangeError naming
        the field. Not strict: see `timeparse.local_moment`.
        """
        if zone is None and not strict:
            return dict(self._local_moments())
        return self._work_out_moments(zone, strict)

    def _local_moments(self) -> dict[str, datetime]:
        """`moments()` on this computer's clock, worked out once (TIB, TST, SE and summaries
        read them often); worked out again if the time zone is changed (TZ and time.tzset)."""
        key = (tm.tzname, tm.timezone, tm.altzone)
        cached = self.__dict__.get("_moments")
        if cached is None or cached[0] != key:
            cached = (key, self._work_out_moments(None, False))
            object.__setattr__(self, "_moments", cached)
        moments: dict[str, datetime] = cached[1]
        return moments

    def _work_out_moments(self, zone: tzinfo | None, strict: bool) -> dict[str, datetime]:
        placed = self._placed()
        last = max(placed.values(), default=0)
        start = self.date - timedelta(days=1 if last >= DAY_MIN else 0)
        midnight = datetime.combine(start, time(0))
        moments: dict[str, datetime] = {}
        answered = bool(self.repeated_hour)
        for name, minutes in placed.items():
            naive = midnight + timedelta(minutes=minutes)
            choice = self.choice(name) if answered else None
            if strict:
                moments[name] = local_moment(naive, zone, choice=choice, field=name,
                                             label=_WORDS[name].capitalize(),
                                             typed=f"{naive:%H:%M}")
            else:
                moments[name] = local_moment(naive, zone, choice=choice, strict=False)
        return moments

    def check_clock(self, zone: tzinfo | None = None) -> None:
        """Refuse a time the clocks skipped that night, and ask about one they repeated
        (ClockChangeError, a ValidationError naming the field). For what a person types: stored
        nights are read as `moments` explains."""
        self.moments(zone, strict=True)

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
        for entry in self.repeated_hour:
            if not isinstance(entry, str) or _ANSWER.match(entry) is None:
                raise ValidationError(
                    f"'{entry}' is not understood as an answer for a repeated hour (it should "
                    "look like 'woke 01:30 second').", "repeated_hour")
        placed = self._placed()
        moments = self._local_moments()
        order = list(moments.items())
        for (before, early), (after, late) in zip(order, order[1:], strict=False):
            if late < early:  # only with 'first'/'second' answers across a repeated hour
                raise ValidationError(
                    f"'{_WORDS[after].capitalize()}' ({late:%H:%M} {late.tzname()}) comes before "
                    f"'{_WORDS[before]}' ({early:%H:%M} {early.tzname()}) in real time: the "
                    "clocks went back that night. Please check the times, and whether each was "
                    "the first or the second time the clock showed it.", after)
        if "bed" in placed and "up" in placed:
            tib = elapsed_minutes(moments["bed"], moments["up"])
            if tib > DAY_MIN:
                raise ValidationError(
                    f"From into bed ({_clock(self.bed)}) to out of bed ({_clock(self.up)}) is "
                    f"{show_minutes(tib)}: a night can be at most 24 hours. Please check the times.",
                    "up")
            if tib <= 0:
                raise ValidationError(
                    "Out of bed is the same time as into bed. Please check the times.", "up")
        self._check_sleep_fits(moments)
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def _check_sleep_fits(self, moments: dict[str, datetime]) -> None:
        """SOL + WASO cannot be longer than the time from trying to sleep to the final awakening."""
        if "tried" not in moments or "woke" not in moments:
            return
        span = elapsed_minutes(moments["tried"], moments["woke"])
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
                "asleep": short_minutes(self.tst_min),
                "efficiency": percent_text(se) if se is not None else "-",
                "quality": self.quality.words if self.quality else "", "note": self.note}

    def derived(self) -> dict[str, Any]:
        return {"tib_min": self.tib_min, "tst_min": self.tst_min, "se_pct": self.se_pct}

    def check_typed(self, now: datetime) -> None:
        """A night just typed or changed: its times on this computer's clock (none the clocks
        skipped; an answer for one they repeated)."""
        self.check_clock()

    def check_across(self, read: Reader) -> None:
        """One night per morning, and the night's time in bed covers no logged nap (naps are
        kept apart from the nights). The Journal runs this inside its write transaction."""
        from paceapp.core.nap import check_night_in

        check_one_night_per_morning(read(SleepNight, since=self.date, until=self.date), self)
        check_night_in(read, self)

    def check_among(self, stored: list[SleepNight]) -> None:
        """`check_typed` and one night per morning, against the nights in `stored`."""
        self.check_clock()
        check_one_night_per_morning(stored, self)


#: One answer in `repeated_hour`: field, time, first or second.
_ANSWER = re.compile(r"^(bed|tried|woke|up) (\d\d:\d\d) (first|second)$")


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
    night.check_clock()
    return night


#: The rule `check_one_night_per_morning` names in its ClashError.
ONE_NIGHT_PER_MORNING = "one-night-per-morning"


def check_one_night_per_morning(nights: Sequence[SleepNight], night: SleepNight) -> None:
    """Refuse a second night for the same morning (another record than `night` itself): a
    ClashError naming the night that is there (front ends add how to change it)."""
    for other in nights:
        if other.date == night.date and other.id != night.id:
            raise ClashError(
                f"There is already a night logged for the morning of {show_date(night.date)} "
                f"(id {other.id[:8]}).", "Change that one instead.", "date",
                rule=ONE_NIGHT_PER_MORNING, other_kind=other.KIND, other_id=other.id,
                day=night.date)


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


@dataclass(frozen=True, eq=False, repr=False)
class SleepSummary(Value):
    """Sleep over a period; the number of nights it rests on travels with the figures.

    The float figures are as shown (rounded once, half up): average time asleep and in bed in
    whole minutes, the period's sleep efficiency to one decimal. The `exact_` ones are for any
    further working (never work from the shown ones).
    """

    start: date
    end: date
    nights_logged: int
    #: Nights with all four times (the sleep efficiency and time in bed rest on these).
    nights_with_times: int
    #: Mean time asleep (TST) over the nights with 'tried to sleep' and 'final awakening'.
    average_tst_min: float | None
    #: The period's sleep efficiency: total TST ÷ total TIB x 100 over the nights with all four
    #: times (pooled; the name is kept from when it was a mean of nightly figures).
    average_se_pct: float | None
    #: Mean time in bed (TIB) over the nights with all four times.
    average_tib_min: float | None
    exact_tst_min: Fraction | None = None
    exact_se_pct: Fraction | None = None
    exact_tib_min: Fraction | None = None

    def efficiency_text(self) -> str:
        """'sleep efficiency (time asleep ÷ time in bed) 90.1% from the totals' - the figure, its
        name and how it is formed ('' when it cannot be worked out)."""
        if self.exact_se_pct is None:
            return ""
        return f"{SE_NAME} {percent_text(self.exact_se_pct)} {PERIOD_SE_BASIS}"

    def sentence(self) -> str:
        """One plain sentence: the period, the figures and how many nights they rest on."""
        period = show_period(self.start, self.end)
        if self.nights_logged == 0:
            return f"Sleep: not logged between {period.replace(' – ', ' and ')}."
        nights = plural(self.nights_logged, "night")
        if self.exact_tst_min is None:
            return (f"Sleep, {period}: {nights} logged, without the times needed to work out "
                    "hours asleep.")
        text = f"on average {show_minutes(self.exact_tst_min)} asleep"
        if self.exact_se_pct is not None:
            text += f"; {self.efficiency_text()}"
        rest = f"{nights} logged"
        if self.nights_with_times < self.nights_logged:
            rest += f", {self.nights_with_times} with all the times"
        return f"Sleep, {period}: {text} ({rest})."


def show_period(start: date, end: date) -> str:
    """'24 Oct – 21 Nov' (with years when the period spans two years)."""
    if start.year != end.year:
        return f"{start.day} {start:%b} {start.year} – {end.day} {end:%b} {end.year}"
    return f"{start.day} {start:%b} – {end.day} {end:%b}"


def summarise_sleep(nights: list[SleepNight], start: date, end: date) -> SleepSummary:
    """Sleep over the nights whose morning is in [start, end] (see the module for the rules).

    Average TST rests on nights with both 'tried to sleep' and 'final awakening'; the period's
    SE (total TST ÷ total TIB) and average TIB on nights with all four times.
    """
    inside = [n for n in nights if start <= n.date <= end]
    tsts = [t for n in inside if (t := n.tst_min) is not None]
    full = [(tst, tib) for n in inside
            if (tst := n.tst_min) is not None and (tib := n.tib_min) is not None and tib > 0]
    tst_mean = mean(tsts)
    tib_mean = mean(tib for _tst, tib in full)
    se = percent(sum(tst for tst, _tib in full), sum(tib for _tst, tib in full)) if full else None
    return SleepSummary(
        start, end, len(inside), len(full),
        float(whole(tst_mean)) if tst_mean is not None else None,
        one_decimal(se) if se is not None else None,
        float(whole(tib_mean)) if tib_mean is not None else None,
        tst_mean, se, tib_mean)


def recent_summaries(nights: list[SleepNight], today: date,
                     spans: tuple[int, ...] = SUMMARY_NIGHTS) -> dict[int, SleepSummary]:
    """Summaries over the last 7, 14 and 28 mornings (today counts as one)."""
    return {n: summarise_sleep(nights, today - timedelta(days=n - 1), today) for n in spans}


KINDS = (SleepNight,)
