"""The fictional person behind the demo data: a day-by-day story with ups and downs."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from paceapp.core.records import Record
from paceapp.core.timeparse import local_now
from paceapp.core.value import Value


@dataclass(frozen=True, eq=False, repr=False)
class FlareStory(Value):
    start: datetime
    end: datetime | None  # None: still going today
    peak: int
    trigger: str


class DemoPerson:
    """Sam, 58, who finished a pain management programme last year.

    Attributes other modules use: `days` (list of dates, oldest first), `rng`, `pain_level(day)`,
    `flares` (FlareStory list), `boom_days` (days of overdoing it), `in_flare(day)`, `made`.
    """

    name = "Sam"

    def __init__(self, days: int, today: date, seed: int = 7) -> None:
        if days < 1:
            raise ValueError("days must be at least 1")
        self.today = today
        #: The seed, for modules with a random stream of their own (demo/day.py).
        self.seed = seed
        clock = local_now()
        #: Nothing in the story is logged later than this (the clock, on the story's last day).
        self.now = clock if clock.date() == today else datetime.combine(
            today, time(23, 59)).astimezone()
        self.rng = random.Random(seed)
        self.days: list[date] = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
        self.made: list[Record] = []
        self._base = self._walk()
        self.boom_days: list[date] = []
        self.flares: list[FlareStory] = []
        self._plan_story()

    def _walk(self) -> dict[date, float]:
        level, base = 4.6, {}
        for day in self.days:
            level += self.rng.gauss(0, 0.18) + (4.6 - level) * 0.05
            season = 0.5 * math.cos((day.timetuple().tm_yday - 15) / 365 * 2 * math.pi)
            base[day] = min(max(level + season, 1.5), 8.0)
        return base

    def _plan_story(self) -> None:
        """Flare-ups every 3-7 weeks; about half of them follow a boom day two days before."""
        rng = self.rng
        index = rng.randint(10, 25)
        triggers = ["overdid the garden", "long car journey", "poor sleep", "cold weather",
                    "stress", "carrying shopping", "no obvious reason"]
        while index < len(self.days):
            start_day = self.days[index]
            boom = rng.random() < 0.5 or index >= len(self.days) - 40
            if boom and index >= 2:
                self.boom_days.append(self.days[index - 2])
            length = rng.choice([1, 2, 2, 3, 4, 6])
            start = datetime.combine(start_day, time(rng.choice([7, 10, 15, 19]), 0)).astimezone()
            end = start + timedelta(days=length, hours=rng.randint(-6, 6))
            ended = end.date() < self.today
            self.flares.append(FlareStory(
                start, end if ended else None, rng.randint(7, 9),
                "overdid the garden" if boom else rng.choice(triggers)))
            index += rng.randint(21, 49)

    def in_flare(self, day: date) -> FlareStory | None:
        for flare in self.flares:
            end = flare.end.date() if flare.end else self.today
            if flare.start.date() <= day <= end:
                return flare
        return None

    def pain_level(self, day: date) -> float:
        """The person's typical pain that day (0-10, not yet rounded)."""
        level = self._base.get(day, 4.6)
        flare = self.in_flare(day)
        if flare is not None:
            level = max(level + 2.5, flare.peak - 0.5)
        return min(level, 10.0)

    def logs(self, day: date, chance: float = 0.9) -> bool:
        """Whether the person logged on that day (people miss days; that is fine)."""
        return self.rng.random() < chance
