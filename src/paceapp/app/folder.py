"""Opening the data folder, for both front ends.

A front end holds the opened folder as a handle and passes it to the use-cases in `paceapp.app`;
it never calls the Journal's methods itself.
"""

from __future__ import annotations

from pathlib import Path

from paceapp.store.journal import Journal

__all__ = ["Journal", "open_folder"]


def open_folder(root: Path) -> Journal:
    """The data folder at `root`, checked and migrated forward if it is older (after a backup)."""
    return Journal.open(root)
