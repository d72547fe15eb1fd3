"""The data format's schema version, and the steps that bring an older folder forward.

`SCHEMA_VERSION` is stored in ``records/_meta.json``. Opening an older folder backs it up, then runs
each step in `MIGRATIONS` in order; opening a newer one is refused with a message (never rewritten).

Schema 0 (the first paceapp) kept everything in one tinydb file, ``DATA/journal.json``: one table
per record kind plus a ``meta`` table ``{"schema": 0}``, written by tinydb's stock storage (compact
JSON, no final newline), and records had only a ``created`` time (no ``updated``). Schema 1 splits
it into ``records/`` (one file per kind, per kind and year for busy kinds) and gives every record an
``updated`` time (equal to ``created`` for migrated ones). The old file is moved into
``backups/<time>-before-migrate/`` - it is never deleted. Schema 2 keeps the undo log as lines,
``records/_undo.jsonl``, each change with only its changed fields (see `undo_to_lines`). Schema 3
keeps a baseline's changes as records of their own, ``baselinechange-<year>.json``, instead of a
``history`` list inside each baseline, which gains ``changed`` (when its amount last changed): see
`baseline_changes_apart`. An export or data file from before (baselines with ``history``) is split
the same way on the way in (`history_apart`).

This module also holds the file-level merge used by the migration and by ``paceapp data import``:
records are placed in the file they belong to, de-duplicated by id (the newer ``updated`` wins).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from paceapp import __version__
from paceapp.core.codec import DataError, from_data, to_data
from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.core.value import Value
from paceapp.store.errors import CorruptFileError, WriteFailedError
from paceapp.store.folder import FOLDER_MODE, Backup, DataFolder
from paceapp.store.integrity import SHARD_NAME, check_payload
from paceapp.store.schema import SCHEMA_VERSION, SINGLE_FILE, needs_single_file_migration
from paceapp.store.storage import (
    DAMAGED,
    UnreadableFile,
    atomic_write,
    atomic_write_many,
    decode,
    encode,
    file_trouble,
    sealed,
    write_failure_message,
)

META_FILE = "_meta.json"
#: Tables in a data file that hold no records.
SYSTEM_TABLES = frozenset({"meta", "undo", "_default", "_checked"})
__all__ = ["SHARD_NAME", "META_FILE", "SYSTEM_TABLES"]


# -- where records live ---------------------------------------------------------------------
def shard_name(record: Record) -> str:
    """The records/ file (without .json) a record belongs in (same rule as the Journal)."""
    if record.SHARDED and record.day is not None:
        return f"{record.KIND}-{record.day.year}"
    return record.KIND


def kind_files(folder: DataFolder, cls: type[Record]) -> list[Path]:
    """The live files that hold records of `cls` (never a sync tool's conflict copy)."""
    if not folder.records.is_dir():
        return []
    found = []
    for path in folder.records.iterdir():
        if path.suffix != ".json":
            continue
        match = SHARD_NAME.match(path.stem)
        if not match or match["kind"] != cls.KIND:
            continue
        if bool(match["year"]) == cls.SHARDED:
            found.append(path)
    return sorted(found)


def unique_backup_name(folder: DataFolder, reason: str, now: datetime) -> str:
    """A name for an event backup that is not taken yet (two in one second get -2, -3 ...)."""
    base = f"{now:%Y-%m-%dT%H%M%S}-before-{reason}"
    name, number = base, 1
    while (folder.backups / name).exists():
        number += 1
        name = f"{base}-{number}"
    return name


def event_backup(folder: DataFolder, reason: str, now: datetime) -> Backup | None:
    """A fresh snapshot of records/ before something big (restore, import, migrate). Needs the lock."""
    made = folder.snapshot(unique_backup_name(folder, reason, now))
    folder.prune_backups()
    return made


# -- reading tinydb documents -----------------------------------------------------------------
def read_tables(path: Path, *, strict_ending: bool = True) -> dict[str, dict[str, Any]]:
    """A tinydb document from `path`; CorruptFileError when it cannot be read.

    `strict_ending=False` accepts files written by tinydb's stock storage (no final newline).
    """
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise CorruptFileError(path, error.strerror or "it cannot be opened", None) from None
    if not strict_ending and payload.rstrip().endswith(b"}"):
        payload = payload.rstrip() + b"\n"
    try:
        return decode(payload, path)
    except UnreadableFile as error:
        raise CorruptFileError(path, error.reason, None) from None


@dataclass
class Decoded:
    """Records read from tinydb tables, and what could not be read (with record ids)."""

    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unknown_tables: dict[str, dict[str, Any]] = field(default_factory=dict)


def decode_tables(tables: dict[str, dict[str, Any]], *, fill_updated: bool = False,
                  validate: bool = True) -> Decoded:
    """Records of every known kind in `tables` (system tables are skipped)."""
    kinds = all_kinds()
    out = Decoded()
    for table, docs in tables.items():
        if table in SYSTEM_TABLES:
            continue
        cls = kinds.get(table)
        if cls is None:
            if docs:
                out.unknown_tables[table] = docs
                out.problems.append(f"a table '{table}' that is not a kind of record paceapp keeps "
                                    f"({len(docs)} entries)")
            continue
        for entry, doc in docs.items():
            record_id = doc.get("id", "?") if isinstance(doc, dict) else "?"
            if not isinstance(doc, dict):
                out.problems.append(f"{cls.LABEL} #{str(entry)[:40]}: expected an object")
                continue
            if not isinstance(record_id, str) or not record_id.strip():
                out.problems.append(f"{cls.LABEL} #{str(entry)[:40]}: it has no id")
                continue
            data = dict(doc)
            if fill_updated and "updated" not in data and "created" in data:
                data["updated"] = data["created"]
            try:
                record = from_data(cls, data, cls.KIND)
                if validate:
                    record.validate()
            except DataError as error:
                out.problems.append(f"{cls.LABEL} {record_id}: {error}")
                continue
            except Exception as error:  # validate() raises ValidationError (a PaceError)
                out.problems.append(f"{cls.LABEL} {record_id}: {error}")
                continue
            out.records.append(record)
    return out


# -- merging records into the folder ----------------------------------------------------------
@dataclass
class MergeCounts:
    """What a merge did, per kind: new records, records replaced by a newer copy, records kept."""

    added: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    def bump(self, which: dict[str, int], kind: str) -> None:
        which[kind] = which.get(kind, 0) + 1

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_replaced(self) -> int:
        return sum(self.replaced.values())

    @property
    def total_kept(self) -> int:
        return sum(self.kept.values())


def _updated(doc: dict[str, Any]) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(doc.get("updated") or doc.get("created")))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def merge_records(folder: DataFolder, incoming: Iterable[Record], *, write: bool = True,
                  pending: dict[Path, bytes] | None = None, replace_all: bool = False,
                  incoming_wins: bool = False) -> MergeCounts:
    """Put `incoming` records into the folder's files, de-duplicated by id. Needs the lock.

    A record whose id is new is added; one whose id is already stored replaces the stored copy
    only when its `updated` time is later. The changed files are added to `pending` (path ->
    bytes) and, with `write`, written together by :func:`write_records`. With `replace_all` the
    files already there are ignored (the incoming records are all there will be). With
    `incoming_wins` an incoming record replaces a stored one with its id whatever their times.
    """
    folder.require_lock()
    pending = {} if pending is None else pending
    counts = MergeCounts()
    by_kind: dict[type[Record], list[Record]] = {}
    for record in incoming:
        by_kind.setdefault(type(record), []).append(record)
    for cls, records in by_kind.items():
        files: dict[str, dict[str, Any]] = {}
        index: dict[str, tuple[str, str]] = {}
        for path in [] if replace_all else kind_files(folder, cls):
            tables = read_usable_tables(folder, path)
            files[path.stem] = tables
            for doc_id, doc in tables.get(cls.KIND, {}).items():
                if isinstance(doc, dict) and "id" in doc:
                    index[str(doc["id"])] = (path.stem, doc_id)
        changed: set[str] = set()
        for record in records:
            data = to_data(record)
            where = index.get(record.id)
            if where is not None:
                old_shard, old_doc_id = where
                old = files[old_shard][cls.KIND][old_doc_id]
                old_time = _updated(old)
                if old == data or (not incoming_wins and old_time is not None
                                   and record.updated <= old_time):
                    counts.bump(counts.kept, cls.KIND)
                    continue
                del files[old_shard][cls.KIND][old_doc_id]
                changed.add(old_shard)
                counts.bump(counts.replaced, cls.KIND)
            else:
                counts.bump(counts.added, cls.KIND)
            shard = shard_name(record)
            table = files.setdefault(shard, {}).setdefault(cls.KIND, {})
            doc_id = str(max((int(k) for k in table if k.isdigit()), default=0) + 1)
            table[doc_id] = data
            index[record.id] = (shard, doc_id)
            changed.add(shard)
        for shard in sorted(changed):
            pending[folder.records / f"{shard}.json"] = encode(files[shard])
    if write:
        write_records(folder, pending, checked=False)
    return counts


