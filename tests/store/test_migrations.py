"""Schema 0 (one DATA/journal.json) -> schema 1 (records/ files), from a checked-in fixture."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.settings import Settings
from paceapp.store.errors import CorruptFileError
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal
from paceapp.store.migrations import (
    SCHEMA_VERSION,
    migrate_folder,
    needs_single_file_migration,
    stored_version,
)
from tests.conftest import folder_bytes

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema0" / "journal.json"


@pytest.fixture
def old_folder(tmp_path: Path) -> Path:
    root = tmp_path / "old"
    root.mkdir()
    shutil.copy(FIXTURE, root / "journal.json")
    return root


def test_fixture_is_the_first_format() -> None:
    raw = FIXTURE.read_bytes()
    assert not raw.endswith(b"\n")  # tinydb's stock storage: no final newline
    doc = json.loads(raw)
    assert doc["meta"]["1"]["schema"] == 0
    assert all("updated" not in rec for table in ("pain", "peg") for rec in doc[table].values())


def test_migration_splits_the_file_and_keeps_it_in_a_backup(old_folder: Path) -> None:
    original = (old_folder / "journal.json").read_bytes()
    folder = DataFolder(old_folder)
    assert stored_version(folder) == 0
    done = migrate_folder(old_folder, now=datetime(2026, 11, 21, 10, 15, 0))
    assert done is not None and (done.from_version, done.to_version, done.records) == (0, SCHEMA_VERSION, 7)
    assert not needs_single_file_migration(folder)
    names = sorted(p.name for p in folder.records.iterdir())
    assert names == ["_meta.json", "pain-2024.json", "pain-2025.json", "peg-2024.json",
                     "peg-2025.json", "settings.json"]
    kept = old_folder / "backups" / "2026-11-21T101500-before-migrate" / "journal.json"
    assert kept.read_bytes() == original
    assert stored_version(folder) == SCHEMA_VERSION

    journal = Journal.open(old_folder)
    pains = journal.list(PainEntry)
    assert [p.score for p in pains] == [6, 4, 7, 3]
    assert pains[0].updated == pains[0].created == datetime.fromisoformat("2024-12-30T08:05:11+00:00")
    assert pains[3].note == "a good day\nwalked to the shop"
    assert [p.score for p in journal.list(PegEntry)] == [6.0, 5.0]
    settings = journal.get_single(Settings)
    assert settings is not None and settings.display_name == "Sam"
    assert settings.member_id == "a1b2c3d4e5f60718"


def test_migration_runs_once_and_a_second_run_changes_nothing(old_folder: Path) -> None:
    migrate_folder(old_folder)
    before = folder_bytes(old_folder)
    assert migrate_folder(old_folder) is None
    assert folder_bytes(old_folder) == before


def test_rerun_after_a_crash_does_not_duplicate(old_folder: Path) -> None:
    """A crash after the records were written but before journal.json was removed: run again."""
    migrate_folder(old_folder)
    shutil.copy(FIXTURE, old_folder / "journal.json")  # as if the removal never happened
    assert stored_version(DataFolder(old_folder)) == 0
    migrate_folder(old_folder)
    assert len(Journal.open(old_folder).list(PainEntry)) == 4
    assert len(DataFolder(old_folder).list_backups()) == 3  # first migrate, and before the rerun


def test_a_damaged_old_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    root.mkdir()
    (root / "journal.json").write_bytes(b'{"pain": {"1": {"id": "x", "score"')
    before = folder_bytes(root)
    with pytest.raises(CorruptFileError) as error:
        migrate_folder(root)
    assert "journal.json" in str(error.value)
    assert folder_bytes(root) == before


def test_a_record_that_does_not_fit_is_named_and_nothing_moves(tmp_path: Path) -> None:
    root = tmp_path / "odd"
    root.mkdir()
    doc = json.loads(FIXTURE.read_text())
    doc["pain"]["2"]["score"] = "six"
    (root / "journal.json").write_text(json.dumps(doc))
    before = folder_bytes(root)
    with pytest.raises(CorruptFileError) as error:
        migrate_folder(root)
    assert "1c2d6b68-4a1f-4e54-8b4a-5f1c3a7cab12" in str(error.value)
    assert folder_bytes(root) == before


def test_cli_commands_see_migrated_data(old_folder: Path, cli) -> None:  # noqa: ANN001
    ran = cli("data", "export", data=old_folder)
    assert ran.code == 0, ran.err
    doc = json.loads(ran.out)
    assert len(doc["records"]["pain"]) == 4
    assert (old_folder / "records" / "_meta.json").exists()
    assert any(b.name.endswith("before-migrate") for b in DataFolder(old_folder).list_backups())


def test_restoring_the_backup_from_before_the_migration(old_folder: Path) -> None:
    from paceapp.store.maintenance import restore_backup

    migrate_folder(old_folder, now=datetime(2026, 11, 21, 10, 15, 0))
    journal = Journal.open(old_folder)
    first = journal.list(PainEntry)[0]
    journal.delete(PainEntry, first.id)
    assert len(journal.list(PainEntry)) == 3
    restore_backup(old_folder, "2026-11-21T101500-before-migrate")
    again = Journal.open(old_folder)
    assert [p.id for p in again.list(PainEntry)][0] == first.id
    assert len(again.list(PainEntry)) == 4 and stored_version(DataFolder(old_folder)) == SCHEMA_VERSION


def test_opening_an_old_folder_migrates_it(old_folder: Path) -> None:
    journal = Journal.open(old_folder)
    assert len(journal.list(PainEntry)) == 4
    assert not (old_folder / "journal.json").exists()
