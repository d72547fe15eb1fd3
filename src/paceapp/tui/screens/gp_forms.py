"""Small forms for the GP list: a concern or question, a medicine, the date, a line of text.

Each form is a list of labelled inputs and a `build` function that turns what was typed into the
result (raising ValidationError with a plain message, shown in the form; nothing is saved).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from paceapp.core.value import Value
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.widgets import problem_and_buttons


@dataclass(frozen=True, eq=False, repr=False)
class Field(Value):
    name: str
    label: str
    value: str = ""
    max_length: int = 0
    placeholder: str = ""


class GpForm(DraftForm[Any]):
    """A dialog of text fields: Tab moves between them; Enter (or Save) builds the result.

    Its draft belongs to the form's title and fields ('Change concern 2: text, detail'), and
    comes back only while the form opens with the same values.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, fields: list[Field], build: Callable[[dict[str, str]], Any],
                 hint: str = "") -> None:
        super().__init__()
        self.title_text, self.fields, self.make, self.hint = title, fields, build, hint

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="gp-form"):
            yield Static(self.title_text, classes="section-title", markup=False)
            hint = (self.hint + " " if self.hint else "") + (
                "Tab moves to the next box; Enter saves." if len(self.fields) > 1 else "")
            if hint:
                yield Static(hint, classes="hint", markup=False)
            for field in self.fields:
                yield Label(field.label, classes="field-label", markup=False)
                yield Input(value=field.value, id=f"f-{field.name}", placeholder=field.placeholder,
                            max_length=field.max_length)
            yield from problem_and_buttons()

    def on_mount(self) -> None:
        self.query_one(f"#f-{self.fields[0].name}", Input).focus()

    def values(self) -> dict[str, str]:
        return {f.name: self.query_one(f"#f-{f.name}", Input).value for f in self.fields}

    def draft_key(self) -> str:
        return f"gp:{self.title_text}:{','.join(f.name for f in self.fields)}"

    def build(self) -> Any:
        return self.make(self.values())

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        self.attempt_save()
