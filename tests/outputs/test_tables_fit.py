"""render_table fits any width in terminal cells, keeps columns lined up and loses no text."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from paceapp.outputs.tables import (
    MIN_WIDTH,
    clean_cell,
    column_widths,
    render_table,
    terminal_width,
    wrap_cells,
)
from tests.outputs.table_layout import read_table, rows_by_first_column, squeeze, widest

#: Text that is not one cell per character: double width (CJK, emoji, a ZWJ family, a flag),
#: none (combining accent, zero-width space, word joiner), and an emoji made wide by VS16.
AWKWARD = ["痛み", "漢字", "😀", "👨\u200d👩\u200d👧", "🇬🇧", "e\u0301", "\u200b", "\u2060", "❤\ufe0f",
           "café", "ﾊﾝｶｸ"]


def not_a_terminal(fd: int = 1) -> os.terminal_size:
    raise OSError(25, "Inappropriate ioctl for device")


# -- the width ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("columns", "expected"), [("50", 50), ("120", 120), ("40", 40),
                                                   ("39", MIN_WIDTH), ("10", MIN_WIDTH),
                                                   ("1", MIN_WIDTH)])
def test_columns_sets_the_width_never_below_the_minimum(monkeypatch: pytest.MonkeyPatch,
                                                         columns: str, expected: int) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("os.get_terminal_size", lambda fd=1: os.terminal_size((200, 50)))
    assert terminal_width() == expected


@pytest.mark.parametrize("columns", [None, "", "0", "-5", "wide", "80.5"])
def test_not_a_terminal_and_no_usable_columns_means_80(monkeypatch: pytest.MonkeyPatch,
                                                        columns: str | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("os.get_terminal_size", not_a_terminal)
    assert terminal_width() == 80


@pytest.mark.parametrize(("size", "expected"), [(100, 100), (52, 52), (20, MIN_WIDTH), (0, 80)])
def test_without_columns_the_terminal_on_stdout_decides(monkeypatch: pytest.MonkeyPatch,
                                                        size: int, expected: int) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("os.get_terminal_size", lambda fd=1: os.terminal_size((size, 30)))
    assert terminal_width() == expected


def test_most_caps_the_width_for_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert terminal_width(most=80) == 80
    monkeypatch.setenv("COLUMNS", "50")
    assert terminal_width(most=80) == 50


def test_tables_follow_the_terminal_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "1a2b3c4d", "note": "a long note about the day " * 10}]
    for columns in (45, 50, 64, 97, 150):
        monkeypatch.setenv("COLUMNS", str(columns))
        assert widest(render_table(rows)) == columns  # the note fills the room there is


# -- wrapping ----------------------------------------------------------------------------------
@pytest.mark.parametrize("width", [2, 3, 4, 5, 7, 10, 13])
def test_wrap_breaks_between_words_and_never_inside_a_character(width: int) -> None:
    text = "after the bus 漢字漢字漢字漢字 😀😀😀 cafe\u0301 ok " + "x" * 30
    lines = wrap_cells(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert squeeze("".join(lines)) == squeeze(text)  # nothing lost, no half characters
    for word in ("after", "the", "bus", "ok") if width >= 5 else ():
        assert word in lines or any(word in line.split() for line in lines)


def test_wrap_fills_lines_greedily() -> None:
    assert wrap_cells("walk to the postbox and back", 11) == ["walk to the", "postbox and", "back"]
    assert wrap_cells("", 10) == [""]
    assert wrap_cells("漢字漢字漢", 4) == ["漢字", "漢字", "漢"]
    assert wrap_cells("漢字漢字漢", 5) == ["漢字", "漢字", "漢"]  # an odd cell is left empty


def test_cells_are_one_line_of_plain_text() -> None:
    assert clean_cell("line one\nline\ttwo  \x1b[31mred\x1b[0m") == "line one line two [31mred [0m"
    assert "\x1b" not in render_table([{"note": "\x1b]0;title\x07 hi"}], width=40)
    assert clean_cell("\u200dwave\u200d 👋\u200d") == "wave 👋"


# -- tables ------------------------------------------------------------------------------------
NOTES = ["stiff first thing 痛みがひどい 😀 after the bus 🚌",
         "cafe\u0301 with a friend \u200b (zero width) and 👨\u200d👩\u200d👧 family",
         "long " * 120, "漢字" * 40, ""]


def pain_rows() -> list[dict[str, str]]:
    return [{"id": f"{i:08x}", "when": f"Tue {10 + i} Nov 09:40", "pain": f"{i}/10",
             "where": ["neck and shoulders", "腰", "", "lower back", "hips"][i], "note": note}
            for i, note in enumerate(NOTES)]


@pytest.mark.parametrize("width", [50, 57, 63, 80, 101, 140])
def test_columns_line_up_in_cells_and_keep_every_word(width: int) -> None:
    rows = pain_rows()
    text = render_table(rows, width=width)
    assert widest(text) <= width
    headings, body = read_table(text)  # fails if anything sits across a column edge
    assert headings == ["id", "when", "pain", "where", "note"]
    read = rows_by_first_column(body)
    assert len(read) == len(rows)
    for got, row in zip(read, rows, strict=True):
        assert got[0] == row["id"] and got[2] == row["pain"]  # short values stay whole
        for value, column in zip(row.values(), got, strict=True):
            assert squeeze(column) == squeeze(value)


def test_short_values_stay_whole_and_free_text_gives_way() -> None:
    text = render_table(pain_rows(), width=80)
    lines = text.splitlines()
    assert "00000001  Tue 11 Nov 09:40  1/10" in "\n".join(lines)
    assert all(not line.startswith(" ") or line[:34].isspace() for line in lines[2:])


def test_a_window_too_narrow_for_columns_gets_one_label_a_line() -> None:
    rows = [{"id": "1a2b3c4d", "started": "13 Sep 19:00", "ended": "16 Sep 20:00",
             "lasted": "3 days 1 h", "peak": "7/10", "triggers": "long car journey 🚗",
             "helped": "slow breathing, rest in short bursts, 温かいお茶"}] * 2
    assert column_widths(list(rows[0]), list(zip(*(r.values() for r in rows), strict=True)), 40) is None
    text = render_table(rows, width=40)
    assert widest(text) <= 40
    blocks = text.split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].splitlines()[0] == "id        1a2b3c4d"
    assert "triggers  long car journey 🚗" in blocks[0]
    assert squeeze(blocks[0]) == squeeze(" ".join(f"{k} {v}" for k, v in rows[0].items()))


def test_long_labels_go_above_their_values_when_very_narrow() -> None:
    rows = [{"a heading that is far too long to sit beside anything": "some text 漢字", "b": "x"}]
    text = render_table(rows, width=20)
    assert widest(text) <= 20
    assert squeeze(text) == squeeze(" ".join(f"{k} {v}" for k, v in rows[0].items()))


def test_nothing_to_show() -> None:
    assert render_table([], width=50) == "Nothing yet."
    assert render_table([{}], width=50, empty="No rows.") == "No rows."


# -- any text, any width -----------------------------------------------------------------------
PIECES = st.sampled_from([*AWKWARD, "a", "bb", "word", "longer-word", " ", " ", "  ", "\n", "x" * 25,
                          "-", "…"])
VALUES = st.lists(PIECES, max_size=20).map("".join)
HEADINGS = ["id", "when", "pain", "where", "note"]


@settings(max_examples=150, deadline=None)
@given(rows=st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(VALUES, min_size=5, max_size=5),
                                                         min_size=n, max_size=n)),
       columns=st.integers(1, 5), width=st.integers(12, 130))
def test_any_text_fits_any_width(rows: list[list[str]], columns: int, width: int) -> None:
    headings = HEADINGS[:columns]
    table = [dict(zip(headings, values[:columns], strict=True)) for values in rows]
    text = render_table(table, width=width)
    assert widest(text) <= width
    cleaned = [[clean_cell(v) for v in row.values()] for row in table]
    if column_widths(headings, list(zip(*cleaned, strict=True)), width) is None:
        expected = " ".join(f"{h} {v}" for row in cleaned for h, v in zip(headings, row, strict=True)
                            if v)
        assert squeeze(text) == squeeze(expected)
        return
    read_headings, body = read_table(text)  # columns line up on every line
    assert read_headings == headings
    for index in range(columns):
        assert squeeze("".join(line[index] for line in body)) == \
            squeeze("".join(row[index] for row in cleaned))
