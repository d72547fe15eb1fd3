"""GP visit: get ready for the appointment - concerns in order, questions, medicines - and
preview and write the one-page sheet.

One list holds concerns, questions and medicines; Shift+Up / Shift+Down (or the buttons) move the
chosen concern or question. Every change is saved at once (Ctrl+Z undoes it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from paceapp.app import gp as gp_app
from paceapp.app.folder import Journal
from paceapp.app.gp import GpState
from paceapp.core.gp import (
    CLINICIAN_MAX,
    CONCERN_MAX,
    DETAIL_MAX,
    MATTERS_MAX,
    MED_FIELD_MAX,
    MED_NAME_MAX,
    MED_NOTE_MAX,
    OUTCOME_MAX,
    QUESTION_MAX,
    SHARED_DECISION_QUESTIONS,
    TOP,
    TRIED_MAX,
    Appointment,
    GpItem,
    ItemState,
    Medicine,
    add_item,
    change_medicine,
    check_words,
    edit_item,
    new_medicine,
    offer_shared_questions,
    open_items,
    parse_visit,
    when_text,
)
from paceapp.core.text import parse_int
from paceapp.core.timeparse import local_now, show_date
from paceapp.core.value import Value
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.screens.gp_forms import Field, GpForm
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of

STATE_MARK = {ItemState.OPEN: "to raise", ItemState.DEALT: "✓ dealt with",
              ItemState.CARRY: "→ carry over"}
Write = Callable[[Journal], Any]


@dataclass(frozen=True, eq=False, repr=False)
class Row(Value):
    key: str
    which: str  # concern, question, medicine, head
    number: int
    cells: tuple[str, str, str, str]


def build_rows(state: GpState) -> list[Row]:
    """The table: concerns (top three starred), questions, then medicines, each under a heading."""
    appt = state.current or Appointment()
    rows: list[Row] = [Row("head:concern", "head", 0,
                           ("", f"CONCERNS (★ = top {TOP})", "most important first", ""))]
    open_rank = 0
    for number, item in enumerate(appt.concerns, 1):
        star = ""
        if item.state is not ItemState.DEALT:
            open_rank += 1
            star = " ★" if open_rank <= TOP else ""
        rows.append(Row(f"concern:{number}", "concern", number,
                        (f"{number}{star}", item.text, _detail(item), STATE_MARK[item.state])))
    if not appt.concerns:
        rows.append(Row("empty:concern", "head", 0, ("", "(none yet - press a to add one)", "", "")))
    rows.append(Row("head:question", "head", 0, ("", "QUESTIONS", "", "")))
    for number, item in enumerate(appt.questions, 1):
        rows.append(Row(f"question:{number}", "question", number,
                        (str(number), item.text, _detail(item), STATE_MARK[item.state])))
    if not appt.questions:
        rows.append(Row("empty:question", "head", 0, ("", "(none yet - press q to add one)", "",
                                                       "")))
    rows.append(Row("head:medicine", "head", 0, ("", "MEDICINES", "", "")))
    for number, med in enumerate(state.medicines, 1):
        dose = ", ".join(p for p in (med.dose, med.how_often) if p)
        notes = "; ".join(p for p in (med.what_for,
                                      f"worries: {med.worries}" if med.worries else "") if p)
        rows.append(Row(f"medicine:{med.id}", "medicine", number,
                        (str(number), med.name + (f" {dose}" if dose else ""), notes, "")))
    if not state.medicines:
        rows.append(Row("empty:medicine", "head", 0, ("", "(none yet - press m to add one)", "",
                                                       "")))
    return rows


def wrap_at_separators(parts: list[str], room: int, separator: str = " · ") -> str:
    """`parts` joined by `separator`, a new line started before a part that would pass `room`
    cells (a line ends with the separator's dot, so it reads as going on)."""
    lines: list[str] = []
    line = ""
    for part in parts:
        longer = f"{line}{separator}{part}" if line else part
        if line and cell_len(longer) > room:
            lines.append(line + separator.rstrip())
            line = part
        else:
            line = longer
    lines.append(line)
    return "\n".join(lines)


def _detail(item: GpItem) -> str:
    parts = [item.detail] if item.detail else []
    if item.carried_from:
        parts.append(f"(from {show_date(item.carried_from)})")
    return " ".join(parts)


class GPScreen(SectionScreen):
    MODE = "gp"
    AUTO_FOCUS = "#gp-items"
    # The descriptions are the buttons' words too: short, so each row of keys fits 80 columns.
    BINDINGS = [
        Binding("a", "add('concern')", "Concern", id="gp-add-concern"),
        Binding("q", "add('question')", "Question", id="gp-add-question"),
        Binding("m", "add_medicine", "Medicine", id="gp-add-medicine"),
        Binding("e", "change", "Change", id="gp-change"),
        Binding("x,delete", "remove", "Remove", id="gp-remove", key_display="x"),
        Binding("shift+up", "move(-1)", "Up", id="gp-up", key_display="⇧↑"),
        Binding("shift+down", "move(1)", "Down", id="gp-down", key_display="⇧↓"),
        Binding("d", "mark('dealt')", "Dealt", id="gp-dealt"),
        Binding("n", "mark('carry')", "Next time", id="gp-carry"),
        Binding("w", "when", "Date", id="gp-when"),
        Binding("h", "matters", "Matters", id="gp-matters"),
        Binding("s", "shared", "Ask 3", id="gp-shared"),
        Binding("o", "outcome", "Outcome", id="gp-outcome"),
        Binding("v", "preview", "Sheet", id="gp-preview"),
        Binding("k", "calendar", "Add to calendar", id="gp-calendar"),
        Binding("u", "evidence", "Evidence summary", id="gp-evidence"),
    ]
    CSS_PATH = "gp.tcss"
    #: Below 96 columns the key rows take two rows each (on one row the last keys were cut
    #: off); below 80 the title's keys go under it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (96, "-wide")]

    state: GpState | None = None
    title_parts: list[str] = ["GP visit"]
    rows: list[Row] = []
    want_key: str | None = None

    def compose_body(self) -> ComposeResult:
        # The calendar button sits beside the date it is about (the button rows are full at 80
        # columns).
        with Horizontal(classes="gp-buttons", id="gp-title-row"):
            yield Static("GP visit", id="gp-title", classes="section-title", markup=False)
            yield ActionButtons(self, bindings_of(self, "gp-calendar", "gp-evidence"),
                                compact=True, classes="gp-buttons", id="gp-title-keys")
        yield ListTable(id="gp-items")
        yield Static("", id="gp-chosen", markup=False)
        yield Static("", id="gp-about", markup=False)
        yield ActionButtons(self, bindings_of(
            self, "gp-add-concern", "gp-add-question", "gp-add-medicine", "gp-change",
            "gp-remove", "gp-up", "gp-down"), compact=True, classes="gp-buttons",
            id="gp-buttons-1")
        yield ActionButtons(self, bindings_of(
            self, "gp-preview", "gp-when", "gp-dealt", "gp-carry", "gp-matters", "gp-shared",
            "gp-outcome"), compact=True, classes="gp-buttons", id="gp-buttons-2")

    def on_mount(self) -> None:
        # The heading wraps rather than being cut where it is longer than the row (set here:
        # the app's style sheet gives every section title one line).
        self.query_one("#gp-title", Static).styles.height = "auto"
        table = self.query_one("#gp-items", DataTable)
        for label, width in (("#", 4), ("What", 30), ("Details", 24), ("Status", 12)):
            table.add_column(label, width=width)
        self.reload()

    # -- loading and showing ----------------------------------------------------------------
    def show_title(self) -> None:
        """The heading, broken only between its parts when it is longer than its row (never
        inside "4 concerns ready")."""
        title = self.query_one("#gp-title", Static)
        room = title.size.width or max(self.app.size.width - 26, 20)
        title.update(wrap_at_separators(self.title_parts, room))

    def on_resize(self) -> None:
        self.show_title()

    def reload(self) -> None:
        journal = self.journal
        self.load_then(lambda: gp_app.load_state(journal), self.show_state)

    def show_state(self, state: GpState) -> None:
        self.state = state
        today = local_now().date()
        appt = state.current
        if appt is None:
            self.title_parts = ["GP visit", "no appointment set yet (press w to set the date)"]
        else:
            ready = len(open_items(appt.concerns))
            who = f" with {appt.clinician}" if appt.clinician else ""
            self.title_parts = ["GP visit", f"{when_text(appt, today)}{who}",
                                f"{ready} concern{'s' if ready != 1 else ''} ready"]
        self.show_title()
        table = self.query_one("#gp-items", DataTable)
        chosen = self.want_key or self.selected_key()
        self.want_key = None
        table.clear()
        self.rows = build_rows(state)
        for row in self.rows:
            table.add_row(*[plain(c) for c in row.cells], key=row.key)
        keys = [r.key for r in self.rows]
        if chosen in keys:
            table.move_cursor(row=keys.index(chosen))
        elif len(keys) > 1:
            table.move_cursor(row=1)
        self.query_one("#gp-about", Static).update(self.about(state))
        self.show_chosen()

    @on(DataTable.RowHighlighted, "#gp-items")
    def show_chosen(self) -> None:
        """The chosen item in full (the table cuts long words short)."""
        row = self.selected()
        text = ""
        if row is not None and row.which != "head":
            text = f"{row.which.capitalize()} {row.number}: {row.cells[1]}"
            if row.cells[2]:
                text += f" - {row.cells[2]}"
        self.query_one("#gp-chosen", Static).update(text)

    def about(self, state: GpState) -> str:
        appt = state.current or Appointment()
        lines = [f"What matters to me: {appt.what_matters}" if appt.what_matters
                 else "What matters to me: (press h to write it - it helps your GP help you)"]
        have = {q.text.casefold() for q in appt.questions}
        if not all(q.casefold() in have for q in SHARED_DECISION_QUESTIONS):
            lines.append("Press s to add three questions that help you decide together with "
                         "your GP (only if you want them).")
        if state.previous is not None and state.previous.outcome:
            lines.append(f"Last time we agreed: {state.previous.outcome}")
        return "\n".join(lines)

    def selected_key(self) -> str | None:
        table = self.query_one("#gp-items", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected(self) -> Row | None:
        key = self.selected_key()
        return next((r for r in self.rows if r.key == key), None)

    def current(self) -> Appointment:
        return (self.state.current if self.state else None) or Appointment()

    # -- saving -----------------------------------------------------------------------------
    def change(self, write: Write, message: str, select: str | None = None) -> None:
        """Save a change to the list (the use-case reads the list as stored now); then show
        `message` and choose the row `select`."""
        def saved(_result: Any) -> None:
            # Set just before the reload that follows the save (not earlier: a reload of the
            # old list, e.g. when a form closes, would use it up).
            self.want_key = select

        self.pace.save(write, message, saved)

    # -- actions ----------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#gp-items")
    def row_chosen(self) -> None:
        self.action_change()

    def action_add(self, which: str) -> None:
        limit = CONCERN_MAX if which == "concern" else QUESTION_MAX
        fields = [Field("text", f"The {which} in a few words", max_length=limit)]
        if which == "concern":
            fields.append(Field("detail", "One line of detail (optional)", max_length=DETAIL_MAX))
        fields.append(Field("priority", "Place on the list (1 = the top; empty = the end)",
                            placeholder="end"))
        count = len(getattr(self.current(), f"{which}s"))

        def build(values: dict[str, str]) -> tuple[Write, int]:
            priority_text = values["priority"].strip()
            priority = parse_int(priority_text, "priority", "place") if priority_text else None
            text, detail = values["text"], values.get("detail", "")
            add_item(self.current(), which, text, detail, priority)  # said in the form
            return (lambda j: gp_app.add_item(j, which, text, detail, priority)), \
                priority or count + 1

        def saved(result: tuple[Write, int] | None) -> None:
            if result is not None:
                write, number = result
                self.change(write, f"Saved the {which} at number {number}.", f"{which}:{number}")

        hint = ("Put the most important first: a GP appointment is about ten minutes."
                if which == "concern" else "")
        self.app.push_screen(GpForm(f"Add a {which}", fields, build, hint), saved)

    def action_add_medicine(self) -> None:
        def saved(med: Medicine | None) -> None:
            if med is not None:
                self.pace.save(lambda j: gp_app.add_medicine(j, med.name, med.dose, med.how_often,
                                                             med.what_for, med.worries),
                               f"Saved: {med.name} on your medicines list.")

        self.app.push_screen(GpForm("Add a medicine (in your own words)", medicine_fields(None),
                                    lambda v: new_medicine(**v)), saved)

    def action_change(self) -> None:
        row = self.selected()
        if row is None or row.which == "head":
            self.notify("Choose a concern, question or medicine first (arrow keys or click).",
                        markup=False)
            return
        if row.which == "medicine":
            med = self.medicine(row)
            if med is None:
                return

            def build_med(values: dict[str, str]) -> dict[str, str]:
                change_medicine(med, **values)  # said in the form
                return values

            def saved_med(values: dict[str, str] | None) -> None:
                if values is not None:
                    self.pace.save(lambda j: gp_app.change_medicine(j, med.id, base=med, **values),
                                   lambda changed: f"Changed: {changed.name}.")

            self.app.push_screen(GpForm(f"Change {med.name}", medicine_fields(med), build_med),
                                 saved_med)
            return
        item = getattr(self.current(), f"{row.which}s")[row.number - 1]
        limit = CONCERN_MAX if row.which == "concern" else QUESTION_MAX
        fields = [Field("text", f"The {row.which}", item.text, limit)]
        if row.which == "concern":
            fields.append(Field("detail", "One line of detail (optional)", item.detail,
                                DETAIL_MAX))

        def build(values: dict[str, str]) -> Write:
            text, detail = values["text"], values.get("detail")
            edit_item(self.current(), row.which, row.number, text, detail)  # said in the form
            return lambda j: gp_app.edit_item(j, row.which, row.number, text, detail)

        def saved(write: Write | None) -> None:
            if write is not None:
                self.change(write, f"Changed {row.which} {row.number}.", row.key)

        self.app.push_screen(GpForm(f"Change {row.which} {row.number}", fields, build), saved)

    def medicine(self, row: Row) -> Medicine | None:
        if self.state is None:
            return None
        return next((m for m in self.state.medicines if f"medicine:{m.id}" == row.key), None)

    def action_remove(self) -> None:
        row = self.selected()
        if row is None or row.which == "head":
            self.notify("Choose a concern, question or medicine first.", markup=False)
            return
        from paceapp.tui.screens.confirm import ConfirmScreen

        if row.which == "medicine":
            med = self.medicine(row)
            if med is None:
                return

            def answered_med(yes: bool | None) -> None:
                if yes:
                    self.pace.save(lambda j: gp_app.remove_medicine(j, med.id),
                                   f"Removed {med.name}. Ctrl+Z brings it back.")

            self.app.push_screen(ConfirmScreen(f"Take {med.name} off your medicines list?"),
                                 answered_med)
            return
        text = row.cells[1]

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(lambda j: gp_app.remove_item(j, row.which, row.number),
                            f"Removed the {row.which}. Ctrl+Z brings it back.")

        self.app.push_screen(ConfirmScreen(f"Take this {row.which} off the list?\n{text}"),
                             answered)

    def action_move(self, steps: int) -> None:
        row = self.selected()
        if row is None or row.which not in ("concern", "question"):
            self.notify("Choose a concern or question to move (arrow keys, then Shift+Up or "
                        "Shift+Down).", markup=False)
            return
        count = len(getattr(self.current(), f"{row.which}s"))
        target = min(max(row.number + steps, 1), count)
        if target == row.number:
            self.notify(f"It is already at the {'top' if steps < 0 else 'bottom'}.", markup=False)
            return
        self.change(lambda j: gp_app.move_item(j, row.which, row.number, steps),
                    f"Moved {row.which} {row.number} {'up' if steps < 0 else 'down'} to {target}.",
                    f"{row.which}:{target}")

    def action_mark(self, what: str) -> None:
        row = self.selected()
        if row is None or row.which not in ("concern", "question"):
            self.notify("Choose a concern or question first.", markup=False)
            return
        item = getattr(self.current(), f"{row.which}s")[row.number - 1]
        state = ItemState.DEALT if what == "dealt" else ItemState.CARRY
        if item.state is state:
            state = ItemState.OPEN
        self.change(lambda j: gp_app.mark_item(j, row.which, row.number, state),
                    f"Marked {row.which} {row.number}: {STATE_MARK[state]}.", row.key)

    def action_when(self) -> None:
        appt = self.current()
        when = ""
        if appt.visit_date is not None:
            when = appt.visit_date.isoformat() + (f" {appt.visit_time:%H:%M}" if appt.visit_time
                                                  else "")
        fields = [Field("date", "Date and time (e.g. 2026-12-01 10:20, or tomorrow 9:10)", when),
                  Field("clinician", "Who with (optional)", appt.clinician, CLINICIAN_MAX)]

        def build(values: dict[str, str]) -> Write:
            visit, clock = parse_visit(values["date"], local_now())
            who = check_words(values["clinician"], "clinician", "'who with'", CLINICIAN_MAX)
            return lambda j: gp_app.set_when(j, visit, clock, who)

        def saved(write: Write | None) -> None:
            if write is not None:
                self.change(write, "Saved the appointment date.")

        self.app.push_screen(GpForm("When is the appointment?", fields, build), saved)

    def action_matters(self) -> None:
        opened = self.current()
        fields = [Field("what_matters", "What matters to me / what I hope for",
                        opened.what_matters, MATTERS_MAX),
                  Field("tried", "What else I do or have tried (optional: heat, TENS, ...)",
                        opened.tried, TRIED_MAX)]

        def build(values: dict[str, str]) -> Write:
            words = check_words(values["what_matters"], "what_matters", "'what matters to me'",
                                MATTERS_MAX)
            tried = check_words(values["tried"], "tried", "'what else I do or have tried'",
                                TRIED_MAX)
            # Only what was changed here: a part changed meanwhile elsewhere is kept.
            return lambda j: gp_app.set_matters(
                j, what_matters=words if words != opened.what_matters else None,
                tried=tried if tried != opened.tried else None)

        def saved(write: Write | None) -> None:
            if write is not None:
                self.change(write, "Saved what matters to you.")

        self.app.push_screen(GpForm("What matters to you?", fields, build,
                                    "For example: 'sleeping through', 'getting back to work'."),
                             saved)

    def action_shared(self) -> None:
        _appt, added = offer_shared_questions(self.current())
        if not added:
            self.notify("The three shared-decision questions are already on your list.",
                        markup=False)
            return
        self.change(gp_app.add_shared_questions,
                    f"Added {added} question{'s' if added != 1 else ''}: "
                    + " / ".join(SHARED_DECISION_QUESTIONS))

    def action_outcome(self) -> None:
        today = local_now().date()
        fields = [Field("outcome", "What we agreed (after the appointment)", "", OUTCOME_MAX)]
        hint = ("Saving this closes the list: anything not marked dealt with (d) carries over "
                "to your next appointment.")

        def build(values: dict[str, str]) -> str:
            return check_words(values["outcome"], "outcome", "outcome", OUTCOME_MAX, required=True)

        def saved(text: str | None) -> None:
            if text is not None:
                self.pace.save(lambda j: gp_app.note_outcome(j, text, today),
                               "Saved what you agreed. Well done for going.")

        self.app.push_screen(GpForm("After the visit", fields, build, hint), saved)

    def action_preview(self) -> None:
        from paceapp.tui.screens.gp_preview import SheetPreview

        journal: Journal = self.journal
        today = local_now().date()

        def show(inputs: Any) -> None:
            self.app.push_screen(SheetPreview(inputs, journal, today))

        self.load_then(lambda: gp_app.load_sheet(journal, today), show, group="gp-preview")

    def action_evidence(self) -> None:
        """The assessment summary from the day records, with a preview (issue 20 item 2)."""
        from paceapp.tui.screens.evidence import EvidenceScreen

        self.app.push_screen(EvidenceScreen(self.journal, local_now().date()))

    def action_calendar(self) -> None:
        """Save the appointment as a calendar file in the documents folder, and say where."""
        from paceapp.tui.calendar_save import gp_calendar_event, save_event, saved_message

        journal: Journal = self.journal
        now = local_now()

        def show(where: Any) -> None:
            self.notify(saved_message("your GP appointment", where), markup=False, timeout=12)

        self.load_then(lambda: save_event(gp_calendar_event(journal, now.date()), now), show,
                       group="gp-calendar")


def medicine_fields(med: Medicine | None) -> list[Field]:
    def value(name: str) -> str:
        return getattr(med, name) if med is not None else ""

    return [Field("name", "Name", value("name"), MED_NAME_MAX),
            Field("dose", "Dose (e.g. 500 mg)", value("dose"), MED_FIELD_MAX),
            Field("how_often", "How often (e.g. twice a day)", value("how_often"), MED_FIELD_MAX),
            Field("what_for", "What it is for / what it does for me", value("what_for"),
                  MED_NOTE_MAX),
            Field("worries", "Worries or side effects", value("worries"), MED_NOTE_MAX)]
