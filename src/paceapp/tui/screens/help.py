"""Help: every key on the screen you came from, the sections, and where to get support."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from paceapp.tui.navigation import sections
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.text import key_label
from paceapp.tui.widgets import ActionButtons, bindings_of

__all__ = ["HelpScreen", "help_text", "is_paceapp_key", "key_label"]

INTRO = (
    "paceapp keeps your pacing, sleep, flare-ups, goals and GP notes on this computer only.\n"
    "Every action has a key and can be clicked. Press Escape to close a window. "
    "Ctrl+Q leaves paceapp; everything is already saved."
)


def is_paceapp_key(node: Any, key: str, binding: Binding | None = None) -> bool:
    """True when `key` (or `binding`, by its id, when the key was changed in the settings) is
    bound by paceapp's own code on `node`: not a Textual widget's built-in editing, focus and
    scrolling keys, which would bury the few that matter."""
    binding_id = binding.id if binding is not None else None
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("paceapp"):
            continue
        for item in cls.__dict__.get("BINDINGS", ()):
            keys = item.key if isinstance(item, Binding) else item[0]
            if key in (k.strip() for k in keys.split(",")):
                return True
            if binding_id and isinstance(item, Binding) and item.id == binding_id:
                return True
    return False


def help_text(active: dict[str, Any], *, typing: bool = False) -> str:
    """The help for the window below; `typing` when its cursor is in a box (c and b type)."""
    lines = [INTRO, "", "Sections (press the number, or click the name at the top):"]
    lines += [f"  {s.key:<6} {s.title}" for s in sections()]
    lines += ["", "Keys here:", f"  {'Tab':<12} Move to the next box or button (Shift+Tab: back)"]
    if any(key in active for key in ("up", "down")):
        lines.append(f"  {'↑ ↓':<12} Move in a list, or between choices, or scroll")
    if "pagedown" in active:
        lines.append(f"  {'PgUp PgDn':<12} Scroll a page up or down (the mouse wheel too)")
    skip = {"Press button", "Focus Next", "Focus Previous", "Copy selected text", "Quit",
            "palette", "Command palette", "Undo", "Colours", "Bad day"}
    keys_for: dict[str, list[str]] = {}  # description -> its keys, in the order bound
    for key, active_binding in active.items():
        binding: Binding = active_binding.binding
        if not binding.description or binding.description in skip or key.isdigit():
            continue
        node = getattr(active_binding, "node", None)
        if node is not None and not is_paceapp_key(node, key, binding):
            continue
        keys_for.setdefault(binding.description, []).append(key)
    for description, keys in keys_for.items():
        shown = " / ".join(key_label(key) for key in sorted(keys, key=len))
        lines.append(f"  {shown:<12} {description}")
    lines.append(f"  {'Ctrl+Z':<12} Undo the last change")
    for key, action, words in (("c", "cycle_theme", "Colours: dark, light, high contrast, black "
                                "and white"),
                               ("b", "bad_day", "Bad-day mode: just the essentials")):
        bound = active.get(key)
        if bound is None or getattr(bound.binding, "action", action) == action:
            lines.append(f"  {key:<12} {words}")  # not when this window uses the key itself
    if typing:
        lines += ["  (In a box, c and b are just letters: use the Colours and",
                  "   Bad-day buttons at the top of this window.)"]
    lines += ["", "  Ctrl+P       Find any action by name (command palette)",
              "  Ctrl+P theme Choose from every colour theme",
              "  Ctrl+Q       Leave paceapp (everything is already saved)",
              "", "Press F2 for support: 999, NHS 111, Samaritans 116 123, text SHOUT to 85258."]
    return "\n".join(lines)


class HelpScreen(FocusOnceLaidOut, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close", id="close",
                        key_display="Esc")]
    #: The app's comfort keys, as buttons here too (for people using the mouse): each closes
    #: Help, then does what its key does.
    COMFORT = {"theme": "help-colours", "bad-day": "help-bad-day", "support": "help-support"}

    def __init__(self, active: dict[str, Any]) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        from paceapp.tui.app import PaceApp

        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static("Help", classes="section-title")
            if isinstance(self.app, PaceApp):
                yield ActionButtons(self.app, bindings_of(self.app, *self.COMFORT),
                                    button_ids=self.COMFORT, close_first=True, compact=True)
            below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
            typing = below is not None and isinstance(below.focused, (Input, TextArea))
            yield Static(help_text(self.active, typing=typing), markup=False, id="help-text")
            yield ActionButtons(self, bindings_of(self, "close"), primary="close")

    def action_close(self) -> None:
        self.dismiss()
