"""outputs.fold.fold: sentences folded to a width in terminal cells, nothing lost or cut."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from paceapp.outputs.fold import NBSP, fold

#: Pieces of words: plain letters, double-width CJK and emoji, a letter with a combining accent,
#: a zero-width space, and a non-breaking space (which joins).
PIECES = ["a", "bc", "defg", "漢", "字字", "😀", "e\u0301", "\u200b", NBSP, "-", "116", "123"]
words = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
gaps = st.sampled_from([" ", " ", " ", "  ", "\n", "\t"])
texts = st.lists(st.tuples(words, gaps), max_size=40).map(
    lambda parts: "".join(w + g for w, g in parts).strip())
prefixes = st.sampled_from(["", "  ", "    ", " " * 12])
widths = st.integers(min_value=16, max_value=120)


@settings(max_examples=300, deadline=None)
@given(text=texts, width=widths, first=prefixes, rest=prefixes)
def test_lines_fit_and_keep_every_character(text: str, width: int, first: str, rest: str) -> None:
    lines = fold(text, width, first, rest)
    assert lines
    assert all(cell_len(line) <= width for line in lines), lines
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert lines[0].startswith(first.rstrip()) and all(line.startswith(rest) for line in lines[1:])
    assert all(line == line.rstrip(" ") for line in lines)


@settings(max_examples=300, deadline=None)
@given(text=texts, width=widths, first=prefixes, rest=prefixes)
def test_a_word_that_fits_a_line_is_never_cut(text: str, width: int, first: str,
                                             rest: str) -> None:
    """Lines break only at ordinary spaces: a non-breaking space holds its word together."""
    tokens = [t for line in fold(text, width, first, rest) for t in line.split(" ") if t]
    room = width - max(len(first), len(rest))
    for word in text.replace("\n", " ").replace("\t", " ").split(" "):
        if word and cell_len(word) <= room:
            assert word in tokens, (word, tokens)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.tuples(st.text("abcdefghij.,'", min_size=1, max_size=12),
                               st.sampled_from([" ", "  "])), min_size=1, max_size=30)
       .map(lambda parts: "".join(w + g for w, g in parts).strip()),
       width=st.integers(min_value=30, max_value=100), first=prefixes, rest=prefixes)
def test_plain_text_folds_as_textwrap_does(text: str, width: int, first: str, rest: str) -> None:
    """For plain ASCII text (one cell a character) the lines are textwrap's."""
    expected = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                             break_on_hyphens=False)
    assert fold(text, width, first, rest) == expected


def test_phone_number_kept_together_by_a_non_breaking_space() -> None:
    text = f"Samaritans: call 116{NBSP}123 - free, any time."
    for width in range(len("Samaritans: call 116"), len(text) + 1):
        assert any(f"116{NBSP}123" in line for line in fold(text, width)), width


def test_a_word_longer_than_a_line_is_cut_between_characters() -> None:
    lines = fold("note: " + "漢" * 30, 21, "  ", "    ")
    assert lines[0] == "  note:"
    assert all(cell_len(line) <= 21 for line in lines)
    assert [cell_len(line) for line in lines[1:]] == [20, 20, 20, 16]  # 8, 8, 8, 6 characters
    assert "".join(lines[1:]).replace(" ", "") == "漢" * 30


def test_empty_text_is_one_line_of_its_indent_trimmed() -> None:
    assert fold("", 40, "  ") == [""]
    assert fold("   ", 40) == [""]
