"""The boom-and-bust detector on hand-built histories (issue 17, item 4): like with like, one
stated window on exact times, thresholds on exact values with both sides of each boundary, too
little data said plainly, and a "pattern" only from two or more occasions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from paceapp.core.flare import Flare
from paceapp.core.pacing import ActivityLog, DayPlan, PaceSettings, PlanItem, set_baseline
from paceapp.core.pacing_review import (
    boom_bust_lines,
    detect_boom_bust,
    median_of,
    review_boom_bust,
    summarise_pacing,
)
from paceapp.core.pain import PainEntry

START = date(2026, 10, 1)
BOOM = date(2026, 10, 20)  # a Tuesday
DEFAULT = PaceSettings(default_plan=(PlanItem(name="Walking", amount=30),))


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def baselines(amount_most: int = 20) -> list:
    walk, _ = set_baseline("Walking", "gentle", [amount_most], at(START, 8))  # 10 min at a time
    return [walk]


def steady_logs(until: date, per_day: int = 3) -> list[ActivityLog]:
    """30 min a day in three 10-min walks at 9, 13 and 17: on plan, each go within baseline."""
    logs, day = [], START
    while day <= until:
        logs += [ActivityLog(name="Walking", amount=10, at=at(day, h)) for h in (9, 13, 17)[:per_day]]
        day += timedelta(days=1)
    return logs


def steady_pain(until: date, score: int = 4) -> list[PainEntry]:
    pain, day = [], START
    while day <= until:
        pain.append(PainEntry(at=at(day, 20), score=score))
        day += timedelta(days=1)
    return pain


def boom_day(minutes: int) -> list[ActivityLog]:
    """A busy day in goes of at most 10 min (each within the baseline), from 09:00 hourly."""
    goes, left, hour = [], minutes, 9
    while left > 0:
        goes.append(ActivityLog(name="Walking", amount=min(10, left), at=at(BOOM, hour)))
        left, hour = left - 10, hour + 1
    return goes


def history(minutes: int = 50, pain_until: date | None = None) -> tuple[list, list]:
    end = BOOM + timedelta(days=5)
    logs = [log for log in steady_logs(end) if log.day != BOOM] + boom_day(minutes)
    return logs, steady_pain(pain_until or end)


def with_pain(pain: list[PainEntry], moment: datetime, score: int) -> list[PainEntry]:
    return [*pain, PainEntry(at=moment, score=score)]


# -- the case in the issue --------------------------------------------------------------------
def test_three_paced_walks_with_nothing_planned_make_no_claim() -> None:
    # Baseline 20 min at a time; three 20-min walks: each go is 1 x its baseline (within it), the
    # day's total 60 has no plan and no history to compare with: no busy day, no signal - even
    # with a pain rise that evening. (It used to say "about 3 times the 20 min planned".)
    walk, _ = set_baseline("Walking", "gentle", [40], at(BOOM - timedelta(days=1), 8))  # 20
    logs = [ActivityLog(name="Walking", amount=20, at=at(BOOM, h)) for h in (9, 12, 15)]
    pain = [PainEntry(at=at(BOOM - timedelta(days=1), h), score=3) for h in (9, 12, 15)]
    pain.append(PainEntry(at=at(BOOM, 20), score=8))
    review = review_boom_bust(logs, [walk], pain, [], PaceSettings())
    assert review.busy_days == () and review.signals == []
    assert summarise_pacing([walk], logs, BOOM, BOOM).sessions_within == 3
    lines = boom_bust_lines(review)
    assert lines[0].startswith("No boom-and-bust pattern found: no go or day")
    assert "No day's total could be compared" in " ".join(lines)
    assert not any("times the" in line for line in lines)


# -- a day's total against the plan -----------------------------------------------------------
def test_day_total_against_the_usual_plan_then_pain_rise_with_evidence() -> None:
    logs, pain = history(50)  # 50 vs the usual plan's 30: 5/3 = 1.666… -> "about 1.7 times"
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 21), 6)  # usual 4 (median), +2
    review = review_boom_bust(logs, baselines(), pain, [], DEFAULT)
    [day] = review.signals
    [busy] = day.found
    assert (day.day, busy.kind, busy.logged, busy.reference, busy.ratio) == (
        BOOM, "usual plan", 50, 30, Fraction(5, 3))
    assert day.pain_rise is not None
    assert (day.pain_rise.at, day.pain_rise.score, day.pain_rise.usual) == (
        at(BOOM + timedelta(days=1), 21), 6, 4)
    assert day.flare is None
    assert day.text() == (
        "On Tue 20 Oct: Walking 50 min that day, about 1.7 times the 30 min in your usual plan. "
        "Then on Wed 21 Oct at 21:00 pain reached 6/10 (your usual was 4: the median of your "
        "14 scores in the 14 days before).")
    text = day.text().lower()
    assert "fail" not in text and "should" not in text
    data = day.to_data()
    assert data["busy"][0]["kind"] == "usual plan" and data["busy"][0]["ratio"] == 1.7
    assert data["busy"][0]["ratio_exact"] == "5/3" and data["outcome"] == "followed"


def test_a_day_plan_is_that_days_plan() -> None:
    logs, pain = history(60)  # 60 vs the day's own plan of 40: 1.5 exactly
    pain = with_pain(pain, at(BOOM, 20, 30), 7)
    plans = [DayPlan(date=BOOM, items=(PlanItem(name="Walking", amount=40),))]
    [day] = detect_boom_bust(logs, baselines(), pain, [], DEFAULT, plans)
    assert day.found[0].kind == "plan"
    assert "Walking 60 min that day, 1.5 times the 40 min in the plan for that day" in day.text()
    below = [DayPlan(date=BOOM, items=(PlanItem(name="Walking", amount=41),))]  # 60/41 < 1.5
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT, below) == []


@pytest.mark.parametrize(("minutes", "busy"), [(45, True), (44, False)])
def test_boom_ratio_boundary_on_exact_values(minutes: int, busy: bool) -> None:
    # 45 / 30 = 1.5 exactly: busy. 44 / 30 = 1.4666…: not (it would show as 1.5 if rounded first).
    logs, pain = history(minutes)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 6)
    assert bool(detect_boom_bust(logs, baselines(), pain, [], DEFAULT)) is busy


def test_boom_ratio_setting_is_compared_exactly() -> None:
    # 1.1 as typed is 11/10; in floating point 1.1 x 50 = 55.00000000000001, which would leave
    # 55 / 50 = 1.1 exactly "not busy". Compared exactly it is busy; 54 / 50 = 1.08 is not.
    plan = PaceSettings(boom_ratio=1.1, default_plan=(PlanItem(name="Walking", amount=50),))
    for minutes, busy in ((55, True), (54, False)):
        logs, pain = history(minutes)
        pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 6)
        assert bool(detect_boom_bust(logs, baselines(), pain, [], plan)) is busy


# -- one go against the baseline --------------------------------------------------------------
@pytest.mark.parametrize(("go", "busy"), [(15, True), (14, False)])
def test_one_go_against_the_baseline_boundary(go: int, busy: bool) -> None:
    # Baseline 10 min at a time, no plan and no history: 15 in one go = 1.5 x (busy); 14 = 1.4 x.
    logs = [ActivityLog(name="Walking", amount=go, at=at(BOOM, 11))]
    pain = steady_pain(BOOM + timedelta(days=2), 3)
    pain = with_pain(pain, at(BOOM, 18), 5)  # usual 3, +2, the same day
    found = detect_boom_bust(logs, baselines(), pain, [], PaceSettings())
    assert bool(found) is busy
    if busy:
        assert found[0].found[0].kind == "go"
        assert found[0].text().startswith(
            "On Tue 20 Oct: Walking 15 min in one go, 1.5 times your baseline of 10 min at a time."
            " Then later that day at 18:00 pain reached 5/10")


def test_a_go_before_the_baseline_was_set_is_not_compared() -> None:
    # Baseline set at 12:00; a 30-min go at 11:59 the same day was before it: no claim.
    walk, _ = set_baseline("Walking", "gentle", [20], at(BOOM, 12))
    early = [ActivityLog(name="Walking", amount=30, at=at(BOOM, 11, 59))]
    late = [ActivityLog(name="Walking", amount=30, at=at(BOOM, 12))]
    pain = with_pain(steady_pain(BOOM), at(BOOM, 20, 30), 8)
    assert review_boom_bust(early, [walk], pain, [], PaceSettings()).busy_days == ()
    assert len(detect_boom_bust(late, [walk], pain, [], PaceSettings())) == 1


# -- a day's total against the usual day ------------------------------------------------------
def usual_history(days: int, amount: int = 20) -> list[ActivityLog]:
    """`amount` min a day in goes of 10 on each of the `days` days just before BOOM."""
    logs = []
    for back in range(1, days + 1):
        day = BOOM - timedelta(days=back)
        logs += [ActivityLog(name="Walking", amount=10, at=at(day, 9 + n)) for n in range(amount // 10)]
    return logs


@pytest.mark.parametrize(("today", "busy"), [(30, True), (29, False)])
def test_day_total_against_the_usual_day_boundary(today: int, busy: bool) -> None:
    # No plan. Usual day: 9 days of 20 min in the 28 before -> median 20. 30 = 1.5 x: busy;
    # 29 = 1.45 x: not.
    logs = usual_history(9) + [ActivityLog(name="Walking", amount=10, at=at(BOOM, 9 + n))
                               for n in range(3)]
    logs[-1] = ActivityLog(name="Walking", amount=10 - (30 - today), at=at(BOOM, 11))
    pain = with_pain(steady_pain(BOOM + timedelta(days=2)), at(BOOM + timedelta(days=1), 9), 7)
    found = detect_boom_bust(logs, baselines(), pain, [], PaceSettings())
    assert bool(found) is busy
    if busy:
        assert found[0].found[0].text() == (
            "Walking 30 min that day, 1.5 times your usual day of 20 min (the median of your "
            "daily totals on the 9 days you logged Walking in the 28 days before)")


@pytest.mark.parametrize(("days", "claim"), [(5, True), (4, False)])
def test_usual_day_needs_five_days_logged(days: int, claim: bool) -> None:
    # Five days of 20 min before: usual 20, and 40 is 2 x. Four days: too little history, no claim.
    logs = usual_history(days) + [ActivityLog(name="Walking", amount=10, at=at(BOOM, 9 + n))
                                  for n in range(4)]
    pain = with_pain(steady_pain(BOOM + timedelta(days=2)), at(BOOM, 22), 7)
    review = review_boom_bust(logs, baselines(), pain, [], PaceSettings(), start=BOOM, end=BOOM)
    assert bool(review.signals) is claim
    assert review.days_compared == (1 if claim else 0)


def test_usual_day_is_an_exact_median_over_28_days() -> None:
    # Totals 20, 20, 25, 30, 30, 35 (six days) -> median (25 + 30) / 2 = 27.5; a day 29 days back
    # (100 min) is outside the 28 and not counted. 42 / 27.5 = 1.527… >= 1.5: busy.
    amounts = [20, 20, 25, 30, 30, 35]
    logs = [ActivityLog(name="Walking", amount=a, at=at(BOOM - timedelta(days=i + 1), 9))
            for i, a in enumerate(amounts)]
    logs.append(ActivityLog(name="Walking", amount=100, at=at(BOOM - timedelta(days=29), 9)))
    logs += [ActivityLog(name="Walking", amount=a, at=at(BOOM, 9 + n)) for n, a in enumerate((10,
                                                                                             10, 10, 12))]
    pain = with_pain(steady_pain(BOOM + timedelta(days=2)), at(BOOM, 22), 7)
    [day] = detect_boom_bust(logs, [], pain, [], PaceSettings())  # no baseline: no go compared
    [busy] = day.found
    assert (busy.kind, busy.reference, busy.usual.days) == ("usual", Fraction(55, 2), 6)
    assert "your usual day of 27.5 min" in busy.text() and "about 1.5 times" in busy.text()
    assert median_of([3, 1, 2]) == 2 and median_of([4, 5]) == Fraction(9, 2)


# -- one window, on exact times ---------------------------------------------------------------
def test_window_counts_the_same_day_and_ends_48_hours_after_the_last_go() -> None:
    logs, pain = history(60)  # goes at 09:00 ... 14:00 on BOOM
    last = at(BOOM, 14)
    same_day = with_pain(pain, at(BOOM, 16), 7)
    edge = with_pain(pain, last + timedelta(hours=48), 7)
    past = with_pain(pain, last + timedelta(hours=48, minutes=1), 7)
    sixty_one = with_pain(pain, at(BOOM, 9) + timedelta(hours=61), 7)  # counted before the fix
    assert len(detect_boom_bust(logs, baselines(), same_day, [], DEFAULT)) == 1
    assert len(detect_boom_bust(logs, baselines(), edge, [], DEFAULT)) == 1
    assert detect_boom_bust(logs, baselines(), past, [], DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), sixty_one, [], DEFAULT) == []


def test_pain_before_the_activity_is_not_after_it() -> None:
    logs, pain = history(60)  # first go at 09:00
    before = with_pain(pain, at(BOOM, 8, 59), 9)  # a high score before the walk: part of "usual"
    at_start = with_pain(pain, at(BOOM, 9), 9)  # at the very moment of the first go: not after
    assert detect_boom_bust(logs, baselines(), before, [], DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), at_start, [], DEFAULT) == []


def test_window_is_elapsed_time_across_the_spring_clock_change() -> None:
    # UK clocks go forward at 01:00 GMT on Sun 29 Mar 2026. A go at Sat 28 Mar 10:00 GMT:
    # 48 hours later is Mon 30 Mar 11:00 BST (10:00 GMT) - not 10:00 BST, which is only 47 h.
    london = ZoneInfo("Europe/London")
    day = date(2026, 3, 28)
    walk, _ = set_baseline("Walking", "gentle", [20], datetime(2026, 3, 1, 8, tzinfo=london))
    logs = [ActivityLog(name="Walking", amount=30, at=datetime(2026, 3, 28, 10, tzinfo=london))]
    pain = [PainEntry(at=datetime(2026, 3, 20 + d, 20, tzinfo=london), score=3) for d in range(8)]
    inside = with_pain(pain, datetime(2026, 3, 30, 11, 0, tzinfo=london), 6)
    outside = with_pain(pain, datetime(2026, 3, 30, 11, 1, tzinfo=london), 6)
    assert [d.day for d in detect_boom_bust(logs, [walk], inside, [], PaceSettings())] == [day]
    assert detect_boom_bust(logs, [walk], outside, [], PaceSettings()) == []


@pytest.mark.parametrize(("score", "rise"), [(6, True), (5, False)])
def test_pain_rise_boundary(score: int, rise: bool) -> None:
    # Usual 4: 6 is +2 (a rise), 5 is +1 (not).
    logs, pain = history(60)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), score)
    assert bool(detect_boom_bust(logs, baselines(), pain, [], DEFAULT)) is rise


@pytest.mark.parametrize(("score", "rise"), [(7, True), (6, False)])
def test_pain_rise_over_a_half_point_median(score: int, rise: bool) -> None:
    # Scores before: 4, 5, 4, 5 -> median 4.5; a rise needs 6.5, so 7 is one and 6 is not.
    logs, _pain = history(60)
    pain = [PainEntry(at=at(BOOM - timedelta(days=d), 20), score=4 + d % 2) for d in range(1, 5)]
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), score)
    found = detect_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert bool(found) is rise
    if rise:
        assert found[0].pain_rise is not None and found[0].pain_rise.usual == Fraction(9, 2)
        assert "(your usual was 4.5: the median of your 4 scores" in found[0].text()


def test_flare_in_the_window_counts_on_its_own() -> None:
    logs, pain = history(60)  # last go at 14:00 on BOOM
    inside = [Flare(started=at(BOOM + timedelta(days=2), 14), peak=8)]  # exactly 48 h after
    late = [Flare(started=at(BOOM + timedelta(days=2), 14, 1), peak=8)]
    before = [Flare(started=at(BOOM, 7), peak=8)]  # began before the day's activity
    [day] = detect_boom_bust(logs, baselines(), pain, inside, DEFAULT)
    assert day.flare is not None and day.pain_rise is None
    assert "Then on Thu 22 Oct at 14:00 a flare-up started, peak 8/10." in day.text()
    assert detect_boom_bust(logs, baselines(), pain, late, DEFAULT) == []
    assert detect_boom_bust(logs, baselines(), pain, before, DEFAULT) == []


# -- too little data is said plainly ----------------------------------------------------------
def test_one_earlier_pain_score_is_too_few_to_tell() -> None:
    logs, _pain = history(60)
    pain = [PainEntry(at=at(BOOM - timedelta(days=1)), score=3),
            PainEntry(at=at(BOOM + timedelta(days=1)), score=9)]
    review = review_boom_bust(logs, baselines(), pain, [], DEFAULT, start=BOOM, end=BOOM)
    assert review.signals == [] and [d.outcome for d in review.busy_days] == [
        "too few pain scores to tell"]
    lines = boom_bust_lines(review)
    assert lines[0] == ("Too few pain scores to tell for 1 busy day (Tue 20 Oct): that needs 3 "
                        "scores in the 14 days before and one in the 48 hours after.")
    assert not any("No boom-and-bust pattern found" in line for line in lines)


def test_no_score_after_is_too_few_to_tell_but_a_flare_still_counts() -> None:
    logs, _pain = history(60)
    pain = steady_pain(BOOM - timedelta(days=1))  # plenty before, none after
    review = review_boom_bust(logs, baselines(), pain, [], DEFAULT, start=BOOM, end=BOOM)
    assert review.busy_days[0].too_few
    flare = [Flare(started=at(BOOM + timedelta(days=1), 9), peak=7)]
    assert len(detect_boom_bust(logs, baselines(), pain, flare, DEFAULT)) == 1


def test_busy_but_nothing_followed_is_said_as_such() -> None:
    logs, pain = history(60)
    review = review_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert review.signals == [] and len(review.not_followed) == 1
    assert boom_bust_lines(review)[0] == (
        "No boom-and-bust pattern found: 1 busy day (Tue 20 Oct), none followed by a pain rise "
        "or a flare-up within 48 hours.")


# -- a pattern needs two occasions ------------------------------------------------------------
def two_booms(second_gap: int) -> tuple[list, list]:
    """Busy days on BOOM and BOOM + `second_gap` days (60 min each, vs the usual plan's 30)."""
    second = BOOM + timedelta(days=second_gap)
    end = second + timedelta(days=3)
    logs = [log for log in steady_logs(end) if log.day not in (BOOM, second)]
    logs += boom_day(60) + [ActivityLog(name="Walking", amount=10, at=at(second, 9 + n))
                            for n in range(6)]
    return logs, steady_pain(end)


def test_one_occasion_is_not_called_a_pattern() -> None:
    logs, pain = history(60)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 7)
    lines = boom_bust_lines(review_boom_bust(logs, baselines(), pain, [], DEFAULT))
    assert lines[0].startswith("Once in this period, a busy day was followed by a harder time "
                               "within 48 hours - a single occasion, not a pattern.")
    assert not any("pattern to notice" in line.lower() for line in lines)


