"""Today's entries: everything logged today, across the dated kinds (the TUI's Today list)."""

from __future__ import annotations

from datetime import date, datetime

from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.store.journal import Journal


def record_moment(record: Record) -> datetime:
    """When a record happened (its time, else its start), else when it was written."""
    at = getattr(record, "at", None) or getattr(record, "started", None)
    return at if isinstance(at, datetime) else record.created


def todays_records(journal: Journal, today: date) -> list[Record]:
    """Everything logged for `today`, across the dated kinds, in time order (not the parts of
    other records, such as a baseline's changes: the baseline is the entry)."""
    found: list[Record] = []
    for cls in all_kinds().values():
        if cls.SHARDED and not cls.PART_OF:
            found.extend(journal.list(cls, since=today, until=today))
    return sorted(found, key=record_moment)
