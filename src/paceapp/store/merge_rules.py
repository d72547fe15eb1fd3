"""The rules across records (one night per morning, naps inside no night and never overlapping,
one day record per date, one flare-up going and none overlapping) for records an import merges
into a folder.

The Journal runs these rules on every record it adds or changes; an import writes its files in
one go instead (`merge_records`), so it asks here first. Only a clash between a record the import
brings and one already in the folder refuses the import: clashes among the imported records
alone were already in the folder they came from (a restore must bring that folder back as it
was), and are left as they are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.store.journal import Journal


def merge_clashes(journal: Journal, incoming: Iterable[Record], *,
                  incoming_wins: bool = False) -> list[str]:
    """What the incoming records that the merge would keep clash with among the records already
    stored (one line each, in the rule's words), or [] when the merge breaks no rule.

    Each incoming record is checked against the stored records as the merge leaves them, without
    the other incoming ones: a stored record is replaced by an incoming one with its id when
    `incoming_wins` or when the incoming copy was changed later (as `merge_records` decides)."""
    arriving: dict[type[Record], dict[str, Record]] = {}
    for record in incoming:
        arriving.setdefault(type(record), {})[record.id] = record
    stored: dict[type[Record], dict[str, Record]] = {}
    staying: dict[type[Record], _ByDay] = {}

    def stored_kind(cls: type[Record]) -> dict[str, Record]:
        if cls not in stored:
            stored[cls] = {record.id: record for record in journal.list(cls)}
        return stored[cls]

    def wins(record: Record) -> bool:
        there = stored_kind(type(record)).get(record.id)
        return there is None or incoming_wins or record.updated > there.updated

    def read(cls: type[Record], since: date | None = None,
             until: date | None = None) -> Sequence[Any]:
        if cls not in staying:
            # the stored records the merge leaves (an incoming copy that wins takes its
            # record's place, and is not checked against itself), found by day
            replaced = {i for i, record in arriving.get(cls, {}).items() if wins(record)}
            staying[cls] = _ByDay(r for i, r in stored_kind(cls).items() if i not in replaced)
        return staying[cls].between(since, until)

    problems: list[str] = []
    for cls, records in arriving.items():
        if not _has_rules(cls):
            continue
        for record in records.values():
            if not wins(record):
                continue  # the stored copy is newer and stays: nothing changes
            try:
                record.check_across(read)
            except ValidationError as error:
                problems.append(getattr(error, "problem", None) or str(error))
    return problems


def _has_rules(cls: type[Record]) -> bool:
    return (cls.check_across is not Record.check_across
            or cls.check_among is not Record.check_among)


def refuse_clashes(journal: Journal, incoming: Iterable[Record], *,
                   incoming_wins: bool = False) -> None:
    """Raise a ValidationError naming every clash (at most ten) when the merge would break a
    rule across records; nothing has been written then."""
    problems = merge_clashes(journal, incoming, incoming_wins=incoming_wins)
    if not problems:
        return
    shown = problems[:10]
    more = f"\n  ...and {len(problems) - 10} more." if len(problems) > 10 else ""
    raise ValidationError(
        "The file was not loaded: some of its records clash with records already here.\n  "
        + "\n  ".join(shown) + more
        + "\nChange or delete the records here that are in the way (or leave them and do not "
        "load the file). Nothing was changed.", "merge")


class _ByDay:
    """Records found by their day with a binary search: a merge of two devices' years checks each
    incoming night or nap against the stored ones of its own days, not against all of them."""

    def __init__(self, records: Iterable[Record]) -> None:
        everything = list(records)
        #: Kinds without a day (none with rules today) are read whole, as the Journal does.
        self.undated = [r for r in everything if r.day is None]
        dated = sorted((r for r in everything if r.day is not None), key=_day_of)
        self.days = [_day_of(r) for r in dated]
        self.records = dated

    def between(self, since: date | None, until: date | None) -> list[Record]:
        low = 0 if since is None else bisect_left(self.days, since)
        high = len(self.days) if until is None else bisect_right(self.days, until)
        return [*self.undated, *self.records[low:high]]


def _day_of(record: Record) -> date:
    day = record.day
    assert day is not None
    return day
