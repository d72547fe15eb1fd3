"""Goals in the app: add a plan at confidence 5, see the suggestion, make it smaller, mark days
done (Goals screen and Today's `g`), review the week (keep, change, skip), pause, history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from paceapp.core.goals import ActionPlan, GoalDay, Review, new_plan
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import ConfirmScreen
from paceapp.tui.screens.goal_form import GoalForm, SmallerForm
from paceapp.tui.screens.goal_pick import PlanPicker
from paceapp.tui.screens.goal_review import ReviewForm
from paceapp.tui.screens.goals import GoalsScreen
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)  # a Saturday; the week began Mon 16 Nov


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T10:00")


def text_of(app: PaceApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def table_rows(app: PaceApp) -> list[list[str]]:
    table = app.screen.query_one("#plans", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def seed(data_dir: Path, *plans: ActionPlan) -> None:
    journal = Journal.open(data_dir)
    for plan in plans:
        journal.add(plan)


def walk(confidence: int = 8, what: str = "walk to the postbox") -> ActionPlan:
    return new_plan(what, "10 minutes", "after lunch", 3, confidence, date(2026, 11, 16))


async def test_add_at_confidence_5_make_it_smaller_mark_and_review(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert "No action plans yet" in table_rows(app)[0][0]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        await pilot.press(*"walk to the shop", "tab", *"20 minutes", "tab", *"mornings",
                          "tab", "5", "tab", "5", "enter")
        await settle(app, pilot)
        # Saved as it is, then invited (never blocked) to make it smaller, in place.
        assert [p.confidence for p in Journal.open(data_dir).list(ActionPlan)] == [5]
        assert isinstance(app.screen, SmallerForm)
        suggestion = text_of(app, "#suggestion")
        assert "5 out of 10" in suggestion and "smaller or easier" in suggestion
        await pilot.click("#days-3")
        await pilot.click("#confidence-8")
        assert app.screen.query_one("#confidence", Input).value == "8"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        [plan] = Journal.open(data_dir).list(ActionPlan)
        assert (plan.days_per_week, plan.confidence, plan.how_much) == (3, 8, "20 minutes")

        await pilot.press("m")
        await settle(app, pilot)
        row = table_rows(app)[0]
        assert row[1] == "1 of 3 days ✓ today" and row[2] == "8/10"
        assert [d.date for d in Journal.open(data_dir).list(GoalDay)] == [TODAY]

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # Saturday: the week ends on Sunday
        await pilot.press("y")  # review now
        await pilot.pause()
        assert isinstance(app.screen, ReviewForm)
        assert "You marked 1 of 3 days this week." in text_of(app, "#review-count")
        await pilot.press("p", "tab", *"rain on Thursday", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        # This week's plan stays with its days until Sunday; next week's waits for Monday.
        rows = table_rows(app)
        assert rows[0][1:] == ["1 of 3 days ✓ today", "8/10", "reviewed"]
        assert "starts Mon 23 Nov" in rows[1][1]
    journal = Journal.open(data_dir)
    old, new = sorted(journal.list(ActionPlan), key=lambda p: p.start)
    [review] = journal.list(Review)
    assert (old.status, new.status, new.previous_id, new.start) == (
        "done", "active", old.id, date(2026, 11, 23))
    assert (review.outcome, review.got_in_way, review.next_step, review.week) == (
        "partly", "rain on Thursday", "keep", date(2026, 11, 16))


async def test_keep_it_as_it_is_and_bad_input(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"stretches", "tab", "tab", "tab", "9", "tab", "1", "1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        problem = text_of(app, "#problem")
        assert problem.startswith("!") and "1 to 7" in problem and "0 to 10" in problem
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # leave without saving
        await settle(app, pilot)
        assert Journal.open(data_dir).list(ActionPlan) == []
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+l")  # the words left above come back as a draft: clear it
        await pilot.pause()
        await pilot.press(*"stretches", "tab", "tab", "tab", "2", "tab", "4", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SmallerForm)
        await pilot.press("escape")  # keep it as it is
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
    assert [(p.what, p.confidence) for p in Journal.open(data_dir).list(ActionPlan)] == [
        ("stretches", 4)]


async def test_today_card_g_marks_the_only_plan_then_asks_which(data_dir: Path) -> None:
    seed(data_dir, walk())

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "walk to the postbox: 0 of 3 days this week" in text_of(app, "#goals-card-text")
        await pilot.press("g")
        await settle(app, pilot)
        assert "1 of 3 days this week ✓ done today" in text_of(app, "#goals-card-text")
        await pilot.press("g")  # again: a kind message, nothing stored
        await settle(app, pilot)
        Journal.open(data_dir).add(walk(what="gentle stretches"))
        app.refresh_data()
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PlanPicker)
        await pilot.press("2")
        await settle(app, pilot)
        assert "gentle stretches: 1 of 3 days this week ✓" in text_of(app, "#goals-card-text")
    days = Journal.open(data_dir).list(GoalDay)
    assert sorted(d.what for d in days) == ["gentle stretches", "walk to the postbox"]


async def test_review_change_skip_pause_and_history(data_dir: Path) -> None:
    seed(data_dir, walk(), walk(what="gentle stretches"), walk(what="sit in the garden"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")  # review now, before Sunday
        await pilot.pause()
        # 1 of 3: not this time, change it -> next week's plan form, prefilled.
        await pilot.press("n", "c")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#what", Input).value == "walk to the postbox"
        await pilot.click("#days-2")
        await pilot.press("enter")
        await settle(app, pilot)
        # 2 of 3: skipped. 3 of 3: done, pause it.
        assert isinstance(app.screen, ReviewForm)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewForm)
        await pilot.press("d", "z")
        await pilot.click("#save")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalsScreen)
        statuses = {row[0].split(",")[0]: (row[1], row[3]) for row in table_rows(app)}
        assert statuses["gentle stretches"] == ("0 of 3 days", "active")
        # Reviewed early and paused: its week's days still show until Sunday.
        assert statuses["sit in the garden"] == ("0 of 3 days", "reviewed")
        await pilot.press("h")
        await pilot.pause()
        assert "history" in text_of(app, "#goals-title")
        assert ["walk to the postbox, 10 minutes", "Mon 16 Nov: not this time", "8/10",
                "done"] in table_rows(app)
    plans = Journal.open(data_dir).list(ActionPlan)
    changed = [p for p in plans if p.previous_id is not None]
    assert [(p.what, p.days_per_week) for p in changed] == [("walk to the postbox", 2)]
    assert {r.next_step for r in Journal.open(data_dir).list(Review)} == {"change", "pause"}


async def test_pause_resume_and_finish_from_the_list(data_dir: Path) -> None:
    seed(data_dir, walk())

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("z")
        await settle(app, pilot)
        assert table_rows(app)[0][3] == "paused"
        await pilot.click("#goals-pause")  # the same by mouse
        await settle(app, pilot)
        assert table_rows(app)[0][3] == "active"
        await pilot.click("#goals-mark")
        await settle(app, pilot)
        assert table_rows(app)[0][1] == "1 of 3 days ✓ today"
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert "No action plans yet" in table_rows(app)[0][0]
    assert [p.status for p in Journal.open(data_dir).list(ActionPlan)] == ["done"]


async def test_week_start_can_be_set_and_changes_counting(data_dir: Path) -> None:
    plan = new_plan("walk to the postbox", "", "", 3, 8, date(2026, 11, 14))
    seed(data_dir, plan)
    Journal.open(data_dir).add(GoalDay(plan_id=plan.id, date=date(2026, 11, 15)))  # a Sunday

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert "week from Mon 16 Nov" in text_of(app, "#goals-title")
        assert table_rows(app)[0][1] == "0 of 3 days"
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("7")
        await settle(app, pilot)
        assert "week from Sun 15 Nov" in text_of(app, "#goals-title")
        assert table_rows(app)[0][1] == "1 of 3 days"
    from paceapp.store.settings import load_settings

    assert load_settings(Journal.open(data_dir)).week_starts == 6
