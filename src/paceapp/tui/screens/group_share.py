"""Share my goal card: choose the name and the extra sections, see exactly what will be shared,
then save the card file and the chat message (and copy the message, where the terminal allows).

Files go to the person's documents folder under names not taken yet, and the full paths are
shown. A name the person typed that is already taken is replaced only after asking. Like every
form it is a DraftForm: Esc with changes asks first, and the name, the choices and the note come
back when it opens again, until the card is shared.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Static

from paceapp.app.drafts import Values
from paceapp.app.errors import WriteFailedError
from paceapp.app.folder import Journal
from paceapp.app.share import load_card_inputs, share_card
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import NOTE_MAX, GoalCard, clean_name
from paceapp.core.timeparse import local_now
from paceapp.core.value import Value
from paceapp.outputs.files import OutputExistsError, ensure_folder, free_path, write_outputs
from paceapp.outputs.share import CardInputs, card_text, included_words, make_card
from paceapp.paths import documents_dir
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from paceapp.tui.screens.base import SectionScreen

#: How long the "saved to FULL PATH" note stays (long enough to read a path, or copy it down).
SAVED_NOTE_SECONDS = 12


PAIN_LABEL = "Add my pain average (last 7 days)"
SLEEP_LABEL = "Add my sleep average (last 7 nights)"


@dataclass(frozen=True, eq=False, repr=False)
class ShareChoice(Value):
    name: str
    include: tuple[str, ...]
    note: str
    path: Path
    #: The person said yes to replacing files already there (asked only for a name they typed).
    replace: bool = False


def default_path(today_text: str) -> Path:
    """A card name not taken yet in the documents folder (its .txt message beside it too)."""
    return free_path(documents_dir(), f"paceapp-goal-card-{today_text}", ".json", also=(".txt",))


def typed_path(text: str) -> Path:
    """The path the person typed: a bare name goes in the documents folder."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else documents_dir() / path


def write_pair(path: Path, document: str, message: str, replace: bool) -> tuple[Path, Path]:
    """Write a shared document (JSON) and its chat message (.txt) beside it, both or neither.

    Creates the documents folder when they go into it. Returns both full paths.
    """
    text_path = path.with_suffix(".txt")
    try:
        if path.parent == documents_dir():
            ensure_folder(path.parent)
        written = write_outputs({path: document.encode("utf-8"),
                                 text_path: (message + "\n").encode("utf-8")}, force=replace)
    except OutputExistsError as error:
        names = " and ".join(p.name for p in error.paths)
        raise ValidationError(f"{names} is already there, so nothing was written. Choose "
                              "another name.", "path") from None
    except WriteFailedError as error:
        raise ValidationError(f"Could not write {path}: {error} "
                              "Choose another place.", "path") from None
    return written[0], written[1]


def write_card(journal: Journal, inputs: CardInputs, choice: ShareChoice) -> tuple[Path, Path, str]:
    """Write the card file and the message beside it, then keep the name and member id."""
    now = datetime.now().astimezone().replace(microsecond=0)

    def write(_card: GoalCard, document: str, message: str) -> tuple[Path, Path, str]:
        card_path, text_path = write_pair(choice.path, document, message, choice.replace)
        return card_path, text_path, message

    return share_card(journal, inputs, name=choice.name, now=now, include=choice.include,
                      note=choice.note, write=write)


def check_folder(path: Path) -> None:
    """ValidationError unless `path` can be a new file: a name, in a folder that exists (or the
    documents folder, made when saving)."""
    if not path.name:
        raise ValidationError("Say the file name to save, e.g. card.json.", "path")
    if path.parent != documents_dir() and not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist. Choose another "
                              "place.", "path")


#: The worker group of a dialog that waits for the person's answer to another (see goals.py).
FLOW_GROUP = "modal-flow"


def taken(path: Path) -> list[Path]:
    """The file and the message beside it (.txt), those of them already there."""
    return [p for p in (path, path.with_suffix(".txt")) if p.exists()]


def dismiss_or_ask(screen: Screen[Any], path: Path, what: str,
                   result: Callable[[bool], object]) -> None:
    """Close `screen` with `result(False)` when the file and its .txt are free; else ask first
    (in a modal flow), and close with `result(True)` only on yes."""
    if not taken(path):
        screen.dismiss(result(False))
        return
    screen.run_worker(ask_then_dismiss(screen, path, what, result), group=FLOW_GROUP,
                      exclusive=True)


