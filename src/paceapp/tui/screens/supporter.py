"""How to help me: a page for supporters. Tick the parts, write or change the words, see exactly
what the page holds (a live preview), then save it (PDF or text) and the chat message.

Nothing is written or copied before the preview has been on the screen; the private note is on
the page only when ticked. All text is shown as plain text (Content / markup=False), never as
markup. The words and ticks are kept for next time (`core.supporter.SupporterPage`).
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
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static, TextArea

from paceapp.app.errors import WriteFailedError
from paceapp.app.folder import Journal
from paceapp.app.supporter import load_supporter, share_page
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import clean_name
from paceapp.core.supporter import (
    CRISIS,
    HEADINGS,
    NO_NAME,
    PARTS,
    TEXT_PARTS,
    SupporterContent,
    SupporterCopy,
    check_words,
    included_words,
)
from paceapp.core.timeparse import local_now
from paceapp.core.value import Value
from paceapp.outputs.files import OutputExistsError, ensure_folder, free_path, write_outputs
from paceapp.outputs.supporter import (
    SupporterInputs,
    make_content,
    supporter_message,
    supporter_text,
)
from paceapp.paths import documents_dir
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

if TYPE_CHECKING:
    from paceapp.tui.screens.base import SectionScreen

SAVED_NOTE_SECONDS = 12
CRISIS_LABEL = "paceapp's crisis contacts (999, NHS 111, Samaritans, Shout, your GP)"



class WrappingCheckbox(Checkbox):
    """A tick box whose words wrap at word boundaries in a narrow window (a plain Checkbox is
    one row, so the crisis contacts' last words were cut at 60 columns and ran past the dialog
    at 160)."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(max(1, width))))


@dataclass(frozen=True, eq=False, repr=False)
class SupporterChoice(Value):
    """What the person chose: the page, their words and ticks, and where to save it."""

    content: SupporterContent
    words: dict[str, str]
    parts: tuple[str, ...]
    #: None: only copy the chat message (nothing is written but the words and ticks).
    path: Path | None


def default_path(day: str, suffix: str = ".pdf") -> Path:
    return free_path(documents_dir(), f"paceapp-how-to-help-{day}", suffix,
                     also=("-message.txt",))


def message_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-message.txt")


def save_page(journal: Journal, inputs: SupporterInputs, choice: SupporterChoice,
              now: datetime) -> tuple[Path | None, Path | None, str]:
    """Write the page (PDF or text, by the file's ending) and the chat message beside it, then
    keep the words, the ticks and the name. Both files or neither; nothing is replaced."""

    def write(content: SupporterContent) -> tuple[Path | None, Path | None, str]:
        message = supporter_message(content)
        if choice.path is None:
            return None, None, message
        if choice.path.suffix.lower() == ".pdf":
            from paceapp.outputs.supporter_pdf import render_pdf

            data = render_pdf(content)
        else:
            data = supporter_text(content).encode("utf-8")
        try:
            if choice.path.parent == documents_dir():
                ensure_folder(choice.path.parent)
            page_file, text_file = write_outputs(
                {choice.path: data, message_path(choice.path): message.encode("utf-8")})
        except OutputExistsError as error:
            names = " and ".join(p.name for p in error.paths)
            raise ValidationError(f"{names} is already there, so nothing was written. Choose "
                                  "another name.", "path") from None
        except WriteFailedError as error:
            raise ValidationError(f"Could not write {choice.path}: {error} Choose another "
                                  "place.", "path") from None
        return page_file, text_file, message

    return share_page(journal, choice.content, now=now, write=write,
                      keep=(inputs, choice.words, choice.parts))


def open_supporter(screen: SectionScreen) -> None:
    """Read the page's words and the flare-up plan (in a thread), then show the screen."""
    journal = screen.journal

    def show(inputs: SupporterInputs) -> None:
        def chosen(choice: SupporterChoice | None) -> None:
            if choice is None:
                return

            def after(result: tuple[Path | None, Path | None, str]) -> None:
                screen.app.copy_to_clipboard(result[2])
                if result[0] is None:
                    screen.notify("Copied the chat message, if your terminal allows. To have it "
                                  "in a file as well, save the page (h, then Ctrl+S).",
                                  markup=False, timeout=SAVED_NOTE_SECONDS)
                    return
                screen.notify(f"Saved your supporter page to {result[0]}\nand the chat message "
                              f"to {result[1]}\nThe message is copied too, if your terminal "
                              "allows.", markup=False, timeout=SAVED_NOTE_SECONDS)

            now = datetime.now().astimezone().replace(microsecond=0)
            screen.pace.save(lambda j: save_page(j, inputs, choice, now), "", after)

        screen.app.push_screen(SupporterScreen(inputs), chosen)

    screen.load_then(lambda: load_supporter(journal), show, group="group-supporter")


