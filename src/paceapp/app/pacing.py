"""Pacing: baselines, logged activity, day plans, the pacing settings and looking back.

Read models (what the Pacing screen, the Today card and `paceapp pace ...` show) and the write
use-cases. Each write holds the Journal's lock, reads what it changes inside it, applies only
the person's change, checks and writes - so a change made meanwhile elsewhere (the shell, another
window) is kept. The timer itself is not stored: what it times is logged with `log_activity`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, NamedTuple

from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.flare import Flare
from paceapp.core.pacing import (
    ActivityLog,
    Baseline,
    BaselineAmounts,
    BaselineChange,
    DayPlan,
    PaceSettings,
    PlanItem,
    Schedule,
    Working,
    build_schedule,
    check_step,
    close_matches,
    name_key,
    new_activity,
    parse_plan_items,
    restart_change,
    set_baseline_change,
    step_size_change,
    step_up_change,
    unknown_message,
)
from paceapp.core.pacing_period import (
    FLARE_LOOKBACK,
    DayView,
    Insights,
    PacingData,
    day_view,
    find_baseline,
    insights,
    shift,
)
from paceapp.core.pain import PainEntry
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value
from paceapp.store.journal import Journal

#: The Pacing screen looks for signals over this many days.
SIGNAL_DAYS = 90
#: Plans can be made (or cleared) this many days either side of today.
PLAN_REACH = 366


# == reading ==================================================================================
def load_pacing(journal: Journal, start: date, end: date, *, with_pain: bool = True) -> PacingData:
    """Read baselines, settings, and the logs, plans, pain and flare-ups touching [start, end].

    With `with_pain` (looking back, not Today) also the pain scores around the period and the
    activity of the days before it that "your usual day" rests on.
    """
    median_days = 60  # covers the longest "usual pain" setting
    earlier: tuple[ActivityLog, ...] = ()
    if with_pain and start > date.min + timedelta(days=1):
        from paceapp.core.pacing_review import USUAL_DAYS  # not on the way to Today

        earlier = tuple(journal.list(ActivityLog, since=shift(start, -USUAL_DAYS),
                                     until=start - timedelta(days=1)))
    baselines = sorted(journal.list(Baseline), key=lambda b: b.key)
    return PacingData(
        start, end,
        baselines,
        _settings(journal),
        journal.list(ActivityLog, since=start, until=end),
        journal.list(DayPlan, since=start, until=end),
        journal.list(PainEntry, since=shift(start, -median_days),
                     until=shift(end, 7)) if with_pain else [],
        journal.list(Flare, since=shift(start, -FLARE_LOOKBACK.days)), earlier,
        load_amounts(journal, baselines, start, end))


#: Days either side of a period read for the baselines' changes: a change's day is the local
#: date where it was made, and a moment in the period may be written in another UTC offset.
ZONE_MARGIN = 2


def load_amounts(journal: Journal, baselines: Sequence[Baseline], start: date,
                 end: date) -> BaselineAmounts:
    """"The baseline in force" for moments in [start, end], reading only the years needed.

    A baseline that last changed before the period needs none of its changes (its record says
    what is in force); Today, on a day nothing changed, reads no change file at all. For the
    others: the changes of the period's years, and, for a baseline made before the period with
    no change found before its start, earlier years one at a time back to the year it was made,
    until its last change before the period is found."""
    # The first moment of `start` anywhere (UTC+14): a baseline changed before it was in force
    # all through the period, whatever UTC offset its goes were logged in.
    earliest = (datetime.combine(start, time.min, tzinfo=timezone(timedelta(hours=14)))
                if start > date(1, 1, 2) else datetime.min.replace(tzinfo=UTC))
    needed = {b.id: b for b in baselines if b.changed >= earliest}
    if not needed:
        return BaselineAmounts(baselines)
    edge = shift(start, -ZONE_MARGIN)
    first = date(edge.year, 1, 1)
    changes = [c for c in journal.list(BaselineChange, since=first, until=shift(end, ZONE_MARGIN))
               if c.baseline_id in needed]
    found_before = {c.baseline_id for c in changes if c.at < earliest}
    waiting = {key: shift(b.created.date(), -ZONE_MARGIN).year for key, b in needed.items()
               if key not in found_before and b.created.date() < shift(start, -1)}
    year = first.year - 1
    while waiting and year >= max(1, min(waiting.values())):
        earlier = [c for c in journal.list(BaselineChange, since=date(year, 1, 1),
                                           until=date(year, 12, 31)) if c.baseline_id in waiting]
        changes += earlier
        waiting = {key: made for key, made in waiting.items()
                   if made < year and key not in {c.baseline_id for c in earlier}}
        year -= 1
    return BaselineAmounts(baselines, changes)


def load_changes(journal: Journal, baseline: Baseline) -> list[BaselineChange]:
    """Every change to `baseline`, from every year, oldest first (by time, then as made)."""
    return sorted((c for c in journal.list(BaselineChange) if c.baseline_id == baseline.id),
                  key=BaselineChange.order)


class BaselineHistory(NamedTuple):
    baseline: Baseline
    changes: list[BaselineChange]


def load_history(journal: Journal, name: str) -> BaselineHistory:
    """The baseline called `name` and its whole history (every year's changes)."""
    baseline = load_baseline(journal, name)
    return BaselineHistory(baseline, load_changes(journal, baseline))


def activity_names(journal: Journal) -> list[str]:
    """Every activity name this person has used (baselines first, then anything ever logged)."""
    names = {b.key: b.name for b in sorted(journal.list(Baseline), key=lambda b: b.key)}
    for log in journal.list(ActivityLog):
        names.setdefault(log.key, log.name)
    return list(names.values())


def load_baseline(journal: Journal, name: str) -> Baseline:
    """The baseline called `name` (any case); ValidationError naming close ones."""
    return find_baseline(name, sorted(journal.list(Baseline), key=lambda b: b.key))


def load_settings(journal: Journal) -> PaceSettings:
    """The pacing settings (the defaults when none were saved)."""
    return _settings(journal)


def load_day(journal: Journal, day: date) -> DayView:
    """`day`'s plan worked out (its own, else the usual one) and what was logged against it."""
    return day_view(load_pacing(journal, day, day, with_pain=False), day)


def load_insights(journal: Journal, today: date, days: int) -> Insights:
    """Looking back over the last `days` days (today counts as one)."""
    return insights(load_pacing(journal, shift(today, -(days - 1)), today))


class TimerStart(NamedTuple):
    """What the timer for one activity starts from."""

    baseline: Baseline
    rest_min: int


def load_timer(journal: Journal, name: str) -> TimerStart:
    """The baseline called `name` and the rest between chunks, for the timer."""
    return TimerStart(load_baseline(journal, name), _settings(journal).rest_min)


@dataclass(frozen=True, eq=False, repr=False)
class PacingView(Value):
    """The Pacing screen: baselines, today's plan (or why it could not be worked out), and the
    boom-and-bust lines for the last SIGNAL_DAYS days."""

    today: date
    data: PacingData
    day: DayView | None
    problem: str
    signal_text: list[str]


def load_pacing_view(journal: Journal, today: date) -> PacingView:
    from paceapp.outputs.pacing import signal_lines

    data = load_pacing(journal, shift(today, -(SIGNAL_DAYS - 1)), today)
    problem = ""
    day: DayView | None
    try:
        day = day_view(data, today)
    except PaceError as error:  # e.g. a usual plan that no longer fits after a step-up
        day, problem = None, str(error)
    result = insights(data)
    return PacingView(today, data, day, problem, signal_lines(result.review, today))


class PacingCardView(NamedTuple):
    """Today's pacing card: today's data, the day's plan (None when it does not fit, with the
    problem)."""

    data: PacingData
    view: DayView | None
    problem: str


def load_pacing_card(journal: Journal, today: date) -> PacingCardView:
    data = load_pacing(journal, today, today, with_pain=False)
    try:
        return PacingCardView(data, day_view(data, today), "")
    except PaceError as error:
        return PacingCardView(data, None, str(error))


# == baselines ================================================================================
class BaselineSet(NamedTuple):
    baseline: Baseline
    working: Working
    #: True when the activity had no baseline before.
    is_new: bool
    #: For a new activity: known baselines with a close name (it may be a slip).
    close: list[str]


def set_baseline(journal: Journal, name: str, method: str, inputs: Sequence[int], *,
                 now: datetime, unit: str | None = None, step_pct: int | None = None,
                 step_days: int | None = None, bad_day: int | None = None) -> BaselineSet:
    """Set a baseline by `method` from `inputs`; an activity that has one is set again (its
    history kept). `unit` None keeps the unit it had (minutes for a new one)."""
    with journal.transaction():
        baselines = journal.list(Baseline)
        existing = next((b for b in baselines if b.key == name_key(name)), None)
        close: list[str] = []
        if existing is None:
            close = close_matches(name, [b.name for b in sorted(baselines, key=lambda b: b.key)])
            if any(name_key(c) == name_key(name) for c in close):
                close = []
        unit = unit or (existing.unit if existing else "min")
        if step_pct is not None or step_days is not None:
            check_step(step_pct if step_pct is not None else 10,
                       step_days if step_days is not None else 7)
        baseline, working, change = set_baseline_change(
            existing.name if existing else name, method, list(inputs), now, unit=unit,
            existing=existing, step_pct=step_pct, step_days=step_days, bad_day=bad_day)
        # The baseline and its change in one transaction: one undo takes back both.
        if existing is None:
            saved = journal.add(baseline)
        else:
            saved = journal.update(baseline, base=existing)
        journal.add(change)
    return BaselineSet(saved, working, existing is None, close)


class BaselineChanged(NamedTuple):
    before: Baseline
    after: Baseline
    #: The change record written with it (its working is what to show).
    change: BaselineChange


def step_up_baseline(journal: Journal, name: str, *, now: datetime) -> BaselineChanged:
    """Raise the baseline by its step. ValidationError (field "step", with the reason) when it
    must wait: at most once per period, and held in a week with a flare-up."""
    with journal.transaction():
        before = load_baseline(journal, name)
        flares = journal.list(Flare, since=shift(now.date(), -FLARE_LOOKBACK.days))
        stepped, change = step_up_change(before, now, flares)
        after = journal.update(stepped, base=before)
        journal.add(change)
    return BaselineChanged(before, after, change)


def restart_baseline(journal: Journal, name: str, *, now: datetime, percent: int | None = None,
                     to: int | None = None) -> BaselineChanged:
    """After a flare-up: lower the baseline to `to`, or `percent` of now, else the bad-day amount
    when known, else half of now."""
    with journal.transaction():
        before = load_baseline(journal, name)
        lowered, change = restart_change(before, now, percent, to)
        after = journal.update(lowered, base=before)
        journal.add(change)
    return BaselineChanged(before, after, change)


def change_baseline_step(journal: Journal, name: str, step_pct: int,
                         step_days: int | None = None, *, now: datetime) -> Baseline:
    """A new step-up size (and, given `step_days`, how often it may step)."""
    with journal.transaction():
        before = load_baseline(journal, name)
        changed, change = step_size_change(before, step_pct, step_days, now)
        after = journal.update(changed, base=before)
        if change is not None:
            journal.add(change)
        return after


# == logging activity =========================================================================
class CloseToKnownName(ValidationError):
    """A new activity name close to known ones (it may be a slip). The front end says how to
    log it as new anyway."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(unknown_message(name, known), "name")
        self.name = name
        self.known = known


class ActivityLogged(NamedTuple):
    log: ActivityLog
    #: The activity's baseline on that day (None without a baseline).
    baseline: int | None


def log_activity(journal: Journal, name: str, amount: int, *, at: datetime, now: datetime,
                 note: str = "", unit: str | None = None,
                 new_name_ok: bool = False) -> ActivityLogged:
    """Log `amount` of an activity at `at`. A name that is a known one in another case is
    written as known; a new name close to known ones raises CloseToKnownName unless
    `new_name_ok`. The unit is the baseline's, else `unit`, else minutes."""
    with journal.transaction():
        known = activity_names(journal)
        match = next((k for k in known if name_key(k) == name_key(name)), None)
        if match is None and not new_name_ok and close_matches(name, known):
            raise CloseToKnownName(name, known)
        baseline = next((b for b in journal.list(Baseline) if b.key == name_key(name)), None)
        unit = baseline.unit if baseline else (unit or "min")
        log = journal.add(new_activity(match or name, amount, at, now, unit=unit, note=note))
    amount_then = None
    if baseline is not None:
        amounts = load_amounts(journal, [baseline], log.day, log.day)
        amount_then = amounts.on(baseline, log.day) or baseline.amount
    return ActivityLogged(log, amount_then)


# == day plans ================================================================================
def check_plan_day(day: date, today: date) -> None:
    """Plans are made (or cleared) within a year either side of today."""
    if abs((day - today).days) > PLAN_REACH:
        raise ValidationError(f"{show_date(day, today)} is more than a year from today. Plan days "
                              "within a year either side of today.", "date")


class PlanSaved(NamedTuple):
    items: tuple[PlanItem, ...]
    schedule: Schedule
    as_default: bool


def plan_day(journal: Journal, day: date, texts: Sequence[str], *, today: date,
             as_default: bool = False) -> PlanSaved:
    """Plan `day` (or, `as_default`, the usual day) from items like "walking:30" read against the
    baselines as they are now; refused when the plan does not fit the day."""
    check_plan_day(day, today)
    with journal.transaction():
        baselines = sorted(journal.list(Baseline), key=lambda b: b.key)
        settings = _settings(journal)
        items = parse_plan_items(list(texts), baselines)
        schedule = build_schedule(day, items, baselines, settings,
                                  "default" if as_default else "day")
        if as_default:
            journal.put_single(dataclasses.replace(settings, default_plan=items), base=settings)
        else:
            existing = next(iter(journal.list(DayPlan, since=day, until=day)), None)
            if existing is None:
                journal.add(DayPlan(date=day, items=items))
            else:
                journal.update(dataclasses.replace(existing, items=items), base=existing)
    return PlanSaved(items, schedule, as_default)


def clear_plan(journal: Journal, day: date, *, today: date, as_default: bool = False) -> bool:
    """Remove `day`'s own plan (it then follows the usual one), or with `as_default` the usual
    plan. False when `day` had no plan of its own (nothing changed)."""
    check_plan_day(day, today)
    with journal.transaction():
        if as_default:
            settings = _settings(journal)
            journal.put_single(dataclasses.replace(settings, default_plan=()), base=settings)
            return True
        existing = next(iter(journal.list(DayPlan, since=day, until=day)), None)
        if existing is None:
            return False
        journal.delete(DayPlan, existing.id)
        return True


# == settings =================================================================================
#: Settings a person changes (the usual plan is changed by planning).
SETTING_FIELDS = ("boom_ratio", "pain_rise", "window_days", "median_days", "rest_min",
                  "daily_budget", "day_hours", "default_plan")


def settings_changes(before: PaceSettings, after: PaceSettings) -> dict[str, Any]:
    """The settings a form changed: those that differ between the copy it started from and what
    it returns."""
    return {f: getattr(after, f) for f in SETTING_FIELDS if getattr(after, f) != getattr(before, f)}


def change_settings(journal: Journal, changes: Mapping[str, Any], *,
                    base: PaceSettings | None = None) -> PaceSettings:
    """Apply `changes` (field: new value) to the pacing settings as they are now, checked.

    `base` is the copy a form started from: a field in `changes` that was also changed
    elsewhere since then is not overwritten (ChangedElsewhereError names it; nothing is written).
    """
    unknown = set(changes) - set(SETTING_FIELDS)
    if unknown:
        raise ValueError(f"not pacing settings: {sorted(unknown)}")
    if not changes:
        return _settings(journal)
    with journal.transaction():
        start = base if base is not None else _settings(journal)
        changed = dataclasses.replace(start, **changes)
        changed.validate()
        return journal.put_single(changed, base=start)


def _settings(journal: Journal) -> PaceSettings:
    return journal.get_single(PaceSettings) or PaceSettings()
