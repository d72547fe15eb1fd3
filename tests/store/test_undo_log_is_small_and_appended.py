"""The undo log (records/_undo.jsonl): one line per change, appended; a change keeps only what
changed; undo works exactly as it did with whole copies; old folders are brought forward."""

from __future__ import annotations

import dataclasses
import json
import os
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from paceapp.core.errors import ValidationError
from paceapp.core.pacing import (
    Baseline,
    BaselineChange,
    restart_change,
    set_baseline_change,
    step_up_change,
)
from paceapp.core.pain import PainEntry
from paceapp.core.settings import Settings
from paceapp.store import undo as undo_log
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal
from paceapp.store.maintenance import check_folder, restore_backup
from paceapp.store.migrations import undo_to_lines
from paceapp.store.schema import SCHEMA_VERSION
from paceapp.store.storage import encode

START = datetime(2016, 1, 4, 9, 0, tzinfo=UTC)


def log_path(root: Path) -> Path:
    return root / "records" / "_undo.jsonl"


def lines(root: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log_path(root).read_bytes().splitlines()]


def baseline_with_history(steps: int) -> tuple[Baseline, list[BaselineChange]]:
    base, _, first = set_baseline_change("walking", "gentle", [10], START)
    changes = [first]
    for n in range(steps):
        when = START + timedelta(days=7 * (n + 1))
        base, change = (restart_change(base, when, to=10) if base.amount > 300 else
                        step_up_change(base, when, []))
        changes.append(change)
    return base, changes


def next_change(base: Baseline, when: datetime) -> tuple[Baseline, BaselineChange]:
    return restart_change(base, when, to=10) if base.amount > 300 else step_up_change(base, when, [])


def add_baseline(journal: Journal, made: tuple[Baseline, list[BaselineChange]], *,
                 undoable: bool = True) -> Baseline:
    base, changes = made
    with journal.transaction():  # as the app stores them: one undo step
        journal.add(base, undoable=undoable)
        for change in changes:
            journal.add(change, undoable=undoable)
    return base


def state(journal: Journal) -> dict[str, list[Any]]:
    return {"pain": sorted((p.id, p.score, p.note, p.at) for p in journal.list(PainEntry)),
            "baseline": sorted((b.id, b.amount, b.changed) for b in journal.list(Baseline)),
            "changes": sorted((c.id, c.baseline_id, c.amount) for c in
                              journal.list(BaselineChange))}


