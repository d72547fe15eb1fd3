"""The rules across records (one night per morning, naps clear of nights and of each other, one
day record per date, one flare-up going and none overlapping) hold for the two writers that do
not go through Journal.add/update: an import merged into a folder, and undo.

A merge whose records would clash with records already here refuses the whole file, names each
clash, exits non-zero and changes nothing; clashes among the imported records alone (a folder
exported as it was) still load; undo that would bring back a clashing record changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest

from paceapp.app.data import export_json, import_records, read_import
from paceapp.app.records import undo_last
from paceapp.core.day import DayRecord
from paceapp.core.errors import ValidationError
from paceapp.core.flare import Flare
from paceapp.core.nap import Nap
from paceapp.core.records import Record
from paceapp.core.sleep import SleepNight
from paceapp.core.timeparse import local_moment
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

MORNING = date(2026, 11, 21)


def at(hour: int, minute: int = 0, day: date = MORNING) -> datetime:
    return local_moment(datetime.combine(day, time(hour, minute)))


def night() -> SleepNight:
    return SleepNight(date=MORNING, bed=time(23, 0), woke=time(6, 30), up=time(7, 0))


#: rule -> (a record already here, an incoming one that breaks the rule with it)
CLASHES: dict[str, tuple[Callable[[], Record], Callable[[], Record]]] = {
    "one night per morning": (night, night),
    "a nap inside a night's time in bed": (night, lambda: Nap(started=at(2), ended=at(3))),
    "a night over a logged nap": (lambda: Nap(started=at(2), ended=at(3)), night),
    "naps never overlap": (lambda: Nap(started=at(14), ended=at(15)),
                           lambda: Nap(started=at(14, 30), ended=at(15, 30))),
    "one day record per date": (lambda: DayRecord(date=MORNING), lambda: DayRecord(date=MORNING)),
    "one flare-up going": (lambda: Flare(started=at(9)), lambda: Flare(started=at(12))),
    "flare-ups never overlap": (lambda: Flare(started=at(9), ended=at(12)),
                                lambda: Flare(started=at(11), ended=at(13))),
}


def export_of(tmp_path: Path, *records: Record) -> Path:
    source = Journal.open(tmp_path / "other-device")
    source.add_many(records)
    out = tmp_path / "export.json"
    export_json(source, out)
    return out


@pytest.mark.parametrize("rule", list(CLASHES))
def test_a_merge_that_breaks_a_rule_loads_nothing(rule: str, tmp_path: Path) -> None:
    here, incoming = CLASHES[rule]
    folder = tmp_path / "mine"
    Journal.open(folder).add(here())
    before = folder_bytes(folder)
    out = export_of(tmp_path, incoming())

    with pytest.raises(ValidationError) as refused:
        import_records(folder, read_import(out), merge=True)

    message = str(refused.value)
    assert "not loaded" in message and "Nothing was changed" in message, message
    assert folder_bytes(folder) == before, "no file written, no backup taken"


@pytest.mark.parametrize("rule", list(CLASHES))
def test_the_same_records_apart_load_and_the_rule_then_holds_for_new_writes(
        rule: str, tmp_path: Path) -> None:
    """The check can pass: the two records in different folders, or on their own, load."""
    here, incoming = CLASHES[rule]
    folder = tmp_path / "mine"
    out = export_of(tmp_path, incoming())
    done = import_records(folder, read_import(out), merge=True)
    assert sum(done.counts.added.values()) == 1
    with pytest.raises(ValidationError):
        Journal.open(folder).add(here())  # and the Journal keeps the rule after the import


def test_clashes_among_the_imported_records_alone_still_load(tmp_path: Path) -> None:
    """A folder exported as it was (two nights for one morning, stored before the rule) comes
    back whole: a restore must not lose records it cannot change."""
    first, second = night(), night()
    out = export_of(tmp_path, first, second)
    folder = tmp_path / "new"
    import_records(folder, read_import(out))
    assert {n.id for n in Journal.open(folder).list(SleepNight)} == {first.id, second.id}


def test_a_newer_copy_that_moves_onto_a_taken_morning_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    journal = Journal.open(folder)
    moving = journal.add(SleepNight(date=date(2026, 11, 20), bed=time(23, 0), up=time(7, 0)))
    journal.add(night())
    before = folder_bytes(folder)
    changed = SleepNight(id=moving.id, created=moving.created, updated=datetime.now().astimezone(),
                         date=MORNING, bed=time(22, 0), up=time(6, 0))
    with pytest.raises(ValidationError, match="already a night logged"):
        import_records(folder, read_import(export_of(tmp_path, changed)), merge=True)
    assert folder_bytes(folder) == before


def test_an_older_copy_of_a_stored_record_changes_nothing_and_is_no_clash(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    journal = Journal.open(folder)
    stored = journal.add(night())
    older = SleepNight(id=stored.id, created=stored.created,
                       updated=datetime(2020, 1, 1).astimezone(), date=MORNING, bed=time(21, 0))
    done = import_records(folder, read_import(export_of(tmp_path, older)), merge=True)
    assert done.counts.kept == {"sleep": 1}
    assert Journal.open(folder).list(SleepNight) == [stored]


def test_every_clash_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    journal = Journal.open(folder)
    journal.add(night())
    journal.add(DayRecord(date=MORNING))
    out = export_of(tmp_path, night(), DayRecord(date=MORNING), DayRecord(date=date(2026, 11, 1)))
    with pytest.raises(ValidationError) as refused:
        import_records(folder, read_import(out), merge=True)
    message = str(refused.value)
    assert "already a night logged" in message and "Sat 21 Nov" in message
    assert message.count("\n  ") == 2, message  # two clashes, one line each; 1 Nov is fine


def test_the_command_says_so_and_exits_non_zero(tmp_path: Path, cli) -> None:  # noqa: ANN001
    here = tmp_path / "data"
    Journal.open(here).add(night())
    before = folder_bytes(here)
    out = export_of(tmp_path, night())
    ran = cli("data", "import", str(out), "--merge")
    assert ran.code != 0
    assert "not loaded" in ran.err and "Traceback" not in ran.err + ran.out
    assert folder_bytes(here) == before


def test_undo_that_would_bring_back_a_clashing_night_changes_nothing(tmp_path: Path) -> None:
    """Delete a night, then an import brings another night for that morning (imports have no
    undo step): undoing the delete would make two nights for one morning."""
    folder = tmp_path / "mine"
    journal = Journal.open(folder)
    gone = journal.add(night())
    journal.delete(SleepNight, gone.id)
    import_records(folder, read_import(export_of(tmp_path, night())), merge=True)
    before = folder_bytes(folder)

    with pytest.raises(ValidationError, match="not undone"):
        undo_last(Journal.open(folder))
    assert folder_bytes(folder) == before, "nothing changed, the step kept in the undo history"


def test_undo_still_brings_back_a_night_when_nothing_is_in_the_way(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    journal = Journal.open(folder)
    gone = journal.add(night())
    journal.delete(SleepNight, gone.id)
    undo_last(Journal.open(folder))
    assert [n.id for n in Journal.open(folder).list(SleepNight)] == [gone.id]


def test_a_long_list_of_clashes_names_ten_and_counts_the_rest(tmp_path: Path) -> None:
    """Twelve mornings taken on both devices: ten named, 'and 2 more' (12 - 10)."""
    folder = tmp_path / "mine"
    mornings = [date(2026, 11, day) for day in range(1, 13)]
    Journal.open(folder).add_many(SleepNight(date=day, bed=time(23, 0)) for day in mornings)
    out = export_of(tmp_path, *(SleepNight(date=day, bed=time(22, 0)) for day in mornings))
    with pytest.raises(ValidationError) as refused:
        import_records(folder, read_import(out), merge=True)
    message = str(refused.value)
    assert message.count("already a night logged") == 10
    assert "...and 2 more." in message
