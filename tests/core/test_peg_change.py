"""PEG means and changes on exact values; the 30% threshold on the exact change; shown once,
half up (issue 17, items 2 and 3). Krebs et al. 2009: a fall of 30% or more is a real
improvement."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.pain import (
    PainEntry,
    PegEntry,
    average_peg,
    is_meaningful_improvement,
    peg_change,
    peg_change_pct,
    summarise_pain,
)

END = date(2026, 11, 21)
START = END - timedelta(days=27)


def peg(day: date, p: int, e: int, g: int) -> PegEntry:
    return PegEntry(date=day, pain=p, enjoyment=e, activity=g)


def test_an_exact_30_percent_fall_is_a_real_improvement() -> None:
    # before: P7 E7 G6 -> 20/3 = 6.666... (shown 6.7); after: P5 E5 G4 -> 14/3 = 4.666... (4.7).
    # Exact change: (14/3 - 20/3) / (20/3) = -6/20 = -30% -> "down 30.0%", a real improvement.
    # From the shown figures it was (4.7 - 6.7) / 6.7 = -29.85 -> "down 29.9%", no note.
    before = average_peg([peg(END - timedelta(days=35), 7, 7, 6)], START - timedelta(days=28),
                         START - timedelta(days=1))
    after = average_peg([peg(END, 5, 5, 4)], START, END)
    assert (before.exact, after.exact) == (Fraction(20, 3), Fraction(14, 3))
    assert (before.text(), after.text()) == ("6.7", "4.7")
    change = peg_change(before.exact, after.exact)
    assert change is not None
    assert change.pct == -30 and change.words() == "down 30.0%" and change.meaningful
    assert peg_change_pct(before.exact, after.exact) == -30.0
    assert is_meaningful_improvement(before.exact, after.exact)


@pytest.mark.parametrize(("after", "meaningful", "words"), [
    # before exactly 10 (P10 E10 G10); the threshold is an after-mean of exactly 7
    ((7, 7, 7), True, "down 30.0%"),              # 7: exactly -30%
    ((7, 7, 8), False, "down 26.7%"),             # 22/3: -26.666...%
    ((7, 7, 6), True, "down 33.3%"),              # 20/3: -33.333...%
])
def test_threshold_both_sides_one_check_in(after: tuple[int, int, int], meaningful: bool,
                                           words: str) -> None:
    change = peg_change(10, Fraction(sum(after), 3))
    assert change is not None and change.meaningful is meaningful and change.words() == words


def test_threshold_a_hair_either_side() -> None:
    # before: 10 check-ins averaging exactly 10. After: 100 check-ins.
    # 99 at 7 (21/3) and one at 22/3 -> mean 7 + 1/300 -> change -29.9667% -> "down 30.0%" but
    # NOT a 30% fall: the note depends on the exact value, not the rounded one.
    nearly = peg_change(10, (99 * Fraction(21, 3) + Fraction(22, 3)) / 100)
    assert nearly is not None and not nearly.meaningful and nearly.words() == "down 30.0%"
    # 99 at 7 and one at 20/3 -> 7 - 1/300 -> -30.0333%: a real improvement
    past = peg_change(10, (99 * Fraction(21, 3) + Fraction(20, 3)) / 100)
    assert past is not None and past.meaningful and past.words() == "down 30.0%"


def test_an_exact_20_percent_rise_shows_as_20() -> None:
    # before P5 E5 G5 = 5; after P6 E6 G6 = 6: exactly +20% -> "up 20.0%".
    # Two check-ins after, (6,6,6) and (6,6,6): still 6 -> 20.0%, whatever the rounding of 6.0.
    before = average_peg([peg(END - timedelta(days=40), 5, 5, 5)], date(2026, 1, 1),
                         START - timedelta(days=1)).exact
    after = average_peg([peg(END, 6, 6, 6), peg(END - timedelta(days=7), 6, 6, 6)], START,
                        END).exact
    assert before == 5 and after == 6
    change = peg_change(before, after)
    assert change is not None and change.words() == "up 20.0%" and not change.meaningful


def test_words_for_no_and_tiny_changes() -> None:
    same = peg_change(Fraction(20, 3), Fraction(20, 3))
    assert same is not None and same.words() == "no change"
    tiny = peg_change(10, 10 - Fraction(1, 300))  # -0.0333%
    assert tiny is not None and tiny.words() == "down less than 0.1%"
    assert peg_change(0, 5) is None and peg_change_pct(0, 5) is None


def test_scores_are_shown_half_up_once() -> None:
    # (4 + 4 + 5) / 3 = 4.333 -> 4.3; (4 + 5 + 5) / 3 = 4.666 -> 4.7
    assert peg(END, 4, 4, 5).score == 4.3 and peg(END, 4, 5, 5).score == 4.7
    assert peg(END, 4, 5, 5).summary()["PEG"] == "4.7"
    # the period mean is worked from the exact scores, not the shown ones:
    # (13/3 + 14/3) / 2 = 27/6 = 4.5 exactly -> 4.5 (from 4.3 and 4.7 also 4.5, but:)
    # (13/3 + 13/3 + 14/3) / 3 = 40/9 = 4.444 -> 4.4 (from shown: (4.3+4.3+4.7)/3 = 4.433 -> 4.4)
    entries = [peg(END, 4, 4, 5), peg(END - timedelta(days=7), 4, 4, 5),
               peg(END - timedelta(days=14), 4, 5, 5)]
    assert average_peg(entries, START, END).exact == Fraction(40, 9)
    assert average_peg([], START, END).average is None


def test_pain_average_is_exact_and_rounded_once() -> None:
    # Days: 16 Nov scores 4 and 5 (daily mean 4.5), 17 Nov 4 (4), 18 Nov 4 (4), 19 Nov 5 (5).
    # Average of daily means = (4.5 + 4 + 4 + 5) / 4 = 17.5 / 4 = 4.375 -> 4.4
    # Median of 4, 4, 4.5, 5 = (4 + 4.5) / 2 = 4.25 -> 4.3 (half up; ties-to-even gives 4.2)
    entries = [PainEntry(at=datetime(2026, 11, d, h).astimezone(), score=s)
               for d, h, s in [(16, 9, 4), (16, 18, 5), (17, 9, 4), (18, 9, 4), (19, 9, 5)]]
    summary = summarise_pain(entries, START, END)
    assert summary.exact_average == Fraction(35, 8) and summary.average == 4.4
    assert summary.exact_median == Fraction(17, 4) and summary.median == 4.3


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)),
                min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)),
                min_size=1, max_size=8))
def test_threshold_is_on_the_exact_change(before: list[tuple[int, int, int]],
                                          after: list[tuple[int, int, int]]) -> None:
    old = average_peg([peg(START - timedelta(days=i + 1), *t) for i, t in enumerate(before)],
                      date(2025, 1, 1), START - timedelta(days=1))
    new = average_peg([peg(END - timedelta(days=i), *t) for i, t in enumerate(after)],
                      START, END)
    # the working by hand: sums of the items, 3 items per check-in
    b = Fraction(sum(map(sum, before)), 3 * len(before))
    a = Fraction(sum(map(sum, after)), 3 * len(after))
    assert (old.exact, new.exact) == (b, a)
    change = peg_change(b, a)
    if b == 0:
        assert change is None
        return
    assert change is not None
    assert change.meaningful == ((a - b) / b <= Fraction(-3, 10))
    shown = abs((a - b) / b * 1000)  # tenths of a per cent, rounded half up by hand
    tenths = int(shown + Fraction(1, 2))
    if a != b and tenths:
        assert change.words().endswith(f"{tenths // 10}.{tenths % 10}%")
