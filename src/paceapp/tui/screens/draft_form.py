"""DraftForm: what every form that takes typing does, so nothing typed is lost on a bad day.

* **Leaving asks first.** Esc (or Cancel) closes a form at once when nothing in it was changed;
  with changes it asks "Leave without saving?" - Keep writing is the default (Enter or Esc).
* **Drafts.** What was typed and not saved is kept (`paceapp.app.drafts`): written a moment after
  each change, and when the form closes unsaved. When the same form opens again - also after
  paceapp was closed - the words are back, with a line saying so; Ctrl+L clears them. Saving
  the form (or leaving it unchanged) forgets the draft. A draft is only put back into a form that
  opens as it did when the draft was written (a record changed since keeps its new values).
* **Problems in view.** Save checks everything at once: every problem is listed together, the
  box of the first is focused and scrolled into view, and a problem's line goes as soon as its
  box is put right.

A subclass composes its boxes (found by widget id: Input, TextArea, Select, Switch), writes
`build()` (the result, or ValidationError) and calls `attempt_save()` from its Save. It may add
`field_checks()` (checks of single boxes, so problems in several boxes are all found in one go),
`draft_key()` (which form this is: the kind, and the record's id when changing one; None: no
draft), FIELD_WIDGETS (an error's field name -> widget id, where they differ) and `accept()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual import events, on, work
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, Switch, TextArea
from textual.widgets.select import InvalidSelectValueError

from paceapp.app.drafts import Draft, DraftStore, Values, drafts_for
from paceapp.app.folder import Journal
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.timeparse import local_now, show_when
from paceapp.tui.breakpoints import give_width_class
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import Problem

ResultT = TypeVar("ResultT")
#: (field, message) as in ValidationError.problems.
Problems = list[tuple[str | None, str]]

VALUE_WIDGETS = "Input, TextArea, Select, Switch"


def read_value(widget: Widget) -> str | bool | None:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, Switch):
        return widget.value
    if isinstance(widget, Select):
        value = widget.value
        return value if isinstance(value, str) else None
    return None


def write_value(widget: Widget, value: str | bool | None) -> None:
    if isinstance(widget, TextArea) and isinstance(value, str):
        if widget.text != value:
            widget.load_text(value)
    elif isinstance(widget, Input) and isinstance(value, str):
        if widget.value != value:
            widget.value = value
            widget.cursor_position = len(value)
    elif isinstance(widget, Switch) and isinstance(value, bool):
        widget.value = value
    elif isinstance(widget, Select) and isinstance(value, str):
        try:
            widget.value = value
        except InvalidSelectValueError:  # e.g. a longer goal that was removed since
            pass


class DraftForm(FocusOnceLaidOut, ModalScreen[ResultT]):
    """The base of paceapp's forms (see the module's notes)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+l", "clear_draft", "Clear the draft", id="clear-draft", show=False),
    ]
    #: False for a form whose words are not worth keeping for later (it still asks first).
    KEEPS_DRAFT: ClassVar[bool] = True
    #: An error's field name -> the id of the box it is about, where they differ.
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    #: Seconds after the last change before the draft is written.
    DRAFT_DELAY: ClassVar[float] = 0.5
    #: A form opens with its first box focused (a subclass may then move the focus to the box it
    #: wants), never the scrolling dialog around the boxes: typing goes into a box at once, and
    #: the dialog, with every widget inside it, is not restyled for a focus it only passes on.
    AUTO_FOCUS = "Input, TextArea, Select, Switch"

    def __init__(self, name: str | None = None, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        #: The values the form opened with (before a draft was put back).
        self.start_values: Values = {}
        self.last_values: Values = {}
        #: The draft put back into the form (None when there was none, or it was cleared).
        self.draft_shown: Draft | None = None
        self.shown_problems: Problems = []
        self.draft_ready = False
        self.draft_settled = False
        self.draft_failed = False
        self.draft_timer: Timer | None = None
        #: The box to bring into view once the problem messages are laid out.
        self.view_target: Widget | None = None
        self.view_wanted = False

    @on(events.Compose)
    def width_class_first(self) -> None:
        """Its width class before its boxes are made (tui/breakpoints.py)."""
        give_width_class(self)

    # -- what a subclass may write ------------------------------------------------------------
    def draft_key(self) -> str | None:
        """Which form this is, for its draft: the kind, and the record's id when changing one."""
        return f"{type(self).__name__}:new"

    def field_checks(self) -> list[Callable[[], object]]:
        """Checks of single boxes (each raises ValidationError), all run on Save."""
        return []

    def build(self) -> ResultT:
        """The form's result from what was typed, or ValidationError."""
        raise NotImplementedError

    def accept(self, result: ResultT) -> None:
        """Called with a result that passed every check: close the form with it."""
        self.dismiss(result)

    # -- values -------------------------------------------------------------------------------
    def value_widgets(self) -> list[Widget]:
        return [w for w in self.query(VALUE_WIDGETS)
                if w.id and not any(isinstance(a, Select) for a in w.ancestors)]

    def form_values(self) -> Values:
        return {w.id: read_value(w) for w in self.value_widgets() if w.id}

    def set_form_values(self, values: Values) -> None:
        for widget in self.value_widgets():
            if widget.id in values:
                write_value(widget, values[widget.id])

    def has_changes(self) -> bool:
        return self.form_values() != self.start_values

    # -- opening: the draft comes back --------------------------------------------------------
    def on_mount(self) -> None:
        # Textual calls the subclass's on_mount first, so its boxes are filled in by now.
        self.start_values = self.form_values()
        self.restore_draft()
        self.last_values = self.form_values()
        self.draft_ready = True

    def draft_store(self) -> DraftStore | None:
        journal = getattr(self.app, "journal", None)
        if not self.KEEPS_DRAFT or not isinstance(journal, Journal):
            return None
        return drafts_for(journal)

    def restore_draft(self) -> None:
        """Put back the draft for this form, if there is one that fits how the form opened.
        Read at once (a small file), so nothing typed after the form opened is overwritten."""
        store, key = self.draft_store(), self.draft_key()
        if store is None or key is None:
            return
        draft = store.get(key)
        if draft is None or draft.values == self.start_values:
            return
        if any(self.start_values.get(name, value) != value
               for name, value in draft.start.items()):
            return  # the form opens differently now (the record changed): not this draft's
        self.set_form_values(draft.values)
        for box in self.query(Input):
            if box.id in draft.values and draft.values[box.id] != self.start_values.get(box.id):
                box.select_on_focus = False  # words given back are never selected to be typed over
        self.draft_shown = draft
        self.show_draft_note(draft)

    def show_draft_note(self, draft: Draft) -> None:
        now = local_now()
        when = show_when(draft.saved.astimezone(now.tzinfo), now.date())
        note = Static(f"Your unsaved words from {when} are back. Ctrl+L clears them.",
                      id="draft-note", classes="hint", markup=False)
        dialogs = self.query(".dialog")
        if not dialogs:
            return
        dialog = dialogs.first()
        titles = dialog.query(".section-title")
        if titles:
            titles.first().parent.mount(note, after=titles.first())  # type: ignore[union-attr]
        else:
            dialog.mount(note, before=0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_draft":
            return self.draft_shown is not None
        return True

    def action_clear_draft(self) -> None:
        """Ctrl+L: the form as it opened, without the draft (which is forgotten)."""
        self.draft_shown = None
        for note in self.query("#draft-note"):
            note.remove()
        self.set_form_values(self.start_values)
        self.last_values = dict(self.start_values)
        self.say_problems([])
        self.schedule_draft(delay=0)
        boxes = [w for w in self.value_widgets() if w.focusable]
        if boxes:
            boxes[0].focus()
        self.notify("Cleared your unsaved words.", markup=False, timeout=3)

    # -- typing: the draft is kept, problems put right go ---------------------------------------
    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Switch.Changed)
    def form_changed(self) -> None:
        if not self.draft_ready or self.draft_settled:
            return
        values = self.form_values()
        if values == self.last_values:
            return
        self.last_values = values
        self.recheck_problems()
        self.schedule_draft()

    def schedule_draft(self, delay: float | None = None) -> None:
        if self.draft_store() is None or self.draft_key() is None:
            return
        if self.draft_timer is not None:
            self.draft_timer.stop()
        self.draft_timer = self.set_timer(self.DRAFT_DELAY if delay is None else delay,
                                          self.write_draft_soon)

    def write_draft_soon(self) -> None:
        self.draft_timer = None
        store, key = self.draft_store(), self.draft_key()
        if self.draft_settled or store is None or key is None:
            return
        order = store.next_order()
        values = dict(self.last_values)
        draft = None if values == self.start_values else \
            Draft(key, local_now(), dict(self.start_values), values)
        self.write_in_background(store, key, draft, order)

    @work(thread=True, exit_on_error=False, group="draft")
    def write_in_background(self, store: DraftStore, key: str, draft: Draft | None,
                            order: int) -> None:
        try:
            if draft is None:
                store.drop(key, order)
            else:
                store.put(draft, order)
        except PaceError as error:
            try:
                self.app.call_from_thread(self.tell_draft_failed, str(error))
            except RuntimeError:  # the app has closed meanwhile
                pass

    def tell_draft_failed(self, message: str) -> None:
        if not self.draft_failed:  # once per form: the form itself still works
            self.draft_failed = True
            self.app.notify(f"What you type here could not be kept as a draft. {message}",
                            severity="warning", markup=False, timeout=8)

    def settle_draft(self, keep: bool) -> None:
        """The form is closing: keep what was typed (`keep`, and there were changes), or forget
        the draft. Written at once, on this thread, so it is on disk before the form is gone."""
        if self.draft_settled:
            return
        self.draft_settled = True
        if self.draft_timer is not None:
            self.draft_timer.stop()
            self.draft_timer = None
        store, key = self.draft_store(), self.draft_key()
        if store is None or key is None or not self.draft_ready:
            return
        values = dict(self.last_values)
        try:
            if keep and values != self.start_values:
                store.put(Draft(key, local_now(), dict(self.start_values), values),
                          store.next_order())
            else:
                store.drop(key, store.next_order())
        except PaceError as error:
            self.tell_draft_failed(str(error))

    def dismiss(self, result: ResultT | None = None) -> Any:
        """Close the form: a result means it was saved (the draft goes); None means it was left
        (what was typed is kept as a draft)."""
        if self.draft_ready and not self.draft_settled:
            self.last_values = self.form_values()
        self.settle_draft(keep=result is None)
        return super().dismiss(result)

    def on_unmount(self) -> None:
        self.settle_draft(keep=True)  # closed some other way (the app quit): keep the words

    # -- leaving ------------------------------------------------------------------------------
    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close at once when nothing was changed; otherwise ask first (Keep writing is the
        default), so words typed over several minutes are not lost to one key."""
        if not self.has_changes():
            self.dismiss(None)
            return
        from paceapp.tui.screens.confirm import LeaveQuestion

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(LeaveQuestion(keeps_draft=self.draft_store() is not None
                                           and self.draft_key() is not None), answered)

    # -- saving: every problem at once, the first in view ---------------------------------------
    def find_problems(self) -> Problems:
        """Every problem: each single-box check, then (when those pass) building the result."""
        problems: Problems = []
        for check in self.field_checks():
            try:
                check()
            except ValidationError as error:
                problems += error.problems
        if not problems:
            try:
                self.build()
            except ValidationError as error:
                problems += error.problems
        return problems

    def attempt_save(self) -> None:
        """Save: show every problem (nothing is saved), or pass the result to `accept`."""
        problems: Problems = []
        for check in self.field_checks():
            try:
                check()
            except ValidationError as error:
                problems += error.problems
        if not problems:
            try:
                result = self.build()
            except ValidationError as error:
                problems = error.problems
            else:
                self.say_problems([])
                self.accept(result)
                return
        self.show_problems(problems)

    def widget_for(self, field: str | None) -> Widget | None:
        if not field:
            return None
        name = self.FIELD_WIDGETS.get(field, field)
        for selector in (f"#{name}", f"#f-{name}"):
            try:
                found = self.query(selector)
            except Exception:  # noqa: BLE001 - a field name that is not a valid id
                return None
            if found:
                return found.first()
        return None

    def problem_widget(self) -> Problem | None:
        found = self.query(Problem)
        return found.first() if found else None

    def say_problems(self, problems: Problems) -> None:
        unique: Problems = []
        for problem in problems:
            if problem not in unique:
                unique.append(problem)
        self.shown_problems = unique
        widget = self.problem_widget()
        if widget is not None:
            widget.say_all([message for _field, message in unique])

    def show_problems(self, problems: Problems) -> None:
        """Say every problem; focus the box of the first one and bring it (and, if they fit,
        the messages) into view."""
        self.say_problems(problems)
        target = next((w for field, _message in self.shown_problems
                       if (w := self.widget_for(field)) is not None and w.focusable), None)
        if target is not None:
            self.place_problems_below(target)
            target.focus(scroll_visible=False)
        # The messages get their place at the next layout (Problem.LaidOut); when their size
        # does not change there is no such message, so also after this refresh.
        self.view_target = target
        self.view_wanted = True
        self.call_after_refresh(self.bring_into_view)

    def place_problems_below(self, target: Widget) -> None:
        """Put the messages just below the first problem's box (or its row), so the two are
        seen together even in a form taller than the window."""
        widget = self.problem_widget()
        parent = widget.parent if widget is not None else None
        if widget is None or not isinstance(parent, Widget):
            return
        anchor: Widget | None = target
        while anchor is not None and anchor.parent is not parent:
            anchor = anchor.parent if isinstance(anchor.parent, Widget) else None
        if anchor is not None and anchor is not widget:
            parent.move_child(widget, after=anchor)

    @on(Problem.LaidOut)
    def problem_laid_out(self) -> None:
        self.bring_into_view()
        self.view_wanted = False

    def bring_into_view(self) -> None:
        """Scroll the messages into view, then the first problem's box (which wins when the
        two do not fit together)."""
        if not self.view_wanted:
            return
        target = self.view_target
        # A scroll still under way (Tab to the last box scrolls smoothly) would carry on past
        # these: finish it first.
        for moving in self.query("*"):
            if moving.allow_vertical_scroll:
                self.app.animator.force_stop_animation(moving, "scroll_y")
        widget = self.problem_widget()
        if widget is not None and widget.is_attached and widget.size.area:
            widget.scroll_visible(animate=False, immediate=True)
        if target is not None and target.is_attached and target.size.area:
            target.scroll_visible(animate=False, immediate=True)

    def recheck_problems(self) -> None:
        """After a change: a shown problem whose box is now right goes; one still wrong stays
        (with its message as it is now). Problems not about one box stay until the next Save."""
        if not self.shown_problems:
            return
        boxes = {box for field, _message in self.shown_problems
                 if (box := self.widget_for(field)) is not None}
        now = [(field, message) for field, message in self.find_problems()
               if self.widget_for(field) in boxes]
        kept = [p for p in self.shown_problems if self.widget_for(p[0]) is None]
        if now + kept != self.shown_problems:
            self.view_wanted = False  # no scrolling while typing
            self.say_problems(now + kept)
