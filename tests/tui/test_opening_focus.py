"""A screen that takes the focus while it opens still opens at its top (tui/opening_focus.py):
every form opens with its title in view and its focused box in view, whichever comes first,
layout or focus. Before, Textual scrolled the focused box to the middle when focus came first,
and at 60x20 the GP concern form opened without its title and hint (a tmux test saw it on a busy
machine; a Pilot run saw it every time)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import Input, Static

import paceapp.tui
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.opening_focus import FocusOnceLaidOut
from tests.tui.pilot_helpers import settle
from tests.tui.test_no_lost_typing import FORMS

SIZES = [(60, 20), (80, 24)]


def title_of(screen: Screen[Any]) -> Static:
    """The form's first line (its title: the first Static in it)."""
    return screen.query(Static).first()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("kind", list(FORMS))
async def test_a_form_opens_at_its_top_with_its_box_in_view(journal: Journal, kind: str,
                                                             size: tuple[int, int]) -> None:
    app = PaceApp(journal, welcome=False)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        form = FORMS[kind]()
        app.push_screen(form)
        await settle(app, pilot)
        assert app.screen is form
        focused = form.focused
        assert focused is not None, "the form opens with a box focused"
        assert form.can_view_entire(focused), f"{focused} is out of view"
        for scrolling in form.query(ScrollableContainer):
            assert scrolling.scroll_y == 0, f"{kind} opened scrolled down by {scrolling.scroll_y}"
        assert form.can_view_entire(title_of(form)), "the form's first line is out of view"


async def test_the_gp_concern_form_from_the_gp_screen_shows_its_hint_at_60x20(
        journal: Journal) -> None:
    app = PaceApp(journal, welcome=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        for _ in range(5):  # every time, not once in a while
            await pilot.press("a")
            await settle(app, pilot)
            hint = app.screen.query_one(".hint", Static)
            assert "Tab moves to the next box" in str(hint.content)
            assert app.screen.can_view_entire(hint)
            assert isinstance(app.screen.focused, Input)
            await pilot.press("escape")
            await settle(app, pilot)


async def test_tab_to_a_box_below_the_window_still_brings_it_into_view(journal: Journal) -> None:
    app = PaceApp(journal, welcome=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        form = FORMS["flare-plan"]()
        app.push_screen(form)
        await settle(app, pilot)
        scrolled = False
        for _ in range(12):
            await pilot.press("tab")
            await settle(app, pilot)
            focused = form.focused
            assert focused is not None and form.can_view_entire(focused), focused
            scrolled = scrolled or any(s.scroll_y > 0 for s in form.query(ScrollableContainer))
        assert scrolled, "the walk never needed to scroll: it tests nothing"


def screen_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(paceapp.tui.__path__, "paceapp.tui."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__.startswith("paceapp."):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


@pytest.mark.parametrize("cls", screen_classes(), ids=lambda cls: cls.__qualname__)
def test_every_screen_takes_the_mixin(cls: type) -> None:
    assert issubclass(cls, FocusOnceLaidOut)
    assert cls.__mro__.index(FocusOnceLaidOut) < cls.__mro__.index(Screen)
