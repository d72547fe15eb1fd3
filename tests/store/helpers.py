"""Helpers shared by the store's safety tests: fingerprints of a folder, a sample folder with
every kind of record, and every record id held anywhere (live or in a backup)."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from paceapp.core.settings import Settings

SAMPLE_DAY = date(2026, 11, 21)


def sha_tree(root: Path, *, backups: bool = True) -> dict[str, str]:
    """sha256 of every file under `root` (the lock aside; backups/ only when asked), links
    recorded as where they point: equal fingerprints mean nothing was changed."""
    found: dict[str, str] = {}
    if not root.exists():
        return found
    paths = root.rglob("*") if backups else [*root.glob("*"), *root.glob("records/*")]
    for path in sorted(paths):
        rel = path.relative_to(root)
        if path.name == ".lock" or (not backups and rel.parts[0] == "backups"):
            continue
        if path.is_symlink():
            found[str(rel)] = "link:" + str(path.readlink())
        elif path.is_file():
            try:
                found[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:
                found[str(rel)] = "unreadable"
    return found


def _extra_samples() -> dict[str, Any]:
    """Records of the kinds the demo does not make (a new kind adds one here)."""
    from paceapp.core.kinds import all_kinds

    found: dict[str, Any] = {"settings": Settings(display_name="Sam")}
    nap = all_kinds().get("nap")
    if nap is not None:
        start = datetime(2026, 11, 20, 14, 0).astimezone()
        found["nap"] = nap(started=start, ended=start + timedelta(minutes=40))
    if "day" in all_kinds():
        from paceapp.core import day

        found["day"] = day.DayRecord(date=SAMPLE_DAY, rating=day.Rating.SO_SO, hard=(
            day.HardActivity(activity="Washing", how=day.Difficulty.SLOWLY, words="sat down"),))
        found["day_activities"] = day.DayActivities(activities=("Washing", "Cooking"))
    if "supporterpage" in all_kinds():
        from paceapp.core import supporter

        found["supporterpage"] = supporter.SupporterPage(signs="goes quiet", helps="tea")
        key = next(k for k in supporter.HEADINGS if k != supporter.CRISIS)
        found["supportercopy"] = supporter.SupporterCopy(
            member_id="m-1", name="Alex", shared_at=datetime(2026, 11, 20, 9, 0).astimezone(),
            sections=(supporter.SupporterSection(key=key, text="a walk helps"),))
    return found


def make_sample(root: Path) -> Path:
    """A data folder holding every kind of record (three weeks of the demo, plus the kinds the
    demo does not make)."""
    from paceapp.core.kinds import all_kinds
    from paceapp.demo import write_demo
    from paceapp.store.journal import Journal

    write_demo(root, 21, SAMPLE_DAY)
    journal = Journal.open(root, today=lambda: SAMPLE_DAY)
    extra = _extra_samples()
    for kind, cls in all_kinds().items():
        if journal.count(cls):
            continue
        assert kind in extra, f"no sample {kind} record: add one in tests/store/helpers.py"
        record = extra[kind]
        journal.put_single(record) if cls.SINGLE else journal.add(record)
    shutil.rmtree(root / "backups", ignore_errors=True)
    return root


def write_raw(path: Path, tables: object) -> None:
    """Write a data file as an editor would: plain JSON (NaN allowed), no seal."""
    path.write_text(json.dumps(tables, allow_nan=True) + "\n", encoding="utf-8")


def ids_everywhere(root: Path, *, live: bool = True) -> set[str]:
    """Every record id in the live data (unless not `live`) and in every backup (parsed
    leniently, as a person rescuing a record by hand would)."""
    found: set[str] = set()
    paths = list((root / "backups").glob("*/*.json"))
    if live:
        paths += list((root / "records").glob("*.json"))
    for path in paths:
        try:
            tables = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if not isinstance(tables, dict):
            continue
        for table, docs in tables.items():
            if table in ("meta", "undo", "_checked") or not isinstance(docs, dict):
                continue
            for doc in docs.values():
                if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                    found.add(doc["id"])
    return found
