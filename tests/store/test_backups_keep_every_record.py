"""Restores and imports never make data unrecoverable, a bad backup is never offered or put back,
and backups are put in the order they were made, whatever the clock said.

- Pruning keeps by content: a backup beyond the numbers kept goes only when every record in it
  is in a backup that stays (same or newer version). So a record is always in the live data or
  in some backup, however many restores, imports, deletions and days follow.
- A backup is checked like live data before it is listed as usable or restored; a bad one is
  listed 'not usable' with the reason and refused on restore (exit 2), nothing changed.
- 'Newest' and pruning follow the order backups were made (backups/NAME/.order), never the
  date in their names: a clock that was once ahead cannot get today's backup pruned.
"""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from paceapp.core.pain import PainEntry
from paceapp.outputs.export import export_document, render_export
from paceapp.store.folder import DAILY_BACKUPS_KEPT, EVENT_BACKUPS_KEPT, ORDER_FILE, DataFolder
from paceapp.store.journal import Journal
from paceapp.store.maintenance import (
    check_folder,
    import_batch,
    list_backups,
    parse_import,
    restore_backup,
)
from tests.store.helpers import ids_everywhere, sha_tree, write_raw

DAY0 = date(2026, 10, 1)


def pain(day: date, score: int = 5, note: str = "") -> PainEntry:
    moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return PainEntry(at=moment, score=score, note=note, created=moment, updated=moment)


def journal_on(root: Path, day: date) -> Journal:
    return Journal.open(root, today=lambda: day)


# -- the attack in the issue --------------------------------------------------------------------
def test_restoring_an_older_backup_again_and_again_loses_no_record(data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0, 3))
    day1 = DAY0 + timedelta(days=1)
    journal_on(data_dir, day1).add(pain(day1, 4))  # backup DAY0+1 holds the 3 only
    kept = journal_on(data_dir, day1).add(pain(day1, 9, note="only here"))
    older = day1.isoformat()
    for n in range(EVENT_BACKUPS_KEPT + 4):
        restore_backup(data_dir, older, now=datetime(2026, 10, 2, 12, 0, n))
        assert kept.id in ids_everywhere(data_dir), f"lost after restore {n + 1}"
    # and it can be had back: the copy kept before the first restore is still offered
    holders = [i for i in list_backups(data_dir)
               if kept.id in json.dumps([p.read_text() for p in i.backup.files()])]
    assert holders and all(i.usable for i in holders)
    restore_backup(data_dir, holders[-1].backup.name, now=datetime(2026, 10, 2, 13, 0))
    assert kept.id in {e.id for e in Journal.open(data_dir).list(PainEntry)}


