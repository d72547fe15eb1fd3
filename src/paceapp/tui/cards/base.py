"""TodayCard: one box on Today. Loads its data in a thread, shows it on the UI thread."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding
from textual.containers import Vertical

from paceapp.tui.widgets import ActionButtons

if TYPE_CHECKING:
    from paceapp.app.folder import Journal
    from paceapp.tui.app import PaceApp


class TodayCard(Vertical):
    """Subclasses set KEYS and write load() (runs in a worker thread) and show() (UI thread).

    KEYS are (key, action, description), the card's keys declared once: Today binds each key to
    `action_<action>` on the card (so a card's keys work wherever the focus is on Today), and the
    card's buttons are made from the same bindings. A card's compose() ends with
    `yield self.key_buttons()`, after its own widgets.
    """

    KEYS: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    #: Shown in bad-day mode (the essentials only).
    ESSENTIAL: ClassVar[bool] = False

    DEFAULT_CSS = """
    TodayCard > .card-keys { height: auto; width: 100%; }
    TodayCard > .card-keys > Button { margin: 0 2 0 0; min-width: 0; }
    """

    def __init__(self) -> None:
        super().__init__(classes="card")

    @classmethod
    def key_bindings(cls) -> list[Binding]:
        """The card's KEYS as bindings on the card itself (id `key-<action>`)."""
        return [Binding(key, action, description, id=f"key-{action}")
                for key, action, description in cls.KEYS]

    def key_buttons(self) -> ActionButtons:
        """A button for each of the card's keys (so every action works with the mouse too)."""
        return ActionButtons(self, self.key_bindings(), compact=True, classes="card-keys")

    @property
    def pace(self) -> PaceApp:
        from paceapp.tui.app import PaceApp

        assert isinstance(self.app, PaceApp)
        return self.app

    def load(self, journal: Journal, today: date) -> Any:
        """Read what the card needs. Runs in a worker thread, possibly before the card is
        mounted (at start-up): it must not use `self` or any widget."""
        return None

    def show(self, data: Any) -> None:
        """Update the widgets from load()'s result."""