def read_usable_tables(folder: DataFolder, path: Path) -> dict[str, dict[str, Any]]:
    """A live data file's tables, only if it can be used: never a link, a file paceapp may not
    read, or one that is damaged (CorruptFileError / UnusableFileError naming it), so a merge
    never writes over a file paceapp calls damaged."""
    from paceapp.store.errors import UnusableFileError, advice

    def damaged(reason: str) -> CorruptFileError:
        backup = folder.newest_good_copy(path.name)
        return CorruptFileError(path, reason, backup.path if backup else None)

    trouble = file_trouble(path)
    if trouble is not None:
        if trouble.kind != DAMAGED:
            raise UnusableFileError(path, trouble.reason, advice(path, trouble.kind, trouble.target))
        raise damaged(trouble.reason)
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise damaged(error.strerror or "it cannot be opened") from None
    try:
        tables = decode(payload, path)
        folder.vouch(path, payload, tables)
    except UnreadableFile as error:
        raise damaged(error.reason) from None
    return tables


def write_files(files: dict[Path, bytes]) -> None:
    """Write several files all-or-nothing as far as a full disk goes (see atomic_write_many)."""
    atomic_write_many(files)


def write_records(folder: DataFolder, files: dict[Path, bytes], *, checked: bool,
                  replace_links: frozenset[Path] = frozenset(),
                  extra: dict[Path, bytes] | None = None) -> None:
    """Write several records/ files all-or-nothing as far as a full disk goes (see
    atomic_write_many), each sealed when it is known to pass every check: all of them when
    `checked` (made only of checked records), else each one that passes a full check now.
    `extra` files (the undo log) are written first, with them, as they are."""
    folder.require_lock()
    payloads = dict(extra or {})
    payloads.update({path: sealed(payload, path)
                     if checked or not check_payload(path.name, payload).problems else payload
                     for path, payload in files.items()})
    atomic_write_many(payloads, replace_links=replace_links)


