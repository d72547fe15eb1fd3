"""Logging pain and PEG from the shell, and what happens with wrong input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp


def test_log_pain_then_show_json_lists_it_with_id_and_time(cli, data_dir: Path) -> None:
    logged = cli("log", "pain", "6", "--note", "stairs")
    assert logged.code == 0, logged.err
    assert "Saved: pain 6/10" in logged.out
    shown = cli("show", "pain", "--json")
    records = json.loads(shown.out)
    assert len(records) == 1
    assert records[0]["score"] == 6 and records[0]["note"] == "stairs"
    assert len(records[0]["id"]) == 36 and records[0]["at"].endswith(("+00:00", "+01:00"))


@pytest.mark.parametrize("args", [
    ("log", "pain", "11"),
    ("log", "pain", "six"),
    ("log", "pain", "3", "--at", "2026-13-01"),
    ("log", "pain", "-1"),
    ("log", "pain", "5", "--at", "tomorrow"),
    ("log", "peg", "5", "5", "11"),
    ("log", "peg", "5", "x", "5"),
])
def test_wrong_input_exits_2_with_one_line_and_changes_nothing(cli, data_dir: Path, args) -> None:
    cli("log", "pain", "4")
    before = folder_bytes(data_dir)
    result = cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert folder_bytes(data_dir) == before


def test_wrong_input_in_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_paceapp("log", "pain", "11", data=data)
    assert result.code == 2
    assert result.err.strip() == "The pain score must be from 0 to 10; 11 is outside that."
    assert not data.exists()  # nothing was even created


def test_log_at_a_past_time(cli) -> None:
    assert cli("log", "pain", "3", "--at", "yesterday 21:00").code == 0
    record = json.loads(cli("show", "pain", "--json").out)[0]
    assert "T21:00:00" in record["at"]


def test_peg_prints_the_score(cli) -> None:
    result = cli("log", "peg", "4", "4", "5")
    assert result.code == 0
    assert "PEG 4.3" in result.out
    assert json.loads(cli("show", "peg", "--json").out)[0]["score"] == 4.3


def test_show_days_limits_the_period(cli) -> None:
    cli("log", "pain", "2", "--at", "2020-01-01T10:00")
    cli("log", "pain", "7")
    assert [r["score"] for r in json.loads(cli("show", "pain", "--days", "7", "--json").out)] == [7]
    assert len(json.loads(cli("show", "pain", "--json").out)) == 2


def test_show_on_an_empty_folder_is_kind_and_creates_nothing(cli, data_dir: Path) -> None:
    result = cli("show", "pain")
    assert result.code == 0
    assert "No pain scores logged yet" in result.out
    assert not data_dir.exists()


def test_truncated_data_file_every_command_exits_1_and_names_the_backup(cli, data_dir: Path) -> None:
    cli("log", "pain", "4")
    cli("log", "pain", "5")
    target = data_dir / "records" / "pain-2026.json"
    if not target.exists():  # the test may run in another year
        target = next((data_dir / "records").glob("pain-*.json"))
    # The second log took the day's backup (of the state after the first log).
    (backup,) = [p for p in (data_dir / "backups").iterdir()]
    assert (backup / target.name).exists()
    payload = target.read_bytes()
    target.write_bytes(payload[: len(payload) // 2])
    before = folder_bytes(data_dir)
    for args in (("log", "pain", "3"), ("show", "pain"), ("show", "peg", "--json"), ("undo",),
                 ("log", "peg", "1", "2", "3")):
        result = cli(*args)
        assert result.code == 1, args
        assert str(target) in result.err
        assert f"paceapp data restore {backup.name}" in result.err
        assert "Traceback" not in result.err
    assert folder_bytes(data_dir) == before
