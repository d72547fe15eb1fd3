"""Problems in view (issue 18, item 5): one Save shows every problem in a form (not one round at
a time), the box of the first is focused and on screen, and a problem put right goes at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.errors import NoWidget
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from paceapp.core.goals import ActionPlan
from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.activity_form import ActivityForm
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.screens.goal_form import GoalForm, LongerGoalForm, SmallerForm
from paceapp.tui.screens.pacing_forms import BaselineForm, PlanForm
from paceapp.tui.screens.pain_form import PainForm, PegForm
from paceapp.tui.screens.record_form import RecordForm
from tests.tui.pilot_helpers import settle
from tests.tui.test_no_lost_typing import a_pain_entry, concern_form


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


def problem_lines(app: PaceApp) -> list[str]:
    text = str(app.screen.query_one("#problem", Static).content)
    return [line for line in text.splitlines() if line.startswith("!")]


def in_view(widget: Widget) -> bool:
    """The whole widget is on the screen (not scrolled away, not below the last row)."""
    try:
        geometry = widget.screen.find_widget(widget)
    except NoWidget:
        return False
    region = geometry.region
    return bool(region.area) and region.intersection(geometry.clip) == region \
        and widget.screen.region.contains_region(region)


#: Forms, made blank, with the boxes that have a problem when Save is pressed at once.
EMPTY_FORMS: dict[str, tuple[Callable[[], DraftForm[Any]], list[str]]] = {
    "pain": (PainForm, ["score"]),
    "peg": (PegForm, ["pain", "enjoyment", "activity"]),
    "activity": (lambda: ActivityForm(units={"Walking": "min"}), ["name", "amount"]),
    "goal": (GoalForm, ["what", "days", "confidence"]),
    "longer-goal": (LongerGoalForm, ["what"]),
    "gp-concern": (concern_form, ["f-text"]),
    "baseline": (lambda: BaselineForm([]), ["name", "inputs"]),
    "day-plan": (lambda: PlanForm([], (), date(2026, 11, 21)), ["items"]),
}


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("kind", list(EMPTY_FORMS))
async def test_one_save_shows_every_problem_and_the_first_is_focused_in_view(
        kind: str, size: tuple[int, int], data_dir: Path) -> None:
    make, boxes = EMPTY_FORMS[kind]

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        form = make()
        app.push_screen(form)
        await settle(app, pilot)
        form.query(Input).last().focus()  # from the end of the form, as after Tab Tab Tab
        await pilot.pause()
        form.query_one("#save", Button).press()
        await settle(app, pilot)
        assert app.screen is form, "nothing is saved while there are problems"
        assert len(problem_lines(app)) == len(boxes), problem_lines(app)
        assert app.focused is not None and app.focused.id == boxes[0]
        assert in_view(app.focused)
        assert in_view(form.query_one("#problem")), "the messages are seen with it"


async def test_goal_form_problems_come_in_one_round_and_go_as_each_is_put_right(
        data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, GoalForm)
        form = app.screen
        await pilot.press("tab", "tab", "tab", "9", "enter")  # days 9; no what, no confidence
        await settle(app, pilot)
        lines = problem_lines(app)
        assert len(lines) == 3
        assert "'what' of the plan is empty" in lines[0]
        assert "1 to 7" in lines[1] and "0 to 10" in lines[2]
        assert app.focused is form.query_one("#what", Input)
        await pilot.press(*"stretches")  # the first is put right: its line goes at once
        await pilot.pause()
        lines = problem_lines(app)
        assert len(lines) == 2 and not any("'what'" in line for line in lines)
        form.query_one("#days", Input).focus()
        await pilot.press("backspace", "3")
        await pilot.pause()
        assert len(problem_lines(app)) == 1 and "0 to 10" in problem_lines(app)[0]
        form.query_one("#confidence", Input).focus()
        await pilot.press("1")  # still a problem? no: 1 is a fine confidence
        await pilot.pause()
        assert problem_lines(app) == []
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SmallerForm)  # confidence 1: make it smaller?
    assert [p.what for p in Journal.open(data_dir).list(ActionPlan)] == ["stretches"]


async def test_a_problem_put_right_goes_at_once(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("1", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        assert "from 0 to 10; 12 is outside" in problem_lines(app)[0]
        await pilot.press("backspace")  # 1: a fine score
        await pilot.pause()
        assert problem_lines(app) == []
        assert "-empty" in app.screen.query_one("#problem").classes
        await pilot.press("enter")
        await settle(app, pilot)
    assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [1]


async def test_a_problem_still_wrong_stays_with_what_is_wrong_now(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = GoalForm()
        app.push_screen(form)
        await settle(app, pilot)
        await pilot.press(*"stretches", "tab", "tab", "tab", "9", "tab", "5", "enter")
        await pilot.pause()
        assert len(problem_lines(app)) == 1 and "9 is outside" in problem_lines(app)[0]
        assert app.focused is form.query_one("#days", Input)
        await pilot.press("backspace")  # empty: still wrong, said as it is now
        await pilot.pause()
        assert problem_lines(app) == ["! Please give the days a week, from 1 to 7."]
        await pilot.press("8")
        await pilot.pause()
        assert "8 is outside" in problem_lines(app)[0]
        await pilot.press("backspace", "3")
        await pilot.pause()
        assert problem_lines(app) == []


async def test_a_problem_in_an_untouched_box_is_not_said_before_save(data_dir: Path) -> None:
    """Putting one box right does not start on the others: only Save says new problems."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = ActivityForm(units={"Walking": "min"})
        app.push_screen(form)
        await settle(app, pilot)
        form.query_one("#when", Input).value = "not a time"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(problem_lines(app)) == 3  # name, amount, when
        await pilot.press(*"Walking")
        await pilot.pause()
        assert len(problem_lines(app)) == 2
        form.query_one("#when", Input).value = ""
        await pilot.pause()
        assert len(problem_lines(app)) == 1 and "how much" in problem_lines(app)[0]


async def test_every_wrong_field_of_a_record_is_named_at_once(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = RecordForm(a_pain_entry())
        app.push_screen(form)
        await settle(app, pilot)
        form.query_one("#f-score", Input).value = "eleven"
        form.query_one("#f-at", Input).value = "the day after never"
        form.query_one("#f-note", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(problem_lines(app)) == 2, problem_lines(app)
        assert app.focused is form.query_one("#f-at", Input)  # the first box in the form
