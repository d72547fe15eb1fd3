"""The GP heading breaks only between its parts ("… with Dr Okafor ·" / "4 concerns ready"),
never inside one, at any width."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.gp import wrap_at_separators
from tests.tui.pilot_helpers import settle

PARTS = ["GP visit", "Tue 1 Dec 10:20 with Dr Okafor", "4 concerns ready"]


@pytest.mark.parametrize("room", range(10, 80))
def test_each_part_stays_whole_on_one_line(room: int) -> None:
    lines = wrap_at_separators(PARTS, room).splitlines()
    joined = " ".join(line.removesuffix(" ·") for line in lines)
    assert joined.replace(" · ", " ") == " ".join(PARTS)
    for part in PARTS:
        assert any(part in line for line in lines), (room, lines)
    if room >= len(" · ".join(PARTS)):
        assert len(lines) == 1


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 48)])
async def test_the_heading_on_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 28, date.today())

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        title = app.screen.query_one("#gp-title", Static)
        lines = [strip.text.rstrip() for strip in
                 title.render_lines(Region(0, 0, title.size.width, title.size.height))]
        text = "\n".join(lines)
        assert any(line.endswith("concerns ready") for line in lines), text
        assert any("with Dr Okafor" in line for line in lines), text
        for line in lines:  # a line ends at the end of a part, never inside one
            assert not line.endswith((" 4", "concerns", "with", "Dr")), text
