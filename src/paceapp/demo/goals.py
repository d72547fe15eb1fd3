"""Demo goals: a longer goal with weekly plans and reviews, a second plan, and a paused one.

Sam's longer goal is "walk to the shop again by spring". Each past week has a plan, the days
done and a review; the plan changes along the way (smaller after a hard week, longer after good
ones). This week's plans are partly done. Only the last few weeks are made, so ten years of demo
data costs no more than a month.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from paceapp.core.goals import ActionPlan, GoalDay, LongerGoal, Review
from paceapp.core.records import Record, new_id
from paceapp.core.timeparse import week_start
from paceapp.demo.person import DemoPerson


class PlanChanges(TypedDict, total=False):
    """What a weekly review changes in the next week's plan (the fields of ActionPlan)."""

    what: str
    how_much: str
    days_per_week: int
    confidence: int


#: (outcome, what got in the way, next step, changes for next week) for each past week, oldest
#: first; the most recent weeks are used when the demo covers fewer days.
WALK_WEEKS: tuple[tuple[str, str, str, PlanChanges], ...] = (
    ("done", "", "change", {"how_much": "8 minutes", "confidence": 7}),
    ("partly", "rain two days", "keep", {}),
    ("not-this-time", "a flare-up", "change", {"days_per_week": 2, "confidence": 8}),
    ("done", "", "change", {"what": "walk to the corner", "how_much": "10 minutes",
                            "days_per_week": 3, "confidence": 7}),
    ("partly", "tired after a bad night", "keep", {}),
)
DONE_SHARE = {"done": 1.0, "partly": 0.6, "not-this-time": 0.0}


def _moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0)).astimezone()


def _mark(plan: ActionPlan, week: date, last: date, count: int, person: DemoPerson,
          avoid_flares: bool = True) -> list[GoalDay]:
    days = [week + timedelta(days=n) for n in range(7)]
    days = [d for d in days if plan.start <= d <= last and d >= person.days[0]]
    if avoid_flares:
        days = [d for d in days if person.in_flare(d) is None] or days
    chosen = sorted(person.rng.sample(days, min(count, len(days))))
    return [GoalDay(plan_id=plan.id, date=d, what=plan.what, created=_moment(d, 17),
                    updated=_moment(d, 17)) for d in chosen]


def _carry(plan: ActionPlan, start: date, changes: PlanChanges) -> ActionPlan:
    moment = _moment(start, 9)
    return dataclasses.replace(plan, id=new_id(), start=start, previous_id=plan.id, status="active",
                               created=moment, updated=moment, **changes)


def _series(person: DemoPerson, first_plan: ActionPlan,
            weeks: list[tuple[str, str, str, PlanChanges]],
            this_week: date) -> Iterator[Record]:
    """Past weeks (plan, days, review), then this week's plan, partly done."""
    plan = first_plan
    today = person.today
    for outcome, in_the_way, next_step, changes in weeks:
        week = week_start(plan.start)
        end = week + timedelta(days=6)
        flare = any(person.in_flare(week + timedelta(days=n)) for n in range(7))
        if outcome != "done" and flare:
            in_the_way = "a flare-up"
        count = round(plan.days_per_week * DONE_SHARE[outcome])
        yield from _mark(plan, week, end, count, person)
        reviewed = _moment(end, 18)
        next_start = week + timedelta(days=7)
        nxt = _carry(plan, next_start, changes)
        yield Review(plan_id=plan.id, week=week, outcome=outcome, got_in_way=in_the_way,
                     next_step=next_step, next_plan_id=nxt.id, created=reviewed, updated=reviewed)
        yield dataclasses.replace(plan, status="done", updated=reviewed)
        plan = nxt
    # This week: partly done so far (at least one day, fewer than planned).
    elapsed = (today - this_week).days + 1
    count = max(1, min(plan.days_per_week - 1, elapsed - 1))
    yield from _mark(plan, this_week, today, count, person, avoid_flares=False)
    yield plan


def generate(person: DemoPerson) -> Iterator[Record]:
    today = person.today
    this_week = week_start(today)
    weeks_back = min(len(WALK_WEEKS), max((this_week - person.days[0]).days // 7, 0))
    first_week = this_week - timedelta(days=7 * weeks_back)
    start_moment = _moment(max(first_week, person.days[0]), 10)

    goal = LongerGoal(what="walk to the shop again by spring", by_when="by spring",
                      start=max(first_week, person.days[0]), created=start_moment,
                      updated=start_moment,
                      note="The shop is about 15 minutes away. Start small and build up.")
    yield goal
    walk_weeks = list(WALK_WEEKS[len(WALK_WEEKS) - weeks_back:]) if weeks_back else []
    if weeks_back == len(WALK_WEEKS):
        walk = ActionPlan(what="walk to the postbox", how_much="5 minutes", when="after lunch",
                          days_per_week=3, confidence=8, goal_id=goal.id, start=first_week,
                          created=start_moment, updated=start_moment)
    else:  # a shorter demo starts part-way through the story
        walk = ActionPlan(what="walk to the postbox", how_much="8 minutes", when="after lunch",
                          days_per_week=3, confidence=7, goal_id=goal.id,
                          start=max(first_week, person.days[0]), created=start_moment,
                          updated=start_moment)
    yield from _series(person, walk, walk_weeks, this_week)

    # A second plan, two weeks old, reviewed once and kept.
    stretch_weeks = min(1, weeks_back)
    stretch_start = this_week - timedelta(days=7 * stretch_weeks)
    stretch_moment = _moment(max(stretch_start, person.days[0]), 11)
    stretches = ActionPlan(what="gentle stretches", how_much="10 minutes", when="before bed",
                           days_per_week=4, confidence=9, start=max(stretch_start, person.days[0]),
                           created=stretch_moment, updated=stretch_moment)
    yield from _series(person, stretches,
                       [("done", "", "keep", {})] if stretch_weeks else [], this_week)

    # Something tried earlier and paused for now (no pressure to go back to it).
    if weeks_back >= 3:
        paused_start = this_week - timedelta(days=21)
        moment = _moment(paused_start, 12)
        garden = ActionPlan(what="sit in the garden with a cuppa", how_much="15 minutes",
                            when="mid-morning", days_per_week=2, confidence=8, start=paused_start,
                            status="paused", created=moment, updated=moment + timedelta(days=8))
        yield from _mark(garden, paused_start, paused_start + timedelta(days=8), 1, person)
        yield garden
