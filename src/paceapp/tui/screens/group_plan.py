"""The group's mutual support plan: read it, change it, share it (file + chat message)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from paceapp.app.folder import Journal
from paceapp.app.group import save_plan
from paceapp.app.share import share_plan
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import GroupPlan, clean_name, coordinator_words, parse_rota, parse_rules, plan_edits
from paceapp.core.text import LINE, SHORT, parse_int
from paceapp.core.timeparse import box_date, date_hint, local_now, parse_date
from paceapp.outputs.files import free_path
from paceapp.outputs.share import plan_text
from paceapp.paths import documents_dir
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.screens.group_share import (
    SAVED_NOTE_SECONDS,
    check_folder,
    dismiss_or_ask,
    typed_path,
    write_pair,
)
from paceapp.tui.widgets import ActionButtons, Problem, bindings_of


def describe(plan: GroupPlan | None) -> str:
    today = local_now().date()
    if plan is None:
        return ("No group plan yet. Press e to write one: when and where you meet, how you keep "
                "in touch, and a coordinator rota so no one carries it alone.\n\n"
                + plan_text(GroupPlan(), today))
    return plan_text(plan, today, plan.shared_by, plan.shared_on) + "\n" + coordinator_words(plan, today)


class GroupPlanScreen(FocusOnceLaidOut, ModalScreen[None]):
    """The plan as text, with Change and Share."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close", key_display="Esc"),
                Binding("e", "change", "Change", id="change"),
                Binding("s", "share", "Share", id="share")]

    def __init__(self, plan: GroupPlan | None, own_name: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.own_name = own_name

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="plan-dialog"):
            yield Static("Mutual support plan (p)", classes="section-title")
            yield Static(describe(self.plan), markup=False, id="plan-text")
            yield ActionButtons(self, bindings_of(self, "change", "share", "close"),
                                primary="change")

    def action_change(self) -> None:
        opened = self.plan  # the copy the form starts from

        def saved(plan: GroupPlan | None) -> None:
            if plan is None:
                return
            self.plan = plan
            self.query_one("#plan-text", Static).update(describe(plan))

            def change(journal: Journal) -> GroupPlan:
                # Only what was changed in the form, on the plan as stored now (an import or
                # `paceapp group plan set` meanwhile is kept).
                return save_plan(journal, plan, base=opened)

            self.app.save(change, "Saved the group plan. Ctrl+Z puts the old one back.")  # type: ignore[attr-defined]

        self.app.push_screen(GroupPlanForm(self.plan), saved)

    def action_share(self) -> None:
        if self.plan is None:
            self.notify("Write the plan first (e), then share it.", markup=False)
            return
        plan = self.plan
        name = self.own_name

        def chosen(choice: tuple[str, Path, bool] | None) -> None:
            if choice is None:
                return

            self.own_name = choice[0]

            def change(j: Journal) -> tuple[Path, str]:
                return write_plan(j, plan, *choice)

            def after(result: tuple[Path, str]) -> None:
                self.app.copy_to_clipboard(result[1])
                self.app.notify(f"Saved the group plan to {result[0]}\nand the chat message "
                                f"beside it ({result[0].with_suffix('.txt').name}).\nThe message "
                                "is copied too, if your terminal allows.", markup=False,
                                timeout=SAVED_NOTE_SECONDS)

            self.app.save(change, "", after)  # type: ignore[attr-defined]

        self.app.push_screen(SharePlanScreen(plan, name), chosen)

    def action_close(self) -> None:
        self.dismiss()


def default_plan_path() -> Path:
    """A plan file name not taken yet in the documents folder (its .txt message beside it too)."""
    return free_path(documents_dir(), f"paceapp-group-plan-{local_now().date().isoformat()}",
                     ".json", also=(".txt",))


def write_plan(journal: Journal, plan: GroupPlan, name: str, path: Path,
               replace: bool = False) -> tuple[Path, str]:
    """Write the plan file and the message beside it, then keep the name and member id.

    Files already there are replaced only with `replace` (the person said yes).
    """
    now = datetime.now().astimezone().replace(microsecond=0)

    def write(document: str, message: str) -> tuple[Path, str]:
        where, _text = write_pair(path, document, message, replace)
        return where, message

    return share_plan(journal, plan, name=name, now=now, write=write)


