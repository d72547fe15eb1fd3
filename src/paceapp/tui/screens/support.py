"""Support: the crisis contacts, one key (F2) from every screen.

Each contact is two short lines - who and how to reach them, then when - laid out by Textual at
the dialog's width. (The page was once one block wrapped to 76 columns and then wrapped again
by the dialog, which broke phrases apart: "that / is / not an emergency".)
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from paceapp.core.safety import CRISIS_CONTACTS, NOT_MEDICAL_ADVICE, PEER_CRISIS_NOTE
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of


class SupportScreen(FocusOnceLaidOut, ModalScreen[None]):
    CSS_PATH = "support.tcss"
    BINDINGS = [Binding("escape,q,f2", "close", "Close", id="close", key_display="Esc")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="support-dialog"):
            yield Static("Support", classes="section-title")
            with Vertical(id="support-text"):
                yield Static("If you need help now", classes="support-heading", markup=False)
                for who, how, when in CRISIS_CONTACTS:
                    yield Static(Content.assemble((f"{who}: ", "bold"), how),
                                 classes="support-contact")
                    yield Static(f"{when}.", classes="support-when", markup=False)
                yield Static(PEER_CRISIS_NOTE, classes="support-note", markup=False)
                yield Static(NOT_MEDICAL_ADVICE, classes="support-note", markup=False)
            yield ActionButtons(self, bindings_of(self, "close"), primary="close")

    def action_close(self) -> None:
        self.dismiss()
