"""Preview the one-page GP sheet as text, and write it as a PDF, text or HTML file.

Sheets go to the person's documents folder under a name not taken yet, and the full path is
shown. A name the person typed that is already taken is replaced only after asking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from paceapp.core.errors import PaceError
from paceapp.outputs.files import OutputExistsError, ensure_folder, free_path
from paceapp.outputs.gp_sheet import SheetInputs, render_text, save_file
from paceapp.paths import documents_dir
from paceapp.store.journal import Journal
from paceapp.tui.widgets import Problem

#: The preview is re-wrapped to fit inside the dialog at 80 columns (the files stay 80 wide).
PREVIEW_WIDTH = 70
SUFFIX = {"pdf": ".pdf", "text": ".txt", "html": ".html"}


def sheet_stem(today: date) -> str:
    return f"gp-sheet-{today.isoformat()}"


def default_path(today: date, fmt: str = "pdf") -> Path:
    """Where a sheet goes unless the person says otherwise: a new name in their documents
    folder (gp-sheet-DATE.pdf, or "gp-sheet-DATE (2).pdf" when that is taken)."""
    return free_path(documents_dir(), sheet_stem(today), SUFFIX[fmt])


def write_sheet(inputs: SheetInputs, path: Path, fmt: str,
                force: bool = False) -> tuple[Path, str]:
    """Write the sheet; return the full path and the 'shortened' note ('' when in full).

    The documents folder is created if the sheet goes into it; any other folder must exist.
    A file already there is replaced only with `force` (else OutputExistsError).
    """
    from paceapp.core.gp_sheet import shortened_note

    if path.parent == documents_dir():
        ensure_folder(path.parent)
    if fmt == "pdf":
        from paceapp.outputs.gp_pdf import render_pdf

        data, sheet = render_pdf(inputs)
        return save_file(path, data, force=force), shortened_note(sheet)
    if fmt == "html":
        from paceapp.outputs.gp_html import render_html

        return save_file(path, render_html(inputs).encode(), force=force), ""
    return save_file(path, render_text(inputs).encode(), force=force), ""


class SheetPreview(ModalScreen[None]):
    """The sheet as it will print (text form), with a file name and buttons to write it."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("p", "write('pdf')", "Write PDF", id="write-pdf"),
        Binding("t", "write('text')", "Write text", id="write-text"),
        Binding("h", "write('html')", "Write HTML", id="write-html"),
    ]
    DEFAULT_CSS = """
    SheetPreview #preview-box { width: 84; max-width: 100%; height: 100%; }
    SheetPreview #sheet-scroll { height: 1fr; border: round $primary 50%; }
    SheetPreview #where { height: auto; padding: 0 1; }
    SheetPreview .buttons Button { min-width: 0; }
    SheetPreview.-narrow .buttons { layout: grid; grid-size: 2; grid-rows: 1; height: auto; }
    """
    #: Below 72 columns the four buttons take two rows (on one row 'Close' was cut off).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]

    def __init__(self, inputs: SheetInputs, journal: Journal, today: date) -> None:
        super().__init__()
        self.inputs, self.journal, self.today = inputs, journal, today
        self.written: Path | None = None
        #: The name paceapp suggested (while the box still shows it, each save gets a new name).
        self.suggested = str(default_path(today))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="preview-box"):
            yield Static("Your GP sheet (one page; scroll with the arrow keys)", markup=False,
                         classes="section-title")
            with VerticalScroll(id="sheet-scroll"):
                yield Static(render_text(self.inputs, PREVIEW_WIDTH), id="sheet-text",
                             markup=False)
            yield Label("Save as (a name in your documents folder, or a full path):",
                        classes="field-label", markup=False)
            yield Input(self.suggested, id="path")
            yield Problem(id="problem")
            yield Static("", id="where", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("p Write PDF", id="pdf", variant="primary", compact=True)
                yield Button("t Write text", id="text", compact=True)
                yield Button("h Write HTML", id="html", compact=True)
                yield Button("Close (Esc)", id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#sheet-scroll", VerticalScroll).focus()

    @on(Button.Pressed, "#pdf, #text, #html")
    def pressed(self, event: Button.Pressed) -> None:
        self.action_write(event.button.id or "pdf")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        self.action_write(self.fmt_from_path())

    def fmt_from_path(self) -> str:
        suffix = Path(self.query_one("#path", Input).value.strip()).suffix.lower()
        return {".txt": "text", ".html": "html", ".htm": "html"}.get(suffix, "pdf")

    def action_write(self, fmt: str) -> None:
        box = self.query_one("#path", Input)
        text = box.value.strip()
        if not text:
            self.query_one(Problem).say("Please type a file name to save the sheet as.")
            box.focus()
            return
        if text == self.suggested:  # not changed by the person: a name that is free now
            path = default_path(self.today, fmt)
        else:
            path = Path(text).expanduser()
            if path.suffix.lower() != SUFFIX[fmt]:
                path = path.with_suffix(SUFFIX[fmt])
            if not path.is_absolute():
                path = documents_dir() / path
        box.value = str(path)
        if text == self.suggested:
            self.suggested = box.value
        self.query_one(Problem).say("")
        self.query_one("#where", Static).update("Writing…")
        self.write_file(path, fmt)

    @work(thread=True, exclusive=True, group="gp-write", exit_on_error=False)
    def write_file(self, path: Path, fmt: str, force: bool = False) -> None:
        try:
            where, note = write_sheet(self.inputs, path, fmt, force)
        except OutputExistsError:
            self.app.call_from_thread(self.ask_replace, path, fmt)
            return
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        self.app.call_from_thread(self.done, where, note)

    def ask_replace(self, path: Path, fmt: str) -> None:
        """The person typed the name of a file that is there: replace it only if they say so."""
        from paceapp.tui.screens.confirm import ConfirmScreen

        self.query_one("#where", Static).update("")

        def answered(yes: bool | None) -> None:
            if yes:
                self.query_one("#where", Static).update("Writing…")
                self.write_file(path, fmt, True)
            else:
                self.query_one(Problem).say("Nothing was written. Change the name to keep both.")
                self.query_one("#path", Input).focus()

        self.app.push_screen(ConfirmScreen(f"There is already a file called {path.name} in "
                                           f"{path.parent}.\nReplace it with this sheet?",
                                           yes="Replace"), answered)

    def failed(self, message: str) -> None:
        self.query_one("#where", Static).update("")
        self.query_one(Problem).say(message)

    def done(self, where: Path, note: str) -> None:
        self.written = where
        message = f"Saved your GP sheet to: {where}"
        if note:
            message += f"\n{note}"
        self.query_one("#where", Static).update(message)
        self.notify(f"Saved your GP sheet to {where}", markup=False, timeout=8)
