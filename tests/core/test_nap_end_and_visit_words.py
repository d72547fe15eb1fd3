"""Issue 18 item 3: a nap's end and a GP visit's day are written as people write them.

A nap's end: a time alone on the 12-hour clock ('3:10pm', '3pm') means the same as on the 24-hour
clock, and how long it lasted ('40 min', '1 h 10 min') counts on from the start. A GP visit: the
UK grammar with weekdays ahead ('Tue 9:50', '10/12 9:50', '9 Dec 2pm'). Tests run in
Europe/London (tests/conftest.py).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.gp import parse_visit
from paceapp.core.nap import nap_from_minutes, parse_nap_end
from paceapp.core.timeparse import local_moment

NOW = local_moment(datetime(2026, 12, 1, 18, 0))  # a Tuesday


def _twelve_hour(clock: time) -> str:
    hour = clock.hour % 12 or 12
    half = "am" if clock.hour < 12 else "pm"
    return f"{hour}{half}" if clock.minute == 0 else f"{hour}:{clock.minute:02d}{half}"


@settings(max_examples=60, deadline=None)
@given(start_minute=st.integers(0, 24 * 60 - 1), length=st.integers(1, 6 * 60),
       day=st.sampled_from([date(2026, 11, 30), date(2026, 3, 29), date(2026, 10, 25),
                            date(2025, 12, 31)]))
def test_twelve_hour_end_is_the_same_as_twenty_four_hour(start_minute: int, length: int,
                                                        day: date) -> None:
    naive_start = datetime.combine(day, time(0)) + timedelta(minutes=start_minute)
    try:
        started = local_moment(naive_start)
    except ValidationError:  # a time the clocks skipped or repeated: not what this checks
        return
    end_clock = (naive_start + timedelta(minutes=length)).time()
    try:
        as_24 = parse_nap_end(f"{end_clock:%H:%M}", started, NOW)
    except ValidationError:
        return
    assert parse_nap_end(_twelve_hour(end_clock), started, NOW) == as_24
    assert parse_nap_end(_twelve_hour(end_clock).upper(), started, NOW) == as_24


@pytest.mark.parametrize("text, minutes", [
    ("40 min", 40), ("40 minutes", 40), ("40 mins", 40), ("40m", 40), ("1 h 10 min", 70),
    ("1 hour", 60), ("2 hours", 120), ("1h10", 70), ("for 40 min", 40), ("90 min", 90)])
def test_how_long_it_lasted_counts_on_from_the_start(text: str, minutes: int) -> None:
    started = local_moment(datetime(2026, 12, 1, 14, 0))
    assert parse_nap_end(text, started, NOW) == nap_from_minutes(started, minutes)


def test_how_long_counts_real_time_across_the_clocks_going_forward() -> None:
    started = local_moment(datetime(2026, 3, 29, 0, 40))
    ended = parse_nap_end("30 min", started, NOW)
    assert (ended - started) == timedelta(minutes=30)
    assert ended.strftime("%H:%M") == "02:10"


@pytest.mark.parametrize("text", ["40", "7 hours", "0 min", "3pm tomorrowish", "13pm"])
def test_a_nap_end_not_understood_is_refused_plainly(text: str) -> None:
    started = local_moment(datetime(2026, 12, 1, 14, 0))
    with pytest.raises(ValidationError) as raised:
        parse_nap_end(text, started, NOW)
    assert "Traceback" not in str(raised.value)
    assert str(raised.value).strip()


def test_a_bare_number_says_both_ways_of_writing_it() -> None:
    started = local_moment(datetime(2026, 12, 1, 14, 0))
    with pytest.raises(ValidationError, match="40 min"):
        parse_nap_end("40", started, NOW)


@pytest.mark.parametrize("text, day, clock", [
    ("Tue 9:50", date(2026, 12, 1), time(9, 50)),        # today is a Tuesday
    ("Wed 9:50", date(2026, 12, 2), time(9, 50)),        # the coming Wednesday
    ("Mon", date(2026, 12, 7), None),                    # the coming Monday, not the last
    ("10/12 9:50", date(2026, 12, 10), time(9, 50)),
    ("9 Dec 2pm", date(2026, 12, 9), time(14, 0)),
    ("9 December 2026 at 2:30pm", date(2026, 12, 9), time(14, 30)),
    ("tomorrow", date(2026, 12, 2), None),
    ("tomorrow 9:10", date(2026, 12, 2), time(9, 10)),
    ("2026-12-01 10:20", date(2026, 12, 1), time(10, 20)),
    ("today", date(2026, 12, 1), None),
    ("5/1/2027 11am", date(2027, 1, 5), time(11, 0)),
])
def test_gp_visit_reads_uk_dates(text: str, day: date, clock: time | None) -> None:
    assert parse_visit(text, NOW) == (day, clock)


@pytest.mark.parametrize("text", ["", "Tuesday whenever", "31/11 9:50", "9 Dec 25pm", "soon"])
def test_gp_visit_not_understood_lists_the_forms(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_visit(text, NOW)
    message = str(raised.value)
    assert "Traceback" not in message
    if text in ("", "Tuesday whenever", "soon"):
        assert "Tue 9:50" in message and "coming Monday" in message
