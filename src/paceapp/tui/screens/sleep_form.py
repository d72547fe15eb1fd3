"""Log (or change) a night of the sleep diary: quick on a tired morning.

The four clock times are filled in from the last night logged (`defaults`), so on a usual morning
the person changes one or two times, presses 1-5 for the quality and saves. Time in bed, time asleep
and sleep efficiency are worked out live as they type. Enter moves to the next box; Ctrl+S saves.

On a clock-change night the times count in real time; a time the clocks skipped, or one they
repeated without "first"/"second" after it ("01:30 second"), is explained as soon as it is typed,
in the problem line, in the same words as on the command line; saving then names the box.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from paceapp.app.sleep import check_night
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.figures import percent_text
from paceapp.core.sleep import (
    SE_NAME,
    Quality,
    SleepNight,
    new_sleep,
    parse_quality,
)
from paceapp.core.text import NOTE, clean_text, parse_int
from paceapp.core.timeparse import (
    ClockChangeError,
    box_date,
    local_now,
    parse_clock,
    parse_date,
    show_date,
    show_minutes,
)
from paceapp.tui.hints import in_tui_words
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

#: (input id, label) in the diary's order; Enter walks through them.
FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "Morning you woke"),
    ("bed", "1 Into bed"),
    ("tried", "2 Tried to sleep"),
    ("latency", "3 Min to fall asleep"),
    ("awakenings", "4 Times woke"),
    ("waso", "5 Min awake (all)"),
    ("woke", "6 Final awakening"),
    ("up", "7 Out of bed"),
    ("quality", "8 Quality (1-5)"),
    ("note", "9 Note"),
)
TIMES = ("bed", "tried", "woke", "up")
#: A likely time in each box's hint, in order through the night (one example for all four had
#: "final awakening like 21:30", before bedtime).
TIME_EXAMPLES = {"bed": "like 22:30", "tried": "like 23:00", "woke": "like 06:30",
                 "up": "like 07:15"}
NUMBERS = ("latency", "awakenings", "waso")
QUALITIES = list(Quality)


def _efficiency(night: SleepNight) -> str:
    se = night.se_exact
    return percent_text(se) if se is not None else "not enough to work out"


def derived_line(night: SleepNight | None) -> str:
    """'In bed 8 h 00 min · Asleep 6 h 35 min · sleep efficiency 82.3%' (the hint above says
    sleep efficiency is time asleep ÷ time in bed). Real time, rounded once, half up."""
    if night is None:
        return "In bed, asleep and sleep efficiency: not enough to work out yet."
    return (f"In bed {show_minutes(night.tib_min)} · Asleep "
            f"{show_minutes(night.tst_min)} · sleep efficiency {_efficiency(night)}")


def describe_night(night: SleepNight) -> str:
    """'night to Sat 21 Nov, asleep 6 h 40 min, sleep efficiency (time asleep ÷ time in bed)
    83.3%' (for the notice after saving)."""
    return (f"night to {show_date(night.date)}, asleep {show_minutes(night.tst_min)}, "
            f"{SE_NAME} {_efficiency(night)}")


