"""Log (or change) an activity: name, how much, when, a note. Enter saves."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from paceapp.app.folder import Journal
from paceapp.core.errors import ValidationError
from paceapp.core.pacing import (
    ActivityLog,
    check_amount,
    check_name,
    close_matches,
    name_key,
    new_activity,
    show_amount,
    unknown_message,
)
from paceapp.core.text import NOTE, clean_text, parse_int
from paceapp.core.timeparse import box_when, date_hint, local_now, show_date, show_time
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.screens.pain_form import when_typed
from paceapp.tui.widgets import problem_and_buttons

if TYPE_CHECKING:
    from paceapp.tui.app import PaceApp


class ActivityForm(DraftForm[ActivityLog | None]):
    """`ActivityForm(log)` changes `log`; `ActivityForm()` logs a new one.

    `units` maps known activity names to their unit ("min" or "count"); a name close to a known
    one is questioned once ("did you mean...?"), and saved as new if Save is pressed again.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    FIELD_WIDGETS = {"at": "when"}

    def __init__(self, log: ActivityLog | None = None, *, units: dict[str, str] | None = None,
                 name: str = "", amount: int | None = None) -> None:
        super().__init__()
        self.record = log
        self.units = dict(units or {})
        self.start_name = log.name if log else name
        self.start_amount = log.amount if log else amount
        self.questioned = ""

    def known(self) -> Sequence[str]:
        return list(self.units)

    def compose(self) -> ComposeResult:
        log = self.record
        # Each label beside its box, so the whole form - with its problems and Save - fits in
        # 24 rows; a smaller window scrolls it.
        with VerticalScroll(classes="dialog", id="activity-dialog"):
            yield Static("Change an activity" if log else "Log an activity",
                         classes="section-title")
            names = ", ".join(self.known()) or "none yet"
            yield Static(f"Your activities: {names}. How much is minutes, or a count for "
                         "counted activities.", classes="hint", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Activity", markup=False)
                yield Input(value=self.start_name, id="name", max_length=120,
                            placeholder="e.g. walking")
            with Horizontal(classes="form-row"):
                yield Label("How much", id="amount-label", markup=False)
                yield Input(value="" if self.start_amount is None else str(self.start_amount),
                            id="amount", restrict=r"-?\d{0,5}", max_length=6,
                            placeholder="e.g. 10")
            with Horizontal(classes="form-row"):
                yield Label("When (optional)", markup=False)
                # 'Mon 23 Nov 14:05': reads back as the same moment
                yield Input(value=box_when(log.at, local_now().date()) if log else "",
                            id="when", placeholder=date_hint())
            with Horizontal(classes="form-row"):
                yield Label("Note (optional)", markup=False)
                yield Input(value=log.note if log else "", id="note", max_length=NOTE)
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#amount" if self.start_name else "#name", Input).focus()

    def draft_key(self) -> str:
        return f"activity:{self.record.id if self.record else 'new'}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def accept(self, result: ActivityLog | None) -> None:
        """A new name close to a known one is questioned once ("did you mean...?")."""
        if result is not None and self.record is None:
            name = result.name
            if name not in self.known() and close_matches(name, self.known()) \
                    and self.questioned != name_key(name):
                self.questioned = name_key(name)
                self.show_problems([("name", unknown_message(name, self.known()) +
                                     " Press Save again to log it as a new activity.")])
                return
        self.dismiss(result)

    def field_checks(self) -> list[Callable[[], object]]:
        now = local_now()
        name = self.query_one("#name", Input).value
        text = self.query_one("#amount", Input).value
        when = self.query_one("#when", Input).value.strip()
        note = self.query_one("#note", Input).value

        def amount() -> int:
            if not text.strip():
                raise ValidationError("Please type how much you did, like 10.", "amount")
            return parse_int(text, "amount", "amount")

        def at() -> None:
            when_typed(when, now)

        return [lambda: check_name(name), amount, at,
                lambda: clean_text(note, "note", NOTE, multiline=True)]

    def unit_for(self, name: str) -> str:
        for known, unit in self.units.items():
            if name_key(known) == name_key(name):
                return unit
        return self.record.unit if self.record else "min"

    def build(self) -> ActivityLog:
        now = local_now()
        name = check_name(self.query_one("#name", Input).value)
        name = next((k for k in self.known() if name_key(k) == name_key(name)), None) or name
        text = self.query_one("#amount", Input).value
        if not text.strip():
            raise ValidationError("Please type how much you did, like 10.", "amount")
        amount = parse_int(text, "amount", "amount")
        at = when_typed(self.query_one("#when", Input).value, now)
        note = self.query_one("#note", Input).value
        unit = self.unit_for(name)
        if self.record is None:
            return new_activity(name, amount, at, now, unit=unit, note=note)
        check_amount(amount, unit, "amount", "amount")
        changed = dataclasses.replace(self.record, name=name, amount=amount, at=at, unit=unit,
                                      note=clean_text(note, "note", NOTE, multiline=True))
        changed.validate()
        return changed


def describe_activity(log: ActivityLog) -> str:
    return (f"{log.name} {show_amount(log.amount, log.unit)} at {show_time(log.at)} on "
            f"{show_date(log.day)}")


def save_new_activity(pace: PaceApp, log: ActivityLog,
                      message: Callable[[ActivityLog], str] | None = None) -> None:
    """Log the activity a form or the timer returned (in a worker; then the section reloads)
    and say so. The form has already questioned a new name close to a known one."""
    from paceapp.app.pacing import ActivityLogged, log_activity

    def change(journal: Journal) -> ActivityLogged:
        return log_activity(journal, log.name, log.amount, at=log.at, now=local_now(),
                            note=log.note, unit=log.unit, new_name_ok=True)

    def done(logged: ActivityLogged) -> str:
        return message(logged.log) if message else f"Saved: {describe_activity(logged.log)}."

    pace.save(change, done)
