"""Every section within two keys of any other, at 80x24 and 160x48: nothing runs off the right
edge and the footer (with its keys) is always on screen.

A theme changes colours, not sizes, so these walks use the default theme; the readability walk
(tests/tui/test_theme_readability.py) runs the same layout check in every theme."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.navigation import sections
from paceapp.tui.screens.today import TodayScreen
from paceapp.tui.themes import THEMES
from tests.tui.pilot_helpers import check_layout, settle

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_navigation")



@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nav") / "demo"
    write_demo(folder, 84, date.today())
    return folder




WALKS = [((80, 24), "default"), ((160, 48), "default")]


@pytest.mark.parametrize(("size", "theme"), WALKS, ids=[f"{w}x{h}-{t}" for (w, h), t in WALKS])
async def test_each_section_from_today_in_one_key(demo_dir: Path, size: tuple[int, int], theme: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    app = PaceApp(Journal.open(demo_dir))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.theme = THEMES[theme]
        await settle(app, pilot)
        for section in sections():
            await pilot.press(section.key)
            await settle(app, pilot)
            assert app.current_mode == section.mode
            check_layout(app, *size, f"{section.title} at {size} in {theme}")
            await pilot.press("1")
            await settle(app, pilot)
            assert app.current_mode == "today"


async def test_every_section_reaches_every_other_in_one_key(demo_dir: Path) -> None:
    """Each section's keys include every section's number (app-level bindings), and a tour
    through all sections, each from the one before, lands where it should."""
    app = PaceApp(Journal.open(demo_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        all_sections = sections()
        tour = all_sections[1:] + all_sections[:1] + all_sections[::-1]
        for there in tour:
            keys = {key: active.binding.action for key, active in
                    app.screen.active_bindings.items()}
            for other in all_sections:
                assert keys.get(other.key) == f"section('{other.mode}')", (
                    app.current_mode, other.title)
            await pilot.press(there.key)
            await pilot.pause()
            assert app.current_mode == there.mode
        await settle(app, pilot)


async def test_bad_day_mode_fits_every_section_at_80_columns(demo_dir: Path) -> None:
    app = PaceApp(Journal.open(demo_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
        assert app.has_class("-bad-day")
        for section in sections():
            await pilot.press(section.key)
            await settle(app, pilot)
            check_layout(app, 80, 24, f"{section.title} in bad-day mode")
        await pilot.press("1", "b")  # back to normal for the next test's folder
        await settle(app, pilot)


async def test_today_you_come_back_to_is_the_one_the_app_opened_on(demo_dir: Path) -> None:
    """Today is the app's default screen (so the first frame comes sooner) and also the "today"
    mode: 1 goes back to that same screen, not a second one."""
    app = PaceApp(Journal.open(demo_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        opened_on = app.screen
        assert isinstance(opened_on, TodayScreen) and app.current_mode == "today"
        for key in ("2", "1", "8", "1"):
            await pilot.press(key)
            await settle(app, pilot)
        assert app.screen is opened_on


def test_today_has_no_style_sheet_of_its_own() -> None:
    """Textual does not load a default screen's own CSS (it does a mode's): Today's styles live
    in app.tcss."""
    assert not TodayScreen.CSS_PATH and not TodayScreen.CSS
