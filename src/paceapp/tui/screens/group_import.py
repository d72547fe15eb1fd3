"""Paste a peer's card or the group plan (or give a card file) to add it to the board.

The check and the save run in a worker thread; a rejected import lists every problem here, as
plain text, and changes nothing. Like every form it is a DraftForm: Esc with something pasted asks
first, and what was pasted comes back when the window opens again, until it is imported.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from paceapp.app.share import import_shared
from paceapp.core.errors import PaceError
from paceapp.core.sharing import MAX_DOCUMENT_BYTES
from paceapp.core.timeparse import local_now
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of


def read_card_file(text: str) -> bytes:
    path = Path(text.strip()).expanduser()
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        from paceapp.core.errors import ValidationError

        raise ValidationError(f"Could not read {path}: {error.strerror or error}.", "file") from None


class ImportScreen(DraftForm[str | None]):
    """Dismisses with what was done (in words), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "import", "Import", id="import", priority=True)]
    CSS_PATH = "group_import.tcss"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="import-dialog"):
            yield Static("Add a card or the group plan", classes="section-title")
            yield Static("Paste the whole message from your chat below (names and times around "
                         "it are fine), then press Ctrl+S:", markup=False)
            yield TextArea(id="paste", soft_wrap=True)
            yield Label("…or the card file's path:", classes="field-label", markup=False)
            yield Input(id="file", placeholder="e.g. ~/Downloads/jo-card.json")
            yield Problem(id="import-problem")
            yield ActionButtons(self, bindings_of(self, "import", "cancel"), primary="import",
                                button_ids={"import": "do-import"})

    def on_mount(self) -> None:
        self.query_one("#paste", TextArea).focus()

    @on(Input.Submitted, "#file")
    def action_import(self) -> None:
        pasted = self.query_one("#paste", TextArea).text
        file_text = self.query_one("#file", Input).value
        if not pasted.strip() and not file_text.strip():
            self.query_one(Problem).say("Paste a message above, or type a card file's path.")
            return
        self.query_one(Problem).say("")
        self.query_one("#do-import", Button).disabled = True
        self.run_import(pasted, file_text)

    @work(thread=True, exclusive=True, group="group-import", exit_on_error=False)
    def run_import(self, pasted: str, file_text: str) -> None:
        from paceapp.tui.app import PaceApp

        app = self.app
        assert isinstance(app, PaceApp)
        try:
            raw = (pasted.encode("utf-8", "replace") if pasted.strip()
                   else read_card_file(file_text))
            outcome = import_shared(app.journal, raw, local_now())
        except PaceError as error:
            self.app.call_from_thread(self.rejected, str(error))
            return
        self.app.call_from_thread(self.imported, outcome.message)

    def imported(self, message: str) -> None:
        if self.is_current:
            self.dismiss(message)
        else:  # the Leave question is open over it: it is imported, so no draft is kept
            self.settle_draft(keep=False)
            self.app.notify(message, markup=False)

    def draft_key(self) -> str:
        return "group-import:new"

    def rejected(self, message: str) -> None:
        self.query_one(Problem).say(message)
        self.query_one("#do-import", Button).disabled = False