def test_two_occasions_make_a_pattern() -> None:
    logs, pain = two_booms(7)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 7)
    pain = with_pain(pain, at(BOOM + timedelta(days=8), 9), 7)
    review = review_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert review.occasions == 2
    assert boom_bust_lines(review)[0].startswith(
        "A pattern to notice: 2 times in this period, a busy day was followed by a harder time "
        "within 48 hours.")


def test_two_busy_days_before_one_flare_are_one_occasion() -> None:
    logs, pain = two_booms(1)  # Tue and Wed busy; one flare-up on Thursday
    flares = [Flare(started=at(BOOM + timedelta(days=2), 10), peak=8)]
    review = review_boom_bust(logs, baselines(), pain, flares, DEFAULT)
    assert len(review.signals) == 2 and review.occasions == 1
    assert "a single occasion, not a pattern" in boom_bust_lines(review)[0]


# -- the rest ---------------------------------------------------------------------------------
def test_unplanned_activity_without_baseline_or_history_is_ignored() -> None:
    logs, pain = history(30)
    logs.append(ActivityLog(name="Gardening", amount=200, at=at(BOOM, 14)))
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 8)
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT) == []


def test_period_limits() -> None:
    logs, pain = history(60)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 7)
    assert len(detect_boom_bust(logs, baselines(), pain, [], DEFAULT, start=BOOM)) == 1
    assert detect_boom_bust(logs, baselines(), pain, [], DEFAULT,
                            start=BOOM + timedelta(days=1)) == []


