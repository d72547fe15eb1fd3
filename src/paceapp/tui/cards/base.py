"""TodayCard: one box on Today. Loads its data in a thread, shows it on the UI thread."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

if TYPE_CHECKING:
    from paceapp.app.folder import Journal
    from paceapp.tui.app import PaceApp


class TodayCard(Vertical):
    """Subclasses set KEYS and write load() (runs in a worker thread) and show() (UI thread).

    KEYS are (key, action, description): Today binds each key to `action_<action>` on the card,
    so a card's keys work wherever the focus is on Today.
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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each key also gets a button (after the card's own widgets), so every action works
        with the mouse too. Added in compose, not mounted later: one layout pass, not two."""
        super().__init_subclass__(**kwargs)
        inner = cls.__dict__.get("compose")
        if inner is None:
            return

        def compose(self: TodayCard) -> ComposeResult:
            yield from inner(self)
            if self.KEYS:
                yield Horizontal(*[Button(f"{description} ({key})", id=f"key-{action}",
                                          compact=True) for key, action, description in self.KEYS],
                                 classes="card-keys")

        cls.compose = compose  # type: ignore[method-assign]

    @on(Button.Pressed, ".card-keys > Button")
    def _key_button(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "")[4:]
        getattr(self, f"action_{action}")()

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
