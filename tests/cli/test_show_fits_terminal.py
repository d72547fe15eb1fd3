"""`paceapp show` fits the terminal it prints to, whatever is in the notes; kinds and ids complete
in the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner

from paceapp.cli.root import build_cli
from tests.conftest import folder_bytes, run_paceapp
from tests.outputs.table_layout import read_table, rows_by_first_column, squeeze, widest

NOTES = [
    "stiff first thing 😀 痛みがひどい after the bus 🚌 (バス) then a rest",
    "cafe\u0301 with Zoë\u200b, x\u0301y\u0302 marks and the 👨\u200d👩\u200d👧 grandchildren, "
    "漢字漢字漢字漢字漢字漢字漢字漢字",
    " ".join(["a very long note about a hard day, written slowly"] * 12),
    "",
]
WHERE = ["neck and shoulders", "腰", "", "lower back"]


@pytest.fixture
def notes_folder(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T10:30")
    for hour, (note, where) in enumerate(zip(NOTES, WHERE, strict=True), start=6):
        result = cli("log", "pain", str(hour - 4), "--at", f"{hour}:15", "--note", note, "--where", where)
        assert result.code == 0, result.err
    return data_dir


def test_the_notes_keep_their_awkward_characters(notes_folder: Path, cli) -> None:
    """(So the tests here do meet zero-width and combining characters, not only their NFC forms.)"""
    note = stored(cli)[1]["note"]
    assert "\u200b" in note and "x\u0301" in note and "\u200d" in note


def stored(cli) -> list[dict]:
    return json.loads(cli("show", "pain", "--json").out)


def check_table(out: str, width: int, records: list[dict]) -> None:
    """No line wider than `width` cells, columns at the same cell offset on every line, and every
    record's text all there."""
    assert widest(out) <= width, out
    headings, body = read_table(out)
    assert headings == ["id", "when", "pain", "where", "note"]
    rows = rows_by_first_column(body)
    assert [row[0] for row in rows] == [r["id"][:8] for r in records]
    for row, record in zip(rows, records, strict=True):
        assert row[2] == f"{record['score']}/10"
        assert squeeze(row[3]) == squeeze(record["where"])
        assert squeeze(row[4]) == squeeze(record["note"])


@pytest.mark.parametrize("columns", [50, 64, 120])
def test_show_in_a_real_process_fits_columns(notes_folder: Path, cli, columns: int) -> None:
    result = run_paceapp("show", "pain", data=notes_folder,
                         env={"COLUMNS": str(columns), "PACEAPP_NOW": "2026-11-21T10:30"})
    assert result.code == 0, result.err
    check_table(result.out, columns, stored(cli))
    assert widest(result.out) == columns  # the long note uses the room there is


def test_show_through_click_runner_with_columns(notes_folder: Path, cli) -> None:
    runner = CliRunner()
    result = runner.invoke(build_cli(), ["--data-dir", str(notes_folder), "show", "pain"],
                           env={"COLUMNS": "50"})
    assert result.exit_code == 0, result.output
    check_table(result.stdout, 50, stored(cli))


