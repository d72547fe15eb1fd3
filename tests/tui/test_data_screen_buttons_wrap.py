"""The Data section's buttons are whole at every width: below 72 columns they take two rows
(on one row the last button was cut off at 60 columns)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.data import DataScreen
from tests.tui.pilot_helpers import settle


def data_buttons(folder: Path, size: tuple[int, int]) -> list[tuple[str, bool, int]]:
    """Each Data button's label, whether it is whole on the screen, and its row."""
    found: list[tuple[str, bool, int]] = []

    async def scenario() -> None:
        app = PaceApp(Journal.open(folder))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await pilot.press("8")
            await settle(app, pilot)
            assert isinstance(app.screen, DataScreen)
            screen_region = app.screen.region
            for button in app.screen.query(".buttons Button").results(Button):
                geometry = app.screen.find_widget(button)
                region, clip = geometry.region, geometry.clip
                whole = (region.x >= clip.x and region.right <= clip.right
                         and screen_region.contains_region(region)
                         and region.width >= cell_len(str(button.label)))
                found.append((str(button.label), whole, region.y))
    asyncio.run(scenario())
    return found


@pytest.mark.parametrize("size", [(60, 20), (66, 24), (71, 24), (72, 24), (80, 24), (160, 48)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_data_button_is_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 14, date.today())
    buttons = data_buttons(folder, size)
    assert [label for label, _whole, _row in buttons] == [
        "Check (k)", "Restore backup (r)", "Export JSON (j)", "Export CSV (v)"]
    assert [label for label, whole, _row in buttons if not whole] == []
    rows = {row for _label, _whole, row in buttons}
    assert len(rows) == (2 if size[0] < 72 else 1)
