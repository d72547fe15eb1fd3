"""The data format's version, and how to tell a folder in the first (schema 0) format.

Kept apart from `migrations` (which holds the steps that bring an older folder forward) so that
opening an up-to-date folder - every start of the app and every quick log - does not import them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paceapp.store.folder import DataFolder

SCHEMA_VERSION = 1
#: The single data file of schema 0, at the top of the data folder.
SINGLE_FILE = "journal.json"


def needs_single_file_migration(folder: DataFolder) -> bool:
    """True when the folder still holds the schema-0 single file DATA/journal.json."""
    return (folder.root / SINGLE_FILE).is_file()
