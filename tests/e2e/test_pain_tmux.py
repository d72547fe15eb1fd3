"""A new user in a real terminal at 80x24: open paceapp, log pain by keyboard, see Support, quit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


def test_log_pain_by_keyboard_then_support_then_quit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Tmux(paceapp_command(data)) as term:
        term.wait_for("Today")
        term.wait_for("No pain score yet today")
        term.send("p")
        term.wait_for("How is your pain right now?")
        term.type("7")
        term.send("Enter")
        term.wait_for("Latest today: 7/10")
        term.send("F2")
        screen = term.wait_for("Samaritans")
        assert "116 123" in screen and "999" in screen
        term.send("Escape")
        term.wait_for("Latest today: 7/10")
        term.send("C-q")
        term.wait_for("[exit 0]")
    shown = run_paceapp("show", "pain", "--json", data=data)
    assert shown.code == 0
    assert [entry["score"] for entry in json.loads(shown.out)] == [7]
