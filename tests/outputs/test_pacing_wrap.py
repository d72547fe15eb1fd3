"""Insights prose folds to the terminal in cells, not characters: a wide character counts two."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from paceapp.outputs.pacing import wrap_lines

WORDS = st.sampled_from(["walk", "庭の手入れ", "🌿garden", "café", "stairs", "散歩", "x" * 30])


@given(st.lists(WORDS, min_size=1, max_size=40), st.integers(20, 100), st.booleans())
def test_every_folded_line_fits_in_cells(words: list[str], width: int, item: bool) -> None:
    line = ("- " if item else "") + " ".join(words)
    out = wrap_lines([line], width)
    assert all(cell_len(part) <= width for part in out), out
    # Nothing lost or reordered (a word longer than a line is split, never dropped).
    assert "".join("".join(out).split()) == "".join(line.split())
    if item and len(out) > 1:
        assert all(part.startswith("  ") for part in out[1:])


def test_wide_text_that_fits_in_characters_but_not_cells_is_folded() -> None:
    # 30 characters of CJK are 60 cells: len() said it fitted in 40; it does not.
    line = "散歩" * 15
    assert len(line) <= 40 < cell_len(line)
    out = wrap_lines([line], 40)
    assert len(out) == 2 and all(cell_len(part) <= 40 for part in out)


def test_tables_and_short_lines_are_left_alone() -> None:
    table = "activity   sessions  average"
    assert wrap_lines([table, "short", ""], 10) == [table, "short", ""]
