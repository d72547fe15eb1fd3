"""One rounding rule for every figure a person sees (DOMAIN.md, "Precision").

Work from exact values; round once, **half up**, only when the figure is shown. So:

- means, medians, ratios and percentages are worked out as exact fractions (`Fraction`), never
  from numbers that were already rounded;
- thresholds (a PEG fall of 30%, ...) are compared on those exact values;
- the number shown is rounded once, with ties going up (away from zero for a fall: 2.5 -> 3,
  -2.5 -> -3), as people round by hand. Python's `round()` and `format(x, ".1f")` do not do this:
  they round ties to the even neighbour (`round(396.5) == 396`) and work on the binary value
  (`f"{0.15:.1f}" == "0.1"`).

A float given to these functions is read through its shortest decimal form (`repr`), so a
value stored or typed as 0.15 rounds like 0.15 (0.2), not like the binary number just below it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

Number = int | float | Fraction | Decimal


def exact(value: Number) -> Fraction:
    """`value` as an exact fraction (a float through its shortest decimal form: 0.15 -> 3/20)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def rounded(value: Number, places: int = 0) -> Decimal:
    """`value` rounded once, half up (ties away from zero), to `places` decimals."""
    fraction = exact(value)
    step = Decimal(1).scaleb(-places)  # 1, 0.1, 0.01 ...
    # Decimal division to plenty of digits would itself round; go through the exact quotient.
    scaled = fraction * 10 ** places
    whole_part, remainder = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * remainder >= scaled.denominator:
        whole_part += 1
    if scaled < 0:
        whole_part = -whole_part
    result = Decimal(whole_part).scaleb(-places)
    if result == 0:
        result = abs(result)  # never "-0.0"
    return result.quantize(step, rounding=ROUND_HALF_UP)


def whole(value: Number) -> int:
    """`value` to the nearest whole number, half up (396.5 -> 397)."""
    return int(rounded(value, 0))


def one_decimal(value: Number) -> float:
    """`value` to one decimal, half up, as a float (for JSON and stored summaries: 82.3)."""
    return float(rounded(value, 1))


def decimal_text(value: Number, places: int = 1) -> str:
    """`value` as text with `places` decimals, half up: '4.3', '30.0', '0.0' (never '-0.0')."""
    return f"{rounded(value, places):f}"


def percent_text(value: Number, places: int = 1) -> str:
    """A percentage as shown: '82.3%'."""
    return f"{decimal_text(value, places)}%"


def minutes_text(minutes: Number | None) -> str:
    """Minutes as '7 h 05 min' or '45 min' (whole minutes, half up); None -> 'not enough to work
    out'."""
    if minutes is None:
        return "not enough to work out"
    total = whole(minutes)
    sign = "-" if total < 0 else ""
    hours, mins = divmod(abs(total), 60)
    if hours:
        return f"{sign}{hours} h {mins:02d} min"
    return f"{sign}{mins} min"


def mean(values: Iterable[Number]) -> Fraction | None:
    """The exact mean (None for no values)."""
    given = list(values)
    if not given:
        return None
    whole = [v for v in given if type(v) is int]
    if len(whole) == len(given):  # the usual case (minutes, scores): quick
        return Fraction(sum(whole), len(given))
    return sum((exact(v) for v in given), Fraction(0)) / len(given)


def median(values: Iterable[Number]) -> Fraction | None:
    """The exact median: the middle value, or the mean of the two middle ones (None for none)."""
    items = sorted(exact(v) for v in values)
    if not items:
        return None
    middle = len(items) // 2
    if len(items) % 2:
        return items[middle]
    return (items[middle - 1] + items[middle]) / 2


def percent(part: Number, whole_amount: Number) -> Fraction | None:
    """`part` as an exact percentage of `whole_amount` (None when that is 0)."""
    base = exact(whole_amount)
    if base == 0:
        return None
    return exact(part) * 100 / base


def change_pct(before: Number, after: Number) -> Fraction | None:
    """The exact percentage change from `before` to `after` (negative = a fall); None when
    `before` is 0 (no percentage can be worked out from nothing)."""
    base = exact(before)
    if base == 0:
        return None
    return (exact(after) - base) * 100 / base