def meta_payload(version: int = SCHEMA_VERSION) -> bytes:
    """records/_meta.json as the Journal writes it."""
    return encode({"meta": {"1": {"schema": version, "app": __version__}}}, seal=True)


def write_meta(folder: DataFolder, version: int = SCHEMA_VERSION) -> None:
    """Write records/_meta.json. Needs the lock."""
    folder.require_lock()
    atomic_write(folder.records / META_FILE, meta_payload(version))


def stored_version(folder: DataFolder) -> int | None:
    """The schema version in records/_meta.json (0 while DATA/journal.json is there; None when empty)."""
    if needs_single_file_migration(folder):
        return 0
    meta = folder.records / META_FILE
    if meta.exists() or meta.is_symlink():
        doc = read_usable_tables(folder, meta).get("meta", {}).get("1", {})
        version = doc.get("schema") if isinstance(doc, dict) else None
        if isinstance(version, int) and not isinstance(version, bool):
            return version
        raise CorruptFileError(meta, "its schema version is missing", None)
    return None


# -- schema 0 -> 1 ------------------------------------------------------------------------------
def split_tables(tables: dict[str, dict[str, Any]], path: Path) -> list[Record]:
    """Records from a schema-0 document; CorruptFileError (naming record ids) if any cannot be read.

    Records are not re-validated: a value an older paceapp accepted is kept as it was (``data
    check`` points it out), because nothing may be lost in a migration.
    """
    decoded = decode_tables(tables, fill_updated=True, validate=False)
    problems = decoded.problems
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise CorruptFileError(path, f"some records in it cannot be read: {shown}", None)
    return decoded.records


def _keep_single_file(folder: DataFolder, now: datetime) -> Path:
    """Move DATA/journal.json into backups/<time>-before-migrate/ (hard link, then copy fallback)."""
    source = folder.root / SINGLE_FILE
    name = unique_backup_name(folder, "migrate", now)
    final = folder.backups / name
    staging = folder.backups / f".{name}.partial"
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(mode=FOLDER_MODE, parents=True)
        try:
            os.link(source, staging / SINGLE_FILE)
        except OSError:
            shutil.copy2(source, staging / SINGLE_FILE)
        os.replace(staging, final)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteFailedError(write_failure_message(final, error)) from error
    return final


