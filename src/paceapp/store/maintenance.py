"""Looking after a data folder: check it, list and restore backups, export, import and merge.

Everything here works on the files directly where it must (a check or a restore has to work when
a file is damaged and the Journal would refuse to open), and holds the folder lock for every
change. Nothing is ever changed without a backup of what was there first.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from paceapp.core.codec import DataError, from_data
from paceapp.core.errors import ValidationError
from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.store.conflicts import is_conflict_copy, original_name
from paceapp.store.errors import CorruptFileError, WriteFailedError
from paceapp.store.folder import UNDO_LOG_FILE, Backup, DataFolder
from paceapp.store.integrity import FileResult, Problem, check_file, summary, updated_at
from paceapp.store.journal import Journal
from paceapp.store.merge_rules import refuse_clashes
from paceapp.store.migrations import (
    BASELINE,
    CHANGE,
    META_FILE,
    SYSTEM_TABLES,
    MergeCounts,
    decode_tables,
    event_backup,
    history_apart,
    history_apart_tables,
    merge_records,
    meta_payload,
    migrate_folder,
    read_tables,
    stored_version,
    write_records,
)
from paceapp.store.schema import SCHEMA_VERSION, SINGLE_FILE, needs_single_file_migration
from paceapp.store.storage import UnreadableFile, decode, write_failure_message

#: The name and version of a full JSON export (docs/data-format.md, "Export").
EXPORT_FORMAT = "paceapp-export"
EXPORT_VERSION = 1
#: A bigger file is refused before it is read (ten years of data is a few MB).
MAX_IMPORT_BYTES = 200 * 1024 * 1024
#: How many problems a message lists before "and N more".
SHOWN_PROBLEMS = 10


def _listing(problems: list[str]) -> str:
    shown = [f"  - {p}" for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        shown.append(f"  … and {len(problems) - SHOWN_PROBLEMS} more.")
    return "\n".join(shown)


# -- sync-conflict copies -----------------------------------------------------------------------
def conflict_copies(folder: DataFolder) -> list[Path]:
    """Sync tools' conflicting copies of data files, at the top of the folder and in records/."""
    found: list[Path] = []
    for where in (folder.root, folder.records):
        if where.is_dir():
            found += [p for p in where.iterdir()
                      if p.is_file() and p.suffix == ".json" and is_conflict_copy(p.name)]
    return sorted(found)


@dataclass
class ConflictCopy:
    path: Path
    original: str
    records: int = 0
    #: Records in the copy that are missing from the live data or newer than the live copy.
    different: int = 0
    problem: str | None = None


# -- check --------------------------------------------------------------------------------------
@dataclass
class CheckReport:
    root: Path
    files: int = 0
    records: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[ConflictCopy] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: (kind, id) -> `updated` of every record that checks out.
    live: dict[tuple[str, str], datetime] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.conflicts


#: Results of checking a file, by the file's identity: a file shared by hard link between the
#: live data and backups (most are) is checked once per listing.
CheckCache = dict[tuple[int, int, int, int], FileResult]


def _checked(path: Path, label: str, cache: CheckCache | None, trust_seal: bool) -> FileResult:
    try:
        st = os.lstat(path)
        key: tuple[int, int, int, int] | None = (st.st_dev, st.st_ino, st.st_size,
                                                 st.st_mtime_ns)
    except OSError:
        key = None
    if cache is not None and key is not None and key in cache:
        hit = cache[key]
        return FileResult([dataclasses.replace(p, file=label) for p in hit.problems],
                          hit.records, hit.counts, hit.version)
    result = check_file(path, label, trust_seal=trust_seal)
    if cache is not None and key is not None:
        cache[key] = result
    return result


