"""Demo pain check-ins (one to three a day) and a weekly PEG on Sundays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time

from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.records import Record
from paceapp.demo.person import DemoPerson

WHERE = ["lower back", "lower back", "hips", "neck and shoulders", "knees", ""]
NOTES = ["", "", "", "stiff first thing", "after the bus", "better after a rest",
         "gentle stretches helped", "stairs", "bad night", "hot water bottle helped"]


def generate(person: DemoPerson) -> Iterator[Record]:
    rng = person.rng
    week: list[int] = []
    for day in person.days:
        level = person.pain_level(day)
        if person.logs(day, 0.88):
            for hour in sorted(rng.sample([8, 9, 13, 16, 20, 21], rng.choice([1, 2, 2, 3]))):
                score = min(10, max(0, round(level + rng.gauss(0, 0.8) + (hour > 18) * 0.4)))
                week.append(score)
                at = datetime.combine(day, time(hour, rng.randint(0, 59))).astimezone()
                if at > person.now:
                    continue
                yield PainEntry(at=at, score=score, where=rng.choice(WHERE),
                                note=rng.choice(NOTES), created=at, updated=at)
        if day.weekday() == 6 and week and datetime.combine(day, time(18)).astimezone() <= person.now:
            avg = sum(week) / len(week)
            moment = datetime.combine(day, time(18, 0)).astimezone()
            yield PegEntry(date=day, pain=min(10, round(avg)),
                           enjoyment=min(10, max(0, round(avg + rng.gauss(0.5, 1)))),
                           activity=min(10, max(0, round(avg + rng.gauss(0.8, 1)))),
                           created=moment, updated=moment)
            week = []
