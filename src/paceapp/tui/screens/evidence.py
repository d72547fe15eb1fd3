"""The assessment summary in the app: choose the period, read the preview, save a PDF or text.

Opened from the GP section (key u, "Evidence summary") and from Ctrl+P there. The preview is the
text version (`outputs.evidence.render_text`), wrapped to the dialog. Files go to the person's
documents folder under a name not taken yet; a name the person typed that is already taken is
replaced only after asking. The person's words are shown as plain text (never as markup).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from paceapp.core.errors import PaceError
from paceapp.core.evidence import DEFAULT_WEEKS, Evidence, EvidencePeriod, evidence_period
from paceapp.outputs.evidence import FILE_STEM
from paceapp.outputs.files import OutputExistsError, ensure_folder, free_path
from paceapp.paths import documents_dir
from paceapp.store.journal import Journal
from paceapp.tui.widgets import Problem

SUFFIX = {"pdf": ".pdf", "text": ".txt"}


def default_path(today: date, fmt: str = "pdf") -> Path:
    """A new name in the documents folder: 'assessment-summary DATE.pdf' (or '... (2).pdf')."""
    return free_path(documents_dir(), f"{FILE_STEM} {today.isoformat()}", SUFFIX[fmt])


def read_period(today: date, weeks: str, start: str, end: str) -> EvidencePeriod:
    """The period from the three boxes (ValidationError names what was wrong)."""
    from paceapp.core.errors import ValidationError
    from paceapp.core.timeparse import parse_date

    first = parse_date(start, today, "from") if start.strip() else None
    last = parse_date(end, today, "to") if end.strip() else None
    count = None
    if weeks.strip() and first is None:
        if not weeks.strip().isdigit():
            raise ValidationError("The weeks must be a whole number, like 12.", "weeks")
        count = int(weeks.strip())
    return evidence_period(today, start=first, end=last, weeks=count)


def write_evidence(evidence: Evidence, path: Path, fmt: str,
                   force: bool = False) -> tuple[Path, str]:
    """Write the summary; return the full path and the 'shortened' note ('' when in full)."""
    from paceapp.outputs.evidence import render_text, save_file, shortened_note

    if path.parent == documents_dir():
        ensure_folder(path.parent)
    if fmt == "pdf":
        from paceapp.outputs.evidence_pdf import render_pdf

        data, level = render_pdf(evidence)
        return save_file(path, data, force=force), shortened_note(level)
    return save_file(path, render_text(evidence).encode(), force=force), ""


class EvidenceScreen(ModalScreen[None]):
    """Choose a period, read the summary, and save it as a PDF (at most two pages) or text."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("p", "write('pdf')", "Write PDF", id="evidence-pdf"),
        Binding("t", "write('text')", "Write text", id="evidence-text"),
    ]
    DEFAULT_CSS = """
    EvidenceScreen #evidence-box { width: 84; max-width: 100%; height: 100%; }
    EvidenceScreen #evidence-title { height: 1; }
    EvidenceScreen .evidence-row { height: 1; }
    EvidenceScreen .evidence-row Label { width: auto; padding: 0 1 0 0; }
    EvidenceScreen #weeks { width: 6; }
    EvidenceScreen #from, EvidenceScreen #to { width: 14; }
    EvidenceScreen #path { width: 1fr; }
    EvidenceScreen #evidence-scroll { height: 1fr; min-height: 4; border: round $primary 50%; }
    EvidenceScreen #where { height: auto; max-height: 3; padding: 0 1; }
    EvidenceScreen .buttons { height: 1; }
    EvidenceScreen .buttons Button { margin: 0 1 0 0; min-width: 0; }
    """

    def __init__(self, journal: Journal, today: date) -> None:
        super().__init__()
        self.journal, self.today = journal, today
        self.evidence: Evidence | None = None
        self.written: Path | None = None
        self.suggested = str(default_path(today))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="evidence-box"):
            yield Static("Evidence summary, from your day records",
                         id="evidence-title", classes="section-title", markup=False)
            with Horizontal(classes="evidence-row"):
                yield Label("Weeks:", markup=False)
                yield Input(str(DEFAULT_WEEKS), id="weeks", compact=True)
                yield Label(" or from", markup=False)
                yield Input("", id="from", placeholder="a day", compact=True)
                yield Label(" to", markup=False)
                yield Input("", id="to", placeholder="today", compact=True)
            with VerticalScroll(id="evidence-scroll"):
                yield Static("Working it out…", id="evidence-text", markup=False)
            yield Problem(id="problem")
            with Horizontal(classes="evidence-row"):
                yield Label("Save as:", markup=False)
                yield Input(self.suggested, id="path", compact=True)
            yield Static("", id="where", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("p Write PDF", id="pdf", variant="primary", compact=True)
                yield Button("t Write text", id="text", compact=True)
                yield Button("Close (Esc)", id="close", compact=True)

    def on_mount(self) -> None:
        self.refresh_preview()
        self.query_one("#evidence-scroll", VerticalScroll).focus()

    # -- the period and the preview --------------------------------------------------------------
    @on(Input.Submitted, "#weeks, #from, #to")
    def period_changed(self) -> None:
        self.refresh_preview()

    def refresh_preview(self) -> None:
        values = [self.query_one(f"#{name}", Input).value for name in ("weeks", "from", "to")]
        try:
            period = read_period(self.today, *values)
        except PaceError as error:
            self.query_one(Problem).say(str(error))
            return
        self.query_one(Problem).say("")
        self.load(period, self.text_width())

    def text_width(self) -> int:
        """The preview's width: the dialog's inside at this terminal size (at most 76)."""
        return max(30, min(76, self.app.size.width - 10))

    def on_resize(self) -> None:
        """Wrap the preview again for the new size (the figures stay as they are)."""
        if self.evidence is not None:
            from paceapp.outputs.evidence import render_text

            self.show(self.evidence, render_text(self.evidence, self.text_width()))

    @work(thread=True, exclusive=True, group="evidence-load", exit_on_error=False)
    def load(self, period: EvidencePeriod, width: int) -> None:
        from paceapp.outputs.evidence import load_evidence, render_text

        try:
            evidence = load_evidence(self.journal, period, self.today)
            text = render_text(evidence, width)
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        self.app.call_from_thread(self.show, evidence, text)

    def show(self, evidence: Evidence, text: str) -> None:
        self.evidence = evidence
        self.query_one("#evidence-text", Static).update(Content(text))

    # -- saving ------------------------------------------------------------------------------------
    @on(Button.Pressed, "#pdf, #text")
    def pressed(self, event: Button.Pressed) -> None:
        self.action_write(event.button.id or "pdf")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def path_submitted(self) -> None:
        suffix = Path(self.query_one("#path", Input).value.strip()).suffix.lower()
        self.action_write("text" if suffix == ".txt" else "pdf")

    def action_write(self, fmt: str) -> None:
        if self.evidence is None:
            self.query_one(Problem).say("The summary is still being worked out. Please wait a "
                                        "moment, then save.")
            return
        box = self.query_one("#path", Input)
        text = box.value.strip()
        if not text:
            self.query_one(Problem).say("Please type a file name to save the summary as.")
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
        self.write_file(self.evidence, path, fmt)

    @work(thread=True, exclusive=True, group="evidence-write", exit_on_error=False)
    def write_file(self, evidence: Evidence, path: Path, fmt: str, force: bool = False) -> None:
        try:
            where, note = write_evidence(evidence, path, fmt, force)
        except OutputExistsError:
            self.app.call_from_thread(self.ask_replace, evidence, path, fmt)
            return
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        self.app.call_from_thread(self.done, where, note)

    def ask_replace(self, evidence: Evidence, path: Path, fmt: str) -> None:
        from paceapp.tui.screens.confirm import ConfirmScreen

        self.query_one("#where", Static).update("")

        def answered(yes: bool | None) -> None:
            if yes:
                self.query_one("#where", Static).update("Writing…")
                self.write_file(evidence, path, fmt, True)
            else:
                self.query_one(Problem).say("Nothing was written. Change the name to keep both.")
                self.query_one("#path", Input).focus()

        self.app.push_screen(ConfirmScreen(f"There is already a file called {path.name} in "
                                           f"{path.parent}.\nReplace it with this summary?",
                                           yes="Replace"), answered)

    def failed(self, message: str) -> None:
        self.query_one("#where", Static).update("")
        self.query_one(Problem).say(message)

    def done(self, where: Path, note: str) -> None:
        self.written = where
        message = f"Saved to: {where}"
        if note:
            message += f"\n{note}"
        self.query_one("#where", Static).update(Content(message))
        self.notify(f"Saved your evidence summary to {where}", markup=False, timeout=8)
