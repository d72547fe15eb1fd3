"""The command line on clock-change nights (issue 17, item 1): real durations, a time the clocks
skipped refused (exit 2, nothing saved), a repeated one asked about with the option to write.

Tests run in Europe/London. 2026: forward Sun 29 Mar 01:00 GMT -> 02:00 BST; back Sun 25 Oct
02:00 BST -> 01:00 GMT.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


@pytest.mark.parametrize("command", [["log", "pain", "5"], ["log", "flare", "start"]])
def test_a_skipped_time_is_refused_and_nothing_saved(cli, data_dir: Path,  # noqa: ANN001
                                                     command: list[str]) -> None:
    assert cli("log", "pain", "3", "--at", "2026-03-20T09:00").code == 0
    before = folder_bytes(data_dir)
    ran = cli(*command, "--at", "2026-03-29T01:30")
    assert ran.code == 2
    assert "01:30 on Sun 29 Mar did not happen: the clocks went forward an hour at 01:00" in ran.err
    assert "write --at '2026-03-29T02:30'" in ran.err
    assert "Traceback" not in ran.err and folder_bytes(data_dir) == before


def test_a_repeated_time_is_asked_about_then_saved_as_said(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3", "--at", "2026-10-20T09:00").code == 0
    before = folder_bytes(data_dir)
    ran = cli("log", "pain", "6", "--at", "2026-10-25T01:30")
    assert ran.code == 2 and folder_bytes(data_dir) == before
    assert "01:30 on Sun 25 Oct happened twice" in ran.err
    assert ("--at '2026-10-25T01:30 first' for the first time (BST, before the clocks went back)"
            in ran.err)
    assert "--at '2026-10-25T01:30 second' for the second (GMT, after)" in ran.err
    assert cli("log", "pain", "6", "--at", "2026-10-25T01:30 second").code == 0
    assert cli("log", "pain", "7", "--at", "2026-10-25T01:30 first").code == 0
    stored = {e["score"]: e["at"] for e in json.loads(cli("show", "pain", "--json").out)}
    assert stored[6] == "2026-10-25T01:30:00+00:00" and stored[7] == "2026-10-25T01:30:00+01:00"


def test_flare_across_the_autumn_night_lasts_real_time(cli) -> None:  # noqa: ANN001
    # 00:30 BST (23:30 UTC on 24 Oct) to 02:30 GMT (02:30 UTC) = 3 h; the clock face says 2 h.
    assert cli("log", "flare", "start", "--at", "2026-10-25T00:30").code == 0
    ended = cli("log", "flare", "end", "--at", "2026-10-25T02:30")
    assert ended.code == 0, ended.err
    assert "after 3 h 00 min" in ended.out
    assert json.loads(cli("show", "flares", "--json").out)[0]["duration_min"] == 180


def test_sleep_on_both_change_nights(cli) -> None:  # noqa: ANN001
    # Autumn: bed 22:30 BST (21:30 UTC) to up 07:00 GMT (07:00 UTC) = 9 h 30 (clock: 8 h 30).
    ran = cli("log", "sleep", "--date", "2026-10-25", "--bed", "22:30", "--tried", "22:30",
              "--woke", "07:00", "--up", "07:00")
    assert ran.code == 0, ran.err
    assert "time asleep 9 h 30 min" in ran.out
    # Spring: bed 22:30 GMT (22:30 UTC) to up 07:00 BST (06:00 UTC) = 7 h 30 (clock: 8 h 30).
    ran = cli("log", "sleep", "--date", "2026-03-29", "--bed", "22:30", "--tried", "22:30",
              "--woke", "07:00", "--up", "07:00")
    assert ran.code == 0, ran.err
    assert "time asleep 7 h 30 min" in ran.out
    nights = {n["date"]: n for n in json.loads(cli("show", "sleep", "--json").out)}
    assert nights["2026-10-25"]["tib_min"] == 570 and nights["2026-03-29"]["tib_min"] == 450


def test_sleep_times_in_the_changed_hours(cli, data_dir: Path) -> None:  # noqa: ANN001
    skipped = cli("log", "sleep", "--date", "2026-03-29", "--bed", "01:30", "--tried", "01:30",
                  "--woke", "09:00", "--up", "09:00")
    assert skipped.code == 2 and folder_bytes(data_dir) == {}
    assert "Into bed at 01:30 on Sun 29 Mar did not happen" in skipped.err
    assert "write --bed '02:30'" in skipped.err
    night = ["--date", "2026-10-25", "--bed", "22:00", "--tried", "22:00", "--up", "08:00"]
    asked = cli("log", "sleep", *night, "--woke", "01:30")
    assert asked.code == 2 and folder_bytes(data_dir) == {}
    assert "Final awakening at 01:30 on Sun 25 Oct happened twice" in asked.err
    assert "--woke '01:30 first'" in asked.err and "--woke '01:30 second'" in asked.err
    # 22:00 BST (21:00 UTC) to 01:30 GMT (01:30 UTC) = 4 h 30
    saved = cli("log", "sleep", *night, "--woke", "01:30 second")
    assert saved.code == 0, saved.err
    assert "time asleep 4 h 30 min" in saved.out
    stored = json.loads(cli("show", "sleep", "--json").out)[0]
    assert stored["repeated_hour"] == ["woke 01:30 second"] and stored["tst_min"] == 270


def test_edit_asks_about_a_repeated_time(cli, data_dir: Path) -> None:  # noqa: ANN001
    saved = cli("log", "sleep", "--date", "2026-10-25", "--bed", "22:00", "--tried", "22:00",
                "--woke", "06:00", "--up", "08:00")
    night_id = json.loads(cli("show", "sleep", "--json").out)[0]["id"][:8]
    assert saved.code == 0
    before = folder_bytes(data_dir)
    asked = cli("edit", "sleep", night_id, "woke=01:45")
    assert asked.code == 2 and "01:45 on Sun 25 Oct happened twice" in asked.err
    assert folder_bytes(data_dir) == before
    # first 01:45 = BST = 00:45 UTC; from 21:00 UTC = 3 h 45
    assert cli("edit", "sleep", night_id, "woke=01:45 first").code == 0
    assert json.loads(cli("show", "sleep", "--json").out)[0]["tst_min"] == 225


def test_another_zone_in_a_fresh_process(tmp_path: Path) -> None:
    # New York, clocks back Sun 1 Nov 2026 02:00 EDT -> 01:00 EST:
    # bed 22:30 EDT (02:30 UTC) to up 07:00 EST (12:00 UTC) = 9 h 30.
    env = {"TZ": "America/New_York", "PACEAPP_NOW": "2026-11-21T09:00"}
    ran = run_paceapp("log", "sleep", "--date", "2026-11-01", "--bed", "22:30", "--tried", "22:30",
                      "--woke", "07:00", "--up", "07:00", data=tmp_path / "d", env=env)
    assert ran.code == 0, ran.err
    assert "time asleep 9 h 30 min" in ran.out
    asked = run_paceapp("log", "pain", "4", "--at", "2026-11-01T01:30", data=tmp_path / "d",
                        env=env)
    assert asked.code == 2 and "(EDT to EST)" in asked.err
