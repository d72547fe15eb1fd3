"""A weekly review before the week ends, in the app (issue 18 item 4): it asks "Review now, or
on Sun 6 Dec?"; choosing the later day changes nothing; reviewing now keeps this week's plan and
its days on screen, `m` still marks today (also with next week's plan chosen), and one Ctrl+Z
reverses the whole review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from paceapp.core.goals import ActionPlan, GoalDay, Review, new_plan
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import ConfirmScreen
from paceapp.tui.screens.goal_review import ReviewForm
from paceapp.tui.screens.goals import GoalsScreen
from tests.conftest import folder_bytes
from tests.tui.pilot_helpers import settle

MON, WED = date(2026, 11, 30), date(2026, 12, 2)  # the week runs Mon 30 Nov - Sun 6 Dec


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-12-02T10:00")


def table_rows(app: PaceApp) -> list[list[str]]:
    table = app.screen.query_one("#plans", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def seed(data_dir: Path) -> ActionPlan:
    journal = Journal.open(data_dir)
    plan = journal.add(new_plan("walk to the postbox", "10 minutes", "", 3, 8, MON))
    journal.add(GoalDay(plan_id=plan.id, date=MON, what=plan.what))
    return plan


async def open_review(app: PaceApp, pilot) -> str:
    await settle(app, pilot)
    await pilot.press("4")
    await settle(app, pilot)
    assert isinstance(app.screen, GoalsScreen)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#question", Static).content)


async def test_review_on_sunday_changes_nothing(data_dir: Path) -> None:
    seed(data_dir)
    before = folder_bytes(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        question = await open_review(app, pilot)
        assert question.startswith("Review now, or on Sun 6 Dec?")
        await pilot.press("n")  # on Sun 6 Dec
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert table_rows(app)[0][1:] == ["1 of 3 days", "8/10", "active"]
    assert folder_bytes(data_dir) == before


async def test_review_now_keeps_this_weeks_progress_and_m_marks_today(data_dir: Path) -> None:
    plan = seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot)
        await pilot.press("y")  # review now
        await pilot.pause()
        assert isinstance(app.screen, ReviewForm)
        await pilot.press("p", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        rows = table_rows(app)
        assert rows[0][1:] == ["1 of 3 days", "8/10", "reviewed"]
        assert rows[1][1] == "starts Mon 7 Dec"
        await pilot.press("down")  # next week's plan chosen: today is still this week's
        await pilot.press("m")
        await settle(app, pilot)
        assert table_rows(app)[0][1] == "2 of 3 days ✓ today"
        await pilot.press("r")  # nothing left to review this week
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    journal = Journal.open(data_dir)
    assert sorted((d.plan_id, d.date) for d in journal.list(GoalDay)) == [
        (plan.id, MON), (plan.id, WED)]
    [review] = journal.list(Review)
    assert review.week == MON and review.outcome == "partly"


async def test_one_ctrl_z_reverses_the_review(data_dir: Path) -> None:
    plan = seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("d", "enter")
        await settle(app, pilot)
        assert len(table_rows(app)) == 2
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert table_rows(app)[0][1:] == ["1 of 3 days", "8/10", "active"]
    journal = Journal.open(data_dir)
    assert journal.list(Review) == []
    assert [(p.id, p.status) for p in journal.list(ActionPlan)] == [(plan.id, "active")]
