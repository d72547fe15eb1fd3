"""SectionScreen: the frame every section shares (nav bar, body, footer) and data loading.

Focus stays put: when a dialog closes (or the person comes back from another section), the focus
is where it was, and each list's cursor is on the same row - the same record, found by its key
after the list is loaded again, or the same place when that record has gone. When focus was on
one of the section's buttons (a click, or Tab), it goes back to the list instead, so the arrow
keys move in the list at once; and an arrow key pressed on a button moves to the list too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, ListView, OptionList
from textual.widgets.data_table import RowDoesNotExist
from textual.worker import Worker, WorkerState

from paceapp.core.errors import PaceError
from paceapp.tui.breakpoints import give_width_class
from paceapp.tui.footer import KeyFooter
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import NavBar

if TYPE_CHECKING:
    from paceapp.app.folder import Journal
    from paceapp.core.records import Record
    from paceapp.tui.app import PaceApp

#: Widgets whose arrow keys move a cursor: focus comes back to these after a dialog.
LISTS = (DataTable, OptionList, ListView)
#: Where a list's cursor was before it was loaded again: (table, row key, row number).
RowMarks = list[tuple[DataTable[Any], Any, int]]

log = logging.getLogger(__name__)


def unexpected_problem(error: BaseException) -> str:
    """Calm words for a load that failed in a way paceapp did not expect."""
    return ("paceapp could not show this, because of a problem it did not expect "
            f"({type(error).__name__}). Anything already saved is safe. Please try again; if it "
            "keeps happening, closing paceapp and opening it again usually helps.")


class SectionScreen(FocusOnceLaidOut, Screen[None]):
    """A section of the app. Subclasses set MODE and write compose_body() and reload()."""

    MODE: ClassVar[str] = ""
    #: The widget that had the focus when a dialog (or another section) covered this one.
    focus_before: Widget | None = None
    #: The list the person last used (arrows and Enter act there).
    last_list: Widget | None = None

    @property
    def pace(self) -> PaceApp:
        from paceapp.tui.app import PaceApp

        assert isinstance(self.app, PaceApp)
        return self.app

    @property
    def journal(self) -> Journal:
        return self.pace.journal

    @on(events.Compose)
    def width_class_first(self) -> None:
        """Its width class before its widgets are made (tui/breakpoints.py)."""
        give_width_class(self)

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE)
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    # -- focus stays put ----------------------------------------------------------------------
    @on(events.DescendantFocus)
    def note_list(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, LISTS):
            self.last_list = event.widget

    def on_screen_suspend(self) -> None:
        self.focus_before = self.focused

    def on_screen_resume(self) -> None:
        self.restore_focus()
        self.reload()

    def usable(self, widget: Widget | None) -> bool:
        return (widget is not None and widget.is_attached and widget.screen is self
                and widget.focusable)

    def list_to_focus(self) -> Widget | None:
        """The list last used, else the first list on the screen that can take the focus."""
        if self.usable(self.last_list):
            return self.last_list
        return next((w for w in self.query("DataTable, OptionList, ListView")
                     if self.usable(w)), None)

    def restore_focus(self) -> None:
        """Focus where it was before the dialog; a button's focus goes back to the list."""
        target = self.focus_before
        self.focus_before = None
        if target is None:  # nothing had the focus (the first showing): Textual's own choice
            return
        if isinstance(target, Button) or not self.usable(target):
            target = self.list_to_focus()
        if target is not None and target is not self.focused:
            target.focus(scroll_visible=False)

    def on_key(self, event: events.Key) -> None:
        """↑ or ↓ on a button (nothing else uses them there) moves in the list instead."""
        if event.key not in ("up", "down") or not isinstance(self.focused, Button):
            return
        target = self.list_to_focus()
        move = getattr(target, f"action_cursor_{event.key}", None)
        if target is None or move is None:
            return
        event.stop()
        event.prevent_default()
        target.focus()
        move()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load this screen's data (override; use self.load_then to stay off the UI thread)."""

    def confirm_delete(self, record: Record) -> None:
        """Ask (No is the default), then delete the record in a worker; Ctrl+Z brings it back."""
        from paceapp.app.records import delete_record
        from paceapp.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.pace.save(lambda j: delete_record(j, type(record), record.id),
                               f"Deleted the {record.LABEL}. Ctrl+Z brings it back.")

        details = ", ".join(v for k, v in record.summary().items() if v and k != "id")
        self.app.push_screen(ConfirmScreen(f"Delete this {record.LABEL}?\n{details}"), answered)

    def load_then(self, load: Callable[[], Any], show: Callable[[Any], None],
                  group: str | None = None) -> Worker[Any]:
        """The one way a screen loads: `load()` runs in a worker thread, then `show(result)` runs
        on the UI thread, and each list's cursor stays on the same row (see `keep_rows`).

        One load at a time per `group` (default: this section's): a new load cancels the one
        still running, so an older result never lands after a newer one. A problem is told to
        the person - a PaceError in its own words, anything else in calm words (and logged) -
        so the screen is never left stale without a message. Use another `group` for a job
        that must not cancel the section's load (e.g. saving a calendar file).
        """
        worker: Worker[Any] = self.run_worker(
            load, name=group or f"load-{self.MODE}", group=group or f"load-{self.MODE}",
            exclusive=True, thread=True, exit_on_error=False)
        self._shows[worker] = show
        return worker

    @property
    def _shows(self) -> dict[Worker[Any], Callable[[Any], None]]:
        """What to do with each running load's result (by worker)."""
        shows: dict[Worker[Any], Callable[[Any], None]] = self.__dict__.setdefault(
            "_load_shows", {})
        return shows

    @on(Worker.StateChanged)
    def _load_finished(self, event: Worker.StateChanged) -> None:
        """Show a load's result, or say what went wrong; a cancelled load is dropped."""
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        show = self._shows.pop(event.worker, None)
        if show is None:
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            marks = self.row_marks()
            show(event.worker.result)
            self.keep_rows(marks)
        elif event.state == WorkerState.ERROR:
            self.tell_load_problem(event.worker.error)

    def tell_load_problem(self, error: BaseException | None) -> None:
        if isinstance(error, PaceError):
            self.pace.tell_problem(str(error))
            return
        log.error("Loading %s failed", self.MODE or type(self).__name__, exc_info=error)
        self.log.error(f"load failed on {type(self).__name__}: {error!r}")
        self.pace.tell_problem(unexpected_problem(error or RuntimeError()))

    def row_marks(self) -> RowMarks:
        marks: RowMarks = []
        for table in self.query(DataTable):
            row = table.cursor_row
            if table.row_count and 0 <= row < table.row_count:
                marks.append((table, table.ordered_rows[row].key, row))
        return marks

    @staticmethod
    def keep_rows(marks: RowMarks) -> None:
        """After a list was filled again: a list the screen left on its first row (where
        clearing puts the cursor) goes back to the row it was on - the same record when it is
        still there, else the same place. A row the screen chose itself is kept."""
        for table, key, row in marks:
            if not table.is_attached or not table.row_count or table.cursor_row != 0:
                continue
            try:
                index = table.get_row_index(key)
            except RowDoesNotExist:
                index = min(row, table.row_count - 1)
            if index != 0:
                table.move_cursor(row=index, animate=False)
