"""The weekly review of one plan: how it went, what got in the way, what next. Skipping is fine.

Like every form it is a DraftForm: Esc (or Stop) with answers given asks first, and the answers
come back when the same plan's review for the same week opens again; saving forgets them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from paceapp.app.drafts import Values
from paceapp.core.errors import ValidationError
from paceapp.core.goals import NEXT_STEPS, OUTCOMES, ActionPlan
from paceapp.core.text import LINE, clean_text
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value
from paceapp.tui.screens.draft_form import DraftForm
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


@dataclass(frozen=True, eq=False, repr=False)
class ReviewAnswer(Value):
    outcome: str
    got_in_way: str
    next_step: str


class ReviewForm(DraftForm[ReviewAnswer | str | None]):
    """Dismisses with a ReviewAnswer, SKIP (leave this plan as it is), or None (stop reviewing)."""

    BINDINGS = [
        Binding("escape", "cancel", "Stop reviewing", id="cancel"),
        Binding("d", "outcome(0)", "Done", show=False),
        Binding("p", "outcome(1)", "Partly", show=False),
        Binding("n", "outcome(2)", "Not this time", show=False),
        Binding("k", "next(0)", "Keep", show=False),
        Binding("c", "next(1)", "Change", show=False),
        Binding("z", "next(2)", "Pause", show=False),
        Binding("s", "skip", "Skip", show=False),
    ]
    CSS_PATH = "goal_review.tcss"

    def __init__(self, plan: ActionPlan, week: date, done: int, planned: int,
                 position: str = "") -> None:
        super().__init__()
        self.plan, self.week, self.done, self.planned = plan, week, done, planned
        self.position = position

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="review-dialog"):
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

    def on_resize(self, event: events.Resize) -> None:
        """Below 70 columns the three buttons sit closer, so Stop is not cut off (set here, as
        the app's style sheet gives dialog buttons their margin)."""
        narrow = event.size.width < 70
        for button in self.query(".buttons Button"):
            button.styles.margin = (0, 1 if narrow else 2, 0, 0)
            button.styles.min_width = 0 if narrow else None

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
        self.form_changed()

    # -- the draft: the two choices count as well as the words ----------------------------
    CHOICES = ("outcome", "next")

    def draft_key(self) -> str:
        return f"review:{self.plan.id}:{self.week.isoformat()}"

    def form_values(self) -> Values:
        values = super().form_values()
        for set_id in self.CHOICES:
            index = self.query_one(f"#{set_id}", RadioSet).pressed_index
            values[set_id] = str(index) if index >= 0 else None
        return values

    def set_form_values(self, values: Values) -> None:
        super().set_form_values(values)
        for set_id in self.CHOICES:
            value = values.get(set_id)
            buttons = list(self.query_one(f"#{set_id}", RadioSet).query(RadioButton))
            if isinstance(value, str) and value.isdigit() and int(value) < len(buttons):
                buttons[int(value)].value = True
            elif value is None:
                for button in buttons:
                    button.value = False

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
            self.show_problems(error.problems)
            return
        self.say_problems([])
        self.dismiss(ReviewAnswer(OUTCOMES[outcome], got_in_way,
                                  NEXT_STEPS[max(next_index, 0)]))

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(SKIP)

    @on(Button.Pressed, "#stop")
    def action_stop(self) -> None:
        """Stop reviewing: asks first when answers were given (they are kept as a draft)."""
        self.action_cancel()

