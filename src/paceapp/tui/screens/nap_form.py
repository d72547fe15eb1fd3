"""Log (or change) a nap: a rest asleep in the day, kept apart from the nights.

Three boxes: when it started, when it ended, a note. How long it lasted is worked out as they
type (real time, across a clock change too). A time alone ("15:10") for the end is on the day the
nap started (the next day when it is earlier on the clock). Enter moves to the next box; Ctrl+S
saves. Saving checks it against the stored naps and nights (off the UI thread) and says what is
wrong in the form, before anything is stored.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from paceapp.app.sleep import check_nap
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.nap import (
    MAX_NAP_MIN,
    NAP_WORDS,
    Nap,
    check_not_future,
    describe_nap,
    new_nap,
    parse_nap_end,
)
from paceapp.core.text import NOTE, clean_text
from paceapp.core.timeparse import (
    ClockChangeError,
    box_when,
    local_now,
    parse_when,
    show_minutes,
)
from paceapp.tui.hints import in_tui_words
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

#: (input id, label, placeholder) in order; Enter walks through them.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("started", "Fell asleep", "e.g. 14:00, or yesterday 14:00"),
    ("ended", "Woke", "e.g. 15:10, or now"),
    ("note", "Note", "optional"),
)


class NapForm(DraftForm[Nap | None]):
    """Log a nap (`nap` None) or change one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
    ]
    CSS_PATH = "nap_form.tcss"

    def __init__(self, nap: Nap | None = None) -> None:
        super().__init__()
        self.nap = nap

    def _start_value(self, name: str) -> str:
        if self.nap is None:
            return ""
        value = getattr(self.nap, name)
        # 'Sat 21 Nov 14:00' (with 'first'/'second' in an hour the clocks repeated): reads back
        # as the same moment
        return (box_when(value, local_now().date()) if isinstance(value, datetime)
                else str(value))

    def compose(self) -> ComposeResult:
        title = "Change a nap" if self.nap else "Log a nap"
        hint = (f"A nap is {NAP_WORDS}, kept apart from the nights: it never changes the "
                "sleep diary's figures. Enter moves on, Ctrl+S saves, Esc cancels.")
        with VerticalScroll(classes="dialog", id="nap-dialog"):
            yield Static(title, classes="section-title", markup=False)
            yield Static(hint, classes="hint", markup=False)
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="row"):
                    yield Label(label, markup=False)
                    yield Input(self._start_value(name), id=name, compact=True,
                                placeholder=placeholder, max_length=NOTE)
            yield Static("", id="lasted", markup=False)
            yield Problem(id="problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save",
                                compact=True)

    def on_mount(self) -> None:
        self.query_one("#started", Input).focus()
        self.refresh_lasted()

    # -- reading the boxes ----------------------------------------------------------------
    def text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def build(self) -> Nap:
        """The nap as typed; ValidationError names the box that is wrong."""
        now = local_now()
        start_text, end_text = self.text("started"), self.text("ended")
        if not start_text:
            raise ValidationError("Please say when you fell asleep, e.g. 14:00.", "started")
        if not end_text:
            raise ValidationError("Please say when you woke, e.g. 15:10 (or now).", "ended")
        started = parse_when(start_text, now, "started")
        ended = parse_nap_end(end_text, started, now, "ended")
        note = self.query_one("#note", Input).value
        if self.nap is None:
            return new_nap(started, ended, now, note)
        changed = dataclasses.replace(self.nap, started=started, ended=ended,
                                      note=clean_text(note, "note", NOTE, multiline=True))
        changed.validate()
        check_not_future(changed, now)
        return changed

    def refresh_lasted(self) -> None:
        try:
            nap = self.build()
        except ClockChangeError as error:  # said at once, in the words the CLI uses
            self.query_one("#lasted", Static).update("Lasted: not worked out yet (see below).")
            self.query_one(Problem).say(str(error))
            return
        except ValidationError:
            typed = self.text("started") and self.text("ended")
            self.query_one("#lasted", Static).update(
                "Lasted: not worked out yet (Ctrl+S says what is wrong)." if typed
                else f"Lasted: type both times (a nap is at most {show_minutes(MAX_NAP_MIN)}).")
            self.query_one(Problem).say("")
            return
        self.query_one(Problem).say("")
        self.query_one("#lasted", Static).update(f"Lasted: {show_minutes(nap.minutes)}")

    @on(Input.Changed)
    def changed(self) -> None:
        self.refresh_lasted()

    @on(Input.Submitted)
    def next_box(self, event: Input.Submitted) -> None:
        names = [name for name, _label, _placeholder in FIELDS]
        name = event.input.id or ""
        if name == "note":
            self.action_save()
            return
        following = names[names.index(name) + 1] if name in names else "note"
        self.query_one(f"#{following}", Input).focus()

    # -- saving ---------------------------------------------------------------------------
    def action_save(self) -> None:
        try:
            nap = self.build()
        except ValidationError as error:
            self.say(error)
            return
        self.check_and_close(nap)

    @work(thread=True, exclusive=True, group="nap-form-check")
    def check_and_close(self, nap: Nap) -> None:
        """Check it against the stored naps and nights off the UI thread, then close or say."""
        from paceapp.tui.app import PaceApp

        app = self.app
        try:
            if isinstance(app, PaceApp):
                check_nap(app.journal, nap)
        except PaceError as error:
            app.call_from_thread(self.say, in_tui_words(error))
            return
        app.call_from_thread(self.close_with, nap)

    def close_with(self, nap: Nap) -> None:
        if self.is_current:  # not already closed with Esc while the check ran
            self.dismiss(nap)

    def draft_key(self) -> str:
        return f"nap:{self.nap.id if self.nap else 'new'}"

    def say(self, error: PaceError) -> None:
        if not self.is_current:
            return
        self.show_problems(error.problems if isinstance(error, ValidationError)
                           else [(None, str(error))])


def nap_saved_message(nap: Nap, *, new: bool) -> str:
    """What to say once it is stored."""
    if new:
        return f"Saved: {describe_nap(nap)}, apart from the nights. Ctrl+Z undoes it."
    return f"Changed the {describe_nap(nap)}. Ctrl+Z undoes it."
