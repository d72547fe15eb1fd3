"""A footer that never runs off the screen: the keys that fit, Help and Support first.

Textual's Footer lays every shown binding in one row and clips what does not fit, which at 80
columns hid Help and Support. This one orders Help and Support first, then the screen's own keys,
and stops before the edge; F1 (Help) lists every key, so nothing is lost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Binding ids shown before all others.
FIRST = ("help", "support")


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        self._composed_width = width
        chosen: dict[str, tuple[object, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in chosen:  # one key per action
                chosen[binding.action] = (binding, enabled, tooltip)
        ordered = sorted(chosen.values(), key=lambda item: (
            FIRST.index(item[0].id) if item[0].id in FIRST else len(FIRST)))  # type: ignore[attr-defined]
        used = 0
        for binding, enabled, tooltip in ordered:
            key_display = self.app.get_key_display(binding)  # type: ignore[arg-type]
            needed = len(key_display) + len(binding.description) + 3  # type: ignore[attr-defined]
            if used + needed > width:
                break
            used += needed
            yield FooterKey(binding.key, key_display, binding.description,  # type: ignore[attr-defined]
                            binding.action, disabled=not enabled,  # type: ignore[attr-defined]
                            tooltip=tooltip).data_bind(compact=Footer.compact)

    def on_resize(self) -> None:
        if self.size.width != getattr(self, "_composed_width", None):
            self.call_after_refresh(self.recompose)
