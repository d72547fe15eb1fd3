"""QA: a plan reviewed before its week is over can still have the rest of that week marked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paceapp.core.errors import ValidationError
from paceapp.core.goals import mark_day, new_plan, review_plan

MONDAY = date(2026, 11, 16)
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)


def reviewed_on_saturday():  # noqa: ANN201
    plan = new_plan("walk", "10 minutes", "after lunch", 3, 8, MONDAY)
    result = review_plan(plan, "partly", week=SATURDAY, today=SATURDAY)
    return result


def test_a_day_later_in_the_reviewed_week_can_be_marked() -> None:
    result = reviewed_on_saturday()
    assert result.plan.status == "done" and result.next_plan is not None
    assert result.next_plan.start == MONDAY + timedelta(days=7)
    day = mark_day(result.plan, SUNDAY, SUNDAY, [], [result.review])
    assert (day.plan_id, day.date) == (result.plan.id, SUNDAY)


def test_outside_the_reviewed_week_it_stays_finished() -> None:
    result = reviewed_on_saturday()
    later = SUNDAY + timedelta(days=1)
    with pytest.raises(ValidationError, match="This plan is finished"):
        mark_day(result.plan, later, later, [], [result.review])
    with pytest.raises(ValidationError, match="This plan is finished"):  # no review given
        mark_day(result.plan, SUNDAY, SUNDAY, [])


def test_a_plan_finished_without_a_review_is_not_markable() -> None:
    plan = new_plan("walk", "", "", 3, 8, MONDAY)
    from paceapp.core.goals import set_status

    finished = set_status(plan, "done")
    with pytest.raises(ValidationError, match="finished"):
        mark_day(finished, SATURDAY, SATURDAY, [], [])
