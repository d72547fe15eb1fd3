"""The app starts in a real terminal, again and again, on whichever Python runs the suite.

On Python 3.12 and 3.13 `paceapp` once quit at start with "ScreenStackError: No screens on stack"
(the footer read its screen's keys before the screen was on the stack) while 3.11 passed, and a
headless Pilot run did not show it. CI runs this file on every Python the project claims.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

STARTS = 8


def starts_loop(command: list[str], starts: int) -> list[str]:
    """A shell loop that starts `command` `starts` times, saying how each one ended."""
    script = (f"for i in $(seq 1 {starts}); do {shlex.join(command)}; "
              "echo \"[start $i exit $?]\"; done")
    return ["sh", "-c", script]


@pytest.mark.parametrize("args, today_text", [
    ((), "No pain score yet today"),
    (("demo",), "Pain check-in"),
])
def test_repeated_starts_draw_today_and_quit_cleanly(tmp_path: Path, args: tuple[str, ...],
                                                   today_text: str) -> None:
    command = paceapp_command(tmp_path / "data", *args)
    with Tmux(starts_loop(command, STARTS)) as term:
        for start in range(1, STARTS + 1):
            screen = term.wait_for("Support", timeout=30)  # the footer is drawn last
            assert "Traceback" not in screen and "Error" not in screen, screen
            screen = term.wait_for(today_text)
            assert "Today" in screen and "Help" in screen, screen
            term.send("C-q")
            screen = term.wait_for(f"[start {start} exit ", timeout=30)
            assert f"[start {start} exit 0]" in screen, screen
            assert "Traceback" not in screen and "Error" not in screen, screen
