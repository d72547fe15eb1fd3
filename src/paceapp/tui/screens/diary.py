"""Diary: the sleep diary and flare-ups - summaries, lists, and change/delete/undo.

Keys: s log a night, f start or end a flare-up, p the flare-up plan, e change and x delete the
chosen row (in whichever list has the focus; Tab moves between them), Ctrl+Z undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Static

from paceapp.core.flare import Flare, summarise_flares
from paceapp.core.records import Record
from paceapp.core.sleep import SleepNight, SleepSummary, recent_summaries
from paceapp.core.timeparse import local_now, show_date, show_minutes
from paceapp.store.journal import Journal
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain

#: How far back the nights list goes (older nights: `paceapp show sleep`).
NIGHTS_SHOWN_DAYS = 120
#: The flare-up summary covers this many days.
FLARE_SUMMARY_DAYS = 84
#: First steps shown while a list is empty (instead of "none logged" three times over).
NO_NIGHTS = ("No nights in the sleep diary lately. Press s in the morning to log last night - "
             "a minute is enough. About two weeks of nights helps show a pattern.")
NO_FLARES = ("No flare-ups logged. If one starts, press f and your flare-up plan will show; "
             "p to write the plan while you feel well.")


@dataclass(frozen=True)
class DiaryData:
    today: date
    nights: list[SleepNight]
    flares: list[Flare]
    sentences: list[str]


def short_sleep_line(span: int, summary: SleepSummary) -> str:
    """'7 nights: on average 6 h 40 min asleep, sleep efficiency 81.2% (5 logged)'."""
    if summary.nights_logged == 0:
        return f"{span} nights: none logged."
    if summary.average_tst_min is None:
        return f"{span} nights: {summary.nights_logged} logged, not enough times to work out sleep."
    asleep = show_minutes(summary.average_tst_min)
    se = summary.average_se_pct
    efficiency = f" sleep efficiency {se:.1f}%" if se is not None else ""
    return (f"{span} nights: on average {asleep} asleep,{efficiency} "
            f"({summary.nights_logged} logged)")


def load_diary(journal: Journal, today: date) -> DiaryData:
    nights = journal.list(SleepNight, since=today - timedelta(days=NIGHTS_SHOWN_DAYS - 1))
    flares = journal.list(Flare)
    summaries = recent_summaries(nights, today)
    if any(summary.nights_logged for summary in summaries.values()):
        sentences = [short_sleep_line(span, summary) for span, summary in summaries.items()]
    else:
        sentences = [NO_NIGHTS]
    if flares:
        sentences.append(summarise_flares(flares, today - timedelta(days=FLARE_SUMMARY_DAYS - 1),
                                          today).sentence())
    else:
        sentences.append(NO_FLARES)
    return DiaryData(today, nights, flares, sentences)


class DiaryScreen(SectionScreen):
    MODE = "diary"
    BINDINGS = [
        Binding("s", "log_sleep", "Log a night", id="diary-sleep"),
        Binding("f", "flare", "Flare-up start/end", id="diary-flare"),
        Binding("p", "plan", "Flare-up plan", id="diary-plan"),
        Binding("e", "edit", "Change", id="diary-edit"),
        Binding("delete,x", "delete", "Delete", id="diary-delete"),
    ]
    DEFAULT_CSS = """
    DiaryScreen #diary-summary { padding: 0 1; height: auto; }
    DiaryScreen .list-title { padding: 0 1; text-style: bold; height: 1; }
    DiaryScreen DataTable { height: 1fr; min-height: 3; }
    DiaryScreen #diary-buttons { height: auto; }
    DiaryScreen #diary-buttons Button { margin: 0 1 0 0; min-width: 0; }
    """

    def compose_body(self) -> ComposeResult:
        yield Static("Diary · sleep and flare-ups", classes="section-title", markup=False)
        yield Static("Loading…", id="diary-summary", markup=False)
        yield Static("Nights, newest first (Tab to the flare-ups)", classes="list-title",
                     markup=False)
        yield DataTable(id="nights", cursor_type="row", zebra_stripes=True)
        yield Static("Flare-ups, newest first", classes="list-title", markup=False)
        yield DataTable(id="flares", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="diary-buttons"):
            for label, button_id in (("s Night", "b-sleep"), ("f Flare-up", "b-flare"),
                                     ("p Plan", "b-plan"), ("e Change", "b-edit"),
                                     ("x Delete", "b-delete"), ("^Z Undo", "b-undo")):
                yield Button(label, id=button_id, compact=True)

    def on_mount(self) -> None:
        self.query_one("#nights", DataTable).add_columns(
            "Morning", "Bed-up", "Asleep", "SE", "Quality", "Note")
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

    def show_data(self, data: DiaryData) -> None:
        self.data = data
        self.query_one("#diary-summary", Static).update("\n".join(data.sentences))
        self.records = {}
        nights = self.query_one("#nights", DataTable)
        nights.clear()
        for night in reversed(data.nights):
            cells = night.summary()
            key = f"sleep:{night.id}"
            self.records[key] = night
            nights.add_row(*(plain(cells[c]) for c in ("morning", "bed-up", "asleep", "SE",
                                                       "quality", "note")), key=key)
        if not data.nights:
            nights.add_row(plain("No nights logged yet"), plain("press s"), *(plain("")
                                                                            for _ in range(4)),
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
        from paceapp.tui.screens.sleep_form import SleepForm, add_or_update_night, describe_night

        data: DiaryData | None = getattr(self, "data", None)
        nights = data.nights if data else []
        today_night = next((n for n in nights if data and n.date == data.today), None)
        if today_night is not None:
            self.notify("This morning's night is logged already: here it is to change. "
                        "To log an earlier night, change the morning.", markup=False)
        defaults = next((n for n in reversed(nights) if data and n.date < data.today), None)

        def saved(night: SleepNight | None) -> None:
            if night is not None:
                new = today_night is None or night.id != today_night.id  # another morning: a new night
                self.pace.save(lambda j: add_or_update_night(j, night, new=new),
                               f"Saved: {describe_night(night)}.")

        self.app.push_screen(SleepForm(today_night, defaults=defaults, other_morning_is_new=True), saved)

    def action_flare(self) -> None:
        from paceapp.tui.screens.flare_form import start_or_end_flare

        start_or_end_flare(self.pace)

    def action_plan(self) -> None:
        from paceapp.tui.screens.flare_form import show_plan

        show_plan(self.pace)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose a night or a flare-up in a list first (arrow keys or click).")
            return
        if isinstance(record, SleepNight):
            from paceapp.tui.screens.sleep_form import SleepForm, add_or_update_night

            def saved_night(night: SleepNight | None) -> None:
                if night is not None:
                    self.pace.save(lambda j: add_or_update_night(j, night, new=False),
                                   f"Changed the night to {show_date(night.date)}. "
                                   "Ctrl+Z undoes it.")

            self.app.push_screen(SleepForm(record), saved_night)
        elif isinstance(record, Flare):
            from paceapp.tui.screens.flare_form import FlareForm, save_flare

            def saved_flare(flare: Flare | None) -> None:
                if flare is not None:
                    self.pace.save(lambda j: save_flare(j, flare, new=False),
                                   "Changed the flare-up. Ctrl+Z undoes it.")

            self.app.push_screen(FlareForm(record), saved_flare)

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("Choose a night or a flare-up in a list first (arrow keys or click).")
            return
        self.confirm_delete(record)

    @on(Button.Pressed, "#diary-buttons Button")
    def button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"b-sleep": self.action_log_sleep, "b-flare": self.action_flare,
                   "b-plan": self.action_plan, "b-edit": self.action_edit,
                   "b-delete": self.action_delete, "b-undo": self.pace.action_undo}
        action = actions.get(event.button.id or "")
        if action is not None:
            action()
