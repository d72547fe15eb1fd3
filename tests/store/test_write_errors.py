"""A write that fails (file too large, disk full, read-only folder, no permission) leaves every old
file byte-identical, says so in plain words, and exits 1.

The file-size limit and the read-only folder are real failures made in a child process without
root: RLIMIT_FSIZE makes the kernel refuse the write with EFBIG (SIGXFSZ ignored). When the tests
run as root, a read-only folder does not stop root, so the child first drops the capabilities that
let root ignore file permissions (CAP_DAC_OVERRIDE and friends) - it is then an ordinary owner.
A full disk cannot be made without root, so ENOSPC is injected at the fsync of the new file.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

CHILD = r"""
import ctypes, os, resource, signal, sys
mode, limit, probe, *args = sys.argv[1:]
if mode == "fsize":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
elif mode == "nocaps" and os.geteuid() == 0:
    libc = ctypes.CDLL(None, use_errno=True)
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]
    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]
    header, data = Header(0x20080522, 0), (Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        sys.exit(77)
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    data[0].effective &= keep
    data[0].permitted &= keep
    data[0].inheritable &= keep
    if libc.capset(ctypes.byref(header), data) != 0:
        sys.exit(77)
if probe:  # is the folder really read-only for us now?
    try:
        open(os.path.join(probe, ".probe"), "w").close()
    except OSError:
        pass
    else:
        os.unlink(os.path.join(probe, ".probe"))
        sys.exit(77)
from paceapp.cli import main
sys.exit(main(args))
"""


def run_child(mode: str, data: Path, *args: str, limit: int = 0, probe: Path | None = None
              ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(limit), str(probe or ""), "--data-dir", str(data),
         *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


@pytest.fixture
def seeded(cli, data_dir: Path) -> Path:  # noqa: ANN001
    for score in ("3", "4", "5"):
        assert cli("log", "pain", score, "--note", "x" * 40).code == 0
    return data_dir


def no_temp_files(root: Path) -> bool:
    return not [p for p in root.rglob("*.tmp")]


def test_file_too_large_leaves_the_old_file(seeded: Path) -> None:
    [pain_file] = (seeded / "records").glob("pain-*.json")
    before = folder_bytes(seeded)
    ran = run_child("fsize", seeded, "log", "pain", "6", limit=pain_file.stat().st_size)
    assert ran.returncode == 1, ran.stderr
    assert "larger than this system allows" in ran.stderr
    assert "Nothing you had saved before was lost" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert folder_bytes(seeded) == before
    assert no_temp_files(seeded)
    assert len(Journal.open(seeded).list(PainEntry)) == 3


def test_file_too_large_during_import_changes_nothing(seeded: Path, tmp_path: Path, cli) -> None:  # noqa: ANN001
    export = tmp_path / "e.json"
    assert cli("data", "export", "--out", str(export)).code == 0
    target = tmp_path / "target"
    assert cli("log", "pain", "1", data=target).code == 0
    before = folder_bytes(target)
    ran = run_child("fsize", target, "data", "import", str(export), "--merge", limit=300)
    assert ran.returncode == 1, ran.stderr + ran.stdout
    assert "larger than this system allows" in ran.stderr and "Traceback" not in ran.stderr
    after = folder_bytes(target)
    assert {k: v for k, v in after.items() if k.startswith("records")} == \
        {k: v for k, v in before.items() if k.startswith("records")}
    assert no_temp_files(target)


@pytest.mark.parametrize("read_only", ["records", "whole folder"])
def test_read_only_folder_leaves_everything(seeded: Path, read_only: str) -> None:
    records = seeded / "records"
    folders = [records] if read_only == "records" else [records, seeded / "backups", seeded]
    before = folder_bytes(seeded)
    for folder in folders:
        folder.chmod(0o500)
    try:
        ran = run_child("nocaps", seeded, "log", "pain", "6", probe=records)
    finally:
        for folder in folders:
            folder.chmod(0o700)
    if ran.returncode == 77:
        pytest.skip("cannot make a folder read-only here (running as root and the capabilities "
                    "that bypass file permissions cannot be dropped)")
    assert ran.returncode == 1, ran.stderr
    assert "not allowed to write there" in ran.stderr
    assert "Nothing you had saved before was lost" in ran.stderr and "Traceback" not in ran.stderr
    assert folder_bytes(seeded) == before


def test_disk_full_when_logging(seeded: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    before = folder_bytes(seeded)
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if os.fstat(fd).st_size:  # a data file, not a folder
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    ran = cli("log", "pain", "7")
    assert ran.code == 1 and "the disk is full" in ran.err
    ran = cli("data", "export", "--format", "csv", "--out", str(seeded.parent / "csv"))
    assert ran.code == 1 and "the disk is full" in ran.err
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert folder_bytes(seeded) == before
    assert no_temp_files(seeded)
    assert cli("log", "pain", "7").code == 0  # and once there is room again, it saves


def test_disk_full_during_restore_keeps_the_live_files(seeded: Path, cli,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    backup = sorted((seeded / "backups").iterdir())[0].name
    live = {p.name: p.read_bytes() for p in (seeded / "records").iterdir()}
    real_fsync = os.fsync
    calls = {"n": 0}

    def full_after_one(fd: int) -> None:
        if os.fstat(fd).st_size:
            calls["n"] += 1
            if calls["n"] > 1:
                raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_after_one)
    ran = cli("data", "restore", backup, "--yes")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert ran.code == 1 and "the disk is full" in ran.err
    assert {p.name: p.read_bytes() for p in (seeded / "records").iterdir()} == live
    assert no_temp_files(seeded)


def test_a_change_lands_whole_or_not_at_all(seeded: Path) -> None:
    """The undo line is appended first, then the record's file is replaced. When the line fits
    under the size limit but the record's file does not, the line is taken back: nothing
    changes, and undo still reverses the last change that was saved."""
    from datetime import datetime, timedelta

    now = datetime.now().astimezone().replace(microsecond=0)
    journal = Journal.open(seeded)
    journal.add_many([PainEntry(at=now - timedelta(minutes=n), score=2, note="y" * 60)
                      for n in range(1, 60)])  # a big file; add_many is not in the undo log
    [pain_file] = (seeded / "records").glob("pain-*.json")
    undo_file = seeded / "records" / "_undo.jsonl"
    assert undo_file.stat().st_size + 600 < pain_file.stat().st_size
    before = folder_bytes(seeded)
    ran = run_child("fsize", seeded, "log", "pain", "9", limit=pain_file.stat().st_size + 20)
    assert ran.returncode == 1, ran.stderr
    assert "Nothing you had saved before was lost" in ran.stderr
    assert folder_bytes(seeded) == before
    assert no_temp_files(seeded)
    done, record = Journal.open(seeded).undo()
    assert (done, record.score) == ("removed", 5)
