"""No lost typing in the nap form, the weekly review, sharing my card and pasting a card (issue 18,
item 1): with something typed, Esc asks "Keep writing / Leave"; after Leave the same form opens
with the words (and choices) back; saving forgets them.

Each form is opened with its keys, as a person would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Input, RadioSet, TextArea

from paceapp.core.goals import GoalDay, Review, new_plan
from paceapp.core.nap import Nap
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import LeaveQuestion
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.screens.goal_review import ReviewForm
from paceapp.tui.screens.group_import import ImportScreen
from paceapp.tui.screens.group_share import ShareCardScreen
from paceapp.tui.screens.nap_form import NapForm
from tests.tui.pilot_helpers import settle

MON = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-12-02T18:00")  # a Wednesday evening


def draft_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "drafts"
    return sorted(folder.iterdir()) if folder.exists() else []


@dataclass
class Case:
    keys: list[str]
    form: type[DraftForm[Any]]
    #: Type into the open form (the app, the pilot) and say what should come back.
    fill: Callable[[PaceApp, Any], Any]
    read: Callable[[PaceApp], Any]


async def fill_nap(app: PaceApp, pilot: Any) -> None:
    await pilot.press(*"13:10", "enter", *"14:20")


def read_nap(app: PaceApp) -> Any:
    return (app.screen.query_one("#started", Input).value,
            app.screen.query_one("#ended", Input).value)


async def fill_review(app: PaceApp, pilot: Any) -> None:
    await pilot.press("p")  # partly
    app.screen.query_one("#got_in_way", Input).focus()
    await pilot.press(*"visitors all week")


def read_review(app: PaceApp) -> Any:
    return (app.screen.query_one("#outcome", RadioSet).pressed_index,
            app.screen.query_one("#got_in_way", Input).value)


async def fill_share(app: PaceApp, pilot: Any) -> None:
    await pilot.press(*"Robin", "tab", "space")  # a name, and tick pain
    app.screen.query_one("#share-note", Input).focus()
    await pilot.press(*"splitting the walk helped")


def read_share(app: PaceApp) -> Any:
    return (app.screen.query_one("#share-name", Input).value,
            app.screen.query_one("#inc-pain", Checkbox).value,
            app.screen.query_one("#share-note", Input).value)


async def fill_import(app: PaceApp, pilot: Any) -> None:
    await pilot.press(*"Jo: here is my card")


def read_import(app: PaceApp) -> Any:
    return app.screen.query_one("#paste", TextArea).text


CASES = {
    "nap": Case(["n"], NapForm, fill_nap, read_nap),
    "review": Case(["4", "r", "y"], ReviewForm, fill_review, read_review),
    "share": Case(["6", "s"], ShareCardScreen, fill_share, read_share),
    "import": Case(["6", "i"], ImportScreen, fill_import, read_import),
}


def seed(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    plan = journal.add(new_plan("walk to the postbox", "10 minutes", "", 3, 8, MON))
    journal.add(GoalDay(plan_id=plan.id, date=MON, what=plan.what))


async def open_with(app: PaceApp, pilot: Any, case: Case) -> None:
    await pilot.press("1")
    await settle(app, pilot)
    for key in case.keys:
        await pilot.press(key)
        await settle(app, pilot)
    assert isinstance(app.screen, case.form), type(app.screen).__name__


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("kind", list(CASES))
def test_typing_is_asked_about_and_comes_back(kind: str, size: tuple[int, int],
                                              data_dir: Path) -> None:
    seed(data_dir)
    case = CASES[kind]
    typed: list[Any] = []

    async def first() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await open_with(app, pilot, case)
            blank = case.read(app)
            await case.fill(app, pilot)
            await settle(app, pilot)
            typed.append(case.read(app))
            assert typed[0] != blank
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, LeaveQuestion), "Esc in a filled form asks first"
            await pilot.press("escape")  # keep writing
            await settle(app, pilot)
            assert isinstance(app.screen, case.form) and case.read(app) == typed[0]
            await pilot.press("escape")
            await settle(app, pilot)
            await pilot.press("y")  # leave without saving
            await settle(app, pilot)
            assert not isinstance(app.screen, (case.form, LeaveQuestion))
            assert len(draft_files(data_dir)) == 1

    async def again() -> None:
        app = PaceApp(Journal.open(data_dir))  # also after paceapp was closed
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await open_with(app, pilot, case)
            assert case.read(app) == typed[0]
            assert app.screen.query("#draft-note"), "a line says the words are back"
    asyncio.run(first())
    asyncio.run(again())


async def test_saving_a_nap_forgets_its_draft(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await open_with(app, pilot, CASES["nap"])
        await fill_nap(app, pilot)
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert len(draft_files(data_dir)) == 1
        await open_with(app, pilot, CASES["nap"])
        assert read_nap(app) == ("13:10", "14:20")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, NapForm)
        assert draft_files(data_dir) == []
        await open_with(app, pilot, CASES["nap"])
        assert read_nap(app) == ("", "")
    assert len(Journal.open(data_dir).list(Nap)) == 1


async def test_saving_a_review_forgets_its_draft(data_dir: Path) -> None:
    seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await open_with(app, pilot, CASES["review"])
        await fill_review(app, pilot)
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert len(draft_files(data_dir)) == 1
        await open_with(app, pilot, CASES["review"])
        assert read_review(app) == (1, "visitors all week")
        await pilot.press("enter")  # in the box: saves
        await settle(app, pilot)
        assert not isinstance(app.screen, ReviewForm)
        assert draft_files(data_dir) == []
    [review] = Journal.open(data_dir).list(Review)
    assert review.outcome == "partly" and review.got_in_way == "visitors all week"


async def test_sharing_my_card_forgets_its_draft(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    out = tmp_path / "card.json"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await open_with(app, pilot, CASES["share"])
        await fill_share(app, pilot)
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert len(draft_files(data_dir)) == 1
        await open_with(app, pilot, CASES["share"])
        assert read_share(app) == ("Robin", True, "splitting the walk helped")
        app.screen.query_one("#share-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ShareCardScreen)
        assert draft_files(data_dir) == []
    assert out.exists() and "splitting the walk helped" in out.read_text("utf-8")
