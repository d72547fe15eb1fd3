"""What I could do today: Today's day card, the day form and `paceapp log day|day-activities`.

One day record per date is the record's own rule (`DayRecord.check_across`), run by the Journal
inside each write's transaction; `check_day` runs it without writing (a form says it before it
closes).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from paceapp.core.day import (
    EVERYDAY_ACTIVITIES,
    DayActivities,
    DayRecord,
    match_activity,
    new_activities,
    person_activities,
)
from paceapp.store.journal import Journal


class DayCardView(NamedTuple):
    """Today's day record (None when not logged), the person's activities, and the list they
    chose (None: they never chose, the everyday activities are used)."""

    today: date
    record: DayRecord | None
    activities: tuple[str, ...]
    chosen: DayActivities | None


def load_day_card(journal: Journal, today: date) -> DayCardView:
    records = journal.list(DayRecord, since=today, until=today)
    chosen = journal.get_single(DayActivities)
    return DayCardView(today, records[-1] if records else None, person_activities(chosen), chosen)


def load_activities(journal: Journal) -> DayActivities | None:
    """The person's chosen list of activities (None when never chosen, or nothing is stored
    yet: the data folder is not made just to read)."""
    if journal.folder is not None and not journal.folder.exists():
        return None
    return journal.get_single(DayActivities)


def check_day(journal: Journal, record: DayRecord) -> None:
    """One day record per date, against the records as stored now (nothing written)."""
    journal.check(record)


def save_day(journal: Journal, record: DayRecord, *, now: datetime, new: bool = True,
             base: DayRecord | None = None) -> DayRecord:
    """Log a day record, or change one (only the fields changed from `base` are applied to the
    record as stored now). Not in the future; one per date (checked by the Journal)."""
    with journal.transaction():
        record.check_typed(now)
        return journal.add(record) if new else journal.update(record, base=base)


def save_activities(journal: Journal, record: DayActivities,
                    base: DayActivities | None = None) -> DayActivities:
    """Store the person's list of activities (`base`: the list the change was made from; only
    what changed from it is applied to the list as stored now)."""
    with journal.transaction():
        return journal.put_single(record, base=base)


def change_activities(journal: Journal, *, add: tuple[str, ...] = (),
                      remove: tuple[str, ...] = (), set_to: list[str] | None = None,
                      everyday: bool = False) -> DayActivities:
    """Change the person's list, read fresh inside the lock: start from the everyday
    activities (`everyday`), the names in `set_to`, or the list as stored now; take out each of
    `remove` (matched as typed), then add each of `add`."""
    with journal.transaction():
        stored = journal.get_single(DayActivities)
        names = list(EVERYDAY_ACTIVITIES if everyday else person_activities(stored))
        if set_to is not None:
            names = [part for part in set_to if part.strip()]
        for name in remove:
            found = match_activity(name, names, "remove")
            names = [n for n in names if n != found]
        names += list(add)
        return journal.put_single(new_activities(names), base=stored)
