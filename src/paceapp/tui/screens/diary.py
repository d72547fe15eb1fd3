"""Diary: the sleep diary, naps, flare-ups and days - summaries, lists, and change/delete/undo.

Keys: s log a night, n log a nap, f start or end a flare-up, p the flare-up plan, d log what I
could do today (as on Today), e change and x delete the chosen row (in whichever list has the
focus; Tab moves between them), Ctrl+Z undo.
Naps are listed and summed apart from the nights: they never change a night's figures.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from paceapp.app.day import save_day
from paceapp.app.sleep import (
    NAP_SUMMARY_DAYS,
    DiaryView,
    load_diary,
    save_nap,
    save_night,
)
from paceapp.core.day import DayRecord
from paceapp.core.flare import Flare
from paceapp.core.nap import Nap, NapSummary
from paceapp.core.records import Record
from paceapp.core.sleep import SleepNight, SleepSummary
from paceapp.core.timeparse import local_now, show_date, show_minutes
from paceapp.tui.hints import phrased
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of

#: First steps shown while a list is empty (instead of "none logged" three times over).
NO_NIGHTS = ("No nights in the sleep diary lately. Press s in the morning to log last night - "
             "a minute is enough. About two weeks of nights helps show a pattern.")
NO_FLARES = ("No flare-ups logged. If one starts, press f and your flare-up plan will show; "
             "p to write the plan while you feel well.")


def short_sleep_line(span: int, summary: SleepSummary) -> str:
    """'7 nights: on average 6 h 40 min asleep; sleep efficiency (time asleep ÷ time in bed)
    81.2% from the totals (5 logged)' (exact, rounded once when shown)."""
    if summary.nights_logged == 0:
        return f"{span} nights: none logged."
    if summary.exact_tst_min is None:
        return f"{span} nights: {summary.nights_logged} logged, not enough times to work out sleep."
    text = f"{span} nights: on average {show_minutes(summary.exact_tst_min)} asleep"
    if summary.exact_se_pct is not None:
        text += f"; {summary.efficiency_text()}"
    return f"{text} ({summary.nights_logged} logged)"


def nap_line(summary: NapSummary) -> str:
    """'Naps, last 28 days: 3, 2 h 05 min in all (not counted in the nights).' ('' with none)."""
    if summary.count == 0:
        return ""
    return f"Naps, last {NAP_SUMMARY_DAYS} days: {summary.card_text()} (not counted in the nights)."


def diary_sentences(view: DiaryView) -> list[str]:
    """The summaries above the lists: sleep over 7, 14 and 28 nights, naps, flare-ups."""
    if any(summary.nights_logged for summary in view.sleep.values()):
        sentences = [short_sleep_line(span, summary) for span, summary in view.sleep.items()]
    else:
        sentences = [NO_NIGHTS]
    if line := nap_line(view.nap_summary):
        sentences.append(line)
    sentences.append(view.flare_summary.sentence() if view.flare_summary else NO_FLARES)
    return sentences


def day_row(record: DayRecord) -> tuple[str, str, str]:
    """The days list's cells: the day, how it was, and what was hard ('nothing hard')."""
    hard = "; ".join(f"{h.activity}: {h.how.words}" for h in record.hard)
    return (show_date(record.date), record.rating.words if record.rating else "no rating",
            hard or "nothing hard")


#: The Diary's buttons: the ids of its bindings, each with its button's id (kept from before).
BUTTON_IDS = {"diary-sleep": "b-sleep", "diary-nap": "b-nap", "diary-flare": "b-flare",
              "diary-plan": "b-plan", "diary-day": "b-day", "diary-edit": "b-edit",
              "diary-delete": "b-delete", "undo": "b-undo"}


