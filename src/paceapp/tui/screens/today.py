"""Today: how am I doing, and what's next. Cards from each feature, then today's entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from paceapp.app.folder import Journal
from paceapp.app.today import todays_records
from paceapp.core.records import Record
from paceapp.core.timeparse import local_now, show_date, show_time
from paceapp.tui.cards import card_classes
from paceapp.tui.cards.base import TodayCard
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain

_CARDS = card_classes()


def entry_time(record: Record) -> str:
    at = getattr(record, "at", None) or getattr(record, "started", None)
    return show_time(at) if isinstance(at, datetime) else ""


#: Each card class with what its load() returned, and today's records.
TodayData = tuple[list[tuple[type[TodayCard], Any]], list[Record]]


def load_today(journal: Journal, today: date) -> TodayData:
    """Everything Today shows. Card loads do not use the card itself, so they can run in a
    worker thread (every reload after the first)."""
    return ([(cls, cls.load(cls.__new__(cls), journal, today)) for cls in _CARDS],
            todays_records(journal, today))


#: Keys that scroll Today when no list has the focus -> the scrolling action of its body.
SCROLL_KEYS = {"up": "scroll_up", "down": "scroll_down", "pageup": "page_up",
               "pagedown": "page_down", "home": "scroll_home", "end": "scroll_end"}


class TodayBody(VerticalScroll):
    """Today's scrolling body. Taking or losing the focus restyles just the body (its bar down
    the left edge), not the ~45 widgets inside it: Textual restyles a widget's whole subtree on a
    focus change in case a rule styles children by their parent's focus, and no rule of ours or
    Textual's does (tests/tui/test_first_frame.py checks every style sheet). On the first frame
    that subtree restyle was Today's largest single piece of styling."""

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)


class TodayScreen(SectionScreen):
    """Today is taller than a small window: its body scrolls with the arrow keys, Page Up/Down
    and the mouse wheel. The body has the focus at first (so those keys scroll it at once);
    when the list of today's entries has the focus, the arrows move in the list instead."""

    MODE = "today"
    AUTO_FOCUS = "#today-body"
    #: True once Today has drawn with its data (tests and the benchmark wait for it).
    data_shown = False
    BINDINGS = [
        *[Binding(key, f"card('{cls.__name__}', '{action}')", description, id=f"today-{action}")
          for cls in _CARDS for key, action, description in cls.KEYS],
        Binding("e", "edit", "Change", id="today-edit"),
        Binding("delete,x", "delete", "Delete", id="today-delete"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="today-title", classes="section-title", markup=False)
        with TodayBody(id="today-body"):
            for cls in _CARDS:
                card = cls()
                card.id = f"card-{cls.__name__}"
                yield card
            yield Static("Today's entries (choose one, then e to change or x to delete)",
                         classes="card-title")
            yield ListTable(id="entries")

    def on_key(self, event: events.Key) -> None:
        """On a button (a card's key, the section bar) the scrolling keys scroll Today, from
        where it is, rather than jumping down to the list at the bottom."""
        action = SCROLL_KEYS.get(event.key)
        if action is None or not isinstance(self.focused, Button):
            super().on_key(event)
            return
        event.stop()
        event.prevent_default()
        body = self.query_one("#today-body", VerticalScroll)
        body.focus(scroll_visible=False)
        getattr(body, f"action_{action}")()

    def list_to_focus(self) -> Widget | None:
        """After a dialog opened from a button: the list if it was used, else Today's body (the
        list is at the bottom: going there would scroll Today away from the card)."""
        if self.usable(self.last_list):
            return self.last_list
        return self.query_one("#today-body", VerticalScroll)

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        table.add_columns("Time", "What", "Details")
        # No load here: on_screen_resume runs when Today is first shown, and loads it.

    def reload(self) -> None:
        today = local_now().date()
        self.query_one("#today-title", Static).update(f"Today · {show_date(today)}")
        if not self.data_shown:
            # The first time, read on the UI thread so the first frame shows the data (about
            # 20 ms on ten years; a thread measured slower, as the two take turns at the GIL).
            # Later reloads run in a worker, so keys never wait on the disk.
            try:
                data: TodayData | None = load_today(self.journal, today)
            except Exception:  # noqa: BLE001 - the worker below meets it again and tells the person
                data = None
            if data is not None:
                self.show_data(data)
                return
        journal = self.journal
        self.load_then(lambda: load_today(journal, today), self.show_data)

    def show_data(self, data: TodayData) -> None:
        card_data, records = data
        bad_day = self.pace.settings.bad_day_mode
        cards = {type(card): card for card in self.query(TodayCard)}
        for cls, value in card_data:
            card = cards.get(cls)
            if card is not None and card.is_mounted:
                shown = card.ESSENTIAL or not bad_day
                if card.display != shown:
                    card.display = shown
                card.show(value)
        table = self.query_one("#entries", DataTable)
        table.clear()
        self.records = {f"{r.KIND}:{r.id}": r for r in records}
        for record in records:
            details = ", ".join(v for k, v in record.summary().items()
                                if v and k not in ("id", "when"))
            table.add_row(plain(entry_time(record)), plain(record.LABEL), plain(details),
                          key=f"{record.KIND}:{record.id}")
        if not records:
            table.add_row(plain(""), plain("Nothing logged yet today"),
                          plain("Bad days are real data too - log when you can."), key="empty")
        self.data_shown = True

    def action_card(self, card_name: str, action: str) -> None:
        card = self.query_one(f"#card-{card_name}", TodayCard)
        getattr(card, f"action_{action}")()

    def selected(self) -> Record | None:
        table = self.query_one("#entries", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return getattr(self, "records", {}).get(key or "")

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose an entry in the list first (arrow keys or click).")
            return
        from paceapp.app.records import change_record
        from paceapp.core.timeparse import local_now
        from paceapp.tui.forms import edit_form

        def saved(changed: Record | None) -> None:
            if changed is not None:
                self.pace.save(lambda j: change_record(j, changed, record, local_now()),
                               f"Changed the {changed.LABEL}.")

        self.app.push_screen(edit_form(record), saved)

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose an entry in the list first (arrow keys or click).")
            return
        self.confirm_delete(record)

    @on(DataTable.RowSelected, "#entries")
    def row_chosen(self) -> None:
        self.action_edit()
