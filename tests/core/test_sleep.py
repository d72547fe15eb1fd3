"""Sleep diary maths (TIB, TST, SE) against hand-worked nights, the midnight rule and summaries."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.codec import from_data, to_data
from paceapp.core.errors import ValidationError
from paceapp.core.sleep import (
    Quality,
    SleepNight,
    check_one_night_per_morning,
    new_sleep,
    parse_quality,
    place_times,
    recent_summaries,
    summarise_sleep,
)

MORNING = date(2026, 11, 21)


def night(**kw: object) -> SleepNight:
    return new_sleep(kw.pop("day", MORNING), MORNING, **kw)  # type: ignore[arg-type]


# -- hand-worked nights ---------------------------------------------------------------------------

def test_night_crossing_midnight() -> None:
    # bed 22:30, tried 22:45, 20 min to fall asleep, 2 awakenings totalling 30 min, woke 06:10, up 06:30
    # TIB = 06:30 - 22:30 = 8 h = 480; TST = (06:10 - 22:45) - 20 - 30 = 445 - 50 = 395
    # SE = 395 / 480 x 100 = 82.291.. -> 82.3
    n = night(bed=time(22, 30), tried=time(22, 45), latency=20, awakenings=2, waso=30,
              woke=time(6, 10), up=time(6, 30))
    assert (n.tib_min, n.tst_min, n.se_pct) == (480, 395, 82.3)
    assert n.derived() == {"tib_min": 480, "tst_min": 395, "se_pct": 82.3}


def test_night_not_crossing_midnight_nap_shift_sleeper() -> None:
    # bed 04:00, tried 04:10, SOL 15, 1 awakening of 25 min, woke 11:30, up 12:00
    # TIB = 8 h = 480; TST = (11:30 - 04:10) - 15 - 25 = 440 - 40 = 400; SE = 83.333 -> 83.3
    n = night(bed=time(4), tried=time(4, 10), latency=15, awakenings=1, waso=25,
              woke=time(11, 30), up=time(12))
    assert (n.tib_min, n.tst_min, n.se_pct) == (480, 400, 83.3)
    assert {k: v.date() for k, v in n.moments().items()} == dict.fromkeys(
        ("bed", "tried", "woke", "up"), MORNING)


def test_zero_awakenings() -> None:
    # 23:00 bed and tried, SOL 10, no awakenings, woke 07:00, up 07:00: TIB 480, TST 470, SE 97.9
    n = night(bed=time(23), tried=time(23), latency=10, awakenings=0, waso=0, woke=time(7),
              up=time(7))
    assert (n.tib_min, n.tst_min, n.se_pct) == (480, 470, 97.9)


def test_bed_just_before_midnight_tried_just_after() -> None:
    # bed 23:50, tried 00:20 (midnight between them), woke 05:00, up 05:40:
    # TIB = 5 h 50 = 350; TST = 4 h 40 = 280 - 0 - 0 = 280; SE = 80.0
    n = night(bed=time(23, 50), tried=time(0, 20), woke=time(5), up=time(5, 40))
    assert (n.tib_min, n.tst_min, n.se_pct) == (350, 280, 80.0)
    moments = n.moments()
    assert moments["bed"].date() == date(2026, 11, 20)
    assert moments["tried"].date() == MORNING


def test_sleepless_night_gives_zero_sleep() -> None:
    # tried 23:00, woke 03:00, SOL 240: no sleep at all. TST 0, SE 0.
    n = night(bed=time(23), tried=time(23), latency=240, woke=time(3), up=time(3, 30))
    assert (n.tib_min, n.tst_min, n.se_pct) == (270, 0, 0.0)


def test_missing_sol_and_waso_count_as_zero() -> None:
    # DOMAIN.md: only into bed, tried, woke and out of bed are needed for the derived values.
    n = night(bed=time(22), tried=time(22, 30), woke=time(6, 30), up=time(7))
    assert (n.tib_min, n.tst_min, n.se_pct) == (540, 480, 88.9)


@pytest.mark.parametrize(("missing", "tib", "tst", "se"), [
    ("bed", None, 405, None),
    ("up", None, 405, None),
    ("tried", 480, None, None),
    ("woke", 480, None, None),
])
def test_missing_times_give_none_not_a_wrong_number(missing: str, tib: int | None,
                                                    tst: int | None, se: float | None) -> None:
    times = {"bed": time(22, 30), "tried": time(22, 45), "woke": time(6, 10), "up": time(6, 30)}
    times.pop(missing)
    n = night(latency=20, waso=20, awakenings=1, **times)
    assert (n.tib_min, n.tst_min, n.se_pct) == (tib, tst, se)
    assert (n.summary()["asleep"] == "-") == (tst is None)


def test_night_with_nothing_but_quality_and_note() -> None:
    n = night(quality=Quality.VERY_POOR, note="pain woke me")
    assert n.derived() == {"tib_min": None, "tst_min": None, "se_pct": None}
    assert n.summary()["asleep"] == "-" and n.summary()["efficiency"] == "-"


def test_round_trips_through_the_codec() -> None:
    n = night(bed=time(22, 30), tried=time(22, 45), woke=time(6, 10), up=time(6, 30),
              quality=Quality.FAIR, note="woke at 3")
    assert from_data(SleepNight, to_data(n)) == n
    assert to_data(n)["quality"] == "fair" and to_data(n)["bed"] == "22:30"


# -- refusing impossible nights -------------------------------------------------------------------

@pytest.mark.parametrize(("times", "field", "words"), [
    ({"bed": time(23), "tried": time(1), "woke": time(0, 30), "up": time(7)}, "woke",
     "'Final awakening' (00:30) comes before 'tried to sleep' (01:00)"),
    ({"bed": time(22), "tried": time(21), "woke": time(6), "up": time(6, 30)}, "tried",
     "'Tried to sleep' (21:00) comes before 'into bed' (22:00)"),
    ({"bed": time(22), "tried": time(23), "woke": time(6), "up": time(22, 30)}, "up",
     "24 h 30 min: a night can be at most 24 hours"),
    ({"bed": time(22), "up": time(22)}, "up", "same time as into bed"),
])
def test_impossible_times_are_refused_naming_the_field(times: dict[str, time], field: str,
                                                       words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        night(**times)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_sol_plus_waso_longer_than_the_night_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        night(tried=time(23), woke=time(6), latency=30, awakenings=3, waso=400)
    assert caught.value.field == "waso"
    assert "7 h 10 min" in str(caught.value) and "7 h 00 min" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        night(tried=time(23), woke=time(1), latency=150)
    assert caught.value.field == "latency"


@pytest.mark.parametrize("field", ["latency", "awakenings", "waso"])
def test_negative_numbers_are_refused(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        night(**{field: -5})
    assert caught.value.field == field and "below 0" in str(caught.value)


def test_minutes_awake_without_awakenings_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        night(awakenings=0, waso=20)
    assert caught.value.field == "waso"


def test_future_morning_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        new_sleep(date(2026, 11, 22), MORNING, bed=time(22))
    assert caught.value.field == "date"


def test_second_night_for_the_same_morning_is_refused() -> None:
    first = night(bed=time(22))
    check_one_night_per_morning([first], first)  # itself (an edit) is fine
    with pytest.raises(ValidationError) as caught:
        check_one_night_per_morning([first], night(bed=time(23)))
    assert caught.value.field == "date" and first.id[:8] in str(caught.value)


def test_quality_words() -> None:
    assert parse_quality("very poor") is Quality.VERY_POOR
    assert parse_quality("Very-Good") is Quality.VERY_GOOD
    assert parse_quality("3") is Quality.FAIR
    assert parse_quality("") is None
    with pytest.raises(ValidationError):
        parse_quality("meh")


# -- properties over generated nights -------------------------------------------------------------

clock = st.builds(time, st.integers(0, 23), st.integers(0, 59))
maybe_clock = st.none() | clock
minutes = st.none() | st.integers(0, 600)


@given(bed=maybe_clock, tried=maybe_clock, woke=maybe_clock, up=maybe_clock, latency=minutes,
       waso=minutes, awakenings=st.none() | st.integers(0, 10))
def test_any_stored_night_has_sensible_numbers(bed, tried, woke, up, latency, waso,
                                               awakenings) -> None:  # noqa: ANN001
    try:
        n = night(bed=bed, tried=tried, woke=woke, up=up, latency=latency, waso=waso,
                  awakenings=awakenings)
    except ValidationError as error:
        assert error.field in ("bed", "tried", "woke", "up", "latency", "waso")
        return
    tib, tst, se = n.tib_min, n.tst_min, n.se_pct
    if tib is not None:
        assert 0 < tib <= 24 * 60
    if tst is not None:
        assert tst >= 0
    if tib is not None and tst is not None:
        assert tst <= tib
        assert se is not None and 0 <= se <= 100
    else:
        assert se is None


@given(bed=clock, gap=st.integers(0, 120), asleep=st.integers(0, 900), lie_in=st.integers(0, 120),
       sol=st.integers(0, 120), waso=st.integers(0, 300))
def test_generated_real_nights_match_the_formula(bed, gap, asleep, lie_in, sol, waso) -> None:  # noqa: ANN001
    """Build a night from durations, write it as clock times, and get the durations back."""
    start = bed.hour * 60 + bed.minute

    def at(offset: int) -> time:
        total = (start + offset) % (24 * 60)
        return time(total // 60, total % 60)

    span = sol + waso + asleep
    tib = gap + span + lie_in
    if tib > 24 * 60 or tib == 0:
        return
    n = night(bed=bed, tried=at(gap), woke=at(gap + span), up=at(tib), latency=sol,
              waso=waso, awakenings=1 if waso else 0)
    assert n.tib_min == tib
    assert n.tst_min == asleep
    assert n.se_pct is not None and abs(n.se_pct - asleep / tib * 100) <= 0.05 + 1e-9


def test_place_times_counts_from_the_evening() -> None:
    assert place_times({"bed": time(22), "up": time(6)}) == {"bed": 22 * 60, "up": 30 * 60}
    assert place_times({"bed": time(4), "up": time(11)}) == {"bed": 4 * 60, "up": 11 * 60}


# -- summaries ------------------------------------------------------------------------------------

def test_summary_over_a_fortnight() -> None:
    nights = [
        night(day=date(2026, 11, 20), bed=time(22, 30), tried=time(22, 45), latency=20,
              awakenings=2, waso=30, woke=time(6, 10), up=time(6, 30)),   # TST 395, SE 82.3
        night(day=date(2026, 11, 21), bed=time(23), tried=time(23), latency=10, awakenings=0,
              waso=0, woke=time(7), up=time(7)),                          # TST 470, SE 97.9
        night(day=date(2026, 11, 19), quality=Quality.POOR),              # no times
        night(day=date(2026, 11, 1), bed=time(22), tried=time(22), woke=time(2), up=time(2)),
    ]
    summary = summarise_sleep(nights, date(2026, 11, 8), date(2026, 11, 21))
    assert summary.nights_logged == 3
    assert summary.nights_with_times == 2
    # Shown once, half up: (395 + 470) / 2 = 432.5 -> 433 min = 7 h 13 min (it was 432.5,
    # shown as 7 h 12 min by round()'s ties-to-even).
    assert summary.exact_tst_min == Fraction(865, 2)
    assert summary.average_tst_min == 433.0
    # Sleep efficiency over the period, pooled: (395 + 470) / (480 + 480) x 100 = 90.104 -> 90.1
    assert summary.exact_se_pct == Fraction(865 * 100, 960)
    assert summary.average_se_pct == 90.1
    assert summary.average_tib_min == 480.0
    assert summary.sentence() == (
        "Sleep, 8 Nov – 21 Nov: on average 7 h 13 min asleep; sleep efficiency (time asleep ÷ "
        "time in bed) 90.1% from the totals (3 nights logged, 2 with all the times).")


def test_summary_with_nothing_logged() -> None:
    summary = summarise_sleep([], date(2026, 10, 25), date(2026, 11, 21))
    assert (summary.nights_logged, summary.average_tst_min, summary.average_se_pct) == (0, None, None)
    assert summary.sentence() == "Sleep: not logged between 25 Oct and 21 Nov."


def test_summary_across_new_year_shows_years() -> None:
    n = new_sleep(date(2026, 1, 2), date(2026, 1, 2), tried=time(23), woke=time(7))
    summary = summarise_sleep([n], date(2025, 12, 20), date(2026, 1, 2))
    assert summary.sentence() == ("Sleep, 20 Dec 2025 – 2 Jan 2026: on average 8 h 00 min asleep "
                                  "(1 night logged, 0 with all the times).")


def test_recent_summaries_7_14_28() -> None:
    nights = [new_sleep(date(2026, 11, d), MORNING, tried=time(23), woke=time(6))
              for d in (21, 15, 10, 1)]
    summaries = recent_summaries(nights, MORNING)
    assert {n: s.nights_logged for n, s in summaries.items()} == {7: 2, 14: 3, 28: 4}
    assert summaries[7].start == date(2026, 11, 15) and summaries[28].start == date(2026, 10, 25)


def test_check_among_for_edits() -> None:
    first = night(bed=time(22))
    other = new_sleep(date(2026, 11, 20), MORNING, bed=time(23))
    first.check_among([first, other])
    with pytest.raises(ValidationError):
        dataclasses.replace(other, date=MORNING).check_among([first, other])
