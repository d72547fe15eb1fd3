"""The demo's goals: a longer goal with several weeks of plans and reviews; this week partly done."""

from __future__ import annotations

from datetime import date

from paceapp.core.goal_progress import longer_progress
from paceapp.core.goals import (
    ActionPlan,
    GoalDay,
    LongerGoal,
    Review,
    active_plans,
    progress_this_week,
    series,
)
from paceapp.demo import build

TODAY = date(2026, 11, 21)


def goal_records(days: int, seed: int = 7) -> tuple[list[ActionPlan], list[GoalDay], list[Review],
                                                     list[LongerGoal]]:
    records = build(days, TODAY, seed).records
    return ([r for r in records if isinstance(r, ActionPlan)],
            [r for r in records if isinstance(r, GoalDay)],
            [r for r in records if isinstance(r, Review)],
            [r for r in records if isinstance(r, LongerGoal)])


def test_demo_longer_goal_has_weeks_of_plans_and_reviews() -> None:
    plans, days, reviews, longer = goal_records(84)
    for record in (*plans, *days, *reviews, *longer):
        record.validate()
    [goal] = longer
    progress = longer_progress(goal, plans, days, reviews, TODAY)
    assert len(progress.plans) == 6 and len([r for r in reviews
                                             if r.plan_id in {p.id for p in progress.plans}]) == 5
    assert set(progress.outcomes) == {"done", "partly", "not-this-time"}
    assert all(progress.outcomes.values())
    walk = [p for p in active_plans(plans) if p.goal_id == goal.id]
    assert len(walk) == 1
    assert [p.id for p in series(walk[0], plans)] == [p.id for p in progress.plans]
    # Each review points at the plan carried on from it.
    by_id = {p.id: p for p in plans}
    for review in reviews:
        assert by_id[review.next_plan_id].previous_id == review.plan_id
    # This week is partly done: some days, fewer than planned, none in the future.
    for plan in active_plans(plans):
        done, planned = progress_this_week(plan, days, TODAY)
        assert 0 < done < planned
    assert max(d.date for d in days) <= TODAY


def test_demo_goals_fit_short_histories_and_are_deterministic() -> None:
    for length in (1, 3, 9, 30):
        plans, days, reviews, longer = goal_records(length)
        first_day = date.fromordinal(TODAY.toordinal() - length + 1)
        assert len(longer) == 1 and len(active_plans(plans)) == 2
        assert all(first_day <= d.date <= TODAY for d in days)
        assert all(p.start >= first_day for p in plans)
    one = goal_records(84)
    two = goal_records(84)
    assert [(p.what, p.start) for p in one[0]] == [(p.what, p.start) for p in two[0]]
    assert [d.date for d in one[1]] == [d.date for d in two[1]]


def test_ten_years_makes_only_recent_goals() -> None:
    plans, days, _reviews, _longer = goal_records(3650)
    assert min(p.start for p in plans) >= date(2026, 10, 1)
    assert len(days) < 40
