"""`paceapp log flare start|end` and `paceapp flare-plan` from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp

PLAN = """# Early warning signs
stiff neck, short temper

First steps:
Lie on my side with a pillow between my knees.
Medicines as my GP prescribed.

## when to get help
If my legs go numb: 999.
"""


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T12:00")


def test_start_shows_plan_then_end_gives_duration(cli) -> None:  # noqa: ANN001
    assert cli("flare-plan", "--set", "-", input=PLAN).code == 0
    ran = cli("log", "flare", "start", "--peak", "8", "--trigger", "stress", "--trigger",
              "cold weather", "--at", "2026-11-19T09:30")
    assert ran.code == 0, ran.err
    assert "Saved: flare-up started Thu 19 Nov 09:30" in ran.out
    assert "Lie on my side with a pillow between my knees." in ran.out
    assert "When to get help" in ran.out
    shown = json.loads(cli("show", "flares", "--json").out)
    assert shown[0]["duration_min"] is None and shown[0]["ended"] is None
    assert shown[0]["triggers"] == ["stress", "cold weather"] and shown[0]["peak"] == 8
    ended = cli("log", "flare", "end", "--helped", "heat pad", "--at", "2026-11-21T11:45")
    assert ended.code == 0, ended.err
    assert "after 2 days 2 h" in ended.out
    shown = json.loads(cli("show", "flares", "--json").out)
    assert shown[0]["duration_min"] == 3015 and shown[0]["helped"] == "heat pad"


def test_start_without_a_plan_says_how_to_write_one(cli) -> None:  # noqa: ANN001
    ran = cli("log", "flare", "start")
    assert ran.code == 0
    assert "You have not written a flare-up plan yet" in ran.out


def test_remembered_triggers_are_offered(cli) -> None:  # noqa: ANN001
    cli("log", "flare", "start", "--trigger", "long car journey", "--at", "2026-11-01T10:00")
    cli("log", "flare", "end", "--at", "2026-11-02T10:00")
    ran = cli("log", "flare", "start")
    assert "Triggers you noted before: long car journey." in ran.out


@pytest.mark.parametrize(("first", "args", "words"), [
    ([], ["log", "flare", "end"], "nothing to end"),
    (["log", "flare", "start", "--at", "09:00"], ["log", "flare", "start"], "already going"),
    (["log", "flare", "start", "--at", "09:00"], ["log", "flare", "end", "--at", "08:00"],
     "must be after the start"),
    ([], ["log", "flare", "start", "--peak", "12"], "from 0 to 10"),
    ([], ["log", "flare", "start", "--at", "23:00"], "in the future"),
    ([], ["flare-plan", "--set", "-"], "Line 1 comes before any heading"),
])
def test_bad_flare_input_exits_2_and_stores_nothing(cli, data_dir: Path, first: list[str],  # noqa: ANN001
                                                    args: list[str], words: str) -> None:
    if first:
        assert cli(*first).code == 0
    before = folder_bytes(data_dir)
    ran = cli(*args, input="just some words\n")
    assert ran.code == 2, ran.out
    assert words in ran.err and "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def test_ending_when_nothing_ever_logged_leaves_no_files(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "flare", "end").code == 2
    assert folder_bytes(data_dir) == {}


def test_plan_round_trip_pocket_and_undo(cli, tmp_path: Path) -> None:  # noqa: ANN001
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text(PLAN, encoding="utf-8")
    ran = cli("flare-plan", "--set", str(plan_file))
    assert ran.code == 0 and "3 of 5 parts written" in ran.out
    template = cli("flare-plan", "--template").out
    assert template.splitlines()[:2] == ["# Early warning signs", "stiff neck, short temper"]
    assert "# How to restart" in template
    (tmp_path / "again.txt").write_text(template.replace("# How to restart\n",
                                                         "# How to restart\nhalf my walk\n"))
    assert cli("flare-plan", "--set", str(tmp_path / "again.txt")).code == 0
    assert "half my walk" in cli("flare-plan").out
    pocket = cli("flare-plan", "--pocket").out
    assert all(len(line) <= 40 for line in pocket.splitlines())
    assert "MY FLARE-UP PLAN" in pocket and "half my walk" in pocket and "116 123" in pocket
    assert cli("undo").code == 0
    assert "half my walk" not in cli("flare-plan").out
    assert "stiff neck" in cli("flare-plan").out


def test_plan_file_problems(cli, tmp_path: Path, data_dir: Path) -> None:  # noqa: ANN001
    missing = cli("flare-plan", "--set", str(tmp_path / "nope.txt"))
    assert missing.code == 2
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00junk")
    ran = cli("flare-plan", "--set", str(binary))
    assert ran.code == 2 and "not plain text" in ran.err
    assert folder_bytes(data_dir) == {}


def test_edit_delete_undo_flare(cli) -> None:  # noqa: ANN001
    cli("log", "flare", "start", "--at", "2026-11-20T08:00")
    cli("log", "flare", "end", "--at", "2026-11-20T20:00")
    flare_id = json.loads(cli("show", "flares", "--json").out)[0]["id"]
    assert cli("edit", "flare", flare_id[:6], "peak=7", "triggers=stress, stairs").code == 0
    shown = json.loads(cli("show", "flares", "--json").out)[0]
    assert shown["peak"] == 7 and shown["triggers"] == ["stress", "stairs"]
    bad = cli("edit", "flare", flare_id[:6], "ended=2026-11-19T08:00")
    assert bad.code == 2 and "must be after the start" in bad.err
    assert cli("delete", "flare", flare_id[:6], "--yes").code == 0
    assert json.loads(cli("show", "flares", "--json").out) == []
    assert cli("undo").code == 0
    assert json.loads(cli("show", "flares", "--json").out)[0]["peak"] == 7


def test_real_process_start_and_pocket(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"PACEAPP_NOW": "2026-11-21T12:00"}
    assert run_paceapp("flare-plan", "--set", "-", input=PLAN, data=data, env=env).code == 0
    ran = run_paceapp("log", "flare", "start", "--peak", "7", data=data, env=env)
    assert ran.code == 0 and "stiff neck" in ran.out
    again = run_paceapp("log", "flare", "start", data=data, env=env)
    assert again.code == 2 and "already going" in again.err
