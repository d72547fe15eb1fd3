"""The Diary's buttons are made from its keys and take no more room than before: one row at 80
columns (so its lists keep every row), two rows of four at 60, each label whole, and each says
the words its key says in the footer and Help."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button

from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.diary import DiaryScreen
from paceapp.tui.widgets import bindings_of, button_label
from tests.tui.pilot_helpers import settle

DIARY_KEYS = ("diary-sleep", "diary-nap", "diary-flare", "diary-plan", "diary-day",
              "diary-edit", "diary-delete")


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 1), ((100, 30), 1), ((60, 20), 2)])
async def test_the_buttons_fit_their_rows_whole(data_dir: Path, size: tuple[int, int],
                                                rows: int) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        buttons = list(app.screen.query("#diary-buttons Button").results(Button))
        assert len(buttons) == 8
        assert len({button.region.y for button in buttons}) == rows
        assert app.screen.query_one("#diary-buttons").region.height == rows
        for button in buttons:
            assert button.region.right <= size[0], (str(button.label), button.region)
            assert button.region.width >= len(str(button.label)), str(button.label)


def test_each_button_says_its_keys_words() -> None:
    labels = [button_label(binding) for binding in bindings_of(DiaryScreen, *DIARY_KEYS)]
    assert labels == ["Night (s)", "Nap (n)", "Flare-up (f)", "Plan (p)", "Day (d)",
                      "Change (e)", "Delete (x)"]


async def test_pressing_a_button_does_what_its_key_does(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.click("#b-nap")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "NapForm"
