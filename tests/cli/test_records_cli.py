"""show / edit / delete / undo from the shell."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import folder_bytes


def only(cli, kind: str = "pain") -> dict:
    records = json.loads(cli("show", kind, "--json").out)
    assert len(records) == 1
    return records[0]


def test_edit_delete_undo_round(cli, data_dir: Path) -> None:
    cli("log", "pain", "6", "--note", "stairs")
    record = only(cli)
    short = record["id"][:8]
    edited = cli("edit", "pain", short, "score=4", "note=after the bus")
    assert edited.code == 0, edited.err
    assert only(cli)["score"] == 4 and only(cli)["note"] == "after the bus"
    refused = cli("delete", "pain", short, input="n\n")
    assert refused.code == 0 and "Kept it" in refused.out
    assert cli("delete", "pain", short, "--yes").code == 0
    assert json.loads(cli("show", "pain", "--json").out) == []
    assert "brought back" in cli("undo").out
    assert only(cli)["score"] == 4
    assert "changed back" in cli("undo").out
    assert only(cli)["score"] == 6
    assert "removed" in cli("undo").out
    assert "nothing to undo" in cli("undo").out


def test_edit_with_bad_values_changes_nothing(cli, data_dir: Path) -> None:
    cli("log", "pain", "6")
    short = only(cli)["id"][:6]
    before = folder_bytes(data_dir)
    for args in (("score=11",), ("score=lots",), ("colour=red",), ("at=2026-02-30",), ()):
        result = cli("edit", "pain", short, *args)
        assert result.code == 2, args
        assert "Traceback" not in result.err
    assert folder_bytes(data_dir) == before


def test_unknown_kind_and_id(cli) -> None:
    cli("log", "pain", "6")
    result = cli("show", "moods")
    assert result.code == 2 and "Try one of" in result.err
    result = cli("delete", "pain", "abcdef12", "--yes")
    assert result.code == 2 and "no pain score" in result.err


def test_version_and_help(cli) -> None:
    assert "paceapp" in cli("--version").out
    help_text = cli("--help").out
    assert "Samaritans 116 123" in help_text and "999" in help_text


def test_edit_checks_rules_across_records(cli, data_dir: Path) -> None:
    cli("log", "flare", "start", "--at", "yesterday 10:00")
    cli("log", "flare", "end", "--at", "yesterday 12:00")
    cli("log", "flare", "start", "--at", "today 00:00")
    ended = [r for r in json.loads(cli("show", "flares", "--json").out) if r["ended"]][0]
    before = folder_bytes(data_dir)
    result = cli("edit", "flare", ended["id"][:8], "ended=")  # would make two open flare-ups
    assert result.code == 2 and "already going" in result.err
    assert folder_bytes(data_dir) == before
