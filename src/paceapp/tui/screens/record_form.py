"""Change any record field by field (for kinds without a form of their own)."""

from __future__ import annotations

import typing
from collections.abc import Callable, Hashable
from typing import Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from paceapp.core.codec import field_types, to_data
from paceapp.core.edits import apply_edits, editable_fields
from paceapp.core.records import Record
from paceapp.core.timeparse import local_now
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import problem_and_buttons


def as_text(value: Any) -> str:
    data = to_data(value)
    if data is None:
        return ""
    if isinstance(data, list):
        return ", ".join(str(v) for v in data)
    return str(data)


class RecordForm(DraftForm[Record | None]):
    """One input per editable field; saved through the same rules as `paceapp edit`."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record
        hints = field_types(cast("Hashable", type(record)))
        self.fields = [f for f in editable_fields(type(record))
                       if typing.get_origin(hints[f]) is not dict]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            label = self.record.LABEL
            article = "an" if label[:1].lower() in "aeiou" else "a"
            yield Static(f"Change {article} {label}", classes="section-title", markup=False)
            for name in self.fields:
                yield Label(name.replace("_", " "), classes="field-label", markup=False)
                yield Input(value=as_text(getattr(self.record, name)), id=f"f-{name}")
            yield from problem_and_buttons()

    def draft_key(self) -> str:
        return f"record:{self.record.KIND}:{self.record.id}"

    def pairs(self) -> list[str]:
        return [f"{name}={value}" for name in self.fields
                if (value := self.query_one(f"#f-{name}", Input).value)
                != as_text(getattr(self.record, name))]

    def field_checks(self) -> list[Callable[[], object]]:
        """Each changed field on its own, so every wrong one is named at once."""
        now = local_now()

        def check(pair: str) -> Callable[[], object]:
            return lambda: apply_edits(self.record, [pair], now)

        return [check(pair) for pair in self.pairs()]

    def build(self) -> Record | None:
        pairs = self.pairs()
        return apply_edits(self.record, pairs, local_now()) if pairs else None

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()
