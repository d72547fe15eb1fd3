"""The activity/rest timer in the app: counts the chunk down, rings and says stop, counts the rest,
then offers to log the activity with the real minutes.

It drives the same clock-injected `core.timer.PaceTimer` as `paceapp pace timer`; tests pass a
fake clock and call `tick()` themselves, so nothing waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.pacing import ActivityLog, new_activity, show_amount
from paceapp.core.text import parse_int
from paceapp.core.timeparse import local_now
from paceapp.core.timer import Event, PaceTimer, Phase, clock_text, done_text, rest_text
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of, button_label

if TYPE_CHECKING:
    from textual.app import App


class TimerScreen(FocusOnceLaidOut, ModalScreen[ActivityLog | None]):
    """Activity, then rest. p pause/resume, s stop; at the end: log it (Enter) or skip (Esc)."""

    BINDINGS = [
        Binding("p,space", "pause_or_go_on", "Pause / go on", id="timer-pause", key_display="p"),
        Binding("s", "stop", "Stop", id="timer-stop"),
        Binding("escape", "leave", "Close", id="timer-close"),
    ]
    CSS_PATH = "timer.tcss"

    def __init__(self, name: str, unit: str, minutes: float, rest_min: float, *,
                 log_default: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.activity = name
        self.unit = unit
        self.clock = clock
        self.rest_min = rest_min
        self.timer = PaceTimer.for_minutes(minutes, rest_min)
        self.log_default = log_default
        self.offered = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="timer-dialog"):
            yield Static(f"Timer: {self.activity}", classes="section-title", markup=False)
            yield Static("", id="timer-clock", markup=False)
            yield Static("", id="timer-message", markup=False)
            yield ActionButtons(self, bindings_of(self, "timer-pause", "timer-stop"),
                                primary="timer-pause", id="timer-controls")
            with Vertical(id="timer-log", classes="-hidden"):
                yield Label("", id="log-label", classes="field-label", markup=False)
                yield Input("", id="log-amount", restrict=r"\d{0,4}", max_length=4)
                yield Problem(id="problem")
                with Horizontal(classes="buttons"):
                    yield Button("Log it (Enter)", id="log", variant="primary")
                    yield Button("Skip (Esc)", id="skip")

    def on_mount(self) -> None:
        self.timer.start(self.clock())
        self.show_state()
        self.set_interval(0.25, self.tick)

    # -- the clock -------------------------------------------------------------------------
    def tick(self) -> None:
        for event in self.timer.tick(self.clock()):
            self.app.bell()
            if event is Event.STOP:
                rest = rest_text(self.timer.rest_s)
                self.say(f"*** Time to stop {self.activity}. ***{rest}")
            else:
                self.say("Rest is over. Well paced.")
        self.show_state()
        if self.timer.done and not self.offered:
            self.offer_log()

    def say(self, text: str) -> None:
        self.query_one("#timer-message", Static).update(text)

    def show_state(self) -> None:
        now = self.clock()
        timer = self.timer
        if timer.phase is Phase.ACTIVE:
            text = f"{self.activity}: {clock_text(timer.remaining(now))} left"
        elif timer.phase is Phase.REST:
            text = f"Rest: {clock_text(timer.remaining(now))} left"
        else:
            text = f"Done: {done_text(timer.active_minutes(now))} of {self.activity}"
        if timer.paused:
            text += "  (paused)"
        self.query_one("#timer-clock", Static).update(text)
        pause = bindings_of(self, "timer-pause")[0]
        self.query_one("#timer-pause", Button).label = button_label(
            pause, "Go on" if timer.paused else "Pause")

    # -- actions ---------------------------------------------------------------------------
    def action_pause_or_go_on(self) -> None:
        if not self.timer.done:
            self.timer.toggle(self.clock())
            self.show_state()

    def action_stop(self) -> None:
        if not self.timer.done:
            self.timer.stop(self.clock())
            if self.timer.stopped_early:
                self.say(f"Stopped. {done_text(self.timer.active_minutes(self.clock()))} done.")
            self.tick()

    def action_leave(self) -> None:
        if not self.timer.done:
            self.action_stop()
        else:
            self.dismiss(None)

    def offer_log(self) -> None:
        self.offered = True
        self.query_one("#timer-controls").add_class("-hidden")
        minutes = self.timer.active_minutes(self.clock())
        if self.unit == "count":
            amount = self.log_default or 0
            label = f"How many {self.activity} did you do? Change it if needed, then Enter."
        elif minutes < 1:
            amount = 0
            label = (f"Less than a minute of {self.activity} was timed. Type the minutes to log "
                     "them, or press Esc to skip.")
        else:
            amount = minutes
            label = f"Log {self.activity}: {minutes} min timed. Change it if needed, then Enter."
        self.query_one("#timer-log").remove_class("-hidden")
        self.query_one("#log-label", Label).update(label)
        box = self.query_one("#log-amount", Input)
        box.value = str(amount) if amount else ""
        box.focus()

    @on(Button.Pressed, "#log")
    @on(Input.Submitted, "#log-amount")
    def save_log(self) -> None:
        try:
            text = self.query_one("#log-amount", Input).value
            if not text.strip():
                raise ValidationError("Type how much you did, or press Esc to skip.", "amount")
            amount = parse_int(text, "amount", "amount")
            now = local_now()
            self.dismiss(new_activity(self.activity, amount, now, now, unit=self.unit,
                                      note="timed"))
        except ValidationError as error:
            self.query_one(Problem).say(str(error))

    @on(Button.Pressed, "#skip")
    def skip(self) -> None:
        self.dismiss(None)


def open_timer(app: App, name: str, unit: str, minutes: float | None, rest_min: float,
               log_default: int | None = None) -> None:
    """Push the timer; save the logged activity it returns (then the section reloads)."""
    from paceapp.tui.app import PaceApp
    from paceapp.tui.screens.activity_form import save_new_activity

    assert isinstance(app, PaceApp)
    if minutes is None:
        app.notify(f"{name} is counted, not timed: the timer needs minutes. "
                   "Use the command line's --minutes, or log it with a.", markup=False)
        return
    try:
        screen = TimerScreen(name, unit, minutes, rest_min, log_default=log_default)
    except PaceError as error:
        app.tell_problem(str(error))
        return

    def saved(log: ActivityLog | None) -> None:
        if log is not None:
            save_new_activity(app, log, lambda done: f"Saved: {done.name} "
                                                     f"{show_amount(done.amount, done.unit)}.")

    app.push_screen(screen, saved)
