"""Small and large screens (issue 18, item 6): every section and every form is usable at 60x20,
80x24 and 160x48.

On the demo data each section and each form is opened with its key, as a person would, and:

* nothing is cut at the side: every word, box and button on screen is whole across (a window too
  narrow once cut the section bar to "7 Char", the sleep form's times to "23:0" and the goal
  form's "How sure" numbers before 9 and 10);
* a short value in a box (a time, a date, a number) is whole in its box;
* a form's Save (or its first button) is on the screen once it has the focus: forms scroll, so
  Save is reachable with Tab however small the window.

Places still cut in files this change does not own are listed in KNOWN (each with whose file it
is); they are reported as expected failures until fixed, and pass once they are.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.css.query import NoMatches
from textual.errors import NoWidget
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.widgets import NavBar
from tests.tui.pilot_helpers import settle

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_small_screens")


SIZES = [(60, 20), (80, 24), (160, 48)]

SECTIONS = [(f"section {name}", [key]) for key, name in (
    ("1", "today"), ("2", "diary"), ("3", "pacing"), ("4", "goals"), ("5", "gp"), ("6", "group"),
    ("7", "charts"), ("8", "data"))]
FORMS = [("help", ["f1"]), ("support", ["f2"]),
         ("pain", ["p"]), ("peg", ["k"]), ("sleep", ["s"]), ("nap", ["n"]),
         ("flare-up plan", ["w"]), ("flare-up plan editor", ["w", "e"]), ("flare-up", ["f"]),
         ("activity", ["a"]),
         ("goal", ["4", "a"]), ("goal review", ["4", "r", "y"]), ("goal week start", ["4", "w"]),
         ("gp concern", ["5", "a"]), ("gp medicine", ["5", "m"]), ("gp sheet", ["5", "v"]),
         ("gp date", ["5", "w"]), ("gp outcome", ["5", "o"]),
         ("group plan", ["6", "p"]), ("group plan editor", ["6", "p", "e"]),
         ("group share", ["6", "s"]), ("group import", ["6", "i"]),
         ("pacing baseline", ["3", "n"]), ("pacing plan", ["3", "l"]),
         ("pacing history", ["3", "h"]),
         ("what I could do", ["d"]), ("my activities", ["l"]),
         ("evidence summary", ["5", "u"]), ("supporter page", ["6", "h"])]
PLACES = [place for place, _keys in SECTIONS + FORMS]

#: Cut places in files this change does not own: (place, width) -> whose file, what is cut.
KNOWN: dict[tuple[str, int], str] = {}

#: Ids of a form's Save button (the first button is used where there is none).
SAVE_IDS = ("save", "do-share", "do-import")


@dataclass
class Seen:
    """What one place showed: what was cut, and whether Save could be brought into view."""

    screen: str = ""
    cut: list[str] = field(default_factory=list)
    save: str = ""


def words(widget: Widget) -> str:
    if isinstance(widget, Button):
        return str(widget.label)
    if isinstance(widget, Input):
        return f"box {widget.id}: {widget.value!r}"
    if isinstance(widget, (Label, Static)):
        return str(widget.render())[:60]
    return repr(widget)


def cut_across(widget: Widget) -> bool:
    """Part of the widget is outside the area it is drawn in, at the left or right."""
    try:
        geometry = widget.screen.find_widget(widget)
    except NoWidget:
        return False
    region, clip = geometry.region, geometry.clip
    if not region.area or region.bottom <= clip.y or region.y >= clip.bottom:
        return False  # scrolled out of view up or down: reached by scrolling
    return region.x < clip.x or region.right > clip.right \
        or region.right > widget.screen.region.right


def value_cut(box: Input) -> bool:
    """A short value (a time, a date, a number) does not fit whole in its box."""
    value = box.value
    if not value or cell_len(value) > 20 or not box.content_region.area:
        return False
    return box.content_region.width < cell_len(value) + 1  # and the cursor after it


def in_view(widget: Widget) -> bool:
    try:
        geometry = widget.screen.find_widget(widget)
    except NoWidget:
        return False
    region = geometry.region
    return bool(region.area) and region.intersection(geometry.clip) == region \
        and widget.screen.region.contains_region(region)


def what_is_cut(app: PaceApp) -> list[str]:
    cut = []
    for widget in app.screen.query("Button, Input, Label, Static, NavBar"):
        if not widget.display or not widget.size.area:
            continue
        if isinstance(widget, Input) and value_cut(widget):
            cut.append(f"value cut in its box: {words(widget)}")
        elif cut_across(widget):
            cut.append(f"cut at the side: {type(widget).__name__} {words(widget)!r}")
    for bar in app.screen.query(NavBar):
        for button in bar.query(Button):
            if button.region.width < cell_len(str(button.label)):
                cut.append(f"section name cut: {button.label}")
    return cut


async def bring_save_into_view(app: PaceApp, pilot: object) -> str:
    """Focus the form's Save (or first button) and say whether it is on the screen then."""
    screen = app.screen
    buttons = [b for b in screen.query(Button) if b.display and b.focusable]
    save = next((b for b in buttons if b.id in SAVE_IDS), buttons[0] if buttons else None)
    if save is None:
        return "no button"
    save.focus()
    await settle(app, pilot)
    for _ in range(30):  # the scroll to a focused widget is animated: let it land (up to 3 s)
        if in_view(save):
            return ""
        await pilot.pause(0.1)  # type: ignore[attr-defined]
    return f"{save.label!r} is off the screen when focused"


