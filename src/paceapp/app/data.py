"""Caring for the data folder: where it is, a check, backups and restore, export and import, and
undoing the last change.

Checking, listing backups, restoring and importing work on the folder itself (a path), not on
an opened Journal: they must still work when a data file is damaged and the Journal refuses to
open. Exports read through the Journal. Each write holds the folder's lock for its whole
read-check-write.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from paceapp.core.value import Value
from paceapp.outputs.export import (
    export_chunks,
    write_csv_export_streamed,
    write_json_export_streamed,
)
from paceapp.outputs.files import ensure_folder, free_path
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal
from paceapp.store.maintenance import (
    MAX_IMPORT_BYTES,
    BackupInfo,
    CheckReport,
    ImportBatch,
    Imported,
    Restored,
    backup_info,
    check_folder,
    find_backup,
    import_batch,
    list_backups,
    parse_import,
    read_import_file,
    restore_backup,
)

__all__ = ["MAX_IMPORT_BYTES", "BackupInfo", "CheckReport", "DataView", "Exported",
           "ImportBatch", "Imported", "Restored", "backup_names", "backup_to_restore",
           "check_data", "data_root", "export_csv", "export_into", "export_json",
           "export_json_chunks", "has_saved_data", "import_records", "load_backups",
           "load_data_view", "problem_advice", "read_import", "read_import_text",
           "restore"]


# -- where it is --------------------------------------------------------------------------------
def data_root(journal: Journal) -> Path:
    """The data folder of an opened journal (every journal a front end opens has one)."""
    if journal.folder is None:
        raise ValueError("an in-memory journal has no data folder")
    return journal.folder.root


def has_saved_data(root: Path) -> bool:
    """True once anything was saved in the folder at `root` (it has its records/ folder)."""
    return DataFolder(root).exists()


# -- check and backups ----------------------------------------------------------------------------
def check_data(root: Path) -> CheckReport:
    """Read every file and check every record (changes nothing)."""
    return check_folder(root)


def load_backups(root: Path) -> list[BackupInfo]:
    """The backups, newest first (in the order they were taken), each checked."""
    return list_backups(root)


@dataclass(frozen=True, eq=False, repr=False)
class DataView(Value):
    """The data section: the folder, the check's result (None: nothing saved yet) and the
    backups, newest first."""

    root: Path
    check: CheckReport | None
    backups: list[BackupInfo]


def load_data_view(journal: Journal) -> DataView:
    root = data_root(journal)
    if not has_saved_data(root):
        return DataView(root, None, [])
    return DataView(root, check_folder(root), list_backups(root))


def problem_advice(root: Path, problem: object) -> str | None:
    """Advice for a file that cannot be used for a reason other than damage (a link, a file
    paceapp may not read): a backup is not the answer there. None for damage (and a newer
    file), where a backup is."""
    from paceapp.store.errors import advice
    from paceapp.store.storage import DAMAGED, file_trouble

    code = getattr(problem, "code", "")
    if code in ("", DAMAGED, "newer"):
        return None
    path = root / str(getattr(problem, "file", ""))
    trouble = file_trouble(path)
    return advice(path, code, trouble.target if trouble else None)


def backup_names(root: Path, start: str = "") -> list[str]:
    """The backups' names starting with `start`, newest first (a folder listing: no data file
    is read)."""
    return [b.name for b in DataFolder(root).list_backups() if b.name.startswith(start)]


def backup_to_restore(root: Path, name: str) -> BackupInfo:
    """The backup called `name`, checked, to ask about before putting it back
    (ValidationError when there is none by that name)."""
    return backup_info(find_backup(DataFolder(root), name))


def restore(where: Journal | Path, name: str, *, now: datetime | None = None) -> Restored:
    """Put the backup called `name` back as the data in `where` (the opened journal, or the
    folder's path: a restore must work when the data cannot be opened); the data as it was is
    kept as a backup first. The backup is checked again under the lock: one that does not pass
    changes nothing."""
    return restore_backup(where if isinstance(where, Path) else data_root(where), name, now)


# -- export -------------------------------------------------------------------------------------
def export_json_chunks(journal: Journal) -> Iterator[str]:
    """The full JSON export, piece by piece as it is read (memory does not grow with years)."""
    return export_chunks(journal.by_file)


def export_json(journal: Journal, out: Path, *, force: bool = False) -> int:
    """Write the full JSON export to the file `out`; return how many records it holds."""
    return write_json_export_streamed(journal.by_file, out, force=force)


def export_csv(journal: Journal, out: Path, *, force: bool = False) -> tuple[int, list[Path]]:
    """Write one CSV file per kind into the folder `out`, one data file read at a time (memory
    does not grow with years); return (records, files written)."""
    return write_csv_export_streamed(journal.by_file, out, force=force)


@dataclass(frozen=True, eq=False, repr=False)
class Exported(Value):
    count: int
    #: The file (JSON) or folder (CSV) written.
    target: Path


def export_into(journal: Journal, form: Literal["json", "csv"], folder: Path,
                today: date) -> Exported:
    """Export into `folder` (made if missing) under a name not taken yet, e.g.
    paceapp-export-2026-12-01.json, or a folder paceapp-export-2026-12-01-csv of CSV files."""
    stem = f"paceapp-export-{today.isoformat()}"
    target = (free_path(folder, stem, ".json") if form == "json"
              else free_path(folder, f"{stem}-csv"))
    ensure_folder(folder)
    if form == "json":
        return Exported(export_json(journal, target), target)
    return Exported(export_csv(journal, target)[0], target)


# -- import -------------------------------------------------------------------------------------
def read_import(path: Path) -> ImportBatch:
    """Read and check a file to import (nothing is stored)."""
    return read_import_file(path)


def read_import_text(payload: bytes, source: Path) -> ImportBatch:
    """Check an export given as bytes (from standard input), named `source` in messages."""
    return parse_import(payload, source)


def import_records(root: Path, batch: ImportBatch, *, merge: bool = False) -> Imported:
    """Store a checked batch: a full export only into an empty folder unless `merge`; merging
    keeps one record per id (the newer copy wins), after a backup."""
    return import_batch(root, batch, merge=merge)