def test_piped_output_without_columns_is_80_wide(notes_folder: Path, cli,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a pipe here (not a terminal), and COLUMNS is not set: 80."""
    monkeypatch.delenv("COLUMNS", raising=False)
    result = run_paceapp("show", "pain", data=notes_folder, env={"PACEAPP_NOW": "2026-11-21T10:30"})
    assert result.code == 0, result.err
    check_table(result.out, 80, stored(cli))
    assert widest(result.out) == 80


def test_a_tiny_window_still_gets_40_and_every_word(notes_folder: Path, cli,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "12")
    out = cli("show", "pain").out
    assert widest(out) <= 40
    for record in stored(cli):  # as saved (the accent joined to its letter)
        assert record["id"][:8] in out and squeeze(record["note"]) in squeeze(out)


def test_show_starts_without_rich_console(tmp_path: Path) -> None:
    """rich.cells is small; rich.console (and its dependencies) are not loaded to print a table,
    and logging loads no Rich at all."""
    code = ("import sys\nfrom paceapp.cli import main\n"
            f"main(['--data-dir', {str(tmp_path / 'd')!r}, *sys.argv[1:]])\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('rich'))), file=sys.stderr)")
    env = {**os.environ, "PACEAPP_NOW": "2026-11-21T10:30"}
    def rich_loaded(*args: str) -> set[str]:
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                              env=env, check=True)
        return set(proc.stderr.split())

    assert rich_loaded("log", "pain", "5", "--note", "😀") == set()
    shown = rich_loaded("show", "pain")
    assert "rich.cells" in shown
    assert {m for m in shown if not m.startswith("rich._")} == {"rich", "rich.cells"}, shown


# -- shell completion --------------------------------------------------------------------------
def completions(data: Path | None, args: list[str], incomplete: str) -> list[tuple[str, str]]:
    root = ["--data-dir", str(data)] if data is not None else []
    complete = ShellComplete(build_cli(), {}, "paceapp", "_PACEAPP_COMPLETE")
    return [(item.value, item.help or "") for item in complete.get_completions(root + args, incomplete)]


@pytest.mark.parametrize("command", [["show"], ["edit"], ["delete"]])
def test_kinds_complete(command: list[str], tmp_path: Path) -> None:
    names = [value for value, _ in completions(tmp_path, command, "")]
    assert {"pain", "sleep", "flare", "activity", "goal", "gp"} <= set(names)
    assert "settings" not in names  # one of a kind: not listed, edited or deleted by id
    assert completions(tmp_path, command, "sl") == [("sleep", "sleep diary night")]
    assert [v for v, _ in completions(tmp_path, command, "FL")] == ["flare"]
    assert [v for v, _ in completions(tmp_path, command, "appoint")] == ["appointment", "appointments"]
    assert completions(tmp_path, command, "zz") == []


@pytest.mark.parametrize("command", ["edit", "delete"])
def test_ids_complete_from_the_data_newest_first(notes_folder: Path, cli, command: str) -> None:
    ids = [r["id"][:8] for r in stored(cli)]
    before = folder_bytes(notes_folder)
    offered = completions(notes_folder, [command, "pain"], "")
    assert [value for value, _ in offered] == ids[::-1]
    assert all(help_text.startswith("pain score") for _, help_text in offered)
    first = ids[0]
    assert first in [v for v, _ in completions(notes_folder, [command, "pain"], first[:3])]
    assert all(v.startswith(first[:3]) for v, _ in completions(notes_folder, [command, "pain"], first[:3]))
    assert completions(notes_folder, [command, "sleep"], "") == []
    assert completions(notes_folder, [command, "moods"], "") == []
    assert folder_bytes(notes_folder) == before  # completing only reads


def test_ids_complete_to_nothing_without_a_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert completions(missing, ["edit", "pain"], "") == []
    assert not missing.exists()


def test_completion_through_the_installed_command(notes_folder: Path, cli) -> None:
    """What bash runs on TAB (the `_PACEAPP_COMPLETE=bash_complete` protocol)."""
    words = f"paceapp --data-dir {notes_folder} delete pain "
    proc = subprocess.run([sys.executable, "-m", "paceapp"], capture_output=True, text=True,
                          env={**os.environ, "_PACEAPP_COMPLETE": "bash_complete",
                               "COMP_WORDS": words, "COMP_CWORD": "5"}, check=False,
                          timeout=60)  # if the app opened instead, fail rather than wait
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == [f"plain,{r['id'][:8]}" for r in reversed(stored(cli))]
    kinds = subprocess.run([sys.executable, "-m", "paceapp"], capture_output=True, text=True,
                           env={**os.environ, "_PACEAPP_COMPLETE": "bash_complete",
                                "COMP_WORDS": "paceapp show pa", "COMP_CWORD": "2"}, check=False,
                           timeout=60)
    assert kinds.stdout.split() == ["plain,pain"]
