"""Demo pacing: three baselines that step up and restart after flare-ups, a usual plan with a
day budget, Saturday plans, chunked activity logs, and clearly busy "boom" days.

Sam walks, does housework in short bursts and climbs the stairs (a count). Most days follow the
usual plan in chunks; on flare-up days Sam does a bad day's amount; on each of the story's boom
days Sam does well over twice the plan, so `paceapp insights` finds the boom and the bust after it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from paceapp.core.flare import Flare
from paceapp.core.pacing import (
    ActivityLog,
    Baseline,
    BaselineChange,
    DayPlan,
    PaceSettings,
    PlanItem,
    restart_change,
    set_baseline_change,
    split_chunks,
    step_refusal,
    step_up_change,
)
from paceapp.core.records import Record
from paceapp.core.timeparse import local_now
from paceapp.demo.person import DemoPerson, FlareStory

USUAL: tuple[PlanItem, ...] = (PlanItem(name="Walking", amount=30), PlanItem(name="Housework", amount=20),
                              PlanItem(name="Stairs", amount=10))
SATURDAY: tuple[PlanItem, ...] = (PlanItem(name="Walking", amount=40), PlanItem(name="Housework", amount=10))
#: Sam holds each baseline below these (building up slowly, not for ever).
CAPS = {"Walking": 20, "Housework": 15, "Stairs": 8}
FLOORS = {"Walking": 8, "Housework": 6, "Stairs": 3}
HOURS = (9, 10, 11, 13, 14, 15, 16, 17, 18, 19)


def _flare(story: FlareStory) -> Flare:
    return Flare(started=story.start, ended=story.end, peak=story.peak)


def _moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def _baselines(person: DemoPerson) -> dict[str, tuple[Baseline, list[BaselineChange]]]:
    first = person.days[0]
    at = _moment(first, 9)
    made = [set_baseline_change("Walking", "three-day", [14, 16, 15], at),  # 12
            set_baseline_change("Housework", "good-bad", [15, 5], at),  # 10, bad day 5
            set_baseline_change("Stairs", "gentle", [8], at, unit="count")]  # 4
    return {b.name: (dataclasses.replace(b, created=at, updated=at),
                     [dataclasses.replace(change, created=at, updated=at)])
            for b, _working, change in made}


def _changed(baseline: Baseline, change: BaselineChange, changes: list[BaselineChange]
             ) -> Baseline:
    changes.append(dataclasses.replace(change, created=change.at, updated=change.at))
    return baseline


def generate(person: DemoPerson) -> Iterator[Record]:
    rng = person.rng
    flares = [_flare(f) for f in person.flares]
    made = _baselines(person)
    baselines = {name: b for name, (b, _changes) in made.items()}
    changes = [c for _b, found in made.values() for c in found]
    boom_days = set(person.boom_days)
    plan_from = person.today - timedelta(days=56)
    restarted: set[int] = set()
    for day in person.days:
        # Baselines: a restart the day after a flare-up ends; a step on Mondays when allowed.
        morning = _moment(day, 8, 30)
        for index, story in enumerate(person.flares):
            if index not in restarted and story.end is not None and story.end.date() < day:
                restarted.add(index)
                # Restart at 70% (never below the first baseline's half), then build back up.
                baselines = {name: _changed(*restart_change(b, morning, percent=70), changes)
                             if b.amount > FLOORS[name] else b
                             for name, b in baselines.items()}
        if day.weekday() == 0:
            started = [f for f in flares if f.started.date() <= day]
            for name, baseline in list(baselines.items()):
                if baseline.amount < CAPS[name] and step_refusal(baseline, day, started) is None:
                    baselines[name] = _changed(*step_up_change(baseline, morning, started),
                                               changes)
        items = USUAL
        if day.weekday() == 5 and day >= plan_from:
            items = SATURDAY
            at = _moment(day - timedelta(days=1), 20)
            yield DayPlan(date=day, items=SATURDAY, created=at, updated=at)
        if not person.logs(day, 0.85) and day not in boom_days:
            continue
        yield from _day_logs(person, day, items, baselines, day in boom_days)
    for baseline in baselines.values():
        changed = baseline.changed
        yield dataclasses.replace(baseline, updated=changed)
    yield from changes
    start = _moment(person.days[0], 9)
    yield PaceSettings(default_plan=USUAL, daily_budget=60, created=start, updated=start)
    del rng


def _day_logs(person: DemoPerson, day: date, items: tuple[PlanItem, ...],
              baselines: dict[str, Baseline], boom: bool) -> Iterator[ActivityLog]:
    rng = person.rng
    now = local_now()
    in_flare = person.in_flare(day) is not None
    hours = iter(HOURS)
    for item in items:
        baseline = baselines[item.name]
        most = baseline.amount  # changes are made in the morning, before any go
        if boom:
            # Overdoing it on a good day: long stretches, well over twice the plan.
            total = round(item.amount * rng.uniform(2.2, 2.8))
            chunks = split_chunks(total, max(most * 3, 1))
        elif in_flare:
            if item.name == "Stairs":
                chunks = [max(1, most // 2)]
            else:
                chunks = [max(1, baseline.bad_day or most // 2)]
        else:
            chunks = split_chunks(item.amount, most)
            if rng.random() < 0.25:
                chunks = chunks[:-1] or chunks  # some days a chunk is left for tomorrow
        for size in chunks:
            hour = next(hours, 20)
            amount = max(1, size + (rng.choice([-2, -1, 0, 0, 0, 0, 0, 0, 1]) if not boom else 0))
            at = _moment(day, hour, rng.randint(0, 40))
            if at > now:  # today: only what has already happened
                continue
            note = "lovely day, got carried away" if boom and hour == HOURS[0] else ""
            yield ActivityLog(name=item.name, amount=amount, at=at, unit=baseline.unit, note=note,
                              created=at, updated=at)
