"""Local times across clock changes: a time that did not happen is refused, one that happened
twice is asked about ("first"/"second"), durations are real elapsed time (issue 17, item 1).

The tests run in Europe/London (tests/conftest.py). UK clock changes in 2026: spring forward on
Sun 29 Mar at 01:00 GMT -> 02:00 BST (01:00-01:59 does not happen); fall back on Sun 25 Oct at
02:00 BST -> 01:00 GMT (01:00-01:59 happens twice). Other zones are checked through an injected
ZoneInfo and through TZ (this computer's rules), both ways.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.timeparse import (
    ChosenTime,
    ClockChangeError,
    clock_change_at,
    elapsed_minutes,
    local_moment,
    parse_clock,
    parse_when,
    show_time,
    show_when,
)
from tests.zones import local_zone

NOW = datetime(2026, 11, 21, 14, 30).astimezone()
GMT, BST = timedelta(0), timedelta(hours=1)

# (zone, a time the clocks skipped, what an unchanged clock meant, a time that happened twice,
#  offset of its first and second time)
ZONES = [
    ("Europe/London", datetime(2026, 3, 29, 1, 30), "02:30", datetime(2026, 10, 25, 1, 30),
     timedelta(hours=1), timedelta(0)),
    ("America/New_York", datetime(2026, 3, 8, 2, 30), "03:30", datetime(2026, 11, 1, 1, 30),
     timedelta(hours=-4), timedelta(hours=-5)),
    ("Australia/Sydney", datetime(2026, 10, 4, 2, 30), "03:30", datetime(2026, 4, 5, 2, 30),
     timedelta(hours=11), timedelta(hours=10)),
]


@pytest.mark.parametrize("minute", [0, 1, 30, 59])
def test_a_time_the_clocks_skipped_is_refused_not_shifted(minute: int) -> None:
    text = f"2026-03-29T01:{minute:02d}"
    with pytest.raises(ClockChangeError) as caught:
        parse_when(text, NOW)
    message = str(caught.value)
    assert f"01:{minute:02d} on Sun 29 Mar did not happen" in message
    assert "clocks went forward an hour at 01:00" in message and "(GMT to BST)" in message
    # an unchanged clock showing 01:MM meant 02:MM BST; the fix is given in the form typed
    assert f"write '2026-03-29T02:{minute:02d}'" in message
    assert caught.value.field == "at" and isinstance(caught.value, ValidationError)


def test_the_minutes_either_side_of_spring_forward() -> None:
    before = parse_when("2026-03-29T00:59", NOW)
    after = parse_when("2026-03-29T02:00", NOW)
    assert before.utcoffset() == GMT and after.utcoffset() == BST
    assert elapsed_minutes(before, after) == 1  # 00:59 GMT to 02:00 BST is one real minute


@pytest.mark.parametrize("typed", ["2026-10-25T01:30", "2026-10-25 01:00", "2026-10-25T01:59"])
def test_a_time_that_happened_twice_is_asked_about(typed: str) -> None:
    with pytest.raises(ClockChangeError) as caught:
        parse_when(typed, NOW)
    message = str(caught.value)
    assert "happened twice" in message and "clocks went back an hour at 02:00" in message
    assert f"'{typed} first'" in message and f"'{typed} second'" in message
    assert "BST, before the clocks went back" in message and "GMT, after" in message
    assert caught.value.twice


@pytest.mark.parametrize(("word", "offset"), [("first", BST), ("1st", BST), ("FIRST", BST),
                                              ("second", GMT), ("2nd", GMT), ("Second", GMT)])
def test_first_or_second_chooses(word: str, offset: timedelta) -> None:
    moment = parse_when(f"2026-10-25T01:30 {word}", NOW)
    assert moment.replace(tzinfo=None) == datetime(2026, 10, 25, 1, 30)
    assert moment.utcoffset() == offset


def test_first_and_second_are_an_hour_apart_in_real_time() -> None:
    first = parse_when("2026-10-25T01:30 first", NOW)
    second = parse_when("2026-10-25T01:30 second", NOW)
    # 01:30 BST = 00:30 UTC; 01:30 GMT = 01:30 UTC
    assert first.astimezone(UTC).hour == 0 and second.astimezone(UTC).hour == 1
    assert elapsed_minutes(first, second) == 60


def test_a_word_on_an_ordinary_time_changes_nothing() -> None:
    assert parse_when("2026-11-20T08:15 second", NOW) == parse_when("2026-11-20T08:15", NOW)
    assert parse_when("yesterday 01:30 second", NOW).replace(tzinfo=None) == datetime(
        2026, 11, 20, 1, 30)


def test_relative_forms_ask_too() -> None:
    night = datetime(2026, 10, 25, 9, 0).astimezone()
    with pytest.raises(ClockChangeError, match="'01:30 first'"):
        parse_when("01:30", night)
    with pytest.raises(ClockChangeError, match="'yesterday 01:30 second'"):
        parse_when("yesterday 01:30", night + timedelta(days=1))


def test_parse_clock_keeps_the_choice() -> None:
    chosen = parse_clock("01:30 second")
    assert isinstance(chosen, ChosenTime) and chosen.fold == 1 and chosen.choice == "second"
    assert parse_clock(" 01:30  first ").fold == 0 and parse_clock("01:30 1st").choice == "first"
    assert not isinstance(parse_clock("01:30"), ChosenTime)
    with pytest.raises(ValidationError, match="'01:30 third' is not a time"):
        parse_clock("01:30 third")


def test_durations_across_the_night_are_real_time() -> None:
    # Autumn: 22:30 BST on Sat 24 Oct (21:30 UTC) to 07:00 GMT on Sun 25 Oct (07:00 UTC)
    # = 9 h 30 min of real time; the clock face says 8 h 30.
    bed = parse_when("2026-10-24T22:30", NOW)
    up = parse_when("2026-10-25T07:00", NOW)
    assert elapsed_minutes(bed, up) == 9 * 60 + 30
    # Spring: 22:30 GMT on Sat 28 Mar (22:30 UTC) to 07:00 BST on Sun 29 Mar (06:00 UTC)
    # = 7 h 30 min; the clock face says 8 h 30.
    assert elapsed_minutes(parse_when("2026-03-28T22:30", NOW),
                           parse_when("2026-03-29T07:00", NOW)) == 7 * 60 + 30


@pytest.mark.parametrize(("zone", "gap", "meant", "twice", "first", "second"), ZONES)
@pytest.mark.parametrize("how", ["zoneinfo", "TZ"])
def test_other_zones(zone: str, gap: datetime, meant: str, twice: datetime, first: timedelta,
                     second: timedelta, how: str) -> None:
    def run() -> None:
        rules = ZoneInfo(zone) if how == "zoneinfo" else None
        with pytest.raises(ClockChangeError) as caught:
            local_moment(gap, rules, label="Into bed", typed=f"{gap:%H:%M}")
        assert "did not happen" in str(caught.value) and f"write '{meant}'" in str(caught.value)
        assert str(caught.value).startswith(f"Into bed at {gap:%H:%M} on ")
        with pytest.raises(ClockChangeError, match="happened twice"):
            local_moment(twice, rules)
        assert local_moment(twice, rules, choice=0).utcoffset() == first
        assert local_moment(twice, rules, choice=1).utcoffset() == second
        # not strict (records already stored): the first of a repeated time; a skipped time read
        # on the clock from before the change
        assert local_moment(twice, rules, strict=False).utcoffset() == first
        moved = local_moment(gap, rules, strict=False)
        # summer time (the offset of the first of the repeated times), as after the spring change
        assert f"{moved:%H:%M}" == meant and moved.utcoffset() == first

    if how == "TZ":
        with local_zone(zone):
            run()
    else:
        run()


def test_tz_rules_reach_parse_when() -> None:
    with local_zone("America/New_York"):
        now = datetime(2026, 11, 21, 12).astimezone()
        with pytest.raises(ClockChangeError, match="EDT to EST"):
            parse_when("2026-11-01T01:30", now)
        assert parse_when("2026-11-01T01:30 second", now).utcoffset() == timedelta(hours=-5)
        # 2026-03-29T01:30 is an ordinary time in New York
        assert parse_when("2026-03-29T01:30", now).utcoffset() == timedelta(hours=-4)


# A class check: across the change nights of several zones, every minute either keeps the clock
# time the person typed (in its own zone) or is refused / asked about - never silently moved.
_STARTS = [datetime(2026, 3, 28, 20), datetime(2026, 10, 24, 20), datetime(2026, 3, 7, 20),
           datetime(2026, 10, 31, 20), datetime(2026, 10, 3, 20), datetime(2026, 4, 4, 20)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["Europe/London", "America/New_York", "Australia/Sydney",
                        "Australia/Lord_Howe"]),
       st.sampled_from(_STARTS), st.integers(0, 12 * 60 - 1), st.sampled_from([None, 0, 1]))
def test_never_a_silent_shift(zone: str, start: datetime, minutes: int,
                              choice: int | None) -> None:
    rules = ZoneInfo(zone)
    naive = start + timedelta(minutes=minutes)
    change = clock_change_at(naive, rules)
    try:
        moment = local_moment(naive, rules, choice=choice)
    except ClockChangeError as error:
        assert change is not None
        assert error.twice == (not change.forward)
        assert choice is None or change.forward
        return
    assert moment.astimezone(rules).replace(tzinfo=None) == naive
    if change is not None:  # a repeated time: the one asked for
        assert choice is not None
        assert moment.utcoffset() == rules.utcoffset(naive.replace(fold=choice))


def test_a_repeated_time_is_shown_with_its_zone_name() -> None:
    assert show_when(parse_when("2026-10-25T01:30 first", NOW)) == "Sun 25 Oct 01:30 BST"
    assert show_when(parse_when("2026-10-25T01:30 second", NOW)) == "Sun 25 Oct 01:30 GMT"
    # ordinary times, and the hour either side, as before
    assert show_time(parse_when("2026-10-25T00:59", NOW)) == "00:59"
    assert show_time(parse_when("2026-10-25T02:00", NOW)) == "02:00"
    assert show_time(parse_when("2026-03-29T02:30", NOW)) == "02:30"
    assert show_time(parse_when("2026-11-20T08:15", NOW)) == "08:15"
