"""A bare Textual app with the same kinds (and number) of widgets as paceapp's Today.

The benchmark's yardstick: a nav row of 8 buttons, a title, 8 bordered cards of two lines and
their key buttons, a table and a footer - and no data, no storage, no paceapp code. Run directly
(`python bench/bare_app.py`) for the tmux measurement, or from probe.py.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Static

MARKER = "Weekly check-in (PEG)"
#: Card title -> its key buttons, as on paceapp's Today.
CARDS = {"Pain check-in": ("Log pain (p)", "Weekly PEG (k)"),
         "Flare-ups": ("Flare-up start/end (f)", "My flare-up plan (w)"),
         "Sleep diary": ("Sleep diary (s)", "Log a nap (n)"),
         "What I could do today": ("What I could do (d)", "My activities (l)"),
         "Pacing": ("Log activity (a)", "Activity timer (t)"),
         "Goals": ("Goal day done (g)",), "GP visit": (), "Peer group": ()}


class BareApp(App[None]):
    CSS = """
    #nav { height: 1; }
    #nav Button { margin: 0 1 0 0; min-width: 0; height: 1; border: none; padding: 0; }
    .card { border: round $primary 50%; padding: 0 1; height: auto; }
    .card-keys { height: auto; } .card-keys Button { margin: 0 2 0 0; min-width: 0; }
    DataTable { height: 1fr; min-height: 4; }
    """
    BINDINGS = [("f1", "noop", "Help"), ("f2", "noop", "Support"), ("p", "noop", "Log pain"),
                ("k", "noop", "Weekly PEG"), ("f", "noop", "Flare-up"), ("s", "noop", "Sleep")]

    def compose(self) -> ComposeResult:
        with Horizontal(id="nav"):
            for n, title in enumerate(("Today", "Diary", "Pacing", "Goals", "GP", "Group",
                                       "Charts", "Data"), 1):
                yield Button(f"{n} {title}", compact=True)
        yield Static("Today · Sat 21 Nov")
        with VerticalScroll():
            for n, (title, keys) in enumerate(CARDS.items()):
                with Vertical(classes="card"):
                    yield Static(title)
                    yield Static("Loading…", id="first-card" if n == 0 else None)
                    if keys:
                        with Horizontal(classes="card-keys"):
                            for key in keys:
                                yield Button(key, compact=True)
            yield Static("Today's entries")
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
