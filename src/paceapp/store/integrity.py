"""The one set of rules that says whether a data file can be used.

`paceapp data check`, every read of a file paceapp did not write itself, every write, and every
backup before it is listed or restored all use :func:`check_tables`: a file either passes (every
record in it is what paceapp would store) or it is damaged, and then paceapp neither reads nor
writes it until the person repairs it or puts a backup back.

Checking every record on every read would cost a quick log about 10 ms a year of history, so
each file paceapp writes carries a seal (see storage.encode): the SHA-256 of its content. paceapp
writes only checked records into files it checked, so a file whose seal is intact is known to
pass. A file changed by anything else - an editor, a sync tool, an older paceapp - no longer
matches its seal, and is checked in full before it is used.

This module has no project imports above `core` and the storage primitives, so the folder,
the Journal and the maintenance commands can all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from paceapp.core.codec import DataError, from_data, nonfinite_number
from paceapp.core.errors import ValidationError
from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.core.text import strip_controls
from paceapp.store.schema import SCHEMA_VERSION
from paceapp.store.storage import DAMAGED, UnreadableFile, decode, file_trouble, seal_intact

META_NAME = "_meta"
UNDO_NAME = "_undo"
#: The undo log from data format 2 on (store/undo.py); `_undo.json` is format 1's.
UNDO_LOG_NAME = "_undo.jsonl"
SHARD_NAME = re.compile(r"^(?P<kind>[a-z_][a-z0-9_]*?)(?:-(?P<year>\d{4}))?$")
UNDO_OPS = frozenset({"add", "update", "put", "delete"})
#: How many problems a message that names only some of them lists.
SHOWN = 3


@dataclass
class Problem:
    """One thing wrong in a data file, named by file and record (or entry number)."""

    file: str
    message: str
    record_id: str | None = None
    #: The record's number in its table, when it has no id to name it by.
    entry: str | None = None
    #: "newer" for a folder from a newer paceapp (the Journal says so in its own words).
    code: str = ""

    def __post_init__(self) -> None:
        # Ids, keys and values come from the file: never let them drive the terminal.
        self.file = strip_controls(self.file)
        self.message = strip_controls(self.message)
        self.record_id = strip_controls(self.record_id) if self.record_id else self.record_id
        self.entry = strip_controls(self.entry) if self.entry else self.entry

    def where(self) -> str:
        if self.record_id:
            return f"record {self.record_id}"
        if self.entry is not None:
            return f"entry {self.entry}"
        return ""

    def short(self) -> str:
        """The problem without the file's name (for a message that names the file already)."""
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        where = self.where()
        return f"{self.file}, {where}: {self.message}" if where else f"{self.file}: {self.message}"


