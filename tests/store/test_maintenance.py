"""Checking a data folder, backups and restore, import and merging, sync-conflict copies."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.core.codec import to_data
from paceapp.core.errors import ValidationError
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.settings import Settings
from paceapp.outputs.export import export_document, render_export
from paceapp.store.conflicts import is_conflict_copy, original_name
from paceapp.store.errors import CorruptFileError
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal
from paceapp.store.maintenance import (
    check_folder,
    conflict_copies,
    export_records,
    import_batch,
    list_backups,
    parse_import,
    read_import_file,
    restore_backup,
)
from tests.conftest import folder_bytes

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def pain(score: int, at: datetime = T0, **kw) -> PainEntry:  # noqa: ANN003
    return PainEntry(at=at, score=score, created=at, updated=at, **kw)


def filled(root: Path, today: date = date(2026, 11, 20)) -> Journal:
    journal = Journal.open(root, today=lambda: today)
    journal.add(pain(5))
    journal.add(pain(3, T0 - timedelta(days=400), note="last year"))
    journal.add(PegEntry(date=date(2026, 11, 1), pain=4, enjoyment=5, activity=6))
    journal.put_single(Settings(display_name="Sam"))
    return journal


# -- conflict names ---------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "original"), [
    ("pain-2026.sync-conflict-20261120-123456-ABCDEF7.json", "pain-2026.json"),
    ("pain-2026 (conflicted copy).json", "pain-2026.json"),
    ("settings (Sam's conflicted copy 2026-11-20).json", "settings.json"),
    ("journal.sync-conflict-20261120-123456-XY12345.json", "journal.json"),
    ("pain-2026_conflict-20261120-123456.json", "pain-2026.json"),
])
def test_conflict_names(name: str, original: str) -> None:
    assert is_conflict_copy(name)
    assert original_name(name) == original


@pytest.mark.parametrize("name", ["pain-2026.json", "_meta.json", "settings.json", "conflict.json"])
def test_ordinary_names_are_not_conflicts(name: str) -> None:
    assert not is_conflict_copy(name)


# -- check --------------------------------------------------------------------------------------
def test_check_of_a_healthy_folder(data_dir: Path) -> None:
    filled(data_dir)
    report = check_folder(data_dir)
    assert report.ok, report.problems
    assert report.records == 4
    assert report.counts == {"pain": 2, "peg": 1, "settings": 1}


def test_check_of_a_missing_folder(tmp_path: Path) -> None:
    report = check_folder(tmp_path / "nothing")
    assert report.ok and report.files == 0


def test_check_names_the_bad_record_by_id(data_dir: Path) -> None:
    journal = filled(data_dir)
    bad = journal.list(PainEntry)[-1]
    path = data_dir / "records" / "pain-2026.json"
    doc = json.loads(path.read_text())
    for rec in doc["pain"].values():
        if rec["id"] == bad.id:
            rec["score"] = 14
    path.write_text(json.dumps(doc) + "\n")
    report = check_folder(data_dir)
    assert not report.ok
    [problem] = report.problems
    assert problem.record_id == bad.id
    assert "from 0 to 10" in str(problem) and "pain-2026.json" in str(problem)


def test_check_finds_misfiled_and_duplicate_records(data_dir: Path) -> None:
    journal = filled(data_dir)
    this_year = data_dir / "records" / "pain-2026.json"
    last_year = data_dir / "records" / "pain-2025.json"
    doc = json.loads(this_year.read_text())
    old = json.loads(last_year.read_text())
    moved = next(iter(doc["pain"].values()))
    old["pain"]["99"] = moved  # the same record in the wrong year's file
    last_year.write_text(json.dumps(old) + "\n")
    messages = [str(p) for p in check_folder(data_dir).problems]
    assert any("same id" in m for m in messages)
    assert any("dated 2026-11-02" in m for m in messages)
    assert journal  # the journal is unaffected by the check


def test_check_reports_a_cut_short_file_without_changing_it(data_dir: Path) -> None:
    filled(data_dir)
    path = data_dir / "records" / "pain-2026.json"
    path.write_bytes(path.read_bytes()[:-9])
    before = folder_bytes(data_dir)
    report = check_folder(data_dir)
    assert any("incomplete" in str(p) for p in report.problems)
    assert folder_bytes(data_dir) == before


def test_check_lists_conflict_copies_and_what_they_add(data_dir: Path) -> None:
    journal = filled(data_dir)
    live = data_dir / "records" / "pain-2026.json"
    copy = data_dir / "records" / "pain-2026.sync-conflict-20261120-123456-ABCDEF7.json"
    copy.write_bytes(live.read_bytes())
    report = check_folder(data_dir)
    assert not report.problems
    [found] = report.conflicts
    assert (found.path, found.original, found.records, found.different) == (copy, "pain-2026.json", 1, 0)
    extra = pain(8, T0 + timedelta(hours=2))
    journal.add(extra)
    # the copy is now the live file's older state: it adds nothing
    assert check_folder(data_dir).conflicts[0].different == 0
    copy.write_bytes(live.read_bytes())
    journal.delete(PainEntry, extra.id)
    assert check_folder(data_dir).conflicts[0].different == 1
    assert conflict_copies(DataFolder(data_dir)) == [copy]


# -- backups and restore ------------------------------------------------------------------------
def test_backups_list_counts_records(data_dir: Path) -> None:
    filled(data_dir)
    journal = Journal.open(data_dir, today=lambda: date(2026, 11, 21))
    journal.add(pain(2, T0 + timedelta(days=1)))
    infos = list_backups(data_dir)
    assert [i.backup.name for i in infos] == ["2026-11-21", "2026-11-20"]
    assert infos[0].records == 4 and infos[0].counts == {"pain": 2, "peg": 1, "settings": 1}
    assert infos[0].reason == "daily" and not infos[0].damaged


def test_restore_brings_back_a_backup_and_keeps_the_replaced_files(data_dir: Path) -> None:
    filled(data_dir)
    journal = Journal.open(data_dir, today=lambda: date(2026, 11, 21))
    added = journal.add(pain(9, T0 + timedelta(days=1)))
    live_before = {p.name: p.read_bytes() for p in DataFolder(data_dir).record_files()}
    done = restore_backup(data_dir, "2026-11-21", now=datetime(2026, 11, 21, 12, 0, 0))
    assert done.records == 4
    assert added.id not in {p.id for p in Journal.open(data_dir).list(PainEntry)}
    assert done.kept is not None and done.kept.name == "2026-11-21T120000-before-restore"
    kept = {p.name: p.read_bytes() for p in done.kept.files()}
    assert kept == live_before
    # and the replaced data can itself be put back
    restore_backup(data_dir, done.kept.name, now=datetime(2026, 11, 21, 12, 0, 0))
    assert added.id in {p.id for p in Journal.open(data_dir).list(PainEntry)}
    names = [b.name for b in DataFolder(data_dir).list_backups()]
    assert "2026-11-21T120000-before-restore-2" in names  # same second: a new name, not reused


def test_restore_works_when_the_live_file_is_damaged(data_dir: Path) -> None:
    filled(data_dir)
    Journal.open(data_dir, today=lambda: date(2026, 11, 21)).add(pain(1, T0 + timedelta(days=1)))
    path = data_dir / "records" / "pain-2026.json"
    damaged = path.read_bytes()[:-20]
    path.write_bytes(damaged)
    with pytest.raises(CorruptFileError) as error:
        Journal.open(data_dir)
    assert "paceapp data restore 2026-11-21" in str(error.value)
    done = restore_backup(data_dir, "2026-11-21")
    assert len(Journal.open(data_dir).list(PainEntry)) == 2
    assert done.kept is not None and (done.kept.path / "pain-2026.json").read_bytes() == damaged


def test_restore_removes_files_the_backup_lacks(data_dir: Path) -> None:
    filled(data_dir)
    journal = Journal.open(data_dir, today=lambda: date(2026, 11, 21))
    journal.add(pain(4, datetime(2027, 1, 2, 9, 0, tzinfo=UTC)))
    assert (data_dir / "records" / "pain-2027.json").exists()
    restore_backup(data_dir, "2026-11-21")
    assert not (data_dir / "records" / "pain-2027.json").exists()
    assert len(Journal.open(data_dir).list(PainEntry)) == 2


def test_restore_refuses_unknown_and_damaged_backups(data_dir: Path) -> None:
    filled(data_dir)
    Journal.open(data_dir, today=lambda: date(2026, 11, 21)).add(pain(1, T0 + timedelta(days=1)))
    before = folder_bytes(data_dir)
    with pytest.raises(ValidationError, match="no backup called"):
        restore_backup(data_dir, "../../etc")
    backup = data_dir / "backups" / "2026-11-21" / "pain-2026.json"
    backup.unlink()
    backup.write_bytes(b'{"pain": {')
    before = folder_bytes(data_dir)
    with pytest.raises(ValidationError, match="cannot be put back.*pain-2026.json.*incomplete"):
        restore_backup(data_dir, "2026-11-21")
    assert folder_bytes(data_dir) == before


# -- import -----------------------------------------------------------------------------------
def export_bytes(root: Path) -> bytes:
    return render_export(export_document(export_records(Journal.open(root)))).encode()


def test_import_into_an_empty_folder_is_lossless(tmp_path: Path) -> None:
    filled(tmp_path / "a")
    first = export_bytes(tmp_path / "a")
    source = tmp_path / "export.json"
    source.write_bytes(first)
    done = import_batch(tmp_path / "b", read_import_file(source))
    assert done.counts.total_added == 4 and done.backup is None
    assert export_bytes(tmp_path / "b") == first
    a, b = Journal.open(tmp_path / "a"), Journal.open(tmp_path / "b")
    assert a.list(PainEntry) == b.list(PainEntry)
    assert a.get_single(Settings) == b.get_single(Settings)


def test_import_refuses_a_non_empty_folder_unless_merging(tmp_path: Path) -> None:
    filled(tmp_path / "a")
    source = tmp_path / "export.json"
    source.write_bytes(export_bytes(tmp_path / "a"))
    target = tmp_path / "b"
    Journal.open(target).add(pain(7, T0 + timedelta(hours=5)))
    before = folder_bytes(target)
    with pytest.raises(ValidationError, match="--merge"):
        import_batch(target, read_import_file(source))
    assert folder_bytes(target) == before
    done = import_batch(target, read_import_file(source), merge=True)
    assert (done.counts.total_added, done.counts.total_replaced, done.counts.total_kept) == (4, 0, 0)
    assert done.backup is not None and "before-import" in done.backup.name
    again = import_batch(target, read_import_file(source), merge=True)
    assert (again.counts.total_added, again.counts.total_kept) == (0, 4)
    assert len(Journal.open(target).list(PainEntry)) == 3


def test_merge_keeps_the_newer_copy(tmp_path: Path) -> None:
    journal = filled(tmp_path / "a")
    stored = journal.list(PainEntry)[-1]
    newer = dataclasses.replace(stored, score=1, updated=stored.updated + timedelta(days=1))
    older = dataclasses.replace(stored, score=9, updated=stored.updated - timedelta(days=1))
    for record, score in ((older, 5), (newer, 1)):
        doc = export_document({"pain": [record]})
        batch = parse_import(render_export(doc).encode(), Path("x.json"))
        import_batch(tmp_path / "a", batch, merge=True)
        assert Journal.open(tmp_path / "a").get(PainEntry, stored.id).score == score


def test_import_moves_a_record_whose_year_changed(tmp_path: Path) -> None:
    journal = filled(tmp_path / "a")
    stored = journal.list(PainEntry)[-1]
    moved = dataclasses.replace(stored, at=datetime(2027, 1, 5, 8, 0, tzinfo=UTC),
                                updated=stored.updated + timedelta(days=60))
    batch = parse_import(render_export(export_document({"pain": [moved]})).encode(), Path("x.json"))
    import_batch(tmp_path / "a", batch, merge=True)
    again = Journal.open(tmp_path / "a")
    assert [p.id for p in again.list(PainEntry)].count(stored.id) == 1
    assert again.get(PainEntry, stored.id).at.year == 2027
    assert check_folder(tmp_path / "a").ok


@pytest.mark.parametrize(("payload", "message"), [
    (b"\xff\xfe\x00garbage", "not text"),
    (b"{not json", "not valid JSON"),
    (b"[1, 2, 3]", "not a paceapp export"),
    (b'{"format": "something-else", "version": 1}', "not a paceapp export"),
    (b'{"format": "paceapp-export", "version": 99, "records": {}}', "newer paceapp"),
    (b'{"format": "paceapp-export", "version": 1}', "no 'records'"),
    (b'{"format": "paceapp-export", "version": 1, "records": {"unicorns": []}}', "unicorns"),
    (b'{"format": "paceapp-export", "version": 1, "records": {"pain": [{"id": "a", "score": 3}]}}',
     "'at' is missing"),
    (b"[" * 100000, "nested too deeply"),
    (b'{"format": "paceapp-export", "version": 1, "records": {"pain": [{"at": '
     b'"2026-11-21T09:00:00+00:00", "score": 3}]}}', "has no id"),
])
def test_bad_imports_are_refused_in_plain_words(payload: bytes, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_import(payload, Path("export.json"))
    assert message in str(error.value)
    assert "Nothing was changed" in str(error.value)


def test_import_lists_every_bad_record(tmp_path: Path) -> None:
    one = to_data(pain(3))
    records = [one, dict(one)]
    records.append({**records[0], "id": "b" * 8, "score": 11})
    doc = {"format": "paceapp-export", "version": 1, "records": {"pain": records}}
    with pytest.raises(ValidationError) as error:
        parse_import(json.dumps(doc).encode(), Path("e.json"))
    text = str(error.value)
    assert "same id appears twice" in text and "pain bbbbbbbb" in text and "11" in text


def test_importing_a_conflict_copy_merges_and_sets_it_aside(data_dir: Path) -> None:
    journal = filled(data_dir)
    live = data_dir / "records" / "pain-2026.json"
    copy = data_dir / "records" / "pain-2026 (conflicted copy).json"
    other = pain(8, T0 + timedelta(hours=3), note="from the laptop")
    journal.add(other)
    copy.write_bytes(live.read_bytes())
    journal.delete(PainEntry, other.id)
    assert journal.add(pain(2, T0 + timedelta(hours=4)))
    done = import_batch(data_dir, read_import_file(copy))
    assert (done.counts.total_added, done.counts.total_kept) == (1, 1)
    assert done.retired is not None and not copy.exists() and done.retired.exists()
    assert {p.note for p in Journal.open(data_dir).list(PainEntry)} >= {"from the laptop"}
    assert check_folder(data_dir).ok


def test_importing_a_top_level_single_file_conflict_copy(data_dir: Path) -> None:
    """journal.sync-conflict-*.json: a copy of the first format's single file."""
    filled(data_dir)
    fixture = Path(__file__).parent.parent / "fixtures" / "schema0" / "journal.json"
    copy = data_dir / "journal.sync-conflict-20261120-123456-ABCDEF7.json"
    copy.write_bytes(fixture.read_bytes())
    assert [c.path for c in check_folder(data_dir).conflicts] == [copy]
    done = import_batch(data_dir, read_import_file(copy))
    assert done.counts.added == {"pain": 4, "peg": 2}
    assert done.counts.kept == {"settings": 1}  # ours was changed later
    assert len(Journal.open(data_dir).list(PainEntry)) == 6