def split_single_file(folder: DataFolder, now: datetime | None = None) -> int:
    """Migration 0 -> 1: split DATA/journal.json into records/; return how many records moved.

    Safe to run again after a crash: the old file is removed only after every record is in
    records/, and records already there are merged by id, not duplicated.
    """
    folder.require_lock()
    source = folder.root / SINGLE_FILE
    if not source.is_file():
        return 0
    tables = read_tables(source, strict_ending=False)
    meta = tables.get("meta", {}).get("1", {})
    version = meta.get("schema", 0) if isinstance(meta, dict) else 0
    if isinstance(version, int) and version > 0:
        raise CorruptFileError(source, f"it says it is data format {version}, but files of that "
                               "format live in records/", None)
    records = split_tables(history_apart_tables(tables), source)
    folder.ensure()
    _keep_single_file(folder, now or datetime.now())
    merge_records(folder, records)
    for table, docs in tables.items():  # nothing is dropped, not even a table this paceapp lacks
        if table not in SYSTEM_TABLES and table not in all_kinds() and docs:
            target = folder.records / f"{table}.json"
            if not target.exists():
                atomic_write(target, encode({table: docs}))
    try:
        source.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise WriteFailedError(write_failure_message(source, error)) from error
    return len(records)


OLD_UNDO_FILE = "_undo.json"


def undo_to_lines(folder: DataFolder) -> int:
    """Migration 1 -> 2: the undo log moves from ``_undo.json`` (a tinydb table holding whole
    copies of each changed record, rewritten on every change) to ``_undo.jsonl`` (one line per
    change, appended; a change keeps only its changed fields - see store/undo.py). The same
    changes can be undone afterwards. Returns how many changes moved. Needs the lock.

    The old file is checked first (a damaged one stops the migration, naming it: nothing is
    changed) and kept in the before-migrate backup. A crash between writing the new log and
    removing the old one leaves both: the next start runs this step again from the old file.
    """
    from paceapp.store.undo import UNDO_KEPT, UNDO_LOG, encode_lines, small_entry

    folder.require_lock()
    source = folder.records / OLD_UNDO_FILE
    if not (source.exists() or source.is_symlink()):
        return 0
    tables = read_usable_tables(folder, source)
    docs = sorted(((int(key), doc) for key, doc in tables.get("undo", {}).items()),
                  key=lambda item: item[0])
    entries = [small_entry(doc["op"], doc["kind"], doc["id"], doc.get("before"),
                           doc.get("after"), doc["at"], doc.get("group"))
               for _key, doc in docs][-UNDO_KEPT:]
    atomic_write(folder.records / UNDO_LOG, encode_lines(entries))
    try:
        source.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise WriteFailedError(write_failure_message(source, error)) from error
    return len(entries)


# -- schema 2 -> 3 ------------------------------------------------------------------------------
BASELINE = "baseline"
CHANGE = "baselinechange"
#: Ids of changes split from a history are made from the baseline's id and the change's place
#: in it, so splitting the same history twice (a migration run again after a crash, an old
#: export imported into a folder already migrated) gives the same records, not two copies.
_CHANGE_IDS = uuid.UUID("6f1c3b5e-2d0a-4c1e-9b7f-5a2e8d4c1b30")


def change_id(baseline_id: str, place: int) -> str:
    """The id of the change at `place` (0 first) in an old baseline's history."""
    return str(uuid.uuid5(_CHANGE_IDS, f"{baseline_id}/{place}"))


def _made(at: Any, place: int, fallback: Any) -> Any:
    """A split change's `created`: its own time (UTC), plus `place` microseconds so changes made
    at one moment keep their order in the history; `fallback` when the time cannot be read."""
    try:
        moment = datetime.fromisoformat(str(at))
    except ValueError:
        return fallback
    if moment.tzinfo is None:
        return fallback
    return (moment + timedelta(microseconds=place)).astimezone(UTC).isoformat()


