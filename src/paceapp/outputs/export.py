"""Writing everything out: the full JSON export (for import) and CSV files (for spreadsheets).

Both formats are documented in docs/data-format.md ("Export"). The JSON export is deterministic:
the same records always give the same bytes, so export -> import -> export is identical.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from paceapp import __version__
from paceapp.core.codec import to_data
from paceapp.core.records import Record
from paceapp.store.maintenance import EXPORT_FORMAT, EXPORT_VERSION
from paceapp.store.migrations import SCHEMA_VERSION

#: A text cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Put in front of such a cell so spreadsheets show it as text.
NEUTRALISER = "'"
#: How tuple values are joined in one CSV cell.
LIST_JOIN = "; "


# -- JSON -----------------------------------------------------------------------------------------
def export_document(records: Mapping[str, Sequence[Record]]) -> dict[str, Any]:
    """The export document: format name and version, data format, app version, records by kind."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema": SCHEMA_VERSION,
        "app": __version__,
        "records": {kind: [to_data(r) for r in items] for kind, items in records.items()},
    }


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


def csv_text(cls: type[Record], records: Sequence[Record]) -> str:
    """One kind's records as CSV (header row first; CRLF line ends, as spreadsheets expect)."""
    names = columns(cls, records)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    for record in records:
        values = {**{f: getattr(record, f) for f in names if hasattr(record, f)}, **record.derived()}
        writer.writerow([cell(values.get(name)) for name in names])
    return out.getvalue()


def csv_files(kinds: Mapping[str, type[Record]],
              records: Mapping[str, Sequence[Record]]) -> dict[str, bytes]:
    """File name -> bytes (UTF-8 with a byte-order mark, so spreadsheets read accents right)."""
    return {f"{kind}.csv": csv_text(cls, records.get(kind, ())).encode("utf-8-sig")
            for kind, cls in kinds.items()}
