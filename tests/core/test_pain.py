from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.pain import (
    PainEntry,
    is_meaningful_improvement,
    new_pain,
    new_peg,
    peg_change_pct,
    peg_score,
    round1,
    summarise_pain,
)

NOW = datetime(2026, 11, 21, 14, 30).astimezone()


@pytest.mark.parametrize(("p", "e", "g", "score"), [
    (5, 6, 7, 6.0),
    (4, 4, 5, 4.3),    # 13/3 = 4.333…
    (4, 5, 5, 4.7),    # 14/3 = 4.666…
    (0, 0, 0, 0.0),
    (10, 10, 10, 10.0),
    (1, 0, 0, 0.3),
])
def test_peg_score_is_the_mean_to_one_decimal(p: int, e: int, g: int, score: float) -> None:
    assert peg_score(p, e, g) == score


def test_round_half_up_like_by_hand() -> None:
    assert round1(4.25) == 4.3
    assert round1(4.35) == 4.4  # float rounding would give 4.3 or 4.4 unpredictably


def test_peg_change_and_meaningful_improvement() -> None:
    assert peg_change_pct(6.0, 4.2) == -30.0
    assert is_meaningful_improvement(6.0, 4.2)
    assert not is_meaningful_improvement(6.0, 4.3)
    assert peg_change_pct(0.0, 3.0) is None


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_pain_score_outside_0_to_10_is_refused(score: int) -> None:
    with pytest.raises(ValidationError, match="from 0 to 10"):
        new_pain(score, NOW, NOW)


def test_pain_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError, match="future"):
        new_pain(5, NOW + timedelta(hours=2), NOW)


def test_pain_text_is_cleaned_of_control_characters() -> None:
    entry = new_pain(5, NOW, NOW, where="back\x1b[31m", note="line\x00one\u202e")
    assert entry.where == "back"
    assert entry.note == "lineone"


def test_overlong_note_is_refused() -> None:
    with pytest.raises(ValidationError, match="most is 2000"):
        new_pain(5, NOW, NOW, note="x" * 2001)


def test_peg_items_are_checked_by_name() -> None:
    with pytest.raises(ValidationError, match="E \\(enjoyment of life\\)"):
        new_peg(5, 11, 5, date(2026, 11, 21), date(2026, 11, 21))


def _entry(day: int, hour: int, score: int) -> PainEntry:
    return PainEntry(at=datetime(2026, 11, day, hour).astimezone(), score=score)


def test_pain_summary_averages_daily_means() -> None:
    # Day 16: 2 and 4 (mean 3); day 17: 8 -> average of daily means (3 + 8) / 2 = 5.5,
    # whereas a plain mean of the three scores would be 4.7.
    entries = [_entry(16, 9, 2), _entry(16, 20, 4), _entry(17, 9, 8), _entry(25, 9, 1)]
    summary = summarise_pain(entries, date(2026, 11, 15), date(2026, 11, 21))
    assert summary.average == 5.5
    assert summary.days_logged == 2
    assert summary.entries == 3
    assert summary.highest == 8


def test_pain_summary_with_nothing_logged_invents_nothing() -> None:
    summary = summarise_pain([], date(2026, 11, 15), date(2026, 11, 21))
    assert summary.average is None and summary.days_logged == 0


@given(st.lists(st.integers(0, 10), min_size=1, max_size=30))
def test_pain_average_stays_within_the_scores(scores: list[int]) -> None:
    entries = [_entry(1 + i % 28, 9, s) for i, s in enumerate(scores)]
    summary = summarise_pain(entries, date(2026, 11, 1), date(2026, 11, 30))
    assert summary.average is not None
    assert min(scores) <= summary.average <= max(scores)