class SleepForm(DraftForm[SleepNight | None]):
    """One Consensus Sleep Diary night. `night` to change one; `defaults` offers last night's times."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
    ]
    CSS_PATH = "sleep_form.tcss"
    #: Below 78 columns the times go one to a row (two to a row cut "23:00" to "23:0").
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (78, "-wide")]

    def __init__(self, night: SleepNight | None = None, defaults: SleepNight | None = None, *,
                 other_morning_is_new: bool = False) -> None:
        """`other_morning_is_new`: opened by "log a night" on a morning already logged, so
        changing the morning logs a new night for it instead of moving this one."""
        super().__init__()
        self.night = night
        self.defaults = defaults
        self.other_morning_is_new = other_morning_is_new and night is not None
        #: The problem line is showing a clock-change message from typing (cleared when fixed).
        self.clock_said = False

    # -- layout ---------------------------------------------------------------------------
    def _start_value(self, name: str) -> str:
        source = self.night
        if source is None:
            if name == "date":  # 'Tue 1 Dec': as people write it, and it reads back the same
                return box_date(local_now().date(), local_now().date())
            source = self.defaults if name in TIMES else None
        if source is None:
            return ""
        value = getattr(source, name)
        if value is None:
            return ""
        if isinstance(value, time):
            choice = source.choice(name) if source is self.night else None
            word = "" if choice is None else (" second" if choice else " first")
            return f"{value:%H:%M}{word}"  # an answer for a repeated hour stays in view
        if isinstance(value, date):
            return box_date(value, local_now().date())
        if isinstance(value, Quality):
            return str(QUALITIES.index(value) + 1)
        return str(value)

    def compose(self) -> ComposeResult:
        title = "Change a night of the sleep diary" if self.night else "How did you sleep?"
        hint = ("Times like 22:30. Enter moves on, Ctrl+S saves, Esc cancels. Sleep efficiency "
                "is time asleep ÷ time in bed.")
        if self.night is None and self.defaults is not None:
            hint += f" Times filled in from {show_date(self.defaults.date)}."
        if self.other_morning_is_new:
            hint += " To log a different night, change the morning."
        with VerticalScroll(classes="dialog", id="sleep-dialog"):
            yield Static(title, classes="section-title", markup=False)
            yield Static(hint, classes="hint", markup=False)
            with Horizontal(classes="row"):
                yield Label("Morning you woke", markup=False)
                yield Input(self._start_value("date"), id="date", compact=True,
                            placeholder="today")
            with Grid(id="sleep-grid"):
                for name, label in FIELDS[1:-2]:
                    yield Label(label, markup=False)
                    restrict = r"\d{0,4}" if name in NUMBERS else None
                    yield Input(self._start_value(name), id=name, compact=True, restrict=restrict,
                                placeholder=TIME_EXAMPLES.get(name, ""))
            with Horizontal(classes="row", id="quality-row"):
                yield Label("8 Quality (1-5)", markup=False)
                yield Input(self._start_value("quality"), id="quality", compact=True,
                            restrict=r"[1-5]?", max_length=1)
                yield Label("or click:", markup=False)
            with Horizontal(classes="row", id="quality-buttons"):
                for number, quality in enumerate(QUALITIES, start=1):
                    button = Button(f" {number} {quality.words}", id=f"q-{number}", compact=True)
                    button.can_focus = False
                    yield button
            with Horizontal(classes="row"):
                yield Label("9 Note", markup=False)
                yield Input(self._start_value("note"), id="note", compact=True, max_length=NOTE,
                            placeholder="optional, e.g. pain woke me")
            yield Static("", id="derived", markup=False)
            yield Problem(id="problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save",
                                compact=True)

    def on_mount(self) -> None:
        # Bad-day mode makes buttons 3 rows tall: in this one-row line the quality words
        # vanished. They keep their size here (typing 1-5 is the main way).
        for button in self.query("#quality-buttons > Button"):
            button.styles.height = 1
            button.styles.min_width = 0
        self.query_one("#bed", Input).focus()
        self.refresh_derived()

    # -- reading the boxes ----------------------------------------------------------------
    def text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def build(self) -> SleepNight:
        """The night as typed; ValidationError names the box that is wrong."""
        today = local_now().date()
        date_text = self.text("date")
        if not date_text:
            raise ValidationError("Please give the morning's date, e.g. today.", "date")
        values: dict[str, Any] = {}
        for name in TIMES:
            text = self.text(name)
            values[name] = parse_clock(text, name) if text else None
        for name in NUMBERS:
            text = self.text(name)
            label = dict(FIELDS)[name].split(" ", 1)[1].lower()
            values[name] = parse_int(text, name, label) if text else None
        values["quality"] = parse_quality(self.text("quality"))
        note = self.query_one("#note", Input).value
        day = parse_date(date_text, today, "date")
        if self.night is None or (self.other_morning_is_new and day != self.night.date):
            return new_sleep(day, today, note=note, **values)  # checks the clock too
        if day > today:
            raise ValidationError(f"{show_date(day, today)} is in the future.", "date")
        # the boxes say it all: an answer for a repeated hour counts only while its word is there
        changed = dataclasses.replace(self.night, date=day, note=clean_text(note, "note", NOTE),
                                      repeated_hour=(), **values)
        changed.validate()
        changed.check_clock()
        return changed

    def refresh_derived(self) -> None:
        error: ValidationError | None = None
        try:
            night: SleepNight | None = self.build()
            problem = ""
        except ValidationError as caught:
            night, problem, error = None, str(caught), caught
        line = derived_line(night)
        if problem and any(self.text(name) for name in TIMES):
            line = "Not worked out yet: check the boxes (Ctrl+S says what is wrong)."
        # A clock change is said straight away, where Ctrl+S would say it (once, not twice)
        if isinstance(error, ClockChangeError):
            line = "Not worked out yet: the clocks changed that night (see below)."
            self.query_one(Problem).say(problem)
            self.clock_said = True
        elif self.clock_said:
            self.query_one(Problem).say("")
            self.clock_said = False
        self.query_one("#derived", Static).update(line)
        chosen = self.text("quality")
        for number, quality in enumerate(QUALITIES, start=1):
            mark = "▸" if str(number) == chosen else " "  # same width: the words stay visible
            button = self.query_one(f"#q-{number}", Button)
            button.label = f"{mark}{number} {quality.words}"
            button.set_class(mark == "▸", "-chosen")

    @on(Input.Changed)
    def changed(self) -> None:
        self.refresh_derived()

    @on(Button.Pressed, "#quality-buttons Button")
    def pick_quality(self, event: Button.Pressed) -> None:
        number = (event.button.id or "q-0")[2:]
        self.query_one("#quality", Input).value = number
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def next_box(self, event: Input.Submitted) -> None:
        names = [name for name, _label in FIELDS]
        name = event.input.id or ""
        if name == "note":
            self.action_save()
            return
        following = names[names.index(name) + 1] if name in names else "note"
        self.query_one(f"#{following}", Input).focus()

    # -- saving ---------------------------------------------------------------------------
    def action_save(self) -> None:
        try:
            night = self.build()
        except ValidationError as error:
            self.say(error)
            return
        self.check_and_close(night)

    @work(thread=True, exclusive=True, group="sleep-form-check")
    def check_and_close(self, night: SleepNight) -> None:
        """Check the rules across records off the UI thread, then close or explain (saving
        checks them again, under the lock)."""
        from paceapp.tui.app import PaceApp

        app = self.app
        try:
            if isinstance(app, PaceApp):  # one night per morning; its time in bed covers no nap
                check_night(app.journal, night)
        except PaceError as error:
            app.call_from_thread(self.say, in_tui_words(error))
            return
        app.call_from_thread(self.close_with, night)

    def close_with(self, night: SleepNight) -> None:
        if self.is_current:  # not already closed with Esc while the check ran
            self.dismiss(night)

    def draft_key(self) -> str:
        return f"sleep:{self.night.id if self.night else 'new'}"

    def say(self, error: PaceError) -> None:
        if not self.is_current:
            return
        self.show_problems(error.problems if isinstance(error, ValidationError)
                           else [(None, str(error))])
