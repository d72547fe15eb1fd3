"""A footer that never runs off the screen: the keys that fit, Help and Support first.

Textual's Footer lays every shown binding in one row and clips what does not fit, which at 80
columns hid Help and Support. This one orders Help and Support first, then the screen's own keys,
and stops before the edge; F1 (Help) lists every key, so nothing is lost.

Built on Textual's public API only: `KeyFooter` is a `Footer` (so `query_one(Footer)` finds it)
whose keys are our own `FooterKey` widgets. A screen's bindings can only be read once the screen
is the active one (resolving a `screen.` action asks the app for its current screen, which raised
"No screens on stack" on Python 3.12 and 3.13 while the first screen was still being composed), so
the footer composes empty and fills itself as soon as its screen is active: on mount, and whenever
Textual says the bindings changed. It rebuilds only when what it would show is different.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

#: Binding ids shown before all others.
FIRST = ("help", "support")


class Shown(NamedTuple):
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class FooterKey(Widget):
    """One key in the footer: the key in bold, then what it does. A click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        margin-right: 1;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
    }
    """

    def __init__(self, shown: Shown) -> None:
        super().__init__(classes="" if shown.enabled else "-disabled")
        self.shown = shown
        if shown.tooltip:
            self.tooltip = shown.tooltip

    @property
    def key(self) -> str:
        return self.shown.key

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        text = Text.assemble((self.shown.key_display, key_style),
                             (" " + self.shown.description, description_style))
        text.stylize_before(self.rich_style)
        return text

    def on_click(self) -> None:
        if self.shown.enabled:
            self.app.simulate_key(self.shown.key)
        else:
            self.app.bell()


def width_of(shown: Shown) -> int:
    """Cells one key takes, with the space after it."""
    return cell_len(shown.key_display) + 1 + cell_len(shown.description) + 1


class KeyFooter(Footer):
    """The screen's keys that fit on one line, Help and Support first."""

    _shown: list[Shown] | None = None

    def _active_screen(self) -> Screen[Any] | None:
        """This footer's screen when its bindings can be read (it is the app's current screen)."""
        try:
            screen = self.screen
        except NoScreen:
            return None
        return screen if screen.is_active else None

    def keys_that_fit(self) -> list[Shown] | None:
        """The keys this footer shows at its width, or None while its screen is not active."""
        screen = self._active_screen()
        if screen is None:
            return None
        width = self.size.width or self.app.size.width
        chosen: dict[str, tuple[int, Shown]] = {}  # action -> (place, key)
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in chosen:  # one key per action
                place = FIRST.index(binding.id) if binding.id in FIRST else len(FIRST)
                chosen[binding.action] = (place, Shown(
                    binding.key, self.app.get_key_display(binding), binding.description,
                    binding.action, enabled, tooltip))
        ordered = [shown for _place, shown in sorted(chosen.values(), key=lambda item: item[0])]
        fitting: list[Shown] = []
        used = 0
        for shown in ordered:
            used += width_of(shown)
            if used > width + 1:  # the last key needs no space after it
                break
            fitting.append(shown)
        return fitting

    def compose(self) -> ComposeResult:
        self._shown = self.keys_that_fit()
        for shown in self._shown or ():
            yield FooterKey(shown)

    def on_mount(self) -> None:
        super().on_mount()
        if self._shown is None:
            self.call_after_refresh(self.recompose_if_changed)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self._active_screen():
            self.call_after_refresh(self.recompose_if_changed)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose_if_changed)

    async def recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self.keys_that_fit()
        if shown is not None and shown != self._shown:
            await self.recompose()
