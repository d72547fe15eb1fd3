"""A bare Textual app with the same kinds of widgets as paceapp's Today (the benchmark's yardstick).

Run directly (`python bench/bare_app.py`) for the tmux measurement, or imported by probe.py.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Static

MARKER = "Weekly check-in (PEG)"


class BareApp(App[None]):
    CSS = "#nav { height: 1; } #nav Button { margin: 0 1 0 0; }"
    BINDINGS = [("p", "noop", "Log pain"), ("k", "noop", "Weekly PEG")]

    def compose(self) -> ComposeResult:
        with Horizontal(id="nav"):
            for n, title in enumerate(("Today", "Diary", "Pacing", "Goals", "GP", "Group"), 1):
                yield Button(f"{n} {title}", compact=True)
        yield Static("Today · Sat 21 Nov")
        with VerticalScroll():
            for n, title in enumerate(("Pain check-in", "Flare-ups", "Sleep", "Pacing", "Goals",
                                       "GP", "Group")):
                yield Static(title)
                yield Static("Loading…", id="first-card" if n == 0 else None)
            yield DataTable(id="entries")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Time", "What", "Details")
        table.add_row("09:00", "pain score", "5/10")
        self.query_one("#first-card", Static).update(MARKER)

    def action_noop(self) -> None:
        pass


if __name__ == "__main__":
    BareApp().run()
