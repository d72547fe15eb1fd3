"""Tab completion of backup names for `paceapp data restore BACKUP`: right names, quick, and
never a traceback (no data folder, no backups folder, a file where the folder should be)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from paceapp.cli.root import build_cli

NAMES = ["2026-11-28", "2026-11-30", "2026-12-01", "2026-12-01T101500-before-restore"]


def make_backups(data: Path, names: list[str]) -> None:
    for name in names:
        (data / "backups" / name).mkdir(parents=True)
        (data / "backups" / name / "pain-2026.json").write_text("not even json")  # never read
    (data / "backups" / ".2026-12-02.partial").mkdir()  # an unfinished copy: not offered
    (data / "backups" / "notes").mkdir()  # not a backup
    (data / "backups" / "2026-12-03").write_text("a file, not a backup folder")


def complete(args: list[str], incomplete: str) -> list[str]:
    shell = ShellComplete(build_cli(), {}, "paceapp", "_PACEAPP_COMPLETE")
    return [item.value for item in shell.get_completions(args, incomplete)]


def test_backup_names_newest_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_backups(data, NAMES)
    args = ["--data-dir", str(data), "data", "restore"]
    assert complete(args, "") == sorted(NAMES, reverse=True)
    assert complete(args, "2026-12") == ["2026-12-01T101500-before-restore", "2026-12-01"]
    assert complete(args, "2026-12-01T") == ["2026-12-01T101500-before-restore"]
    assert complete(args, "zzz") == []


def test_the_data_folder_comes_from_the_environment_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "elsewhere"
    make_backups(data, NAMES[:1])
    monkeypatch.setenv("PACEAPP_DATA_DIR", str(data))
    assert complete(["data", "restore"], "") == NAMES[:1]


@pytest.mark.parametrize("state", ["no folder", "no backups", "backups is a file", "bad name"])
def test_nothing_to_offer_is_no_names_not_a_crash(tmp_path: Path, state: str) -> None:
    data = tmp_path / "data"
    if state == "no backups":
        (data / "records").mkdir(parents=True)
    elif state == "backups is a file":
        data.mkdir()
        (data / "backups").write_text("x")
    folder = str(data) if state != "bad name" else "x" * 5000
    assert complete(["--data-dir", folder, "data", "restore"], "") == []


def test_many_backups_complete_quickly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_backups(data, [f"2026-01-01T{n:06d}-before-import" for n in range(600)])
    start = time.perf_counter()
    names = complete(["--data-dir", str(data), "data", "restore"], "2026")
    assert len(names) == 600
    assert time.perf_counter() - start < 1.0  # a folder listing: no data file is opened


def test_bash_completion_in_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_backups(data, NAMES)
    env = {**os.environ, "_PACEAPP_COMPLETE": "bash_complete",
           "COMP_WORDS": f"paceapp --data-dir {data} data restore 2026-11",
           "COMP_CWORD": "5"}
    ran = subprocess.run([sys.executable, "-m", "paceapp"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["plain,2026-11-30", "plain,2026-11-28"]
    assert ran.stderr == ""
    missing = subprocess.run([sys.executable, "-m", "paceapp"], capture_output=True, text=True,
                             timeout=60, env={**env, "COMP_WORDS": "paceapp --data-dir "
                                              f"{tmp_path / 'none'} data restore "})
    assert missing.returncode == 0 and missing.stdout.strip() == "" and missing.stderr == ""
