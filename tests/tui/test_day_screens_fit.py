"""The day form and My activities are whole at 60x20, 80x24 and 160x48 on the demo data: nothing
cut at the side, and Save reachable (in view once it has the focus) - as the small-screens check
does for every other form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.day_activities import ActivitiesScreen
from paceapp.tui.screens.day_form import DayForm
from tests.tui.pilot_helpers import settle
from tests.tui.test_small_screens import bring_save_into_view, what_is_cut

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_day_screens_fit")



@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("day-fit") / "demo"
    write_demo(folder, 56, date.today())
    return folder


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 48)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_day_form_and_activities_are_whole(demo_folder: Path, size: tuple[int, int]) -> None:
    found: dict[str, tuple[list[str], str]] = {}

    app = PaceApp(Journal.open(demo_folder))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for key, screen_type in (("d", DayForm), ("l", ActivitiesScreen)):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, screen_type)
            found[key] = (what_is_cut(app), await bring_save_into_view(app, pilot))
            app.pop_screen()
            await settle(app, pilot)

    for key, (cut, save) in found.items():
        assert cut == [], (key, cut)
        assert save == "", (key, save)