def check_records(folder: Path, prefix: str, report: CheckReport,
                  cache: CheckCache | None = None, *, trust_seal: bool = False) -> None:
    """Check every data file in `folder` (records/ or a backup of it), adding to `report`;
    messages name files as PREFIX + name. With `trust_seal`, as reading takes them (a file with
    its seal intact passes); else every record is checked again, as `data check` does."""
    has_meta = False
    newer = False
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError as error:
        report.problems.append(Problem(prefix.rstrip("/"), f"this folder cannot be read "
                                                           f"({error.strerror})"))
        return
    for path in entries:
        if path.name.startswith("."):
            if path.name.endswith(".tmp"):
                report.notes.append(f"{prefix}{path.name} is a leftover from a save that was "
                                    "stopped; it is never read and can be deleted.")
            continue
        if path.name == UNDO_LOG_FILE:  # the undo log, one change per line
            report.files += 1
            report.problems += _checked(path, f"{prefix}{path.name}", cache, False).problems
            continue
        if path.suffix != ".json" or is_conflict_copy(path.name):
            continue
        if path.name == SINGLE_FILE:  # a backup taken before the first data format was moved
            _check_single_file(path, f"{prefix}{path.name}", report)
            continue
        report.files += 1
        has_meta = has_meta or path.name == META_FILE
        result = _checked(path, f"{prefix}{path.name}", cache, trust_seal)
        report.problems += result.problems
        newer = newer or (result.version or 0) > SCHEMA_VERSION
        if result.version is not None and result.version < SCHEMA_VERSION:
            report.notes.append(f"The data is in an older format ({result.version}); paceapp "
                                "will bring it forward (after a backup) the next time it opens "
                                "the folder.")
        for kind, record_id, updated in result.records:
            key = (kind, record_id)
            if key in report.live:
                report.problems.append(Problem(f"{prefix}{path.name}",
                                               f"another {all_kinds()[kind].LABEL} has the same id",
                                               record_id))
                continue
            report.live[key] = updated_at(updated) or datetime.min.replace(tzinfo=UTC)
            report.records += 1
            report.counts[kind] = report.counts.get(kind, 0) + 1
    if report.records and not has_meta and not (folder / SINGLE_FILE).is_file():
        report.problems.append(Problem(f"{prefix}{META_FILE}", "the data format's version is "
                                       "missing (the file is not there)"))


def _check_single_file(path: Path, label: str, report: CheckReport) -> None:
    try:
        tables = read_tables(path, strict_ending=False)
    except CorruptFileError as error:
        report.problems.append(Problem(label, str(error).splitlines()[0]))
        return
    except RecursionError:
        report.problems.append(Problem(label, "it is nested far too deeply to be a paceapp file"))
        return
    decoded = decode_tables(tables, fill_updated=True)
    report.problems += [Problem(label, p) for p in decoded.problems]
    report.records += len(decoded.records)
    for record in decoded.records:
        report.counts[record.KIND] = report.counts.get(record.KIND, 0) + 1
    report.files += 1


def _check_conflict(path: Path, root: Path, live: dict[tuple[str, str], datetime]) -> ConflictCopy:
    copy = ConflictCopy(path, original_name(path.name))
    try:
        payload = path.read_bytes()
        if payload.rstrip().endswith(b"}"):  # a copy of the first format's file has no newline
            payload = payload.rstrip() + b"\n"
        tables = decode(payload, path)
    except UnreadableFile as error:
        copy.problem = error.reason
        return copy
    except OSError as error:
        copy.problem = error.strerror or "it cannot be opened"
        return copy
    decoded = decode_tables(tables, fill_updated=True, validate=False)
    copy.records = len(decoded.records)
    for record in decoded.records:
        stored = live.get((record.KIND, record.id))
        if stored is None or record.updated > stored:
            copy.different += 1
    if decoded.problems:
        copy.problem = f"{len(decoded.problems)} entries in it cannot be read"
    return copy


def check_folder(root: Path) -> CheckReport:
    """Read every data file and check every record, as reading and writing do; list problems
    with file and record id. Changes nothing."""
    folder = DataFolder(root)
    report = CheckReport(folder.root)
    if not folder.root.exists():
        report.notes.append("Nothing is saved there yet.")
        return report
    if needs_single_file_migration(folder):
        report.notes.append(f"{SINGLE_FILE} is in the first paceapp's data format; paceapp will "
                            "move it into records/ (after a backup) the next time it opens "
                            "the folder.")
        _check_single_file(folder.root / SINGLE_FILE, SINGLE_FILE, report)
    check_records(folder.records, "records/", report)
    report.conflicts = [_check_conflict(p, folder.root, report.live)
                        for p in conflict_copies(folder)]
    return report