def test_the_same_through_the_command_line(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    assert cli("log", "pain", "4").code == 0  # today's backup (one record) is taken first
    ran = cli("log", "pain", "9", "--note", "only here")
    record_id = ran.out.split("(id ")[1].split(")")[0]
    today = DataFolder(data_dir).list_backups()[-1].name
    for _ in range(8):
        assert cli("data", "restore", today, "--yes").code == 0
    assert any(i.startswith(record_id) for i in ids_everywhere(data_dir))
    listing = json.loads(cli("data", "backups", "--json").out)
    assert all(b["usable"] for b in listing)
    assert [b["order"] for b in listing] == sorted((b["order"] for b in listing), reverse=True)


# -- the class: a random life of changes ---------------------------------------------------------
def test_a_long_random_life_never_leaves_a_record_nowhere(tmp_path: Path) -> None:
    """Logging, deleting, restoring random backups (some repeatedly), importing, days passing:
    after every step every record ever stored is in the live data or a backup - except one the
    person deleted before any backup was taken of it (that is in the undo history only)."""
    rng = random.Random(16)
    root = tmp_path / "data"
    day = DAY0
    stored: set[str] = set()
    restores = 0
    for step in range(220):
        journal = journal_on(root, day)
        roll = rng.random()
        if roll < 0.45 or not stored:
            stored.add(journal.add(pain(day, rng.randint(0, 10), note=f"step {step}")).id)
        elif roll < 0.55:
            live = journal.list(PainEntry)
            if live:
                victim = rng.choice(live).id
                if victim not in ids_everywhere(root, live=False):
                    stored.discard(victim)  # never backed up: deleting it is the person's say
                journal.delete(PainEntry, victim)
        elif roll < 0.70:
            backups = DataFolder(root).list_backups()
            if backups:
                pick = rng.choice(backups[: max(1, len(backups) // 2)] if rng.random() < 0.5
                                  else backups)
                restore_backup(root, pick.name, now=datetime(day.year, day.month, day.day,
                                                             12, step // 60, step % 60))
                restores += 1
        elif roll < 0.78:
            elsewhere = pain(day, 2, note=f"from the laptop {step}")
            doc = export_document({"pain": [elsewhere]})
            import_batch(root, parse_import(render_export(doc).encode(), Path("e.json")),
                         merge=True, now=datetime(day.year, day.month, day.day, 15, 0, step % 60))
            stored.add(elsewhere.id)
        else:
            day += timedelta(days=1)
        missing = stored - ids_everywhere(root)
        assert not missing, f"step {step}: {len(missing)} records are nowhere"
    assert restores >= 10 and day > DAY0 + timedelta(days=DAILY_BACKUPS_KEPT + 5)
    assert check_folder(root).ok
    assert all(info.usable for info in list_backups(root))


def test_backups_holding_nothing_unique_are_still_pruned(data_dir: Path) -> None:
    """Keeping by content does not keep everything: with records only added, the daily backups
    stay at the number kept, and a before-restore copy goes once later backups hold its records."""
    journal_on(data_dir, DAY0).add(pain(DAY0))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0))
    restore_backup(data_dir, (DAY0 + timedelta(days=1)).isoformat(), now=datetime(2026, 10, 2))
    kept = DataFolder(data_dir).list_backups()[0]
    assert kept.name.endswith("before-restore")
    restore_backup(data_dir, kept.name, now=datetime(2026, 10, 2, 1))  # its records are back
    for n in range(2, DAILY_BACKUPS_KEPT + 20):
        day = DAY0 + timedelta(days=n)
        journal_on(data_dir, day).add(pain(day))
    backups = DataFolder(data_dir).list_backups()
    assert len([b for b in backups if b.is_daily]) == DAILY_BACKUPS_KEPT
    assert len([b for b in backups if not b.is_daily]) <= EVENT_BACKUPS_KEPT


def test_a_deleted_record_stays_in_one_backup(data_dir: Path) -> None:
    gone = journal_on(data_dir, DAY0).add(pain(DAY0, note="deleted later"))
    journal_on(data_dir, DAY0).add(pain(DAY0))
    day = DAY0 + timedelta(days=1)
    journal_on(data_dir, day).delete(PainEntry, gone.id)
    for n in range(2, DAILY_BACKUPS_KEPT * 3):
        day = DAY0 + timedelta(days=n)
        journal_on(data_dir, day).add(pain(day))
        assert gone.id in ids_everywhere(data_dir)
    holders = [b for b in DataFolder(data_dir).list_backups()
               if gone.id in (b.path / "pain-2026.json").read_text()]
    assert len(holders) == 1  # one copy is kept, not every old backup


# -- order, not dates ----------------------------------------------------------------------------
def test_a_clock_once_ahead_does_not_get_todays_backup_pruned(data_dir: Path) -> None:
    ahead = date(2030, 1, 1)
    journal_on(data_dir, ahead).add(pain(DAY0))
    for n in range(1, DAILY_BACKUPS_KEPT + 6):  # the clock was wrong for three weeks
        journal_on(data_dir, ahead + timedelta(days=n)).add(pain(DAY0))
    assert len(DataFolder(data_dir).list_backups()) == DAILY_BACKUPS_KEPT
    today = date(2026, 12, 1)
    latest = journal_on(data_dir, today).add(pain(today, note="after the clock was put right"))
    backups = DataFolder(data_dir).list_backups()
    assert backups[0].name == today.isoformat()  # newest by the order taken, not by its name
    for n in range(1, DAILY_BACKUPS_KEPT + 3):
        journal_on(data_dir, today + timedelta(days=n)).add(pain(today))
    names = [b.name for b in DataFolder(data_dir).list_backups()]
    assert names[0] == (today + timedelta(days=DAILY_BACKUPS_KEPT + 2)).isoformat()
    assert not any(name.startswith("2030") for name in names)  # the old ones went first
    assert latest.id in ids_everywhere(data_dir)
    # The newest good copy a message offers is the newest taken, not the one dated 2030.
    live = data_dir / "records" / "pain-2026.json"
    live.write_bytes(live.read_bytes()[:-5])
    from paceapp.store.errors import CorruptFileError

    with pytest.raises(CorruptFileError) as error:
        Journal.open(data_dir)
    assert f"data restore {names[0]}" in str(error.value)


def test_event_backups_taken_with_a_wrong_clock_are_ordered_by_when_they_were_made(
        data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0))
    daily = (DAY0 + timedelta(days=1)).isoformat()
    restore_backup(data_dir, daily, now=datetime(2030, 5, 5, 10, 0))
    restore_backup(data_dir, daily, now=datetime(2026, 10, 2, 10, 0))
    names = [b.name for b in DataFolder(data_dir).list_backups()]
    assert names[:2] == ["2026-10-02T100000-before-restore", "2030-05-05T100000-before-restore"]


def test_backups_from_before_numbering_come_first_in_time(data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0))
    old = DataFolder(data_dir).list_backups()[0]
    (old.path / ORDER_FILE).unlink()  # as paceapp made them before this version
    legacy = data_dir / "backups" / "2031-01-01"
    shutil.copytree(old.path, legacy)
    journal_on(data_dir, DAY0 + timedelta(days=2)).add(pain(DAY0))
    names = [b.name for b in DataFolder(data_dir).list_backups()]
    assert names == [(DAY0 + timedelta(days=2)).isoformat(), "2031-01-01", old.name]


def test_a_backup_stopped_part_way_is_never_offered(data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0))
    backups = data_dir / "backups"
    (backups / ".2026-10-05.partial").mkdir()
    (backups / ".2026-10-01.removing").mkdir()
    assert [b.name for b in DataFolder(data_dir).list_backups()] == ["2026-10-02"]
    journal_on(data_dir, DAY0 + timedelta(days=2)).add(pain(DAY0))
    assert sorted(p.name for p in backups.iterdir() if p.name.startswith(".")) == []


