"""core.figures: one rounding rule - exact values, rounded once, half up, when shown."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.figures import (
    change_pct,
    decimal_text,
    exact,
    mean,
    median,
    minutes_text,
    one_decimal,
    percent,
    percent_text,
    rounded,
    whole,
)


@pytest.mark.parametrize(("value", "places", "shown"), [
    (396.5, 0, "397"),          # round() gives 396 (ties to even)
    (395.5, 0, "396"),
    (Fraction(793, 2), 0, "397"),
    (0.15, 1, "0.2"),           # the float is 0.1499999..., f"{0.15:.1f}" gives 0.1
    (0.25, 1, "0.3"),           # f"{0.25:.1f}" gives 0.2 (ties to even)
    (2.675, 2, "2.68"),         # the float is 2.67499999...
    (4.35, 1, "4.4"),
    (-2.5, 0, "-3"),            # a fall rounds away from zero, like a rise
    (-29.95, 1, "-30.0"),
    (Fraction(-1, 30), 1, "0.0"),  # never "-0.0"
    (Fraction(1, 3), 1, "0.3"),
    (Fraction(2, 3), 1, "0.7"),
    (Decimal("84.45"), 1, "84.5"),
    (7, 1, "7.0"),
])
def test_rounded_half_up_once(value: object, places: int, shown: str) -> None:
    assert decimal_text(value, places) == shown  # type: ignore[arg-type]
    assert rounded(value, places) == Decimal(shown)  # type: ignore[arg-type]


@given(st.integers(-10**6, 10**6), st.integers(1, 1000), st.integers(0, 3))
def test_rounded_matches_the_hand_rule(numerator: int, denominator: int, places: int) -> None:
    # The hand rule: add a half of the last place, then drop the rest (towards zero) - on the size,
    # with the sign put back.
    value = Fraction(numerator, denominator)
    scaled = abs(value) * 10 ** places
    expected = Fraction(int(scaled + Fraction(1, 2)), 10 ** places)
    got = rounded(value, places)
    assert Fraction(got) == (expected if value >= 0 else -expected)
    assert abs(Fraction(got) - value) <= Fraction(1, 2 * 10 ** places)


@given(st.integers(0, 10**5), st.integers(0, 3))
def test_float_halves_written_in_decimal_round_up(units: int, places: int) -> None:
    # Every decimal ending in 5 one place below what is shown (0.15, 2.675, 84.45 ...) goes up,
    # however its float is stored.
    text = f"{units}5e-{places + 1}"
    value = float(Decimal(text))
    assert Fraction(rounded(value, places)) == Fraction(units + 1, 10 ** places)


def test_whole_and_one_decimal() -> None:
    assert whole(396.5) == 397 and whole(396.49) == 396 and whole(Fraction(-5, 2)) == -3
    assert one_decimal(Fraction(1235, 100)) == 12.4 and isinstance(one_decimal(3), float)
    assert percent_text(Fraction(395 * 100, 480)) == "82.3%"  # 82.2916...
    assert percent_text(Fraction(1689, 20), 0) == "84%"       # 84.45 -> 84 (no second rounding)


@pytest.mark.parametrize(("minutes", "shown"), [
    (396.5, "6 h 37 min"),      # issue 17: an average of 396.5 min showed as 6 h 36 min
    (Fraction(2775, 7), "6 h 36 min"),  # 396.43 -> 396
    (Fraction(2379, 6), "6 h 37 min"),  # 2379 min over 6 nights = 396.5
    (59.5, "1 h 00 min"),
    (0.49, "0 min"),
    (45, "45 min"),
    (-90, "-1 h 30 min"),
    (None, "not enough to work out"),
])
def test_minutes_text(minutes: object, shown: str) -> None:
    assert minutes_text(minutes) == shown  # type: ignore[arg-type]


def test_exact_means_medians_and_changes() -> None:
    assert mean([395, 398]) == Fraction(793, 2)
    assert mean([]) is None and median([]) is None
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == Fraction(5, 2)
    assert percent(395, 480) == Fraction(39500, 480) and percent(1, 0) is None
    assert change_pct(Fraction(20, 3), Fraction(14, 3)) == -30  # 6.67 -> 4.67 is exactly -30%
    assert change_pct(0, 5) is None
    assert exact(0.15) == Fraction(3, 20) and exact(Decimal("2.5")) == Fraction(5, 2)
