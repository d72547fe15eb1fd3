"""Plain-text tables that fit the terminal (80 columns by default)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from paceapp.core.codec import to_data
from paceapp.core.records import Record


def render_table(rows: Sequence[dict[str, str]], width: int = 80, empty: str = "Nothing yet.") -> str:
    """Rows (label -> text, same labels in each) as aligned columns no wider than `width`.

    The last column is cut with '…' when the line would be too long.
    """
    if not rows:
        return empty
    headers = list(rows[0].keys())
    widths = {h: max(len(h), *(len(str(r.get(h, ""))) for r in rows)) for h in headers}
    fixed = sum(widths[h] + 2 for h in headers[:-1])
    widths[headers[-1]] = max(len(headers[-1]), min(widths[headers[-1]], width - fixed))

    def line(values: dict[str, str]) -> str:
        cells = []
        for h in headers:
            text = " ".join(str(values.get(h, "")).split())
            if len(text) > widths[h]:
                text = text[: max(widths[h] - 1, 0)] + "…"
            cells.append(text.ljust(widths[h]))
        return "  ".join(cells).rstrip()

    out = [line({h: h for h in headers}), line({h: "-" * widths[h] for h in headers})]
    out += [line(r) for r in rows]
    return "\n".join(out)


def record_json(record: Record) -> dict[str, Any]:
    """A record for --json output: its kind, fields and derived values."""
    data = {"kind": record.KIND, **to_data(record), **record.derived()}
    return data


def records_json(records: Sequence[Record]) -> str:
    """One JSON document: a list of records, each with its id."""
    return json.dumps([record_json(r) for r in records], ensure_ascii=False, indent=2)
