"""`Journal`: the typed repository over the data folder's tinydb files.

The use-cases in `paceapp.app` call only this. It takes and returns `core` records, never raw dicts, and wraps
every change in a transaction: the folder lock is held, the record's rules across records
(`Record.check_across`: one night per morning...) are checked against the data as it is now, the
day's backup is taken first, the record's file is rewritten atomically, and the change is added
to the undo log.

Files: one tinydb file per kind, or per kind and year for high-volume kinds (``pain-2026.json``),
so a quick log rewrites only this year's file however long the history is.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document, Table

from paceapp import __version__
from paceapp.core.codec import DataError, from_data, nonfinite_number, to_data, unreadable_text
from paceapp.core.errors import ChangedElsewhereError, NotFoundError, ValidationError
from paceapp.core.kinds import all_kinds, kind_class
from paceapp.core.records import (
    Record,
    ShortIdError,
    UnknownIdError,
    new_id,
    touched,
    utc_now,
)
from paceapp.core.text import UNREADABLE
from paceapp.store.errors import (
    CorruptFileError,
    DataFileError,
    NewerFormatError,
    UnusableFileError,
    advice,
)
from paceapp.store.folder import DataFolder
from paceapp.store.schema import SCHEMA_VERSION, needs_single_file_migration
from paceapp.store.storage import DAMAGED, SafeJSONStorage, UnreadableFile, atomic_write_many
from paceapp.store.undo import UNDO_KEPT, UNDO_LOG

R = TypeVar("R", bound=Record)
P = ParamSpec("P")
T = TypeVar("T")

META = "_meta"
UNDO = "_undo"
__all__ = ["UNDO", "UNDO_KEPT", "UNDO_LOG", "Journal", "merge_change"]
MIN_PREFIX = 4


def _storable_data(record: Record) -> dict[str, Any]:
    """The record as stored data, after its own rules and a check that its text can be saved (a
    terminal can pass undecodable bytes through as half characters; say so before writing)."""
    record.validate()
    data: dict[str, Any] = to_data(record)
    where = unreadable_text(data)
    if where is not None:
        field = where.split(".")[0]
        raise ValidationError(f"Part of the {field.replace('_', ' ')} {UNREADABLE}", field)
    where = nonfinite_number(data)
    if where is not None:  # NaN or infinity: JSON has no such numbers
        field = where.split(".")[0]
        raise ValidationError(f"The {field.replace('_', ' ')} must be an ordinary number.", field)
    return data


def _guard(method: Callable[P, T]) -> Callable[P, T]:
    """Turn a file that fails to parse into CorruptFileError (naming the newest good backup)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        journal = args[0]
        assert isinstance(journal, Journal)
        with journal._mutex:  # the TUI calls from worker threads
            try:
                return method(*args, **kwargs)
            except UnreadableFile as error:
                raise journal.refusal(error) from None

    return wrapper


#: Fields every record has that a person never changes by hand.
_BOOKKEEPING = frozenset({"id", "created", "updated"})


def merge_change(fresh: R, base: R, changed: R) -> R:
    """`fresh` with the fields that `changed` changed from `base`; ChangedElsewhereError when
    one of them was changed in `fresh` too, to something else."""
    import dataclasses

    names = [f.name for f in dataclasses.fields(changed) if f.name not in _BOOKKEEPING]
    mine = {name: getattr(changed, name) for name in names
            if getattr(changed, name) != getattr(base, name)}
    clashes = [name for name, value in mine.items()
               if getattr(fresh, name) != getattr(base, name) and getattr(fresh, name) != value]
    if clashes:
        raise ChangedElsewhereError(changed, clashes)
    merged = dataclasses.replace(fresh, **mine) if mine else fresh
    merged.validate()
    return merged


def _sort_key(record: Record) -> tuple[Any, ...]:
    return (record.day or date.min, getattr(record, "at", None) or record.created, record.created)


