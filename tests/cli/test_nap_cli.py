"""`paceapp log nap`, `show naps`, and changing, deleting and undoing a nap from the shell
(issue 17, item 7). A nap is kept apart from the nights. The clock is fixed at Sat 21 Nov 2026
16:00 (GMT); tests run in Europe/London.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp

NIGHT = ["--date", "2026-11-21", "--bed", "22:30", "--tried", "22:45", "--latency", "20",
         "--awakenings", "2", "--waso", "30", "--woke", "06:10", "--up", "06:30"]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00")


def naps(cli) -> list[dict]:  # noqa: ANN001
    ran = cli("show", "naps", "--json")
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def test_log_a_nap_with_an_end_then_show_it(cli) -> None:  # noqa: ANN001
    ran = cli("log", "nap", "--start", "14:00", "--end", "15:10", "--note", "after the bus")
    assert ran.code == 0, ran.err
    assert "Saved: nap Sat 21 Nov 14:00 to 15:10 (1 h 10 min)" in ran.out
    assert "apart from the nights" in ran.out
    [nap] = naps(cli)
    assert nap["kind"] == "nap" and nap["minutes"] == 70
    assert nap["started"] == "2026-11-21T14:00:00+00:00"
    assert nap["ended"] == "2026-11-21T15:10:00+00:00" and nap["note"] == "after the bus"
    table = cli("show", "naps").out
    assert "Sat 21 Nov" in table and "14:00-15:10" in table and "1 h 10 min" in table
    assert cli("show", "nap").out == table  # one nap, or naps: the same list


def test_minutes_instead_of_an_end_and_the_week_line(cli) -> None:  # noqa: ANN001
    assert cli("log", "nap", "--start", "yesterday 13:30", "--minutes", "40").code == 0
    ran = cli("log", "nap", "--start", "12:15", "--minutes", "45")
    assert ran.code == 0, ran.err
    assert "nap Sat 21 Nov 12:15 to 13:00 (45 min)" in ran.out
    assert "Naps in the last 7 days: 2, 1 h 25 min in all." in ran.out   # 40 + 45 = 85
    assert [n["minutes"] for n in naps(cli)] == [40, 45]


def test_a_nap_across_the_spring_clock_change_is_real_time(cli) -> None:  # noqa: ANN001
    # Sun 29 Mar 2026: 00:40 GMT (00:40 UTC) to 02:10 BST (01:10 UTC) is 30 min
    ran = cli("log", "nap", "--start", "2026-03-29T00:40", "--end", "02:10")
    assert ran.code == 0, ran.err
    assert "(30 min)" in ran.out
    ran = cli("log", "nap", "--start", "2026-03-30T23:50", "--end", "00:20")  # over midnight
    assert ran.code == 0, ran.err
    assert [(n["minutes"], n["ended"]) for n in naps(cli)] == [
        (30, "2026-03-29T02:10:00+01:00"), (30, "2026-03-31T00:20:00+01:00")]


def test_a_time_in_the_repeated_hour_is_asked_about(cli) -> None:  # noqa: ANN001
    ran = cli("log", "nap", "--start", "2026-10-25T00:30", "--end", "01:30")
    assert ran.code == 2 and "happened twice" in ran.err and "--end '01:30 second'" in ran.err
    ran = cli("log", "nap", "--start", "2026-10-25T00:30", "--end", "01:30 second")
    assert ran.code == 0, ran.err
    assert naps(cli)[0]["minutes"] == 120   # 00:30 BST (23:30 UTC) to 01:30 GMT (01:30 UTC)


@pytest.mark.parametrize(("args", "words"), [
    ([], "Say when the nap started"),
    (["--start", "14:00"], "Say when the nap ended"),
    (["--start", "14:00", "--end", "15:00", "--minutes", "60"], "one of the two"),
    (["--start", "14:00", "--end", "13:00", "--note", "x"], "a nap can be at most 6 h 00 min"),
    (["--start", "2026-11-20T14:00", "--end", "2026-11-20T14:00"], "must be after its start"),
    (["--start", "09:00", "--end", "15:01"], "a nap can be at most 6 h 00 min"),
    (["--start", "09:00", "--minutes", "361"], "at most 360 minutes"),
    (["--start", "09:00", "--minutes", "0"], "at least 1 minute"),
    (["--start", "09:00", "--minutes", "ten"], "must be a number written in digits"),
    (["--start", "15:30", "--end", "16:30"], "Sat 21 Nov 16:30 is in the future"),
    (["--start", "17:00", "--end", "17:30"], "Sat 21 Nov 17:00 is in the future"),
    (["--start", "14:00", "--end", "soon"], "--end: 'soon' is not a date or time"),
    (["--start", "yesterday 25:00", "--end", "15:00"], "Hours go 00 to 23"),
    (["--start", "2026-03-29T00:40", "--end", "01:30"], "did not happen"),
    (["--start", "2026-03-29T01:30", "--end", "03:00"], "did not happen"),
    # inside the night logged first (into bed 22:30 on the 20th, out of bed 06:30)
    (["--start", "2026-11-21T06:00", "--end", "07:00"], "overlaps the night to Sat 21 Nov"),
    # over the nap logged first (13:00 to 13:30)
    (["--start", "12:50", "--end", "13:10"], "overlaps another nap Sat 21 Nov 13:00 to 13:30"),
])
def test_impossible_naps_exit_2_and_store_nothing(cli, data_dir: Path, args: list[str],  # noqa: ANN001
                                                  words: str) -> None:
    assert cli("log", "sleep", *NIGHT).code == 0
    assert cli("log", "nap", "--start", "13:00", "--end", "13:30").code == 0
    before = folder_bytes(data_dir)
    ran = cli("log", "nap", *args)
    assert ran.code == 2, ran.out
    assert words in ran.err
    assert "Traceback" not in ran.err and ran.out == ""
    assert folder_bytes(data_dir) == before


def test_a_night_that_covers_a_nap_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "nap", "--start", "yesterday 23:00", "--end", "23:40").code == 0
    before = folder_bytes(data_dir)
    ran = cli("log", "sleep", *NIGHT)   # into bed 22:30 the evening before
    assert ran.code == 2 and "covers a nap Fri 20 Nov 23:00 to 23:40" in ran.err
    assert folder_bytes(data_dir) == before


def test_edit_delete_undo(cli) -> None:  # noqa: ANN001
    assert cli("log", "nap", "--start", "14:00", "--end", "15:10").code == 0
    nap_id = naps(cli)[0]["id"]
    ran = cli("edit", "nap", nap_id[:6], "ended=2026-11-21T15:40", "note=much better")
    assert ran.code == 0, ran.err
    assert [(n["minutes"], n["note"]) for n in naps(cli)] == [(100, "much better")]
    bad = cli("edit", "nap", nap_id[:6], "ended=2026-11-21T13:00")
    assert bad.code == 2 and "must be after its start" in bad.err
    assert cli("edit", "nap", nap_id[:6], "ended=2026-11-21T20:00").code == 2  # 6 h 00 ok, future
    assert cli("undo").code == 0
    assert naps(cli)[0]["minutes"] == 70
    assert cli("delete", "nap", nap_id[:6], "--yes").code == 0
    assert naps(cli) == []
    assert cli("undo").code == 0
    assert len(naps(cli)) == 1


def test_an_edit_that_moves_a_nap_into_a_night_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "sleep", *NIGHT).code == 0
    assert cli("log", "nap", "--start", "14:00", "--end", "15:10").code == 0
    nap_id = naps(cli)[0]["id"]
    before = folder_bytes(data_dir)
    ran = cli("edit", "nap", nap_id[:6], "started=2026-11-21T06:00", "ended=2026-11-21T07:00")
    assert ran.code == 2 and "overlaps the night to Sat 21 Nov" in ran.err
    assert folder_bytes(data_dir) == before


def test_show_naps_days_and_empty(cli) -> None:  # noqa: ANN001
    assert cli("show", "naps").out.strip() == "No naps logged yet."
    cli("log", "nap", "--start", "2026-11-10T14:00", "--end", "14:30")
    cli("log", "nap", "--start", "14:00", "--end", "14:20")
    assert [n["minutes"] for n in json.loads(cli("show", "naps", "--days", "7", "--json").out)] \
        == [20]
    today = cli("show", "naps", "--days", "1").out
    assert "14:00-14:20" in today and "Tue 10 Nov" not in today


def test_naps_do_not_appear_among_the_nights(cli) -> None:  # noqa: ANN001
    cli("log", "sleep", *NIGHT)
    before = cli("show", "sleep", "--json").out
    cli("log", "nap", "--start", "14:00", "--end", "15:10")
    assert cli("show", "sleep", "--json").out == before


def test_real_process_logs_a_nap(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"PACEAPP_NOW": "2026-11-21T16:00"}
    ran = run_paceapp("log", "nap", "--start", "14:00", "--minutes", "50", data=data, env=env)
    assert ran.code == 0, ran.err
    assert "(50 min)" in ran.out
    bad = run_paceapp("log", "nap", "--start", "14:00", "--end", "13:59", data=data, env=env)
    assert bad.code == 2 and "at most 6 h" in bad.err and "Traceback" not in bad.err
    shown = run_paceapp("show", "naps", "--json", data=data, env=env)
    assert [n["minutes"] for n in json.loads(shown.out)] == [50]