# -- backups ------------------------------------------------------------------------------------
@dataclass
class BackupInfo:
    """A backup and what checking it found: it is offered only when it passes every check live
    data must pass."""

    backup: Backup
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @property
    def usable(self) -> bool:
        return not self.problems and bool(_backup_files(self.backup))

    @property
    def damaged(self) -> list[str]:
        """The names of its files with a problem."""
        names = {p.file.rsplit("/", 1)[-1] for p in self.problems}
        return sorted(names)

    @property
    def why_not(self) -> str:
        """Why it cannot be put back ('' when it can)."""
        if self.problems:
            return summary(self.problems, with_file=True)
        if not _backup_files(self.backup):
            return "it holds no data files"
        return ""

    @property
    def reason(self) -> str:
        """'daily', or what it was taken before ('restore', 'import', 'migrate')."""
        if self.backup.is_daily:
            return "daily"
        _time, _sep, rest = self.backup.name.partition("-before-")
        return f"before {rest.rstrip('-0123456789') or rest}" if rest else "other"

    @property
    def taken(self) -> datetime | date:
        """When it was taken, by the clock of the time (its name)."""
        name = self.backup.name
        try:
            return datetime.strptime(name[:17], "%Y-%m-%dT%H%M%S")
        except ValueError:
            return self.backup.day


def _backup_files(backup: Backup) -> list[Path]:
    return [p for p in backup.files() if not is_conflict_copy(p.name)]


def backup_info(backup: Backup, cache: CheckCache | None = None, *,
                thorough: bool = False) -> BackupInfo:
    """Check a backup as live data is checked when it is read (a file paceapp sealed passes,
    any other is checked record by record); `thorough` checks every record of every file, as
    `data check` does (before a restore)."""
    report = CheckReport(backup.path)
    check_records(backup.path, f"backups/{backup.name}/", report, cache,
                  trust_seal=not thorough)
    return BackupInfo(backup, report.counts, report.problems)


def list_backups(root: Path) -> list[BackupInfo]:
    """Backups, newest first (in the order they were made), each checked."""
    cache: CheckCache = {}
    return [backup_info(b, cache) for b in DataFolder(root).list_backups()]


def find_backup(folder: DataFolder, name: str) -> Backup:
    """The backup called `name` (as `paceapp data backups` lists it, or its folder path)."""
    wanted = Path(name.strip()).name if name.strip() else ""
    backups = folder.list_backups()
    for backup in backups:
        if backup.name == wanted:
            return backup
    names = ", ".join(b.name for b in backups[:5])
    hint = (f"The newest are: {names}." if backups else
            "There are no backups yet: paceapp takes one before the first change of each day.")
    raise ValidationError(f"There is no backup called '{name.strip()[:80]}'. {hint} "
                          "'paceapp data backups' lists them all.", "backup")


@dataclass
class Restored:
    backup: Backup
    kept: Backup | None
    records: int


def restore_backup(root: Path, name: str, now: datetime | None = None) -> Restored:
    """Put a backup's files back as the live data, after keeping a backup of the live data.

    The backup is checked first exactly as live data is (every file, every record); one that
    does not pass is refused with the reason (ValidationError), and nothing is changed. Works
    when live files are damaged (it never reads them). Live data files that the backup lacks are
    removed from records/ (they are kept in the 'before-restore' backup).
    """
    folder = DataFolder(root)
    backup = find_backup(folder, name)
    moment = now or datetime.now()
    with folder.locked():
        info = backup_info(backup, thorough=True)
        if not info.usable:
            raise ValidationError(
                f"The backup {backup.name} cannot be put back: {info.why_not}.\nNothing was "
                "changed. Please choose another one ('paceapp data backups' shows which can be "
                "used).", "backup")
        files = _backup_files(backup)
        # Read before the copy of the live data is taken: taking it prunes, and may remove
        # this very backup (when everything in it is in another one).
        if any(p.name == SINGLE_FILE for p in files):  # a backup taken before the 0 -> 1 migration
            tables = history_apart_tables(read_tables(backup.path / SINGLE_FILE,
                                                      strict_ending=False))
            records = decode_tables(tables, fill_updated=True, validate=False).records
            wanted = {folder.records / META_FILE: meta_payload()}
            merge_records(folder, records, write=False, pending=wanted, replace_all=True)
            checked = False
        else:
            wanted = {folder.records / p.name: p.read_bytes() for p in files}
            checked = True  # every file was checked just now
        # The undo log goes back with the records it belongs to, in the same write (empty when
        # the backup has none): changes made after the backup must not be undone on top of it.
        log_copy = backup.path / UNDO_LOG_FILE
        live_log = folder.records / UNDO_LOG_FILE
        log_payload = log_copy.read_bytes() if log_copy.is_file() else b""
        kept = event_backup(folder, "restore", moment)
        live_before = [p for p in folder.record_files() if not is_conflict_copy(p.name)]
        folder.ensure()
        write_records(folder, wanted, checked=checked,
                      replace_links=frozenset(wanted) | {live_log},
                      extra={live_log: log_payload})
        _remove([p for p in live_before if p not in wanted])
    return Restored(backup, kept, info.records)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise WriteFailedError(write_failure_message(path, error)) from error


