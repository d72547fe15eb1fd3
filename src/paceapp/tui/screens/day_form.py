"""What could you do today? Log (or change) the day record: how the day was, and for each of the
person's activities whether it was fine, only slowly or with pain, needed help, or could not -
with their own words if they like.

Quick on a bad day: from Today, `d` opens this form with the focus on the day's rating, `3` (bad)
chooses it and Ctrl+S saves. 1 / 2 / 3 choose good / so-so / bad wherever the focus is not in a
box being typed in. Each activity has a choice (Enter or a click opens it); its words box shows
once the activity was hard. Esc asks before leaving, and unsaved words come back as a draft.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from paceapp.app.day import check_day, load_activities, save_day
from paceapp.app.drafts import Values
from paceapp.app.folder import Journal
from paceapp.core.day import (
    DayRecord,
    Difficulty,
    HardActivity,
    Rating,
    check_not_future,
    describe_day,
    new_day,
    person_activities,
)
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.text import NOTE, clean_text
from paceapp.core.timeparse import local_now, parse_date, show_date
from paceapp.tui.hints import in_tui_words, phrased
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of

#: The choice for an activity that was not hard.
FINE = "fine"
#: (label, value) for each activity's choice, fine first.
HOW_CHOICES: tuple[tuple[str, str], ...] = (
    ("Fine", FINE),
    *((how.words[0].upper() + how.words[1:], how.value) for how in Difficulty),
)
#: The rating buttons: (key, rating).
RATING_KEYS: tuple[tuple[str, Rating], ...] = (("1", Rating.GOOD), ("2", Rating.SO_SO),
                                               ("3", Rating.BAD))


def day_box_text(day: date) -> str:
    """'20 Nov 2026': a date the form's Day box reads back as the same day."""
    return f"{day.day} {day:%b %Y}"


def day_saved_message(record: DayRecord, *, new: bool) -> str:
    what = describe_day(record, local_now().date())
    return f"{'Saved' if new else 'Changed'}: {what}. Ctrl+Z undoes it."


