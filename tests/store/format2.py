"""Writing a folder back in data format 2 (before baseline changes were records of their own):
each baseline's changes go back into its ``history`` list, ``changed`` is dropped, and the
baseline-change files are removed. Used to test the 2 -> 3 migration and old exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from paceapp.core.codec import to_data
from paceapp.core.pacing import CHANGE_FIELDS, Baseline, BaselineChange
from paceapp.store.storage import decode, encode


def old_baseline(baseline: Baseline, changes: list[BaselineChange]) -> dict[str, Any]:
    """A baseline as format 2 stored it: its changes, oldest first, inside it."""
    doc = to_data(baseline)
    doc.pop("changed")
    mine = sorted((c for c in changes if c.baseline_id == baseline.id), key=BaselineChange.order)
    doc["history"] = [{name: to_data(c)[name] for name in CHANGE_FIELDS} for c in mine]
    return doc


def write_back_as_format_2(root: Path, schema: int = 2) -> None:
    """Turn a format-3 folder (made by this paceapp) into the format-2 folder it would have been."""
    from paceapp.store.journal import Journal

    journal = Journal.open(root)
    changes = journal.list(BaselineChange)
    records = root / "records"
    path = records / "baseline.json"
    if path.exists():
        tables = decode(path.read_bytes(), path)
        tables.pop("_checked", None)
        by_id = {b.id: b for b in journal.list(Baseline)}
        tables["baseline"] = {key: old_baseline(by_id[doc["id"]], changes)
                              for key, doc in tables.get("baseline", {}).items()}
        path.write_bytes(encode(tables, seal=True))
    for old in records.glob("baselinechange-*.json"):
        old.unlink()
    (records / "_meta.json").write_bytes(encode({"meta": {"1": {"schema": schema}}}, seal=True))
