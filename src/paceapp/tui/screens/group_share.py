"""Share my goal card: choose the name and the extra sections, see exactly what will be shared,
then save the card file and the chat message (and copy the message, where the terminal allows).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from paceapp.core.errors import ValidationError
from paceapp.core.sharing import NOTE_MAX, clean_name
from paceapp.core.timeparse import local_now
from paceapp.outputs.share import (
    CardInputs,
    card_json,
    card_message,
    card_text,
    gather_card_inputs,
    included_words,
    keep_identity,
    make_card,
)
from paceapp.store.errors import WriteFailedError
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings
from paceapp.store.storage import atomic_write_many
from paceapp.tui.widgets import Problem

if TYPE_CHECKING:
    from paceapp.tui.screens.base import SectionScreen


PAIN_LABEL = "Add my pain average (last 7 days)"
SLEEP_LABEL = "Add my sleep average (last 7 nights)"


@dataclass(frozen=True)
class ShareChoice:
    name: str
    include: tuple[str, ...]
    note: str
    path: Path


def default_path(today_text: str) -> Path:
    return Path.cwd() / f"paceapp-goal-card-{today_text}.json"


def write_card(journal: Journal, inputs: CardInputs, choice: ShareChoice) -> tuple[Path, Path, str]:
    """Write the card file and the message beside it, then keep the name and member id."""
    settings = load_settings(journal)
    now = datetime.now().astimezone().replace(microsecond=0)
    card = make_card(dataclasses.replace(inputs, member_id=settings.member_id), name=choice.name,
                     now=now, include=choice.include, note=choice.note)
    message = card_message(card)
    text_path = choice.path.with_suffix(".txt")
    try:
        atomic_write_many({choice.path.expanduser(): card_json(card).encode("utf-8"),
                           text_path.expanduser(): (message + "\n").encode("utf-8")})
    except WriteFailedError as error:
        raise ValidationError(f"Could not write {choice.path}: {error} "
                              "Choose another place.", "path") from None
    keep_identity(journal, settings, choice.name)
    return choice.path, text_path, message


def open_card_share(screen: SectionScreen) -> None:
    """Read what a card needs (in a thread), then show the share dialog."""
    journal = screen.journal
    today = local_now().date()

    def show(inputs: CardInputs) -> None:
        def chosen(choice: ShareChoice | None) -> None:
            if choice is None:
                return

            def done(result: tuple[Path, Path, str]) -> str:
                return (f"Saved your card to {result[0]} and the chat message to {result[1]}. "
                        "The message is copied too, if your terminal allows.")

            screen.pace.save(lambda j: write_card(j, inputs, choice), done,
                             lambda result: screen.app.copy_to_clipboard(result[2]))

        screen.app.push_screen(ShareCardScreen(inputs), chosen)

    screen.load_then(lambda: gather_card_inputs(journal, today), show, group="group-share")


class ShareCardScreen(ModalScreen[ShareChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "share", "Share", id="share", priority=True)]
    DEFAULT_CSS = """
    ShareCardScreen #share-preview { border: round $primary 50%; padding: 0 1; height: auto; }
    ShareCardScreen Checkbox { margin: 0; }
    """

    def __init__(self, inputs: CardInputs) -> None:
        super().__init__()
        self.inputs = inputs

    def compose(self) -> ComposeResult:
        inputs = self.inputs
        with VerticalScroll(classes="dialog", id="share-dialog"):
            yield Static("Share my goal card", classes="section-title")
            yield Label("Name your group sees (it does not have to be your real name):",
                        markup=False)
            yield Input(value=inputs.display_name, id="share-name", max_length=40, compact=True,
                        placeholder="e.g. Robin")
            yield Label("Add only if you want to (health data stays private otherwise):",
                        classes="field-label", markup=False)
            yield Checkbox(Content(PAIN_LABEL), id="inc-pain", compact=True)
            yield Checkbox(Content(SLEEP_LABEL), id="inc-sleep", compact=True,
                           disabled=inputs.sleep is None)
            yield Label("Note (optional, e.g. what helped this week):", classes="field-label",
                        markup=False)
            yield Input(id="share-note", max_length=NOTE_MAX, compact=True)
            yield Label("Save the card file to (the message goes beside it, as .txt):",
                        classes="field-label", markup=False)
            yield Input(value=str(default_path(inputs.today.isoformat())), id="share-path",
                        compact=True)
            yield Label("This is exactly what will be shared:", classes="field-label",
                        markup=False)
            yield Static("", id="share-preview", markup=False)
            yield Problem(id="share-problem")
            with Horizontal(classes="buttons"):
                yield Button("Share (Ctrl+S)", id="do-share", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.update_preview()
        self.query_one("#share-name", Input).focus()

    def include(self) -> tuple[str, ...]:
        chosen = []
        if self.query_one("#inc-pain", Checkbox).value:
            chosen.append("pain")
        sleep = self.query_one("#inc-sleep", Checkbox)
        if sleep.value and not sleep.disabled:
            chosen.append("sleep")
        return tuple(chosen)

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def update_preview(self) -> None:
        # The state in words too, not by the tick's colour alone.
        for box_id, label in (("#inc-pain", PAIN_LABEL), ("#inc-sleep", SLEEP_LABEL)):
            box = self.query_one(box_id, Checkbox)
            box.label = Content(f"{label}: {'yes, included' if box.value else 'no'}")
        preview = self.query_one("#share-preview", Static)
        try:
            card = make_card(self.inputs, name=self.query_one("#share-name", Input).value,
                             now=local_now(), include=self.include(),
                             note=self.query_one("#share-note", Input).value)
        except ValidationError as error:
            preview.update(f"(Nothing to show yet: {error})")
            return
        preview.update(f"{card_text(card)}\n\n{included_words(card)}")

    @on(Button.Pressed, "#do-share")
    @on(Input.Submitted)
    def action_share(self) -> None:
        try:
            name = clean_name(self.query_one("#share-name", Input).value)
            note = self.query_one("#share-note", Input).value
            make_card(self.inputs, name=name, now=local_now(), include=self.include(), note=note)
            path_text = self.query_one("#share-path", Input).value.strip()
            if not path_text:
                raise ValidationError("Say where to save the card file.", "path")
            path = Path(path_text).expanduser()
            if not path.parent.is_dir():
                raise ValidationError(f"The folder {path.parent} does not exist. Choose another "
                                      "place.", "path")
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return
        self.dismiss(ShareChoice(name, self.include(), note, path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
