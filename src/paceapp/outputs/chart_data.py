"""Reading what each chart needs from the journal (only the period shown)."""

from __future__ import annotations

from datetime import date, timedelta

from paceapp.core.flare import Flare
from paceapp.core.pacing import ActivityLog, Baseline
from paceapp.core.pain import PainEntry
from paceapp.core.sleep import SleepNight
from paceapp.outputs.charts import ChartSpec, activity_chart, pain_chart, sleep_chart
from paceapp.store.journal import Journal

CHARTS = ("pain", "sleep", "activity")
#: A flare-up that started this long before the period may still show in it.
FLARE_LOOKBACK = timedelta(days=120)


def chart_spec(journal: Journal, chart: str, weeks: int, today: date) -> ChartSpec:
    """The spec of one chart over the last `weeks` weeks up to `today`."""
    start = today - timedelta(days=weeks * 7 - 1)
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
