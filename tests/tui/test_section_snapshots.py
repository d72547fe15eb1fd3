"""SVG snapshots of every section at 80x24 in each of the themes `c` steps through, on the demo
data with the clock fixed (PACEAPP_NOW), so a change to any screen's look is seen in review.

One app per theme visits each section with its key, as a person would, and each section's
screenshot is compared with its stored SVG (tests/tui/__snapshots__/test_section_snapshots/).
Update after an intended change with:
    pytest tests/tui/test_section_snapshots.py -p no:xdist --snapshot-update
"""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from syrupy.assertion import SnapshotAssertion
from textual.widgets import Input, TextArea

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.navigation import sections
from paceapp.tui.themes import THEMES
from tests.tui.pilot_helpers import settle

#: Its module-wide fixture runs one app per theme: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_section_snapshots")

FIXED_NOW = "2026-11-21T10:30:00"
DEMO_DAY = date(2026, 11, 21)
SIZE = (80, 24)
SECTIONS = [section.mode for section in sections()]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("section-snapshots") / "demo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PACEAPP_NOW", FIXED_NOW)  # the story ends at the clock the app shows
        write_demo(folder, 84, DEMO_DAY)
    # The daily backup is named by the computer's real date (not PACEAPP_NOW); Data lists it,
    # so give it the demo's date to read the same on every day the tests run.
    (backup,) = (path for path in (folder / "backups").iterdir() if path.is_dir())
    backup.rename(backup.with_name(DEMO_DAY.isoformat()))
    return folder


async def settled(app: PaceApp, pilot: object) -> None:
    """Settle, then wait for a screen that shows its data later (Today) to show it."""
    await settle(app, pilot)
    for _ in range(200):
        if getattr(app.screen, "data_shown", True) and not app.workers:
            break
        await settle(app, pilot)


def still_cursor(app: PaceApp) -> None:
    """A steady cursor (no blink timer), so a screenshot does not depend on when it is taken."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


async def steady_screenshot(app: PaceApp, pilot: object) -> str:
    """The screen once it has stopped changing: a load's result is shown by a message that can
    land a frame after its worker ends, so settle until two screenshots in a row agree."""
    shot = app.export_screenshot()
    for _ in range(20):
        await settle(app, pilot)
        again = app.export_screenshot()
        if again == shot:
            break
        shot = again
    return shot


async def visit_sections(folder: Path, theme: str) -> dict[str, str]:
    """Each section's screenshot, in `theme`, from one app visiting them in key order."""
    app = PaceApp(Journal.open(folder))
    # As if stored in the settings: the first frame is in this theme, and nothing is saved.
    app.settings = dataclasses.replace(app.settings, theme=theme)
    shots: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        for section in sections():
            await pilot.press(section.key)
            await settled(app, pilot)
            assert app.current_mode == section.mode, f"key {section.key} did not open {section.title}"
            still_cursor(app)
            shots[section.mode] = await steady_screenshot(app, pilot)
    return shots


@pytest.fixture(scope="module")
def screenshots(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Callable[[str], dict[str, str]]:
    """theme -> {section: SVG}; each theme's app runs once, when its first test asks."""
    taken: dict[str, dict[str, str]] = {}

    def for_theme(theme: str) -> dict[str, str]:
        if theme not in taken:
            place = tmp_path_factory.mktemp(f"snap-{theme}")
            shutil.copytree(demo_dir, place / "demo")  # each app its own copy of the data
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("PACEAPP_NOW", FIXED_NOW)
                # Data says where the data is: a relative folder reads the same on every run.
                patch.chdir(place)
                taken[theme] = asyncio.run(visit_sections(Path("demo"), theme))
        return taken[theme]

    return for_theme


def test_every_theme_and_section_is_covered() -> None:
    assert len(THEMES) == 5 and len(SECTIONS) == 8


@pytest.mark.parametrize(("theme", "section"), [
    pytest.param(theme, section, id=f"{SIZE[0]}x{SIZE[1]}-{theme}-{section}")
    for theme in THEMES for section in SECTIONS])
def test_section_looks_as_stored(screenshots: Callable[[str], dict[str, str]],
                                 snapshot: SnapshotAssertion, theme: str, section: str) -> None:
    """A failure names the theme and section (in the test id); if the change was meant,
    regenerate with --snapshot-update and review the new SVG."""
    svg = screenshots(theme)[section]
    assert snapshot(extension_class=SVGImageExtension) == svg, (
        f"The {section} section in the {theme} theme at {SIZE[0]}x{SIZE[1]} looks different "
        "from its stored SVG. If the change is intended, run: pytest "
        "tests/tui/test_section_snapshots.py -p no:xdist --snapshot-update")
