"""Support: the crisis contacts, one key (F2) from every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from paceapp.core.safety import support_text


class SupportScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f2", "close", "Close", id="close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="support-dialog"):
            yield Static("Support", classes="section-title")
            yield Static(support_text(), markup=False, id="support-text")
            yield Button("Close (Esc)", id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss()