def test_minutes_and_counts_are_each_compared_with_their_own_plan() -> None:
    stairs, _ = set_baseline("Stairs", "gentle", [10], at(START, 8), unit="count")  # 5 at a time
    plan = PaceSettings(default_plan=(PlanItem(name="Walking", amount=30),
                                      PlanItem(name="Stairs", amount=10)))
    logs, pain = history(60)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 7)
    logs += [ActivityLog(name="Stairs", amount=5, unit="count", at=at(BOOM, 15 + n))
             for n in range(4)]  # 20 stairs in goes of 5: 2 x the plan's 10
    [day] = detect_boom_bust(logs, [*baselines(), stairs], pain, [], plan)
    assert [(b.name, b.kind, b.logged, b.reference) for b in day.found] == [
        ("Walking", "usual plan", 60, 30), ("Stairs", "usual plan", 20, 10)]
    assert "Stairs 20 times that day, 2 times the 10 times in your usual plan" in day.text()


def test_a_go_and_the_days_total_of_one_activity_are_said_together() -> None:
    # Usual plan 30; goes 10 + 35 = 45 (1.5 x the plan) and the 35-min go is 3.5 x the baseline
    # of 10 at a time: one clause for Walking, the day's total first.
    logs = [log for log in steady_logs(BOOM + timedelta(days=3)) if log.day != BOOM]
    logs += [ActivityLog(name="Walking", amount=10, at=at(BOOM, 9)),
             ActivityLog(name="Walking", amount=35, at=at(BOOM, 11))]
    pain = with_pain(steady_pain(BOOM + timedelta(days=3)), at(BOOM + timedelta(days=1), 9), 7)
    [day] = detect_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert [b.kind for b in day.found] == ["go", "usual plan"]
    assert day.text().startswith(
        "On Tue 20 Oct: Walking 45 min that day, 1.5 times the 30 min in your usual plan, with "
        "one go of 35 min, 3.5 times your baseline of 10 min at a time. Then on Wed 21 Oct")


def test_dates_carry_their_year_when_it_is_not_this_year() -> None:
    logs, pain = history(60)
    pain = with_pain(pain, at(BOOM + timedelta(days=1), 9), 7)
    [day] = detect_boom_bust(logs, baselines(), pain, [], DEFAULT)
    assert day.text(date(2027, 1, 5)).startswith("On Tue 20 Oct 2026: ")
    assert "Then on Wed 21 Oct 2026 at 09:00" in day.text(date(2027, 1, 5))
    assert day.text(date(2026, 12, 1)).startswith("On Tue 20 Oct: ")