def test_a_change_appends_one_line_and_never_rewrites_the_log(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal.open(tmp_path / "d")
    journal.add(PainEntry(at=START, score=3))
    path = log_path(tmp_path / "d")
    first = path.read_bytes()
    inode = path.stat().st_ino
    read = []
    monkeypatch.setattr(undo_log, "read_entries", lambda p: read.append(p) or [])
    for score in (4, 5, 6):
        journal.add(PainEntry(at=START + timedelta(hours=score), score=score))
    after = path.read_bytes()
    assert path.stat().st_ino == inode and after.startswith(first)  # appended in place
    assert after.count(b"\n") == 4 and read == []  # and the log was not even read
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_a_step_up_logs_only_what_changed_however_long_the_history(tmp_path: Path) -> None:
    sizes = {}
    for steps in (5, 200):
        root = tmp_path / str(steps)
        journal = Journal.open(root)
        base = add_baseline(journal, baseline_with_history(steps), undoable=False)
        raised, change = step_up_change(base, START + timedelta(days=7 * (steps + 1)), [])
        with journal.transaction():
            stepped = journal.update(raised)
            journal.add(change)
        update, add = lines(root)
        assert (update["op"], add["op"], add["kind"]) == ("update", "add", "baselinechange")
        assert update["group"] == add["group"]  # one undo takes back both
        sizes[steps] = log_path(root).stat().st_size
        assert journal.undo()[0] == "changed back"
        assert journal.get(Baseline, base.id) == base
        assert change.id not in {c.id for c in journal.list(BaselineChange)}
        assert stepped.amount > base.amount
    assert max(sizes.values()) < 1200  # a few hundred bytes a line, not the history


OPS = ("add", "update", "delete", "step", "settings")


def random_change(journal: Journal, rng: random.Random, n: int) -> None:
    pains = journal.list(PainEntry)
    bases = journal.list(Baseline)
    op = rng.choice(OPS)
    when = START + timedelta(days=rng.randrange(3000), minutes=n)
    if op == "add" or (op in ("update", "delete") and not pains):
        journal.add(PainEntry(at=when, score=rng.randrange(11), note=rng.choice(["", "x", "é\nline two"])))
    elif op == "update":
        old = rng.choice(pains)
        journal.update(dataclasses.replace(old, score=rng.randrange(11),
                                           at=rng.choice([old.at, when])))  # may change year
    elif op == "delete":
        journal.delete(PainEntry, rng.choice(pains).id)
    elif op == "step" and bases:
        base = rng.choice(bases)
        changed, change = next_change(base, base.changed + timedelta(days=8))
        with journal.transaction():
            journal.update(changed)
            journal.add(change)
    elif op == "step":
        add_baseline(journal, baseline_with_history(rng.randrange(3)))
    else:
        with journal.transaction():  # a group: two changes, one undo
            current = journal.get_single(Settings) or Settings(display_name="A")
            journal.put_single(dataclasses.replace(current, display_name=f"N{n}"))
            journal.add(PainEntry(at=when, score=1))


@pytest.mark.parametrize("seed", range(6))
def test_undo_walks_back_through_every_state_exactly(seed: int, tmp_path: Path) -> None:
    """Random adds, changes (some moving a record to another year), deletes, step-ups and
    grouped changes; then each undo must give back exactly the state before that change."""
    rng = random.Random(seed)
    journal = Journal.open(tmp_path / "d") if seed % 2 else Journal.in_memory()
    states = [state(journal)]
    for n in range(40):
        random_change(journal, rng, n)
        states.append(state(journal))
    if journal.folder is not None:
        assert check_folder(journal.folder.root).ok
    for expected in reversed(states[:-1]):
        assert journal.undo() is not None
        assert state(journal) == expected
    assert journal.undo() is None


def test_only_the_newest_changes_are_kept_and_the_log_stays_small(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(undo_log, "COMPACT_BYTES", 4000)
    root = tmp_path / "d"
    journal = Journal.open(root)
    for n in range(undo_log.UNDO_KEPT + 30):
        journal.add(PainEntry(at=START + timedelta(hours=n), score=n % 11))
    # Past the size, each change rewrote the log with the newest UNDO_KEPT changes only.
    assert len(lines(root)) == undo_log.UNDO_KEPT
    assert check_folder(root).ok
    undone = 0
    while journal.undo() is not None:
        undone += 1
    assert undone == undo_log.UNDO_KEPT and journal.count(PainEntry) == 30
    assert log_path(root).read_bytes() == b""


def test_a_torn_last_line_is_ignored_and_cut_off_before_the_next_append(tmp_path: Path) -> None:
    root = tmp_path / "d"
    journal = Journal.open(root)
    first = journal.add(PainEntry(at=START, score=3))
    with open(log_path(root), "ab") as handle:
        handle.write(b'{"op":"delete","kind":"pain","id":"')  # kill -9 mid-line
    assert check_folder(root).ok
    assert journal.last_change()["id"] == first.id
    second = journal.add(PainEntry(at=START + timedelta(hours=1), score=4))
    assert [e["id"] for e in lines(root)] == [first.id, second.id]
    assert journal.undo()[1].id == second.id and journal.undo()[1].id == first.id


def test_backups_copy_the_log_and_a_restore_puts_it_back_with_its_records(tmp_path: Path) -> None:
    root = tmp_path / "d"
    days = iter([date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 21)])
    today = date(2026, 11, 20)
    journal = Journal.open(root, today=lambda: today)
    kept = journal.add(PainEntry(at=START, score=3))
    today = next(days) and date(2026, 11, 21)
    journal.add(PainEntry(at=START + timedelta(hours=1), score=4))  # backup 2026-11-21 taken first
    copy = root / "backups" / "2026-11-21" / "_undo.jsonl"
    assert copy.read_bytes().count(b"\n") == 1
    assert copy.stat().st_ino != log_path(root).stat().st_ino  # a copy, not a hard link
    journal.add(PainEntry(at=START + timedelta(hours=2), score=5))
    assert copy.read_bytes().count(b"\n") == 1  # appending to the live log left it alone
    restore_backup(root, "2026-11-21")
    assert log_path(root).read_bytes() == copy.read_bytes()
    journal = Journal.open(root)
    assert journal.undo()[1].id == kept.id and journal.undo() is None


def old_format_folder(root: Path) -> tuple[Journal, dict[str, Any]]:
    """A schema-1 folder whose undo log is _undo.json with whole before/after copies, made by
    the current code and then written back in the old format."""
    from tests.store.format2 import old_baseline, write_back_as_format_2

    journal = Journal.open(root)
    pain = journal.add(PainEntry(at=START, score=3))
    changed = journal.update(dataclasses.replace(pain, score=7))
    made = baseline_with_history(3)
    base = add_baseline(journal, made)
    raised, step = step_up_change(base, START + timedelta(days=60), [])
    with journal.transaction():
        stepped = journal.update(raised)
        journal.add(step)
    gone = journal.add(PainEntry(at=START + timedelta(days=400), score=9))
    journal.delete(PainEntry, gone.id)
    journal.put_single(Settings(display_name="Sam"))
    from paceapp.core.codec import to_data

    def entry(op: str, kind: str, rid: str, before: Any, after: Any) -> dict[str, Any]:
        return {"op": op, "kind": kind, "id": rid, "before": before, "after": after,
                "at": "2026-11-21T10:00:00+00:00"}
    settings = journal.get_single(Settings)
    old = {str(n): e for n, e in enumerate([
        entry("add", "pain", pain.id, None, to_data(pain)),
        entry("update", "pain", pain.id, to_data(pain), to_data(changed)),
        entry("add", "baseline", base.id, None, old_baseline(base, made[1])),
        entry("update", "baseline", base.id, old_baseline(base, made[1]),
              old_baseline(stepped, [*made[1], step])),
        entry("add", "pain", gone.id, None, to_data(gone)),
        entry("delete", "pain", gone.id, to_data(gone), None),
        entry("put", "settings", "settings", None, to_data(settings)),
    ], start=1)}
    records = root / "records"
    write_back_as_format_2(root, schema=1)
    log_path(root).unlink()
    (records / "_undo.json").write_bytes(encode({"undo": old}, seal=True))
    (records / "_meta.json").write_bytes(encode({"meta": {"1": {"schema": 1}}}, seal=True))
    return journal, {"pain": pain, "base": base, "gone": gone}


def test_an_old_folder_is_brought_forward_and_undoes_as_before(tmp_path: Path) -> None:
    root = tmp_path / "d"
    _journal, made = old_format_folder(root)
    journal = Journal.open(root)  # migrates, after a backup
    assert journal.schema_version() == SCHEMA_VERSION == 3
    assert not (root / "records" / "_undo.json").exists()
    [backup] = [p for p in (root / "backups").iterdir() if "before-migrate" in p.name]
    assert (backup / "_undo.json").is_file()  # the old log is kept in the backup
    assert [e["op"] for e in lines(root)] == ["add", "update", "add", "update", "add", "delete",
                                              "put"]
    assert "history" not in lines(root)[3]["before"]  # the step-up is small now
    assert check_folder(root).ok
    assert journal.undo()[0] == "changed back" and journal.get_single(Settings) is None
    assert journal.undo()[0] == "brought back" and journal.get(PainEntry, made["gone"].id)
    journal.undo()
    # A baseline change logged with its history (before format 3) is refused calmly, naming
    # the backup from before; nothing is changed, so its amount and its changes still agree.
    before = {p.name: p.read_bytes() for p in (root / "records").iterdir()}
    with pytest.raises(ValidationError, match="before paceapp's data format changed") as caught:
        journal.undo()
    assert f"backups/{backup.name}" in str(caught.value)
    assert {p.name: p.read_bytes() for p in (root / "records").iterdir()} == before


def test_a_migration_stopped_after_writing_the_new_log_runs_again(tmp_path: Path) -> None:
    root = tmp_path / "d"
    old_format_folder(root)
    folder = DataFolder(root)
    old = (root / "records" / "_undo.json").read_bytes()
    with folder.locked():
        undo_to_lines(folder)
    (root / "records" / "_undo.json").write_bytes(old)  # as if killed before the unlink
    journal = Journal.open(root)
    assert len(lines(root)) == 7 and not (root / "records" / "_undo.json").exists()
    assert journal.undo()[0] == "changed back"


def test_a_damaged_old_log_stops_the_migration_and_changes_nothing(tmp_path: Path, cli) -> None:  # noqa: ANN001
    root = tmp_path / "data"
    old_format_folder(root)
    path = root / "records" / "_undo.json"
    tables = json.loads(path.read_bytes())
    tables.pop("_checked")
    tables["undo"]["2"]["op"] = "explode"
    path.write_text(json.dumps(tables) + "\n")
    records = {p.name: p.read_bytes() for p in (root / "records").iterdir()}
    ran = cli("show", "pain")
    assert ran.code == 1 and "_undo.json" in ran.err and "Traceback" not in ran.err
    assert {p.name: p.read_bytes() for p in (root / "records").iterdir()} == records


def test_a_long_torn_line_is_cut_off_whole(tmp_path: Path) -> None:
    """The end of the log is read backwards to the last whole line, however long the cut line."""
    root = tmp_path / "d"
    journal = Journal.open(root)
    first = journal.add(PainEntry(at=START, score=3))
    with open(log_path(root), "ab") as handle:
        handle.write(b'{"op":"add","note":"' + b"x" * 10_000)
    second = journal.add(PainEntry(at=START + timedelta(hours=1), score=4))
    assert [e["id"] for e in lines(root)] == [first.id, second.id]
    log_path(root).write_bytes(b"y" * 9000)  # no whole line at all
    third = journal.add(PainEntry(at=START + timedelta(hours=2), score=5))
    assert [e["id"] for e in lines(root)] == [third.id]
