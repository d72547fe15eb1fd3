"""Log (or change) a pain score: type a number and press Enter - or click one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from paceapp.core.errors import ValidationError
from paceapp.core.pain import PainEntry, PegEntry, check_not_future, new_pain, new_peg
from paceapp.core.text import NOTE, SHORT, check_score, clean_text, parse_int
from paceapp.core.timeparse import box_when, date_hint, local_now, parse_when, show_date, show_time
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import problem_and_buttons


def score_check(text: str, field: str, label: str, empty: str) -> Callable[[], object]:
    """A check of one 0-10 box: given, a number, in range."""
    def check() -> int:
        if not text.strip():
            raise ValidationError(empty, field)
        return check_score(parse_int(text, field, label), field, label)
    return check


def when_typed(text: str, now: datetime, field: str = "at") -> datetime:
    """When something that already happened did: empty is now; else read as people write it
    ('yesterday 9pm', '30/11 14:05', '9pm'), and refused when it is still to come."""
    text = text.strip()
    if not text:
        return now
    at = parse_when(text, now, field)
    check_not_future(at, now, field)
    return at


class PainForm(DraftForm[PainEntry | None]):
    """A quick pain check-in. `p`, a number, Enter: saved. Optional where, note and time."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    FIELD_WIDGETS = {"at": "when"}
    CSS_PATH = "pain_form.tcss"

    def __init__(self, entry: PainEntry | None = None) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        title = "Change a pain score" if entry else "How is your pain right now?"
        with VerticalScroll(classes="dialog", id="pain-dialog"):
            yield Static(title, classes="section-title")
            yield Label("0 is no pain, 10 is the worst you can imagine. Type it, or click:",
                        markup=False)
            with Horizontal(classes="scores"):
                for n in range(11):
                    yield Button(str(n), id=f"score-{n}", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Pain score (0-10)")
                yield Input(value=str(entry.score) if entry else "", id="score",
                            restrict=r"\d{0,2}", max_length=2, placeholder="0-10")
            with Horizontal(classes="form-row"):
                yield Label("Where (optional)")
                yield Input(value=entry.where if entry else "", id="where", max_length=SHORT,
                            placeholder="e.g. lower back")
            with Horizontal(classes="form-row"):
                yield Label("Note (optional)")
                yield Input(value=entry.note if entry else "", id="note", max_length=NOTE)
            with Horizontal(classes="form-row"):
                yield Label("When (optional)")
                # 'Mon 23 Nov 14:05': reads back as the same moment
                when = box_when(entry.at, local_now().date()) if entry else ""
                yield Input(value=when, id="when", placeholder=date_hint())
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        # Bad-day mode makes buttons 3 rows tall and 12 wide; eleven of them do not fit a
        # one-row line, so the numbers vanished. They keep their size (the box is the main way).
        for button in self.query(".scores Button"):
            button.styles.height = 1
            button.styles.min_width = 4
        self.query_one("#score", Input).focus()

    @on(Button.Pressed, ".scores Button")
    def pick(self, event: Button.Pressed) -> None:
        score_input = self.query_one("#score", Input)
        score_input.value = str(event.button.label)
        score_input.focus()

    def draft_key(self) -> str:
        return f"pain:{self.entry.id if self.entry else 'new'}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        value = {name: self.query_one(f"#{name}", Input).value
                 for name in ("score", "where", "note", "when")}
        now = local_now()
        when = value["when"].strip()
        return [score_check(value["score"], "score", "pain score",
                            "Please type a pain score from 0 to 10."),
                lambda: clean_text(value["where"], "where", SHORT, label="'where'"),
                lambda: clean_text(value["note"], "note", NOTE, multiline=True),
                lambda: when_typed(when, now)]

    def build(self) -> PainEntry:
        now = local_now()
        text = self.query_one("#score", Input).value
        if not text.strip():
            raise ValidationError("Please type a pain score from 0 to 10.", "score")
        score = parse_int(text, "score", "pain score")
        at = when_typed(self.query_one("#when", Input).value, now)
        where = self.query_one("#where", Input).value
        note = self.query_one("#note", Input).value
        if self.entry is None:
            return new_pain(score, at, now, where=where, note=note)
        changed = dataclasses.replace(
            self.entry, score=score, at=at, where=clean_text(where, "where", SHORT),
            note=clean_text(note, "note", NOTE))
        changed.validate()
        return changed


class PegForm(DraftForm[PegEntry | None]):
    """The weekly PEG check-in: three numbers about the past week."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    QUESTIONS = (
        ("pain", "P - What number best describes your pain on average in the past week? "
                 "(0 no pain - 10 worst imaginable)"),
        ("enjoyment", "E - How much has pain got in the way of your enjoyment of life? "
                      "(0 not at all - 10 completely)"),
        ("activity", "G - How much has pain got in the way of your general activity? "
                     "(0 not at all - 10 completely)"),
    )

    def __init__(self, entry: PegEntry | None = None) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="peg-dialog"):
            yield Static("Weekly check-in (PEG)", classes="section-title")
            for field, question in self.QUESTIONS:
                yield Label(question, markup=False)
                value = str(getattr(self.entry, field)) if self.entry else ""
                yield Input(value=value, id=field, restrict=r"\d{0,2}", max_length=2,
                            placeholder="0-10")
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one("#pain", Input).focus()

    @on(Input.Submitted)
    def next_or_save(self, event: Input.Submitted) -> None:
        if event.input.id == "activity":
            self.save()
        else:
            self.focus_next()

    #: How each answer is named in a problem message.
    LABELS = {"pain": "P (average pain)", "enjoyment": "E (enjoyment of life)",
              "activity": "G (general activity)"}

    def draft_key(self) -> str:
        return f"peg:{self.entry.id if self.entry else 'new'}"

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        self.attempt_save()

    def field_checks(self) -> list[Callable[[], object]]:
        return [score_check(self.query_one(f"#{field}", Input).value, field, self.LABELS[field],
                            f"Please answer {self.LABELS[field]}, from 0 to 10.")
                for field, _question in self.QUESTIONS]

    def build(self) -> PegEntry:
        values = [parse_int(self.query_one(f"#{field}", Input).value, field, self.LABELS[field])
                  for field, _question in self.QUESTIONS]
        today = local_now().date()
        if self.entry is None:
            pain, enjoyment, activity = values
            return new_peg(pain, enjoyment, activity, today, today)
        changed = dataclasses.replace(self.entry, pain=values[0], enjoyment=values[1],
                                      activity=values[2])
        changed.validate()
        return changed


def describe_pain(entry: PainEntry) -> str:
    return f"pain {entry.score}/10 at {show_time(entry.at)} on {show_date(entry.day)}"
