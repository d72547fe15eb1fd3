"""The assessment summary in the app: choose the period, read the preview, save a PDF or text.

Opened from the GP section (key u, "Evidence summary") and from Ctrl+P there. The preview is the
text version (`outputs.evidence.render_text`), wrapped to the dialog. Files go to the person's
documents folder under a name not taken yet; a name the person typed that is already taken is
replaced only after asking. The person's words are shown as plain text (never as markup).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from paceapp.app import evidence as evidence_app
from paceapp.app.folder import Journal
from paceapp.core.errors import PaceError
from paceapp.core.evidence import DEFAULT_WEEKS, Evidence, EvidencePeriod
from paceapp.outputs.evidence import FILE_STEM
from paceapp.tui.save_document import SaveDocumentScreen, Writer, suggested_path
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

SUFFIX = {"pdf": ".pdf", "text": ".txt"}
log = logging.getLogger(__name__)


def default_path(today: date, fmt: str = "pdf") -> Path:
    """A new name in the documents folder: 'assessment-summary DATE.pdf' (or '... (2).pdf')."""
    return suggested_path(f"{FILE_STEM} {today.isoformat()}", SUFFIX[fmt])


def read_period(today: date, weeks: str, start: str, end: str) -> EvidencePeriod:
    """The period from the three boxes (ValidationError names what was wrong)."""
    return evidence_app.read_period(today, start=start, end=end, weeks=weeks)


class EvidenceScreen(SaveDocumentScreen[None]):
    """Choose a period, read the summary, and save it as a PDF (at most two pages) or text."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("p", "write('pdf')", "Write PDF", id="evidence-pdf"),
        Binding("t", "write('text')", "Write text", id="evidence-text"),
    ]
    CSS_PATH = "evidence.tcss"
    SUFFIX = SUFFIX
    DOCUMENT = "summary"

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
            yield ActionButtons(
                self, bindings_of(self, "evidence-pdf", "evidence-text", "close"),
                primary="evidence-pdf", compact=True,
                button_ids={"evidence-pdf": "pdf", "evidence-text": "text"})

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
        from paceapp.outputs.evidence import render_text

        try:
            evidence = evidence_app.load_evidence(self.journal, period, self.today)
            text = render_text(evidence, width)
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        except Exception as error:  # noqa: BLE001 - told to the person (and logged), not lost
            from paceapp.tui.screens.base import unexpected_problem

            log.error("Working out the evidence summary failed", exc_info=error)
            self.app.call_from_thread(self.failed, unexpected_problem(error))
            return
        self.app.call_from_thread(self.show, evidence, text)

    def show(self, evidence: Evidence, text: str) -> None:
        self.evidence = evidence
        self.query_one("#evidence-text", Static).update(Content(text))

    # -- saving ------------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    def path_submitted(self) -> None:
        suffix = Path(self.query_one("#path", Input).value.strip()).suffix.lower()
        self.action_write("text" if suffix == ".txt" else "pdf")

    def action_write(self, fmt: str) -> None:
        self.save_as(fmt)

    def suggestion(self, fmt: str) -> Path:
        return default_path(self.today, fmt)

    def writer(self) -> Writer | None:
        evidence = self.evidence
        if evidence is None:
            self.query_one(Problem).say("The summary is still being worked out. Please wait a "
                                        "moment, then save.")
            return None

        def write(path: Path, fmt: str, force: bool) -> tuple[Path, str]:
            return evidence_app.write_evidence(evidence, path, fmt, force=force)

        return write

    def done(self, where: Path, note: str) -> None:
        self.written = where
        message = f"Saved to: {where}"
        if note:
            message += f"\n{note}"
        self.query_one("#where", Static).update(Content(message))
        self.notify(f"Saved your evidence summary to {where}", markup=False, timeout=8)
