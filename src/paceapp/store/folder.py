"""The data folder: its layout, its lock, and its daily backups.

Layout::

    DATA/
      .lock                    exclusive lock held around every read-modify-write
      records/                 the live data: one tinydb file per kind (per kind and year for
        _meta.json             high-volume kinds), plus the schema version and the undo log
        _undo.jsonl            (one line per change, appended: see store/undo.py)
        pain-2026.json ...
      backups/
        2026-11-21/            a snapshot of records/ taken before the first write of that day
          .order               its place in the order backups were made: 1, 2, 3...
        2026-11-21T101500-before-restore/

Snapshots use hard links where the filesystem allows: files are only ever replaced, never changed
in place, so a link keeps the old version exactly and costs no space until the live file changes.

Backups are put in order by the number in ``.order``, never by the date in their names: a clock
that was once wrong (a backup named 2030) must not make paceapp think an old backup is the newest,
nor prune today's. Pruning keeps by content, not only by count (see `retention`).

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
from typing import TYPE_CHECKING, Any

from paceapp.core.value import Value
from paceapp.store.conflicts import is_conflict_copy
from paceapp.store.errors import BusyError, WriteFailedError
from paceapp.store.storage import (
    DAMAGED,
    UnreadableFile,
    file_trouble,
    seal_intact,
    write_failure_message,
)

if TYPE_CHECKING:
    from filelock import BaseFileLock

    from paceapp.store.storage import SafeJSONStorage

FOLDER_MODE = 0o700
#: How many daily backups to keep at least (older ones go once nothing is only in them).
DAILY_BACKUPS_KEPT = 14
#: How many "before restore/migrate/import" backups to keep at least (likewise).
EVENT_BACKUPS_KEPT = 5
#: The file in each backup that holds its place in the order backups were made.
ORDER_FILE = ".order"
#: How long to wait for another paceapp to finish saving before saying it is busy.
LOCK_TIMEOUT_S = 15.0
#: How often to try the lock again while waiting.
LOCK_POLL_S = 0.005
LOCK_FILE_MODE = 0o600
#: The undo log (store/undo.py): appended to in place, so backups copy it instead of linking.
UNDO_LOG_FILE = "_undo.jsonl"
BUSY_MESSAGE = "Another paceapp window is busy saving. Please try again in a moment."


@dataclass(frozen=True, eq=False, repr=False)
class Backup(Value):
    """One snapshot of the records folder."""

    name: str
    path: Path
    #: Its place in the order backups were made (None: made before paceapp numbered them).
    order: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Oldest first: unnumbered backups (by name), then numbered ones by their number."""
        return (0, 0, self.name) if self.order is None else (1, self.order, self.name)

    @property
    def day(self) -> date:
        return date.fromisoformat(self.name[:10])

    @property
    def is_daily(self) -> bool:
        """A daily backup: 'YYYY-MM-DD', or 'YYYY-MM-DD-2'... when that day's name was already
        taken while the clock was wrong."""
        return len(self.name) == 10 or (self.name[10:11] == "-" and self.name[11:].isdigit()
                                        and self.name[11:].isascii())

    def files(self) -> list[Path]:
        return sorted(p for p in self.path.glob("*.json") if not p.name.startswith("."))


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
        """Data files that cannot be used as they are (see :meth:`troubled_files`)."""
        return [trouble.path for trouble in self.troubled_files()]

    def troubled_files(self) -> list[UnreadableFile]:
        """Why each data file that cannot be used cannot be: a link, a link to nothing, a file
        paceapp may not read, one cut short (cheap: only a file that ends unusually is read)."""
        found = []
        for path in self.record_files():
            trouble = file_trouble(path)
            if trouble is not None:
                found.append(trouble)
        return found

    # -- the check before a file is used -----------------------------------------------------
    @staticmethod
    def vouch(path: Path, payload: bytes, tables: dict[str, Any]) -> None:
        """Let a data file just parsed be used only if it passes the checks `data check` makes.

        A file with its seal intact was written by paceapp, which writes only checked records
        into checked files: it passes. Any other is checked in full (then it is cached, parsed,
        until the file changes). Raises UnreadableFile (DAMAGED) naming the records at fault.
        """
        if seal_intact(payload):
            return
        from paceapp.store.integrity import check_tables, summary

        found = check_tables(path.name, tables).problems
        problems = [p for p in found if p.code != "newer"]  # the Journal says that in its words
        if problems:
            raise UnreadableFile(path, summary(problems), DAMAGED)

    # -- backups --------------------------------------------------------------------------
    def list_backups(self) -> list[Backup]:
        """Backups, newest first: in the order they were made (see ORDER_FILE), never by the
        date in their names, which came from a clock that may have been wrong."""
        if not self.backups.is_dir():
            return []
        found = []
        for path in self.backups.iterdir():
            if path.is_dir() and not path.name.startswith("."):
                try:
                    date.fromisoformat(path.name[:10])
                except ValueError:
                    continue
                found.append(Backup(path.name, path, read_order(path)))
        return sorted(found, key=lambda b: b.sort_key, reverse=True)

    def newest_good_copy(self, filename: str) -> Backup | None:
        """The newest backup whose copy of `filename` passes every check (as live data must)."""
        from paceapp.store.integrity import check_file

        for backup in self.list_backups():
            candidate = backup.path / filename
            if candidate.is_file() and not check_file(candidate).problems:
                return backup
        return None

    def next_order(self) -> int:
        """The number the next backup gets: one more than any so far."""
        return max((b.order for b in self.list_backups() if b.order is not None), default=0) + 1

    def snapshot(self, name: str) -> Backup | None:
        """Copy records/ into backups/NAME (hard links where possible). Needs the lock."""
        self.require_lock()
        files = self.record_files()
        if not files:
            return None
        final = self.backups / name
        if final.exists():
            return Backup(name, final, read_order(final))
        staging = self.backups / f".{name}.partial"
        order = self.next_order()
        try:
            if staging.exists():
                shutil.rmtree(staging)
            staging.mkdir(mode=FOLDER_MODE, parents=True)
            for source in files:
                _keep_copy(source, staging / source.name)
            log = self.records / UNDO_LOG_FILE
            if log.is_file() and not log.is_symlink():
                # A copy, never a hard link: the live log is changed in place (appended to).
                shutil.copyfile(log, staging / UNDO_LOG_FILE)
                os.chmod(staging / UNDO_LOG_FILE, 0o600)
            with open(staging / ORDER_FILE, "w", encoding="ascii") as handle:
                handle.write(f"{order}\n")
            os.replace(staging, final)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise WriteFailedError(write_failure_message(final, error)) from error
        return Backup(name, final, order)

    def daily_backup(self, today: date) -> Backup | None:
        """Before the first write of `today`: snapshot, then prune.

        Today has its backup when the newest daily backup (in the order taken) is named for
        today. A folder with today's name that is older than another daily backup was named
        while the clock was wrong: today's first change then gets a backup of its own
        ('YYYY-MM-DD-2').
        """
        name = today.isoformat()
        if (self.backups / name).exists():
            newest = next((b for b in self.list_backups() if b.is_daily), None)
            if newest is None or newest.name[:10] == name:
                return None
            count = 2
            while (self.backups / f"{name}-{count}").exists():
                count += 1
            name = f"{name}-{count}"
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

    def prune_backups(self) -> list[Backup]:
        """Remove backups beyond the newest DAILY_BACKUPS_KEPT daily and EVENT_BACKUPS_KEPT other
        ones - but only those that hold nothing kept nowhere else (see `retention`). Returns
        what was removed."""
        from paceapp.store.retention import removable

        self.require_lock()
        self._clear_leftovers()
        backups = self.list_backups()
        daily = [b for b in backups if b.is_daily]
        events = [b for b in backups if not b.is_daily]
        over = daily[DAILY_BACKUPS_KEPT:] + events[EVENT_BACKUPS_KEPT:]
        if not over:
            return []
        try:
            gone = removable(backups, over)
        except (OSError, ValueError, TypeError, RecursionError):
            return []  # not sure what is only in them: keep them all (a save never fails here)
        for old in gone:
            # Renamed first (one step), so a backup stopped half-way through being removed is
            # never listed or offered with some of its files missing.
            doomed = self.backups / f".{old.name}.removing"
            try:
                os.replace(old.path, doomed)
            except OSError:
                continue
            shutil.rmtree(doomed, ignore_errors=True)
        return gone

    def _clear_leftovers(self) -> None:
        """Remove what a snapshot or a removal stopped part-way left (never listed, never read).
        Only with the lock held: no other paceapp is making one then."""
        try:
            entries = list(self.backups.iterdir())
        except OSError:
            return
        for path in entries:
            if path.name.startswith(".") and path.name.endswith((".partial", ".removing")):
                shutil.rmtree(path, ignore_errors=True)


def read_order(folder: Path) -> int | None:
    """The number in a backup's ORDER_FILE, or None (none there, or not a number)."""
    try:
        text = (folder / ORDER_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


def _keep_copy(source: Path, target: Path) -> None:
    """Put `source` into a backup as `target`: a hard link, else a copy. A link in records/ is
    kept as the file it points to when there is one, else as the link itself (so a backup shows
    what was there; it is never offered as good)."""
    if source.is_symlink():
        if source.exists():
            shutil.copyfile(source, target)
            os.chmod(target, 0o600)
        else:
            try:
                os.symlink(os.readlink(source), target)
            except OSError:
                pass  # a link to nothing holds nothing to keep (links may need rights on Windows)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
        os.chmod(target, 0o600)
