"""The demo's pacing story: baselines, plans, chunked logs, and boom-and-bust episodes found."""

from __future__ import annotations

from datetime import date, timedelta

from paceapp.core.pacing import (
    ActivityLog,
    Baseline,
    BaselineAmounts,
    BaselineChange,
    DayPlan,
    PaceSettings,
)
from paceapp.core.pacing_review import detect_boom_bust
from paceapp.core.pain import PainEntry
from paceapp.demo import build
from paceapp.demo.person import DemoPerson

TODAY = date(2026, 11, 21)


def test_demo_has_baselines_plans_logs_and_finds_its_boom_days() -> None:
    data = build(84, TODAY, seed=7)
    records = data.records
    baselines = [r for r in records if isinstance(r, Baseline)]
    logs = [r for r in records if isinstance(r, ActivityLog)]
    plans = [r for r in records if isinstance(r, DayPlan)]
    pain = [r for r in records if isinstance(r, PainEntry)]
    settings = next(s for s in data.singles if isinstance(s, PaceSettings))
    assert {b.name for b in baselines} == {"Walking", "Housework", "Stairs"}
    changes = [r for r in records if isinstance(r, BaselineChange)]
    # stepped up and restarted over time
    assert all(sum(c.baseline_id == b.id for c in changes) >= 2 for b in baselines)
    assert plans and settings.default_plan and settings.daily_budget == 60
    assert len({log.day for log in logs}) > 60
    boom_days = DemoPerson(84, TODAY, seed=7).boom_days
    assert boom_days
    flares = [r for r in records if r.KIND == "flare"]
    amounts = BaselineAmounts(baselines, changes)
    found = {s.day for s in detect_boom_bust(logs, baselines, pain, flares, settings, plans,
                                             amounts=amounts)}
    assert found and found <= set(boom_days)
    for day in found:
        assert all(log.amount >= 1 for log in logs if log.day == day)


def test_demo_is_deterministic_and_covers_ten_years() -> None:
    def logs(days: int) -> list[tuple[str, int, str]]:
        return [(r.name, r.amount, r.at.isoformat()) for r in build(days, TODAY, seed=3).records
                if isinstance(r, ActivityLog)]

    assert logs(200) == logs(200)
    ten = logs(3650)
    assert len(ten) > 3650
    assert min(at for _n, _a, at in ten) >= (TODAY - timedelta(days=3650)).isoformat()
