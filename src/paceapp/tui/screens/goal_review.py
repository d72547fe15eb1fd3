"""The weekly review of one plan: how it went, what got in the way, what next. Skipping is fine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from paceapp.core.errors import ValidationError
from paceapp.core.goals import NEXT_STEPS, OUTCOMES, ActionPlan
from paceapp.core.text import LINE, clean_text
from paceapp.core.timeparse import show_date
from paceapp.tui.widgets import Problem

OUTCOME_LABELS = ("Done (d)", "Partly (p)", "Not this time (n)")
NEXT_LABELS = ("Keep it for next week (k)", "Change it for next week (c)", "Pause it (z)")
SKIP = "skip"


class ChoiceSet(RadioSet):
    """A RadioSet where Enter on the option already chosen saves, as "Save (Enter)" promises
    (a plain RadioSet only toggles on Enter, so the form seemed to ignore it). Enter on another
    highlighted option chooses it first, so nothing is saved that the person did not pick."""

    BINDINGS = [Binding("enter", "choose_or_save", "Save", show=False)]

    def action_choose_or_save(self) -> None:
        highlighted = self._selected
        if highlighted is not None and highlighted != self.pressed_index:
            self.action_toggle_button()
            return
        screen = self.screen
        if isinstance(screen, ReviewForm):
            screen.save()


@dataclass(frozen=True)
class ReviewAnswer:
    outcome: str
    got_in_way: str
    next_step: str


class ReviewForm(ModalScreen[ReviewAnswer | str | None]):
    """Dismisses with a ReviewAnswer, SKIP (leave this plan as it is), or None (stop reviewing)."""

    BINDINGS = [
        Binding("escape", "stop", "Stop reviewing", id="stop"),
        Binding("d", "outcome(0)", "Done", show=False),
        Binding("p", "outcome(1)", "Partly", show=False),
        Binding("n", "outcome(2)", "Not this time", show=False),
        Binding("k", "next(0)", "Keep", show=False),
        Binding("c", "next(1)", "Change", show=False),
        Binding("z", "next(2)", "Pause", show=False),
        Binding("s", "skip", "Skip", show=False),
    ]
    DEFAULT_CSS = """
    ReviewForm RadioSet { height: auto; width: 1fr; }
    ReviewForm #got_in_way { margin: 0 0 0 0; }
    """

    def __init__(self, plan: ActionPlan, week: date, done: int, planned: int,
                 position: str = "") -> None:
        super().__init__()
        self.plan, self.week, self.done, self.planned = plan, week, done, planned
        self.position = position

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="review-dialog"):
            title = f"Weekly review · week from {show_date(self.week)}"
            yield Static(f"{title}  {self.position}".rstrip(), classes="section-title",
                         markup=False)
            yield Static(self.plan.describe(), markup=False, id="review-plan")
            yield Static(f"You marked {self.done} of {self.planned} "
                         f"day{'s' if self.planned != 1 else ''} this week.", markup=False,
                         id="review-count")
            yield Label("How did it go?", classes="field-label", markup=False)
            yield ChoiceSet(*[RadioButton(text) for text in OUTCOME_LABELS], id="outcome",
                            compact=True)
            yield Label("What got in the way? (optional)", classes="field-label", markup=False)
            yield Input(id="got_in_way", max_length=LINE, compact=True,
                        placeholder="e.g. a flare-up, the weather, visitors")
            yield Label("Next week:", classes="field-label", markup=False)
            yield ChoiceSet(*[RadioButton(text, value=i == 0)
                              for i, text in enumerate(NEXT_LABELS)], id="next", compact=True)
            yield Problem(id="problem")
            with Horizontal(classes="buttons"):
                yield Button("Save (Enter)", id="save", variant="primary")
                yield Button("Skip this one (s)", id="skip")
                yield Button("Stop (Esc)", id="stop")

    def on_mount(self) -> None:
        self.query_one("#outcome", RadioSet).focus()
        self.show_marks()

    @on(RadioSet.Changed)
    def show_marks(self) -> None:
        """The chosen option is marked with a tick, not by colour alone."""
        for set_id, labels in (("outcome", OUTCOME_LABELS), ("next", NEXT_LABELS)):
            radio_set = self.query_one(f"#{set_id}", RadioSet)
            for button, text in zip(radio_set.query(RadioButton), labels, strict=True):
                button.label = f"{'✓' if button.value else ' '} {text}"

    def _press(self, set_id: str, index: int) -> None:
        buttons = list(self.query_one(f"#{set_id}", RadioSet).query(RadioButton))
        buttons[index].value = True

    def action_outcome(self, index: int) -> None:
        self._press("outcome", index)

    def action_next(self, index: int) -> None:
        self._press("next", index)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        outcome = self.query_one("#outcome", RadioSet).pressed_index
        next_index = self.query_one("#next", RadioSet).pressed_index
        try:
            if outcome < 0:
                raise ValidationError("Please choose how it went: done, partly or not this time. "
                                      "Or skip this one.", "outcome")
            got_in_way = clean_text(self.query_one("#got_in_way", Input).value, "got_in_way",
                                    LINE, label="'what got in the way'")
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return
        self.dismiss(ReviewAnswer(OUTCOMES[outcome], got_in_way,
                                  NEXT_STEPS[max(next_index, 0)]))

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(SKIP)

    @on(Button.Pressed, "#stop")
    def action_stop(self) -> None:
        self.dismiss(None)

