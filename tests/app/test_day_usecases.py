"""app.day: logging and changing day records and the list of activities, and the day card."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from paceapp.app import day as app_day
from paceapp.core.day import EVERYDAY_ACTIVITIES, DayActivities, DayRecord, Rating, new_day
from paceapp.core.errors import ValidationError
from paceapp.core.records import ClashError
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 18, 0).astimezone()


def test_a_logged_day_shows_on_the_card(journal: Journal) -> None:
    empty = app_day.load_day_card(journal, TODAY)
    assert empty.record is None and empty.chosen is None
    assert empty.activities == EVERYDAY_ACTIVITIES
    saved = app_day.save_day(journal, new_day(TODAY, TODAY, rating=Rating.BAD), now=NOW)
    assert app_day.load_day_card(journal, TODAY).record == saved


def test_one_day_per_date_and_none_in_the_future(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    app_day.check_day(journal, new_day(TODAY, TODAY))
    first = Journal.open(data_dir).add(new_day(TODAY, TODAY, rating=Rating.GOOD))
    with pytest.raises(ClashError) as caught:
        app_day.save_day(journal, new_day(TODAY, TODAY, rating=Rating.BAD), now=NOW)
    assert caught.value.other_id == first.id
    tomorrow = dataclasses.replace(new_day(TODAY, TODAY), date=date(2026, 11, 22))
    with pytest.raises(ValidationError):
        app_day.save_day(journal, tomorrow, now=NOW)
    assert Journal.open(data_dir).list(DayRecord) == [first]


def test_a_change_keeps_what_was_changed_elsewhere(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    base = app_day.save_day(journal, new_day(TODAY, TODAY, rating=Rating.GOOD), now=NOW)
    Journal.open(data_dir).update(dataclasses.replace(base, note="saw the nurse"))
    app_day.save_day(journal, dataclasses.replace(base, rating=Rating.BAD), now=NOW, new=False,
                     base=base)
    stored = Journal.open(data_dir).get(DayRecord, base.id)
    assert (stored.rating, stored.note) == (Rating.BAD, "saw the nurse")


def test_load_activities_reads_nothing_into_being(tmp_path: Path) -> None:
    root = tmp_path / "nothing-yet"
    assert app_day.load_activities(Journal(None)) is None
    journal = Journal.open(root)
    assert app_day.load_activities(journal) is None
    assert not (root / "records").exists() or not any((root / "records").iterdir())


def test_change_activities_reads_the_list_as_stored_now(data_dir: Path) -> None:
    """The shell added 'Gardening' after this window read the list; removing 'Reading' here
    keeps it."""
    journal = Journal.open(data_dir)
    app_day.save_activities(journal, DayActivities(activities=("Reading", "Dressing")))
    app_day.change_activities(Journal.open(data_dir), add=("Gardening",))
    changed = app_day.change_activities(journal, remove=("reading",))
    assert changed.activities == ("Dressing", "Gardening")
    assert app_day.load_activities(Journal.open(data_dir)) == changed
    back = app_day.change_activities(journal, everyday=True)
    assert back.activities == EVERYDAY_ACTIVITIES
    assert app_day.change_activities(journal, set_to=["A", " ", "B"]).activities == ("A", "B")
    with pytest.raises(ValidationError):
        app_day.change_activities(journal, remove=("not in the list",))