def history_apart(baselines: Iterable[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """Stored baselines (as data) without their ``history``, each with ``changed`` (when its
    amount last changed: the last set, step or restart in the history, else when it was made),
    and their changes as baseline-change records (as data). Anything that is not a baseline
    with a history is passed on as it is (it is checked later, as any record is)."""
    from paceapp.core.pacing import AMOUNT_ACTIONS

    out: list[Any] = []
    changes: list[dict[str, Any]] = []
    for doc in baselines:
        if not isinstance(doc, dict) or "history" not in doc:
            out.append(doc)
            continue
        doc = dict(doc)
        history = doc.pop("history")
        if not isinstance(history, list):
            history = []
        baseline_id = str(doc.get("id", ""))
        changed = doc.get("created")
        for place, item in enumerate(history):
            if not isinstance(item, dict):
                continue
            made = _made(item.get("at"), place, doc.get("created"))
            changes.append({"id": change_id(baseline_id, place), "created": made,
                            "updated": made, "baseline_id": baseline_id, **item})
            if item.get("action") in AMOUNT_ACTIONS:
                changed = item.get("at")
        doc.setdefault("changed", changed)
        out.append(doc)
    return out, changes


def history_apart_tables(tables: dict[str, Any]) -> dict[str, Any]:
    """A data file's tables (tinydb: table -> doc id -> record) with any baseline history split
    into a baseline-change table (see `history_apart`); the same tables when there is none."""
    docs = tables.get(BASELINE)
    if not isinstance(docs, dict) or not any(isinstance(d, dict) and "history" in d
                                             for d in docs.values()):
        return tables
    kept, changes = history_apart(docs.values())
    out = dict(tables)
    out[BASELINE] = dict(zip(docs.keys(), kept, strict=True))
    table = dict(out.get(CHANGE) or {})
    ids = {str(d.get("id")): k for k, d in table.items() if isinstance(d, dict)}
    next_key = max((int(k) for k in table if str(k).isdigit()), default=0)
    for change in changes:
        if change["id"] in ids:
            continue
        next_key += 1
        table[str(next_key)] = change
    out[CHANGE] = table
    return out


def baseline_changes_apart(folder: DataFolder) -> int:
    """Migration 2 -> 3: each baseline's ``history`` becomes baseline-change records, one file
    per year (``baselinechange-2026.json``), and the baseline keeps ``changed`` instead; returns
    how many changes moved. Needs the lock.

    All files are written in one go (atomic_write_many), the change files first, then
    baseline.json, then _meta.json: a crash before baseline.json is replaced leaves the history
    where it was (the step runs again from it, and the changes' ids are made from the history,
    so they are not doubled); after it, every change is already in its file. A damaged
    baseline.json stops the migration, naming it: nothing is changed.
    """
    from paceapp.core.pacing import BaselineChange

    folder.require_lock()
    path = folder.records / f"{BASELINE}.json"
    if not (path.exists() or path.is_symlink()):
        return 0
    tables = read_usable_tables(folder, path)
    docs = tables.get(BASELINE, {})
    if not any(isinstance(d, dict) and "history" in d for d in docs.values()):
        return 0
    kept, change_docs = history_apart(docs.values())
    changes: list[Record] = []
    for doc in change_docs:
        try:
            changes.append(from_data(BaselineChange, doc, CHANGE))
        except DataError as error:
            raise CorruptFileError(path, f"a baseline's history in it cannot be read: {error}",
                                   None) from None
    pending: dict[Path, bytes] = {}
    merge_records(folder, changes, write=False, pending=pending, incoming_wins=True)
    pending[path] = encode({**tables, BASELINE: dict(zip(docs.keys(), kept, strict=True))})
    pending[folder.records / META_FILE] = meta_payload(3)
    write_records(folder, pending, checked=False)
    return len(changes)


#: from_version -> a function that moves the folder from that version to the next.
MIGRATIONS: dict[int, Callable[[DataFolder], Any]] = {
    0: split_single_file, 1: undo_to_lines, 2: baseline_changes_apart}


@dataclass(frozen=True, eq=False, repr=False)
class Migrated(Value):
    from_version: int
    to_version: int
    records: int


def migrate_folder(target: Path | DataFolder, now: datetime | None = None) -> Migrated | None:
    """Bring a data folder to `SCHEMA_VERSION` (after a backup); None when nothing was needed.

    Pass the `DataFolder` already in use when there is one: the lock is per open file. A folder
    from a newer paceapp is left alone here (the Journal refuses to open it).
    """
    folder = target if isinstance(target, DataFolder) else DataFolder(Path(target))
    version = stored_version(folder)
    if version is None or version >= SCHEMA_VERSION:
        return None
    moment = now or datetime.now()
    moved = 0
    with folder.locked():
        version = stored_version(folder)
        if version is None or version >= SCHEMA_VERSION:
            return None
        start = version
        if folder.record_files():
            event_backup(folder, "migrate", moment)
        for step in range(version, SCHEMA_VERSION):
            if step == 0:
                moved = split_single_file(folder, moment)
            else:
                MIGRATIONS[step](folder)
        write_meta(folder)
    return Migrated(start, SCHEMA_VERSION, moved)


def single_file_json(path: Path) -> dict[str, Any]:
    """A schema-0 file's tables (for restoring a backup taken before the migration)."""
    return read_tables(path, strict_ending=False)
