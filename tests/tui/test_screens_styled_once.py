"""Opening a screen styles it once (issue 19, item 5: a cheaper start and a cheaper form).

* A screen with width classes ("-narrow", "-wide") has the right one before its widgets are made
  (tui/breakpoints.py), so the first size Textual gives it restyles nothing; resizing the window
  still changes the class.
* A form opens with its first box focused, never the scrolling dialog around the boxes (which
  would be restyled, with everything in it, for a focus it only passes on).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Select, Switch, TextArea

from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.breakpoints import width_class
from paceapp.tui.screens.base import SectionScreen
from tests.tui.pilot_helpers import settle
from tests.tui.test_no_lost_typing import FORMS

BOXES = (Input, TextArea, Select, Switch)

#: Screens with width classes, and the keys that open them from Today.
WIDTH_SCREENS = {"DiaryScreen": ["2"], "PacingScreen": ["3"], "GPScreen": ["5"],
                 "ChartsScreen": ["7"], "DataScreen": ["8"], "SleepForm": ["s"],
                 "FlareForm": ["f"], "FlarePlanView": ["w"], "GoalForm": ["4", "a"],
                 "SheetPreview": ["5", "v"]}


def test_the_width_class_is_textuals_own_choice() -> None:
    marks = [(0, "-narrow"), (72, "-wide"), (120, "-huge")]
    assert [width_class(marks, w) for w in (0, 71, 72, 119, 120, 500)] == \
        ["-narrow", "-narrow", "-wide", "-wide", "-huge", "-huge"]
    assert width_class([(40, "-wide")], 39) is None


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 48)], ids=["60", "80", "160"])
async def test_a_screen_has_its_width_class_before_its_first_size(
        size: tuple[int, int], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    restyled: list[str] = []
    original = DOMNode.update_node_styles

    def counting(node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, Screen):
            if node.children:  # a restyle of the screen and everything in it
                restyled.append(type(node).__name__)
        original(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counting)
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for name, keys in WIDTH_SCREENS.items():
            restyled.clear()
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot)
            screen = app.screen
            assert type(screen).__name__ == name
            marks = screen.HORIZONTAL_BREAKPOINTS or []
            chosen = width_class(marks, size[0])
            assert chosen and screen.has_class(chosen), (name, screen.classes)
            assert not any(screen.has_class(other) for _at, other in marks if other != chosen)
            # Once as it is shown (Textual's own restyle on showing a screen), not again for
            # its first size.
            # Only Textual's own restyles on showing a screen (a section: two, as for a section
            # without width classes; a dialog: one), none for its first size.
            assert restyled.count(name) <= (2 if isinstance(screen, SectionScreen) else 1), \
                (name, restyled)
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
                await settle(app, pilot)
            await pilot.press("1")
            await settle(app, pilot)


async def test_resizing_the_window_still_changes_the_width_class(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        assert app.screen.has_class("-wide")
        await pilot.resize_terminal(60, 20)
        await settle(app, pilot)
        assert app.screen.has_class("-narrow") and not app.screen.has_class("-wide")


@pytest.mark.parametrize("kind", list(FORMS))
async def test_a_form_opens_on_a_box_not_on_its_dialog(kind: str, data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    focused: list[Widget | None] = []
    original = Screen.set_focus

    def recording(screen: Screen[Any], widget: Widget | None, *args: Any, **kwargs: Any) -> None:
        focused.append(widget)
        original(screen, widget, *args, **kwargs)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(Screen, "set_focus", recording)
        form = FORMS[kind]()
        app.push_screen(form)
        await settle(app, pilot)
        assert app.screen is form
        assert isinstance(app.focused, BOXES), app.focused
        # Never a widget with the boxes inside it (the dialog), even for a moment.
        wrappers = [w for w in focused if w is not None
                    and any(isinstance(d, BOXES) for d in w.walk_children())]
        assert not wrappers, wrappers
