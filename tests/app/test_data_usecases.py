"""Data care use-cases: check, backups and restore, export and import, undo of the last change.
The CLI's `paceapp data ...` and the Data section call these same functions."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.app.data import (
    backup_names,
    backup_to_restore,
    check_data,
    data_root,
    export_csv,
    export_into,
    export_json,
    export_json_chunks,
    has_saved_data,
    import_records,
    load_backups,
    load_data_view,
    read_import,
    read_import_text,
    restore,
)
from paceapp.app.folder import open_folder
from paceapp.app.records import undo_last as undo_last_change
from paceapp.app.settings import change_settings
from paceapp.core.errors import ValidationError
from paceapp.core.pain import PainEntry
from tests.conftest import folder_bytes

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def pain(score: int, days_ago: int = 0) -> PainEntry:
    at = T0 - timedelta(days=days_ago)
    return PainEntry(at=at, score=score, created=at, updated=at)


def scores(root: Path) -> list[int]:
    return sorted(e.score for e in open_folder(root).list(PainEntry))


def test_an_empty_folder_has_nothing_to_check_and_no_backups(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    view = load_data_view(journal)
    assert (view.root, view.check, view.backups) == (data_dir, None, [])
    assert not has_saved_data(data_dir) and backup_names(data_dir) == []
    assert undo_last_change(journal) is None
    assert folder_bytes(data_dir) == {}  # reading, and undoing nothing, write nothing


def test_the_view_shows_the_check_and_the_backups(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    journal.add(pain(3))
    journal.add(pain(4))
    view = load_data_view(journal)
    assert view.check is not None and view.check.ok and view.check.records == 2
    assert [b.backup.name for b in view.backups] == backup_names(data_dir)
    assert [b.backup.name for b in load_backups(data_dir)] == backup_names(data_dir)
    assert data_root(journal) == data_dir and has_saved_data(data_dir)
    assert check_data(data_dir).records == 2


def test_restore_by_journal_or_by_path_keeps_the_data_as_it_was(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    journal.add(pain(3))
    journal.add(pain(4))  # the day's backup (taken before this change) holds the 3
    [name] = backup_names(data_dir)
    info = backup_to_restore(data_dir, name)
    assert info.usable and info.records == 1
    done = restore(journal, name)
    assert done.kept is not None and scores(data_dir) == [3]
    # The kept copy holds everything there was, and goes back in by the folder's path too.
    back = restore(data_dir, done.kept.name)
    assert back.records == 2 and scores(data_dir) == [3, 4]


def test_a_change_made_after_the_list_was_read_is_kept_by_a_restore(data_dir: Path) -> None:
    """The person looked at the backups; meanwhile another window saved a score. The restore
    keeps the data as stored when it runs (under the lock), that score included."""
    journal = open_folder(data_dir)
    journal.add(pain(3))
    journal.add(pain(4))
    [name] = backup_names(data_dir)  # what the person saw
    open_folder(data_dir).add(pain(7, days_ago=1))  # another window
    done = restore(journal, name)
    assert done.kept is not None and scores(data_dir) == [3]
    restore(data_dir, done.kept.name)
    assert scores(data_dir) == [3, 4, 7]


def test_an_unknown_backup_is_refused_naming_the_field(data_dir: Path) -> None:
    open_folder(data_dir).add(pain(3))
    before = folder_bytes(data_dir)
    for use in (lambda: backup_to_restore(data_dir, "nope"), lambda: restore(data_dir, "nope")):
        with pytest.raises(ValidationError) as caught:
            use()
        assert caught.value.field == "backup"
    assert folder_bytes(data_dir) == before


def test_exports_agree_and_import_brings_everything_back(data_dir: Path,
                                                         tmp_path: Path) -> None:
    journal = open_folder(data_dir)
    for days in range(5):
        journal.add(pain(days + 1, days_ago=days * 100))
    change_settings(journal, display_name="Sam")
    out = tmp_path / "export.json"
    assert export_json(journal, out) == 6
    assert out.read_text(encoding="utf-8") == "".join(export_json_chunks(journal))
    total, files = export_csv(journal, tmp_path / "csv")
    assert total == 6 and (tmp_path / "csv" / "pain.csv") in files

    new = tmp_path / "new"
    done = import_records(new, read_import(out))
    assert done.counts.total_added == 6 and scores(new) == [1, 2, 3, 4, 5]
    again = import_records(new, read_import_text(out.read_bytes(), Path("stdin")), merge=True)
    assert again.counts.total_added == 0 and scores(new) == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError) as caught:  # not over data without --merge
        import_records(new, read_import(out))
    assert caught.value.field == "merge"


@pytest.mark.parametrize("form", ["json", "csv"])
def test_export_into_a_folder_never_takes_a_name_already_used(data_dir: Path, tmp_path: Path,
                                                              form: str) -> None:
    journal = open_folder(data_dir)
    journal.add(pain(3))
    folder = tmp_path / "documents" / "new"
    first = export_into(journal, form, folder, TODAY)  # type: ignore[arg-type]
    second = export_into(journal, form, folder, TODAY)  # type: ignore[arg-type]
    assert first.target != second.target and first.count == second.count == 1
    assert first.target.name.startswith("paceapp-export-2026-11-20")
    assert first.target.exists() and second.target.exists()
    if form == "json":
        assert json.loads(first.target.read_text())["records"]["pain"][0]["score"] == 3


def test_undo_reverses_the_last_change_and_says_what(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    journal.add(pain(3))
    entry = journal.add(pain(5, days_ago=1))
    undone = undo_last_change(journal)
    assert undone is not None and undone.what == "removed" and undone.record.id == entry.id
    assert undone.settings is None and scores(data_dir) == [3]
    change_settings(journal, theme="light")
    change_settings(open_folder(data_dir), display_name="Sam")  # another window, later
    undone = undo_last_change(journal)
    assert undone is not None and undone.settings is not None
    assert (undone.settings.display_name, undone.settings.theme) == ("", "light")