class Journal:
    """Records of every kind, in a data folder (or in memory, for tests)."""

    def __init__(self, folder: DataFolder | None, *, today: Callable[[], date] = date.today) -> None:
        self.folder = folder
        self._today = today
        self._storages: dict[str, Storage] = {}
        self._mutex = threading.RLock()
        self._listing: tuple[int, list[str]] | None = None
        #: The undo group of the outermost transaction under way (None outside one): every
        #: change logged inside it is undone together, with one undo.
        self._group: str | None = None
        #: Undo lines of the transaction under way, appended to the log when it is saved.
        self._undo_pending: list[dict[str, Any]] = []
        #: The whole undo log to write instead (after an undo took changes off it).
        self._undo_rewrite: list[dict[str, Any]] | None = None
        #: The undo log of a journal kept in memory (tests).
        self._memory_undo: list[dict[str, Any]] = []

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path, *, today: Callable[[], date] = date.today) -> Journal:
        """Open a data folder: refuse a damaged or newer one; migrate an older one forward."""
        journal = cls(DataFolder(root), today=today)
        journal.check_files()
        journal._check_schema()
        return journal

    @classmethod
    def in_memory(cls) -> Journal:
        return cls(None)

    def check_files(self) -> None:
        """Cheap whole-folder check (nothing is parsed) that every data file can be used: each
        is an ordinary file paceapp may read, written completely."""
        if self.folder is None:
            return
        troubled = self.folder.troubled_files()
        if troubled:
            raise self.refusal(troubled[0])

    def corrupt(self, path: Path, reason: str) -> CorruptFileError:
        backup = self.folder.newest_good_copy(path.name) if self.folder else None
        return CorruptFileError(path, reason, backup.path if backup else None)

    def refusal(self, error: UnreadableFile) -> DataFileError:
        """The error for a data file that cannot be used, with advice that fits the reason: a
        damaged file names the newest good backup; a link or a file paceapp may not read says
        how to give paceapp the file back (nothing in it is wrong)."""
        if error.kind == DAMAGED:
            return self.corrupt(error.path, error.reason)
        return UnusableFileError(error.path, error.reason,
                                 advice(error.path, error.kind, error.target))

    @_guard
    def schema_version(self) -> int | None:
        """The stored schema version (None for a folder that holds nothing yet)."""
        doc = Table(self._storage(META), "meta", cache_size=0).get(doc_id=1)
        if doc is None:
            return None
        version = doc.get("schema")
        if not isinstance(version, int):
            raise self.corrupt(self._path(META), "its schema version is missing")
        return version

    def _check_schema(self) -> None:
        if self.folder is not None:
            if needs_single_file_migration(self.folder):
                from paceapp.store.migrations import migrate_folder

                migrate_folder(self.folder)  # schema 0 (one DATA/journal.json) -> records/
                self._storages.clear()
        version = self.schema_version()
        if version is None or version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise self.newer(version)
        assert self.folder is not None
        from paceapp.store.migrations import MIGRATIONS

        with self.folder.locked():
            self.folder.event_backup("migrate", datetime.now())
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](self.folder)
                self._storages.clear()
            self._write_meta()

    def newer(self, version: int) -> NewerFormatError:
        where = self._path(META) if self.folder else "memory"
        return NewerFormatError(
            f"The data in {self.folder.root if self.folder else 'memory'} was saved by a newer "
            f"paceapp ({where} says data format {version}); this paceapp ({__version__}) reads "
            f"up to format {SCHEMA_VERSION}. Please update paceapp. Nothing was changed.")

    def _write_meta(self) -> None:
        table = Table(self._storage(META), "meta", cache_size=0)
        table.upsert(Document({"schema": SCHEMA_VERSION, "app": __version__}, doc_id=1))

    # -- files ----------------------------------------------------------------------------
    def _path(self, name: str) -> Path:
        assert self.folder is not None
        return self.folder.records / f"{name}.json"

    def _storage(self, name: str) -> Storage:
        storage = self._storages.get(name)
        if storage is None:
            if self.folder is None:
                storage = MemoryStorage()  # type: ignore[no-untyped-call]  # tinydb: no annotations
            else:
                storage = SafeJSONStorage(self._path(name), self.folder)
            self._storages[name] = storage
        return storage

    def _table(self, cls: type[Record], shard: str) -> Table:
        return Table(self._storage(shard), cls.KIND, cache_size=0)

    @staticmethod
    def _shard_for(record: Record) -> str:
        if record.SHARDED:
            assert record.day is not None
            return f"{record.KIND}-{record.day.year}"
        return record.KIND

    def _shards(self, cls: type[Record], since: date | None = None,
                until: date | None = None) -> list[str]:
        """Names of the files holding `cls`, newest year first, limited to the period."""
        if not cls.SHARDED:
            return [cls.KIND]
        prefix = f"{cls.KIND}-"
        if self.folder is None:
            names = [n for n in self._storages if n.startswith(prefix)]
        else:
            names = [n for n in self._file_names() if n.startswith(prefix)]
        shards = []
        for name in names:
            year_text = name[len(prefix):]
            if not year_text.isdigit():
                continue
            year = int(year_text)
            if (since and year < since.year) or (until and year > until.year):
                continue
            shards.append((year, name))
        return [name for _year, name in sorted(shards, reverse=True)]

    def _file_names(self) -> list[str]:
        """Names (without .json) of the data files, re-listed only when the folder changed.

        A folder's mtime changes whenever a file in it is added, removed or replaced (every
        write replaces a file), so a new year's file made by another process is always seen.
        """
        assert self.folder is not None
        try:
            stamp = os.stat(self.folder.records).st_mtime_ns
        except FileNotFoundError:
            return []
        if self._listing is None or self._listing[0] != stamp:
            self._listing = (stamp, [p.stem for p in self.folder.record_files()])
        return self._listing[1]

    def _stored_docs(self, cls: type[Record], shard: str) -> Iterable[Any]:
        """The stored documents of `cls` in one file, for reading only: tinydb's Table.all()
        copies every document first (about 5 ms for a year of activity on the way to Today)."""
        tables = self._storage(shard).read() or {}
        return tables.get(cls.KIND, {}).values()

    def _decode(self, cls: type[R], doc: dict[str, Any], shard: str) -> R:
        try:
            return from_data(cls, doc, cls.KIND)
        except DataError as error:
            path = self._path(shard) if self.folder else Path(shard)
            raise self.corrupt(path, f"a {cls.LABEL} in it does not fit: {error}") from None

    # -- reading --------------------------------------------------------------------------
    @_guard
    def list(self, cls: type[R], since: date | None = None, until: date | None = None) -> list[R]:
        """Records of one kind, oldest first, limited to days in [since, until] if given."""
        found: list[R] = []
        first = since.isoformat() if since else None
        last = until.isoformat() if until else None
        prefilter = cls.DAY_FIELD if (first or last) else None
        for shard in self._shards(cls, since, until):
            for doc in self._stored_docs(cls, shard):
                if prefilter and isinstance(doc, dict):  # skip records outside the period unread
                    raw = doc.get(prefilter)
                    if isinstance(raw, str) and len(raw) >= 10:
                        if (first and raw[:10] < first) or (last and raw[:10] > last):
                            continue
                record = self._decode(cls, doc, shard)
                day = record.day
                if day is not None and ((since and day < since) or (until and day > until)):
                    continue
                found.append(record)
        found.sort(key=_sort_key)
        return found

    def by_file(self, cls: type[R]) -> Iterator[builtins.list[R]]:
        """Every record of one kind, file by file (oldest year first; each file's records in no
        particular order). Outside a transaction each file's parsed copy is let go once read, so
        going through years of data holds one file at a time (the export does this)."""
        if self.folder is not None and not self.folder.exists():
            return
        for shard in reversed(self._shard_names(cls)):
            yield self._file_records(cls, shard)

    @_guard
    def _shard_names(self, cls: type[Record]) -> builtins.list[str]:
        return self._shards(cls)

    @_guard
    def _file_records(self, cls: type[R], shard: str) -> builtins.list[R]:
        records = [self._decode(cls, doc, shard) for doc in self._stored_docs(cls, shard)]
        if self.folder is not None and self.folder.staging is None:
            self._storages.pop(shard, None)  # read again from the file when next needed
        return records

    @_guard
    def count(self, cls: type[Record]) -> int:
        return sum(len(self._table(cls, shard)) for shard in self._shards(cls))

    @_guard
    def get(self, cls: type[R], record_id: str) -> R:
        """The record with exactly this id."""
        found = self._locate(cls, record_id)
        if found is None:
            raise NotFoundError(f"There is no {cls.LABEL} with id {record_id}.")
        return self._decode(cls, found[1], found[0])

    @_guard
    def find(self, cls: type[R], id_or_prefix: str) -> R:
        """A record by its id or the first few characters of it (as shown in tables)."""
        prefix = id_or_prefix.strip().lower()
        if len(prefix) < MIN_PREFIX:
            raise ShortIdError(cls, MIN_PREFIX)
        matches = []
        for shard in self._shards(cls):
            for doc in self._table(cls, shard).all():
                if str(doc.get("id", "")).startswith(prefix):
                    matches.append((shard, doc))
        if not matches:
            raise UnknownIdError(cls, id_or_prefix.strip())
        if len(matches) > 1:
            raise ValidationError(
                f"More than one {cls.LABEL} has an id starting '{prefix}'. "
                "Please give more of the id.", "id")
        return self._decode(cls, matches[0][1], matches[0][0])

    @_guard
    def get_single(self, cls: type[R]) -> R | None:
        """The one record of a SINGLE kind (a plan, the settings), or None."""
        found = self._locate(cls, cls.KIND)
        return None if found is None else self._decode(cls, found[1], found[0])

    def _locate(self, cls: type[Record], record_id: str) -> tuple[str, Document] | None:
        for shard in self._shards(cls):
            table = self._table(cls, shard)
            for doc in table.all():
                if doc.get("id") == record_id:
                    return shard, doc
        return None

    def check(self, record: Record) -> None:
        """Check `record`'s rules across records against the data as stored now, without
        writing (a form says a problem before it closes). `add`, `update` and `put_single`
        check them again inside their transaction, so this is never the only check."""
        record.check_across(self.list)

    # -- writing --------------------------------------------------------------------------
    @contextlib.contextmanager
    def _undo_group(self) -> Iterator[None]:
        """Changes logged inside the outermost transaction share one undo group."""
        with self._mutex:
            outermost = self._group is None
            if outermost:
                self._group = new_id()
            try:
                yield
            finally:
                if outermost:
                    self._group = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock for a group of changes; the day's backup is taken just before the first
        write of the day. The changes are undone together, with one undo."""
        with self._undo_group(), self._locked_transaction():
            yield

    @contextlib.contextmanager
    def _locked_transaction(self) -> Iterator[None]:
        if self.folder is None:
            yield
            return
        folder = self.folder
        # The mutex too: two of the app's worker threads must not share one transaction's
        # staging (each holds the process-wide file lock, which is re-entrant).
        with self._mutex, folder.locked():
            outermost = folder.staging is None
            try:
                if outermost:
                    # Files were checked when the journal opened; a file being changed is read
                    # (and so checked in full, unless paceapp wrote it as it is) before it is
                    # changed, and one that does not pass is never written.
                    folder.staging = {}
                    version = self.schema_version()
                    if version is None:
                        self._write_meta()
                    elif version > SCHEMA_VERSION:  # changed under a window left open
                        raise self.newer(version)
                yield
                if outermost and (folder.staging or self._undo_pending
                                  or self._undo_rewrite is not None):
                    self._commit(folder)
            except BaseException:
                for storage in self._storages.values():
                    if isinstance(storage, SafeJSONStorage):
                        storage.forget()
                raise
            finally:
                if outermost:
                    folder.staging = None
                    self._undo_pending = []
                    self._undo_rewrite = None

    def _commit(self, folder: DataFolder) -> None:
        """Write the transaction's files together, each sealed (it was read and checked, then
        changed only with checked records) - unless one changed on disk meanwhile."""
        assert folder.staging is not None
        staged = dict(folder.staging)
        payloads = {}
        for path, storage in staged.items():
            storage.still_current()
            payloads[path] = storage.pending_payload()
        # The day's backup, of the files as they still are: taken only when something is about
        # to be written, so a change that is refused (or changes nothing) leaves backups/ as is.
        folder.daily_backup(self._today())
        from paceapp.store import undo as undo_log

        log_path = folder.records / UNDO_LOG
        appended: tuple[int | None] | None = None
        if self._undo_rewrite is not None:
            # After an undo: the records are put back first, then the log loses those changes
            # (a crash between leaves changes that a second undo finds already reversed).
            payloads[log_path] = undo_log.encode_lines(self._undo_rewrite)
        elif self._undo_pending:
            lines = undo_log.encode_lines(self._undo_pending)
            size = os.path.getsize(log_path) if os.path.isfile(log_path) else 0
            if size + len(lines) > undo_log.COMPACT_BYTES:
                # Now and then: the newest UNDO_KEPT changes only, replaced with the records
                # (first, so a crash never leaves a change without its undo line).
                kept = (undo_log.read_entries(log_path) + self._undo_pending)[-UNDO_KEPT:]
                payloads = {log_path: undo_log.encode_lines(kept), **payloads}
            else:
                # Usually: only the new lines are appended, before the records are replaced.
                appended = (undo_log.append(log_path, lines),)
        try:
            keys = atomic_write_many(payloads)
        except BaseException:
            if appended is not None:
                undo_log.cut_back(log_path, appended[0])
            raise
        for path, storage in staged.items():
            storage.committed(keys[path])
        self._listing = None  # a new file (a new year) may have been made

    @_guard
    def add(self, record: R, *, undoable: bool = True) -> R:
        """Store a new record (validated first)."""
        data = _storable_data(record)
        with self.transaction():
            # Only the target file is searched for a clash: ids are random (uuid4), and reading
            # every year's file would make a quick log slower as the history grows.
            table = self._table(type(record), self._shard_for(record))
            if record.SINGLE or any(doc.get("id") == record.id for doc in table.all()):
                raise ValidationError(f"A {record.LABEL} with that id is already stored.", "id")
            record.check_across(self.list)
            table.insert(data)
            if undoable:
                self._log("add", record, None, data)
        return record

    @_guard
    def add_many(self, records: Iterable[Record]) -> int:
        """Store many new records at once (one write per file; not added to the undo log)."""
        grouped: dict[tuple[type[Record], str], list[dict[str, Any]]] = {}
        for record in records:
            grouped.setdefault((type(record), self._shard_for(record)), []).append(
                _storable_data(record))
        with self.transaction():
            for (cls, shard), docs in grouped.items():
                self._table(cls, shard).insert_multiple(docs)
        return sum(len(docs) for docs in grouped.values())

    @_guard
    def update(self, record: R, *, base: R | None = None) -> R:
        """Replace a stored record with a changed copy (same id); `updated` is set to now.

        `base` is the copy the change was made from (a form opened a while ago): then only the
        fields that differ from `base` are applied, to the stored record as it is now, read
        inside the lock - so a change made meanwhile elsewhere (the shell, another window) is
        kept. If the same field was changed both here and there, nothing is written and
        ChangedElsewhereError names it.
        """
        with self.transaction():
            found = self._locate(type(record), record.id)
            if found is None:
                raise NotFoundError(f"There is no {record.LABEL} with id {record.id}.")
            old_shard, old_doc = found
            if base is not None:
                record = merge_change(self._decode(type(record), old_doc, old_shard), base, record)
            record = touched(record)
            data = _storable_data(record)
            record.check_across(self.list)
            before = dict(old_doc)
            self._replace(type(record), old_shard, old_doc.doc_id, self._shard_for(record), data)
            self._log("update", record, before, data)
        return record

    @_guard
    def put_single(self, record: R, *, base: R | None = None) -> R:
        """Store the one record of a SINGLE kind, replacing any earlier one.

        With `base` (the copy a form started from), only the fields changed from it are applied
        to the stored record as it is now, as `update` does."""
        assert record.SINGLE
        _storable_data(record)  # checked before the stored copy gets its fixed id
        with self.transaction():
            found = self._locate(type(record), record.KIND)
            before = dict(found[1]) if found else None
            if found:
                old = self._decode(type(record), found[1], found[0])
                if base is not None:
                    record = merge_change(old, base, record)
                record = touched(record, id=record.KIND, created=old.created)
            else:
                record = touched(record, id=record.KIND)
            data = to_data(record)
            record.check_across(self.list)
            if found:
                self._replace(type(record), record.KIND, found[1].doc_id, record.KIND, data)
            else:
                self._table(type(record), record.KIND).insert(data)
            self._log("put", record, before, data)
        return record

    @_guard
    def delete(self, cls: type[R], record_id: str) -> R:
        """Remove a record; it can be brought back with undo."""
        with self.transaction():
            found = self._locate(cls, record_id)
            if found is None:
                raise NotFoundError(f"There is no {cls.LABEL} with id {record_id}.")
            shard, doc = found
            record = self._decode(cls, doc, shard)
            self._table(cls, shard).remove(doc_ids=[doc.doc_id])
            self._log("delete", record, dict(doc), None)
        return record

    def _replace(self, cls: type[Record], old_shard: str, doc_id: int, new_shard: str,
                 data: dict[str, Any]) -> None:
        if old_shard == new_shard:
            def swap(doc: MutableMapping[Any, Any]) -> None:
                doc.clear()
                doc.update(data)
            self._table(cls, old_shard).update(swap, doc_ids=[doc_id])
        else:
            self._table(cls, old_shard).remove(doc_ids=[doc_id])
            self._table(cls, new_shard).insert(data)

    # -- undo -----------------------------------------------------------------------------
    def _log(self, op: str, record: Record, before: dict[str, Any] | None,
             after: dict[str, Any] | None) -> None:
        """Note one change for undo (written when the transaction is saved; see store/undo.py)."""
        from paceapp.store.undo import small_entry

        entry = small_entry(op, record.KIND, record.id, before, after, utc_now().isoformat(),
                            self._group)
        if self.folder is None:
            self._memory_undo = [*self._memory_undo, entry][-UNDO_KEPT:]
        else:
            self._undo_pending.append(entry)

    def _undo_entries(self) -> builtins.list[dict[str, Any]]:
        """The changes that can be undone, oldest first (checked; a damaged log is refused)."""
        if self.folder is None:
            return list(self._memory_undo)
        from paceapp.store.undo import read_entries

        return read_entries(self.folder.records / UNDO_LOG)

    @_guard
    def last_change(self) -> dict[str, Any] | None:
        entries = self._undo_entries()
        return dict(entries[-1]) if entries else None

    @_guard
    def undo(self) -> tuple[str, Record] | None:
        """Reverse the most recent change - every change of the transaction that made it (a
        review, its plan and next week's plan) - and return (what was done, the record first
        changed in it), or None."""
        with self.transaction():
            entries = self._undo_entries()
            if not entries:
                return None
            group = entries[-1].get("group")
            chosen = [len(entries) - 1] if not isinstance(group, str) else [
                i for i, e in enumerate(entries) if e.get("group") == group]
            from paceapp.store.undo import from_before_format_3, old_format_refusal

            if any(from_before_format_3(entries[i]) for i in chosen):
                raise ValidationError(old_format_refusal(
                    self.folder.backups if self.folder else None), "undo")
            result: tuple[str, Record] | None = None
            for index in reversed(chosen):  # newest first: each change is reversed in turn
                result = self._undo_entry(entries[index]) or result
            remaining = [e for i, e in enumerate(entries) if i not in set(chosen)]
            if self.folder is None:
                self._memory_undo = remaining
            else:
                self._undo_rewrite = remaining
        return result

    def _undo_entry(self, entry: dict[str, Any]) -> tuple[str, Record] | None:
        """Reverse one logged change (inside undo's transaction); None when there is nothing
        left to reverse (the change was never saved, or the record has gone since)."""
        cls = kind_class(entry["kind"])
        op, before, after = entry["op"], entry.get("before"), entry.get("after")
        found = self._locate(cls, entry["id"])
        if op == "add" or (op == "put" and before is None):
            if found:
                self._table(cls, found[0]).remove(doc_ids=[found[1].doc_id])
            record = self._from_log(cls, after)
            return ("removed" if op == "add" else "changed back"), record
        if op == "delete":
            record = self._from_log(cls, before)
            if not found:
                self._check_put_back(record)
                self._table(cls, self._shard_for(record)).insert(dict(before or {}))
            return "brought back", record
        # update / put: only the changed fields were logged; put them back on the record
        if not found:
            return None
        from paceapp.store.undo import undo_fields

        doc = undo_fields(dict(found[1]), dict(before or {}), dict(after or {}),
                          entry.get("kept"))
        record = self._from_log(cls, doc)
        self._check_put_back(record)
        self._replace(cls, found[0], found[1].doc_id, self._shard_for(record), doc)
        return "changed back", record

    def _check_put_back(self, record: Record) -> None:
        """The rules across records hold for what undo puts back, too: a change made since
        without an undo step of its own (an import) may be in the way. Raised inside undo's
        transaction, so nothing is changed and the step stays in the undo history."""
        try:
            record.check_across(self.list)
        except ValidationError as error:
            problem = getattr(error, "problem", None) or str(error)
            raise ValidationError(f"That change was not undone: {problem} Nothing was changed.",
                                  "undo") from None

    def _from_log(self, cls: type[R], data: Any) -> R:
        """A record the undo log puts back, checked as a stored record is."""
        try:
            record = from_data(cls, data, cls.KIND)
            record.validate()
        except (DataError, ValidationError) as error:
            path = (self.folder.records / UNDO_LOG) if self.folder else Path(UNDO_LOG)
            raise self.corrupt(path, f"a change in it cannot be put back: {error}") from None
        return record

    # -- whole-folder views ---------------------------------------------------------------
    def kinds_in_use(self) -> dict[str, int]:
        """Record counts per kind (for backups listings and data check)."""
        return {name: self.count(cls) for name, cls in all_kinds().items()}
