"""Every kind of record alike: list, find, change, delete and undo (`paceapp show|edit|delete|
undo`, the Diary's e, x and Ctrl+Z, and the TUI's record form).

A change is made from `field=value` text (`core.edits`), checked as typed (`check_typed`), and
applied, fields only, to the record as stored now; the rules across records run in the
Journal's transaction (`Record.check_across`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from paceapp.core.day import DayActivities, person_activities
from paceapp.core.edits import apply_edits
from paceapp.core.kinds import kind_class
from paceapp.core.records import Record
from paceapp.core.settings import Settings
from paceapp.core.value import Value
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

R = TypeVar("R", bound=Record)


def list_records(journal: Journal, cls: type[R], since: date | None = None) -> list[R]:
    """Records of one kind, oldest first (none when nothing is stored yet: the data folder is
    not made just to read)."""
    if journal.folder is not None and not journal.folder.exists():
        return []
    return journal.list(cls, since=since)


def find_record(journal: Journal, cls: type[R], id_or_prefix: str) -> R:
    """A record by its id or the first few characters of it (UnknownIdError, ShortIdError)."""
    return journal.find(cls, id_or_prefix)


def changed_copy(journal: Journal, record: R, changes: Sequence[str], now: datetime) -> R:
    """`record` with each `field=value` applied and checked on its own: fields a kind reads
    itself (`CUSTOM_EDITS`, e.g. a day's `hard="Dressing=help; Eating=slowly"`, read against
    the person's list of activities) by the kind; the others by `core.edits.apply_edits`."""
    custom: tuple[str, ...] = getattr(record, "CUSTOM_EDITS", ())
    own = [c for c in changes if "=" in c
           and c.partition("=")[0].strip().replace("-", "_") in custom]
    rest = [c for c in changes if c not in own]
    changed = apply_edits(record, rest, now) if rest or not own else record
    if own:
        activities = person_activities(journal.get_single(DayActivities))
        edit_field: Any = getattr(changed, "edit_field")  # noqa: B009 - declared with CUSTOM_EDITS
        for change in own:
            name, _sep, value = change.partition("=")
            changed = edit_field(name.strip().replace("-", "_"), value, activities)
            edit_field = getattr(changed, "edit_field")  # noqa: B009
    changed.check_typed(now)
    return changed


def edit_record(journal: Journal, cls: type[R], id_or_prefix: str, changes: Sequence[str],
                now: datetime) -> R:
    """Change the fields given as `field=value` on a record, in one transaction: found and
    changed on the record as stored now; the rules across records checked by the Journal."""
    with journal.transaction():
        record = journal.find(cls, id_or_prefix)
        changed = changed_copy(journal, record, changes, now)
        return journal.update(changed, base=record)


def change_record(journal: Journal, changed: R, base: R, now: datetime) -> R:
    """Store `changed` (made from `base`, e.g. by a form): only the fields that differ from
    `base` are applied to the record as stored now."""
    with journal.transaction():
        changed.check_typed(now)
        return journal.update(changed, base=base)


def delete_record(journal: Journal, cls: type[R], record_id: str) -> R:
    """Remove a record by its whole id; undo brings it back."""
    with journal.transaction():
        return journal.delete(cls, record_id)


@dataclass(frozen=True, eq=False, repr=False)
class Undone(Value):
    """What the last change's undo did: `what` ("removed", "brought back", "changed back") to
    `record`; `settings` as stored after, when the undone change was to the settings."""

    what: str
    record: Record
    settings: Settings | None = None


def undo_last(journal: Journal) -> Undone | None:
    """Reverse the most recent change (every change of the step that made it; `paceapp undo`
    and Ctrl+Z); None when there is nothing to undo."""
    if journal.folder is not None and not journal.folder.exists():
        return None
    result = journal.undo()  # one transaction of its own
    if result is None:
        return None
    what, record = result
    # The colours, keys etc. change back too: the settings as stored now.
    return Undone(what, record, load_settings(journal) if isinstance(record, Settings) else None)


def recent_ids(root: Path, kind: str) -> list[Record]:
    """The records of `kind` in the data folder at `root`, newest first, for a shell to offer
    their ids. Only reads (opening could bring an older folder up to date): a folder that is
    missing, older, newer or damaged gives none."""
    from paceapp.store.folder import DataFolder
    from paceapp.store.schema import SCHEMA_VERSION, needs_single_file_migration

    try:
        cls = kind_class(kind)
        folder = DataFolder(root)
        journal = Journal(folder)
        if (not folder.exists() or needs_single_file_migration(folder)
                or journal.schema_version() != SCHEMA_VERSION):
            return []
        return list(reversed(journal.list(cls)))
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
