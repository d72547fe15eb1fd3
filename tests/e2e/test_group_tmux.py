"""A real terminal at 80x24: paste a peer's chat message into Group, see the board, share my card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


class PasteTmux(Tmux):
    def paste(self, text: str) -> None:
        """Paste like a terminal does (bracketed paste), newlines and all."""
        self._tmux("set-buffer", "--", text)
        self._tmux("paste-buffer", "-p", "-t", self.name)


def test_paste_a_peer_message_see_the_board_and_share_my_card(tmp_path: Path) -> None:
    peer, mine = tmp_path / "peer", tmp_path / "mine"
    added = run_paceapp("goal", "add", "Walk to the park gate", "--how-much", "12 minutes",
                        "--days-per-week", "5", "--confidence", "8", data=peer)
    assert added.code == 0, added.err
    shared = run_paceapp("share", "card", "--name", "Jo", "--message", data=peer)
    assert shared.code == 0, shared.err
    pasted = "[21/11/2026, 14:05] Jo: " + shared.out.strip() + "\n[21/11/2026, 14:06] Ann: well done"
    assert run_paceapp("goal", "add", "Stretches", "--days-per-week", "3", "--confidence", "9",
                       data=mine).code == 0

    with PasteTmux(paceapp_command(mine), cwd=tmp_path,
                   env={"PACEAPP_DOCUMENTS_DIR": str(tmp_path)}) as term:
        term.wait_for("Today")
        term.send("6")
        term.wait_for("No cards yet")
        term.send("i")
        term.wait_for("Paste the whole message")
        term.paste(pasted)
        term.wait_for("well done")  # the pasted text is in the box before saving
        term.send("C-s")
        screen = term.wait_for("Walk to the park gate 0/5")
        assert "Jo" in screen and "today" in screen
        term.send("s")
        term.wait_for("Share my goal card")
        term.type("Sam")
        screen = term.wait_for("Goal card from Sam")
        assert "Stretches" in screen
        term.send("C-s")
        term.wait_for("Saved your card")
        term.send("C-q")
        term.wait_for("[exit 0]")

    board = run_paceapp("group", "board", "--json", data=mine)
    assert board.code == 0
    [row] = json.loads(board.out)
    assert row["card"]["display_name"] == "Jo"
    [card_file] = list(tmp_path.glob("paceapp-goal-card-*.json"))
    doc = json.loads(card_file.read_text())
    assert doc["display_name"] == "Sam" and [g["what"] for g in doc["goals"]] == ["Stretches"]
    # the peer can read my card back from the message file
    back = run_paceapp("group", "import", str(card_file.with_suffix(".txt")), data=peer)
    assert back.code == 0 and "Added Sam's card" in back.out