class SupporterScreen(FocusOnceLaidOut, ModalScreen[SupporterChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "save", "Save", id="save", priority=True),
                Binding("ctrl+y", "copy", "Copy message", id="copy", priority=True)]
    CSS_PATH = "supporter.tcss"

    def __init__(self, inputs: SupporterInputs) -> None:
        super().__init__()
        self.inputs = inputs
        self.today = local_now().date().isoformat()
        self.suggested = str(default_path(self.today))

    def compose(self) -> ComposeResult:
        inputs = self.inputs
        ticked = set(inputs.parts)
        with VerticalScroll(classes="dialog", id="supporter-dialog"):
            yield Static("How to help me: a page for your supporters", classes="section-title",
                         markup=False)
            yield Static("Tick what goes on the page, and change the words if you like. Nothing "
                         "is shared until you save it.", markup=False)
            yield Static("Your name as your supporters know it:", markup=False)
            yield Input(value=inputs.settings.display_name, id="supporter-name", max_length=40,
                        compact=True, placeholder="e.g. Robin")
            for key, heading, _field in TEXT_PARTS:
                yield WrappingCheckbox(Content(heading), key in ticked, id=f"tick-{key}", compact=True)
                yield TextArea(inputs.words.get(key, ""), id=f"words-{key}", compact=True,
                               soft_wrap=True, show_line_numbers=False)
                if key == "who_to_call":
                    yield WrappingCheckbox(Content(CRISIS_LABEL), CRISIS in ticked, id=f"tick-{CRISIS}",
                                   compact=True)
            yield Static("Save the page to (.pdf for one A4 page, or .txt; the chat message goes "
                         "beside it):", classes="field-label", markup=False)
            yield Input(value=self.suggested, id="supporter-path", compact=True)
            yield Static("This is exactly what the page holds:", classes="field-label",
                         markup=False)
            yield Static("", id="supporter-preview", markup=False)
            yield Problem(id="supporter-problem")
            yield ActionButtons(self, bindings_of(self, "save", "copy", "cancel"),
                                primary="save", button_ids={"save": "do-save", "copy": "do-copy"})

    def on_mount(self) -> None:
        self.update_preview()
        self.started = self.state()
        self.query_one("#supporter-name", Input).focus()

    def state(self) -> tuple[object, ...]:
        """What the person can change here, to tell whether Esc would lose anything."""
        return (self.query_one("#supporter-name", Input).value, self.parts(),
                tuple(sorted(self.words().items())))

    def parts(self) -> tuple[str, ...]:
        return tuple(p for p in PARTS if self.query_one(f"#tick-{p}", Checkbox).value)

    def words(self) -> dict[str, str]:
        return {key: self.query_one(f"#words-{key}", TextArea).text
                for key, _heading, _field in TEXT_PARTS}

    def content(self, *, checked: bool) -> SupporterContent:
        """The page as ticked. `checked`: the name and words are checked as for saving."""
        raw = self.query_one("#supporter-name", Input).value
        if checked:
            name = clean_name(raw)
            words = {key: check_words(text, key) for key, text in self.words().items()}
        else:
            name = " ".join(raw.split())[:40] or NO_NAME
            words = {key: "\n".join(" ".join(line.split()) for line in text.splitlines()
                                    if line.strip())
                     for key, text in self.words().items()}
        return make_content(dataclasses.replace(self.inputs, words=words), self.parts(),
                            name=name, now=local_now())

    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def update_preview(self) -> None:
        for part in PARTS:  # the state in words too, not by the tick's colour alone
            box = self.query_one(f"#tick-{part}", Checkbox)
            label = CRISIS_LABEL if part == CRISIS else HEADINGS[part]
            box.label = Content(f"{label}: {'on the page' if box.value else 'left out'}")
        content = self.content(checked=False)
        preview = self.query_one("#supporter-preview", Static)
        preview.update(Content(supporter_text(content, 56) + "\n"
                               + included_words(content, self.parts())))

    def checked_choice(self) -> SupporterChoice | None:
        try:
            content = self.content(checked=True)
            if not content.parts():
                raise ValidationError("There is nothing on the page yet: tick a part that has "
                                      "words.", "parts")
            path_text = self.query_one("#supporter-path", Input).value.strip()
            if not path_text:
                raise ValidationError("Say where to save the page, e.g. how-to-help.pdf.", "path")
            if path_text == self.suggested:
                path = default_path(self.today)
            else:
                path = Path(path_text).expanduser()
                path = path if path.is_absolute() else documents_dir() / path
            if path.suffix.lower() not in (".pdf", ".txt"):
                raise ValidationError("End the file name with .pdf (one A4 page) or .txt "
                                      "(text).", "path")
            if path.parent != documents_dir() and not path.parent.is_dir():
                raise ValidationError(f"The folder {path.parent} does not exist. Choose "
                                      "another place.", "path")
            if path.exists() or message_path(path).exists():
                raise ValidationError(f"There is already a file called {path.name} (or its "
                                      "message) there. Choose another name.", "path")
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return None
        words = {key: check_words(text, key) for key, text in self.words().items()}
        return SupporterChoice(content, words, self.parts(), path)

    def action_save(self) -> None:
        choice = self.checked_choice()
        if choice is not None:
            self.dismiss(choice)

    def action_copy(self) -> None:
        try:
            content = self.content(checked=True)
            if not content.parts():
                raise ValidationError("There is nothing on the page yet: tick a part that has "
                                      "words.", "parts")
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return
        words = {key: check_words(text, key) for key, text in self.words().items()}
        self.dismiss(SupporterChoice(content, words, self.parts(), None))

    def action_cancel(self) -> None:
        """Close; with changes, ask first (Keep writing is the default), as every form does."""
        if self.state() == getattr(self, "started", None):
            self.dismiss(None)
            return
        from paceapp.tui.screens.confirm import LeaveQuestion

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(LeaveQuestion(keeps_draft=False), answered)


class SupporterCopyScreen(FocusOnceLaidOut, ModalScreen[None]):
    """Someone's supporter page, as they shared it: read-only. The crisis contacts shown are
    this paceapp's own (core.safety), never the page's."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close", key_display="Esc")]

    def __init__(self, copy: SupporterCopy, shown_name: str) -> None:
        super().__init__()
        self.copy, self.shown_name = copy, shown_name

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="supporter-copy-dialog"):
            yield Static(Content(f"How to help {self.shown_name} (read-only)"),
                         classes="section-title", markup=False)
            yield Static(Content(supporter_text(self.copy.content(), 56)), markup=False,
                         id="supporter-copy-text")
            yield ActionButtons(self, bindings_of(self, "close"), primary="close")

    def action_close(self) -> None:
        self.dismiss()
