"""Pacing over a period: what it rests on, the day's plan worked out, and the signals.

`PacingData` is everything pacing needs for the days [start, end] (the application layer reads it
from the Journal); `day_view`, `next_planned` and `insights` work on it. Pure: no I/O.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from paceapp.core.flare import Flare
from paceapp.core.pacing import (
    ActivityDay,
    ActivityLog,
    Baseline,
    BaselineAmounts,
    DayPlan,
    PaceSettings,
    Schedule,
    build_schedule,
    day_activity,
    find_activity,
    name_key,
    plan_for,
)
from paceapp.core.pain import PainEntry

if TYPE_CHECKING:  # looking back is imported only when asked for (not on the way to Today)
    from paceapp.core.pacing_review import BoomBust, PacingSummary, Signal

#: Flare-ups that started this long before a period may still touch it.
FLARE_LOOKBACK = timedelta(days=120)


class PacingData(NamedTuple):
    """What pacing needs for the days [start, end]."""

    start: date
    end: date
    baselines: list[Baseline]
    settings: PaceSettings
    logs: list[ActivityLog]
    plans: list[DayPlan]
    pain: list[PainEntry]
    flares: list[Flare]
    #: Activity logged in the days just before `start` (for "your usual day"; insights only).
    earlier: tuple[ActivityLog, ...] = ()
    #: The baselines' changes the period needs ("the baseline in force then"); None: only what
    #: the baselines themselves say (enough when none changed since the period began).
    changes: BaselineAmounts | None = None

    @property
    def amounts(self) -> BaselineAmounts:
        return self.changes or BaselineAmounts(self.baselines)

    def baseline(self, name: str) -> Baseline:
        """The baseline called `name` (any case); ValidationError with close matches."""
        return find_baseline(name, self.baselines)

    def known_names(self) -> list[str]:
        names = {b.key: b.name for b in self.baselines}
        for log in self.logs:
            names.setdefault(log.key, log.name)
        return list(names.values())

    def day_plan(self, day: date) -> DayPlan | None:
        return next((p for p in self.plans if p.date == day), None)


def find_baseline(name: str, baselines: list[Baseline]) -> Baseline:
    """The baseline called `name` (any case); ValidationError with close matches."""
    found = find_activity(name, [b.name for b in baselines], "activity with a baseline")
    return next(b for b in baselines if b.name == found)


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, kept inside the calendar (no overflow at year 1 or 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


# -- a day's plan -----------------------------------------------------------------------------
class DayView(NamedTuple):
    """A day's plan worked out, and what was logged against it."""

    schedule: Schedule
    rows: list[ActivityDay]


def day_view(data: PacingData, day: date) -> DayView:
    """The plan for `day` (its own, else the usual one) with what was logged against it.
    Items whose baseline is gone are left out; PaceError when the plan no longer fits."""
    items, source = plan_for(day, data.plans, data.settings)
    known = {b.key for b in data.baselines}
    usable = tuple(i for i in items if name_key(i.name) in known)
    schedule = build_schedule(day, usable, data.baselines, data.settings, source, strict=False)
    return DayView(schedule, day_activity(day, data.logs, data.baselines, usable, data.amounts))


def next_planned(view: DayView) -> tuple[str, int] | None:
    """The first planned activity not yet done in full today, and its next chunk size."""
    done = {name_key(r.name): r.logged for r in view.rows}
    for step in view.schedule.steps:
        if step.kind != "do":
            continue
        key = name_key(step.name)
        if done.get(key, 0) >= step.amount:
            done[key] -= step.amount
            continue
        return step.name, step.amount
    return None


# -- looking back -----------------------------------------------------------------------------
class Insights(NamedTuple):
    summary: PacingSummary
    review: BoomBust
    data: PacingData

    @property
    def signals(self) -> list[Signal]:
        """Busy days followed by a harder time."""
        return self.review.signals


def insights(data: PacingData) -> Insights:
    """The period summed up, and the boom-and-bust review of it."""
    from paceapp.core.pacing_review import review_boom_bust, summarise_pacing

    amounts = data.amounts
    summary = summarise_pacing(data.baselines, data.logs, data.start, data.end, amounts)
    review = review_boom_bust([*data.earlier, *data.logs], data.baselines, data.pain, data.flares,
                              data.settings, data.plans, data.start, data.end, amounts)
    return Insights(summary, review, data)
