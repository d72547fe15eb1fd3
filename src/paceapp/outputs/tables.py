"""Plain-text tables that fit the terminal (80 columns by default)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from paceapp.core.codec import to_data
from paceapp.core.records import Record


def render_table(rows: Sequence[dict[str, str]], width: int = 80, empty: str = "Nothing yet.") -> str:
    """Rows (label -> text, same labels in each) as aligned columns no wider than `width`.

    When the line would be too long, free text on the right is cut first, with '…'.
    """
    if not rows:
        return empty
    headers = list(rows[0].keys())
    widths = {h: max(len(h), *(len(" ".join(str(r.get(h, "")).split())) for r in rows))
              for h in headers}
    # Too wide: shorten the free-text columns on the right first (notes, triggers), down to
    # 10 characters, then the widest column a step at a time - dates and ids stay whole longest.
    def excess() -> int:
        return sum(widths.values()) + 2 * (len(headers) - 1) - width

    for header in reversed(headers):
        floor = max(len(header), 10)
        if excess() <= 0:
            break
        if widths[header] > floor:
            widths[header] = max(floor, widths[header] - excess())
    while excess() > 0:
        widest = max(headers, key=lambda h: widths[h] - max(len(h), 6))
        if widths[widest] <= max(len(widest), 6):
            break
        widths[widest] -= 1

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