# -- export -------------------------------------------------------------------------------------
def export_sort_key(record: Record) -> tuple[Any, ...]:
    """The order of records in an export: by day, then when they were made, then id."""
    return (record.day or date.min, record.created, record.id)


_export_key = export_sort_key


def export_records(journal: Journal) -> dict[str, list[Record]]:
    """Every record of every kind (settings and other one-record kinds too), in a stable order."""
    out: dict[str, list[Record]] = {}
    for name, cls in all_kinds().items():
        if journal.folder is not None and not journal.folder.exists():
            out[name] = []
            continue
        records = journal.list(cls)
        out[name] = sorted(records, key=_export_key)
    return out


# -- import -------------------------------------------------------------------------------------
@dataclass
class ImportBatch:
    """Validated records from a file, ready to store."""

    source: Path
    #: "export" (a full JSON export) or "copy" (a data file or a sync tool's copy of one).
    form: str
    records: list[Record]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for record in self.records:
            found[record.KIND] = found.get(record.KIND, 0) + 1
        return found


def _refuse(source: Path, reason: str) -> ValidationError:
    return ValidationError(f"{source.name} cannot be imported: {reason}\nNothing was changed.",
                           "file")


def _records_from_export(doc: dict[str, Any], source: Path) -> list[Record]:
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refuse(source, "its format version is missing.")
    if version > EXPORT_VERSION:
        raise _refuse(source, f"it was made by a newer paceapp (export version {version}; this "
                              f"paceapp reads up to {EXPORT_VERSION}). Please update paceapp.")
    schema = doc.get("schema", SCHEMA_VERSION)
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise _refuse(source, f"it holds data format {schema}; this paceapp reads up to "
                              f"{SCHEMA_VERSION}. Please update paceapp.")
    groups = doc.get("records")
    if not isinstance(groups, dict):
        raise _refuse(source, "it has no 'records' section.")
    old = groups.get(BASELINE)
    if isinstance(old, list) and any(isinstance(b, dict) and "history" in b for b in old):
        # An export from before data format 3: each baseline's history becomes its changes.
        kept, changes = history_apart(old)
        groups = {**groups, BASELINE: kept}
        if changes:
            there = groups.get(CHANGE)
            there_ids = ({c.get("id") for c in there if isinstance(c, dict)}
                         if isinstance(there, list) else set())
            groups[CHANGE] = [*(there if isinstance(there, list) else []),
                              *(c for c in changes if c["id"] not in there_ids)]
    kinds = all_kinds()
    problems: list[str] = []
    records: list[Record] = []
    for kind, items in groups.items():
        cls = kinds.get(kind)
        if cls is None:
            problems.append(f"'{str(kind)[:40]}' is not a kind of record paceapp keeps")
            continue
        if not isinstance(items, list):
            problems.append(f"the {kind} section is not a list")
            continue
        if cls.SINGLE and len(items) > 1:
            problems.append(f"there is more than one {cls.LABEL}")
        seen: set[str] = set()
        for position, item in enumerate(items, 1):
            label = f"{kind} #{position}"
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label = f"{kind} {item['id'][:40]}"
            elif isinstance(item, dict):  # never make one up: importing twice would double it
                problems.append(f"{label}: it has no id")
                continue
            try:
                record = from_data(cls, item, kind)
                record.validate()
            except (DataError, ValidationError) as error:
                problems.append(f"{label}: {error}")
                continue
            if record.id in seen:
                problems.append(f"{label}: the same id appears twice")
                continue
            if cls.SINGLE and record.id != cls.KIND:
                problems.append(f"{label}: the {cls.LABEL} must have the id '{cls.KIND}'")
                continue
            seen.add(record.id)
            records.append(record)
    if problems:
        raise _refuse(source, f"{len(problems)} problem(s):\n{_listing(problems)}")
    return records


def _records_from_copy(tables: dict[str, Any], source: Path) -> list[Record]:
    decoded = decode_tables(history_apart_tables(tables), fill_updated=True)
    if decoded.problems:
        raise _refuse(source, f"{len(decoded.problems)} problem(s):\n{_listing(decoded.problems)}")
    return decoded.records


