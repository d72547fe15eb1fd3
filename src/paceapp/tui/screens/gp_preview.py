"""Preview the one-page GP sheet as text, and write it as a PDF, text or HTML file.

Sheets go to the person's documents folder under a name not taken yet, and the full path is
shown. A name the person typed that is already taken is replaced only after asking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from paceapp.app.folder import Journal
from paceapp.app.gp import write_sheet
from paceapp.outputs.gp_sheet import SheetInputs, render_text
from paceapp.tui.save_document import SaveDocumentScreen, Writer, suggested_path
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

#: The preview is re-wrapped to fit inside the dialog at 80 columns (the files stay 80 wide).
PREVIEW_WIDTH = 70
SUFFIX = {"pdf": ".pdf", "text": ".txt", "html": ".html"}


def sheet_stem(today: date) -> str:
    return f"gp-sheet-{today.isoformat()}"


def default_path(today: date, fmt: str = "pdf") -> Path:
    """Where a sheet goes unless the person says otherwise: a new name in their documents
    folder (gp-sheet-DATE.pdf, or "gp-sheet-DATE (2).pdf" when that is taken)."""
    return suggested_path(sheet_stem(today), SUFFIX[fmt])


class SheetPreview(SaveDocumentScreen[None]):
    """The sheet as it will print (text form), with a file name and buttons to write it."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("p", "write('pdf')", "Write PDF", id="write-pdf"),
        Binding("t", "write('text')", "Write text", id="write-text"),
        Binding("h", "write('html')", "Write HTML", id="write-html"),
    ]
    CSS_PATH = "gp_preview.tcss"
    #: Below 72 columns the four buttons take two rows (on one row 'Close' was cut off).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]
    SUFFIX = SUFFIX
    DOCUMENT = "sheet"

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
            yield ActionButtons(
                self, bindings_of(self, "write-pdf", "write-text", "write-html", "close"),
                primary="write-pdf", compact=True,
                button_ids={"write-pdf": "pdf", "write-text": "text", "write-html": "html"})

    def on_mount(self) -> None:
        self.query_one("#sheet-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        self.action_write(self.fmt_from_path())

    def fmt_from_path(self) -> str:
        suffix = Path(self.query_one("#path", Input).value.strip()).suffix.lower()
        return {".txt": "text", ".html": "html", ".htm": "html"}.get(suffix, "pdf")

    def action_write(self, fmt: str) -> None:
        self.save_as(fmt)

    def suggestion(self, fmt: str) -> Path:
        return default_path(self.today, fmt)

    def writer(self) -> Writer:
        def write(path: Path, fmt: str, force: bool) -> tuple[Path, str]:
            return write_sheet(self.inputs, path, fmt, force=force)

        return write

    def done(self, where: Path, note: str) -> None:
        self.written = where
        message = f"Saved your GP sheet to: {where}"
        if note:
            message += f"\n{note}"
        self.query_one("#where", Static).update(message)
        self.notify(f"Saved your GP sheet to {where}", markup=False, timeout=8)
