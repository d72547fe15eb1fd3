"""`paceapp data ...` from the command line."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from paceapp.core.kinds import all_kinds
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp


def seed(cli) -> None:  # noqa: ANN001
    assert cli("log", "pain", "6", "--note", "=1+2 stairs", "--where", "@back",
               "--at", "2026-11-20T09:30").code == 0
    assert cli("log", "pain", "3", "--note", "after a rest\nfelt better",
               "--at", "2025-03-02T18:00").code == 0
    assert cli("log", "peg", "4", "5", "7", "--date", "2026-11-15").code == 0


def test_data_path(cli, data_dir: Path) -> None:  # noqa: ANN001
    ran = cli("data", "path")
    assert ran.code == 0 and ran.out.strip() == str(data_dir)
    assert "Nothing is saved" in ran.err


def test_check_ok_and_with_problems(cli, data_dir: Path) -> None:  # noqa: ANN001
    seed(cli)
    ran = cli("data", "check")
    assert ran.code == 0, ran.out
    assert "3 records" in ran.out and "checks out" in ran.out
    path = data_dir / "records" / "pain-2026.json"
    doc = json.loads(path.read_text())
    [rec] = doc["pain"].values()
    rec["score"] = 12
    path.write_text(json.dumps(doc) + "\n")
    before = folder_bytes(data_dir)
    ran = cli("data", "check")
    assert ran.code == 1
    assert rec["id"] in ran.out and "pain-2026.json" in ran.out and "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def test_check_reports_conflict_copies(cli, data_dir: Path) -> None:  # noqa: ANN001
    seed(cli)
    records = data_dir / "records"
    (records / "pain-2026.sync-conflict-20261120-123456-ABCDEF7.json").write_bytes(
        (records / "pain-2026.json").read_bytes())
    ran = cli("data", "check")
    assert ran.code == 1
    assert "pain-2026.sync-conflict-20261120-123456-ABCDEF7.json (a copy of pain-2026.json)" in ran.out
    assert "can be deleted" in ran.out


def test_backups_and_restore(cli, data_dir: Path) -> None:  # noqa: ANN001
    seed(cli)
    folder = DataFolder(data_dir)
    ran = cli("data", "backups")
    assert ran.code == 0 and "daily" in ran.out and folder.list_backups()[0].name in ran.out
    listing = json.loads(cli("data", "backups", "--json").out)
    assert listing[0]["reason"] == "daily" and listing[0]["records"] == 1
    name = listing[0]["name"]

    before = folder_bytes(data_dir)
    ran = cli("data", "restore", name, input="n\n")
    assert ran.code == 0 and "Nothing was changed" in ran.out
    assert folder_bytes(data_dir) == before
    ran = cli("data", "restore", name)  # no answer at all (e.g. not a terminal): stops
    assert ran.code == 2 and "Nothing was changed" in ran.err and folder_bytes(data_dir) == before

    live = {p.name: p.read_bytes() for p in folder.record_files()}
    ran = cli("data", "restore", name, input="y\n")
    assert ran.code == 0, ran.err
    assert "kept in the backup" in ran.out
    assert len(Journal.open(data_dir).list(PainEntry)) == 1
    kept = folder.list_backups()[0]
    assert kept.name.endswith("before-restore")
    assert {p.name: p.read_bytes() for p in kept.files()} == live

    ran = cli("data", "restore", "no-such-backup", "--yes")
    assert ran.code == 2 and "no backup called" in ran.err


def test_export_import_export_is_identical(cli, tmp_path: Path, data_dir: Path) -> None:  # noqa: ANN001
    seed(cli)
    first = tmp_path / "one.json"
    assert cli("data", "export", "--format", "json", "--out", str(first)).code == 0
    other = tmp_path / "other"
    ran = cli("data", "import", str(first), data=other)
    assert ran.code == 0, ran.err
    assert "Added 3" in ran.out
    second = cli("data", "export", data=other)
    assert second.out.encode() == first.read_bytes()
    assert set(json.loads(second.out)["records"]) == set(all_kinds())


def test_import_refuses_then_merges(cli, tmp_path: Path) -> None:  # noqa: ANN001
    seed(cli)
    export = tmp_path / "e.json"
    cli("data", "export", "--out", str(export))
    other = tmp_path / "other"
    assert cli("log", "pain", "2", data=other).code == 0
    before = folder_bytes(other)
    ran = cli("data", "import", str(export), data=other)
    assert ran.code == 2 and "--merge" in ran.err and folder_bytes(other) == before
    ran = cli("data", "import", str(export), "--merge", data=other)
    assert ran.code == 0 and "Added 3" in ran.out and "before-import" in ran.out
    assert len(Journal.open(other).list(PainEntry)) == 3


def test_export_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:  # noqa: ANN001
    seed(cli)
    out = tmp_path / "e.json"
    out.write_text("mine")
    ran = cli("data", "export", "--out", str(out))
    assert ran.code == 2 and "--force" in ran.err and out.read_text() == "mine"
    assert cli("data", "export", "--out", str(out), "--force").code == 0
    assert json.loads(out.read_text())["format"] == "paceapp-export"
    assert cli("data", "export", "--format", "csv").code == 2
    assert cli("data", "export", "--out", str(tmp_path / "nope" / "e.json")).code == 2


def test_csv_export_matches_the_records(cli, tmp_path: Path, data_dir: Path) -> None:  # noqa: ANN001
    seed(cli)
    out = tmp_path / "csv"
    ran = cli("data", "export", "--format", "csv", "--out", str(out))
    assert ran.code == 0, ran.err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.csv" for k in all_kinds())
    journal = Journal.open(data_dir)
    with open(out / "pain.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pains = journal.list(PainEntry)
    assert [r["id"] for r in rows] == [p.id for p in pains]
    for row, entry in zip(rows, pains, strict=True):
        assert row["at"] == entry.at.isoformat() and int(row["score"]) == entry.score
        assert row["created"] == entry.created.isoformat()
    assert rows[0]["note"] == "after a rest\nfelt better"
    assert rows[1]["note"] == "'=1+2 stairs" and rows[1]["where"] == "'@back"
    with open(out / "peg.csv", encoding="utf-8-sig", newline="") as handle:
        [peg] = list(csv.DictReader(handle))
    entry = journal.list(PegEntry)[0]
    assert peg["date"] == date(2026, 11, 15).isoformat() and float(peg["score"]) == entry.score == 5.3


def test_data_commands_in_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_paceapp("log", "pain", "4", data=data).code == 0
    out = tmp_path / "e.json"
    ran = run_paceapp("data", "export", "--out", str(out), data=data)
    assert ran.code == 0 and "Exported 1 record to" in ran.out
    ran = run_paceapp("data", "import", str(out), data=tmp_path / "copy")
    assert ran.code == 0, ran.err
    ran = run_paceapp("data", "check", data=tmp_path / "copy")
    assert ran.code == 0 and "1 records" in ran.out
    (tmp_path / "junk.json").write_bytes(b"\x00\x01garbage")
    ran = run_paceapp("data", "import", str(tmp_path / "junk.json"), data=tmp_path / "copy")
    assert ran.code == 2 and "not valid JSON" in ran.err
    assert "Traceback" not in ran.err