def parse_import(payload: bytes, source: Path) -> ImportBatch:
    """Read a full export, or a data file / sync copy of one; ValidationError if it does not fit."""
    if len(payload) > MAX_IMPORT_BYTES:
        raise _refuse(source, f"it is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, far more "
                              "than paceapp writes.")
    try:
        doc = json.loads(payload.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _refuse(source, "it is not text (a paceapp export is a JSON text file).") from None
    except ValueError as error:
        raise _refuse(source, f"it is not valid JSON ({error}).") from None
    except RecursionError:
        raise _refuse(source, "it is nested too deeply to be a paceapp file.") from None
    if not isinstance(doc, dict):
        raise _refuse(source, "it is not a paceapp export.")
    if "format" in doc:
        if doc.get("format") != EXPORT_FORMAT:
            raise _refuse(source, f"it is not a paceapp export (format '{str(doc.get('format'))[:40]}').")
        return ImportBatch(source, "export", _records_from_export(doc, source))
    if doc and all(isinstance(v, dict) for v in doc.values()) and any(
            k in all_kinds() or k in SYSTEM_TABLES for k in doc):
        return ImportBatch(source, "copy", _records_from_copy(doc, source))
    raise _refuse(source, "it is not a paceapp export or data file.")


def read_import_file(path: Path) -> ImportBatch:
    """Read and validate FILE for import (nothing is stored)."""
    try:
        if path.is_dir():
            raise _refuse(path, "it is a folder. Please give the export file.")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            return parse_import(b" " * (MAX_IMPORT_BYTES + 1), path)
        payload = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"There is no file {path}. Please check the name.", "file") from None
    except PermissionError:
        raise ValidationError(f"paceapp is not allowed to read {path}.", "file") from None
    except OSError as error:
        raise ValidationError(f"{path} cannot be read ({error.strerror}).", "file") from None
    return parse_import(payload, path)


@dataclass
class Imported:
    counts: MergeCounts
    backup: Backup | None
    retired: Path | None = None


def import_batch(root: Path, batch: ImportBatch, *, merge: bool = False,
                 now: datetime | None = None) -> Imported:
    """Store a validated batch in the data folder at `root`.

    A full export goes only into an empty folder unless `merge`; a data file's copy is always
    merged. Merging keeps one record per id (the newer `updated` wins) after a backup.
    """
    migrate_folder(root)
    journal = Journal.open(root)
    folder = journal.folder
    assert folder is not None
    moment = now or datetime.now()
    with folder.locked():
        counts_now = ({name: journal.count(cls) for name, cls in all_kinds().items()}
                      if folder.exists() else {})
        # One-record kinds (settings, plans) appear as soon as the app is opened: a folder that
        # holds only those still counts as empty, and the export's copies replace them.
        existing = sum(n for name, n in counts_now.items() if not all_kinds()[name].SINGLE)
        if existing and batch.form == "export" and not merge:
            raise ValidationError(
                f"The data folder {folder.root} already holds {existing} records, so the export "
                "was not loaded.\nTo add the export's records to them, run the same command with "
                "--merge (a record that is in both is kept once: the newer copy wins).\n"
                "Nothing was changed.", "merge")
        fresh = batch.form == "export" and not merge
        # The rules across records (one night per morning...) hold after the merge too: a record
        # that would clash with one already here refuses the whole file, before any change.
        refuse_clashes(journal, batch.records, incoming_wins=fresh)
        anything = any(counts_now.values())
        backup = event_backup(folder, "import", moment) if anything else None
        pending: dict[Path, bytes] = {}
        if stored_version(folder) is None:
            pending[folder.records / META_FILE] = meta_payload()
        counts = merge_records(folder, batch.records, write=False, pending=pending,
                               incoming_wins=fresh)
        folder.ensure()
        # Files merged into were read only if they passed every check, and the batch's records
        # were checked on the way in: what is written is known good.
        write_records(folder, pending, checked=True)
        retired = None
        if batch.form == "copy" and is_conflict_copy(batch.source.name) and _inside(batch.source,
                                                                                     folder.root):
            retired = batch.source.with_name(batch.source.name + ".merged")
            try:
                os.replace(batch.source, retired)
            except OSError:
                retired = None
    return Imported(counts, backup, retired)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True

