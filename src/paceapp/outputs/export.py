"""Writing everything out: the full JSON export (for import) and CSV files (for spreadsheets).

Both formats are documented in docs/data-format.md ("Export"). The JSON export is deterministic:
the same records always give the same bytes, so export -> import -> export is identical.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from paceapp import __version__
from paceapp.core.codec import to_data
from paceapp.core.errors import ValidationError
from paceapp.core.kinds import all_kinds
from paceapp.core.records import Record
from paceapp.store.errors import WriteFailedError
from paceapp.store.maintenance import EXPORT_FORMAT, EXPORT_VERSION
from paceapp.store.migrations import write_files
from paceapp.store.schema import EXPORT_SCHEMA
from paceapp.store.storage import FILE_MODE, fsync_folder, write_failure_message

#: A kind's stored records, one data file at a time (the application layer passes a reader of
#: the Journal; outputs never opens it).
Batches = Callable[[type[Record]], Iterable[list[Record]]]

#: A text cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Put in front of such a cell so spreadsheets show it as text.
NEUTRALISER = "'"
#: How tuple values are joined in one CSV cell.
LIST_JOIN = "; "


# -- JSON -----------------------------------------------------------------------------------------
def export_head() -> dict[str, Any]:
    """What an export says before its records: format name and version, data format, app."""
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "schema": EXPORT_SCHEMA,
            "app": __version__}


def export_document(records: Mapping[str, Sequence[Record]]) -> dict[str, Any]:
    """The export document: format name and version, data format, app version, records by kind."""
    return {**export_head(),
            "records": {kind: [to_data(r) for r in items] for kind, items in records.items()}}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render_export(document: dict[str, Any]) -> str:
    """The document as readable JSON: one record per line, ending with a newline."""
    lines = ["{"]
    head = [k for k in document if k != "records"]
    for key in head:
        lines.append(f"  {_dump(key)}: {_dump(document[key])},")
    lines.append('  "records": {')
    kinds = list(document["records"].items())
    for k_index, (kind, items) in enumerate(kinds):
        end = "," if k_index < len(kinds) - 1 else ""
        if not items:
            lines.append(f"    {_dump(kind)}: []{end}")
            continue
        lines.append(f"    {_dump(kind)}: [")
        for i, item in enumerate(items):
            lines.append(f"      {_dump(item)}{',' if i < len(items) - 1 else ''}")
        lines.append(f"    ]{end}")
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def export_chunks(batches: Batches, tally: list[int] | None = None) -> Iterator[str]:
    """The JSON export of everything `batches` reads, piece by piece, kind by kind and file by
    file: the same text as render_export(export_document(export_records(journal))), without
    holding more than one data file's records at a time (memory does not grow with years).

    A busy kind's files hold one year each, and a record's day is in its file's year (a file
    where it is not does not pass the check), so sorting each file and taking the files oldest
    first gives the same order as sorting the kind whole. `tally`, if given, gets the count.
    """
    from paceapp.store.maintenance import export_sort_key

    yield "{\n"
    for key, value in export_head().items():
        yield f"  {_dump(key)}: {_dump(value)},\n"
    yield '  "records": {\n'
    kinds = list(all_kinds().items())
    count = 0
    for k_index, (kind, cls) in enumerate(kinds):
        end = "," if k_index < len(kinds) - 1 else ""
        first = True
        for batch in batches(cls):
            for record in sorted(batch, key=export_sort_key):
                item = _dump(to_data(record))
                yield f"    {_dump(kind)}: [\n      {item}" if first else f",\n      {item}"
                first = False
                count += 1
        yield f"    {_dump(kind)}: []{end}\n" if first else f"\n    ]{end}\n"
    yield "  }\n}\n"
    if tally is not None:
        tally.append(count)


# -- CSV ------------------------------------------------------------------------------------------
def neutralise(text: str) -> str:
    """Text safe to open in a spreadsheet: a cell that would start a formula gets a leading '."""
    return NEUTRALISER + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> str:
    """One CSV cell: ISO 8601 dates, tuples joined with '; ', text neutralised against formulas.

    Numbers the app itself stores or works out (int, float) are written as numbers: a negative
    number is not a formula, and neutralising it would turn it into text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    data = to_data(value)
    if isinstance(data, list):
        return neutralise(LIST_JOIN.join(_flat(item) for item in data))
    if isinstance(data, dict):
        return neutralise(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return neutralise(str(data))


def _flat(item: Any) -> str:
    if isinstance(item, dict | list):
        return json.dumps(item, ensure_ascii=False, sort_keys=True)
    if isinstance(item, bool):
        return "true" if item else "false"
    return str(item)


def columns(cls: type[Record], records: Sequence[Record]) -> list[str]:
    """The record's fields (id, created, updated first), then its derived values."""
    import dataclasses

    names = ["id", "created", "updated"]
    names += [f.name for f in dataclasses.fields(cls) if f.name not in names]
    for record in records:
        for key in record.derived():
            if key not in names:
                names.append(key)
    return names


