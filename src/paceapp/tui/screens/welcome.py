"""Welcome: a few lines on the first start - what paceapp is for, three things to try, and the
two keys that always help (F1, F2). Enter or Esc closes it, and it is not shown again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of

TITLE = "Welcome to paceapp"
ABOUT = ("paceapp helps you pace your days with pain: note how you are in a few keys, and see "
         "what helps. Everything stays on this computer.")
#: (key, what it does): three first things to try, all from Today.
TRY = (("p", "note your pain now, from 0 to 10"),
       ("s", "fill in how you slept last night"),
       ("3", "go to Pacing, then l to plan today's activities and rests"))
KEYS = ("F1 shows the keys for any screen. F2 is support, if things feel hard. "
        "Ctrl+Q leaves; everything is saved as you go.")


def welcome_text() -> str:
    lines = [ABOUT, "", "Three things to try:"]
    lines += [f"  {key}   {what}" for key, what in TRY]
    return "\n".join([*lines, "", KEYS])


class WelcomeScreen(FocusOnceLaidOut, ModalScreen[None]):
    """Shown once. Enter (the Start button has the focus) or Esc closes it."""

    BINDINGS = [Binding("escape", "close", "Close", id="close"),
                Binding("enter", "close", "Start", id="welcome-start")]
    CSS_PATH = "welcome.tcss"
    AUTO_FOCUS = "#welcome-start"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="welcome-dialog"):
            yield Static(TITLE, classes="section-title", markup=False)
            yield Static(welcome_text(), id="welcome-text", markup=False)
            yield ActionButtons(self, bindings_of(self, "welcome-start"), primary="welcome-start",
                                compact=True)

    def action_close(self) -> None:
        self.dismiss()