class DiaryScreen(SectionScreen):
    MODE = "diary"
    # Short words, as on the buttons (which are made from these): all eight buttons fit on one
    # row at 80 columns.
    BINDINGS = [
        Binding("s", "log_sleep", "Night", id="diary-sleep"),
        Binding("n", "log_nap", "Nap", id="diary-nap"),
        Binding("f", "flare", "Flare-up", id="diary-flare"),
        Binding("p", "plan", "Plan", id="diary-plan"),
        Binding("d", "log_day", "Day", id="diary-day"),
        Binding("e", "edit", "Change", id="diary-edit"),
        Binding("delete,x", "delete", "Delete", id="diary-delete", key_display="x"),
    ]
    # The summary and the lists scroll together (a small terminal cannot show them all at
    # once); the list with the focus is scrolled into view. The buttons stay in view below.
    CSS_PATH = "diary.tcss"
    #: Below 72 columns the buttons take two rows (on one row the last ones were cut off).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]

    def compose_body(self) -> ComposeResult:
        yield Static("Diary · sleep, flare-ups, naps and days", classes="section-title",
                     markup=False)
        with VerticalScroll(id="diary-body"):
            yield Static("Loading…", id="diary-summary", markup=False)
            yield Static("Nights, newest first (Tab to the flare-ups, naps and days)",
                         classes="list-title", markup=False)
            yield ListTable(id="nights")
            yield Static("Flare-ups, newest first", classes="list-title", markup=False)
            yield ListTable(id="flares")
            yield Static("Naps, newest first (kept apart from the nights)", classes="list-title",
                         markup=False)
            yield ListTable(id="naps")
            yield Static("Days (what I could do), newest first", classes="list-title",
                         markup=False)
            yield ListTable(id="days")
        # Undo is the app's key (Ctrl+Z everywhere, "^Z" on this crowded row, as before); its
        # button runs the app's action.
        undo = dataclasses.replace(bindings_of(self.app, "undo")[0], action="app.undo",
                                   key_display="^Z")
        yield ActionButtons(self, [*bindings_of(self, *list(BUTTON_IDS)[:-1]), undo],
                            compact=True, dense=True, button_ids=BUTTON_IDS, id="diary-buttons")

    #: Each list's most rows in view (it scrolls within that); a short list takes less room.
    LIST_ROWS: ClassVar[dict[str, int]] = {"nights": 10, "flares": 8, "naps": 7,
                                                   "days": 7}

    def on_mount(self) -> None:
        for name, rows in self.LIST_ROWS.items():
            # set here: the app's stylesheet gives every DataTable 1fr, which in a scrolling
            # area would leave short lists full of blank rows
            table = self.query_one(f"#{name}", DataTable)
            table.styles.height = "auto"
            table.styles.max_height = rows
            table.styles.min_height = 3
        self.query_one("#nights", DataTable).add_columns(
            "Morning", "Bed-up", "Asleep", "Efficiency", "Quality", "Note")
        self.query_one("#naps", DataTable).add_columns("Day", "From-to", "Lasted", "Note")
        self.query_one("#days", DataTable).add_columns("Day", "Day was", "Hard")
        self.query_one("#flares", DataTable).add_columns(
            "Started", "Ended", "Lasted", "Peak", "Triggers")
        self.last_table = "nights"
        self.records: dict[str, Record] = {}
        self.query_one("#nights", DataTable).focus()
        self.reload()

    def reload(self) -> None:
        journal = self.journal
        today = local_now().date()
        self.load_then(lambda: load_diary(journal, today), self.show_data)

    def show_data(self, data: DiaryView) -> None:
        self.data = data
        self.query_one("#diary-summary", Static).update("\n".join(diary_sentences(data)))
        self.records = {}
        nights = self.query_one("#nights", DataTable)
        nights.clear()
        for night in reversed(data.nights):
            cells = night.summary()
            key = f"sleep:{night.id}"
            self.records[key] = night
            nights.add_row(*(plain(cells[c]) for c in ("morning", "bed-up", "asleep",
                                                       "efficiency",
                                                       "quality", "note")), key=key)
        if not data.nights:
            nights.add_row(plain("No nights logged yet"), plain("press s"), *(plain("")
                                                                            for _ in range(4)),
                           key="empty")
        naps = self.query_one("#naps", DataTable)
        naps.clear()
        for nap in sorted(data.naps, key=lambda n: n.started, reverse=True):
            cells = nap.summary()
            key = f"nap:{nap.id}"
            self.records[key] = nap
            naps.add_row(*(plain(cells[c]) for c in ("day", "from-to", "lasted", "note")),
                         key=key)
        if not data.naps:
            naps.add_row(plain("No naps logged"), plain("press n"), plain(""), plain(""),
                         key="empty")
        flares = self.query_one("#flares", DataTable)
        flares.clear()
        for flare in sorted(data.flares, key=lambda f: f.started, reverse=True):
            cells = flare.summary()
            key = f"flare:{flare.id}"
            self.records[key] = flare
            flares.add_row(*(plain(cells[c]) for c in ("started", "ended", "lasted", "peak",
                                                       "triggers")), key=key)
        if not data.flares:
            flares.add_row(plain("No flare-ups logged"), *(plain("") for _ in range(4)),
                           key="empty")
        days = self.query_one("#days", DataTable)
        days.clear()
        for record in sorted(data.days, key=lambda d: d.date, reverse=True):
            key = f"day:{record.id}"
            self.records[key] = record
            days.add_row(*(plain(cell) for cell in day_row(record)), key=key)
        if not data.days:
            days.add_row(plain("No days logged"), plain("press d"), plain(""), key="empty")

    # -- choosing a row -------------------------------------------------------------------
    def on_descendant_focus(self) -> None:
        """The list with the focus is the one e and x act on (it stays so while a button has it)."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id:
            self.last_table = focused.id

    def selected(self) -> Record | None:
        table = self.query_one(f"#{getattr(self, 'last_table', 'nights')}", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.records.get(key or "")

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id:
            self.last_table = event.data_table.id
        self.action_edit()

    # -- actions --------------------------------------------------------------------------
    def action_log_sleep(self) -> None:
        from paceapp.tui.screens.sleep_form import SleepForm, describe_night

        data: DiaryView | None = getattr(self, "data", None)
        nights = data.nights if data else []
        today_night = next((n for n in nights if data and n.date == data.today), None)
        if today_night is not None:
            self.notify("This morning's night is logged already: here it is to change. "
                        "To log an earlier night, change the morning.", markup=False)
        defaults = next((n for n in reversed(nights) if data and n.date < data.today), None)

        def saved(night: SleepNight | None) -> None:
            if night is not None:
                new = today_night is None or night.id != today_night.id  # another morning: a new night
                self.pace.save(lambda j: phrased(save_night)(j, night, now=local_now(),
                                                             new=new, base=today_night),
                               f"Saved: {describe_night(night)}.")

        self.app.push_screen(SleepForm(today_night, defaults=defaults, other_morning_is_new=True), saved)

    def action_log_nap(self) -> None:
        from paceapp.tui.screens.nap_form import NapForm, nap_saved_message

        def saved(nap: Nap | None) -> None:
            if nap is not None:
                self.pace.save(lambda j: phrased(save_nap)(j, nap, now=local_now(), new=True),
                               nap_saved_message(nap, new=True))

        self.app.push_screen(NapForm(), saved)

    def action_flare(self) -> None:
        from paceapp.tui.screens.flare_form import start_or_end_flare

        start_or_end_flare(self)

    def action_plan(self) -> None:
        from paceapp.tui.screens.flare_form import show_plan

        show_plan(self)

    def action_log_day(self) -> None:
        """What I could do today: today's day record to change, or a new one (as `d` on Today)."""
        from paceapp.tui.screens.day_form import open_day_form

        data: DiaryView | None = getattr(self, "data", None)
        today = local_now().date()
        record = next((d for d in data.days if d.date == today), None) \
            if data is not None and data.today == today else None
        open_day_form(self.app, record, None, today)

    def edit_day(self, record: DayRecord) -> None:
        from paceapp.tui.forms import edit_form
        from paceapp.tui.screens.day_form import day_saved_message

        def saved_day(day: Record | None) -> None:
            if isinstance(day, DayRecord):
                self.pace.save(lambda j: phrased(save_day)(j, day, now=local_now(), new=False,
                                                           base=record),
                               day_saved_message(day, new=False))

        self.app.push_screen(edit_form(record), saved_day)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose a night, a nap, a flare-up or a day in a list first (arrow keys "
                        "or click).")
            return
        if isinstance(record, DayRecord):
            self.edit_day(record)
        elif isinstance(record, Nap):
            from paceapp.tui.screens.nap_form import NapForm, nap_saved_message

            def saved_nap(nap: Nap | None) -> None:
                if nap is not None:
                    self.pace.save(lambda j: phrased(save_nap)(j, nap, now=local_now(),
                                                               new=False, base=record),
                                   nap_saved_message(nap, new=False))

            self.app.push_screen(NapForm(record), saved_nap)
        elif isinstance(record, SleepNight):
            from paceapp.tui.screens.sleep_form import SleepForm

            def saved_night(night: SleepNight | None) -> None:
                if night is not None:
                    self.pace.save(lambda j: phrased(save_night)(j, night, now=local_now(),
                                                                 new=False, base=record),
                                   f"Changed the night to {show_date(night.date)}. "
                                   "Ctrl+Z undoes it.")

            self.app.push_screen(SleepForm(record), saved_night)
        elif isinstance(record, Flare):
            from paceapp.tui.screens.flare_form import FlareForm, save_flare

            def saved_flare(flare: Flare | None) -> None:
                if flare is not None:
                    self.pace.save(lambda j: save_flare(j, flare, new=False, base=record),
                                   "Changed the flare-up. Ctrl+Z undoes it.")

            self.app.push_screen(FlareForm(record), saved_flare)

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose a night, a nap, a flare-up or a day in a list first (arrow keys "
                        "or click).")
            return
        self.confirm_delete(record)