def csv_row(record: Record, names: Sequence[str]) -> list[str]:
    """One record's CSV cells, under the column `names`."""
    values = {**{f: getattr(record, f) for f in names if hasattr(record, f)}, **record.derived()}
    return [cell(values.get(name)) for name in names]


def csv_text(cls: type[Record], records: Sequence[Record]) -> str:
    """One kind's records as CSV (header row first; CRLF line ends, as spreadsheets expect)."""
    names = columns(cls, records)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    for record in records:
        writer.writerow(csv_row(record, names))
    return out.getvalue()


def csv_files(kinds: Mapping[str, type[Record]],
              records: Mapping[str, Sequence[Record]]) -> dict[str, bytes]:
    """File name -> bytes (UTF-8 with a byte-order mark, so spreadsheets read accents right)."""
    return {f"{kind}.csv": csv_text(cls, records.get(kind, ())).encode("utf-8-sig")
            for kind, cls in kinds.items()}


# -- writing the files (the CLI and the app call these) -------------------------------------------
def usable_path(path: Path) -> Path:
    """`path`, or a plain ValidationError when the system cannot use that name at all."""
    try:
        os.stat(path)
    except FileNotFoundError:
        pass
    except NotADirectoryError:
        raise ValidationError(f"{path} is inside something that is not a folder. Please choose "
                              "another place.", "out") from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise ValidationError("That file name is too long for this system. Please choose a "
                                  "shorter one.", "out") from None
        raise ValidationError(f"{str(path)[:200]} cannot be used ({error.strerror}). Please "
                              "choose another place.", "out") from None
    except ValueError:  # e.g. a NUL character in the name
        raise ValidationError("That file name has characters that cannot be used. Please choose "
                              "another one.", "out") from None
    return path


def _refuse_existing(paths: list[Path], force: bool) -> None:
    there = [p for p in paths if usable_path(p).exists()]
    if there and not force:
        names = ", ".join(str(p) for p in there[:3]) + (" …" if len(there) > 3 else "")
        raise ValidationError(f"{names} already exists. Choose another place, or add --force to "
                              "replace it.", "out")


def _parent_ok(parent: Path) -> None:
    if not usable_path(parent).is_dir():
        raise ValidationError(f"The folder {parent} does not exist. Please create it first or "
                              "choose another place.", "out")


def write_json_export(records: Mapping[str, Sequence[Record]], out: Path, *,
                      force: bool = False) -> int:
    """Write the full export to the file `out` (atomically, 0600); return how many records."""
    usable_path(out)
    if out.is_dir():
        raise ValidationError(f"{out} is a folder. Please give a file name for the export, "
                              f"e.g. {out / 'paceapp-export.json'}.", "out")
    _refuse_existing([out], force)
    _parent_ok(out.parent)
    write_files({out: render_export(export_document(records)).encode("utf-8")})
    return sum(len(v) for v in records.values())


