"""A peer's card or plan carries the UTC offset of the computer that made it. The day it was
shared ("shared today", "Shared Sat 21 Nov") is read on THIS computer's clock: a card made on a
computer set to UTC just after midnight British Summer Time was shared "today" here, not
yesterday. The tests run in Europe/London (tests/conftest.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from paceapp.core.sharing import GoalCard, SharedGoal, shared_ago
from paceapp.core.timeparse import local_day


def card_at(moment: datetime) -> GoalCard:
    return GoalCard(member_id="a1b2c3d4e5f60718", display_name="Robin", shared_at=moment,
                    week_start=date(2026, 6, 29),
                    goals=(SharedGoal(what="Walk", how_much="", when="", days_per_week=5,
                                      confidence=8, done_this_week=3, target_this_week=5),))


@pytest.mark.parametrize(("moment", "day_here"), [
    # summer: 23:30 UTC is 00:30 BST the next day
    (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), date(2026, 7, 2)),
    # the same moment from a computer in New York (19:30 EDT on the 1st)
    (datetime(2026, 7, 1, 19, 30, tzinfo=timezone(timedelta(hours=-4))), date(2026, 7, 2)),
    # winter: UTC is the clock here
    (datetime(2026, 12, 1, 23, 30, tzinfo=UTC), date(2026, 12, 1)),
    # the night the clocks go back: 00:30 UTC is 01:30 BST, still the 25th
    (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), date(2026, 10, 25)),
    # a computer ahead of here (Sydney, +11): its 08:00 on the 2nd is 21:00 on the 1st here
    (datetime(2026, 12, 2, 8, 0, tzinfo=timezone(timedelta(hours=11))), date(2026, 12, 1)),
])
def test_the_day_shared_is_the_day_on_this_clock(moment: datetime, day_here: date) -> None:
    assert local_day(moment) == day_here
    assert card_at(moment).shared_on == day_here
    assert shared_ago(card_at(moment).shared_on, day_here) == "shared today"
    assert shared_ago(card_at(moment).shared_on, day_here + timedelta(days=1)) == \
        "shared yesterday"
