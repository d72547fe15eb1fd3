"""The boom-and-bust detector on hand-built histories: found where it should be, silent otherwise."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from paceapp.core.flare import Flare
from paceapp.core.pacing import ActivityLog, DayPlan, PaceSettings, PlanItem, set_baseline
from paceapp.core.pacing_review import detect_boom_bust
from paceapp.core.pain import PainEntry

START = date(2026, 10, 1)
BOOM = date(2026, 10, 20)
DEFAULT = PaceSettings(default_plan=(PlanItem(name="Walking", amount=30),))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def baselines() -> list:
    walk, _ = set_baseline("Walking", "gentle", [20], at(START, 8))  # 10 min
    return [walk]


def steady_logs(until: date) -> list[ActivityLog]:
    """30 min a day in three 10-min walks: on plan."""
    logs, day = [], START
    while day <= until:
        logs += [ActivityLog(name="Walking", amount=10, at=at(day, h)) for h in (9, 13, 17)]
        day += timedelta(days=1)
    return logs


def steady_pain(until: date, score: int = 4) -> list[PainEntry]:
    pain, day = [], START
    while day <= until:
        pain.append(PainEntry(at=at(day, 20), score=score))
        day += timedelta(days=1)
    return pain


def boom_day(minutes: int = 50) -> list[ActivityLog]:
    """A busy day: the planned 30 min plus `minutes` more in one go."""
    return [ActivityLog(name="Walking", amount=10, at=at(BOOM, 9)),
            ActivityLog(name="Walking", amount=minutes - 10, at=at(BOOM, 11))]


def history(minutes: int = 50) -> tuple[list[ActivityLog], list[PainEntry]]:
    end = BOOM + timedelta(days=5)
    logs = [log for log in steady_logs(end) if log.day != BOOM] + boom_day(minutes)
    return logs, steady_pain(end)


def with_pain(pain: list[PainEntry], day: date, score: int) -> list[PainEntry]:
    return [*pain, PainEntry(at=at(day, 21), score=score)]


def test_busy_day_then_pain_rise_is_found_with_evidence() -> None:
    logs, pain = history(50)  # 50 vs plan 30: 1.67x
    pain = with_pain(pain, BOOM + timedelta(days=2), 6)  # usual 4, +2
    signals = detect_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert len(signals) == 1
    signal = signals[0]
    assert (signal.day, signal.logged, signal.reference, signal.ratio) == (BOOM, 50, 30, 1.7)
    assert signal.pain_rise is not None
    assert (signal.pain_rise.day, signal.pain_rise.score, signal.pain_rise.usual) == (
        BOOM + timedelta(days=2), 6, 4.0)
    assert signal.flare is None
    text = signal.text()
    assert text.startswith("On Tue 20 Oct you did 50 min - about 1.7 times the 30 min planned")
    assert "Thu 22 Oct pain reached 6/10 (your usual was about 4)" in text
    assert "fail" not in text.lower() and "should" not in text.lower()
    assert signal.to_data()["activities"][0]["reference_kind"] == "plan"


def test_busy_day_then_flare_is_found() -> None:
    logs, pain = history(60)
    flares = [Flare(started=at(BOOM + timedelta(days=2), 19), peak=8)]  # two days later, evening
    signals = detect_boom_bust(logs, baselines(), pain, flares, DEFAULT)
    assert [(s.day, s.flare is not None, s.pain_rise) for s in signals] == [(BOOM, True, None)]
    assert "a flare-up started on Thu 22 Oct, peak 8/10" in signals[0].text()


def test_silent_when_busy_but_nothing_follows() -> None:
    logs, pain = history(60)
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT) == []


def test_silent_when_pain_rises_without_a_busy_day() -> None:
    logs, pain = history(40)  # 40 vs 30: 1.33x, below 1.5x
    pain = with_pain(pain, BOOM + timedelta(days=1), 8)
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT) == []


def test_silent_when_the_rise_is_too_small_or_too_late() -> None:
    logs, pain = history(60)
    small = with_pain(pain, BOOM + timedelta(days=1), 5)  # usual 4, only +1
    late = with_pain(pain, BOOM + timedelta(days=3), 9)  # three days later
    flare_late = [Flare(started=at(BOOM + timedelta(days=3), 9), peak=8)]
    flare_before = [Flare(started=at(BOOM, 7), peak=8)]  # began before the day's activity
    assert detect_boom_bust(logs, baselines(), small, [], DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), late, [], DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), pain, flare_late, DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), pain, flare_before, DEFAULT) == []


def test_exactly_the_thresholds_counts() -> None:
    logs, pain = history(45)  # 45 / 30 = 1.5x exactly
    pain = with_pain(pain, BOOM + timedelta(days=1), 6)
    assert len(detect_boom_bust(logs, baselines(), pain, [], DEFAULT)) == 1


def test_thresholds_are_settings() -> None:
    logs, pain = history(50)
    pain = with_pain(pain, BOOM + timedelta(days=2), 6)
    strict = PaceSettings(boom_ratio=2.0, default_plan=DEFAULT.default_plan)
    needs_three = PaceSettings(pain_rise=3, default_plan=DEFAULT.default_plan)
    one_day = PaceSettings(window_days=1, default_plan=DEFAULT.default_plan)
    for settings in (strict, needs_three, one_day):
        assert detect_boom_bust(logs, baselines(), pain, [], settings) == []


def test_without_a_plan_the_baseline_is_the_reference() -> None:
    logs = [ActivityLog(name="Walking", amount=10, at=at(BOOM - timedelta(days=d)))
            for d in range(1, 10)]
    logs.append(ActivityLog(name="Walking", amount=15, at=at(BOOM)))  # 1.5 x baseline 10
    pain = with_pain(steady_pain(BOOM + timedelta(days=2), 3), BOOM + timedelta(days=1), 5)
    signals = detect_boom_bust(logs, baselines(), pain, [], PaceSettings())
    assert [(s.day, s.reference, s.activities[0].reference_kind) for s in signals] == [
        (BOOM, 10, "baseline")]


def test_a_day_plan_overrides_the_default() -> None:
    logs, pain = history(50)
    pain = with_pain(pain, BOOM + timedelta(days=1), 7)
    plans = [DayPlan(date=BOOM, items=(PlanItem(name="Walking", amount=40),))]  # 50/40 = 1.25x
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT, plans) == []


def test_too_few_scores_to_know_the_usual_is_silent() -> None:
    logs, _pain = history(60)
    pain = [PainEntry(at=at(BOOM - timedelta(days=1)), score=3),
            PainEntry(at=at(BOOM + timedelta(days=1)), score=9)]
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT) == []


def test_unplanned_activity_without_baseline_is_ignored() -> None:
    logs, pain = history(30)
    logs.append(ActivityLog(name="Gardening", amount=200, at=at(BOOM, 14)))
    pain = with_pain(pain, BOOM + timedelta(days=1), 8)
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT) == []


def test_period_limits() -> None:
    logs, pain = history(60)
    pain = with_pain(pain, BOOM + timedelta(days=1), 7)
    assert len(detect_boom_bust(logs, baselines(), pain, [], DEFAULT, start=BOOM)) == 1
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT,
                            start=BOOM + timedelta(days=1)) == []


def test_one_signal_a_day_minutes_lead_and_counts_are_apart() -> None:
    stairs, _ = set_baseline("Stairs", "gentle", [10], at(START, 8), unit="count")  # 5
    plan = PaceSettings(default_plan=(PlanItem(name="Walking", amount=30),
                                      PlanItem(name="Stairs", amount=10)))
    logs, pain = history(60)
    pain = with_pain(pain, BOOM + timedelta(days=1), 7)
    only_stairs = [*history(30)[0], ActivityLog(name="Stairs", amount=40, unit="count",
                                                at=at(BOOM, 15))]
    both = [*logs, ActivityLog(name="Stairs", amount=40, unit="count", at=at(BOOM, 15))]
    signals = detect_boom_bust(both, [*baselines(), stairs], pain, [], plan)
    assert [(s.day, s.unit, s.logged, s.reference) for s in signals] == [(BOOM, "min", 60, 30)]
    counted = detect_boom_bust(only_stairs, [*baselines(), stairs], pain, [], plan)
    assert [(s.unit, s.logged, s.reference) for s in counted] == [("count", 40, 10)]
    assert counted[0].text().startswith("On Tue 20 Oct you did 40 times - about 4 times")
