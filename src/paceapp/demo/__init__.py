"""Realistic sample data for `paceapp demo`, the tests and the benchmark.

One fictional person (`DemoPerson`, person.py) has a day-by-day story - a slowly moving pain level,
flare-ups every few weeks, occasional "boom" days that are followed by a "bust". Each feature's
module here turns that story into its own records, so the numbers agree with each other.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from paceapp.core.records import Record
from paceapp.demo.person import DemoPerson

#: Modules with `generate(person) -> Iterable[Record]`, in order (later ones may read
#: `person.made`, the records earlier ones produced).
GENERATOR_MODULES: tuple[str, ...] = (
    "paceapp.demo.pain",
    "paceapp.demo.sleep",
    "paceapp.demo.flare",
    "paceapp.demo.pacing",
    "paceapp.demo.goals",
    "paceapp.demo.gp",
    "paceapp.demo.group",
    "paceapp.demo.day",
    "paceapp.demo.supporter",
)

MAX_DAYS = 3650


@dataclass
class DemoData:
    records: list[Record] = field(default_factory=list)
    singles: list[Record] = field(default_factory=list)


def build(days: int, today: date, seed: int = 7) -> DemoData:
    """Generate `days` days of data ending `today` (deterministic for a seed)."""
    person = DemoPerson(days=days, today=today, seed=seed)
    data = DemoData()
    for module_name in GENERATOR_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue
            raise
        for record in module.generate(person):
            (data.singles if record.SINGLE else data.records).append(record)
            person.made.append(record)
    return data


def write_demo(root: Path, days: int, today: date, seed: int = 7) -> int:
    """Write a sample data folder at `root`; return how many records it holds."""
    from paceapp.store.journal import Journal

    journal = Journal.open(root)
    data = build(days, today, seed)
    count = journal.add_many(data.records)
    for single in data.singles:
        journal.put_single(single)
    return count + len(data.singles)
