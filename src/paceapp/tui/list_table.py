"""The app's lists: a DataTable that never keeps a cell cut short after it has widened."""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.widgets import DataTable


class ListTable(DataTable[Any]):
    """A list of records, one per row, chosen a row at a time, every other row shaded.

    Textual measures new rows when the table is next idle, and keeps each drawn cell under a
    key without its width. If the screen is drawn between the two (a busy machine, a list
    refilled just after a dialog closes), the cell drawn at the column's old width stays:
    "No nights logged yet" showed as "No nights". A wider table means a column grew, so the
    cells drawn before are let go and drawn again at their new width.
    """

    def __init__(self, *, id: str) -> None:  # noqa: A002 - Textual's own name for it
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        if new.width != old.width:
            # the DataTable's own answer to "how it is drawn has changed": drop what was drawn
            self.notify_style_update()
