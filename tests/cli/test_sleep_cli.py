"""`paceapp log sleep`, and showing, editing, deleting and undoing nights from the shell."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp

NIGHT = ["--date", "2026-11-21", "--bed", "22:30", "--tried", "22:45", "--latency", "20",
         "--awakenings", "2", "--waso", "30", "--woke", "06:10", "--up", "06:30"]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


def test_log_sleep_prints_tst_and_se(cli) -> None:  # noqa: ANN001
    ran = cli("log", "sleep", *NIGHT, "--quality", "poor", "--note", "pain woke me")
    assert ran.code == 0, ran.err
    assert "time asleep 6 h 35 min" in ran.out
    assert "sleep efficiency (time asleep ÷ time in bed) 82.3%" in ran.out
    shown = json.loads(cli("show", "sleep", "--json").out)
    assert len(shown) == 1
    night = shown[0]
    assert (night["tib_min"], night["tst_min"], night["se_pct"]) == (480, 395, 82.3)
    assert night["date"] == "2026-11-21" and night["quality"] == "poor"
    assert night["bed"] == "22:30" and night["note"] == "pain woke me"


def test_nap_shift_night_and_default_date(cli) -> None:  # noqa: ANN001
    ran = cli("log", "sleep", "--bed", "04:00", "--tried", "04:10", "--latency", "15",
              "--awakenings", "1", "--waso", "25", "--woke", "11:30", "--up", "12:00")
    assert ran.code == 0, ran.err
    night = json.loads(cli("show", "sleep", "--json").out)[0]
    assert night["date"] == "2026-11-21"
    assert (night["tib_min"], night["tst_min"], night["se_pct"]) == (480, 400, 83.3)


def test_empty_fields_say_not_enough_to_work_out(cli) -> None:  # noqa: ANN001
    ran = cli("log", "sleep", "--bed", "23:00", "--quality", "very-poor")
    assert ran.code == 0, ran.err
    assert "time asleep not enough to work out" in ran.out
    night = json.loads(cli("show", "sleep", "--json").out)[0]
    assert (night["tib_min"], night["tst_min"], night["se_pct"]) == (None, None, None)


@pytest.mark.parametrize(("args", "words"), [
    (["--tried", "23:00", "--woke", "06:00", "--latency", "30", "--awakenings", "3",
      "--waso", "400"], "plus minutes awake in the night (400)"),
    (["--bed", "23:00", "--tried", "01:00", "--woke", "00:30", "--up", "07:00"],
     "'Final awakening' (00:30) comes before 'tried to sleep' (01:00)"),
    (["--bed", "22:00", "--tried", "23:00", "--woke", "06:00", "--up", "22:30"],
     "a night can be at most 24 hours"),
    (["--latency", "-5"], "cannot be below 0"),
    (["--waso", "ten"], "must be a number written in digits"),
    (["--bed", "25:00"], "Hours go 00 to 23"),
    (["--quality", "meh"], "very-poor, poor, fair, good, very-good"),
    (["--date", "2026-11-22", "--bed", "22:00"], "in the future"),
])
def test_impossible_nights_exit_2_and_store_nothing(cli, data_dir: Path, args: list[str],  # noqa: ANN001
                                                    words: str) -> None:
    cli("log", "pain", "5")
    before = folder_bytes(data_dir)
    ran = cli("log", "sleep", *args)
    assert ran.code == 2
    assert words in ran.err
    assert "Traceback" not in ran.err and ran.out == ""
    assert folder_bytes(data_dir) == before


def test_second_night_for_a_morning_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    first = cli("log", "sleep", *NIGHT)
    before = folder_bytes(data_dir)
    ran = cli("log", "sleep", "--date", "2026-11-21", "--bed", "23:00")
    assert ran.code == 2 and "already a night logged" in ran.err
    assert first.out.split("(id ")[1][:8] in ran.err
    assert folder_bytes(data_dir) == before


def test_edit_delete_undo(cli) -> None:  # noqa: ANN001
    cli("log", "sleep", *NIGHT)
    night_id = json.loads(cli("show", "sleep", "--json").out)[0]["id"]
    ran = cli("edit", "sleep", night_id[:6], "woke=06:20", "waso=0", "awakenings=0")
    assert ran.code == 0, ran.err
    night = json.loads(cli("show", "sleep", "--json").out)[0]
    # tried 22:45 -> woke 06:20 = 455 - 20 = 435; TIB 480 -> SE 90.625 -> 90.6
    assert (night["tst_min"], night["se_pct"]) == (435, 90.6)
    bad = cli("edit", "sleep", night_id[:6], "up=05:00")
    assert bad.code == 2 and "'Out of bed' (05:00) comes before 'final awakening'" in bad.err
    assert cli("undo").code == 0
    assert json.loads(cli("show", "sleep", "--json").out)[0]["tst_min"] == 395
    assert cli("delete", "sleep", night_id[:6], "--yes").code == 0
    assert json.loads(cli("show", "sleep", "--json").out) == []
    assert cli("undo").code == 0
    assert len(json.loads(cli("show", "sleep", "--json").out)) == 1


def test_week_sentence_after_two_nights(cli) -> None:  # noqa: ANN001
    cli("log", "sleep", *NIGHT)
    ran = cli("log", "sleep", "--date", "2026-11-20", "--bed", "23:00", "--tried", "23:00",
              "--latency", "10", "--awakenings", "0", "--woke", "07:00", "--up", "07:00")
    assert ran.code == 0, ran.err
    # nights: TST 395 and 470, TIB 480 and 480. Mean asleep 432.5 min, shown once, half up:
    # 433 = 7 h 13 min (was 7 h 12 by round()'s ties-to-even). Sleep efficiency over the week:
    # total asleep / total in bed = 865 / 960 = 90.104% -> 90.1% (was "90% of time in bed").
    assert ("Sleep, 15 Nov – 21 Nov: on average 7 h 13 min asleep; sleep efficiency (time "
            "asleep ÷ time in bed) 90.1% from the totals (2 nights logged).") in ran.out


def test_real_process_logs_a_night(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"PACEAPP_NOW": "2026-11-21T09:00"}
    ran = run_paceapp("log", "sleep", *NIGHT, "--quality", "fair", data=data, env=env)
    assert ran.code == 0, ran.err
    assert "82.3%" in ran.out
    bad = run_paceapp("log", "sleep", "--latency", "-1", data=data, env=env)
    assert bad.code == 2 and "below 0" in bad.err and "Traceback" not in bad.err
    shown = run_paceapp("show", "nights", "--json", data=data, env=env)
    assert [n["date"] for n in json.loads(shown.out)] == [date(2026, 11, 21).isoformat()]


def test_demo_data_has_sleep_flares_and_a_plan(cli, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "demo"
    assert cli("demo", "--out", str(out), "--days", "120").code == 0
    nights = json.loads(cli("show", "sleep", "--json", data=out).out)
    assert len(nights) > 80
    for night in nights:
        if night["tst_min"] is not None and night["tib_min"] is not None:
            assert 0 <= night["tst_min"] <= night["tib_min"] <= 24 * 60
            assert 0 <= night["se_pct"] <= 100
    flares = json.loads(cli("show", "flares", "--json", data=out).out)
    assert len(flares) >= 2
    assert all(f["duration_min"] is None or f["duration_min"] > 0 for f in flares)
    plan = cli("flare-plan", data=out)
    assert "First steps" in plan.out and "as my GP prescribed" in plan.out
