"""A stray Esc in a filled form loses nothing, in a real terminal at 80x24 (issue 18).

GP -> a -> a concern and its detail typed -> Esc by mistake: the question comes, Enter keeps
writing, everything is still there and Enter saves; the arrows then move in the list. A form left
with "Leave without saving" gives its words back when opened again, also after paceapp was
closed and started again.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from paceapp.core.gp import Appointment
from paceapp.store.journal import Journal
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


def concerns(data: Path) -> list[tuple[str, str]]:
    appointments = [a for a in Journal.open(data).list(Appointment) if not a.closed]
    return [(c.text, c.detail) for a in appointments for c in a.concerns]


def start(term: Tmux) -> None:
    """Wait for Today; close the first-start welcome if it is offered."""
    term.wait_for("Today")
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        if "Welcome to paceapp" in term.screen():
            term.send("Enter")
            while "Welcome to paceapp" in term.screen():
                assert time.monotonic() < deadline + 10, term.screen()
                time.sleep(0.1)
            return
        time.sleep(0.1)


def open_concern_form(term: Tmux) -> None:
    term.send("a")
    term.wait_for("Tab moves to the next box")
    time.sleep(0.3)  # let the form take the focus before typing


def test_a_stray_escape_in_a_filled_form_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Tmux(paceapp_command(data), cwd=tmp_path) as term:
        start(term)
        term.send("5")
        term.wait_for("no appointment set yet")
        open_concern_form(term)
        term.type("Knee swelling")
        term.send("Tab")
        term.type("worse on the stairs")
        term.send("Escape")  # by mistake
        term.wait_for("Leave without saving?")
        screen = term.wait_for("Keep writing (Esc)")
        assert "Leave without saving (y)" in screen
        term.send("Enter")  # the default: keep writing
        time.sleep(0.5)
        screen = term.screen()
        assert "Leave without saving?" not in screen
        assert "Knee swelling" in screen and "worse on the stairs" in screen
        term.send("Enter")  # saves
        term.wait_for("1 concern ready")

        open_concern_form(term)
        term.type("Pain wakes me at night")
        term.send("Escape")
        term.wait_for("Leave without saving?")
        term.send("y")
        term.wait_for("1 concern ready")
        screen = term.screen()
        assert "Add a concern" not in screen
        term.send("C-q")
        term.wait_for("[exit 0]")
    assert concerns(data) == [("Knee swelling", "worse on the stairs")]

    with Tmux(paceapp_command(data), cwd=tmp_path) as term:  # a new start: the draft is back
        start(term)
        term.send("5")
        term.wait_for("1 concern ready")
        open_concern_form(term)
        screen = term.wait_for("are back")
        assert "Pain wakes me at night" in screen and "Ctrl+L clears them" in screen
        term.send("Enter")  # saved at the end of the list
        term.wait_for("2 concerns ready")
        term.wait_for("Concern 2: Pain wakes me at night")
        term.send("Up")  # focus is in the list: the arrows move there at once
        term.wait_for("Concern 1: Knee swelling")
        open_concern_form(term)
        time.sleep(0.5)
        assert "are back" not in term.screen(), "the draft went when it was saved"
        term.send("Escape")  # nothing typed: closes at once
        time.sleep(0.5)
        assert "Leave without saving?" not in term.screen()
        term.send("C-q")
        term.wait_for("[exit 0]")
    assert concerns(data) == [("Knee swelling", "worse on the stairs"),
                              ("Pain wakes me at night", "")]
