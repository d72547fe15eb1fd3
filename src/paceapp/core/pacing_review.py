"""Looking back at pacing (pure): boom-and-bust signals and summaries over a period.

A **boom-and-bust signal** is a day whose logged activity is well above the plan/baseline (1.5x
by default) followed within two days by a pain rise (2 points over the recent median, by
default) or a flare-up (DOMAIN.md, Pacing). The wording notices the pattern; it never blames.
Baselines, plans and the day's rows are in `core.pacing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import TYPE_CHECKING, Any

from paceapp.core.pacing import (
    UNITS,
    ActivityDay,
    ActivityLog,
    Baseline,
    DayPlan,
    PaceSettings,
    day_activity,
    plan_for,
    show_amount,
)
from paceapp.core.timeparse import show_date

if TYPE_CHECKING:
    from paceapp.core.flare import Flare
    from paceapp.core.pain import PainEntry


# -- boom-and-bust ----------------------------------------------------------------------------
@dataclass(frozen=True)
class PainRise:
    day: date
    score: int
    usual: float  # the median of the scores before


@dataclass(frozen=True)
class FlareAfter:
    started: datetime
    peak: int | None


@dataclass(frozen=True)
class Signal:
    """A busy day followed by a pain rise or a flare-up, with the evidence."""

    day: date
    unit: str
    logged: int
    reference: int
    activities: tuple[ActivityDay, ...]
    pain_rise: PainRise | None
    flare: FlareAfter | None

    @property
    def ratio(self) -> float:
        return round(self.logged / self.reference, 1)

    def text(self) -> str:
        """One or two calm sentences that notice the pattern (never blame)."""
        unit = self.unit
        parts = ", ".join(f"{a.name} {show_amount(a.logged, a.unit)} "
                          f"({a.reference_kind} {show_amount(a.reference or 0, a.unit)})"
                          for a in self.activities)
        first = (f"On {show_date(self.day)} you did {show_amount(self.logged, unit)} - about "
                 f"{self.ratio:g} times the {show_amount(self.reference, unit)} planned "
                 f"({parts}).")
        after = []
        if self.pain_rise:
            after.append(f"on {show_date(self.pain_rise.day)} pain reached "
                         f"{self.pain_rise.score}/10 (your usual was about "
                         f"{self.pain_rise.usual:g})")
        if self.flare:
            peak = f", peak {self.flare.peak}/10" if self.flare.peak is not None else ""
            after.append(f"a flare-up started on {show_date(self.flare.started.date())}{peak}")
        return first + " Then " + " and ".join(after) + "."

    def to_data(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(), "unit": self.unit, "logged": self.logged,
            "planned": self.reference, "ratio": self.ratio,
            "activities": [{"name": a.name, "logged": a.logged, "sessions": a.sessions,
                            "reference": a.reference, "reference_kind": a.reference_kind}
                           for a in self.activities],
            "pain_rise": None if self.pain_rise is None else {
                "date": self.pain_rise.day.isoformat(), "score": self.pain_rise.score,
                "usual": self.pain_rise.usual},
            "flare": None if self.flare is None else {
                "started": self.flare.started.isoformat(), "peak": self.flare.peak},
            "text": self.text(),
        }


def _busy_groups(rows: Sequence[ActivityDay]) -> list[tuple[str, int, int, tuple[ActivityDay, ...]]]:
    """Per unit: (unit, logged, reference, rows) over activities that have a reference."""
    groups = []
    for unit in UNITS:
        chosen = tuple(r for r in rows if r.unit == unit and r.reference and r.logged)
        if chosen:
            groups.append((unit, sum(r.logged for r in chosen),
                           sum(r.reference or 0 for r in chosen), chosen))
    return groups


def detect_boom_bust(logs: Sequence[ActivityLog], baselines: Sequence[Baseline],
                     pain: Sequence[PainEntry], flares: Sequence[Flare],
                     settings: PaceSettings | None = None, plans: Sequence[DayPlan] = (),
                     start: date | None = None, end: date | None = None) -> list[Signal]:
    """Busy days followed by a pain rise or a flare-up (DOMAIN.md, Pacing).

    A day is busy when, for the activities logged that had a plan or a baseline, the total logged
    is at least `boom_ratio` x the total planned (the day's plan, else the default plan, else the
    baseline), counted separately for minutes and for counts. It is followed by a pain rise when a
    pain score in the next `window_days` days is at least `pain_rise` points above the median of
    the scores in the `median_days` days before it; or by a flare-up that started later that day
    or in the next `window_days` days.
    """
    settings = settings or PaceSettings()
    by_day: dict[date, list[ActivityLog]] = {}
    for log in logs:
        if (start is None or log.day >= start) and (end is None or log.day <= end):
            by_day.setdefault(log.day, []).append(log)
    scores = sorted(((p.at, p.score) for p in pain), key=lambda pair: pair[0])
    signals = []
    for day in sorted(by_day):
        items, _source = plan_for(day, plans, settings)
        rows = day_activity(day, by_day[day], baselines, items)
        busy = [g for g in _busy_groups(rows) if g[1] >= settings.boom_ratio * g[2]]
        if not busy:
            continue
        # One signal a day: minutes and counts are added up apart; minutes lead when both are busy.
        unit, logged, reference, chosen = busy[0]
        rise = _pain_rise(day, scores, settings)
        flare = _flare_after(day, by_day[day], flares, settings)
        if rise or flare:
            signals.append(Signal(day, unit, logged, reference, chosen, rise, flare))
    return signals


def _pain_rise(day: date, scores: Sequence[tuple[datetime, int]],
               settings: PaceSettings) -> PainRise | None:
    before = [s for at, s in scores if day - timedelta(days=settings.median_days) <= at.date() < day]
    if len(before) < 3:  # too few scores to know what is usual
        return None
    usual = float(median(before))
    last = day + timedelta(days=settings.window_days)
    for at, score in scores:
        if day < at.date() <= last and score >= usual + settings.pain_rise:
            return PainRise(at.date(), score, usual)
    return None


def _flare_after(day: date, logs: Sequence[ActivityLog], flares: Sequence[Flare],
                 settings: PaceSettings) -> FlareAfter | None:
    first = min(log.at for log in logs)
    last = day + timedelta(days=settings.window_days)
    for flare in sorted(flares, key=lambda f: f.started):
        if flare.started >= first and flare.started.date() <= last:
            return FlareAfter(flare.started, getattr(flare, "peak", None))
    return None


# -- period summary ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PacingSummary:
    """Pacing over a period, with what it rests on."""

    start: date
    end: date
    activities_with_baselines: int
    days: int
    days_logged: int
    days_within: int
    sessions: int
    sessions_compared: int
    sessions_within: int

    def sentence(self) -> str:
        period = f"{show_date(self.start, self.end)} – {show_date(self.end)}"
        count = self.activities_with_baselines
        bases = f"{count} activit{'y' if count == 1 else 'ies'} with baselines"
        if not self.days_logged:
            return f"Pacing: no activity logged {period} ({bases})."
        return (f"Pacing, {period}: {bases}; activity logged on {self.days_logged} of "
                f"{self.days} days, within baseline on {self.days_within} of them.")


def summarise_pacing(baselines: list[Baseline], logs: list[ActivityLog], start: date,
                     end: date) -> PacingSummary:
    """Days with activity logged in [start, end], and on how many every session stayed within
    the baseline in force that day (a baseline is how much to do at a time)."""
    by_key = {b.key: b for b in baselines}
    days: dict[date, list[bool]] = {}
    sessions = compared = within = 0
    for log in logs:
        if not start <= log.day <= end:
            continue
        sessions += 1
        baseline = by_key.get(log.key)
        amount = baseline.amount_on(log.day) if baseline else None
        flags = days.setdefault(log.day, [])
        if amount is not None:
            compared += 1
            ok = log.amount <= amount
            within += ok
            flags.append(ok)
    days_within = sum(1 for flags in days.values() if flags and all(flags))
    return PacingSummary(start, end, sum(1 for b in baselines if b.history), (end - start).days + 1,
                         len(days), days_within, sessions, compared, within)


def week_summary_rows(baselines: Sequence[Baseline], logs: Sequence[ActivityLog], start: date,
                      end: date) -> list[dict[str, str]]:
    """Per activity over a period: sessions, average session and how many were within baseline."""
    rows = []
    for baseline in sorted(baselines, key=lambda b: b.key):
        mine = [log for log in logs if log.key == baseline.key and start <= log.day <= end]
        if not mine:
            continue
        inside = sum(1 for log in mine if log.amount <= (baseline.amount_on(log.day) or 0))
        avg = sum(log.amount for log in mine) / len(mine)
        rows.append({"activity": baseline.name, "sessions": str(len(mine)),
                     "average": show_amount(round(avg, 1), baseline.unit),
                     "within baseline": f"{inside} of {len(mine)}"})
    return rows