def write_json_export_streamed(batches: Batches, out: Path, *, force: bool = False) -> int:
    """Write the full export of what `batches` reads to the file `out`, kind by kind as it is read
    (export_chunks): into a new file beside `out` (0600), synced, then put in place in one step
    - a full disk or a crash never leaves half an export under that name. Returns how many
    records it holds."""
    usable_path(out)
    if out.is_dir():
        raise ValidationError(f"{out} is a folder. Please give a file name for the export, "
                              f"e.g. {out / 'paceapp-export.json'}.", "out")
    _refuse_existing([out], force)
    _parent_ok(out.parent)
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise WriteFailedError(f"{out} is not an ordinary file, so paceapp will not write over "
                               "it. Please give a new file name.")
    tally: list[int] = []
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as error:
        raise WriteFailedError(write_failure_message(out, error)) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), FILE_MODE)
            buffered: list[bytes] = []
            size = 0
            for chunk in export_chunks(batches, tally):
                data = chunk.encode("utf-8")
                buffered.append(data)
                size += len(data)
                if size > 1 << 18:
                    handle.write(b"".join(buffered))
                    buffered, size = [], 0
            handle.write(b"".join(buffered))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, out)
        fsync_folder(out.parent)
    except OSError as error:
        raise WriteFailedError(write_failure_message(out, error)) from error
    finally:
        if os.path.exists(tmp_name):
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return tally[0] if tally else 0


def write_csv_export(records: Mapping[str, Sequence[Record]], out: Path, *,
                     force: bool = False) -> tuple[int, list[Path]]:
    """Write one CSV per kind into the folder `out`; return (records, files written).

    All files are written and synced before any is swapped in, so a full disk leaves no half set.
    """
    usable_path(out)
    if out.exists() and not out.is_dir():
        raise ValidationError(f"{out} is a file. For CSV, --out is a folder (one file per kind).",
                              "out")
    files = csv_files(all_kinds(), records)
    _refuse_existing([out / name for name in files], force)
    _parent_ok(out.parent)
    try:
        out.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise WriteFailedError(write_failure_message(out / "x", error)) from error
    write_files({out / name: payload for name, payload in files.items()})
    return sum(len(v) for v in records.values()), [out / name for name in files]


def _sorted_batches(batches: Batches, cls: type[Record]) -> Iterator[list[Record]]:
    """A kind's records one data file at a time, each sorted: in all, the export's order (see
    export_chunks)."""
    from paceapp.store.maintenance import export_sort_key

    for batch in batches(cls):
        yield sorted(batch, key=export_sort_key)


def write_csv_export_streamed(batches: Batches, out: Path, *,
                              force: bool = False) -> tuple[int, list[Path]]:
    """Write one CSV per kind into the folder `out`, reading one data file at a time (memory
    does not grow with years); return (records, files written). The bytes are those of
    write_csv_export(export_records(journal), out) for the journal `batches` reads.

    Each kind is read twice: once for its columns (a derived value any record has gets a
    column), once for its rows. All files are written and synced beside their old ones before
    any is swapped in, so a full disk or a crash leaves no half set and no half file.
    """
    usable_path(out)
    if out.exists() and not out.is_dir():
        raise ValidationError(f"{out} is a file. For CSV, --out is a folder (one file per kind).",
                              "out")
    kinds = all_kinds()
    paths = {kind: out / f"{kind}.csv" for kind in kinds}
    _refuse_existing(list(paths.values()), force)
    _parent_ok(out.parent)
    try:
        out.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise WriteFailedError(write_failure_message(out / "x", error)) from error
    for path in paths.values():
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise WriteFailedError(f"{path} is not an ordinary file, so paceapp will not write "
                                   "over it. Please give a new file name.")
    staged: list[tuple[str, Path]] = []
    total = 0
    try:
        for kind, cls in kinds.items():
            names = columns(cls, [])
            for batch in _sorted_batches(batches, cls):
                names += [k for k in dict.fromkeys(k for r in batch for k in r.derived())
                          if k not in names]
            fd, tmp_name = tempfile.mkstemp(prefix=f".{paths[kind].name}.", suffix=".tmp",
                                            dir=out)
            staged.append((tmp_name, paths[kind]))
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                if hasattr(os, "fchmod"):
                    os.fchmod(handle.fileno(), FILE_MODE)
                writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
                writer.writerow(names)
                for batch in _sorted_batches(batches, cls):
                    writer.writerows(csv_row(record, names) for record in batch)
                    total += len(batch)
                handle.flush()
                os.fsync(handle.fileno())
        while staged:
            tmp_name, path = staged[0]
            os.replace(tmp_name, path)
            staged.pop(0)
        fsync_folder(out)
    except OSError as error:
        where = staged[0][1] if staged else out
        raise WriteFailedError(write_failure_message(where, error)) from error
    finally:
        for tmp_name, _path in staged:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return total, list(paths.values())
