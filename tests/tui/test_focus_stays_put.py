"""Focus stays put (issue 18, item 2): after any dialog closes, the focus is where it was - the
same list, on the same row (the same record after the list is loaded again, or the same place
when that record has gone) - and the arrow keys move in the list at once, also after a dialog
opened with a click on a key button. The focused element shows without colour."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, DataTable

from paceapp.core.flare import Flare
from paceapp.core.gp import Appointment, GpItem
from paceapp.core.pain import new_pain
from paceapp.core.sleep import Quality, SleepNight, new_sleep
from paceapp.core.timeparse import local_now
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import ConfirmScreen
from paceapp.tui.screens.diary import DiaryScreen
from paceapp.tui.screens.gp_forms import GpForm
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


def row_key(table: DataTable[Any]) -> str | None:
    return table.ordered_rows[table.cursor_row].key.value


def seed_gp(data_dir: Path) -> None:
    Journal.open(data_dir).add(Appointment(
        visit_date=TODAY + timedelta(days=5),
        concerns=(GpItem(text="Knee"), GpItem(text="Sleep"), GpItem(text="Mood"))))


def seed_diary(data_dir: Path) -> list[SleepNight]:
    journal = Journal.open(data_dir)
    nights = []
    for back in range(1, 7):
        night = new_sleep(TODAY - timedelta(days=back), TODAY, bed=time(22, 30),
                          tried=time(22, 45), latency=20, awakenings=1, waso=10,
                          woke=time(6, 10), up=time(6, 30), quality=Quality.FAIR)
        nights.append(journal.add(night))
    for back in (20, 10):
        start = local_now() - timedelta(days=back)
        journal.add(Flare(started=start, ended=start + timedelta(hours=30), peak=7))
    return nights


async def open_section(app: PaceApp, pilot: Any, key: str) -> Any:
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_gp_add_then_the_arrows_move_in_the_list(data_dir: Path, size: tuple[int, int]) -> None:
    """GP -> a -> type -> Enter -> down moves the cursor in the concerns."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        screen = await open_section(app, pilot, "5")
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, GpForm)
        await pilot.press(*"Knee", "enter")
        await settle(app, pilot)
        assert app.screen is screen
        table = screen.query_one("#gp-items", DataTable)
        assert app.focused is table
        before = table.cursor_row
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == before + 1
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_row == before


async def test_after_a_dialog_opened_by_clicking_a_key_button_the_arrows_move_in_the_list(
        data_dir: Path) -> None:
    """A click (or Tab) leaves the focus on a key button; after the dialog it is the list's."""
    seed_gp(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(app, pilot, "5")
        table = screen.query_one("#gp-items", DataTable)
        await pilot.press("down")  # concern 2
        await pilot.pause()
        assert row_key(table) == "concern:2"
        await pilot.click("#gp-add-question")
        await settle(app, pilot)
        assert isinstance(app.screen, GpForm)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert app.focused is table and row_key(table) == "concern:2"
        await pilot.press("down")
        await pilot.pause()
        assert row_key(table) == "concern:3"


async def test_an_arrow_key_on_a_button_moves_in_the_list(data_dir: Path) -> None:
    seed_gp(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(app, pilot, "5")
        table = screen.query_one("#gp-items", DataTable)
        assert row_key(table) == "concern:1"
        screen.query_one("#gp-preview", Button).focus()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is table and row_key(table) == "concern:2"


async def test_diary_rows_stay_put_after_dialogs(data_dir: Path) -> None:
    nights = seed_diary(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(app, pilot, "2")
        assert isinstance(screen, DiaryScreen)
        table = screen.query_one("#nights", DataTable)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        chosen = row_key(table)
        await pilot.press("e")  # change the night: a form
        await settle(app, pilot)
        assert app.screen is not screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.focused is table and table.cursor_row == 3 and row_key(table) == chosen

        await pilot.press("x")  # delete: the question, answered No
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.focused is table and row_key(table) == chosen

        await pilot.press("x", "y")  # deleted: the list is loaded again
        await settle(app, pilot)
        assert app.focused is table
        assert table.cursor_row == 3, "the same place when the record has gone"
        assert row_key(table) != chosen

        # The flare-ups list: Tab there, the second row, a dialog, back on that row.
        await pilot.press("tab")
        await pilot.pause()
        flares = screen.query_one("#flares", DataTable)
        assert app.focused is flares
        await pilot.press("down")
        await pilot.pause()
        flare = row_key(flares)
        await pilot.press("e")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.focused is flares and row_key(flares) == flare

        # A new flare-up goes to the top (newest first): the cursor stays on its record.
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # started now
        await settle(app, pilot)
        await pilot.press("escape")  # the flare-up plan
        await settle(app, pilot)
        assert app.focused is flares and row_key(flares) == flare
        assert flares.cursor_row == 2
    assert len(Journal.open(data_dir).list(SleepNight)) == len(nights) - 1


async def test_today_entry_row_stays_put_after_a_change(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = local_now()
    for hours, score in ((3, 2), (2, 4), (1, 6)):
        journal.add(new_pain(score, now - timedelta(hours=hours), now))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#entries", DataTable)
        table.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        chosen = row_key(table)
        await pilot.press("e")
        await settle(app, pilot)
        await pilot.press("backspace", "9", "enter")  # change the score: saved, reloaded
        await settle(app, pilot)
        assert app.focused is table and row_key(table) == chosen
        assert "9/10" in str(table.get_row(chosen)[2])


async def test_focus_shows_without_colour(data_dir: Path) -> None:
    """In the monochrome theme the chosen row of the focused list, and a focused button, are
    set apart by type style (bold, reverse or underline), not by colour."""
    seed_gp(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(app, pilot, "5")
        app.theme = "paceapp-monochrome"
        await settle(app, pilot)
        table = screen.query_one("#gp-items", DataTable)
        table.focus()
        await pilot.pause()
        cursor = table.get_component_rich_style("datatable--cursor")
        assert cursor.bold or cursor.reverse or cursor.underline
        button = screen.query_one("#gp-change", Button)
        button.focus()
        await pilot.pause()
        assert button.rich_style.reverse or button.rich_style.underline
