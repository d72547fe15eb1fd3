"""Pacing in a real terminal (80x24): a short real timer run from the shell that rings, says stop,
rests and logs; then the app's Pacing screen: plan the day and start the timer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


def test_real_timer_then_plan_and_timer_in_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_paceapp("pace", "baseline", "walking", "--gentle", "24", data=data).code == 0
    # A real run: 3 seconds of activity, 3 of rest (the clock is not faked here).
    with Tmux(paceapp_command(data, "pace", "timer", "walking", "--minutes", "0.05",
                              "--rest", "0.05")) as term:
        screen = term.wait_for("Time to stop walking", timeout=15)
        assert "Rest now for 3 seconds" in screen
        term.wait_for("Rest is over", timeout=15)
        term.wait_for("Minutes to log?", timeout=10)
        term.type("2")
        term.send("Enter")
        term.wait_for("Saved: walking 2 min")
        term.wait_for("[exit 0]")
    logged = json.loads(run_paceapp("show", "activity", "--json", data=data).out)
    assert [(a["name"], a["amount"], a["note"]) for a in logged] == [("walking", 2, "timed")]

    with Tmux(paceapp_command(data)) as term:
        term.wait_for("Pacing")
        term.send("3")
        term.wait_for("Next step")
        term.send("l")
        term.wait_for("List activities in the order")
        term.type("walking:24")
        term.send("Enter")
        screen = term.wait_for("1. walking 24 min in 2 goes of 12 min")
        assert "2 min done" in screen
        term.send("t")
        term.wait_for("walking: 1")  # counting down from 12:00
        term.send("s")
        term.wait_for("Stopped.")
        term.send("Escape")
        term.wait_for("Boom and bust")
        term.send("C-q")
        term.wait_for("[exit 0]")
    plan = json.loads(run_paceapp("pace", "plan", "--json", data=data).out)
    assert plan["source"] == "day" and [s["amount"] for s in plan["steps"]] == [12, 10, 12]
