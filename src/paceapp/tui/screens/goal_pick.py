"""Choose one of several action plans (e.g. which one to mark done today)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from paceapp.core.goals import ActionPlan
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of


class PlanPicker(FocusOnceLaidOut, ModalScreen[ActionPlan | None]):
    """A list of plans: arrows and Enter, a number key, or a click. Escape closes."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                *[Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, 10)]]
    CSS_PATH = "goal_pick.tcss"

    def __init__(self, plans: list[ActionPlan], question: str, notes: dict[str, str] | None = None
                 ) -> None:
        super().__init__()
        self.plans = plans
        self.question = question
        self.notes = notes or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-dialog"):
            yield Static(self.question, classes="section-title", markup=False)
            yield OptionList(*[Option(Text(f"{i}. {p.what}" + (f" - {self.notes[p.id]}"
                                                               if p.id in self.notes else "")),
                                      id=p.id)
                               for i, p in enumerate(self.plans, start=1)], id="plans")
            yield ActionButtons(self, bindings_of(self, "cancel"))

    def on_mount(self) -> None:
        self.query_one("#plans", OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(p for p in self.plans if p.id == event.option.id))

    def action_choose(self, index: int) -> None:
        if 0 <= index < len(self.plans):
            self.dismiss(self.plans[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
