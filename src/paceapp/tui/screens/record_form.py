"""Change any record field by field (for kinds without a form of their own)."""

from __future__ import annotations

import typing
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from paceapp.core.codec import field_types, to_data
from paceapp.core.edits import apply_edits, editable_fields
from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.timeparse import local_now
from paceapp.tui.widgets import Problem, problem_and_buttons


def as_text(value: Any) -> str:
    data = to_data(value)
    if data is None:
        return ""
    if isinstance(data, list):
        return ", ".join(str(v) for v in data)
    return str(data)


class RecordForm(ModalScreen[Record | None]):
    """One input per editable field; saved through the same rules as `paceapp edit`."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record
        self.fields = [f for f in editable_fields(type(record))
                       if typing.get_origin(field_types(type(record))[f]) is not dict]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            label = self.record.LABEL
            article = "an" if label[:1].lower() in "aeiou" else "a"
            yield Static(f"Change {article} {label}", classes="section-title", markup=False)
            for name in self.fields:
                yield Label(name.replace("_", " "), classes="field-label", markup=False)
                yield Input(value=as_text(getattr(self.record, name)), id=f"f-{name}")
            yield from problem_and_buttons()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        pairs = []
        for name in self.fields:
            value = self.query_one(f"#f-{name}", Input).value
            if value != as_text(getattr(self.record, name)):
                pairs.append(f"{name}={value}")
        if not pairs:
            self.dismiss(None)
            return
        try:
            self.dismiss(apply_edits(self.record, pairs, local_now()))
        except ValidationError as error:
            self.query_one(Problem).say(str(error))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
