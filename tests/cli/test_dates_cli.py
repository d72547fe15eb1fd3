"""Dates and times on the command line, as people in the UK write them (issue 18 item 3).

Every date option reads the same grammar; a text with a word nobody understood is refused (exit
2, one line, nothing changed) instead of being half read; a time still to come is refused for
things that already happened; clock changes are explained with the option to write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes

NOW = "2026-12-01T14:30"  # a Tuesday, GMT

#: Every command-line option that takes a date or a time, as a command missing its last value.
DATE_OPTIONS = [
    ("log", "pain", "4", "--at"),
    ("log", "peg", "5", "5", "5", "--date"),
    ("log", "flare", "start", "--at"),
    ("log", "sleep", "--bed", "23:00", "--woke", "06:30", "--up", "07:00", "--date"),
    ("log", "nap", "--end", "15:00", "--start"),
    ("log", "activity", "walking", "10", "--at"),
]
HALF_UNDERSTOOD = ["yesterday whenever", "Mon 21:00 please", "23/11 later", "last night ish",
                   "about 9pm", "9pm-ish", "2 days ago maybe", "soonish", "11/23/2026",
                   "Tue 23 Nov", "31/04"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


@pytest.mark.parametrize("command", DATE_OPTIONS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("text", HALF_UNDERSTOOD)
def test_a_date_not_fully_understood_is_refused_and_nothing_changes(
        cli, data_dir: Path, command: tuple[str, ...], text: str) -> None:
    cli("log", "pain", "3")
    before = folder_bytes(data_dir)
    ran = cli(*command, text)
    assert ran.code == 2, ran.out
    assert "Traceback" not in ran.err and len(ran.err.strip().splitlines()) == 1, ran.err
    assert any(word in ran.err for word in ("not understood", "not a date", "not a real date",
                                            "not a Tuesday")), ran.err
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize(("text", "stored"), [
    ("yesterday 9pm", "2026-11-30T21:00:00+00:00"),
    ("9pm yesterday", "2026-11-30T21:00:00+00:00"),
    ("Mon 21:00", "2026-11-30T21:00:00+00:00"),
    ("23/11 9:30am", "2026-11-23T09:30:00+00:00"),
    ("23 Nov 9.30pm", "2026-11-23T21:30:00+00:00"),
    ("10/11/2026 09:50", "2026-11-10T09:50:00+00:00"),
    ("last night 11pm", "2026-11-30T23:00:00+00:00"),
    ("last night 2am", "2026-12-01T02:00:00+00:00"),
    ("2 days ago", "2026-11-29T12:00:00+00:00"),
    ("9:30am", "2026-12-01T09:30:00+00:00"),
    ("2026-11-23T14:30", "2026-11-23T14:30:00+00:00"),
    ("Mon 30 Nov 08:00", "2026-11-30T08:00:00+00:00"),
])
def test_the_ways_people_write_a_time_are_stored_as_meant(cli, text: str, stored: str) -> None:
    ran = cli("log", "pain", "4", "--at", text)
    assert ran.code == 0, ran.err
    assert json.loads(cli("show", "pain", "--json").out)[0]["at"] == stored


@pytest.mark.parametrize("text", ["9pm", "today 21:00", "tomorrow", "Tue 23:00", "2/12"])
def test_a_time_still_to_come_is_refused_for_what_already_happened(cli, data_dir: Path,
                                                                   text: str) -> None:
    cli("log", "pain", "3")
    before = folder_bytes(data_dir)
    ran = cli("log", "pain", "4", "--at", text)
    assert ran.code == 2 and "in the future" in ran.err, ran.err
    assert folder_bytes(data_dir) == before


def test_a_week_day_for_peg_and_the_sleep_times_on_the_12_hour_clock(cli) -> None:
    assert cli("log", "peg", "4", "4", "4", "--date", "Sun").code == 0
    assert json.loads(cli("show", "peg", "--json").out)[0]["date"] == "2026-11-29"
    ran = cli("log", "sleep", "--date", "30/11", "--bed", "10:45pm", "--tried", "11pm",
              "--woke", "6:30am", "--up", "7am")
    assert ran.code == 0, ran.err
    night = json.loads(cli("show", "sleep", "--json").out)[0]
    assert night["date"] == "2026-11-30"
    assert (night["bed"], night["tried"], night["woke"], night["up"]) == (
        "22:45", "23:00", "06:30", "07:00")


def test_clock_changes_are_explained_however_the_time_is_written(cli, data_dir: Path) -> None:
    skipped = cli("log", "pain", "4", "--at", "29/3/2026 1:30am")
    assert skipped.code == 2 and "did not happen" in skipped.err
    assert "write --at '29/3/2026 02:30'" in skipped.err
    twice = cli("log", "pain", "4", "--at", "25 Oct 2026 1:30am")
    assert twice.code == 2 and "happened twice" in twice.err
    assert "--at '25 Oct 2026 01:30 second'" in twice.err
    assert cli("log", "pain", "4", "--at", "25 Oct 2026 1:30am second").code == 0
    assert json.loads(cli("show", "pain", "--json").out)[0]["at"] == "2026-10-25T01:30:00+00:00"


def test_last_night_in_the_sleep_diary_is_the_night_that_ended_this_morning(cli) -> None:
    ran = cli("log", "sleep", "--date", "last night", "--bed", "23:00", "--woke", "06:30",
              "--up", "07:00")
    assert ran.code == 0, ran.err
    assert json.loads(cli("show", "sleep", "--json").out)[0]["date"] == "2026-12-01"
