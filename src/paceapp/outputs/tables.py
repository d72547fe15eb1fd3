"""Plain-text tables, and the width everything printed should fit.

Widths are terminal cells, measured with `rich.cells` (a small module, cheap to import): a
Chinese character or an emoji takes two cells, a combining accent or a zero-width space none.
Long text wraps onto the following lines under its own column, so nothing a person wrote is cut
off; a word longer than its column is split between two characters, never inside one.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, chop_cells, set_cell_size

from paceapp.core.codec import to_data
from paceapp.core.records import Record

#: Width used when output goes to a file or a pipe and COLUMNS is not set.
DEFAULT_WIDTH = 80
#: Narrowest width paceapp lays text out for, however small the window says it is.
MIN_WIDTH = 40
#: Space between two columns.
GAP = "  "
#: A column is narrowed no further than its heading or this many cells (less only when all of it
#: is narrower); when that is still too wide, rows are printed as "label  value" lines instead.
NARROWEST = 10
#: Values up to this many cells (ids, dates, scores, a word) are kept whole for as long as long
#: text elsewhere can wrap instead.
SHORT = 16

# Control characters (tabs, newlines, escapes) shown as spaces: they have no width of their
# own and could move the cursor. Stored text has none; text from elsewhere might.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")
_HAS_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]").search
ZWJ = "\u200d"


def terminal_width(most: int | None = None) -> int:
    """The width to print to, in terminal cells.

    The rule (shutil.get_terminal_size): $COLUMNS when it is a whole number above 0; otherwise
    the width of the terminal standard output goes to; otherwise (a file, a pipe) 80. Never less
    than MIN_WIDTH (40); no more than `most` when given (sentences read better in short lines).
    """
    width = max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return width if most is None else min(width, most)


def clean_cell(value: object) -> str:
    """A value as one line of text: runs of spaces, tabs and newlines become one space.

    A zero-width joiner at the edge of a word joins nothing and is dropped: Rich would count it
    as joining the space after it, and the columns to its right would look one cell out.
    """
    text = str(value)
    if _HAS_CONTROL(text):
        text = text.translate(_CONTROLS)
    if ZWJ not in text:
        return " ".join(text.split())
    words = (word.strip(ZWJ) for word in text.split())
    return " ".join(word for word in words if word)


def wrap_cells(text: str, width: int) -> list[str]:
    """`text` folded into lines of at most `width` cells (width 2 or more), breaking at spaces.

    A word longer than a line is split at a character boundary: a double-width character is
    never cut in half. Always at least one line (perhaps empty).
    """
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = cell_len(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size <= width:
            line, used = word, size
        else:
            *whole, line = chop_cells(word, width) or [""]
            lines += whole
            used = cell_len(line)
    lines.append(line)
    return lines


def _longest_word(values: Sequence[str], cap: int) -> int:
    """Cells in the longest word of `values`, or `cap` if that is less (counted no further)."""
    best = 0
    for value in values:
        if cell_len(value) <= best:
            continue
        for word in value.split():
            best = max(best, cell_len(word))
            if best >= cap:
                return cap
    return best


def column_widths(headers: Sequence[str], columns: Sequence[Sequence[str]],
                  width: int) -> list[int] | None:
    """Cells for each column so the lines fit `width`; None when they cannot fit readably.

    Each column gets the width of its longest value if there is room. If not, long text gives
    way first: columns wider than SHORT cells narrow towards SHORT, the widest a cell at a time,
    so ids, dates and scores stay whole. Only then do all columns narrow, widest first (the
    rightmost when equal: free text sits on the right). No column goes below its heading or
    NARROWEST cells (narrower would break most words), nor, when every column can have it, below
    its longest word of up to SHORT cells.
    """
    gaps = len(GAP) * (len(headers) - 1)
    natural = [max(cell_len(h), 1, *(cell_len(v) for v in col))
               for h, col in zip(headers, columns, strict=True)]
    if sum(natural) + gaps <= width:
        return natural
    floors = [min(most, max(cell_len(h), NARROWEST)) for h, most in zip(headers, natural, strict=True)]
    if sum(floors) + gaps > width:
        return None
    whole_words = [max(floor, _longest_word(col, min(most, SHORT)))
                   for floor, most, col in zip(floors, natural, columns, strict=True)]
    if sum(whole_words) + gaps <= width:
        floors = whole_words
    widths = [min(most, width) for most in natural]
    excess = sum(widths) + gaps - width
    for stage_floors in ([max(floor, min(SHORT, most)) for floor, most in zip(floors, natural,
                                                                              strict=True)],
                         floors):
        while excess > 0:
            narrower = [i for i in range(len(widths)) if widths[i] > stage_floors[i]]
            if not narrower:
                break
            index = max(narrower, key=lambda i: (widths[i], i))
            widths[index] -= 1
            excess -= 1
    return widths


def _pad(text: str, width: int) -> str:
    size = cell_len(text)
    return text + " " * (width - size) if size <= width else set_cell_size(text, width)


def _table_lines(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    def lines_of(cells: list[str]) -> list[str]:
        if all(cell_len(cell) <= w for cell, w in zip(cells, widths, strict=True)):  # one line
            return [GAP.join(_pad(cell, w) for cell, w in zip(cells, widths, strict=True)).rstrip()]
        wrapped = [wrap_cells(cell, w) for cell, w in zip(cells, widths, strict=True)]
        height = max(len(parts) for parts in wrapped)
        return [GAP.join(_pad(parts[i], w) if i < len(parts) else " " * w
                         for parts, w in zip(wrapped, widths, strict=True)).rstrip()
                for i in range(height)]

    out = lines_of(headers) + [GAP.join("-" * w for w in widths)]
    for row in rows:
        out += lines_of(row)
    return out


def _stacked_lines(headers: list[str], rows: list[list[str]], width: int) -> list[str]:
    """Each row as 'label  value' lines, rows apart: for windows too narrow for the columns."""
    label_width = max(cell_len(h) for h in headers)
    beside = label_width + len(GAP) + NARROWEST <= width
    indent = label_width + len(GAP) if beside else 2
    out: list[str] = []
    for row in rows:
        block: list[str] = []
        for header, value in zip(headers, row, strict=True):
            if not value:
                continue
            parts = wrap_cells(value, max(width - indent, 2))
            if beside:
                block.append(f"{set_cell_size(header, label_width)}{GAP}{parts[0]}".rstrip())
                parts = parts[1:]
            else:
                block += wrap_cells(header, max(width, 2))
            block += [" " * indent + part for part in parts]
        if block:
            out += [""] * bool(out) + block
    return out


def render_table(rows: Sequence[dict[str, str]], width: int | None = None,
                 empty: str = "Nothing yet.") -> str:
    """Rows (label -> text, same labels in each) as aligned columns no wider than `width` cells.

    `width` defaults to terminal_width(). Text too long for its column wraps onto the next
    lines, under that column. When even that cannot fit (a very narrow window, many columns),
    each row is printed as 'label  value' lines instead, with a blank line between rows.
    """
    if not rows or not rows[0]:
        return empty
    if width is None:
        width = terminal_width()
    headers = [clean_cell(h) for h in rows[0]]
    cells = [[clean_cell(row.get(h, "")) for h in rows[0]] for row in rows]
    widths = column_widths(headers, list(zip(*cells, strict=True)), width)
    if widths is None:
        return "\n".join(_stacked_lines(headers, cells, width))
    return "\n".join(_table_lines(headers, cells, widths))


def record_json(record: Record) -> dict[str, Any]:
    """A record for --json output: its kind, fields and derived values."""
    data = {"kind": record.KIND, **to_data(record), **record.derived()}
    return data


def records_json(records: Sequence[Record]) -> str:
    """One JSON document: a list of records, each with its id."""
    return json.dumps([record_json(r) for r in records], ensure_ascii=False, indent=2)
