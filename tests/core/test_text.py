from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.text import check_score, clean_text, parse_int, strip_controls


def test_strip_controls_removes_ansi_bidi_and_controls() -> None:
    assert strip_controls("a\x1b[2Jb\x1b]8;;http://x\x07c\u202ed\x00e") == "abcde"


def test_clean_text_keeps_markup_like_text_literally() -> None:
    assert clean_text("[b]bold[/b] [link=x]y", "note") == "[b]bold[/b] [link=x]y"


def test_required_and_limits() -> None:
    with pytest.raises(ValidationError, match="empty"):
        clean_text("   ", "what", required=True)
    with pytest.raises(ValidationError, match="most is 5"):
        clean_text("abcdef", "what", limit=5)


def test_scores_and_numbers() -> None:
    assert check_score(0, "s", "score") == 0
    with pytest.raises(ValidationError, match="whole number"):
        check_score(True, "s", "score")
    with pytest.raises(ValidationError, match="digits"):
        parse_int("six", "s", "score")


@given(st.text())
def test_cleaned_text_has_no_control_characters(text: str) -> None:
    cleaned = strip_controls(text)
    assert "\x1b" not in cleaned
    assert all(ord(c) >= 32 for c in cleaned)
