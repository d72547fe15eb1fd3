"""strip_controls skips its character walk for plain text; the answer must be exactly the
walk's for every kind of text (controls, escapes, bidi marks, half characters, combining marks)."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from paceapp.core.text import strip_controls

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))


def walk(text: str, keep_newlines: bool = False) -> str:
    """strip_controls as it was before the fast path."""
    text = _ANSI.sub("", text).translate(_BIDI)
    out = []
    for char in text:
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char in "\t\r\n":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs"):
            continue
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


PIECES = ["a", "Z", " ", "é", "e\u0301", "\u212b", "ﬁ", "日本", "😀", "\n", "\t", "\r", "\x00",
          "\x1b[31m", "\x1b]8;;http://x\x07", "\x1bc", "\x7f", "\x85", "\x9b", "\u202e",
          "\u2066", "\u200f", "\u200b", "\ud800", "\udfff", "\u0301", "\u00a0", "£", "\x1b"]


@pytest.mark.parametrize("seed", range(200))
@pytest.mark.parametrize("keep", [False, True])
def test_fast_path_gives_exactly_what_the_walk_gives(seed: int, keep: bool) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 12)))
    assert strip_controls(text, keep_newlines=keep) == walk(text, keep_newlines=keep)


@pytest.mark.parametrize("char", [chr(c) for c in range(0, 0x250)] +
                         ["\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ud800"])
def test_every_low_and_special_character(char: str) -> None:
    for text in (char, f"x{char}y"):
        assert strip_controls(text) == walk(text)
        assert strip_controls(text, keep_newlines=True) == walk(text, keep_newlines=True)
