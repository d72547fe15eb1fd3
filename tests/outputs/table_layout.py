"""Reading a printed table back the way a terminal draws it: for checks that columns line up.

Cells are counted with rich.cells.cell_len (what render_table lays out by, and what most terminals
draw): a CJK character or an emoji is two cells, a combining mark none.
"""

from __future__ import annotations

from rich.cells import cell_len


def widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def column_spans(dashes: str) -> list[tuple[int, int]]:
    """[start, end) cell offsets of each column, from the '-----  ----' line under the headings."""
    assert dashes and set(dashes) <= {"-", " "}, f"not a dashes line: {dashes!r}"
    spans, start = [], None
    for index, char in enumerate(dashes + " "):
        if char == "-" and start is None:
            start = index
        elif char != "-" and start is not None:
            spans.append((start, index))
            start = None
    return spans


def split_columns(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text of `line` in each column; fails if a character sits across a column's edge or
    anything but spaces sits between columns.

    Each character is placed by the cells the line has before it (so a zero-width character
    belongs to the column it touches, and a character Rich joins to the one before adds none).
    """
    pieces = [""] * len(spans)
    at = 0
    for index, char in enumerate(line):
        width = cell_len(line[: index + 1]) - at
        if width == 0:
            column = next((i for i, (s, e) in enumerate(spans) if s <= at <= e), None)
        else:
            column = next((i for i, (s, e) in enumerate(spans) if s <= at and at + width <= e), None)
        if column is None:
            assert char == " ", f"{char!r} at cell {at} is outside every column: {line!r}"
        else:
            pieces[column] += char
        at += width
    return pieces


def read_table(text: str) -> tuple[list[str], list[list[str]]]:
    """Headings, and each column's text line by line (rows that wrapped take several lines)."""
    lines = text.splitlines()
    spans = column_spans(lines[1])
    headings = [piece.strip() for piece in split_columns(lines[0], spans)]
    return headings, [split_columns(line, spans) for line in lines[2:]]


def squeeze(text: str) -> str:
    """Text without its spaces: wrapping may move where the breaks fall, never the characters."""
    return "".join(text.split())


def rows_by_first_column(body: list[list[str]]) -> list[list[str]]:
    """Lines grouped into rows (a row starts where the first column has text), each column's
    pieces joined with spaces."""
    rows: list[list[list[str]]] = []
    for pieces in body:
        if pieces[0].strip() or not rows:
            rows.append([[] for _ in pieces])
        for column, piece in enumerate(pieces):
            if piece.strip():
                rows[-1][column].append(piece.strip())
    return [[" ".join(parts) for parts in row] for row in rows]
