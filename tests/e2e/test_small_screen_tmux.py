"""Every job at 80x24 and at 60x20, by keyboard, in a real terminal (issue 18, "done when"): pain, the sleep
diary (with one stray Esc in the filled form: "Keep writing", then save), a flare-up started and
ended, an activity logged, a goal day marked, a GP concern and the sheet's preview, the share
card's preview. Afterwards `paceapp show ... --json` (and the goal and GP lists) show that
nothing typed was lost.

The clock is fixed (a Wednesday evening); a baseline and a plan are set first with the CLI.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

NOW = "2026-12-02T18:00"
ENV = {"PACEAPP_NOW": NOW, "PACEAPP_NO_WELCOME": "1"}


def cli(data: Path, *args: str) -> Any:
    ran = subprocess.run(paceapp_command(data, *args), capture_output=True, text=True,
                         env={**__import__("os").environ, **ENV}, timeout=60)
    assert ran.returncode == 0, (args, ran.stdout, ran.stderr)
    return json.loads(ran.stdout) if "--json" in args else ran.stdout


def type_then(term: Tmux, text: str, key: str) -> None:
    """Type, then press a key a moment later (text and a key in one read are taken as a
    paste on a busy machine, and the key is lost)."""
    term.type(text)
    time.sleep(0.3)
    term.send(key)


def words(term: Tmux) -> str:
    """The screen as one line of words (a notice may wrap inside its box)."""
    return " ".join(term.screen().translate({ord(c): " " for c in "▌▐│█▊▎"}).split())


def wait_for_words(term: Tmux, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        seen = words(term)
        if text in seen:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"'{text}' did not appear within {timeout}s. Screen:\n{term.screen()}")


def wait_gone(term: Tmux, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while text in term.screen():
        assert time.monotonic() < deadline, f"'{text}' stayed:\n{term.screen()}"
        time.sleep(0.1)


@pytest.mark.parametrize("width, height", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_every_job_loses_nothing(tmp_path: Path, width: int, height: int) -> None:
    data = tmp_path / "data"
    cli(data, "pace", "baseline", "walking", "--three-day", "20", "25", "30")
    cli(data, "goal", "add", "walk to the postbox", "--days-per-week", "3", "--confidence", "8")

    with Tmux(paceapp_command(data), width=width, height=height, env=ENV, cwd=tmp_path) as term:
        term.wait_for("Support")  # the footer is drawn last: the app is ready for keys
        screen = term.wait_for("8 Data")  # the section bar is whole (on two rows)
        assert "7 Charts" in screen

        # Pain
        term.send("p")
        term.wait_for("How is your pain right now?")
        type_then(term, "4", "Enter")
        wait_gone(term, "How is your pain right now?")

        # Sleep diary, every box, then a stray Esc: keep writing, then save
        term.send("s")
        term.wait_for("Quality (1-5)")
        for value in ("23:00", "23:15", "20", "1", "15", "06:30", "07:00", "3"):
            term.type(value)
            time.sleep(0.3)  # typed text and Enter in one read would be taken as a paste
            term.send("Enter")
        term.type("stiff in the morning")
        term.wait_for("stiff in the morning")
        term.send("Escape")  # by mistake
        term.wait_for("Leave without saving?")
        term.wait_for("Keep writing")
        term.send("Enter")  # the default: keep writing
        wait_gone(term, "Leave without saving?")
        for _ in range(12):  # Tab up to the top of the form: the times are whole in their boxes
            term.send("BTab")
            if "23:00" in term.screen():
                break
        screen = term.wait_for("23:00")
        assert "23:15" in screen or "07:00" in screen, screen
        term.send("C-s")
        wait_for_words(term, "Saved: night")
        wait_gone(term, "Quality (1-5)")

        # A flare-up starts, and ends
        term.send("f")
        term.wait_for("A flare-up has started")
        type_then(term, "17:00", "C-s")
        term.wait_for("your flare-up plan")
        term.send("Escape")
        wait_gone(term, "your flare-up plan")
        term.send("f")
        term.wait_for("When it ended")
        type_then(term, "17:50", "C-s")
        wait_gone(term, "When it ended")

        # Pacing: log an activity
        term.send("3")
        term.wait_for("Pacing ·")
        term.send("a")
        term.wait_for("Log an activity")
        time.sleep(0.3)  # the form takes the focus ("how much") before typing
        type_then(term, "12", "Enter")
        wait_gone(term, "Log an activity")

        # Goals: mark today
        term.send("4")
        term.wait_for("walk to the postbox")
        term.send("m")
        wait_for_words(term, "✓ today")

        # GP: a concern, then the sheet's preview
        term.send("5")
        term.wait_for("GP")
        term.send("a")
        term.wait_for("Tab moves to the next box")
        time.sleep(0.3)
        type_then(term, "Knee swelling", "Enter")
        term.wait_for("Concern 1: Knee swelling")
        term.send("v")
        term.wait_for("Your GP sheet")
        term.wait_for("Knee swelling")
        term.send("Escape")
        wait_gone(term, "Your GP sheet")

        # Group: the share card's preview
        term.send("6")
        term.wait_for("Group")
        term.send("s")
        term.wait_for("Share my goal card")
        time.sleep(0.3)
        term.type("Robin")
        # Tab down as a person does: the form scrolls, the preview comes into view, then Share
        term.tab_until("Goal card from Robin")
        term.tab_until("Share (Ctrl+S)")
        term.send("Escape")
        term.wait_for("Leave without saving?")
        term.send("y")
        wait_gone(term, "Share my goal card")

        term.send("C-q")
        term.wait_for("[exit 0]")

    pain = cli(data, "show", "pain", "--json")
    assert [r["score"] for r in records(pain)] == [4]
    [night] = records(cli(data, "show", "sleep", "--json"))
    assert (night["bed"], night["tried"], night["woke"], night["up"]) == \
        ("23:00", "23:15", "06:30", "07:00")
    assert (night["latency"], night["awakenings"], night["waso"]) == (20, 1, 15)
    assert night["note"] == "stiff in the morning"
    [flare] = records(cli(data, "show", "flares", "--json"))
    assert "17:00" in flare["started"] and "17:50" in (flare["ended"] or "")
    [activity] = records(cli(data, "show", "activity", "--json"))
    assert activity["amount"] == 12
    goals = json.dumps(cli(data, "goal", "list", "--json"))
    assert "2026-12-02" in goals
    assert "Knee swelling" in json.dumps(cli(data, "gp", "list", "--json"))


def records(document: Any) -> list[dict[str, Any]]:
    """The records in a `show --json` document (a list, or a dict holding one)."""
    if isinstance(document, list):
        return document
    for value in document.values():
        if isinstance(value, list):
            return value
    raise AssertionError(document)
