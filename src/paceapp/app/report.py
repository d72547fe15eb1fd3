"""The report and the charts: what `paceapp report` and the Charts section show.

A read model here gathers the period's records into core figures and chart specs (plain data);
`paceapp.outputs.report` and `paceapp.outputs.charts` draw them as text.
"""

from __future__ import annotations

from datetime import date, timedelta

from paceapp.app.gp_summary import gather_summary
from paceapp.core.flare import Flare
from paceapp.core.nap import Nap, nap_sentence
from paceapp.core.pacing import ActivityLog, Baseline
from paceapp.core.pain import PainEntry
from paceapp.core.sleep import SleepNight
from paceapp.outputs.charts import CHARTS, ChartSpec, activity_chart, pain_chart, sleep_chart
from paceapp.outputs.report import ReportView
from paceapp.store.journal import Journal

__all__ = ["CHARTS", "ReportView", "load_chart", "load_report", "period_start"]

#: A flare-up that started this long before the period may still show in it.
FLARE_LOOKBACK = timedelta(days=120)


def period_start(today: date, weeks: int) -> date:
    """The first day of the last `weeks` weeks up to and including `today`."""
    return today - timedelta(days=weeks * 7 - 1)


def load_chart(journal: Journal, chart: str, weeks: int, today: date) -> ChartSpec:
    """One chart ('pain', 'sleep' or 'activity') over the last `weeks` weeks up to `today`
    (only that period is read)."""
    start = period_start(today, weeks)
    if chart == "pain":
        flares = journal.list(Flare, since=start - FLARE_LOOKBACK, until=today)
        return pain_chart(journal.list(PainEntry, since=start, until=today), flares, start, today)
    if chart == "sleep":
        return sleep_chart(journal.list(SleepNight, since=start, until=today), start, today)
    if chart == "activity":
        baselines = [b for b in journal.list(Baseline) if b.unit == "min"]
        total = sum(b.amount for b in baselines) or None
        return activity_chart(journal.list(ActivityLog, since=start, until=today), total,
                              start, today)
    raise ValueError(f"unknown chart {chart!r}")


def load_report(journal: Journal, today: date, weeks: int) -> ReportView:
    """The report's sentences and charts over the last `weeks` weeks up to `today`."""
    start = period_start(today, weeks)
    return ReportView(
        today, weeks, start, gather_summary(journal, start, today),
        nap_sentence(journal.list(Nap, since=start, until=today), start, today),
        [load_chart(journal, chart, weeks, today) for chart in CHARTS])