@dataclass
class FileResult:
    """What checking one file found."""

    problems: list[Problem] = field(default_factory=list)
    #: (kind, id, updated) of every record that checks out, for duplicate checks across files.
    records: list[tuple[str, str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: The schema version (records/_meta.json only).
    version: int | None = None


def summary(problems: list[Problem], *, with_file: bool = False) -> str:
    """The first problems in one line (for a message naming the file, or with each file's name
    when `with_file`)."""
    def one(problem: Problem) -> str:
        if not with_file:
            return problem.short()
        return f"{problem.file.rsplit('/', 1)[-1]}, {problem.short()}" if problem.where() \
            else f"{problem.file.rsplit('/', 1)[-1]}: {problem.message}"
    text = "; ".join(one(p) for p in problems[:SHOWN])
    if len(problems) > SHOWN:
        text += f"; and {len(problems) - SHOWN} more ('paceapp data check' lists them all)"
    return text


def _what(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    return "empty (null)" if value is None else type(value).__name__


def _is_number(key: str) -> bool:
    return key.isascii() and key.isdigit()


def check_record(cls: type[Record], doc: Any, file: str, entry: str,
                 result: FileResult, seen: set[str]) -> Record | None:
    """Check one stored record of `cls`; add its problems to `result`; return it when it passes.

    Never raises: whatever is in the file, the answer is a problem with the file and record named.
    """
    label = cls.LABEL
    if not isinstance(entry, str) or not _is_number(entry):
        result.problems.append(Problem(
            file, f"it is stored under '{str(entry)[:40]}', which is not a number (paceapp "
                  "numbers the records in a file)", entry=str(entry)[:40]))
        return None
    if not isinstance(doc, dict):
        result.problems.append(Problem(file, f"this entry is {_what(doc)}, not a {label}",
                                       entry=entry))
        return None
    record_id = doc.get("id")
    if not isinstance(record_id, str) or not record_id.strip():
        what = "has no id" if record_id is None or record_id == "" else "has an id that is not text"
        result.problems.append(Problem(
            file, f"this {label} {what}, so paceapp could not change or delete it", entry=entry))
        return None
    shown_id = record_id[:60]
    bad = nonfinite_number(doc)
    if bad is not None:
        result.problems.append(Problem(
            file, f"this {label} holds a number that is not finite (NaN or infinity) in "
                  f"'{bad[:40]}'", shown_id))
        return None
    try:
        record = from_data(cls, doc, cls.KIND)
        record.validate()
        _ = record.day  # the day it belongs to: a kind's own rule may trip here too
    except DataError as error:
        result.problems.append(Problem(file, f"this {label} does not fit: {error}", shown_id))
        return None
    except ValidationError as error:
        result.problems.append(Problem(file, f"this {label} is not valid: {error}", shown_id))
        return None
    except Exception as error:  # noqa: BLE001 - a value so odd the kind's own rules trip on it
        result.problems.append(Problem(
            file, f"this {label} holds a value paceapp cannot work with ({type(error).__name__}: "
                  f"{str(error)[:80]})", shown_id))
        return None
    if record.id in seen:
        result.problems.append(Problem(file, f"another {label} in this file has the same id",
                                       shown_id))
        return None
    seen.add(record.id)
    if cls.SINGLE and record.id != cls.KIND:
        result.problems.append(Problem(file, f"the {label} must have the id '{cls.KIND}'",
                                       shown_id))
        return None
    return record


def _check_kind_file(cls: type[Record], year: int | None, tables: dict[str, Any], file: str,
                     result: FileResult) -> None:
    for table, docs in tables.items():
        if table != cls.KIND and docs:
            result.problems.append(Problem(
                file, f"it holds a table '{str(table)[:40]}' that paceapp does not read from "
                      "this file"))
    seen: set[str] = set()
    for entry, doc in tables.get(cls.KIND, {}).items():
        record = check_record(cls, doc, file, entry, result, seen)
        if record is None:
            continue
        if cls.SHARDED and year is not None and record.day is not None and record.day.year != year:
            result.problems.append(Problem(
                file, f"this {cls.LABEL} is dated {record.day.isoformat()}, so paceapp looks for "
                      f"it in {cls.KIND}-{record.day.year}.json", record.id))
        result.records.append((cls.KIND, record.id, record.updated.isoformat()))
        result.counts[cls.KIND] = result.counts.get(cls.KIND, 0) + 1


def _check_meta(tables: dict[str, Any], file: str, result: FileResult) -> None:
    doc = tables.get("meta", {}).get("1")
    version = doc.get("schema") if isinstance(doc, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        result.problems.append(Problem(file, "the data format's version is missing"))
        return
    result.version = version
    if version > SCHEMA_VERSION:
        result.problems.append(Problem(
            file, f"it was saved by a newer paceapp (data format {version}; this paceapp "
                  f"reads up to {SCHEMA_VERSION}): please update paceapp", code="newer"))


def _check_undo(tables: dict[str, Any], file: str, result: FileResult) -> None:
    """The undo log: each entry must be one paceapp could carry out (it puts records back)."""
    kinds = all_kinds()
    if set(tables) - {"undo"}:
        result.problems.append(Problem(file, "this undo file holds something unexpected"))
    for entry, doc in tables.get("undo", {}).items():
        if not isinstance(entry, str) or not _is_number(entry) or not isinstance(doc, dict):
            result.problems.append(Problem(file, "this change in the undo history is not one "
                                                 "paceapp made", entry=str(entry)[:40]))
            continue
        op, kind, record_id = doc.get("op"), doc.get("kind"), doc.get("id")
        before, after = doc.get("before"), doc.get("after")
        cls = kinds.get(kind) if isinstance(kind, str) else None
        needs = {"add": (False, True), "delete": (True, False), "update": (True, True),
                 "put": (None, True)}.get(op if isinstance(op, str) else "")
        if (cls is None or needs is None or not isinstance(record_id, str)
                or not isinstance(doc.get("at"), str)):
            result.problems.append(Problem(file, "this change in the undo history is not one "
                                                 "paceapp made", entry=entry))
            continue
        for required, data, name in ((needs[0], before, "before"), (needs[1], after, "after")):
            if data is None:
                if required:
                    result.problems.append(Problem(
                        file, f"this change in the undo history has no copy from {name} it",
                        entry=entry))
                    break
                continue
            if required is False:
                continue  # a copy undo never uses
            probe = FileResult()
            record = check_record(cls, data, file, "1", probe, set())
            if record is None or record.id != record_id:
                detail = probe.problems[0].message if probe.problems else "it is another record"
                result.problems.append(Problem(
                    file, f"the copy from {name} this change in the undo history cannot be put "
                          f"back ({detail})", entry=entry))
                break


#: Fields a kind had in an older data format that a change logged then may hold (a baseline's
#: history, before format 3): such a change is a good line, which undo refuses calmly.
OLD_FIELDS: dict[str, set[str]] = {"baseline": {"history"}}


def check_undo_entries(entries: list[Any], file: str) -> FileResult:
    """The lines of the undo log (records/_undo.jsonl, see store/undo.py): each must be a change
    paceapp could carry out. An add or delete (or a one-record kind's first save) holds a whole
    record that must pass as stored records do; a change holds only the changed fields, which
    must be fields of that kind (never its id)."""
    import dataclasses

    kinds = all_kinds()
    result = FileResult()
    for number, doc in enumerate(entries, start=1):
        entry = str(number)
        if not isinstance(doc, dict):
            result.problems.append(Problem(file, "this change in the undo history is not one "
                                                 "paceapp made", entry=entry))
            continue
        op, kind, record_id = doc.get("op"), doc.get("kind"), doc.get("id")
        cls = kinds.get(kind) if isinstance(kind, str) else None
        if (cls is None or op not in UNDO_OPS or not isinstance(record_id, str)
                or not isinstance(doc.get("at"), str)
                or not isinstance(doc.get("group", ""), str)):
            result.problems.append(Problem(file, "this change in the undo history is not one "
                                                 "paceapp made", entry=entry))
            continue
        before, after = doc.get("before"), doc.get("after")
        partial = op == "update" or (op == "put" and before is not None)
        if partial:
            names = {f.name for f in dataclasses.fields(cls)} | OLD_FIELDS.get(cls.KIND, set())
            kept = doc.get("kept", {})
            fine = (isinstance(before, dict) and isinstance(after, dict)
                    and isinstance(kept, dict)
                    and all(isinstance(k, str) and k in names and k != "id"
                            for k in (*before, *after, *kept))
                    and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0
                            for n in kept.values())
                    and nonfinite_number(before) is None and nonfinite_number(after) is None)
            if not fine:
                result.problems.append(Problem(
                    file, "the fields this change in the undo history would put back are not "
                          f"fields of a {cls.LABEL}", entry=entry))
            continue
        name, data = ("before", before) if op == "delete" else ("after", after)
        if data is None:
            result.problems.append(Problem(
                file, f"this change in the undo history has no copy from {name} it", entry=entry))
            continue
        probe = FileResult()
        record = check_record(cls, data, file, "1", probe, set())
        if record is None or record.id != record_id:
            detail = probe.problems[0].message if probe.problems else "it is another record"
            result.problems.append(Problem(
                file, f"the copy from {name} this change in the undo history cannot be put "
                      f"back ({detail})", entry=entry))
    return result


def check_undo_log(payload: bytes, file: str, path: Path | None = None) -> FileResult:
    """Check the bytes of records/_undo.jsonl (a last line cut short by a crash is ignored)."""
    from paceapp.store.undo import UNDO_LOG, parse_lines

    try:
        entries = parse_lines(payload, path or Path(UNDO_LOG))
    except UnreadableFile as error:
        return FileResult([Problem(file, f"this file cannot be read: {error.reason}")])
    return check_undo_entries(entries, file)


def check_tables(name: str, tables: dict[str, Any], file: str | None = None) -> FileResult:
    """Check the parsed tables of the records/ file called `name` (e.g. 'pain-2026.json').

    `file` is how messages name it (default 'records/NAME').
    """
    file = file or f"records/{name}"
    stem = name[:-5] if name.endswith(".json") else name
    result = FileResult()
    if stem == META_NAME:
        _check_meta(tables, file, result)
        return result
    if stem == UNDO_NAME:
        _check_undo(tables, file, result)
        return result
    match = SHARD_NAME.match(stem)
    cls = all_kinds().get(match["kind"]) if match else None
    if match is None or cls is None or bool(match["year"]) != cls.SHARDED:
        result.problems.append(Problem(
            file, "paceapp does not know this file (it is not read); if it is yours, move it "
                  "out of records/"))
        return result
    _check_kind_file(cls, int(match["year"]) if match["year"] else None, tables, file, result)
    return result


def check_payload(name: str, payload: bytes, file: str | None = None,
                  path: Path | None = None, *, trust_seal: bool = False) -> FileResult:
    """Check a data file's bytes: they parse, and what they hold passes :func:`check_tables`.

    With `trust_seal`, a file whose seal is intact (paceapp wrote it, and wrote only checked
    records) is taken as passing, as every read takes it: only its records are listed.
    """
    file = file or f"records/{name}"
    if name == UNDO_LOG_NAME:
        return check_undo_log(payload, file, path)
    try:
        tables = decode(payload, path or Path(name))
    except UnreadableFile as error:
        return FileResult([Problem(file, f"this file cannot be read: {error.reason}")])
    if trust_seal and seal_intact(payload):
        return _sealed_result(name, tables, file)
    return check_tables(name, tables, file)


def _sealed_result(name: str, tables: dict[str, Any], file: str) -> FileResult:
    """What a sealed file holds, read without checking each record again."""
    stem = name[:-5] if name.endswith(".json") else name
    if stem == META_NAME:
        result = FileResult()
        _check_meta(tables, file, result)
        return result
    match = SHARD_NAME.match(stem)
    cls = all_kinds().get(match["kind"]) if match and stem != UNDO_NAME else None
    if cls is None:
        return check_tables(name, tables, file)
    result = FileResult()
    for doc in tables.get(cls.KIND, {}).values():
        if not isinstance(doc, dict):  # a seal over this is not paceapp's: check it all
            return check_tables(name, tables, file)
        result.records.append((cls.KIND, str(doc.get("id")), str(doc.get("updated"))))
    result.counts = {cls.KIND: len(result.records)} if result.records else {}
    return result


def check_file(path: Path, file: str | None = None, *, trust_seal: bool = False) -> FileResult:
    """Check the file at `path` as it is on disk (a link, a file paceapp may not read... too)."""
    file = file or f"records/{path.name}"
    trouble = file_trouble(path)
    if path.name == UNDO_LOG_NAME and trouble is not None and trouble.kind == DAMAGED:
        trouble = None  # a line log: a last line cut short is ignored, not damage
    if trouble is not None:
        return FileResult([Problem(file, f"this file cannot be used: {trouble.reason}",
                                   code=trouble.kind)])
    try:
        payload = path.read_bytes()
    except OSError as error:
        return FileResult([Problem(file, f"this file cannot be opened: {error.strerror}")])
    return check_payload(path.name, payload, file, path, trust_seal=trust_seal)


def updated_at(text: str) -> datetime | None:
    """A stored `updated` time, or None when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None