class SharePlanScreen(FocusOnceLaidOut, ModalScreen[tuple[str, Path, bool] | None]):
    """Dismisses with (name, path, replace: the person said yes to replacing) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "share", "Share", id="share", priority=True)]

    def __init__(self, plan: GroupPlan, name: str) -> None:
        super().__init__()
        self.plan, self.sharer = plan, name
        self.suggested = str(default_plan_path())

    def compose(self) -> ComposeResult:
        today = local_now().date()
        with VerticalScroll(classes="dialog", id="share-plan-dialog"):
            yield Static("Share the group plan", classes="section-title")
            yield Label("Your name as the group sees it:", markup=False)
            yield Input(value=self.sharer, id="plan-name", max_length=40, compact=True)
            yield Label("Save the plan file to (the message goes beside it, as .txt):",
                        classes="field-label", markup=False)
            yield Input(value=self.suggested, id="plan-path", compact=True)
            yield Label("This is exactly what will be shared:", classes="field-label",
                        markup=False)
            yield Static(plan_text(self.plan, today), markup=False, id="plan-preview")
            yield Problem(id="plan-problem")
            yield ActionButtons(self, bindings_of(self, "share", "cancel"), primary="share",
                                button_ids={"share": "do-share"})

    @on(Input.Submitted)
    def action_share(self) -> None:
        try:
            name = clean_name(self.query_one("#plan-name", Input).value)
            path_text = self.query_one("#plan-path", Input).value.strip()
            if not path_text:
                raise ValidationError("Say where to save the plan file.", "path")
            path = default_plan_path() if path_text == self.suggested else typed_path(path_text)
            check_folder(path)
        except ValidationError as error:
            self.query_one(Problem).say(str(error))
            return
        dismiss_or_ask(self, path, "plan", lambda replace: (name, path, replace))

    def action_cancel(self) -> None:
        self.dismiss(None)


FIELDS = (
    ("rhythm", "When we meet, in words (e.g. Every other Tuesday morning)", SHORT),
    ("first", f"The date of one meeting ({date_hint(False, ahead=True)}; the rhythm counts on "
              "from it)", 30),
    ("every", "Weeks between meetings (1 weekly, 2 fortnightly, 0 no fixed rhythm)", 1),
    ("time", "Time (like 10:30 or 10:30am)", 10),
    ("place", "Where", SHORT),
    ("access", "Access notes (step-free, parking, quiet room, bus)", LINE),
    ("keep_in_touch", "How we keep in touch between meetings", LINE),
    ("crisis_note", "Our group's own note for a crisis (shown after paceapp's crisis contacts, "
                    "as the group's words)", LINE),
)


class GroupPlanForm(FocusOnceLaidOut, ModalScreen[GroupPlan | None]):
    """Change the plan; dismisses with the changed plan (not yet saved) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel"),
                Binding("ctrl+s", "save", "Save", id="save", priority=True)]
    CSS_PATH = "group_plan.tcss"

    def __init__(self, plan: GroupPlan | None) -> None:
        super().__init__()
        self.plan = plan or GroupPlan()

    def value(self, name: str) -> str:
        plan = self.plan
        if name == "first":
            # 'Tue 8 Dec' (the year when it is far): reads back as the same day
            return box_date(plan.first_meeting, local_now().date()) if plan.first_meeting else ""
        if name == "every":
            return str(plan.every_weeks)
        if name == "time":
            return plan.meet_time.strftime("%H:%M") if plan.meet_time else ""
        return str(getattr(plan, name))

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="plan-form"):
            yield Static("Change the group plan", classes="section-title")
            for name, label, limit in FIELDS:
                yield Label(label, classes="field-label", markup=False)
                yield Input(value=self.value(name), id=f"plan-{name}", max_length=max(limit, 10),
                            compact=True)
            yield Label("Coordinator rota, one turn a line, like: Sam from 7 Jan",
                        classes="field-label", markup=False)
            today = local_now().date()
            rota = "\n".join(f"{t.name} from {box_date(t.start, today)}" for t in self.plan.rota)
            yield TextArea(rota, id="plan-rota")
            yield Label("Ground rules, one a line", classes="field-label", markup=False)
            yield TextArea("\n".join(self.plan.ground_rules), id="plan-rules")
            yield Problem(id="plan-form-problem")
            yield ActionButtons(self, bindings_of(self, "save", "cancel"), primary="save")

    def on_mount(self) -> None:
        self.query_one("#plan-rhythm", Input).focus()

    def build(self) -> GroupPlan:
        today = local_now().date()

        def text(name: str) -> str:
            return self.query_one(f"#plan-{name}", Input).value

        every_text = text("every").strip()
        changes = plan_edits(self.plan, today, rhythm=text("rhythm"),
                             every=parse_int(every_text, "every", "weeks between meetings")
                             if every_text else 0,
                             time_text=text("time"), place=text("place"), access=text("access"),
                             keep_in_touch=text("keep_in_touch"),
                             crisis_note=text("crisis_note"))
        first = text("first").strip()
        changes["first_meeting"] = parse_date(first, today, "first", ahead=True) if first else None
        changes["rota"] = parse_rota(self.query_one("#plan-rota", TextArea).text.splitlines(),
                                     today)
        changes["ground_rules"] = parse_rules(
            self.query_one("#plan-rules", TextArea).text.splitlines())
        plan = dataclasses.replace(self.plan, **changes, shared_by="",  # type: ignore[arg-type]
                                   content_at=datetime.now().astimezone().replace(microsecond=0))
        plan.validate()
        return plan

    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            self.dismiss(self.build())
        except ValidationError as error:
            problem = self.query_one(Problem)
            problem.say(str(error))
            problem.scroll_visible()  # the form is taller than a small window

    def action_cancel(self) -> None:
        self.dismiss(None)
