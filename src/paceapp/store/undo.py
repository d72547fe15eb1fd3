"""The undo log, ``records/_undo.jsonl``: one change per line, appended, never rewritten per change.

Each line is one JSON object (compact, UTF-8) ending in a newline::

    {"op":"add","kind":"pain","id":"…","at":"…","group":"…","after":{…the whole record…}}
    {"op":"update","kind":"baseline","id":"…","at":"…","before":{"amount":20,…},
     "after":{"amount":22,"history":[…the new step only…],…},"kept":{"history":41}}
    {"op":"delete","kind":"pain","id":"…","at":"…","before":{…the whole record…}}

An add keeps the record it added, a delete the record it removed (undo puts it back); an update
(and a change to a one-record kind such as the settings) keeps only the fields that changed, with
their values before and after; a list the change only added to (a baseline's history) keeps
just the new items after, and in "kept" how many items it had before. So a step-up of a baseline
with years of history adds a few hundred bytes, not two copies of the history.

Appending a change writes only its line (then fsyncs), inside the folder's lock and before the
record files are replaced: a crash in between leaves a line for a change that was not made,
which undo then finds already undone (nothing is lost). A line cut short by a crash has no final
newline: it is ignored when reading and cut off before the next append. Once the file passes
COMPACT_BYTES it is rewritten (atomically) with the newest UNDO_KEPT changes; undo rewrites it
too, without the changes it reversed. Only the newest UNDO_KEPT changes can ever be undone.

Backups copy this file (never hard-link it: it is changed in place by appending).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from paceapp.store.errors import WriteFailedError
from paceapp.store.storage import (
    FILE_MODE,
    UnreadableFile,
    fsync_folder,
    link_trouble,
    open_trouble,
    write_failure_message,
)

#: The undo log's file name in records/.
UNDO_LOG = "_undo.jsonl"
#: How many of the newest changes can be undone.
UNDO_KEPT = 100
#: Past this size the log is rewritten with the newest UNDO_KEPT changes only.
COMPACT_BYTES = 128 * 1024
#: Operations a line may hold.
UNDO_OPS = frozenset({"add", "update", "put", "delete"})


def small_entry(op: str, kind: str, record_id: str, before: dict[str, Any] | None,
                after: dict[str, Any] | None, at: str, group: str | None) -> dict[str, Any]:
    """The undo line for one change: whole copies only for an add or a delete (or the first save
    of a one-record kind); for a change, only the fields that differ, before and after."""
    entry: dict[str, Any] = {"op": op, "kind": kind, "id": record_id, "at": at}
    if group is not None:
        entry["group"] = group
    if op in ("update", "put") and before is not None and after is not None:
        old, new, kept = changed_fields(before, after)
        entry["before"], entry["after"] = old, new
        if kept:
            entry["kept"] = kept
    elif op == "delete":
        entry["before"] = before
    else:  # add, or put of a one-record kind stored for the first time
        entry["after"] = after
        if op == "put":
            entry["before"] = None
    return entry


def changed_fields(before: dict[str, Any], after: dict[str, Any]
                   ) -> tuple[dict[str, Any], dict[str, Any], dict[str, int]]:
    """The fields that differ: (their values before, their values after, lists that only grew).

    A field only in one of the two appears only on that side. A list the change only added to
    at its end (a baseline's history after a step-up) is not copied at all: `kept` holds how
    many of its items were there before, and undo cuts it back to that many.
    """
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    kept: dict[str, int] = {}
    for key, value in before.items():
        if key in after and after[key] == value:
            continue
        later = after.get(key)
        if (isinstance(value, list) and isinstance(later, list) and len(later) > len(value)
                and later[:len(value)] == value):
            kept[key] = len(value)
            new[key] = later[len(value):]
            continue
        old[key] = value
        if key in after:
            new[key] = later
    for key, value in after.items():
        if key not in before:
            new[key] = value
    return old, new, kept


def undo_fields(current: dict[str, Any], before: dict[str, Any], after: dict[str, Any],
                kept: dict[str, int] | None = None) -> dict[str, Any]:
    """`current` (a stored record) with a logged change reversed: fields the change added are
    removed, lists it added to are cut back, the changed fields get their earlier values."""
    kept = kept or {}
    doc = {k: v for k, v in current.items()
           if not (k in after and k not in before and k not in kept)}
    for key, length in kept.items():
        value = doc.get(key)
        if isinstance(value, list):
            doc[key] = value[:length]
    doc.update(before)
    return doc


def from_before_format_3(entry: dict[str, Any]) -> bool:
    """True for a change to a baseline logged before data format 3, when a baseline held its
    history: undoing it would put a history back into a baseline (or bring one back without its
    changes), so it is refused instead (`old_format_refusal`)."""
    return entry.get("kind") == "baseline" and any(
        isinstance(entry.get(part), dict) and "history" in entry[part]
        for part in ("before", "after", "kept"))


def old_format_refusal(backups: Path | None) -> str:
    """Why a change from before data format 3 is not undone, and where the copy from before is."""
    where = "backups/"
    if backups is not None and backups.is_dir():
        made = sorted(p.name for p in backups.iterdir() if "-before-migrate" in p.name
                      and not p.name.startswith("."))
        if made:
            where = f"backups/{made[-1]}"
    return ("That change was made before paceapp's data format changed, so it cannot be undone "
            f"here. A copy of your data from before the change is in {where}. Nothing was "
            "changed.")


def encode_line(entry: dict[str, Any]) -> bytes:
    """One entry as a line (JSON escapes any newline inside text, so it is one line)."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def encode_lines(entries: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(encode_line(entry) for entry in entries)


def parse_lines(payload: bytes, path: Path) -> list[Any]:
    """The entries in an undo log's bytes, oldest first. A last line without its newline (cut
    short by a crash) is ignored; any other line that is not JSON is damage (UnreadableFile)."""
    lines = payload.split(b"\n")
    lines.pop()  # after the last newline: empty, or a line cut short
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(json.loads(line))
        except RecursionError:
            raise UnreadableFile(path, f"line {number} is nested far too deeply") from None
        except ValueError:
            raise UnreadableFile(path, f"line {number} is not a change paceapp wrote") from None
    return entries


def read_payload(path: Path) -> bytes | None:
    """The log's bytes (None when there is none); a link or a file paceapp may not read is
    refused (UnreadableFile), as for every data file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise open_trouble(path, error) from None
    if stat.S_ISLNK(st.st_mode):
        raise link_trouble(path)
    if not stat.S_ISREG(st.st_mode):
        from paceapp.store.storage import ODD

        raise UnreadableFile(path, "it is not an ordinary file", ODD)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise open_trouble(path, error) from None


def read_entries(path: Path) -> list[dict[str, Any]]:
    """The changes that can be undone (the newest UNDO_KEPT), oldest first, each checked: a log
    holding a change paceapp could not carry out is refused (UnreadableFile, DAMAGED)."""
    payload = read_payload(path)
    if payload is None:
        return []
    from paceapp.store.integrity import check_undo_entries, summary

    entries = parse_lines(payload, path)
    problems = check_undo_entries(entries, f"records/{path.name}").problems
    if problems:
        raise UnreadableFile(path, summary(problems))
    return entries[-UNDO_KEPT:]


def append(path: Path, payload: bytes) -> int | None:
    """Append `payload` (whole lines) to the log and fsync it; return the size it had before
    (to cut the lines off again if the rest of the change fails), or None when it was made now.

    A last line cut short by an earlier crash is cut off first, so it never joins a new one.
    Needs the folder's lock. Raises WriteFailedError with plain words (nothing appended).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    existed = os.path.lexists(path)
    size, whole = _whole_lines_size(path) if existed else (0, 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as error:
        raise WriteFailedError(write_failure_message(path, error)) from error
    try:
        if whole != size:
            os.ftruncate(fd, whole)
        try:
            _write_all(fd, payload)
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, whole)  # no half line is left behind
            raise
    except OSError as error:
        raise WriteFailedError(write_failure_message(path, error)) from error
    finally:
        os.close(fd)
    if not existed:
        fsync_folder(path.parent)
        return None
    return whole


def _whole_lines_size(path: Path) -> tuple[int, int]:
    """(the log's size, the size of its whole lines), reading only its end: a link or an odd
    file is refused (UnreadableFile), as reads refuse it."""
    try:
        st = os.lstat(path)
    except OSError as error:
        raise open_trouble(path, error) from None
    if stat.S_ISLNK(st.st_mode):
        raise link_trouble(path)
    if not stat.S_ISREG(st.st_mode):
        from paceapp.store.storage import ODD

        raise UnreadableFile(path, "it is not an ordinary file", ODD)
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            end = size
            while end > 0:
                start = max(0, end - 4096)
                handle.seek(start)
                found = handle.read(end - start).rfind(b"\n")
                if found >= 0:
                    return size, start + found + 1
                end = start
    except OSError as error:
        raise open_trouble(path, error) from None
    return size, 0


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def cut_back(path: Path, size: int | None) -> None:
    """Take back lines just appended (the change they describe was not saved). Best effort: a
    line left for a change not made is harmless (undo finds nothing to reverse)."""
    try:
        if size is None:
            os.unlink(path)
        else:
            os.truncate(path, size)
    except OSError:
        pass
