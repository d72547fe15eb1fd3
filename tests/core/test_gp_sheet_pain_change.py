"""The GP sheet's pain change: worked from the exact averages, and never put as a sum that does
not add up as shown (docs/figures.md, "Pain scores").

Hand-worked cases on both sides of the rounding boundary, then a property over any daily means:
every number in the sentence is the exact figure rounded once, half up, and a change said as a
number ("2.1 higher than") always equals the difference of the two averages shown beside it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.gp_sheet import Period, pain_sentence
from paceapp.core.pain import PainEntry, summarise_pain

TODAY = date(2026, 11, 21)
PERIOD = Period(TODAY - timedelta(days=13), TODAY, "the last 2 weeks")  # 14 days
BEFORE = PERIOD.before()


def half_up(value: Fraction, places: int = 1) -> str:
    """`value` rounded half up (ties away from zero) to `places` decimals, by hand: independent
    of paceapp.core.figures."""
    scaled = abs(value) * 10 ** places
    units = int(scaled + Fraction(1, 2))  # floor(x + 1/2) for x >= 0
    sign = "-" if value < 0 and units else ""
    whole_part, frac_part = divmod(units, 10 ** places)
    return f"{sign}{whole_part}.{frac_part:0{places}d}"


def entries_for(scores_now: list[int], scores_before: list[int]) -> list[PainEntry]:
    """One score a day: `scores_now` on the period's first days, `scores_before` on the days
    before it."""
    def at(day: date) -> datetime:
        return datetime.combine(day, time(9)).astimezone()

    return ([PainEntry(at=at(PERIOD.start + timedelta(days=i)), score=s)
             for i, s in enumerate(scores_now)]
            + [PainEntry(at=at(BEFORE.start + timedelta(days=i)), score=s)
               for i, s in enumerate(scores_before)])


def sentence(scores_now: list[int], scores_before: list[int]) -> str:
    entries = entries_for(scores_now, scores_before)
    return pain_sentence(summarise_pain(entries, PERIOD.start, PERIOD.end),
                         summarise_pain(entries, BEFORE.start, BEFORE.end), PERIOD, TODAY)


# -- hand-worked, both sides of the boundary ------------------------------------------------------
def test_change_adds_up_as_shown_when_rounding_allows() -> None:
    # now 6, 6, 6, 7 = 25/4 = 6.25 -> 6.3; before 4, 4, 4, 4, 5 = 21/5 = 4.2 -> 4.2;
    # change 6.25 - 4.2 = 2.05 -> 2.1 = 6.3 - 4.2: said as a number.
    text = sentence([6, 6, 6, 7], [4, 4, 4, 4, 5])
    assert "average 6.3 out of 10 on the 4 days I logged" in text
    assert text.endswith("That is 2.1 higher than the 14 days before (4.2, 5 days logged).")


def test_change_that_does_not_add_up_as_shown_is_not_put_as_a_sum() -> None:
    # now 6.25 -> 6.3; before 4 x 7 + 5 x 2 = 38/9 = 4.222... -> 4.2; the exact change is
    # 6.25 - 38/9 = 73/36 = 2.0277... -> 2.0, though 6.3 - 4.2 = 2.1.
    text = sentence([6, 6, 6, 7], [4] * 7 + [5] * 2)
    assert "average 6.3 out of 10" in text
    assert text.endswith("That is higher than the 14 days before (4.2, 9 days logged): about 2.0 "
                         "points, worked from the averages before rounding.")
    assert "2.1" not in text and "2.0 higher" not in text  # neither the rounded-twice figure nor
    # a sum that does not add up


def test_a_fall_is_put_the_same_way() -> None:
    # now 38/9 -> 4.2, before 6.25 -> 6.3: a fall of 2.0277... -> 'lower', about 2.0 points
    text = sentence([4] * 7 + [5] * 2, [6, 6, 6, 7])
    assert text.endswith("That is lower than the 14 days before (6.3, 4 days logged): about 2.0 "
                         "points, worked from the averages before rounding.")
    # now 4.2 exactly, before 6.25: a fall of 2.05 -> 2.1 = 6.3 - 4.2
    assert sentence([4, 4, 4, 4, 5], [6, 6, 6, 7]).endswith(
        "That is 2.1 lower than the 14 days before (6.3, 4 days logged).")


def test_same_and_about_the_same() -> None:
    # exactly the same means
    assert "That is the same as the 14 days before (4.5, 2 days logged)." in sentence([4, 5], [5, 4])
    # now 17/4 = 4.25 -> 4.3, before 38/9 = 4.22 -> 4.2: a change of 0.027... shows as 0.0
    text = sentence([4, 4, 4, 5], [4] * 7 + [5] * 2)
    assert "average 4.3 out of 10" in text
    assert "That is about the same as the 14 days before (4.2, 9 days logged)." in text
    # the old way rounded the shown 4.3 - 4.2 and said '0.1 higher' - from rounded figures


# -- the class of defect: any daily means -------------------------------------------------------
NUMBER = re.compile(r"\d+\.\d")


@settings(max_examples=300, deadline=None)
@given(now=st.lists(st.integers(0, 10), min_size=1, max_size=14),
       before=st.lists(st.integers(0, 10), min_size=1, max_size=14))
def test_every_change_is_true_as_shown(now: list[int], before: list[int]) -> None:
    exact_now, exact_before = Fraction(sum(now), len(now)), Fraction(sum(before), len(before))
    shown_now, shown_before = half_up(exact_now), half_up(exact_before)
    change = exact_now - exact_before
    text = sentence(now, before)
    assert f"average {shown_now} out of 10 on the {len(now)} day" in text
    assert f"before ({shown_before}, {len(before)} day" in text
    tail = text.split(" That is ", 1)[1]
    sum_as_shown = Fraction(shown_now) - Fraction(shown_before)
    if change == 0:
        assert tail.startswith("the same as")
    elif half_up(abs(change)) == "0.0":
        assert tail.startswith("about the same as")
    elif Fraction(half_up(abs(change))) == abs(sum_as_shown):
        way = "higher" if change > 0 else "lower"
        assert tail.startswith(f"{half_up(abs(change))} {way} than")
    else:
        way = "higher" if change > 0 else "lower"
        assert tail.startswith(f"{way} than")
        assert tail.endswith(f": about {half_up(abs(change))} points, worked from the averages "
                             "before rounding.")
    # A change said as a number before 'higher'/'lower' always adds up as shown.
    said = re.match(r"(\d+\.\d) (higher|lower) than", tail)
    if said:
        assert Fraction(said.group(1)) == abs(sum_as_shown)
    assert set(NUMBER.findall(text)) <= {shown_now, shown_before, half_up(abs(change))}
