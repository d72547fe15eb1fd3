"""Looking after a data folder: check it, list and restore backups, export, import and merge.

Everything here works on the files directly where it must (a check or a restore has to work when
a file is damaged and the Journal would refuse to open), and holds the folder lock for every
change. Nothing is ever changed without a backup of what was there first.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from paceapp.core.codec import DataError, from_data
from paceapp.core.errors import ValidationError
from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.store.conflicts import is_conflict_copy, original_name
from paceapp.store.errors import CorruptFileError, WriteFailedError
from paceapp.store.folder import Backup, DataFolder
from paceapp.store.journal import Journal
from paceapp.store.migrations import (
    META_FILE,
    SHARD_NAME,
    SYSTEM_TABLES,
    MergeCounts,
    decode_tables,
    event_backup,
    merge_records,
    meta_payload,
    migrate_folder,
    read_tables,
    stored_version,
    write_files,
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
class Problem:
    file: str
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}, record {self.record_id}" if self.record_id else self.file
        return f"{where}: {self.message}"


@dataclass
class CheckReport:
    root: Path
    files: int = 0
    records: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[ConflictCopy] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.conflicts


def _check_record(cls: type[Record], doc: Any, file: str, year: int | None,
                  report: CheckReport, live: dict[tuple[str, str], datetime]) -> None:
    record_id = str(doc.get("id")) if isinstance(doc, dict) and doc.get("id") else None
    try:
        record = from_data(cls, doc, cls.KIND)
        record.validate()
    except (DataError, ValidationError) as error:
        report.problems.append(Problem(file, f"this {cls.LABEL} {error}" if isinstance(error, DataError)
                                       else f"this {cls.LABEL} is not valid: {error}", record_id))
        return
    key = (cls.KIND, record.id)
    if key in live:
        report.problems.append(Problem(file, f"another {cls.LABEL} has the same id", record.id))
    live[key] = record.updated
    if cls.SHARDED and year is not None and record.day is not None and record.day.year != year:
        report.problems.append(Problem(
            file, f"this {cls.LABEL} is dated {record.day.isoformat()}, so paceapp looks for it "
                  f"in {cls.KIND}-{record.day.year}.json", record.id))
    if cls.SINGLE and record.id != cls.KIND:
        report.problems.append(Problem(file, f"the {cls.LABEL} must have the id '{cls.KIND}'",
                                       record.id))
    report.records += 1
    report.counts[cls.KIND] = report.counts.get(cls.KIND, 0) + 1


def _check_file(path: Path, report: CheckReport, live: dict[tuple[str, str], datetime]) -> None:
    kinds = all_kinds()
    file = f"records/{path.name}"
    try:
        tables = decode(path.read_bytes(), path)
    except UnreadableFile as error:
        report.problems.append(Problem(file, f"this file cannot be read: {error.reason}"))
        return
    except OSError as error:
        report.problems.append(Problem(file, f"this file cannot be opened: {error.strerror}"))
        return
    if path.stem == "_meta":
        doc = tables.get("meta", {}).get("1")
        version = doc.get("schema") if isinstance(doc, dict) else None
        if not isinstance(version, int) or isinstance(version, bool):
            report.problems.append(Problem(file, "the data format's version is missing"))
        elif version > SCHEMA_VERSION:
            report.problems.append(Problem(
                file, f"this folder was saved by a newer paceapp (data format {version}); "
                      "please update paceapp"))
        elif version < SCHEMA_VERSION:
            report.notes.append(f"The data is in an older format ({version}); paceapp will bring "
                                "it forward (after a backup) the next time it opens the folder.")
        return
    if path.stem == "_undo":
        if set(tables) - {"undo"}:
            report.problems.append(Problem(file, "this undo file holds something unexpected"))
        return
    match = SHARD_NAME.match(path.stem)
    cls = kinds.get(match["kind"]) if match else None
    if match is None or cls is None or bool(match["year"]) != cls.SHARDED:
        report.problems.append(Problem(
            file, "paceapp does not know this file (it is not read); if it is yours, move it "
                  "out of records/"))
        return
    year = int(match["year"]) if match["year"] else None
    for table, docs in tables.items():
        if table != cls.KIND and docs:
            report.problems.append(Problem(file, f"it holds a table '{table}' that paceapp does "
                                                 "not read from this file"))
    for doc in tables.get(cls.KIND, {}).values():
        _check_record(cls, doc, file, year, report, live)


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
    """Read every data file and validate every record; list problems with file and record id."""
    folder = DataFolder(root)
    report = CheckReport(folder.root)
    if not folder.root.exists():
        report.notes.append("Nothing is saved there yet.")
        return report
    live: dict[tuple[str, str], datetime] = {}
    if needs_single_file_migration(folder):
        report.notes.append(f"{SINGLE_FILE} is in the first paceapp's data format; paceapp will "
                            "move it into records/ (after a backup) the next time it opens "
                            "the folder.")
        try:
            tables = read_tables(folder.root / SINGLE_FILE, strict_ending=False)
            decoded = decode_tables(tables, fill_updated=True)
            report.problems += [Problem(SINGLE_FILE, p) for p in decoded.problems]
            report.records += len(decoded.records)
            report.files += 1
        except CorruptFileError as error:
            report.problems.append(Problem(SINGLE_FILE, str(error).splitlines()[0]))
    has_meta = False
    if folder.records.is_dir():
        for path in sorted(folder.records.iterdir()):
            if path.name.startswith("."):
                if path.name.endswith(".tmp"):
                    report.notes.append(f"records/{path.name} is a leftover from a save that was "
                                        "stopped; it is never read and can be deleted.")
                continue
            if path.suffix != ".json" or not path.is_file() or is_conflict_copy(path.name):
                continue
            report.files += 1
            has_meta = has_meta or path.name == META_FILE
            _check_file(path, report, live)
    if report.records and not has_meta and not needs_single_file_migration(folder):
        report.problems.append(Problem(f"records/{META_FILE}", "the data format's version is "
                                       "missing (the file is not there)"))
    report.conflicts = [_check_conflict(p, folder.root, live) for p in conflict_copies(folder)]
    return report


# -- backups ------------------------------------------------------------------------------------
@dataclass
class BackupInfo:
    backup: Backup
    counts: dict[str, int] = field(default_factory=dict)
    damaged: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @property
    def reason(self) -> str:
        """'daily', or what it was taken before ('restore', 'import', 'migrate')."""
        if self.backup.is_daily:
            return "daily"
        _time, _sep, rest = self.backup.name.partition("-before-")
        return f"before {rest.rstrip('-0123456789') or rest}" if rest else "other"

    @property
    def taken(self) -> datetime | date:
        name = self.backup.name
        try:
            return datetime.strptime(name[:17], "%Y-%m-%dT%H%M%S")
        except ValueError:
            return self.backup.day


def _backup_files(backup: Backup) -> list[Path]:
    return [p for p in backup.files() if not is_conflict_copy(p.name)]


def backup_info(backup: Backup) -> BackupInfo:
    info = BackupInfo(backup)
    for path in _backup_files(backup):
        try:
            tables = read_tables(path, strict_ending=path.name != SINGLE_FILE)
        except CorruptFileError:
            info.damaged.append(path.name)
            continue
        for table, docs in tables.items():
            if table not in SYSTEM_TABLES and table in all_kinds():
                info.counts[table] = info.counts.get(table, 0) + len(docs)
    return info


def list_backups(root: Path) -> list[BackupInfo]:
    """Backups, newest first, with record counts (and any damaged files)."""
    return [backup_info(b) for b in DataFolder(root).list_backups()]


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

    Works when live files are damaged (it never reads them). Live data files that the backup
    lacks are removed from records/ (they are kept in the 'before-restore' backup).
    """
    folder = DataFolder(root)
    backup = find_backup(folder, name)
    info = backup_info(backup)
    if info.damaged:
        raise ValidationError(
            f"The backup {backup.name} is damaged ({', '.join(info.damaged)} cannot be read), so "
            "it was not put back. Please choose another one ('paceapp data backups').", "backup")
    files = _backup_files(backup)
    if not files:
        raise ValidationError(f"The backup {backup.name} holds no data files. Please choose "
                              "another one ('paceapp data backups').", "backup")
    moment = now or datetime.now()
    with folder.locked():
        kept = event_backup(folder, "restore", moment)
        live_before = [p for p in folder.record_files() if not is_conflict_copy(p.name)]
        if any(p.name == SINGLE_FILE for p in files):  # a backup taken before the 0 -> 1 migration
            tables = read_tables(backup.path / SINGLE_FILE, strict_ending=False)
            records = decode_tables(tables, fill_updated=True, validate=False).records
            wanted = {folder.records / META_FILE: meta_payload()}
            merge_records(folder, records, write=False, pending=wanted, replace_all=True)
        else:
            wanted = {folder.records / p.name: p.read_bytes() for p in files}
        folder.ensure()
        write_files(wanted)
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
def _export_key(record: Record) -> tuple[Any, ...]:
    return (record.day or date.min, record.created, record.id)


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
    decoded = decode_tables(tables, fill_updated=True)
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
        anything = any(counts_now.values())
        backup = event_backup(folder, "import", moment) if anything else None
        pending: dict[Path, bytes] = {}
        if stored_version(folder) is None:
            pending[folder.records / META_FILE] = meta_payload()
        fresh = batch.form == "export" and not merge
        counts = merge_records(folder, batch.records, write=False, pending=pending,
                               incoming_wins=fresh)
        folder.ensure()
        write_files(pending)
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

