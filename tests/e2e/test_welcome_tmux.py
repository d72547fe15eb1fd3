"""First run in a real terminal at 80x24 (issue 18, item 10): the welcome shows, Enter closes
it, Today scrolls with Page Down and the arrows, and the next start goes straight to Today."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

#: The welcome is on unless PACEAPP_NO_WELCOME is set (the other tests set it).
WELCOME = {"PACEAPP_NO_WELCOME": ""}


def start(data: Path) -> list[str]:
    return paceapp_command(data)


def test_welcome_once_then_today_scrolls(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Tmux(start(data), env=WELCOME) as term:
        screen = term.wait_for("Welcome to paceapp")
        for words in ("Three things to try", "F1", "F2", "Start (Enter)"):
            assert words in screen
        term.send("Enter")
        term.wait_for("No pain score yet today")
        assert "Welcome to paceapp" not in term.screen()
        term.send("NPage")
        term.wait_for("Peer group")
        term.send("NPage")                  # Today is more than two pages tall at 80x24
        term.wait_for("Today's entries")
        term.send("Home")
        term.wait_for("Pain check-in")
        term.send("C-q")
        term.wait_for("[exit 0]")
    with Tmux(start(data), env=WELCOME) as term:
        term.wait_for("No pain score yet today")
        assert "Welcome to paceapp" not in term.screen()
        term.send("C-q")
        term.wait_for("[exit 0]")
