"""The on-disk guarantees: atomic files, privacy, backups, damaged and newer files."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.core.pain import PainEntry
from paceapp.store.errors import CorruptFileError, NewerFormatError
from paceapp.store.folder import DAILY_BACKUPS_KEPT, DataFolder
from paceapp.store.journal import Journal
from paceapp.store.storage import SafeJSONStorage, looks_complete


def pain(score: int = 5, day: date = date(2026, 11, 21)) -> PainEntry:
    return PainEntry(at=datetime(day.year, day.month, day.day, 9).astimezone(), score=score)


def test_files_are_private_and_complete(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(pain())
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    for path in (data_dir / "records").iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
        assert looks_complete(path)
        assert path.read_bytes().count(b"\n") == 1
    assert not list((data_dir / "records").glob(".*.tmp"))


def test_write_without_the_lock_is_refused(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path)
    folder.ensure()
    storage = SafeJSONStorage(folder.records / "x.json", folder)
    with pytest.raises(RuntimeError, match="without holding the lock"):
        storage.write({"x": {}})


def test_a_second_journal_sees_changes_made_by_the_first(data_dir: Path) -> None:
    tui = Journal.open(data_dir)
    assert tui.list(PainEntry) == []  # caches the (empty) state
    Journal.open(data_dir).add(pain(3))
    tui.add(pain(4))  # must re-read, not overwrite the other write
    assert sorted(e.score for e in Journal.open(data_dir).list(PainEntry)) == [3, 4]


def test_truncated_file_is_reported_with_backup_and_left_untouched(data_dir: Path) -> None:
    days = iter([date(2026, 11, 20), date(2026, 11, 21)])
    clock = {"today": next(days)}
    journal = Journal.open(data_dir, today=lambda: clock["today"])
    journal.add(pain(3))
    clock["today"] = next(days)
    journal.add(pain(4))  # first write of the 21st: backs up the 20th's state first
    target = data_dir / "records" / "pain-2026.json"
    payload = target.read_bytes()
    target.write_bytes(payload[: len(payload) // 2])
    broken = target.read_bytes()
    with pytest.raises(CorruptFileError) as caught:
        Journal.open(data_dir)
    message = str(caught.value)
    assert str(target) in message
    assert "2026-11-21" in message and "paceapp data restore 2026-11-21" in message
    assert target.read_bytes() == broken


def test_garbage_that_ends_like_a_file_is_caught_when_read(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(pain())
    target = data_dir / "records" / "pain-2026.json"
    target.write_bytes(b'{"pain": nonsense}\n')
    with pytest.raises(CorruptFileError, match="not valid JSON"):
        Journal.open(data_dir).list(PainEntry)
    with pytest.raises(CorruptFileError):
        Journal.open(data_dir).add(pain())
    assert target.read_bytes() == b'{"pain": nonsense}\n'


def test_wrong_record_shape_is_reported_not_crashed(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(pain())
    target = data_dir / "records" / "pain-2026.json"
    data = json.loads(target.read_bytes())
    data["pain"]["1"]["score"] = "high"
    target.write_text(json.dumps(data) + "\n")
    with pytest.raises(CorruptFileError, match="whole number"):
        Journal.open(data_dir).list(PainEntry)


def test_newer_format_is_refused_and_not_changed(data_dir: Path) -> None:
    Journal.open(data_dir).add(pain())
    meta = data_dir / "records" / "_meta.json"
    meta.write_text('{"meta":{"1":{"schema":99}}}\n')
    with pytest.raises(NewerFormatError, match="newer paceapp"):
        Journal.open(data_dir)
    assert meta.read_text() == '{"meta":{"1":{"schema":99}}}\n'


def test_daily_backups_are_taken_once_a_day_and_bounded(data_dir: Path) -> None:
    clock = {"today": date(2026, 1, 1)}
    journal = Journal.open(data_dir, today=lambda: clock["today"])
    journal.add(pain(1))
    for n in range(1, DAILY_BACKUPS_KEPT + 5):
        clock["today"] = date(2026, 1, 1) + timedelta(days=n)
        journal.add(pain(n % 11))
        journal.add(pain(n % 11))
    backups = journal.folder.list_backups()
    assert len(backups) == DAILY_BACKUPS_KEPT
    newest = backups[0]
    assert newest.name == clock["today"].isoformat()
    # The newest backup holds the state before that day's first write.
    snapshot = json.loads((newest.path / "pain-2026.json").read_bytes())
    assert len(snapshot["pain"]) == 1 + 2 * (DAILY_BACKUPS_KEPT + 3)


def test_backup_is_a_snapshot_not_a_live_view(data_dir: Path) -> None:
    clock = {"today": date(2026, 1, 1)}
    journal = Journal.open(data_dir, today=lambda: clock["today"])
    journal.add(pain(1))
    clock["today"] = date(2026, 1, 2)
    journal.add(pain(2))
    backup = journal.folder.list_backups()[0]
    before = (backup.path / "pain-2026.json").read_bytes()
    journal.add(pain(3))
    assert (backup.path / "pain-2026.json").read_bytes() == before


def test_never_writes_over_a_device_or_a_link(tmp_path: Path) -> None:
    from paceapp.store.errors import WriteFailedError
    from paceapp.store.storage import atomic_write

    target = tmp_path / "real.json"
    target.write_text("keep")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(WriteFailedError, match="not an ordinary file"):
        atomic_write(link, b"{}\n")
    assert link.is_symlink() and target.read_text() == "keep"
    with pytest.raises(WriteFailedError, match="not an ordinary file"):
        atomic_write(Path("/dev/null"), b"{}\n")
    assert Path("/dev/null").is_char_device()
