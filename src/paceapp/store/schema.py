"""The data format's version, and how to tell a folder in the first (schema 0) format.

Kept apart from `migrations` (which holds the steps that bring an older folder forward) so that
opening an up-to-date folder - every start of the app and every quick log - does not import them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paceapp.store.folder import DataFolder

#: 1: records/ (one file per kind, per kind and year for busy kinds); 2: the undo log as lines,
#: records/_undo.jsonl, each change keeping only its changed fields (store/undo.py); 3: a
#: baseline's changes are records of their own (baselinechange-<year>.json), not a history list
#: inside the baseline (store/migrations.py, `baseline_changes_apart`).
SCHEMA_VERSION = 3
#: The records' format as an export states it ("schema"). Format 2 changed only the undo log,
#: which an export never holds; format 3 changed the records (baselines and their changes), so
#: exports say 3 and an older paceapp asks to be updated rather than misread them. Exports that
#: say 1 (baselines with their history) are still read: the history is split on the way in.
EXPORT_SCHEMA = 3
#: The single data file of schema 0, at the top of the data folder.
SINGLE_FILE = "journal.json"


def needs_single_file_migration(folder: DataFolder) -> bool:
    """True when the folder still holds the schema-0 single file DATA/journal.json."""
    return (folder.root / SINGLE_FILE).is_file()
