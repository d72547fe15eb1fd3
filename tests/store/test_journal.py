"""The Journal's behaviour, run over in-memory and on-disk storage alike."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.core.errors import NotFoundError, ValidationError
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.settings import Settings
from paceapp.store.journal import UNDO_KEPT, Journal


def pain(day: date, score: int = 5, hour: int = 9) -> PainEntry:
    return PainEntry(at=datetime.combine(day, datetime.min.time()).replace(hour=hour).astimezone(),
                     score=score)


def test_add_then_list_in_time_order(any_journal: Journal) -> None:
    later = any_journal.add(pain(date(2026, 11, 21), 6, hour=15))
    earlier = any_journal.add(pain(date(2026, 11, 21), 4, hour=8))
    assert [e.id for e in any_journal.list(PainEntry)] == [earlier.id, later.id]


def test_list_limits_to_a_period_across_years(any_journal: Journal) -> None:
    any_journal.add_many([pain(date(2024, 12, 31)), pain(date(2025, 1, 1)), pain(date(2026, 3, 3))])
    got = any_journal.list(PainEntry, since=date(2025, 1, 1), until=date(2025, 12, 31))
    assert [e.day for e in got] == [date(2025, 1, 1)]
    assert len(any_journal.list(PainEntry)) == 3


def test_update_moves_a_record_between_year_files(any_journal: Journal) -> None:
    entry = any_journal.add(pain(date(2025, 12, 31)))
    moved = dataclasses.replace(entry, at=entry.at + timedelta(days=2))
    any_journal.update(moved)
    assert [e.day for e in any_journal.list(PainEntry)] == [date(2026, 1, 2)]
    assert any_journal.list(PainEntry, until=date(2025, 12, 31)) == []


def test_find_by_prefix(any_journal: Journal) -> None:
    entry = any_journal.add(pain(date(2026, 11, 21)))
    assert any_journal.find(PainEntry, entry.id[:6]).id == entry.id
    with pytest.raises(ValidationError, match="at least 4"):
        any_journal.find(PainEntry, entry.id[:2])
    with pytest.raises(NotFoundError):
        any_journal.find(PainEntry, "ffffffff")


def test_invalid_record_is_not_stored(any_journal: Journal) -> None:
    with pytest.raises(ValidationError):
        any_journal.add(dataclasses.replace(pain(date(2026, 11, 21)), score=11))
    assert any_journal.list(PainEntry) == []


def test_undo_reverses_add_update_delete_in_turn(any_journal: Journal) -> None:
    entry = any_journal.add(pain(date(2026, 11, 21), 5))
    any_journal.update(dataclasses.replace(entry, score=8))
    any_journal.delete(PainEntry, entry.id)
    assert any_journal.list(PainEntry) == []
    assert any_journal.undo()[0] == "brought back"
    assert any_journal.list(PainEntry)[0].score == 8
    assert any_journal.undo()[0] == "changed back"
    assert any_journal.list(PainEntry)[0].score == 5
    assert any_journal.undo()[0] == "removed"
    assert any_journal.list(PainEntry) == []
    assert any_journal.undo() is None


def test_undo_log_is_bounded(any_journal: Journal) -> None:
    for n in range(UNDO_KEPT + 5):
        any_journal.add(pain(date(2026, 1, 1) + timedelta(days=n % 300)))
    undone = 0
    while any_journal.undo() is not None:
        undone += 1
    assert undone == UNDO_KEPT
    assert any_journal.count(PainEntry) == 5


def test_single_records_replace_and_undo(any_journal: Journal) -> None:
    assert any_journal.get_single(Settings) is None
    first = any_journal.put_single(Settings(display_name="Sam"))
    second = any_journal.put_single(dataclasses.replace(first, display_name="S."))
    assert second.created == first.created
    assert any_journal.get_single(Settings).display_name == "S."
    any_journal.undo()
    assert any_journal.get_single(Settings).display_name == "Sam"
    any_journal.undo()
    assert any_journal.get_single(Settings) is None


def test_update_of_a_missing_record_is_not_found(any_journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        any_journal.update(pain(date(2026, 11, 21)))


def test_counts_by_kind(any_journal: Journal) -> None:
    any_journal.add(pain(date(2026, 11, 21)))
    any_journal.add(PegEntry(date=date(2026, 11, 21), pain=1, enjoyment=2, activity=3))
    counts = any_journal.kinds_in_use()
    assert counts["pain"] == 1 and counts["peg"] == 1


@pytest.mark.parametrize("stored", [[1, 2], "text", 7, None])
def test_a_stored_document_that_is_not_an_object_is_a_named_damaged_file(
        journal: Journal, data_dir: Path, stored: object) -> None:
    """Reads skip tinydb's document copy; a document that is not an object must still be
    reported as damage in that file, never a traceback or a silent skip."""
    import json

    from paceapp.store.errors import CorruptFileError

    journal.add(pain(date(2026, 11, 20)))
    path = data_dir / "records" / "pain-2026.json"
    tables = json.loads(path.read_text())
    tables["pain"]["99"] = stored
    path.write_text(json.dumps(tables) + "\n")
    before = path.read_bytes()
    with pytest.raises(CorruptFileError) as error:
        Journal.open(data_dir).list(PainEntry, since=date(2026, 11, 1))
    assert "pain-2026.json" in str(error.value)
    assert path.read_bytes() == before


def test_text_that_is_not_valid_unicode_is_refused_before_anything_is_written(
        journal: Journal, data_dir: Path) -> None:
    """A terminal can pass undecodable bytes through as half characters (found by the hostile
    suite in `gp tried`). Kinds check their own text; the journal checks every kind again
    before writing (see test_codec for the central check on its own)."""
    journal.add(pain(date(2026, 11, 20)))
    before = {p.name: p.read_bytes() for p in (data_dir / "records").iterdir()}
    broken = dataclasses.replace(pain(date(2026, 11, 21)), note="ok \ud800 not")
    with pytest.raises(ValidationError) as error:
        journal.add(broken)
    assert error.value.field == "note"
    assert {p.name: p.read_bytes() for p in (data_dir / "records").iterdir()} == before
