"""Your data: where it lives, a check, backups (with restore) and exports - the `paceapp data`
commands as a screen."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from paceapp.app.data import (
    BackupInfo,
    DataView,
    Exported,
    Restored,
    data_root,
    export_into,
    load_data_view,
    restore,
)
from paceapp.core.text import plural, strip_controls
from paceapp.core.timeparse import local_now, show_date
from paceapp.paths import documents_dir
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of


def check_lines(view: DataView) -> tuple[str, list[BackupInfo]]:
    """The check's result in words, and the backups (newest first)."""
    report = view.check
    if report is None:
        return "Nothing saved yet, so there is nothing to check.", []
    if report.ok:
        text = (f"Checked {report.files} files: {report.records} records. "
                "Everything reads and checks out.")
    else:
        lines = [f"Checked {report.files} files: {len(report.problems)} problem(s) found."]
        lines += [f"  - {problem}" for problem in report.problems[:8]]
        for copy in report.conflicts:
            lines.append(f"  - A copy left by a sync tool: {copy.path.name} ({copy.different} "
                         "records differ). 'paceapp data import' can merge it.")
        text = "\n".join(lines)
    return text, view.backups


#: The section's keys that are also buttons, in order, with each button's id (not the binding's:
#: "data-check" is the check's text).
BUTTON_IDS = {"data-check": "btn-check", "data-restore": "btn-restore",
              "data-export-json": "btn-json", "data-export-csv": "btn-csv"}


class DataScreen(SectionScreen):
    MODE = "data"
    BINDINGS = [
        Binding("k", "check", "Check", id="data-check"),
        Binding("r", "restore", "Restore backup", id="data-restore"),
        Binding("j", "export('json')", "Export JSON", id="data-export-json"),
        Binding("v", "export('csv')", "Export CSV", id="data-export-csv"),
    ]
    CSS_PATH = "data.tcss"
    #: Below 72 columns the four buttons take two rows (on one row the last was cut off at 60).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]

    def compose_body(self) -> ComposeResult:
        yield Static("Your data", classes="section-title")
        with VerticalScroll():
            yield Static("", id="data-where", markup=False)
            yield Static("Checking…", id="data-check", markup=False)
            yield Static("", id="data-saved", markup=False)
            yield ActionButtons(self, bindings_of(self, *BUTTON_IDS), compact=True,
                                button_ids=BUTTON_IDS)
            yield Static("Backups (taken before the first change of each day; newest first)",
                         classes="card-title")
            yield ListTable(id="backups")

    def on_mount(self) -> None:
        self.query_one("#backups", DataTable).add_columns("Backup", "Taken", "Why", "Records",
                                                          "State")

    def reload(self) -> None:
        journal = self.journal
        self.query_one("#data-where", Static).update(
            f"Your data is in {data_root(journal)} (only on this computer).")
        self.load_then(lambda: check_lines(load_data_view(journal)), self.show_check)

    def show_check(self, result: tuple[str, list[BackupInfo]]) -> None:
        text, backups = result
        self.query_one("#data-check", Static).update(text)
        table = self.query_one("#backups", DataTable)
        table.clear()
        for info in backups:
            taken = info.taken
            when = (f"{show_date(taken.date())} {taken:%H:%M}" if isinstance(taken, datetime)
                    else show_date(taken) if isinstance(taken, date) else "")
            state = "ok" if info.usable else f"not usable: {info.why_not}"
            table.add_row(plain(strip_controls(info.backup.name)), plain(when), plain(info.reason),
                          plain(str(info.records)), plain(state), key=info.backup.name)
        if not backups:
            table.add_row(plain("none yet"), plain(""), plain(""), plain(""),
                          plain("one is taken before the first change of each day"), key="")

    def action_check(self) -> None:
        self.reload()

    def action_restore(self) -> None:
        table = self.query_one("#backups", DataTable)
        if table.row_count == 0:
            return
        name = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        if not name:
            self.notify("There is no backup to restore yet.", markup=False)
            return
        from paceapp.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def done_text(done: Restored) -> str:
                return (
                    f"Put back the backup {done.backup.name} ({done.records} records). What was "
                    f"there before is kept as {done.kept.name if done.kept else 'a backup'}.")

            self.pace.save(partial(restore, name=name), done_text)

        self.app.push_screen(ConfirmScreen(
            f"Put back the backup {name}?\nWhat is there now is kept as a backup first, so "
            "this can be undone by restoring that one.", yes="Restore"), answered)

    def action_export(self, form: Literal["json", "csv"]) -> None:
        """Export into the documents folder, under a name not taken yet; show the full path."""
        def after(exported: Exported) -> None:
            what = "file" if form == "json" else "folder (one CSV file per kind)"
            text = (f"Exported {plural(exported.count, 'record')} to the {what}:\n{exported.target}\nIt "
                    "holds your health records: keep it somewhere private.")
            self.query_one("#data-saved", Static).update(text)
            self.notify(text, markup=False, timeout=12)

        self.pace.save(partial(export_into, form=form, folder=documents_dir(),
                               today=local_now().date()), "", after)