async def ask_then_dismiss(screen: Screen[Any], path: Path, what: str,
                           result: Callable[[bool], object]) -> None:
    """Ask whether to replace the files there; yes closes `screen` with `result(True)`, no
    leaves it open and says nothing was written."""
    from paceapp.tui.screens.confirm import ConfirmScreen

    there = taken(path)
    names = " and ".join(p.name for p in there)
    yes = await screen.app.push_screen_wait(ConfirmScreen(
        f"There is already {names} in {path.parent}.\nReplace "
        f"{'it' if len(there) == 1 else 'them'} with this {what}?", yes="Replace"))
    if yes:
        screen.dismiss(result(True))
    else:
        screen.query_one(Problem).say("Nothing was written. Change the name to keep both.")


def open_card_share(screen: SectionScreen) -> None:
    """Read what a card needs (in a thread), then show the share dialog."""
    journal = screen.journal
    today = local_now().date()

    def show(inputs: CardInputs) -> None:
        def chosen(choice: ShareChoice | None) -> None:
            if choice is None:
                return

            def after(result: tuple[Path, Path, str]) -> None:
                screen.app.copy_to_clipboard(result[2])
                screen.notify(f"Saved your card to {result[0]}\nand the chat message to "
                              f"{result[1]}\nThe message is copied too, if your terminal "
                              "allows.", markup=False, timeout=SAVED_NOTE_SECONDS)

            screen.pace.save(lambda j: write_card(j, inputs, choice), "", after)

        screen.app.push_screen(ShareCardScreen(inputs), chosen)

    screen.load_then(lambda: load_card_inputs(journal, today), show, group="group-share")


class ShareCardScreen(DraftForm[ShareChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "share", "Share", id="share", priority=True)]
    CSS_PATH = "group_share.tcss"
    FIELD_WIDGETS = {"name": "share-name", "note": "share-note", "path": "share-path"}
    #: The two choices count as well as the words (Checkbox is not one of DraftForm's boxes).
    CHOICES = ("inc-pain", "inc-sleep")

    def __init__(self, inputs: CardInputs) -> None:
        super().__init__()
        self.inputs = inputs
        self.suggested = str(default_path(inputs.today.isoformat()))

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
            yield Input(value=self.suggested, id="share-path", compact=True)
            yield Label("This is exactly what will be shared:", classes="field-label",
                        markup=False)
            yield Static("", id="share-preview", markup=False)
            yield Problem(id="share-problem")
            yield ActionButtons(self, bindings_of(self, "share", "cancel"), primary="share",
                                button_ids={"share": "do-share"})

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

    @on(Checkbox.Changed)
    def choice_changed(self) -> None:
        self.update_preview()
        self.form_changed()

    @on(Input.Changed)
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

    @on(Input.Submitted)
    def action_share(self) -> None:
        try:
            name = clean_name(self.query_one("#share-name", Input).value)
            note = self.query_one("#share-note", Input).value
            make_card(self.inputs, name=name, now=local_now(), include=self.include(), note=note)
            path_text = self.query_one("#share-path", Input).value.strip()
            if not path_text:
                raise ValidationError("Say where to save the card file.", "path")
            if path_text == self.suggested:  # still paceapp's suggestion: a name free now
                path = default_path(self.inputs.today.isoformat())
            else:
                path = typed_path(path_text)
            check_folder(path)
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        self.say_problems([])
        choice = ShareChoice(name, self.include(), note, path)
        dismiss_or_ask(self, path, "card",
                       lambda replace: dataclasses.replace(choice, replace=replace))

    def draft_key(self) -> str:
        return "share-card:new"

    def form_values(self) -> Values:
        values = super().form_values()
        for box_id in self.CHOICES:
            values[box_id] = self.query_one(f"#{box_id}", Checkbox).value
        return values

    def set_form_values(self, values: Values) -> None:
        super().set_form_values(values)
        for box_id in self.CHOICES:
            value = values.get(box_id)
            if isinstance(value, bool):
                self.query_one(f"#{box_id}", Checkbox).value = value
