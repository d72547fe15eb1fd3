"""FocusOnceLaidOut: a screen that takes the focus while it opens still opens at its top.

Textual scrolls a newly focused widget to the middle of its container when the widget "cannot
be seen entirely", and before a screen is first laid out no widget can be. So a form taller than
the window (the GP concern form at 60x20) opened scrolled down to its first box, its title and
"Tab moves to the next box" out of sight; or not, depending on which came first on a busy
computer. Every paceapp screen takes this mixin (tests/tui/test_opening_focus.py checks): a
widget focused before it is laid out is focused without scrolling, and once the screen has been
drawn it is scrolled into view only as far as it needs to be. Focus moved later (Tab, a click)
scrolls as Textual does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.errors import NoWidget
from textual.screen import Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from typing import Any

    _Base = Screen[Any]
else:
    _Base = object


class FocusOnceLaidOut(_Base):
    """Mixin for a Screen (put it before Screen or ModalScreen in the bases)."""

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None:
        if scroll_visible and widget is not None and not self.has_laid_out(widget):
            super().set_focus(widget, scroll_visible=False, from_app_focus=from_app_focus)
            self.call_after_refresh(self.show_focused)
            return
        super().set_focus(widget, scroll_visible=scroll_visible, from_app_focus=from_app_focus)

    def has_laid_out(self, widget: Widget) -> bool:
        """True when `widget` has a place on this screen (the screen has laid it out)."""
        try:
            self.find_widget(widget)
        except NoWidget:
            return False
        return True

    def show_focused(self) -> None:
        """Bring the focused widget into view, scrolling no further than needed."""
        focused = self.focused
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False, immediate=True)