# -- a bad backup is never offered nor put back ---------------------------------------------------
def _edit_backup_file(path: Path, change: Any) -> None:
    tables = json.loads(path.read_bytes())
    tables.pop("_checked", None)
    change(tables)
    path.unlink()  # a hard link to a live file: break it first
    write_raw(path, tables)


def _first(tables: dict[str, Any]) -> dict[str, Any]:
    docs = tables["pain"]
    return docs[next(iter(docs))]


def _replace_with(payload: bytes) -> Any:
    def put(path: Path) -> None:
        path.unlink()
        path.write_bytes(payload)
    return put


DAMAGE: dict[str, tuple[str, Any, str]] = {
    "cut short": ("pain-2026.json", lambda p: _replace_with(p.read_bytes()[:-7])(p), "incomplete"),
    "not JSON": ("pain-2026.json", _replace_with(b"{not json}\n"), "not valid JSON"),
    "nested 100k deep": ("pain-2026.json",
                         _replace_with(b'{"pain":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
                         "nested"),
    "a score as text": ("pain-2026.json",
                        lambda p: _edit_backup_file(p, lambda t: _first(t).update(score="7")),
                        "whole number"),
    "a score of NaN": ("pain-2026.json",
                       lambda p: _edit_backup_file(p, lambda t: _first(t).update(score=float("nan"))),
                       "not finite"),
    "a record that is a bare string": (
        "pain-2026.json", lambda p: _edit_backup_file(p, lambda t: t["pain"].update({"1": "x"})),
        "not a pain score"),
    "a record without id": ("pain-2026.json",
                            lambda p: _edit_backup_file(p, lambda t: _first(t).pop("id")),
                            "no id"),
    "a newer data format": ("_meta.json",
                            lambda p: _edit_backup_file(p, lambda t: t["meta"]["1"].update(schema=99)),
                            "newer paceapp"),
    "no format version": ("_meta.json", lambda p: p.unlink(), "version is missing"),
    "a link to nothing": ("pain-2026.json",
                          lambda p: (p.unlink(), p.symlink_to(p.parent / "gone.json")),
                          "which is not there"),
    "a file paceapp does not know": ("notes.json",
                                     lambda p: p.write_text('{"notes":{}}\n'), "does not know"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_bad_backup_is_listed_as_not_usable_and_refused(damage: str, cli,  # noqa: ANN001
                                                          data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0, 3))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0, 4))
    name = (DAY0 + timedelta(days=1)).isoformat()
    filename, spoil, reason = DAMAGE[damage]
    spoil(data_dir / "backups" / name / filename)
    before = sha_tree(data_dir)

    listing = cli("data", "backups")
    assert listing.code == 0 and "not usable" in listing.out and reason in " ".join(
        listing.out.split()), listing.out
    [info] = json.loads(cli("data", "backups", "--json").out)
    assert info["usable"] is False and any(reason in p and filename in p for p in info["problems"])

    for argv in (("data", "restore", name, "--yes"), ("data", "restore", name)):
        ran = cli(*argv)
        assert ran.code == 2, (argv, ran.out, ran.err)
        assert "cannot be put back" in ran.err and reason in ran.err and filename in ran.err
        assert "Nothing was changed" in ran.err and "Traceback" not in ran.err
    with pytest.raises(Exception, match="cannot be put back"):
        restore_backup(data_dir, name)
    assert sha_tree(data_dir) == before


