"""Preview the one-page GP sheet as text, and write it as a PDF, text or HTML file."""

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
from paceapp.outputs.gp_sheet import SheetInputs, render_text, save_file
from paceapp.store.journal import Journal
from paceapp.tui.widgets import Problem

#: The preview is re-wrapped to fit inside the dialog at 80 columns (the files stay 80 wide).
PREVIEW_WIDTH = 70
SUFFIX = {"pdf": ".pdf", "text": ".txt", "html": ".html"}


def default_path(today: date, fmt: str = "pdf") -> Path:
    """Where a sheet goes unless the person says otherwise: the folder paceapp was started in."""
    return Path.cwd() / f"gp-sheet-{today.isoformat()}{SUFFIX[fmt]}"


def write_sheet(inputs: SheetInputs, path: Path, fmt: str) -> tuple[Path, str]:
    """Write the sheet; return the full path and the 'shortened' note ('' when in full)."""
    from paceapp.core.gp_sheet import shortened_note

    if fmt == "pdf":
        from paceapp.outputs.gp_pdf import render_pdf

        data, sheet = render_pdf(inputs)
        return save_file(path, data), shortened_note(sheet)
    if fmt == "html":
        from paceapp.outputs.gp_html import render_html

        return save_file(path, render_html(inputs).encode()), ""
    return save_file(path, render_text(inputs).encode()), ""


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
    """

    def __init__(self, inputs: SheetInputs, journal: Journal, today: date) -> None:
        super().__init__()
        self.inputs, self.journal, self.today = inputs, journal, today
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="preview-box"):
            yield Static("Your GP sheet (one page; scroll with the arrow keys)", markup=False,
                         classes="section-title")
            with VerticalScroll(id="sheet-scroll"):
                yield Static(render_text(self.inputs, PREVIEW_WIDTH), id="sheet-text",
                             markup=False)
            yield Label("Save as (a file name or full path):", classes="field-label", markup=False)
            yield Input(str(default_path(self.today)), id="path")
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
        path = Path(text).expanduser()
        if path.suffix.lower() != SUFFIX[fmt]:
            path = path.with_suffix(SUFFIX[fmt])
            box.value = str(path)
        if not path.is_absolute():
            path = Path.cwd() / path
        self.query_one(Problem).say("")
        self.query_one("#where", Static).update("Writing…")
        self.write_file(path, fmt)

    @work(thread=True, exclusive=True, group="gp-write", exit_on_error=False)
    def write_file(self, path: Path, fmt: str) -> None:
        try:
            where, note = write_sheet(self.inputs, path, fmt)
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        self.app.call_from_thread(self.done, where, note)

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