def test_read_import_file_problems(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="There is no file"):
        read_import_file(tmp_path / "missing.json")
    with pytest.raises(ValidationError, match="is a folder"):
        read_import_file(tmp_path)


def test_a_damaged_conflict_copy_is_reported_plainly(data_dir: Path) -> None:
    filled(data_dir)
    copy = data_dir / "records" / "pain-2026 (conflicted copy).json"
    copy.write_bytes((data_dir / "records" / "pain-2026.json").read_bytes()[:30])
    [found] = check_folder(data_dir).conflicts
    assert found.problem == "it is incomplete: it may have been cut short"


def test_a_half_synced_conflict_copy_does_not_lock_the_person_out(data_dir: Path) -> None:
    filled(data_dir)
    copy = data_dir / "records" / "pain-2026.sync-conflict-20261120-123456-ABCDEF7.json"
    copy.write_bytes((data_dir / "records" / "pain-2026.json").read_bytes()[:30])
    assert len(Journal.open(data_dir).list(PainEntry)) == 2


def test_a_folder_with_only_fresh_settings_counts_as_empty(tmp_path: Path) -> None:
    """A new computer where the app was opened once (it stored new settings): the export wins."""
    filled(tmp_path / "a")
    source = tmp_path / "export.json"
    source.write_bytes(export_bytes(tmp_path / "a"))
    target = tmp_path / "new"
    Journal.open(target).put_single(Settings(display_name="new laptop"))
    done = import_batch(target, read_import_file(source))
    assert done.counts.replaced == {"settings": 1}
    assert done.backup is not None  # the fresh settings are kept in the backup all the same
    settings = Journal.open(target).get_single(Settings)
    assert settings is not None and settings.display_name == "Sam"
    assert export_bytes(target) == source.read_bytes()
