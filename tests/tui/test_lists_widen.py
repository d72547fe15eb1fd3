"""A list refilled with a wider row shows that row whole, even when the screen is drawn before
the table has measured it (a busy machine: it showed "No nights" for "No nights logged yet")."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

import paceapp
from paceapp.tui.list_table import ListTable


def row_text(table: DataTable, row: int) -> str:
    """The row as drawn now (row 0 is the first row under the header)."""
    return table.render_line(row + 1).text


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield ListTable(id="list")

    def on_mount(self) -> None:
        table = self.query_one(ListTable)
        table.add_columns("Morning", "Bed-up")
        table.add_row(Text("Sat 21 Nov"), Text("22:30-06:30"), key="night")


@pytest.mark.parametrize("placeholder", ["No nights logged yet", "Nothing logged yet today",
                                         "Wed 2 Dec, a much longer morning than before"])
def test_a_row_drawn_before_it_is_measured_is_drawn_again_whole(placeholder: str) -> None:
    async def scenario() -> None:
        app = OneList()
        async with app.run_test(size=(80, 10)) as pilot:
            await pilot.pause()
            table = app.query_one(ListTable)
            assert row_text(table, 0).strip().startswith("Sat 21 Nov")
            table.clear()
            table.add_row(Text(placeholder), Text("press s"), key="empty")
            row_text(table, 0)          # the screen is drawn before the table's next idle
            await pilot.pause()
            assert placeholder in row_text(table, 0)
            assert "press s" in row_text(table, 0)

    asyncio.run(scenario())


def test_every_list_in_the_app_is_a_list_table() -> None:
    """The rule, not the one list: no screen builds a stock DataTable."""
    source = Path(paceapp.__file__).parent
    stock = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "DataTable"):
                stock.append(f"{path.relative_to(source)}:{node.lineno}")
    assert stock == []
