"""A real terminal at 80x24 and at 60x20: add a plan at confidence 5, see the suggestion, make it
smaller, mark a day done, review the week mid-week; then `goal list --json` shows each step.

At 60 columns text wraps differently, so the test waits for short words that fit on one line at
both sizes, not for whole sentences."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

NOW = {"PACEAPP_NOW": "2026-11-21T10:00"}  # a Saturday; the week began Mon 16 Nov


def tab(term: Tmux) -> None:
    """Tab to the next box. On a busy machine tmux can hand Tab and the next text to the app in
    one read, which the terminal layer takes for a paste (and drops the Tab); a short gap keeps
    them apart."""
    term.send("Tab")
    time.sleep(0.3)


@pytest.mark.parametrize(("width", "height"), [(80, 24), (60, 20)])
def test_goal_journey_by_keyboard(tmp_path: Path, width: int, height: int) -> None:
    data = tmp_path / "data"
    with Tmux(paceapp_command(data), env=NOW, width=width, height=height) as term:
        term.wait_for("Support")  # the footer is drawn last (no welcome: tests/conftest.py)
        term.send("4")
        term.wait_for("No action")  # cut to fit the list at 60 columns
        term.send("a")
        term.wait_for("Add an action plan")
        # Wait for each box to show what was typed before moving on (a busy machine is slow).
        for text, shown in (("walk to the shop", "What          walk to the shop"),
                            ("20 minutes", "How much      20 minutes"),
                            ("mornings", "When          mornings"),
                            ("5", "Days a week   5 "),
                            ("5", "How sure 0-10 5 ")):
            if text != "walk to the shop":
                tab(term)
            term.type(text)
            term.wait_for(shown)
        term.send("Enter")
        # The "Saved" notice can sit over the end of the title for a few seconds.
        term.wait_for("Make it smaller")
        term.wait_for("Your confidence is 5 out of 10")
        saved = {"plans": json.loads(run_paceapp("goal", "list", "--json", data=data, env=NOW).out)}
        assert [(p["confidence"], p["days_per_week"]) for p in saved["plans"]] == [(5, 5)]
        tab(term)  # how much -> when
        tab(term)  # -> days a week (its text is selected, so typing replaces it)
        term.type("3")
        term.wait_for("Days a week   3 ")
        tab(term)
        term.type("8")
        term.wait_for("How sure 0-10 8 ")
        term.send("Enter")
        term.wait_for("0 of 3 days")  # the plan's line wraps at 60 columns; this part does not
        term.wait_for("sure 8/10")
        changed = {"plans": json.loads(run_paceapp("goal", "list", "--json", data=data, env=NOW).out)}
        assert [(p["confidence"], p["days_per_week"]) for p in changed["plans"]] == [(8, 3)]
        term.send("m")
        term.wait_for("1 of 3 days ✓ today")  # the week column fits at 60 columns too
        marked = {"plans": json.loads(run_paceapp("goal", "list", "--json", data=data, env=NOW).out)}
        assert {k: marked["plans"][0]["this_week"][k] for k in ("done", "planned")} == {
            "done": 1, "planned": 3}
        term.send("r")
        term.wait_for("on Sun 22 Nov?")  # Saturday: the week ends tomorrow
        term.send("y")
        term.wait_for("Weekly review")
        term.wait_for("You marked 1 of 3 days this week.")
        term.send("p")
        tab(term)
        term.type("rain")
        term.send("Enter")
        screen = term.wait_for("starts Mon 23 Nov")
        # Every column of the list is in view, at 60 columns too.
        assert all(word in screen for word in ("Week", "Sure", "Status", "8/10", "reviewed")), screen
        term.send("C-q")
        term.wait_for("[exit 0]")
    final = {"plans": json.loads(run_paceapp("goal", "list", "--json", data=data, env=NOW).out)}
    old, new = sorted(final["plans"], key=lambda p: p["start"])
    assert old["status"] == "done" and old["review"]["outcome"] == "partly"
    assert old["review"]["got_in_way"] == "rain"
    assert new["status"] == "active" and new["previous_id"] == old["id"]
