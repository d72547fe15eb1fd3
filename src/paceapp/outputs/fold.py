"""Sentences folded to the terminal's width, counted in terminal cells (as `tables` counts them).

textwrap counts characters, so a line with emoji or CJK text in it came out wider than the
terminal; this counts cells with rich.cells.cell_len.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

#: A space that never breaks a line: put it between parts that must stay together
#: (a phone number such as "116 123").
NBSP = "\u00a0"

_CHUNKS = re.compile(r" +|[^ ]+")
_SPACES = str.maketrans("\t\n\r\v\f", "     ")


def _head(word: str, room: int) -> str:
    """The longest start of `word` that fits `room` cells (at least one character)."""
    head = word[0]
    for char in word[1:]:
        if cell_len(head + char) > room:
            break
        head += char
    return head


def fold(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """`text` folded into lines of at most `width` cells, breaking at spaces.

    The first line starts with `first`, later ones with `rest` (default: `first`). Spaces between
    two words on a line are kept as they are ('1a2b3c4d  walk' stays lined up); a line never
    ends with spaces; tabs and newlines count as spaces. A non-breaking space (NBSP) never
    breaks. A word longer than a line is cut between characters, never inside a double-width
    one. Always at least one line.
    """
    rest = first if rest is None else rest
    lines: list[str] = []
    line, used, has_words, gap = first, cell_len(first), False, ""
    for chunk in _CHUNKS.findall(text.translate(_SPACES)):
        if chunk[0] == " ":
            gap = chunk
            continue
        size = cell_len(chunk)
        if has_words and used + len(gap) + size <= width:
            line, used = line + gap + chunk, used + len(gap) + size
        else:
            if has_words:
                lines.append(line)
                line, used = rest, cell_len(rest)
            while used + size > width and len(chunk) > 1:
                head = _head(chunk, width - used)
                lines.append(line + head)
                chunk = chunk[len(head):]
                line, used, size = rest, cell_len(rest), cell_len(chunk)
            line, used = line + chunk, used + size
        has_words, gap = True, ""
    lines.append(line if has_words else first.rstrip())
    return lines
