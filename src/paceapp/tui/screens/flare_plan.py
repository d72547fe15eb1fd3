"""The flare-up plan: read it (shown the moment a flare-up starts) and write it (while well).

`FlarePlanView(plan)` shows the plan; `e` opens `FlarePlanEditor`, which dismisses with the new
plan (or None). The pocket version is printed from the shell: `paceapp flare-plan --pocket`.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from paceapp.core.flare import PLAN_SECTIONS, FlarePlan, new_plan
from paceapp.outputs.flare_plan import after_start_text, plan_text, pocket_plan
from paceapp.tui.breakpoints import give_width_class
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of, button_label

NO_PLAN_HERE = ("You have not written a flare-up plan yet. When you feel well, press e to "
                "write one in your own words: early warning signs, first steps, what to drop "
                "and who to tell, how to restart, and when to get help.")


class FlarePlanView(FocusOnceLaidOut, ModalScreen[FlarePlan | None]):
    """The person's plan, in their words. Dismisses with a changed plan if they edit it."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close"),
        Binding("e", "edit", "Change the plan", id="edit"),
        Binding("k", "pocket", "Pocket size", id="pocket"),
    ]
    CSS_PATH = "flare_plan.tcss"
    #: Below 70 columns the buttons sit closer, so all three fit.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]

    def __init__(self, plan: FlarePlan | None, *, just_started: bool = False) -> None:
        super().__init__()
        self.plan = plan
        self.just_started = just_started

    @on(events.Compose)
    def width_class_first(self) -> None:
        """Its width class before its widgets are made (tui/breakpoints.py)."""
        give_width_class(self)

    def compose(self) -> ComposeResult:
        title = "Saved. Now, your flare-up plan" if self.just_started else "My flare-up plan"
        empty = self.plan is None or self.plan.is_empty
        if empty:  # the app's own first step (the shared text names shell commands)
            text = ("Flare-ups pass. Be kind to yourself.\n\n" if self.just_started else "") + \
                NO_PLAN_HERE
        else:
            text = self.plan_words(72)
        self.full_text = text
        self.wrapped_at = 72
        with Vertical(classes="dialog", id="plan-dialog"):
            yield Static(title, classes="section-title", markup=False)
            with VerticalScroll(id="plan-scroll"):
                yield Static(text.rstrip(), id="plan-text", markup=False)
            yield Static("Print it pocket-size from the shell: paceapp flare-plan --pocket",
                         classes="hint", markup=False)
            yield ActionButtons(self, bindings_of(self, "close", "edit", "pocket"),
                                primary="close", compact=True,
                                descriptions={"edit": "Write my plan"} if empty else None)

    def plan_words(self, width: int) -> str:
        return (after_start_text(self.plan, width, title=False) if self.just_started
                else plan_text(self.plan, width, title=False))

    def on_mount(self) -> None:
        self.query_one("#plan-scroll").focus()

    def on_resize(self) -> None:
        """Wrap the plan to the room there is, at word boundaries (text wrapped at 72 columns
        and wrapped again by a narrower window broke lines mid-phrase)."""
        if self.plan is None or self.plan.is_empty:
            return
        width = max(20, min(72, self.query_one("#plan-scroll").size.width - 2))
        if width != self.wrapped_at:
            self.wrapped_at = width
            self.full_text = self.plan_words(width)
            if not getattr(self, "pocket", False):
                self.query_one("#plan-text", Static).update(self.full_text.rstrip())

    def action_close(self) -> None:
        self.dismiss(None)

    def action_pocket(self) -> None:
        """Switch between the full plan and the 40-column pocket plan (as it prints)."""
        self.pocket = not getattr(self, "pocket", False)
        text = pocket_plan(self.plan) if self.pocket else self.full_text
        self.query_one("#plan-text", Static).update(text.rstrip())
        pocket = bindings_of(self, "pocket")[0]
        self.query_one("#pocket", Button).label = button_label(
            pocket, "Full plan" if self.pocket else None)

    def action_edit(self) -> None:
        def edited(plan: FlarePlan | None) -> None:
            if plan is not None:
                self.dismiss(plan)

        self.app.push_screen(FlarePlanEditor(self.plan), edited)


class FlarePlanEditor(DraftForm[FlarePlan | None]):
    """Write the plan: one box per section, in your own words. Ctrl+S saves, Esc cancels
    (asking first when something was typed; unsaved words come back as a draft)."""

    FIELD_WIDGETS = {name: f"plan-{name}" for name, _heading, _what in PLAN_SECTIONS}

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
    ]
    CSS_PATH = "flare_plan.tcss"

    def __init__(self, plan: FlarePlan | None = None) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="editor-dialog"):
            yield Static("My flare-up plan - write it while you feel well", classes="section-title",
                         markup=False)
            yield Static("Tab moves to the next part. Ctrl+S saves, Esc cancels.", classes="hint",
                         markup=False)
            with VerticalScroll(id="editor-scroll"):
                for name, heading, what in PLAN_SECTIONS:
                    yield Label(heading, classes="field-label", markup=False)
                    yield Static(what, classes="what", markup=False)
                    text = getattr(self.plan, name) if self.plan else ""
                    yield TextArea(text, id=f"plan-{name}", soft_wrap=True, show_line_numbers=False)
            yield Problem(id="problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save",
                                compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def build(self) -> FlarePlan:
        texts = {name: self.query_one(f"#plan-{name}", TextArea).text
                 for name, _heading, _what in PLAN_SECTIONS}
        return new_plan(**texts)

    def draft_key(self) -> str:
        return "flare-plan"

    def action_save(self) -> None:
        self.attempt_save()
