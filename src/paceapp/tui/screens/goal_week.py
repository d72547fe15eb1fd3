"""Choose the day weeks start on (Monday unless changed): days done are counted in these weeks."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from paceapp.core.settings import WEEKDAYS
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of


class WeekStartPicker(FocusOnceLaidOut, ModalScreen[int | None]):
    """The seven days; the current one is ticked. Arrows and Enter, 1-7, or a click."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                *[Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, 8)]]
    CSS_PATH = "goal_week.tcss"

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="week-dialog"):
            yield Static("Which day does your week start on?", classes="section-title")
            yield Static("Days done are counted Monday to Sunday unless you change it.",
                         classes="hint")
            yield OptionList(*[Option(Text(f"{n + 1}. {day}" + (" ✓" if n == self.current else "")),
                                      id=str(n)) for n, day in enumerate(WEEKDAYS)], id="days")
            yield ActionButtons(self, bindings_of(self, "cancel"))

    def on_mount(self) -> None:
        days = self.query_one("#days", OptionList)
        days.highlighted = self.current
        days.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_choose(self, index: int) -> None:
        self.dismiss(index)

    def action_cancel(self) -> None:
        self.dismiss(None)
