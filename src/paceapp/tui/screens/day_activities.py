"""Choose my activities: the everyday ones the day form asks about. Tick or untick with Space
(or a click); type your own below and press Enter to add it. Ctrl+S saves, Esc leaves unchanged.
Changing the list never changes days already logged."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from paceapp.app.day import save_activities
from paceapp.core.day import (
    EVERYDAY_ACTIVITIES,
    MAX_ACTIVITIES,
    DayActivities,
    new_activities,
    person_activities,
)
from paceapp.core.errors import ValidationError
from paceapp.core.text import LINE
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of


def prompt(name: str, ticked: bool) -> Content:
    """'Dressing - asked about' / 'Dressing - left out' (plain text, never markup)."""
    return Content(f"{name} - {'asked about' if ticked else 'left out'}")


class ActivitiesScreen(FocusOnceLaidOut, ModalScreen[DayActivities | None]):
    """The person's list of activities (`stored`: the one saved, None when never chosen)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
    ]
    CSS_PATH = "day_activities.tcss"

    def __init__(self, stored: DayActivities | None) -> None:
        super().__init__()
        self.stored = stored

    def compose(self) -> ComposeResult:
        chosen = person_activities(self.stored)
        names = list(EVERYDAY_ACTIVITIES) + [n for n in chosen if n not in EVERYDAY_ACTIVITIES]
        with VerticalScroll(classes="dialog", id="activities-dialog"):
            yield Static("My activities", classes="section-title", markup=False)
            yield Static("Tick the activities to be asked about each day (Space ticks). Add "
                         "your own below. Ctrl+S saves, Esc leaves it as it was.",
                         classes="hint", markup=False)
            yield SelectionList[str](*[Selection(prompt(name, name in chosen), name,
                                               name in chosen) for name in names],
                                     id="activities")
            with Horizontal(classes="add-row"):
                yield Label("Add your own", markup=False)
                yield Input(id="add", compact=True, max_length=LINE,
                            placeholder="e.g. Walking the dog, then Enter")
            yield Problem(id="problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save",
                                compact=True)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(SelectionList.SelectedChanged)
    def ticks_changed(self) -> None:
        """Say each state in words, not by the tick's colour alone."""
        found = self.query_one(SelectionList)
        chosen = set(found.selected)
        for index in range(found.option_count):
            name = str(found.get_option_at_index(index).value)
            found.replace_option_prompt_at_index(index, prompt(name, name in chosen))

    def chosen(self) -> list[str]:
        return list(self.query_one(SelectionList).selected)

    @on(Input.Submitted, "#add")
    def add(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            return
        found = self.query_one(SelectionList)
        existing = [str(found.get_option_at_index(i).value) for i in range(found.option_count)]
        match = next((n for n in existing if n.casefold() == name.casefold()), None)
        if match is not None:
            found.select(match)
        else:
            found.add_option(Selection(prompt(name, True), name, True))
        event.input.value = ""
        self.query_one(Problem).say("")

    def action_save(self) -> None:
        names = self.chosen()
        if len(names) > MAX_ACTIVITIES:
            self.query_one(Problem).say(f"{len(names)} are ticked; the most is {MAX_ACTIVITIES}. "
                                        "Please untick some.")
            return
        try:
            record = new_activities(names)
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_activities_screen(app: object, stored: DayActivities | None) -> None:
    """Push the screen from Today; save the list it gives back."""
    from paceapp.tui.app import PaceApp

    assert isinstance(app, PaceApp)

    def saved(record: DayActivities | None) -> None:
        if record is not None:
            app.save(lambda j: save_activities(j, record, base=stored),
                     f"Saved your list of {len(record.activities)} activities. Ctrl+Z undoes it.")

    app.push_screen(ActivitiesScreen(stored), saved)
