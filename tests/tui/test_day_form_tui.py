"""What I could do today in the app (issue 20 item 1): a bad day in three keys from Today (d, 3,
Ctrl+S), a fuller day by keyboard with words, today's record changed with d, the list of
activities chosen with l, Esc asking first, and the form readable at 60 x 20 and 80 x 24. The
clock is fixed at Sat 21 Nov 2026 16:00 (GMT)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, SelectionList, Static

from paceapp.core.day import (
    EVERYDAY_ACTIVITIES,
    DayActivities,
    DayRecord,
    Difficulty,
    HardActivity,
    Rating,
    new_activities,
    new_day,
)
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import LeaveQuestion
from paceapp.tui.screens.day_activities import ActivitiesScreen
from paceapp.tui.screens.day_form import DayForm
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00")


def run(coro) -> None:  # noqa: ANN001
    asyncio.run(coro)


def card_text(app: PaceApp) -> str:
    return str(app.screen.query_one("#day-text", Static).content)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_a_bad_day_in_three_keys_from_today(data_dir: Path, size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            assert "not logged yet" in card_text(app)
            await pilot.press("d")
            await settle(app, pilot)
            assert isinstance(app.screen, DayForm)
            await pilot.press("3", "ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, DayForm)
            assert "A bad day" in card_text(app)

    run(scenario())
    [day] = Journal.open(data_dir).list(DayRecord)
    assert day.date == TODAY and day.rating is Rating.BAD and day.hard == ()


def test_a_day_with_hard_activities_and_words_by_keyboard(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, DayForm)
            await pilot.press("2")
            dressing = EVERYDAY_ACTIVITIES.index("Dressing")
            # Tab from the ratings to the activity's choice, open it, move to 'Needed help'
            form.query_one(f"#how-{dressing}", Select).focus()
            await pilot.pause()
            await pilot.press("enter", "down", "down", "enter")
            await pilot.pause()
            assert form.query_one(f"#how-{dressing}", Select).value == Difficulty.HELP.value
            words = form.query_one(f"#words-{dressing}", Input)
            assert words.display
            words.focus()
            await pilot.press(*"buttons 3")  # a digit in a box is typed, not a rating
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, DayForm)

    run(scenario())
    [day] = Journal.open(data_dir).list(DayRecord)
    assert day.rating is Rating.SO_SO
    assert day.hard == (HardActivity(activity="Dressing", how=Difficulty.HELP,
                                     words="buttons 3"),)


def test_d_changes_todays_record_and_keeps_its_words(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    stored = journal.add(new_day(TODAY, TODAY, rating=Rating.BAD, hard=[
        HardActivity(activity="Gardening", how=Difficulty.COULD_NOT, words="my own words")]))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert "Gardening (could not)" in card_text(app)
            await pilot.press("d")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, DayForm)
            # an activity not in the list is still shown, with its words
            index = form.activities.index("Gardening")
            assert form.query_one(f"#words-{index}", Input).value == "my own words"
            await pilot.press("1", "ctrl+s")
            await settle(app, pilot)
            assert "A good day" in card_text(app)

    run(scenario())
    [day] = Journal.open(data_dir).list(DayRecord)
    assert day.id == stored.id and day.rating is Rating.GOOD
    assert day.hard[0].words == "my own words"


def test_a_second_record_for_a_date_is_refused_in_the_form(data_dir: Path) -> None:
    Journal.open(data_dir).add(new_day(date(2026, 11, 20), TODAY, rating=Rating.GOOD))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, DayForm)
            form.query_one("#day", Input).value = "yesterday"
            await pilot.press("3", "ctrl+s")
            await settle(app, pilot)
            assert app.screen is form
            assert "already has a day record" in str(form.query_one("#problem", Static).content)

    run(scenario())
    assert len(Journal.open(data_dir).list(DayRecord)) == 1


def test_esc_asks_first_and_the_draft_comes_back(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            form = app.screen
            form.query_one("#note", Input).focus()
            await pilot.press(*"rough")
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, LeaveQuestion)
            await pilot.press("y")  # leave; the words are kept as a draft
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            assert isinstance(app.screen, DayForm)
            assert app.screen.query_one("#note", Input).value == "rough"

    run(scenario())
    assert Journal.open(data_dir).list(DayRecord) == []


def test_choose_the_activities_then_the_form_asks_about_them(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("l")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ActivitiesScreen)
            await pilot.press("space")  # untick the first (Preparing food)
            await pilot.pause()
            found = screen.query_one(SelectionList)
            assert str(found.get_option_at_index(0).prompt) == "Preparing food - left out"
            assert str(found.get_option_at_index(1).prompt) == "Eating and drinking - asked about"
            screen.query_one("#add", Input).focus()
            await pilot.press(*"Walking the dog", "enter")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, ActivitiesScreen)
            await pilot.press("d")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, DayForm)
            assert "Preparing food" not in form.activities
            assert form.activities[-1] == "Walking the dog"

    run(scenario())
    chosen = Journal.open(data_dir).get_single(DayActivities)
    assert chosen is not None
    assert chosen.activities == (*EVERYDAY_ACTIVITIES[1:], "Walking the dog")


def test_untrusted_activity_names_are_shown_as_plain_text(data_dir: Path) -> None:
    Journal.open(data_dir).put_single(new_activities(["[bold]Dressing[/bold]", "[link=x]y"]))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            labels = [str(label.content) for label in app.screen.query(".activity > Label")]
            assert labels == ["[bold]Dressing[/bold]", "[link=x]y"]
            await pilot.press("escape")
            await settle(app, pilot)
            await pilot.press("l")
            await settle(app, pilot)
            assert isinstance(app.screen, ActivitiesScreen)
            found = app.screen.query_one(SelectionList)
            prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
            assert "[bold]Dressing[/bold] - asked about" in prompts
            assert "Dressing - left out" in prompts

    run(scenario())


def test_e_on_todays_list_changes_the_day_record_with_the_day_form(data_dir: Path) -> None:
    Journal.open(data_dir).add(new_day(TODAY, TODAY, rating=Rating.SO_SO))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            table = app.screen.query_one("#entries", DataTable)
            table.focus()
            await pilot.pause()
            await pilot.press("e")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, DayForm) and form.record is not None
            form.query_one("#how-0", Select).value = Difficulty.COULD_NOT.value
            await pilot.press("3", "ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, DayForm)

    run(scenario())
    [day] = Journal.open(data_dir).list(DayRecord)
    assert day.rating is Rating.BAD
    assert day.hard == (HardActivity(activity=EVERYDAY_ACTIVITIES[0], how=Difficulty.COULD_NOT),)


@pytest.mark.parametrize("typed", ["31/02", "tomorrow", "someday"])
def test_a_wrong_day_is_named_and_nothing_is_stored(data_dir: Path, typed: str) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            await pilot.press("3")
            app.screen.query_one("#day", Input).value = typed
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, DayForm), "the form stays open with the problem"
            shown = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert typed in shown or "future" in shown or "to come" in shown, shown

    run(scenario())
    assert Journal.open(data_dir).list(DayRecord) == []
