"""Issue 18 items 3, 9 and 11 for the CLI: days still to come read a weekday as the coming one
(`goal add --start`, `pace plan --date`, `gp date`), a nap's end reads '3pm' and '40 min', help
examples for a day plan use names that exist (run on the demo data), and the sleep, nap, GP and
flare-up commands speak in plain words (no TST, HH:MM, YYYY...)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from paceapp.demo import write_demo
from tests.test_plain_words import hits

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_dates_ahead_and_plain_cli")


TODAY = date(2026, 12, 1)  # a Tuesday
NOW = "2026-12-01T18:00"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


def _coming(weekday: int, today: date = TODAY) -> date:
    """The coming day with `weekday` (0 Monday), today counting."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


@pytest.mark.parametrize("word, weekday", [("Mon", 0), ("Tue", 1), ("Friday", 4), ("sun", 6)])
def test_goal_start_on_a_weekday_is_the_coming_one(cli: Any, word: str, weekday: int) -> None:
    ran = cli("goal", "add", "walk to the corner", "--days-per-week", "3", "--confidence", "7",
              "--start", word)
    assert ran.code == 0, ran.err
    plans = cli("goal", "list", "--json")
    assert _coming(weekday).isoformat() in plans.out


@pytest.mark.parametrize("word, weekday", [("Mon", 0), ("Wed", 2), ("Sat", 5)])
def test_pace_plan_date_on_a_weekday_is_the_coming_one(cli: Any, word: str, weekday: int) -> None:
    cli("pace", "baseline", "walking", "--gentle", "20")
    ran = cli("pace", "plan", "set", "walking:10", "--date", word)
    assert ran.code == 0, ran.err
    day = _coming(weekday)
    assert f"the plan for {day:%a} {day.day} {day:%b}" in ran.out
    shown = cli("pace", "plan", "--date", word)
    assert shown.code == 0, shown.err
    assert f"{day:%a} {day.day} {day:%b}" in shown.out


@pytest.mark.parametrize("text, shown", [
    ("Tue 9:50", "Tue 1 Dec"), ("Mon", "Mon 7 Dec"), ("10/12 9:50", "Thu 10 Dec"),
    ("9 Dec 2pm", "Wed 9 Dec"), ("tomorrow", "Wed 2 Dec")])
def test_gp_date_reads_uk_dates(cli: Any, text: str, shown: str) -> None:
    ran = cli("gp", "date", text)
    assert ran.code == 0, ran.err
    assert shown in ran.out


@pytest.mark.parametrize("text", ["Tuesday whenever", "31/11", "soonish"])
def test_gp_date_not_understood_changes_nothing(cli: Any, text: str) -> None:
    ran = cli("gp", "date", text)
    assert ran.code == 2 and "Traceback" not in ran.err
    assert "Write a day like" in ran.err
    assert "No GP appointment" in cli("gp", "list").out + cli("gp", "show").out


@pytest.mark.parametrize("end, lasted", [("3pm", "1 h 00 min"), ("3:10pm", "1 h 10 min"),
                                         ("15:10", "1 h 10 min"), ("40 min", "40 min"),
                                         ("1 h 10 min", "1 h 10 min")])
def test_nap_end_as_people_write_it(cli: Any, end: str, lasted: str) -> None:
    ran = cli("log", "nap", "--start", "2pm", "--end", end)
    assert ran.code == 0, ran.err
    assert f"({lasted})" in ran.out


def test_nap_end_a_bare_number_asks_which(cli: Any) -> None:
    ran = cli("log", "nap", "--start", "2pm", "--end", "40")
    assert ran.code == 2
    assert "40 min" in ran.err and "Traceback" not in ran.err


# -- help examples use names that exist -------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dates-ahead") / "demo"
    write_demo(folder, 56, TODAY)
    return folder


def _plan_examples(help_text: str) -> list[list[str]]:
    """Every 'paceapp pace plan set ...' line of a help text, as arguments ([--date WHEN] and
    words in brackets after it left out)."""
    found = []
    for line in help_text.splitlines():
        line = re.sub(r"\s+\(.*$|\s*\[.*?\]", "", line.strip())
        if line.startswith("paceapp pace plan set "):
            found.append(line.split()[1:])
    return found


@pytest.mark.parametrize("where", [["pace", "--help"], ["pace", "plan", "--help"]])
def test_day_plan_help_examples_work_on_the_demo_data(cli: Any, demo: Path, tmp_path: Path,
                                                       where: list[str]) -> None:
    import shutil

    helped = cli(*where, data=demo)
    examples = _plan_examples(helped.out)
    assert examples, helped.out
    for n, args in enumerate(examples):
        copy = tmp_path / f"demo-{n}"
        shutil.copytree(demo, copy)
        ran = cli(*args, data=copy)
        assert ran.code == 0, (args, ran.err)


# -- plain words ------------------------------------------------------------------------------
NIGHT = ["--bed", "22:30", "--tried", "22:45", "--latency", "20", "--awakenings", "2",
         "--waso", "30", "--woke", "06:10", "--up", "06:30", "--quality", "poor"]


@pytest.mark.parametrize("args", [
    ["log", "sleep", *NIGHT],
    ["log", "sleep", "--quality", "poor", "--bed", "22:00", "--date", "yesterday"],
    ["log", "nap", "--start", "1pm", "--end", "1:40pm"],
    ["log", "flare", "start", "--peak", "7"],
    ["gp", "date", "Tue 9:50"],
    ["log", "sleep", "--help"], ["log", "nap", "--help"], ["gp", "--help"], ["gp", "date", "--help"],
    ["gp", "sheet", "--help"], ["log", "flare", "--help"], ["log", "flare", "start", "--help"],
    ["pace", "--help"], ["pace", "plan", "--help"], ["goal", "add", "--help"],
], ids=" ".join)
def test_my_commands_speak_plainly(cli: Any, args: list[str]) -> None:
    ran = cli(*args)
    assert ran.code == 0, ran.err
    assert not hits(ran.out + ran.err), hits(ran.out + ran.err)


def test_a_night_without_all_times_gives_a_working_command(cli: Any) -> None:
    ran = cli("log", "sleep", "--quality", "poor", "--bed", "22:00")
    hint = ran.out.splitlines()[1]
    command = hint.split(": ", 1)[1].split()
    assert command[:3] == ["paceapp", "edit", "sleep"]
    assert all(re.fullmatch(r"\w+=\d\d:\d\d", part) for part in command[4:]), command
    assert cli(*command[1:]).code == 0
