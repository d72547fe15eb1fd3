"""A screen's width class ("-narrow", "-wide": its HORIZONTAL_BREAKPOINTS) given before its
widgets are made.

Textual gives a screen its breakpoint class when the screen first learns its size, which is after
its widgets have been mounted and styled; the new class then restyles the screen and everything
in it again. Giving the screen, as it is composed, the class the window's width already calls for
makes that first size change nothing. When the window is resized later, Textual changes the class
as usual.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def width_class(breakpoints: list[tuple[int, str]], width: int) -> str | None:
    """The class for `width`: that of the widest breakpoint not wider than it (as Textual picks)."""
    for at, name in sorted(breakpoints, reverse=True):
        if width >= at:
            return name
    return None


def give_width_class(screen: Screen[Any]) -> None:
    """Give `screen` its breakpoint class for the window's width now (see the module's notes)."""
    breakpoints = screen.HORIZONTAL_BREAKPOINTS
    if breakpoints is None:
        breakpoints = screen.app.HORIZONTAL_BREAKPOINTS
    if not breakpoints:
        return
    chosen = width_class(breakpoints, screen.app.size.width)
    screen.update_classes({name: name == chosen for _at, name in breakpoints})
