"""QA in a real terminal at 80x24: log this morning's night, then an earlier one from the same
"Log a night" key (this morning's stays); in bad-day mode the pain numbers can still be seen."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

NOW = {"PACEAPP_NOW": "2026-11-21T09:00"}


def slowly(term: Tmux, *keys: str) -> None:
    for key in keys:
        term.send(key)
        time.sleep(0.3)


def test_an_earlier_night_from_log_a_night_and_bad_day_numbers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Tmux(paceapp_command(data), env=NOW) as term:
        term.wait_for("Last night is not logged yet")
        slowly(term, "s")
        term.wait_for("How did you sleep?")
        for text in ("23:00", "23:10", "", "", "", "06:40", "07:00"):
            if text:
                term.type(text)
                term.wait_for(text)
            slowly(term, "Enter")
        term.wait_for("sleep efficiency 93.8%")
        term.send("C-s")
        term.wait_for("Last night: asleep 7 h 30 min, sleep efficiency")  # the card wraps
        # s again: this morning's night, to change - or change the morning for another night
        slowly(term, "s")
        term.wait_for("change the morning.")  # the hint may wrap before it
        slowly(term, "BTab")          # to "Morning you woke" (its text is chosen: typing replaces it)
        term.type("2026-11-19")
        term.wait_for("2026-11-19")
        time.sleep(0.3)
        term.send("C-s")
        term.wait_for("Saved: night to Thu 19 Nov")
        # bad-day mode: the 0-10 buttons are still there to click
        slowly(term, "b")
        term.wait_for("Bad-day mode")
        slowly(term, "p")
        # the form takes a frame to open (Today's bad-day card asks the same question)
        screen = term.wait_for(" 9    10")
        assert " 0    1    2 " in screen
        slowly(term, "Escape")
    nights = json.loads(run_paceapp("show", "sleep", "--json", data=data, env=NOW).out)
    assert [(n["date"], n["tst_min"]) for n in nights] == [("2026-11-19", 450),
                                                           ("2026-11-21", 450)]
