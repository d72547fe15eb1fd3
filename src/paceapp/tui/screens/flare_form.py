"""Start, end or change a flare-up.

`FlareForm()` starts one (when defaults to now), `FlareForm(open_flare, ending=True)` ends the one
that is going, and `FlareForm(flare)` changes any flare-up field by field. The stored flare-ups
are read (off the UI thread) when the form opens, so a second open flare-up or an overlap is
explained in the form, before anything is saved.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from paceapp.app import flare as flare_app
from paceapp.core.errors import PaceError
from paceapp.core.flare import (
    Flare,
    check_flares,
    check_not_future,
    clean_triggers,
    end_flare,
    show_duration,
    start_flare,
    trigger_suggestions,
)
from paceapp.core.text import NOTE, check_score, clean_text, parse_int
from paceapp.core.timeparse import box_when, date_hint, local_now, parse_when, show_when
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

if TYPE_CHECKING:
    from paceapp.app.folder import Journal
    from paceapp.tui.app import PaceApp
    from paceapp.tui.screens.base import SectionScreen

log = logging.getLogger(__name__)

#: The worker group of the flare-up flows' loads (one at a time: a second press of f while the
#: first is still reading replaces it, so the form never opens twice).
FLOW_LOAD = "flare-flow"


def describe_flare(flare: Flare) -> str:
    if flare.ended is None:
        return f"flare-up started {show_when(flare.started)}"
    return f"flare-up {show_when(flare.started)} to {show_when(flare.ended)} " \
           f"({show_duration(flare.duration_min)})"


def save_flare(journal: Journal, flare: Flare, *, new: bool, base: Flare | None = None) -> Flare:
    """Store what the form built: a new flare-up, or what was changed from `base` (the copy
    the form started from) applied to the flare-up as stored now."""
    if new:
        return flare_app.add_flare(journal, flare)
    if base is None:
        raise ValueError("a change needs the copy the form started from")
    return flare_app.change_flare(journal, flare, base)


class FlareForm(DraftForm[Flare | None]):
    """Start (flare=None), end (ending=True) or change a flare-up."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
    ]
    CSS_PATH = "flare_form.tcss"
    #: Below 72 columns each label goes above its box (beside it, the examples in the boxes
    #: were cut).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]

    def __init__(self, flare: Flare | None = None, *, ending: bool = False) -> None:
        super().__init__()
        self.flare = flare
        self.ending = ending and flare is not None and flare.ended is None
        self.stored: list[Flare] | None = None

    @property
    def mode(self) -> str:
        return "start" if self.flare is None else ("end" if self.ending else "edit")

    def draft_key(self) -> str:
        return f"flare:{self.mode}:{self.flare.id if self.flare else 'new'}"

    def _rows(self) -> list[tuple[str, str, str, str]]:
        """(id, label, value, placeholder) for the boxes this mode shows."""
        flare = self.flare
        today = local_now().date()
        # 'Mon 23 Nov 14:05' (with 'first'/'second' in an hour the clocks repeated): reads back
        # as the same moment
        when_started = box_when(flare.started, today) if flare else ""
        peak = str(flare.peak) if flare and flare.peak is not None else ""
        if self.mode == "start":
            return [("started", "When it started", "", date_hint()),
                    ("peak", "How bad (0-10)", "", "optional"),
                    ("triggers", "Triggers", "", "optional, e.g. stress, travel"),
                    ("note", "Note", "", "optional")]
        assert flare is not None
        if self.mode == "end":
            return [("ended", "When it ended", "", date_hint()),
                    ("helped", "What helped", "", "optional, e.g. heat pad, rest"),
                    ("peak", "Worst it got (0-10)", peak, "optional")]
        when_ended = box_when(flare.ended, today) if flare.ended else ""
        return [("started", "Started", when_started, date_hint()),
                ("ended", "Ended", when_ended, "empty while still going"),
                ("peak", "Peak (0-10)", peak, "optional"),
                ("triggers", "Triggers", ", ".join(flare.triggers), "comma between them"),
                ("helped", "What helped", flare.helped, ""),
                ("note", "Note", flare.note, "")]

    def compose(self) -> ComposeResult:
        titles = {"start": "A flare-up has started",
                  "end": "End the flare-up",
                  "edit": "Change a flare-up"}
        hints = {"start": "Save, and your flare-up plan will show. Only 'when' is needed.",
                 "end": f"It started {show_when(self.flare.started)}." if self.flare else "",
                 "edit": "Clear 'Ended' if it is still going."}
        with VerticalScroll(classes="dialog", id="flare-dialog"):
            yield Static(titles[self.mode], classes="section-title", markup=False)
            yield Static(hints[self.mode], classes="hint", markup=False)
            for name, label, value, placeholder in self._rows():
                with Horizontal(classes="row"):
                    yield Label(label, markup=False)
                    restrict = r"\d{0,2}" if name == "peak" else None
                    yield Input(value, id=name, compact=True, placeholder=placeholder,
                                restrict=restrict, max_length=NOTE)
            if self.mode != "end":
                yield Static("", id="known", markup=False)
            yield Problem(id="problem")
            save = {"start": "Save and show my plan", "end": "End it", "edit": "Save"}[self.mode]
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save",
                                compact=True, descriptions={"save": save})

    def on_mount(self) -> None:
        self.query(Input).first().focus()
        self.load_stored()

    @work(thread=True, exclusive=True, group="flare-form-load", exit_on_error=False)
    def load_stored(self) -> None:
        from paceapp.tui.app import PaceApp
        from paceapp.tui.screens.base import unexpected_problem

        app = self.app
        if not isinstance(app, PaceApp):
            return
        try:
            flares = flare_app.load_flares(app.journal)
        except PaceError as error:
            app.call_from_thread(self.load_failed, str(error))
            return
        except Exception as error:  # noqa: BLE001 - told to the person (and logged), not lost
            log.error("Reading the flare-ups for the form failed", exc_info=error)
            app.call_from_thread(self.load_failed, unexpected_problem(error))
            return
        app.call_from_thread(self.loaded, flares)

    def load_failed(self, message: str) -> None:
        if self.is_current:
            self.query_one(Problem).say(message)

    def loaded(self, flares: list[Flare]) -> None:
        if not self.is_current:  # closed before the flare-ups were read
            return
        self.stored = flares
        known = trigger_suggestions(flares)
        if known and self.mode != "end":
            self.query_one("#triggers", Input).suggester = SuggestFromList(
                known, case_sensitive=False)
            self.query_one("#known", Static).update(
                "Triggers noted before: " + ", ".join(known[:6]))

    # -- building -------------------------------------------------------------------------
    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def when(self, name: str, now: datetime) -> datetime:
        """The box's moment, as people write it (empty: now); one still to come is refused."""
        text = self.value(name).strip()
        moment = parse_when(text, now, name) if text else now
        check_not_future(moment, now, name)
        return moment

    def checked_text(self, name: str) -> str:
        return clean_text(self.value(name), name, NOTE)

    def checked_peak(self) -> int | None:
        peak = self.peak()
        return None if peak is None else check_score(peak, "peak", "peak pain")

    def peak(self) -> int | None:
        text = self.value("peak").strip()
        return parse_int(text, "peak", "peak pain") if text else None

    def build(self) -> Flare:
        now = local_now()
        stored = self.stored or []
        if self.mode == "start":
            return start_flare(stored, self.when("started", now), now, peak=self.peak(),
                               triggers=[self.value("triggers")], note=self.value("note"))
        assert self.flare is not None
        others = [f for f in stored if f.id != self.flare.id]
        if self.mode == "end":
            return end_flare([*others, self.flare], self.when("ended", now), now,
                             helped=self.value("helped"), peak=self.peak())
        ended_text = self.value("ended").strip()
        started = self.when("started", now)
        ended = self.when("ended", now) if ended_text else None
        changed = dataclasses.replace(
            self.flare, started=started, ended=ended,
            peak=self.peak(), triggers=clean_triggers([self.value("triggers")]),
            helped=clean_text(self.value("helped"), "helped", NOTE),
            note=clean_text(self.value("note"), "note", NOTE))
        changed.validate()
        check_flares(others, changed)
        return changed

    @on(Input.Submitted)
    def next_box(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index == len(inputs) - 1:
            self.action_save()
        else:
            inputs[index + 1].focus()

    def field_checks(self) -> list[Callable[[], object]]:
        """Each box on its own (how they fit together is checked when they all pass)."""
        now = local_now()
        boxes = {name for name, _label, _value, _placeholder in self._rows()}
        checks: list[Callable[[], object]] = []
        for name in ("started", "ended"):
            if name in boxes:
                checks.append(partial(self.when, name, now))
        if "peak" in boxes:
            checks.append(self.checked_peak)
        if "triggers" in boxes:
            checks.append(lambda: clean_triggers([self.value("triggers")]))
        for name in ("helped", "note"):
            if name in boxes:
                checks.append(partial(self.checked_text, name))
        return checks

    def action_save(self) -> None:
        self.attempt_save()


# -- flows shared by the Today card and the Diary ------------------------------------------------

def _section(where: SectionScreen | PaceApp) -> SectionScreen | None:
    """The section the flow runs from (its loads are that section's exclusive workers)."""
    from paceapp.tui.screens.base import SectionScreen

    if isinstance(where, SectionScreen):
        return where
    return next((screen for screen in reversed(where.screen_stack)
                 if isinstance(screen, SectionScreen)), None)


def show_plan(where: SectionScreen | PaceApp, *, just_started: bool = False) -> None:
    """Read the plan (in a thread), show it; save it if the person changes it there (only what
    they changed, on the plan as stored now). `where` is the section the key was pressed on
    (the app is accepted too: its current section is used)."""
    from paceapp.core.flare import FlarePlan
    from paceapp.tui.screens.flare_plan import FlarePlanView

    section = _section(where)
    if section is None:
        return
    app = section.pace
    journal = section.journal

    def view(opened: FlarePlan | None) -> None:
        def shown(plan: FlarePlan | None) -> None:
            if plan is not None:
                app.save(lambda j: flare_app.save_plan(j, plan, opened),
                         "Saved your flare-up plan. Ctrl+Z undoes it.")

        app.push_screen(FlarePlanView(opened, just_started=just_started), shown)

    section.load_then(lambda: flare_app.load_plan(journal), view, group=FLOW_LOAD)


def start_or_end_flare(where: SectionScreen | PaceApp) -> None:
    """End the flare-up that is going, or start one and then show the flare-up plan."""
    section = _section(where)
    if section is None:
        return
    app = section.pace
    journal = section.journal

    def chosen(current: Flare | None) -> None:
        if current is not None:
            def ended(flare: Flare | None) -> None:
                if flare is not None:
                    app.save(lambda j: save_flare(j, flare, new=False, base=current),
                             lambda saved: f"Saved: {describe_flare(saved)}. Restart gently.")
            app.push_screen(FlareForm(current, ending=True), ended)
            return

        def started(flare: Flare | None) -> None:
            if flare is not None:
                app.save(lambda j: save_flare(j, flare, new=True),
                         lambda saved: f"Saved: {describe_flare(saved)}.",
                         after=lambda _saved: show_plan(section, just_started=True))
        app.push_screen(FlareForm(), started)

    section.load_then(lambda: flare_app.going(journal), chosen, group=FLOW_LOAD)
