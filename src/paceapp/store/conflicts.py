"""Recognising the copies that file-sync tools leave when two computers changed the same file.

A data folder kept in Syncthing, Dropbox, Nextcloud or similar can end up holding, next to
``records/pain-2026.json``, a copy such as:

* ``pain-2026.sync-conflict-20261120-123456-ABCDEF.json`` (Syncthing)
* ``pain-2026 (conflicted copy).json`` or ``pain-2026 (Sam's conflicted copy 2026-11-20).json``
  (Dropbox, Nextcloud, ownCloud)
* ``pain-2026_conflict-20261120-123456.json`` (older ownCloud)

Such a copy is never read as live data: ``paceapp data check`` lists it and
``paceapp data import FILE`` merges its records. This module has no project imports, so the
folder code can use it too.
"""

from __future__ import annotations

import re

_PATTERNS = (
    re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?", re.IGNORECASE),
    re.compile(r"\s*\([^)]*conflict[^)]*\)", re.IGNORECASE),
    re.compile(r"_conflict-\d{8}-\d{6}", re.IGNORECASE),
)


def is_conflict_copy(name: str) -> bool:
    """True for a file name a sync tool gives a conflicting copy."""
    return any(pattern.search(name) for pattern in _PATTERNS)


def original_name(name: str) -> str:
    """The file a conflict copy is a copy of: 'pain-2026 (conflicted copy).json' -> 'pain-2026.json'."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    for pattern in _PATTERNS:
        stem = pattern.sub("", stem)
    stem = stem.strip()
    return f"{stem}.{suffix}" if suffix else stem
