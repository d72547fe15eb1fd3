"""Today's entries (paceapp.app.today): everything logged for the day, across kinds, in time
order; other days are left out."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from paceapp.app.folder import open_folder
from paceapp.app.today import todays_records
from paceapp.core.nap import new_nap
from paceapp.core.pain import new_pain


def test_entries_of_every_kind_in_time_order_and_only_that_day(tmp_path: Path) -> None:
    day = date(2026, 11, 20)
    at = datetime(2026, 11, 20, 9, 0).astimezone()
    now = at + timedelta(hours=12)
    journal = open_folder(tmp_path)
    late = journal.add(new_pain(6, at + timedelta(hours=8), now, note="evening"))
    nap = journal.add(new_nap(at + timedelta(hours=4), at + timedelta(hours=5), now))
    early = journal.add(new_pain(3, at, now, note="morning"))
    journal.add(new_pain(5, at - timedelta(days=1), now, note="yesterday"))
    found = todays_records(journal, day)
    assert [r.id for r in found] == [early.id, nap.id, late.id]
    assert todays_records(journal, day + timedelta(days=1)) == []


def test_a_change_made_elsewhere_is_seen(tmp_path: Path) -> None:
    """Read fresh: an entry added through a second handle on the same folder is listed."""
    day = date(2026, 11, 20)
    at = datetime(2026, 11, 20, 9, 0).astimezone()
    mine, other = open_folder(tmp_path), open_folder(tmp_path)
    assert todays_records(mine, day) == []
    added = other.add(new_pain(4, at, at))
    assert [r.id for r in todays_records(mine, day)] == [added.id]
