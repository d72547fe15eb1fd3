"""Today's first frame does less styling work (issue 19, item 5), and looks the same.

Two Textual habits cost restyles before the first frame: a Button restyles itself as it is made
(its compact/flat/variant reactives), before it is even mounted; and a widget taking the focus
restyles its whole subtree (Today's body: every card inside it). paceapp's QuietButton skips the
first, Today's body the second. These tests check that the shortcuts are safe - no style rule
anywhere styles a widget by an ancestor's focus, and a QuietButton ends up styled exactly as a
Button - that the focus bar still follows the focus, and that the first frame's restyles stay few.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import textual.widgets
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Button

import paceapp.tui
from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.today import TodayBody, TodayScreen
from paceapp.tui.widgets import QuietButton
from tests.tui.pilot_helpers import settle


def every_node_class() -> set[type[DOMNode]]:
    """Every widget and screen class of paceapp's TUI and of Textual's widget set."""
    for module in pkgutil.walk_packages(paceapp.tui.__path__, "paceapp.tui."):
        importlib.import_module(module.name)
    for name in textual.widgets.__all__:
        getattr(textual.widgets, name)
    found: set[type[DOMNode]] = set()
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.add(cls)
            todo.extend(cls.__subclasses__())
    return found


def every_style_source() -> list[tuple[str, str]]:
    """(where, css) for app.tcss and every .tcss of ours, and the DEFAULT_CSS and CSS of every
    widget and screen class (ours and Textual's)."""
    sources = [(str(path), path.read_text(encoding="utf-8"))
               for path in sorted(Path(paceapp.tui.__file__).parent.rglob("*.tcss"))]
    for cls in every_node_class():
        for attribute in ("DEFAULT_CSS", "CSS"):
            css = cls.__dict__.get(attribute)
            if isinstance(css, str) and css.strip():
                sources.append((f"{cls.__module__}.{cls.__name__}.{attribute}", css))
    return sources


def test_no_style_rule_styles_todays_contents_by_its_focus() -> None:
    """What lets Today's body restyle only itself when it takes or loses the focus: no style rule
    anywhere puts ':focus' on an ancestor that could be Today's body (its type or any of its
    base types, a class, an id or '*') - only on the widget styled (or whose part is styled).
    (Textual's own `Tabs:focus .-active` styles a Tab by its Tabs' focus: not Today's body.)"""
    variables = App().get_css_variables()
    sources = every_style_source()
    # A rule for a widget's part (`DataTable:focus > .datatable--cursor`) styles the widget itself:
    # its parts are restyled with it.
    parts = {part for cls in every_node_class() for part in getattr(cls, "COMPONENT_CLASSES", ())}
    body_types = {cls.__name__ for cls in TodayBody.__mro__ if issubclass(cls, DOMNode)}
    assert len(sources) > 60  # ours and Textual's were all found
    checked = 0
    for where, css in sources:
        sheet = Stylesheet(variables=variables)
        sheet.add_source(css, read_from=(where, ""), is_default_css=True)
        sheet.parse()
        for rule in sheet.rules:
            for selector_set in rule.selector_set:
                checked += 1
                selectors = selector_set.selectors
                styled = -2 if selectors[-1].name in parts else -1  # the widget styled
                for ancestor in selectors[:styled]:
                    if ancestor.type == SelectorType.TYPE and ancestor.name not in body_types:
                        continue  # cannot be Today's body
                    assert "focus" not in ancestor.pseudo_classes, (
                        f"{where}: {selector_set.css} styles a widget by an ancestor's focus; "
                        "TodayBody.watch_has_focus would then need to restyle its children")
    assert checked > 300


def test_the_check_above_can_fail() -> None:
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.add_source("VerticalScroll:focus .card { color: red; }", read_from=("test", ""))
    sheet.parse()
    [selector_set] = sheet.rules[0].selector_set
    assert "focus" in selector_set.selectors[0].pseudo_classes
    assert "card" not in {part for cls in every_node_class()
                           for part in getattr(cls, "COMPONENT_CLASSES", ())}
    assert selector_set.selectors[0].name in {cls.__name__ for cls in TodayBody.__mro__}


class Buttons(App[None]):
    """The same buttons as Textual's Button and as QuietButton, side by side."""

    AUTO_FOCUS = None  # nothing focused: the pairs must look alike

    KINDS: list[dict[str, Any]] = [
        {}, {"compact": True}, {"variant": "primary"}, {"variant": "primary", "compact": True},
        {"flat": True}, {"variant": "warning", "flat": True}, {"classes": "-current"},
        {"disabled": True}]

    def compose(self) -> ComposeResult:
        for n, kind in enumerate(self.KINDS):
            with Horizontal():
                yield Button(f"Label {n}", id=f"plain-{n}", **kind)
                yield QuietButton(f"Label {n}", id=f"quiet-{n}", **kind)


def look(button: Button) -> dict[str, Any]:
    rules = button.styles.get_render_rules()
    return {**rules, "classes": sorted(button.classes), "lines": button.render_lines(
        button.region.reset_offset)}


def test_a_quiet_button_is_styled_exactly_as_a_button() -> None:
    async def run() -> None:
        app = Buttons()
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            for n in range(len(Buttons.KINDS)):
                plain = app.query_one(f"#plain-{n}", Button)
                quiet = app.query_one(f"#quiet-{n}", QuietButton)
                assert plain.region.size == quiet.region.size, Buttons.KINDS[n]
                assert look(plain) == look(quiet), Buttons.KINDS[n]
            # Mounted, it restyles as any widget does: a class and a reactive change show.
            quiet = app.query_one("#quiet-0", QuietButton)
            quiet.variant = "error"
            quiet.add_class("-chosen")
            plain = app.query_one("#plain-0", Button)
            plain.variant = "error"
            plain.add_class("-chosen")
            await pilot.pause()
            assert look(plain) == look(quiet)
            assert look(quiet) != look(app.query_one("#quiet-2", QuietButton))
    asyncio.run(run())


def test_todays_focus_bar_follows_the_focus(data_dir: Path) -> None:
    """The body's bar down its left edge shows while it has the focus, and goes when it loses it
    (to a card's button or the list), and comes back - though only the body is restyled."""
    async def run() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(app, pilot)
            body = app.screen.query_one("#today-body", VerticalScroll)
            assert isinstance(body, TodayBody)
            assert app.focused is body
            focused_edge = body.styles.border_left
            assert focused_edge[0] == "thick"
            for elsewhere in (app.screen.query_one("#key-log_pain", Button),
                              app.screen.query_one("#entries")):
                elsewhere.focus()
                await pilot.pause()
                assert body.styles.border_left[0] == "blank"
                body.focus()
                await pilot.pause()
                assert body.styles.border_left == focused_edge
    asyncio.run(run())


@pytest.mark.parametrize("days", [0, 30])
def test_the_first_frame_restyles_few_widgets(tmp_path: Path, days: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Before Today first shows its data, widgets are restyled (beyond the styling each gets
    when mounted) about once each - when the screen is first shown - not once more per Button
    and once more per widget inside Today's body (about 150 restyles before)."""
    if days:
        write_demo(tmp_path / "data", days, date.today())
    restyled: list[DOMNode] = []
    update_nodes = Stylesheet.update_nodes

    def counting(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(nodes)
        update_nodes(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counting)

    async def run() -> None:
        app = PaceApp(Journal.open(tmp_path / "data"))
        async with app.run_test(size=(100, 32)) as pilot:
            while not (isinstance(app.screen, TodayScreen) and app.screen.data_shown):
                await pilot.pause(0.002)
            widgets = len(list(app.screen.walk_children(with_self=True)))
            assert len(restyled) <= widgets + 10, (len(restyled), widgets)
    asyncio.run(run())


def test_today_makes_its_buttons_quiet(data_dir: Path) -> None:
    """Every button Today makes at start is a QuietButton (a plain Button would restyle itself
    before it is mounted)."""
    async def run() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(app, pilot)
            buttons = list(app.screen.query(Button))
            assert len(buttons) >= 15
            assert all(isinstance(b, QuietButton) for b in buttons), [
                b for b in buttons if not isinstance(b, QuietButton)]
    asyncio.run(run())


def test_quiet_button_keeps_buttons_signature() -> None:
    assert inspect.signature(QuietButton) == inspect.signature(Button)