def test_a_good_backup_is_restored_whole_and_sealed(data_dir: Path) -> None:
    journal_on(data_dir, DAY0).add(pain(DAY0, 3))
    journal_on(data_dir, DAY0 + timedelta(days=1)).add(pain(DAY0, 4))
    done = restore_backup(data_dir, (DAY0 + timedelta(days=1)).isoformat())
    assert done.records == 1 and check_folder(data_dir).ok
    from paceapp.store.storage import seal_intact

    assert all(seal_intact(p.read_bytes()) for p in (data_dir / "records").glob("*.json"))
    entry = Journal.open(data_dir).list(PainEntry)[0]
    Journal.open(data_dir).update(dataclasses.replace(entry, score=8))


def test_a_day_named_while_the_clock_was_ahead_still_gets_its_backup(data_dir: Path) -> None:
    """The clock said 5 October for a while on 1 October; when the real 5 October comes, its
    first change is still backed up first (the folder named 2026-10-05 is days old)."""
    journal_on(data_dir, DAY0).add(pain(DAY0))
    ahead = DAY0 + timedelta(days=4)
    journal_on(data_dir, ahead).add(pain(DAY0, note="while the clock was ahead"))
    for n in range(1, 4):
        journal_on(data_dir, DAY0 + timedelta(days=n)).add(pain(DAY0))
    before_first_change = {p.name: p.read_bytes() for p in (data_dir / "records").glob("*.json")}
    journal_on(data_dir, ahead).add(pain(DAY0, note="the real 5 October"))
    newest = DataFolder(data_dir).list_backups()[0]
    assert newest.name == f"{ahead.isoformat()}-2" and newest.is_daily
    assert {p.name: p.read_bytes() for p in newest.files()} == before_first_change
    journal_on(data_dir, ahead).add(pain(DAY0))  # and only one a day
    assert DataFolder(data_dir).list_backups()[0].name == newest.name
    [info] = [i for i in list_backups(data_dir) if i.backup.name == newest.name]
    assert info.reason == "daily" and info.usable
