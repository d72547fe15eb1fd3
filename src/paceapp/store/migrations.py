"""The data format's schema version, and the steps that bring an older folder forward.

`SCHEMA_VERSION` is stored in ``records/_meta.json``. Opening an older folder backs it up, then runs
each step in `MIGRATIONS` in order; opening a newer one is refused with a message (never rewritten).
"""

from __future__ import annotations

from collections.abc import Callable

from paceapp.store.folder import DataFolder

SCHEMA_VERSION = 1

#: from_version -> a function that moves the folder from that version to the next.
MIGRATIONS: dict[int, Callable[[DataFolder], None]] = {}
