"""app.records: list, find, change, delete and undo any record, as `show`, `edit`, `delete`
and `undo` (and the Diary's e, x and Ctrl+Z) do."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from pathlib import Path

import pytest

from paceapp.app import records as app_records
from paceapp.core.day import DayActivities, DayRecord, Difficulty, Rating, new_day
from paceapp.core.errors import ValidationError
from paceapp.core.pain import PainEntry, new_pain
from paceapp.core.records import ShortIdError, UnknownIdError
from paceapp.core.sleep import SleepNight, new_sleep
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 18, 0).astimezone()


def test_list_and_find(journal: Journal, tmp_path: Path) -> None:
    assert app_records.list_records(Journal.open(tmp_path / "empty"), PainEntry) == []
    entry = journal.add(new_pain(4, NOW, NOW))
    assert app_records.list_records(journal, PainEntry) == [entry]
    assert app_records.find_record(journal, PainEntry, entry.id[:6]) == entry
    with pytest.raises(ShortIdError) as short:
        app_records.find_record(journal, PainEntry, "ab")
    assert "paceapp" not in str(short.value) and short.value.kind == "pain"
    with pytest.raises(UnknownIdError) as unknown:
        app_records.find_record(journal, PainEntry, "ffffffff")
    assert str(unknown.value) == "There is no pain score with an id starting 'ffffffff'."


def test_edit_record_changes_only_the_fields_given_on_the_record_as_stored_now(
        data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    entry = journal.add(new_pain(4, NOW, NOW, note="stairs"))
    Journal.open(data_dir).update(dataclasses.replace(entry, where="knee"))
    changed = app_records.edit_record(journal, PainEntry, entry.id[:8], ["score=6"], NOW)
    stored = Journal.open(data_dir).get(PainEntry, entry.id)
    assert (stored.score, stored.where, stored.note) == (6, "knee", "stairs") == (
        changed.score, changed.where, changed.note)


def test_edit_record_checks_as_typed_and_across_records(journal: Journal) -> None:
    first = journal.add(new_sleep(TODAY, TODAY, bed=time(22)))
    other = journal.add(new_sleep(date(2026, 11, 20), TODAY, bed=time(22)))
    with pytest.raises(ValidationError):  # onto a morning already logged
        app_records.edit_record(journal, SleepNight, other.id, ["date=2026-11-21"], NOW)
    day = journal.add(new_day(TODAY, TODAY, rating=Rating.GOOD))
    with pytest.raises(ValidationError):  # into the future
        app_records.edit_record(journal, DayRecord, day.id, ["date=2026-11-25"], NOW)
    assert journal.list(SleepNight) == [other, first] and journal.list(DayRecord) == [day]


def test_edit_record_reads_a_days_hard_activities_against_the_persons_list(
        journal: Journal) -> None:
    journal.put_single(DayActivities(activities=("Gardening", "Dressing")))
    day = journal.add(new_day(TODAY, TODAY, rating=Rating.GOOD))
    changed = app_records.edit_record(journal, DayRecord, day.id,
                                      ["hard=Gardening=help:my son", "rating=bad"], NOW)
    assert changed.rating == Rating.BAD
    assert [(h.activity, h.how, h.words) for h in changed.hard] == [
        ("Gardening", Difficulty.HELP, "my son")]


def test_change_record_delete_and_undo(journal: Journal, tmp_path: Path) -> None:
    assert app_records.undo_last(Journal.open(tmp_path / "empty")) is None
    entry = journal.add(new_pain(4, NOW, NOW))
    changed = app_records.change_record(journal, dataclasses.replace(entry, score=5), entry, NOW)
    assert changed.score == 5
    assert app_records.delete_record(journal, PainEntry, entry.id).score == 5
    assert journal.list(PainEntry) == []
    done = app_records.undo_last(journal)
    assert done is not None and done.what == "brought back"
    assert [e.score for e in journal.list(PainEntry)] == [5]


def test_recent_ids_only_reads(data_dir: Path, tmp_path: Path) -> None:
    journal = Journal.open(data_dir)
    first = journal.add(new_pain(4, NOW, NOW))
    second = journal.add(new_pain(5, NOW, NOW))
    assert [r.id for r in app_records.recent_ids(data_dir, "pain")] == [second.id, first.id]
    assert app_records.recent_ids(data_dir, "no such kind") == []
    missing = tmp_path / "missing"
    assert app_records.recent_ids(missing, "pain") == [] and not missing.exists()
