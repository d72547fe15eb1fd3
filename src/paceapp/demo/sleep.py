"""Demo sleep diary: most mornings logged; worse nights with more pain and during flare-ups.

Sam usually goes to bed about 22:45 and gets up about 07:00. Pain brings longer sleep onset and
more waking; a few nights are very late (bed after midnight, so the night does not cross it), and
now and then a field is left empty, as real diaries have. Every night is valid by construction.

Sam also naps now and then in the afternoon - a few times a month, more during a flare-up -
logged apart from the nights. The naps come from their own random stream, so adding them left
every night (and everything the later demo modules make) as it was.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from paceapp.core.errors import ValidationError
from paceapp.core.nap import Nap, check_nap_clear_of_nights
from paceapp.core.records import Record
from paceapp.core.sleep import Quality, SleepNight
from paceapp.core.timeparse import local_moment
from paceapp.demo.person import DemoPerson

NOTES = ["", "", "", "", "pain woke me", "hip ached turning over", "too hot",
         "took my sleep medicine as prescribed", "bad dream", "up for the loo twice",
         "read for a while when I woke", "hot water bottle helped"]


def _clock(minutes: int) -> time:
    minutes %= 24 * 60
    return time(minutes // 60, minutes % 60)


NAP_NOTES = ["", "", "", "after the hospital appointment", "dozed off in the chair",
             "planned rest - fell asleep", "pain kept me up last night"]


def generate(person: DemoPerson) -> Iterator[Record]:
    # a stream of its own, seeded from the story's, so the nights below are not changed
    nap_rng = random.Random(f"naps {person.rng.getstate()[1][:4]}")
    nights: dict[date, SleepNight] = {}
    for night in _nights(person):
        nights[night.date] = night
        yield night
    yield from _naps(person, nap_rng, nights)


def _naps(person: DemoPerson, rng: random.Random,
          nights: dict[date, SleepNight]) -> Iterator[Nap]:
    """A nap on about one afternoon in ten (one in three during a flare-up), 20-90 minutes."""
    for day in person.days:
        chance = 0.3 if person.in_flare(day) is not None else 0.08
        if rng.random() >= chance:
            continue
        start = local_moment(datetime.combine(day, time(13, 0)) +
                             timedelta(minutes=rng.randint(0, 180)), strict=False)
        ended = (start + timedelta(minutes=rng.choice([20, 25, 30, 40, 45, 60, 75, 90]))
                 ).astimezone()
        noted = ended + timedelta(minutes=10)
        nap = Nap(started=start, ended=ended, note=rng.choice(NAP_NOTES), created=noted,
                  updated=noted)
        if noted > person.now:
            continue  # not yet happened (and logged) on the story's last day
        try:
            check_nap_clear_of_nights([n for d in (day, day + timedelta(days=1))
                                       if (n := nights.get(d)) is not None], nap)
        except ValidationError:
            continue  # a rare very late morning: no nap that day
        yield nap


def _nights(person: DemoPerson) -> Iterator[SleepNight]:
    rng = person.rng
    for day in person.days:
        if not person.logs(day, 0.85):
            continue
        pain = person.pain_level(day)
        flare = person.in_flare(day) is not None
        late = rng.random() < 0.04
        # minutes after the evening's midnight (24 h = midnight of the morning)
        bed = (25 * 60 + rng.randint(0, 90)) if late else (22 * 60 + 15 + rng.randint(0, 75))
        tried = bed + rng.choice([0, 0, 5, 10, 15, 20, 30])
        latency = max(0, int(rng.gauss(10 + pain * 4 + flare * 20, 8)))
        awakenings = max(0, round(rng.gauss(pain / 3 + flare * 1.5, 1)))
        waso = sum(rng.randint(5, 25 + int(pain * 3)) for _ in range(awakenings))
        asleep = max(180, int(rng.gauss(400 - pain * 10 - flare * 45, 35)))
        woke = tried + latency + waso + asleep
        up = woke + rng.choice([0, 5, 10, 15, 20, 30, 45])
        if up - bed > 16 * 60:  # keep nights believable
            continue
        tst = asleep / 60
        score = 1 + (tst > 5) + (tst > 6) + (tst > 7) + (awakenings <= 1)
        quality = list(Quality)[min(4, max(0, score - 1 - (pain > 6)))]
        # A part left empty, as happens on a tired morning (no time awake: no awakenings either).
        blank = rng.choice(["bed", "latency", "waso", "up"]) if rng.random() < 0.05 else ""
        noted = datetime.combine(day, _clock(up)).astimezone() + timedelta(minutes=20)
        yield SleepNight(date=day, bed=None if blank == "bed" else _clock(bed), tried=_clock(tried),
                         latency=None if blank == "latency" else latency,
                         awakenings=None if blank == "waso" else awakenings,
                         waso=None if blank == "waso" else waso, woke=_clock(woke),
                         up=None if blank == "up" else _clock(up),
                         quality=quality if rng.random() < 0.95 else None,
                         note=rng.choice(NOTES + (["pain woke me"] * 3 if pain > 6 else [])),
                         created=noted, updated=noted)
