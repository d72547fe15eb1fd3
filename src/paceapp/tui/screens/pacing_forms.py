"""Dialogs for the Pacing section: set a baseline, plan a day, restart lower, see the history."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from paceapp.core.errors import ValidationError
from paceapp.core.pacing import (
    Baseline,
    BaselineChange,
    PaceSettings,
    PlanItem,
    Working,
    check_name,
    check_step,
    name_key,
    parse_plan_items,
    restart_amount,
    set_baseline,
    show_amount,
    work_out,
)
from paceapp.core.plan_example import plan_example
from paceapp.core.text import parse_int
from paceapp.core.timeparse import local_now, show_date
from paceapp.core.value import Value
from paceapp.outputs.pacing import history_lines, items_text
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.screens.record_form import RecordForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of, problem_and_buttons

METHOD_HELP = {
    "three-day": ("Three tries, e.g. 20 25 30", "Do it on three days, note how long each time "
                  "before it got too much. The baseline is the average, less 20%."),
    "good-bad": ("A good day's amount, then a bad day's, e.g. 30 10",
                 "The baseline is halfway between a good day and a bad day."),
    "gentle": ("The most you can do comfortably, e.g. 40",
               "Gentle (as in ME/CFS pacing): the baseline is half of that."),
}


def _numbers(text: str) -> list[int]:
    parts = [p for p in re.split(r"[\s,]+", text.strip()) if p]
    if not parts:
        raise ValidationError("Please type the amounts, like 20 25 30.", "inputs")
    return [parse_int(p, "inputs", "amount") for p in parts]


@dataclass(frozen=True, eq=False, repr=False)
class BaselineResult(Value):
    """What the person chose (checked); the baseline is worked out again when it is saved,
    against the baselines as they are then."""

    name: str
    method: str
    inputs: tuple[int, ...]
    unit: str
    step_pct: int | None
    step_days: int | None
    #: The baseline as it would be from the baselines the form was shown with (a preview).
    baseline: Baseline
    working: Working
    is_new: bool


class BaselineForm(DraftForm[BaselineResult | None]):
    """Choose a method, type its amounts; the working is shown before you save."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    FIELD_WIDGETS = {"step_pct": "step-pct", "step_days": "step-days", "method": "inputs"}
    CSS_PATH = "pacing_forms.tcss"

    def __init__(self, baselines: list[Baseline], current: Baseline | None = None) -> None:
        super().__init__()
        self.baselines = baselines
        self.current = current

    def compose(self) -> ComposeResult:
        cur = self.current
        with VerticalScroll(classes="dialog", id="baseline-dialog"):
            yield Static("Set a baseline", classes="section-title")
            yield Label("Activity", classes="field-label")
            yield Input(value=cur.name if cur else "", id="name", max_length=120,
                        placeholder="e.g. walking")
            yield Label("Method", classes="field-label")
            yield Select([("3-day average - 20%", "three-day"), ("good/bad average", "good-bad"),
                          ("gentle (50% of comfortable most)", "gentle")],
                         value="three-day", allow_blank=False, id="method")
            yield Static(METHOD_HELP["three-day"][1], id="method-help", classes="hint",
                         markup=False)
            yield Label(METHOD_HELP["three-day"][0], id="inputs-label", classes="field-label",
                        markup=False)
            yield Input(id="inputs", placeholder="20 25 30")
            yield Label("Measured in", classes="field-label")
            yield Select([("minutes", "min"), ("a count (like stairs)", "count")],
                         value=cur.unit if cur else "min", allow_blank=False, id="unit")
            yield Label("Step-ups: % each time, and days between (blank: 10% every 7 days, or "
                        "as before)", classes="field-label")
            with Horizontal(id="step-row"):
                yield Input(id="step-pct", restrict=r"\d{0,2}", max_length=2, placeholder="10")
                yield Input(id="step-days", restrict=r"\d{0,2}", max_length=2, placeholder="7")
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#inputs" if self.current else "#name", Input).focus()

    def method(self) -> str:
        value = self.query_one("#method", Select).value
        return value if isinstance(value, str) else "three-day"

    @on(Select.Changed, "#method")
    def method_changed(self) -> None:
        label, help_text = METHOD_HELP[self.method()]
        self.query_one("#inputs-label", Label).update(label)
        self.query_one("#method-help", Static).update(help_text)

    def draft_key(self) -> str:
        return f"baseline:{self.current.id if self.current else 'new'}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        name = self.query_one("#name", Input).value
        unit = "count" if self.query_one("#unit", Select).value == "count" else "min"
        inputs = self.query_one("#inputs", Input).value
        pct_text = self.query_one("#step-pct", Input).value.strip()
        days_text = self.query_one("#step-days", Input).value.strip()

        def step_pct() -> None:
            check_step(parse_int(pct_text, "step_pct", "step") if pct_text else 10, 7)

        def step_days() -> None:
            check_step(10, parse_int(days_text, "step_days", "days between steps")
                       if days_text else 7)

        return [lambda: check_name(name),
                lambda: work_out(self.method(), _numbers(inputs), unit), step_pct, step_days]

    def build(self) -> BaselineResult:
        name = self.query_one("#name", Input).value
        unit = "count" if self.query_one("#unit", Select).value == "count" else "min"
        existing = next((b for b in self.baselines if b.key == name_key(name)), None)
        pct_text = self.query_one("#step-pct", Input).value.strip()
        days_text = self.query_one("#step-days", Input).value.strip()
        step_pct = parse_int(pct_text, "step_pct", "step") if pct_text else None
        step_days = parse_int(days_text, "step_days", "days between steps") if days_text else None
        inputs = _numbers(self.query_one("#inputs", Input).value)
        baseline, working = set_baseline(existing.name if existing else name, self.method(),
                                         inputs, local_now(), unit=unit, existing=existing,
                                         step_pct=step_pct, step_days=step_days)
        return BaselineResult(name, self.method(), tuple(inputs), unit, step_pct, step_days,
                              baseline, working, existing is None)