def read_places(folder: Path, size: tuple[int, int]) -> dict[str, Seen]:
    seen: dict[str, Seen] = {}

    async def scenario() -> None:
        app = PaceApp(Journal.open(folder))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            for place, keys in SECTIONS + FORMS:
                depth = len(app.screen_stack)
                for key in keys:
                    await pilot.press(key)
                    await settle(app, pilot)
                found = Seen(type(app.screen).__name__, what_is_cut(app))
                if isinstance(app.screen, ModalScreen):
                    found.save = await bring_save_into_view(app, pilot)
                seen[place] = found
                while len(app.screen_stack) > depth:
                    await pilot.press("escape")
                    await settle(app, pilot)
                    if len(app.screen_stack) > depth:  # 'Keep writing / Leave': leave
                        await pilot.press("y")
                        await settle(app, pilot)
                    if len(app.screen_stack) > depth:
                        app.pop_screen()
                        await settle(app, pilot)
                await pilot.press("1")
                await settle(app, pilot)
    asyncio.run(scenario())
    return seen


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small") / "demo"
    write_demo(folder, 56, date.today())
    return folder


_read: dict[tuple[int, int], dict[str, Seen]] = {}


@pytest.fixture(scope="module", params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def places(request: pytest.FixtureRequest, demo_folder: Path) -> tuple[tuple[int, int],
                                                                        dict[str, Seen]]:
    size = request.param
    if size not in _read:
        _read[size] = read_places(demo_folder, size)
    return size, _read[size]


@pytest.mark.parametrize("place", PLACES)
def test_every_place_is_whole_and_save_is_reachable(
        places: tuple[tuple[int, int], dict[str, Seen]], place: str) -> None:
    (width, _height), seen = places
    found = seen[place]
    if place in dict(FORMS):
        assert found.screen not in {"TodayScreen", "DiaryScreen", "PacingScreen", "GoalsScreen",
                                    "GPScreen", "GroupScreen"}, f"{place}: the form did not open"
    if (found.cut or found.save) and (place, width) in KNOWN:
        pytest.xfail(KNOWN[place, width])
    assert not found.save, f"{place} at {width} columns: {found.save}"
    assert not found.cut, f"{place} at {width} columns ({found.screen}):\n  " + \
        "\n  ".join(found.cut)


async def test_the_check_finds_a_cut_value_and_a_cut_section_bar(data_dir: Path) -> None:
    """The checks can fail: a box made too narrow for its time, and a section bar forced to
    one line at 60 columns, are both found."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        assert what_is_cut(app) == [], "the section bar fits (on two rows)"
        bar = app.screen.query_one(NavBar)
        bar.styles.layout = "horizontal"
        bar.styles.height = 1
        await settle(app, pilot)
        assert any("cut" in line for line in what_is_cut(app))
        await pilot.press("s")
        await settle(app, pilot)
        try:
            box = app.screen.query_one("#bed", Input)
        except NoMatches:
            pytest.fail("the sleep form did not open")
        box.value = "23:00"
        box.styles.width = 4
        await settle(app, pilot)
        assert any("#bed" in line or "bed" in line for line in what_is_cut(app))
