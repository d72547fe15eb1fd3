"""A yes/no question (No is the default and is focused first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of


class ConfirmScreen(FocusOnceLaidOut, ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "answer(False)", "No", id="no", key_display="n"),
                Binding("y", "answer(True)", "Yes", id="yes")]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False, id="question")
            yield ActionButtons(self, bindings_of(self, "no", "yes"), primary="no",
                                descriptions={"no": self.no, "yes": self.yes})

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class LeaveQuestion(ConfirmScreen):
    """Asked when Esc (or Cancel) would close a form with changes in it. Keep writing is the
    default: Enter, Esc or n keep the form open; y (or a click) leaves it."""

    BINDINGS = [Binding("escape,n", "answer(False)", "No", id="no", key_display="Esc")]

    def __init__(self, keeps_draft: bool = True) -> None:
        after = ("What you typed stays as a draft: it is there when you open this form again."
                 if keeps_draft else "What you typed here will not be kept.")
        super().__init__(f"Leave without saving?\n{after}", yes="Leave without saving",
                         no="Keep writing")
