"""Reviews on the person's rhythm (issue 18 item 4), worked by hand for weeks that start on a
chosen day: when a review is early, which plans belong to a day, and that an early review never
hides or ends the week's progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from paceapp.core.errors import ValidationError
from paceapp.core.goals import (
    GoalDay,
    mark_day,
    new_plan,
    plan_on_day,
    plans_this_week,
    progress_this_week,
    review_is_early,
    review_plan,
    reviewed_week_holds,
    week_end,
)

WED = date(2026, 12, 2)


# Hand-worked: Wed 2 Dec 2026; for each first day of the week, the last day of that week.
@pytest.mark.parametrize(("week_starts", "last"), [
    (0, date(2026, 12, 6)),   # Monday 30 Nov - Sunday 6 Dec
    (1, date(2026, 12, 7)),   # Tuesday 1 Dec - Monday 7 Dec
    (2, date(2026, 12, 8)),   # Wednesday 2 Dec - Tuesday 8 Dec: today is the first day
    (3, date(2026, 12, 2)),   # Thursday 26 Nov - Wednesday 2 Dec: today is the last day
    (4, date(2026, 12, 3)),   # Friday 27 Nov - Thursday 3 Dec
    (6, date(2026, 12, 5)),   # Sunday 29 Nov - Saturday 5 Dec
])
def test_week_end_hand_worked(week_starts: int, last: date) -> None:
    assert week_end(WED, week_starts) == last
    assert review_is_early(WED, WED, week_starts) is (WED != last)


def test_early_means_this_week_before_its_last_day_for_every_start_day() -> None:
    for week_starts in range(7):
        for offset in range(21):
            today = date(2026, 11, 23) + timedelta(days=offset)
            last = week_end(today, week_starts)
            assert last.weekday() == (week_starts + 6) % 7 and 0 <= (last - today).days <= 6
            assert review_is_early(today, today, week_starts) is (today != last)
            # A week that is over is never early, whichever day of it is given.
            assert not review_is_early(today - timedelta(days=7), today, week_starts)


@pytest.mark.parametrize("week_starts", range(7))
def test_an_early_review_keeps_the_week_and_next_plan_starts_when_it_ends(week_starts: int
                                                                          ) -> None:
    start = week_end(WED, week_starts) - timedelta(days=6)  # the first day of this week
    plan = new_plan("walk", "", "", 3, 8, start)
    days = [GoalDay(plan_id=plan.id, date=start)]
    result = review_plan(plan, "partly", week=WED, today=WED, week_starts=week_starts,
                         reviews=[])
    assert result.next_plan is not None
    assert result.next_plan.start == week_end(WED, week_starts) + timedelta(days=1)
    plans, reviews = [result.plan, result.next_plan], [result.review]
    # This week: the reviewed plan is still the week's plan, with its days; today can be marked.
    assert plans_this_week(plans, reviews, WED) == [result.plan]
    assert progress_this_week(result.plan, days, WED, week_starts) == (1, 3)
    if WED != start:
        marked = mark_day(result.plan, WED, WED, days, reviews)
        assert marked.plan_id == plan.id
    assert plan_on_day(result.next_plan, WED, plans, reviews) == result.plan
    # Once the week has ended, the reviewed plan has too: the next one takes over.
    after = result.next_plan.start
    assert plans_this_week(plans, reviews, after) == [result.next_plan]
    assert plan_on_day(result.next_plan, after, plans, reviews) == result.next_plan
    with pytest.raises(ValidationError, match="finished"):
        mark_day(result.plan, after, after, days, reviews)


def test_a_review_that_pauses_still_lets_the_week_be_marked() -> None:
    plan = new_plan("stretches", "", "", 2, 9, date(2026, 11, 30))
    result = review_plan(plan, "done", week=WED, today=WED, next_step="pause", reviews=[])
    assert result.plan.status == "paused" and result.next_plan is None
    assert reviewed_week_holds(result.plan, WED, [result.review])
    assert mark_day(result.plan, WED, WED, [], [result.review]).plan_id == plan.id
    assert not reviewed_week_holds(result.plan, date(2026, 12, 7), [result.review])
    with pytest.raises(ValidationError, match="paused"):
        mark_day(result.plan, date(2026, 12, 7), date(2026, 12, 7), [], [result.review])


def test_a_plan_finished_for_good_after_its_review_is_not_held() -> None:
    plan = new_plan("stretches", "", "", 2, 9, date(2026, 11, 30))
    result = review_plan(plan, "done", week=WED, today=WED, next_step="pause", reviews=[])
    finished = replace(result.plan, status="done")  # paused by the review, then finished
    assert not reviewed_week_holds(finished, WED, [result.review])
    assert plans_this_week([finished], [result.review], WED) == []
