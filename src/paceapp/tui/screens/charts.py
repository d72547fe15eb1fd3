"""Charts: pain (with flare-ups), sleep and activity over 4, 12 or 52 weeks, and the numbers."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from paceapp.app.report import load_chart
from paceapp.core.timeparse import local_now
from paceapp.outputs.charts import CHARTS, PERIODS_WEEKS, ChartSpec, as_table, render
from paceapp.tui.screens.base import SectionScreen


class ChartsScreen(SectionScreen):
    MODE = "charts"
    BINDINGS = [
        Binding("n", "next_chart", "Next chart", id="charts-next"),
        Binding("w", "next_period", "Weeks", id="charts-period"),
        Binding("t", "numbers", "Numbers / chart", id="charts-numbers"),
    ]
    CSS_PATH = "charts.tcss"
    #: Below 72 columns the buttons take two rows (on one row "Numbers" was cut off).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.chart = "pain"
        self.weeks = 4
        self.show_numbers = False
        self.spec: ChartSpec | None = None

    def compose_body(self) -> ComposeResult:
        yield Static("Charts", classes="section-title")
        with Horizontal(classes="chart-buttons"):
            for name in CHARTS:
                yield Button(name.capitalize(), id=f"chart-{name}", compact=True)
            for weeks in PERIODS_WEEKS:
                yield Button(f"{weeks} weeks", id=f"weeks-{weeks}", compact=True)
            yield Button("Numbers", id="numbers", compact=True)
        with VerticalScroll(id="chart-scroll"):
            yield Static("Loading…", id="chart", markup=False)

    def reload(self) -> None:
        chart, weeks, journal = self.chart, self.weeks, self.journal
        today = local_now().date()
        self._mark_chosen()
        self.load_then(lambda: load_chart(journal, chart, weeks, today), self.show_spec)

    def _mark_chosen(self) -> None:
        for button in self.query(".chart-buttons Button").results(Button):
            chosen = button.id in (f"chart-{self.chart}", f"weeks-{self.weeks}") or (
                button.id == "numbers" and self.show_numbers)
            button.set_class(chosen, "-chosen")
            label = str(button.label).lstrip("▸")
            button.label = f"▸{label}" if chosen else label

    def show_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        self.draw()

    def draw(self) -> None:
        if self.spec is None:
            return
        widget = self.query_one("#chart", Static)
        if self.show_numbers:
            widget.update(as_table(self.spec))
            return
        width = max(self.query_one("#chart-scroll").size.width - 3, 40)
        height = max(min(self.size.height - 8, 24), 10)
        widget.update(render(self.spec, width=width, height=height))

    def on_resize(self) -> None:
        self.draw()

    def action_next_chart(self) -> None:
        self.chart = CHARTS[(CHARTS.index(self.chart) + 1) % len(CHARTS)]
        self.reload()

    def action_next_period(self) -> None:
        self.weeks = PERIODS_WEEKS[(PERIODS_WEEKS.index(self.weeks) + 1) % len(PERIODS_WEEKS)]
        self.reload()

    def action_numbers(self) -> None:
        self.show_numbers = not self.show_numbers
        self._mark_chosen()
        self.draw()

    @on(Button.Pressed, ".chart-buttons Button")
    def chosen(self, event: Button.Pressed) -> None:
        event.stop()
        ident = event.button.id or ""
        if ident.startswith("chart-"):
            self.chart = ident[6:]
        elif ident.startswith("weeks-"):
            self.weeks = int(ident[6:])
        elif ident == "numbers":
            self.action_numbers()
            return
        self.reload()
