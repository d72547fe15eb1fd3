"""Which old backups may go: never the only copy of any record.

A backup beyond the numbers kept (folder.DAILY_BACKUPS_KEPT daily, EVENT_BACKUPS_KEPT others) is
removed only when every record in it is also in a backup that stays, in the same or a newer
version (by its `updated` time). So a before-restore copy that holds records the restore took
away stays until those records are in a later backup (say, after restoring that copy), however
many restores follow; a record deleted by hand stays in the newest backup that has it.

Pruning runs right after a snapshot of the live data, so the newest backup stands for the live
data. Files shared by hard link (most of them: a file is only ever replaced) or byte-identical
are recognised without being read; only a file found in no other backup is parsed, and its
records looked for in the same file of the other backups first (newest first), then in every
file of that kind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from paceapp.store.folder import Backup
from paceapp.store.integrity import META_NAME, SHARD_NAME, UNDO_NAME, updated_at
from paceapp.store.storage import UnreadableFile, decode

#: Tables that hold no records (the schema version, the undo log, tinydb's default table).
NOT_RECORDS = frozenset({"meta", "undo", "_default"})
#: The single data file of the first data format, which holds every kind.
SINGLE_FILE = "journal.json"

Identity = tuple[int, int]
#: (table, id or the record's exact content) -> its `updated` text ("" when it has none)
Holdings = dict[tuple[str, str], str]


def _identity(path: Path) -> Identity | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _holds_records(path: Path) -> bool:
    stem = path.stem
    return stem not in (META_NAME, UNDO_NAME)


def _table_of(name: str) -> str | None:
    """The one kind a records/ file holds ('pain-2026.json' -> 'pain'); None for journal.json."""
    match = SHARD_NAME.match(name[:-5] if name.endswith(".json") else name)
    return match["kind"] if match else None


class _Reader:
    """Parsed record holdings of backup files, each distinct file read once."""

    def __init__(self) -> None:
        self._cache: dict[Identity | Path, Holdings | None] = {}

    def holdings(self, path: Path) -> Holdings | None:
        """What `path` holds, or None when it cannot be read (then nothing in it can be proved
        to be elsewhere)."""
        key: Identity | Path = _identity(path) or path
        if key not in self._cache:
            self._cache[key] = self._read(path)
        return self._cache[key]

    @staticmethod
    def _read(path: Path) -> Holdings | None:
        try:
            payload = path.read_bytes()
            if path.name == SINGLE_FILE and payload.rstrip().endswith(b"}"):
                payload = payload.rstrip() + b"\n"  # the first format wrote no final newline
            tables = decode(payload, path)
        except (OSError, UnreadableFile):
            return None
        found: Holdings = {}
        for table, docs in tables.items():
            if table in NOT_RECORDS:
                continue
            for doc in docs.values():
                if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                    updated = doc.get("updated") or doc.get("created") or ""
                    found[(table, doc["id"])] = updated if isinstance(updated, str) else ""
                else:  # no id to know it by: only an exact copy of it counts
                    try:
                        text = json.dumps(doc, sort_keys=True)
                    except (TypeError, ValueError, RecursionError):
                        return None
                    found[(table, "=" + text)] = ""
        return found


def _covers(have: str | None, need: str) -> bool:
    """True when a copy updated at `have` is the same as, or newer than, one updated at `need`."""
    if have is None:
        return False
    if have == need:
        return True
    mine, theirs = updated_at(need), updated_at(have)
    return mine is not None and theirs is not None and theirs >= mine


class _Index:
    """Where records are, across the backups that stay."""

    def __init__(self, backups: list[Backup]) -> None:
        self.reader = _Reader()
        self.files = {b.name: b.files() for b in backups}
        self.identities: dict[Identity, set[str]] = {}
        for name, files in self.files.items():
            for path in files:
                ident = _identity(path)
                if ident is not None:
                    self.identities.setdefault(ident, set()).add(name)

    def shared(self, path: Path, owner: str, others: set[str]) -> bool:
        """True when a backup in `others` has this very file (a hard link) or a byte-identical one."""
        ident = _identity(path)
        if ident is not None and self.identities.get(ident, set()) & (others - {owner}):
            return True
        try:
            size = path.stat().st_size
        except OSError:
            return False
        for name in others:
            twin = next((p for p in self.files[name] if p.name == path.name), None)
            try:
                if twin is not None and twin.stat().st_size == size and \
                        twin.read_bytes() == path.read_bytes():
                    return True
            except OSError:
                continue
        return False

    def unfound(self, wanted: Holdings, candidates: Iterable[Path]) -> Holdings:
        """What of `wanted` none of `candidates` holds (same or newer)."""
        left = dict(wanted)
        for path in candidates:
            if not left:
                break
            held = self.reader.holdings(path)
            if not held:
                continue
            for key in [k for k, need in left.items() if _covers(held.get(k), need)]:
                del left[key]
        return left


def _held_elsewhere(backup: Backup, index: _Index, others: list[str]) -> bool:
    keep = set(others)
    for path in index.files[backup.name]:
        if not _holds_records(path) or index.shared(path, backup.name, keep):
            continue
        wanted = index.reader.holdings(path)
        if wanted is None:
            return False  # cannot be read here, and no other backup has this file: keep it
        # The same file in the others first (newest first), then every file of those kinds.
        same = [p for name in others for p in index.files[name] if p.name == path.name]
        left = index.unfound(wanted, same)
        if left:
            tables = {table for table, _key in left}
            wider = [p for name in others for p in index.files[name]
                     if _holds_records(p) and (p.name == SINGLE_FILE or _table_of(p.name) in tables)]
            if index.unfound(left, wider):
                return False
    return True


def removable(backups: list[Backup], over: list[Backup]) -> list[Backup]:
    """Of `over` (backups beyond the numbers kept), those whose every record is in a backup that
    stays. `backups` is every backup, newest first. The oldest are looked at first, so of several
    backups holding the only copies of something, the newest stays."""
    index = _Index(backups)
    staying = [b.name for b in backups]  # newest first
    gone: list[Backup] = []
    for backup in sorted(over, key=lambda b: b.sort_key):
        others = [name for name in staying if name != backup.name]
        if _held_elsewhere(backup, index, others):
            staying.remove(backup.name)
            gone.append(backup)
    return gone
