"""Data format 3 (issue 19 item 2): a baseline's changes are records of their own, one file per
year. "The baseline in force on day D" is a lookup over only the years a period needs; a step-up
writes the baseline and this year's change file; a format-2 folder, an old export, an old data
file and an old backup are all brought forward with the same figures, and a migration stopped
half-way loses nothing."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from paceapp.app import pacing as app_pacing
from paceapp.cli import main
from paceapp.core.codec import to_data
from paceapp.core.pacing import Baseline, BaselineAmounts, BaselineChange
from paceapp.demo import write_demo
from paceapp.store import storage
from paceapp.store.journal import Journal
from paceapp.store.maintenance import check_folder, restore_backup
from paceapp.store.schema import SCHEMA_VERSION
from tests.store.format2 import old_baseline, write_back_as_format_2


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def change_years(names: list[str]) -> set[int]:
    return {int(n.split("-")[1][:4]) for n in names if n.startswith("baselinechange-")}


def days(start: date, end: date) -> Iterator[date]:
    while start <= end:
        yield start
        start += timedelta(days=1)


# -- the baseline in force, across year ends ------------------------------------------------------
@pytest.fixture
def walking(tmp_path: Path) -> Journal:
    """Walking, worked by hand:
    set Mon 5 Jun 2023 09:00, gentle 20 -> 10 min;
    step Mon 30 Dec 2024 09:00: 10 + 10% = 11;
    step Mon 6 Jan 2025 09:00: 11 + 10% = 12.1 -> 12;
    restart Mon 2 Mar 2026 09:00 to 8 (its amount now)."""
    journal = Journal.open(tmp_path / "d")
    app_pacing.set_baseline(journal, "Walking", "gentle", [20], now=at(date(2023, 6, 5)))
    app_pacing.step_up_baseline(journal, "Walking", now=at(date(2024, 12, 30)))
    app_pacing.step_up_baseline(journal, "Walking", now=at(date(2025, 1, 6)))
    app_pacing.restart_baseline(journal, "Walking", now=at(date(2026, 3, 2)), to=8)
    return Journal.open(tmp_path / "d")


@pytest.mark.parametrize(("start", "end", "expected", "years"), [
    # The window starts before the first change: nothing before it, then 10.
    (date(2023, 5, 1), date(2023, 6, 30), {date(2023, 6, 4): None, date(2023, 6, 5): 10}, {2023}),
    # A window in 2024 needs the 2023 set (read back one year), then the step on 30 Dec; it
    # ends within two days of the year's end, so 2025 is read too (a change's day is local,
    # and a go may be written in another UTC offset).
    (date(2024, 6, 1), date(2024, 12, 31),
     {date(2024, 6, 1): 10, date(2024, 12, 29): 10, date(2024, 12, 30): 11}, {2023, 2024, 2025}),
    (date(2024, 6, 1), date(2024, 12, 20), {date(2024, 12, 20): 10}, {2023, 2024}),
    # Across the year end: the step of 30 Dec 2024 is in force until 6 Jan 2025.
    (date(2025, 1, 1), date(2025, 1, 10),
     {date(2025, 1, 1): 11, date(2025, 1, 5): 11, date(2025, 1, 6): 12}, {2024, 2025}),
    # Inside 2025, with its change before the window found in 2025: 2023 and 2024 are not read.
    (date(2025, 3, 1), date(2025, 3, 31), {date(2025, 3, 1): 12, date(2025, 3, 31): 12}, {2025}),
    # After the last change: the baseline says it all, no change file is read.
    (date(2026, 4, 1), date(2026, 4, 30), {date(2026, 4, 1): 8}, set()),
])
def test_the_baseline_on_a_day_reads_only_the_years_it_needs(
        walking: Journal, parsed: list[str], start: date, end: date,
        expected: dict[date, int | None], years: set[int]) -> None:
    baseline = walking.list(Baseline)[0]
    all_changes = walking.list(BaselineChange)
    assert len(all_changes) == 4
    parsed.clear()
    fresh = Journal.open(walking.folder.root if walking.folder else Path())  # nothing read yet
    amounts = app_pacing.load_amounts(fresh, [baseline], start, end)
    assert change_years(parsed) == years, parsed
    for day, amount in expected.items():
        assert amounts.on(baseline, day) == amount, day
    # Every day and every hour of the window agrees with the lookup over every change.
    whole = BaselineAmounts([baseline], all_changes)
    for day in days(start, end):
        assert amounts.on(baseline, day) == whole.on(baseline, day), day
        for hour in (0, 8, 9, 23):
            assert amounts.at(baseline, at(day, hour)) == whole.at(baseline, at(day, hour))


def test_a_go_just_before_a_step_is_under_the_old_amount(walking: Journal) -> None:
    baseline = walking.list(Baseline)[0]
    amounts = app_pacing.load_amounts(walking, [baseline], date(2025, 1, 6), date(2025, 1, 6))
    assert amounts.at(baseline, at(date(2025, 1, 6), 8, 59)) == 11
    assert amounts.at(baseline, at(date(2025, 1, 6), 9, 0)) == 12


# -- a step-up writes only what changed ------------------------------------------------------------
def test_a_step_up_on_twenty_years_writes_the_baseline_and_this_years_changes(
        tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    first = now - timedelta(days=20 * 365)
    journal = Journal.open(tmp_path / "d")
    made = app_pacing.set_baseline(journal, "Walking", "gentle", [20], now=first).baseline
    base, changes = made, []
    for week in range(1, 20 * 52):  # a step or a restart every week for twenty years
        when = first + timedelta(days=7 * week)
        if when > now - timedelta(days=8):
            break
        from paceapp.core.pacing import restart_change, step_up_change

        base, change = (restart_change(base, when, to=10) if base.amount > 300
                        else step_up_change(base, when, []))
        changes.append(change)
    journal.add_many(changes)
    journal.update(base)
    on_disk = {p.name for p in (tmp_path / "d" / "records").glob("baselinechange-*.json")}
    assert len(on_disk) >= 20
    written: list[str] = []
    real = storage.atomic_write_many

    def spy(files: dict[Path, bytes], **kwargs: Any) -> Any:
        written.extend(p.name for p in files)
        return real(files, **kwargs)

    monkeypatch.setattr(storage, "atomic_write_many", spy)
    monkeypatch.setattr("paceapp.store.journal.atomic_write_many", spy)
    journal = Journal.open(tmp_path / "d")
    parsed.clear()
    stepped = app_pacing.step_up_baseline(journal, "Walking", now=now)
    assert stepped.after.amount > stepped.before.amount
    assert sorted(written) == sorted(["baseline.json", f"baselinechange-{now.year}.json"])
    assert change_years(parsed) <= {now.year}, parsed
    assert (tmp_path / "d" / "records" / "baseline.json").stat().st_size < 2000
    # One undo takes back both.
    journal.undo()
    assert journal.list(Baseline)[0] == dataclasses.replace(base, updated=journal.list(
        Baseline)[0].updated)
    assert stepped.change.id not in {c.id for c in journal.list(BaselineChange)}


# -- format 2 -> 3 ------------------------------------------------------------------------------
COMMANDS = [["pace", "list"], ["pace", "list", "--json"], ["pace", "history", "walking"],
            ["pace", "history", "stairs", "--json"], ["report", "--weeks", "52"],
            ["insights", "--days", "84"], ["gp", "sheet"]]


def outputs(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    shown = {}
    for argv in COMMANDS:
        capsys.readouterr()
        assert main(["--data-dir", str(root), *argv]) == 0
        shown[" ".join(argv)] = capsys.readouterr().out
    journal = Journal.open(root)
    today = date.today()
    card = app_pacing.load_pacing_card(journal, today)
    shown["today"] = repr((card.view, card.problem))
    return shown


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    write_demo(folder, 800, date.today())
    return folder


def test_a_format_2_folder_is_brought_forward_with_the_same_figures(
        demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new"
    shutil.copytree(demo_folder, new)
    before = outputs(new, capsys)
    old = tmp_path / "old"
    shutil.copytree(demo_folder, old)
    write_back_as_format_2(old)
    tables = json.loads((old / "records" / "baseline.json").read_bytes())
    assert all("history" in doc for doc in tables["baseline"].values())
    assert not list((old / "records").glob("baselinechange-*"))
    after = outputs(old, capsys)  # opening it migrates it, after a backup
    assert after == before
    assert Journal.open(old).schema_version() == SCHEMA_VERSION == 3
    [backup] = [p for p in (old / "backups").iterdir() if "before-migrate" in p.name]
    assert "history" in (backup / "baseline.json").read_text()  # the old copy is kept
    tables = json.loads((old / "records" / "baseline.json").read_bytes())
    assert all("history" not in doc and "changed" in doc for doc in tables["baseline"].values())
    assert check_folder(old).ok
    # A restore of the backup from before brings format 2 back; opening it migrates it again.
    restore_backup(old, backup.name)
    assert outputs(old, capsys) == before


def test_a_migration_stopped_half_way_loses_nothing(
        demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after the change files were put in place but before baseline.json was: the next
    start runs the step again from the history still in baseline.json, without doubling."""
    import os

    expected = outputs(_copy(demo_folder, tmp_path / "expected"), capsys)
    real = os.replace
    for stop_at in ("baselinechange-", "baseline.json", "_meta.json"):
        old = tmp_path / stop_at
        shutil.copytree(demo_folder, old)
        write_back_as_format_2(old)

        def killed(source: Any, target: Any, *, stop: str = stop_at) -> None:
            if Path(target).name.startswith(stop):
                raise KeyboardInterrupt("killed")
            real(source, target)

        with monkeypatch.context() as patched:
            patched.setattr(os, "replace", killed)
            with pytest.raises(KeyboardInterrupt):
                Journal.open(old)
        assert outputs(old, capsys) == expected, stop_at
        changes = Journal.open(old).list(BaselineChange)
        assert len({c.id for c in changes}) == len(changes)  # none doubled
        assert check_folder(old).ok


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def test_an_old_export_and_an_old_data_file_are_split_on_the_way_in(
        demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = outputs(_copy(demo_folder, tmp_path / "expected"), capsys)
    capsys.readouterr()
    assert main(["--data-dir", str(demo_folder), "data", "export", "--out",
                 str(tmp_path / "new.json")]) == 0
    doc = json.loads((tmp_path / "new.json").read_bytes())
    assert doc["schema"] == 3 and doc["records"]["baselinechange"]
    changes = [BaselineChange(**_fields(BaselineChange, c)) for c in
               doc["records"].pop("baselinechange")]
    doc["records"]["baseline"] = [
        old_baseline(Baseline(**_fields(Baseline, b)), changes) for b in doc["records"]["baseline"]]
    doc["schema"] = 1
    (tmp_path / "old.json").write_text(json.dumps(doc))
    # The new export and the old one give the same folder.
    for name in ("new.json", "old.json"):
        target = tmp_path / f"from-{name}"
        assert main(["--data-dir", str(target), "data", "import", str(tmp_path / name)]) == 0
        assert outputs(target, capsys) == expected, name
    # A data file from before (baseline.json with histories) merged into an empty folder.
    old_file = tmp_path / "old-folder"
    shutil.copytree(demo_folder, old_file)
    write_back_as_format_2(old_file)
    target = tmp_path / "from-copy"
    shutil.copytree(demo_folder, target)
    for path in (target / "records").glob("baselinechange-*.json"):
        path.unlink()
    (target / "records" / "baseline.json").unlink()
    assert main(["--data-dir", str(target), "data", "import",
                 str(old_file / "records" / "baseline.json")]) == 0
    shown = outputs(target, capsys)
    assert shown["pace history walking"] == expected["pace history walking"]
    assert shown["pace history stairs --json"] == expected["pace history stairs --json"]


def _fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    from paceapp.core.codec import from_data

    return {f.name: getattr(from_data(cls, data, "x"), f.name) for f in dataclasses.fields(cls)}


# -- deleting, editing and undo ---------------------------------------------------------------------
def test_deleting_a_baseline_keeps_its_changes_and_undo_brings_it_back_whole(
        walking: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    root = walking.folder.root if walking.folder else Path()
    capsys.readouterr()
    assert main(["--data-dir", str(root), "pace", "history", "walking"]) == 0
    history = capsys.readouterr().out
    baseline = walking.list(Baseline)[0]
    walking.delete(Baseline, baseline.id)
    assert len(walking.list(BaselineChange)) == 4  # kept, and not called damaged
    assert check_folder(root).ok
    assert app_pacing.load_amounts(walking, [], date(2024, 1, 1), date(2026, 1, 1)).on(
        baseline, date(2026, 4, 1)) == 8  # a stray change is never used for another baseline
    assert walking.undo()[0] == "brought back"
    capsys.readouterr()
    assert main(["--data-dir", str(root), "pace", "history", "walking"]) == 0
    assert capsys.readouterr().out == history


@pytest.mark.parametrize(("kind", "change"), [
    ("baseline", "amount=30"), ("baseline", "changed=2020-01-01T09:00:00+00:00"),
    ("baselinechange", "amount=30"), ("baselinechange", "at=2020-01-01T09:00:00+00:00"),
    ("baseline-change", "baseline_id=other"),
])
def test_edit_cannot_part_a_baseline_from_its_changes(walking: Journal, kind: str,
                                                      change: str) -> None:
    root = walking.folder.root if walking.folder else Path()
    cls = Baseline if kind == "baseline" else BaselineChange
    record = walking.list(cls)[0]
    files = {p.name: p.read_bytes() for p in (root / "records").iterdir()}
    assert main(["--data-dir", str(root), "edit", kind, record.id, change]) != 0
    assert {p.name: p.read_bytes() for p in (root / "records").iterdir()} == files


def test_a_step_up_made_after_the_migration_undoes_whole(
        demo_folder: Path, tmp_path: Path) -> None:
    old = _copy(demo_folder, tmp_path / "old")
    write_back_as_format_2(old)
    journal = Journal.open(old)  # migrated
    before = (journal.list(Baseline), journal.list(BaselineChange))
    now = datetime.now().astimezone() + timedelta(days=30)
    changed = app_pacing.restart_baseline(journal, "Walking", now=now, percent=50)
    assert changed.after.amount < changed.before.amount
    assert journal.undo()[0] == "changed back"
    after = (journal.list(Baseline), journal.list(BaselineChange))
    assert [to_data(b) for b in after[0]] == [to_data(b) for b in before[0]]
    assert after[1] == before[1]


def test_todays_list_leaves_out_a_baselines_changes(walking: Journal, parsed: list[str]) -> None:
    """A baseline set or stepped up today is not an entry of Today's list (the baseline is, in
    its card), and on a day nothing changed Today reads no change file at all."""
    from paceapp.app.today import todays_records
    from paceapp.core.pain import new_pain

    changed_on = date(2026, 3, 2)  # the restart: a change record dated that day
    walking.add(new_pain(4, at(changed_on, 10), at(changed_on, 10)))
    parsed.clear()
    assert [type(r).__name__ for r in todays_records(walking, changed_on)] == ["PainEntry"]
    assert change_years(parsed) == set()
    assert todays_records(walking, date(2026, 3, 3)) == []


def test_show_names_each_changes_baseline(walking: Journal, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    """Two baselines restarted at one moment after a flare-up: each listed change says whose it
    is, by the short id `show baseline` lists."""
    moment = at(date(2026, 3, 2))
    app_pacing.set_baseline(walking, "Stairs", "gentle", [12], now=at(date(2026, 1, 5)),
                            unit="count")
    app_pacing.restart_baseline(walking, "Stairs", now=moment, to=4)
    folder = str(walking.folder.root)  # type: ignore[union-attr]
    assert main(["--data-dir", folder, "show", "baseline-changes"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "restart" in line]
    ids = {b.name: b.id[:8] for b in Journal.open(walking.folder.root).list(Baseline)}  # type: ignore[union-attr]
    assert len(rows) == 2 and {row.split()[1] for row in rows} == {ids["Walking"], ids["Stairs"]}


def test_the_baseline_in_force_on_the_night_the_clocks_go_back(tmp_path: Path) -> None:
    """Worked by hand (Europe/London): Walking set Sun 18 Oct 2026 09:00, gentle 30 -> 15 min.
    Stepped up Sun 25 Oct at 01:30 the *second* time (GMT, 01:30 UTC): 15 + 10% = 16.5, rounded
    half up to 17 (round() would give 16). The clocks went back at 02:00 BST, so 01:45 the
    *first* time (00:45 UTC) and 01:15 the second (01:15 UTC) came before the step, 01:45 the
    second after it."""
    from paceapp.core.timeparse import local_moment

    journal = Journal.open(tmp_path / "d")
    app_pacing.set_baseline(journal, "Walking", "gentle", [30], now=at(date(2026, 10, 18)))
    step = local_moment(datetime(2026, 10, 25, 1, 30), choice=1)
    app_pacing.step_up_baseline(journal, "Walking", now=step)
    fresh = Journal.open(tmp_path / "d")
    [walking] = fresh.list(Baseline)
    assert walking.amount == 17
    amounts = app_pacing.load_amounts(fresh, [walking], date(2026, 10, 24), date(2026, 10, 26))
    first_0145 = local_moment(datetime(2026, 10, 25, 1, 45), choice=0)
    second_0115 = local_moment(datetime(2026, 10, 25, 1, 15), choice=1)
    second_0145 = local_moment(datetime(2026, 10, 25, 1, 45), choice=1)
    assert first_0145 < second_0115 < step < second_0145  # in real time, as the clock ran
    assert [amounts.at(walking, m) for m in (first_0145, second_0115, step, second_0145)] == \
        [15, 15, 17, 17]
    assert [amounts.on(walking, d) for d in (date(2026, 10, 24), date(2026, 10, 25))] == [15, 17]