class DayForm(DraftForm[DayRecord | None]):
    """Log a day (`record` None; `day` chooses which, default today) or change one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        *[Binding(key, f"rate('{rating.value}')", rating.value.capitalize(), show=False)
          for key, rating in RATING_KEYS],
    ]
    FIELD_WIDGETS = {"date": "day"}
    CSS_PATH = "day_form.tcss"

    def __init__(self, record: DayRecord | None = None, *,
                 activities: tuple[str, ...] | None = None, day: date | None = None) -> None:
        super().__init__()
        self.record = record
        self.given_activities = activities
        self.day = record.date if record is not None else day
        self.rating: Rating | None = record.rating if record is not None else None
        self.activities: list[str] = []

    # -- composing ----------------------------------------------------------------------------
    def list_activities(self) -> list[str]:
        """The person's list, then any activity on the record that is not in it (kept)."""
        names = self.given_activities
        if names is None:
            journal = getattr(self.app, "journal", None)
            stored = load_activities(journal) if isinstance(journal, Journal) else None
            names = person_activities(stored)
        found = list(names)
        if self.record is not None:
            folded = {n.casefold() for n in found}
            found += [h.activity for h in self.record.hard if h.activity.casefold() not in folded]
        return found

    def compose(self) -> ComposeResult:
        self.activities = self.list_activities()
        hard = {h.activity: h for h in self.record.hard} if self.record else {}
        title = ("Change what you could do" if self.record is not None
                 else "What could you do today?")
        with VerticalScroll(classes="dialog", id="day-dialog"):
            yield Static(title, classes="section-title", markup=False)
            yield Static("How was the day? Press 1 good, 2 so-so or 3 bad. Then choose how any "
                         "activity was hard (the rest were fine). Ctrl+S saves, Esc leaves.",
                         classes="hint", markup=False)
            with Horizontal(classes="ratings"):
                for key, rating in RATING_KEYS:
                    yield Button(f"{key} {rating.value.capitalize()}", id=f"rate-{rating.value}",
                                 compact=True)
            yield Static("", id="rating-text", markup=False)
            for index, name in enumerate(self.activities):
                item = hard.get(name)
                with Horizontal(classes="activity"):
                    yield Label(name, markup=False)
                    yield Select(HOW_CHOICES, value=item.how.value if item else FINE,
                                 allow_blank=False, compact=True, id=f"how-{index}")
                with Horizontal(classes="words", id=f"words-row-{index}"):
                    yield Input(item.words if item else "", id=f"words-{index}", compact=True,
                                max_length=NOTE, placeholder=f"Your words about {name.lower()} "
                                "(optional)")
            with Horizontal(classes="plain-row"):
                yield Label("Note", markup=False)
                yield Input(self.record.note if self.record else "", id="note", compact=True,
                            max_length=NOTE, placeholder="optional")
            with Horizontal(classes="plain-row"):
                yield Label("Day", markup=False)
                yield Input(day_box_text(self.day) if self.day else "", id="day", compact=True,
                            placeholder="today (or yesterday, Mon, 23/11)")
            yield Problem(id="problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save")

    def on_mount(self) -> None:
        self.show_rating()
        self.show_word_boxes()
        chosen = self.rating.value if self.rating else Rating.GOOD.value
        self.query_one(f"#rate-{chosen}", Button).focus()

    def draft_key(self) -> str:
        return f"day:{self.record.id if self.record else 'new'}"

    # -- the rating is kept with the boxes' values (drafts, 'anything changed?') --------------
    def form_values(self) -> Values:
        values = super().form_values()
        values["rating"] = self.rating.value if self.rating else None
        return values

    def set_form_values(self, values: Values) -> None:
        super().set_form_values(values)
        if "rating" in values:
            value = values["rating"]
            self.rating = Rating(value) if isinstance(value, str) else None
            self.show_rating()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate" and isinstance(self.focused, Input):
            return False  # a digit typed in a box is a digit
        return super().check_action(action, parameters)

    def action_rate(self, value: str) -> None:
        self.rating = None if self.rating is not None and self.rating.value == value \
            else Rating(value)
        self.show_rating()
        self.form_changed()

    @on(Button.Pressed, ".ratings Button")
    def rate_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_rate((event.button.id or "")[5:])

    def show_rating(self) -> None:
        for _key, rating in RATING_KEYS:
            self.query_one(f"#rate-{rating.value}", Button).set_class(rating is self.rating,
                                                                      "-chosen")
        text = (f"Chosen: {self.rating.words}." if self.rating
                else "No rating chosen (you may leave it).")
        self.query_one("#rating-text", Static).update(text)

    @on(Select.Changed)
    def how_changed(self) -> None:
        self.show_word_boxes()

    def show_word_boxes(self) -> None:
        """A words box only for an activity that was hard (or has words already)."""
        for index in range(len(self.activities)):
            how = self.query_one(f"#how-{index}", Select).value
            words = self.query_one(f"#words-{index}", Input).value
            self.query_one(f"#words-row-{index}").display = how != FINE or bool(words.strip())

    # -- building the record --------------------------------------------------------------------
    def chosen_day(self) -> date:
        today = local_now().date()
        text = self.query_one("#day", Input).value.strip()
        return parse_date(text, today, "date") if text else (self.day or today)

    def build(self) -> DayRecord:
        today = local_now().date()
        day = self.chosen_day()
        hard = []
        for index, name in enumerate(self.activities):
            how = self.query_one(f"#how-{index}", Select).value
            if not isinstance(how, str) or how == FINE:
                continue
            words = clean_text(self.query_one(f"#words-{index}", Input).value, f"words-{index}",
                               NOTE, multiline=True, label=f"words for '{name}'")
            hard.append(HardActivity(activity=name, how=Difficulty(how), words=words))
        note = self.query_one("#note", Input).value
        if self.record is None:
            if self.rating is None and not hard and not note.strip():
                raise ValidationError("Please choose how the day was (1 good, 2 so-so, 3 bad), "
                                      "or how an activity was hard.", "rate-good")
            return new_day(day, today, rating=self.rating, hard=hard, note=note)
        changed = dataclasses.replace(self.record, date=day, rating=self.rating,
                                      hard=tuple(hard),
                                      note=clean_text(note, "note", NOTE, multiline=True))
        check_not_future(changed, today)
        changed.validate()
        return changed

    def action_save(self) -> None:
        self.attempt_save()

    def accept(self, result: DayRecord | None) -> None:
        if result is not None:
            self.check_and_close(result)

    @work(thread=True, exclusive=True, group="day-form-check")
    def check_and_close(self, record: DayRecord) -> None:
        """One day record per date: checked against the stored ones off the UI thread."""
        app = self.app
        journal = getattr(app, "journal", None)
        try:
            if isinstance(journal, Journal):
                check_day(journal, record)
        except PaceError as error:
            app.call_from_thread(self.refused, in_tui_words(error))
            return
        app.call_from_thread(self.close_with, record)

    def refused(self, error: PaceError) -> None:
        if self.is_current:
            field = error.field if isinstance(error, ValidationError) else None
            self.show_problems([(field, str(error))])

    def close_with(self, record: DayRecord) -> None:
        if self.is_current:
            self.dismiss(record)


def open_day_form(app: object, record: DayRecord | None, activities: tuple[str, ...] | None,
                  today: date) -> None:
    """Push the form from Today: today's record changed, or a new one; then save it."""
    from paceapp.tui.app import PaceApp

    assert isinstance(app, PaceApp)

    def saved(changed: DayRecord | None) -> None:
        if changed is None:
            return
        new = record is None
        app.save(lambda j: phrased(save_day)(j, changed, now=local_now(), new=new, base=record),
                 day_saved_message(changed, new=new))

    app.push_screen(DayForm(record, activities=activities, day=today), saved)


__all__ = ["DayForm", "day_saved_message", "open_day_form", "show_date"]
