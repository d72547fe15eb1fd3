"""`paceapp log day`, `log day-activities`, and showing, changing, deleting and undoing a day record
from the shell (issue 20 item 1). The clock is fixed at Sat 21 Nov 2026 16:00."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00")


def days(cli) -> list[dict]:  # noqa: ANN001
    ran = cli("show", "days", "--json")
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def test_log_a_bad_day_with_hard_activities_then_show_it(cli) -> None:  # noqa: ANN001
    ran = cli("log", "day", "bad", "--hard", "Dressing=help:my partner did my buttons",
              "--hard", "preparing food=couldn't", "--note", "a flare day")
    assert ran.code == 0, ran.err
    assert "Saved: day record for Sat 21 Nov: a bad day" in ran.out
    assert "Dressing (needed help)" in ran.out and "Preparing food (could not)" in ran.out
    [day] = days(cli)
    assert day["kind"] == "day" and day["date"] == "2026-11-21" and day["rating"] == "bad"
    assert day["hard"] == [
        {"activity": "Dressing", "how": "help", "words": "my partner did my buttons"},
        {"activity": "Preparing food", "how": "could-not", "words": ""}]
    assert day["note"] == "a flare day" and day["hard_count"] == 2
    table = cli("show", "day").out
    assert "Sat 21 Nov 2026" in table and "bad" in table and "Dressing: needed help" in table


def test_a_rating_alone_and_another_date(cli) -> None:  # noqa: ANN001
    assert cli("log", "day", "so-so", "--date", "yesterday").code == 0
    assert cli("log", "day", "good", "--date", "Thu").code == 0
    assert [(d["date"], d["rating"], d["hard"]) for d in days(cli)] == [
        ("2026-11-19", "good", []), ("2026-11-20", "so-so", [])]


@pytest.mark.parametrize("args, words", [
    (["meh"], "good, so-so or bad"),
    (["bad", "--hard", "Dressing=fine"], "could not (or: couldn't"),
    (["bad", "--hard", "Dressing"], "ACTIVITY=HOW"),
    (["bad", "--hard", "Gardening=help"], "day-activities --add"),
    (["bad", "--date", "tomorrow"], "future"),
    (["bad", "--date", "31/02"], ""),
    (["bad", "--hard", "Dressing=help", "--hard", "dressing=slowly"], "twice"),
    ([], "how the day was"),
])
def test_bad_input_exits_2_and_changes_nothing(cli, data_dir: Path, args: list[str],  # noqa: ANN001
                                               words: str) -> None:
    assert cli("log", "day", "good", "--date", "yesterday").code == 0
    before = folder_bytes(data_dir)
    ran = cli("log", "day", *args)
    assert ran.code == 2, ran.out
    assert words in ran.err and "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def test_a_second_record_for_a_date_is_refused_with_how_to_change_it(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "day", "bad").code == 0
    [first] = days(cli)
    before = folder_bytes(data_dir)
    ran = cli("log", "day", "good", "--hard", "Reading=slowly")
    assert ran.code == 2
    assert f"paceapp edit day {first['id'][:8]}" in ran.err
    assert folder_bytes(data_dir) == before


def test_edit_delete_and_undo_a_day(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "day", "bad", "--hard", "Dressing=help").code == 0
    assert cli("log", "day", "good", "--date", "yesterday").code == 0
    today = next(d for d in days(cli) if d["date"] == "2026-11-21")
    short = today["id"][:8]
    ran = cli("edit", "day", short, "rating=so-so",
              'hard=Eating=slowly:tired arms, again; Dressing=could not')
    assert ran.code == 0, ran.err
    edited = next(d for d in days(cli) if d["id"] == today["id"])
    assert edited["rating"] == "so-so" and edited["hard"] == [
        {"activity": "Eating and drinking", "how": "slowly", "words": "tired arms, again"},
        {"activity": "Dressing", "how": "could-not", "words": ""}]
    # moving it onto a date that has one, an unknown way, or the future: refused, unchanged
    before = folder_bytes(data_dir)
    for change in ("date=yesterday", "hard=Dressing=meh", "date=tomorrow", "rating=meh"):
        ran = cli("edit", "day", short, change)
        assert ran.code == 2, (change, ran.out)
        assert "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before
    assert cli("undo").code == 0
    assert next(d for d in days(cli) if d["id"] == today["id"])["rating"] == "bad"
    assert cli("delete", "day", short, "--yes").code == 0
    assert [d["date"] for d in days(cli)] == ["2026-11-20"]
    assert cli("undo").code == 0
    assert [d["date"] for d in days(cli)] == ["2026-11-20", "2026-11-21"]


def test_edit_hard_to_nothing(cli) -> None:  # noqa: ANN001
    assert cli("log", "day", "bad", "--hard", "Dressing=help").code == 0
    [day] = days(cli)
    assert cli("edit", "day", day["id"][:8], "hard=").code == 0
    assert days(cli)[0]["hard"] == []


def test_choosing_the_list_of_activities(cli, data_dir: Path) -> None:  # noqa: ANN001
    ran = cli("log", "day-activities")
    assert ran.code == 0 and "not chosen" in ran.out and "Preparing food" in ran.out
    ran = cli("log", "day-activities", "--add", "Walking the dog", "--remove", "work")
    assert ran.code == 0, ran.err
    assert "Walking the dog" in ran.out and "Work or caring" not in ran.out
    assert cli("log", "day", "bad", "--hard", "walking=slowly:only to the gate").code == 0
    assert days(cli)[0]["hard"][0]["activity"] == "Walking the dog"
    assert cli("log", "day-activities", "--set", "Dressing; Reading").code == 0
    assert "Walking the dog" not in cli("log", "day-activities").out
    before = folder_bytes(data_dir)
    for args in (["--set", " ; "], ["--remove", "Gardening"], ["--everyday", "--set", "A"]):
        ran = cli("log", "day-activities", *args)
        assert ran.code == 2 and "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before
    # a day logged before the list changed keeps its activity
    assert days(cli)[0]["hard"][0]["activity"] == "Walking the dog"
    assert cli("undo").code == 0
    assert "Walking the dog" in cli("log", "day-activities").out
    assert "Preparing food" in cli("log", "day-activities", "--everyday").out
