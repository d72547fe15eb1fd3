"""Add or change an action plan; and the kind "make it smaller?" step when confidence is below 7.

Every field is one line; numbers can be typed or clicked (days 1-7, confidence 0-10). Enter in any
box saves; Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from paceapp.core.errors import ValidationError
from paceapp.core.goals import (
    ActionPlan,
    LongerGoal,
    change_plan,
    check_confidence,
    check_days_per_week,
    new_longer_goal,
    new_plan,
    smaller_suggestion,
)
from paceapp.core.text import LINE, SHORT, clean_text, parse_int
from paceapp.core.timeparse import local_now
from paceapp.core.value import Value
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import Problem, problem_and_buttons

NO_GOAL = "-"


class PickButton(Button):
    """A number to click; not in the Tab order (type the number instead)."""

    can_focus = False

    def on_mount(self) -> None:
        # Bad-day mode makes buttons 3 rows tall and 12 wide: a row of eleven numbers then ran
        # off the dialog and over the next row. Number buttons keep their size.
        self.styles.height = 1
        self.styles.min_width = 3


@dataclass(frozen=True, eq=False, repr=False)
class PlanFormResult(Value):
    """What the form gives back: the plan, and a longer goal to make first (if new)."""

    plan: ActionPlan
    new_goal: LongerGoal | None = None


#: Below 70 columns the numbers to click sit closer together, so 0 to 10 all fit (the last
#: ones were cut off at 60 columns); the styles are in goal_form.tcss.
NARROW = [(0, "-narrow"), (70, "-wide")]


def number_row(label: str, field_id: str, value: str, low: int, high: int,
               placeholder: str) -> Horizontal:
    return Horizontal(
        Label(label, markup=False),
        Input(value=value, id=field_id, classes="number", restrict=r"\d{0,2}", max_length=2,
              placeholder=placeholder, compact=True),
        *[PickButton(str(n), id=f"{field_id}-{n}", compact=True, classes=f"pick-{field_id}")
          for n in range(low, high + 1)],
        classes="row")


def text_row(label: str, field_id: str, value: str, limit: int, placeholder: str = "") -> Horizontal:
    return Horizontal(Label(label, markup=False),
                      Input(value=value, id=field_id, max_length=limit, placeholder=placeholder,
                            compact=True),
                      classes="row")


def fill_pick(screen: ModalScreen[Any], event: Button.Pressed) -> None:
    """Clicking a number fills the box beside it."""
    event.stop()
    field_id = (event.button.id or "").rpartition("-")[0]
    box = screen.query_one(f"#{field_id}", Input)
    box.value = str(event.button.label)
    box.focus()


def read_number(screen: ModalScreen[Any], field_id: str, label: str) -> int:
    text = screen.query_one(f"#{field_id}", Input).value
    if not text.strip():
        raise ValidationError(f"Please give the {label}.", field_id)
    return parse_int(text, field_id, label)


class GoalForm(DraftForm[PlanFormResult | None]):
    """Add a plan (no `plan`), change one, or set next week's plan in a review (`title`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    CSS_PATH = "goal_form.tcss"
    HORIZONTAL_BREAKPOINTS = NARROW
    FIELD_WIDGETS = {"days_per_week": "days", "goal_id": "longer"}

    def __init__(self, plan: ActionPlan | None = None, *, longer: list[LongerGoal] | None = None,
                 title: str | None = None, start: date | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.longer = [g for g in (longer or []) if g.status != "done"
                       or (plan is not None and g.id == plan.goal_id)]
        self.title_text = title or ("Change an action plan" if plan else "Add an action plan")
        self.start = start

    def compose(self) -> ComposeResult:
        plan = self.plan
        with VerticalScroll(classes="dialog", id="goal-dialog"):
            yield Static(self.title_text, classes="section-title", markup=False)
            yield Label("Something you want to do, small enough for this week. "
                        "Enter saves, Esc cancels.", classes="intro", markup=False)
            yield text_row("What", "what", plan.what if plan else "", LINE,
                           "e.g. walk to the postbox")
            yield text_row("How much", "how_much", plan.how_much if plan else "", SHORT,
                           "e.g. 10 minutes")
            yield text_row("When", "when", plan.when if plan else "", SHORT,
                           "e.g. after lunch")
            yield number_row("Days a week", "days", str(plan.days_per_week) if plan else "",
                             1, 7, "1-7")
            yield number_row("How sure 0-10", "confidence", str(plan.confidence) if plan else "",
                             0, 10, "0-10")
            yield Static("How sure are you that you can do it? 0 not at all, 10 completely.",
                         markup=False, classes="hint")
            options = [(Text(g.what), g.id) for g in self.longer]
            value = plan.goal_id if plan and plan.goal_id in {g.id for g in self.longer} \
                else NO_GOAL
            yield Horizontal(Label("Longer goal", markup=False),
                             Select([(Text("(none)"), NO_GOAL), *options], value=value,
                                    allow_blank=False, id="longer", compact=True),
                             classes="row")
            yield text_row("or a new one", "new_goal", "", LINE,
                           "e.g. walk to the shop again by spring")
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#what", Input).focus()

    @on(Button.Pressed, "PickButton")
    def picked(self, event: Button.Pressed) -> None:
        fill_pick(self, event)

    def draft_key(self) -> str:
        which = self.plan.id if self.plan else "new"
        return f"goal:{which}:{self.title_text}:{self.start or ''}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        """Every box on its own, so all that needs putting right is said in one go."""
        value = {name: self.query_one(f"#{name}", Input).value
                 for name in ("what", "how_much", "when", "days", "confidence", "new_goal")}

        def days() -> int:
            if not value["days"].strip():
                raise ValidationError("Please give the days a week, from 1 to 7.", "days")
            return check_days_per_week(parse_int(value["days"], "days", "days a week"))

        def confidence() -> int:
            if not value["confidence"].strip():
                raise ValidationError("Please say how sure you are, from 0 to 10.", "confidence")
            return check_confidence(parse_int(value["confidence"], "confidence", "confidence"))

        return [lambda: clean_text(value["what"], "what", LINE, required=True,
                                   label="'what' of the plan"),
                lambda: clean_text(value["how_much"], "how_much", SHORT, label="'how much'"),
                lambda: clean_text(value["when"], "when", SHORT, label="'when'"),
                days, confidence,
                lambda: clean_text(value["new_goal"], "new_goal", LINE, label="longer goal")]

    def build(self) -> PlanFormResult:
        value = {name: self.query_one(f"#{name}", Input).value
                 for name in ("what", "how_much", "when")}
        days_text = self.query_one("#days", Input).value
        confidence_text = self.query_one("#confidence", Input).value
        problems: list[tuple[str | None, str]] = []
        if not days_text.strip():
            problems.append(("days", "Please give the days a week, from 1 to 7."))
        if not confidence_text.strip():
            problems.append(("confidence", "Please say how sure you are, from 0 to 10."))
        if problems:
            raise ValidationError.many(problems)
        days = parse_int(days_text, "days", "days a week")
        confidence = parse_int(confidence_text, "confidence", "confidence")
        chosen = self.query_one("#longer", Select).value
        goal_id = None if chosen in (NO_GOAL, Select.NULL) else str(chosen)
        new_goal = None
        new_text = self.query_one("#new_goal", Input).value.strip()
        today = local_now().date()
        if new_text:
            new_goal = new_longer_goal(new_text, today)
            goal_id = new_goal.id
        if self.plan is None:
            plan = new_plan(value["what"], value["how_much"], value["when"], days, confidence,
                            self.start or today, goal_id)
        else:
            plan = change_plan(self.plan, what=value["what"], how_much=value["how_much"],
                               when=value["when"], days_per_week=days, confidence=confidence,
                               goal_id=goal_id)
        return PlanFormResult(plan, new_goal)


class SmallerForm(DraftForm[ActionPlan | None]):
    """Shown after a plan is saved with confidence below 7: change it in place, or keep it.
    Esc keeps it as it is (asking first when something was changed here)."""

    BINDINGS = [Binding("escape", "cancel", "Keep it", id="keep")]
    CSS_PATH = "goal_form.tcss"
    HORIZONTAL_BREAKPOINTS = NARROW
    KEEPS_DRAFT = False  # it follows a save: changes not made now are simply not made
    FIELD_WIDGETS = {"days_per_week": "days"}

    def __init__(self, plan: ActionPlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with VerticalScroll(classes="dialog", id="smaller-dialog"):
            yield Static("Saved. Make it smaller or easier?", classes="section-title")
            yield Static(plan.describe(), markup=False, id="smaller-plan")
            yield Static(smaller_suggestion(plan.confidence), markup=False, classes="intro",
                         id="suggestion")
            yield text_row("How much", "how_much", plan.how_much, SHORT, "e.g. 5 minutes")
            yield text_row("When", "when", plan.when, SHORT, "an easier time?")
            yield number_row("Days a week", "days", str(plan.days_per_week), 1, 7, "1-7")
            yield number_row("How sure 0-10", "confidence", str(plan.confidence), 0, 10, "0-10")
            yield Problem(id="problem")
            with Horizontal(classes="buttons"):
                yield Button("Save changes (Enter)", id="save", variant="primary")
                yield Button("Keep it as it is (Esc)", id="keep")

    def on_mount(self) -> None:
        self.query_one("#how_much", Input).focus()

    @on(Button.Pressed, "PickButton")
    def picked(self, event: Button.Pressed) -> None:
        fill_pick(self, event)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        how_much = self.query_one("#how_much", Input).value
        when = self.query_one("#when", Input).value
        return [lambda: clean_text(how_much, "how_much", SHORT, label="'how much'"),
                lambda: clean_text(when, "when", SHORT, label="'when'"),
                lambda: check_days_per_week(read_number(self, "days", "days a week")),
                lambda: check_confidence(read_number(self, "confidence", "confidence"))]

    def build(self) -> ActionPlan | None:
        """The changed plan, or None when nothing was changed."""
        changed = change_plan(
            self.plan, how_much=self.query_one("#how_much", Input).value,
            when=self.query_one("#when", Input).value,
            days_per_week=read_number(self, "days", "days a week"),
            confidence=read_number(self, "confidence", "confidence"))
        same = all(getattr(changed, f) == getattr(self.plan, f)
                   for f in ("how_much", "when", "days_per_week", "confidence"))
        return None if same else changed

    @on(Button.Pressed, "#keep")
    def keep(self) -> None:
        self.action_cancel()


class LongerGoalForm(DraftForm[LongerGoal | None]):
    """A longer goal: what, and by when in the person's own words."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    CSS_PATH = "goal_form.tcss"
    HORIZONTAL_BREAKPOINTS = NARROW

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="longer-dialog"):
            yield Static("Add a longer goal", classes="section-title")
            yield Label("Something further off that weekly plans can build towards.",
                        classes="intro", markup=False)
            yield text_row("Longer goal", "what", "", LINE, "e.g. walk to the shop again")
            yield text_row("By when", "by_when", "", SHORT, "e.g. by spring (optional)")
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#what", Input).focus()

    def draft_key(self) -> str:
        return "longer-goal:new"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        what = self.query_one("#what", Input).value
        by_when = self.query_one("#by_when", Input).value
        return [lambda: clean_text(what, "what", LINE, required=True, label="longer goal"),
                lambda: clean_text(by_when, "by_when", SHORT, label="'by when'")]

    def build(self) -> LongerGoal:
        return new_longer_goal(self.query_one("#what", Input).value, local_now().date(),
                               self.query_one("#by_when", Input).value)