@dataclass(frozen=True, eq=False, repr=False)
class PlanResult(Value):
    #: The plan read against the baselines the form was shown with (a preview).
    items: tuple[PlanItem, ...]
    as_default: bool
    #: What was typed; read again against the baselines as they are when it is saved.
    texts: tuple[str, ...] = ()


class PlanForm(DraftForm[PlanResult | None]):
    """Type the day's activities in the order you want them: walking:30, housework:20 (the
    example shown is made from the person's own baselines, so it always works)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, baselines: list[Baseline], items: tuple[PlanItem, ...], day: date) -> None:
        super().__init__()
        self.baselines = baselines
        self.items = items
        self.day = day

    def compose(self) -> ComposeResult:
        names = ", ".join(f"{b.name} ({show_amount(b.amount, b.unit)})" for b in self.baselines)
        example = plan_example(self.baselines)
        like = f"like: {example}." if self.baselines else "like: Walking:30 (a baseline's name)."
        with VerticalScroll(classes="dialog", id="plan-dialog"):
            yield Static(f"Plan for {show_date(self.day)}", classes="section-title")
            yield Static("List activities in the order you want to do them, each with the day's "
                         f"total, {like} A name alone means one chunk. "
                         "paceapp splits each into chunks no longer than its baseline, with "
                         "rests between.", markup=False, classes="hint")
            yield Label(f"Your baselines: {names or 'none yet'}", classes="field-label",
                        markup=False)
            yield Input(value=items_text(self.items), id="items",
                        placeholder=example)
            yield Label("Use it for", classes="field-label")
            yield Select([("just this day", "day"),
                          ("my usual plan (days without their own)", "default")],
                         value="day", allow_blank=False, id="default")
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#items", Input).focus()

    def draft_key(self) -> str:
        return f"day-plan:{self.day.isoformat()}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def build(self) -> PlanResult:
        text = self.query_one("#items", Input).value
        if not text.strip():
            raise ValidationError("Type at least one activity, like Walking:30.", "items")
        items = parse_plan_items([text], self.baselines)
        return PlanResult(items, self.query_one("#default", Select).value == "default", (text,))


class RestartForm(DraftForm[int | None]):
    """After a flare-up: restart lower. Enter takes the offer; or type a percentage of now."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, baseline: Baseline) -> None:
        super().__init__()
        self.baseline = baseline

    def compose(self) -> ComposeResult:
        b = self.baseline
        amount, text = restart_amount(b)
        with VerticalScroll(classes="dialog", id="restart-dialog"):
            yield Static(f"Restart {b.name} lower", classes="section-title", markup=False)
            yield Static(f"Now {show_amount(b.amount, b.unit)} at a time. After a flare-up, "
                         f"building back up from a lower level is kinder. Offer: "
                         f"{show_amount(amount, b.unit)} ({text.removeprefix('restart: ')})",
                         markup=False, id="restart-offer")
            yield Label("Or a percentage of now (10-90), then Enter:", classes="field-label")
            yield Input(id="percent", restrict=r"\d{0,2}", max_length=2, placeholder="e.g. 60")
            yield Problem(id="problem")
            with Horizontal(classes="buttons"):
                yield Button("Restart (Enter)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#percent", Input).focus()

    def draft_key(self) -> str:
        return f"restart:{self.baseline.id}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def build(self) -> int:
        """The percentage typed, or -1 to take the offer."""
        text = self.query_one("#percent", Input).value.strip()
        percent = parse_int(text, "percent", "percentage") if text else None
        restart_amount(self.baseline, percent)  # check it before closing
        return -1 if percent is None else percent


class HistoryScreen(FocusOnceLaidOut, ModalScreen[None]):
    """Every change to one baseline, with the working."""

    BINDINGS = [Binding("escape,q,h", "close", "Close", id="close", key_display="Esc")]

    def __init__(self, baseline: Baseline, changes: Sequence[BaselineChange]) -> None:
        super().__init__()
        self.baseline = baseline
        self.changes = list(changes)

    def compose(self) -> ComposeResult:
        b = self.baseline
        with VerticalScroll(classes="dialog", id="history-dialog"):
            yield Static(f"{b.name}: now {show_amount(b.amount, b.unit)} at a time",
                         classes="section-title", markup=False)
            text = "\n".join(history_lines(b, self.changes, local_now().date()))
            yield Static(text, markup=False, id="history-text")
            yield ActionButtons(self, bindings_of(self, "close"), primary="close")

    def action_close(self) -> None:
        self.dismiss()


class PaceSettingsForm(RecordForm):
    """The pacing settings, field by field (the usual plan is changed with Plan, not here)."""

    def __init__(self, settings: PaceSettings) -> None:
        super().__init__(settings)
        self.fields = [f for f in self.fields if f != "default_plan"]
