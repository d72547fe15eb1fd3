"""A footer that never runs off the screen: the keys that fit, Help and Support first.

Textual's Footer lays every shown binding in one row and clips what does not fit, which at 80
columns hid Help and Support. This one orders Help and Support first, then the screen's own keys,
and stops before the edge; F1 (Help) lists every key, so nothing is lost.

Textual asks a footer to rebuild itself whenever the screen's bindings may have changed (every
focus change, several times while a screen starts); this one rebuilds only when what it would
show is different, which saves a few hundred style updates on the way to the first frame.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Binding ids shown before all others.
FIRST = ("help", "support")

#: One key as shown: key, key display, description, action, enabled, tooltip.
Shown = tuple[str, str, str, str, bool, str]


class KeyFooter(Footer):
    _shown: list[Shown] | None = None

    def keys_that_fit(self) -> list[Shown]:
        """The keys this footer shows at its width: one per action, Help and Support first."""
        width = self.size.width or self.app.size.width
        chosen: dict[str, tuple[Any, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in chosen:  # one key per action
                chosen[binding.action] = (binding, enabled, tooltip)
        ordered = sorted(chosen.values(), key=lambda item: (
            FIRST.index(item[0].id) if item[0].id in FIRST else len(FIRST)))
        shown: list[Shown] = []
        used = 0
        for binding, enabled, tooltip in ordered:
            key_display = self.app.get_key_display(binding)
            needed = len(key_display) + len(binding.description) + 3
            if used + needed > width:
                break
            used += needed
            shown.append((binding.key, key_display, binding.description, binding.action,
                          enabled, tooltip))
        return shown

    def compose(self) -> ComposeResult:
        # Unlike Textual's Footer, do not wait for the first "bindings changed": the screen's
        # keys are known now, and composing them at once saves a rebuild before the first frame.
        self._shown = self.keys_that_fit()
        for key, key_display, description, action, enabled, tooltip in self._shown:
            yield FooterKey(key, key_display, description, action, disabled=not enabled,
                            tooltip=tooltip).data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self.recompose_if_changed)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose_if_changed)

    async def recompose_if_changed(self) -> None:
        if self.is_attached and self.keys_that_fit() != self._shown:
            await self.recompose()
