"""A person in a real terminal at 80x24 gets ready for the GP: two concerns, reorder, write the PDF."""

from __future__ import annotations

import io
import json
import time
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


def test_prepare_the_list_and_print_the_sheet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Tmux(paceapp_command(data), cwd=tmp_path,
              env={"PACEAPP_DOCUMENTS_DIR": str(tmp_path)}) as term:
        term.wait_for("Today")
        term.send("5")
        term.wait_for("no appointment set yet")
        term.send("a")
        term.wait_for("Tab moves to the next box")
        time.sleep(0.3)  # let the form take the focus before typing
        term.type("Knee swelling")
        term.send("Tab")
        term.type("Worse on the stairs")
        term.send("Enter")
        term.wait_for("1 concern ready")
        term.send("a")
        term.wait_for("Tab moves to the next box")
        time.sleep(0.3)
        term.type("Pain wakes me at night")
        term.send("Enter")
        term.wait_for("2 concerns ready")
        term.send("S-Up")  # the new concern is chosen: move it to the top
        term.wait_for("Moved concern 2 up")
        deadline = time.monotonic() + 10  # the list reloads just after the message
        while True:
            screen = term.screen()
            if screen.index("Pain wakes me at night") < screen.index("Knee swelling"):
                break
            assert time.monotonic() < deadline, screen
            time.sleep(0.1)
        term.send("v")
        term.wait_for("MY GP APPOINTMENT")
        term.send("p")
        term.wait_for("Saved your GP sheet to")
        term.send("Escape")
        term.wait_for("2 concerns ready")
        term.send("C-q")
        term.wait_for("[exit 0]")
    sheet = tmp_path / f"gp-sheet-{date.today().isoformat()}.pdf"
    reader = pypdf.PdfReader(io.BytesIO(sheet.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.index("1. Pain wakes me at night") < text.index("2. Knee swelling")
    listed = json.loads(run_paceapp("gp", "list", "--json", data=data).out)
    assert [c["text"] for c in listed[0]["concerns"]] == ["Pain wakes me at night", "Knee swelling"]
