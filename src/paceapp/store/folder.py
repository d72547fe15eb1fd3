"""The data folder: its layout, its lock, and its daily backups.

Layout::

    DATA/
      .lock                    exclusive lock held around every read-modify-write
      records/                 the live data: one tinydb file per kind (per kind and year for
        _meta.json             high-volume kinds), plus the schema version and the undo log
        pain-2026.json ...
      backups/
        2026-11-21/            a snapshot of records/ taken before the first write of that day
        2026-11-21T101500-before-restore/

Snapshots use hard links where the filesystem allows: files are only ever replaced, never changed
in place, so a link keeps the old version exactly and costs no space until the live file changes.

The lock is an operating-system lock taken through ``filelock`` (``flock`` on Linux and macOS,
``LockFileEx`` on Windows), so nothing here needs a POSIX-only module and a lock held by a process
that was killed is let go by the system with it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from paceapp.store.conflicts import is_conflict_copy
from paceapp.store.errors import BusyError, WriteFailedError
from paceapp.store.storage import looks_complete, write_failure_message

if TYPE_CHECKING:
    from filelock import BaseFileLock

    from paceapp.store.storage import SafeJSONStorage

FOLDER_MODE = 0o700
#: How many daily backups to keep (older ones are removed, newest first kept).
DAILY_BACKUPS_KEPT = 14
#: How many "before restore/migrate/import" backups to keep.
EVENT_BACKUPS_KEPT = 5
#: How long to wait for another paceapp to finish saving before saying it is busy.
LOCK_TIMEOUT_S = 15.0
#: How often to try the lock again while waiting.
LOCK_POLL_S = 0.005
LOCK_FILE_MODE = 0o600
BUSY_MESSAGE = "Another paceapp window is busy saving. Please try again in a moment."


@dataclass(frozen=True)
class Backup:
    """One snapshot of the records folder."""

    name: str
    path: Path

    @property
    def day(self) -> date:
        return date.fromisoformat(self.name[:10])

    @property
    def is_daily(self) -> bool:
        return len(self.name) == 10

    def files(self) -> list[Path]:
        return sorted(p for p in self.path.glob("*.json"))


class DataFolder:
    """Paths and locking for one data folder. Creates nothing until asked to write."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser()
        self.records = self.root / "records"
        self.backups = self.root / "backups"
        self.lock_path = self.root / ".lock"
        self._lock: BaseFileLock | None = None
        self._lock_depth = 0
        #: Files changed in the current transaction, written together when it ends.
        self.staging: dict[Path, SafeJSONStorage] | None = None

    # -- creation -------------------------------------------------------------------------
    def ensure(self) -> None:
        """Create the folders (0700) if needed."""
        for folder in (self.root, self.records, self.backups):
            try:
                folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            except OSError as error:
                raise WriteFailedError(write_failure_message(folder / "x", error)) from error
        try:
            os.chmod(self.root, FOLDER_MODE)
        except OSError:
            pass  # not ours to change (e.g. a shared folder); the files are still 0600

    def exists(self) -> bool:
        return self.records.is_dir()

    # -- locking --------------------------------------------------------------------------
    def _os_lock(self) -> BaseFileLock:
        """The folder's operating-system lock object (made on first use).

        ``filelock.FileLock`` is the native lock for the platform: ``flock`` on Linux and macOS,
        ``LockFileEx`` on Windows. Both are held by an open file, so the system lets go of them when
        the process ends however it ends (even ``kill -9``): a crash never leaves the folder locked.
        It is imported here, not at the top, so commands that only read never pay for it.
        ``thread_local=False``: the hold belongs to this folder object, as ``_lock_depth`` does.
        """
        if self._lock is None:
            from filelock import FileLock

            self._lock = FileLock(self.lock_path, mode=LOCK_FILE_MODE, thread_local=False)
        return self._lock

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's exclusive lock (re-entrant within this process).

        Waits up to LOCK_TIMEOUT_S for another paceapp to finish, then raises BusyError.
        """
        if self._lock_depth == 0:
            self.ensure()
            from filelock import Timeout

            lock = self._os_lock()
            try:
                lock.acquire(timeout=LOCK_TIMEOUT_S, poll_interval=LOCK_POLL_S)
            except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
                raise BusyError(BUSY_MESSAGE) from None
            except OSError as error:
                raise WriteFailedError(write_failure_message(self.lock_path, error)) from error
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0 and self._lock is not None:
                self._lock.release()

    def require_lock(self) -> None:
        """Raise unless this process holds the lock (a programming error, not a user error)."""
        if self._lock_depth == 0:
            raise RuntimeError("paceapp bug: a data file was written without holding the lock")

    # -- files ----------------------------------------------------------------------------
    def record_files(self) -> list[Path]:
        if not self.records.is_dir():
            return []
        # Copies a sync tool left after a conflict are not live data (`data check` lists them).
        return sorted(p for p in self.records.iterdir()
                      if p.suffix == ".json" and not p.name.startswith(".")
                      and not is_conflict_copy(p.name))

    def incomplete_files(self) -> list[Path]:
        """Data files that do not end as a complete write does (cheap: two bytes each)."""
        return [p for p in self.record_files() if not looks_complete(p)]

    # -- backups --------------------------------------------------------------------------
    def list_backups(self) -> list[Backup]:
        """Backups, newest first."""
        if not self.backups.is_dir():
            return []
        found = []
        for path in self.backups.iterdir():
            if path.is_dir() and not path.name.startswith("."):
                try:
                    date.fromisoformat(path.name[:10])
                except ValueError:
                    continue
                found.append(Backup(path.name, path))
        return sorted(found, key=lambda b: b.name, reverse=True)

    def newest_good_copy(self, filename: str) -> Backup | None:
        """The newest backup holding a complete copy of `filename`."""
        for backup in self.list_backups():
            candidate = backup.path / filename
            if candidate.exists() and looks_complete(candidate):
                return backup
        return None

    def snapshot(self, name: str) -> Backup | None:
        """Copy records/ into backups/NAME (hard links where possible). Needs the lock."""
        self.require_lock()
        files = self.record_files()
        if not files:
            return None
        final = self.backups / name
        if final.exists():
            return Backup(name, final)
        staging = self.backups / f".{name}.partial"
        try:
            if staging.exists():
                shutil.rmtree(staging)
            staging.mkdir(mode=FOLDER_MODE, parents=True)
            for source in files:
                target = staging / source.name
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copy2(source, target)
                    os.chmod(target, 0o600)
            os.replace(staging, final)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise WriteFailedError(write_failure_message(final, error)) from error
        return Backup(name, final)

    def daily_backup(self, today: date) -> Backup | None:
        """Before the first write of `today`: snapshot, then keep a bounded number."""
        name = today.isoformat()
        if (self.backups / name).exists():
            return None
        made = self.snapshot(name)
        self.prune_backups()
        return made

    def event_backup(self, reason: str, now: datetime) -> Backup | None:
        """A snapshot before something big (restore, migrate, import)."""
        base = name = f"{now:%Y-%m-%dT%H%M%S}-before-{reason}"
        count = 1
        while (self.backups / name).exists():  # two in the same second: a fresh copy each
            count += 1
            name = f"{base}-{count}"
        made = self.snapshot(name)
        self.prune_backups()
        return made

    def prune_backups(self) -> None:
        backups = self.list_backups()
        daily = [b for b in backups if b.is_daily]
        events = [b for b in backups if not b.is_daily]
        for old in daily[DAILY_BACKUPS_KEPT:] + events[EVENT_BACKUPS_KEPT:]:
            shutil.rmtree(old.path, ignore_errors=True)
