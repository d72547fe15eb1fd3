"""A real terminal at 80x24: Group, h, see the supporter page's preview, save it as a PDF and
the chat message; a supporter's paceapp keeps the message read-only."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

PLAN = "# Early warning signs\nI go quiet and stiff\n# First steps\nHeat pad, lie down\n"


def test_preview_and_save_the_supporter_page_then_a_supporter_keeps_it(tmp_path: Path) -> None:
    mine, supporter = tmp_path / "mine", tmp_path / "supporter"
    assert run_paceapp("flare-plan", "--set", "-", input=PLAN, data=mine).code == 0
    assert run_paceapp("share", "supporter", "set", "--private-note", "zzprivate",
                       data=mine).code == 0
    docs = tmp_path / "docs"
    with Tmux(paceapp_command(mine), cwd=tmp_path,
              env={"PACEAPP_DOCUMENTS_DIR": str(docs)}) as term:
        term.wait_for("Today")
        term.send("6")
        term.wait_for("How to help me (h)")
        term.send("h")
        term.wait_for("How to help me: a page for your supporters")
        term.type("Robin")
        # through the ticks and words to Save: the form scrolls, the preview's end shows
        screen = term.tab_until("Save (Ctrl+S)")
        # the end of the preview shows with the buttons: what is in, what is left out
        assert "Included: signs a flare-up is starting, what helps" in " ".join(screen.split())
        assert "Not ticked: a private note." in screen and "zzprivate" not in screen
        term.send("C-s")
        term.wait_for("Saved your supporter page")
        term.send("C-q")
        term.wait_for("[exit 0]")
    [pdf] = list(docs.glob("paceapp-how-to-help-*.pdf"))
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "How to help Robin" in text and "I go quiet and stiff" in text and "zzprivate" not in text
    message = pdf.with_name(f"{pdf.stem}-message.txt")
    kept = run_paceapp("group", "import", str(message), data=supporter)
    assert kept.code == 0, kept.err
    shown = run_paceapp("group", "how-to-help", data=supporter)
    assert "Heat pad, lie down" in shown.out and "read-only" in shown.out
