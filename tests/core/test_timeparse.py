from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.timeparse import (
    parse_clock,
    parse_date,
    parse_when,
    show_date,
    show_minutes,
    week_start,
)

NOW = datetime(2026, 11, 21, 14, 30).astimezone()


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-20", datetime(2026, 11, 20, 12, 0)),
    ("2026-11-20T08:15", datetime(2026, 11, 20, 8, 15)),
    ("2026-11-20 08:15", datetime(2026, 11, 20, 8, 15)),
    ("09:05", datetime(2026, 11, 21, 9, 5)),
    ("9.05", datetime(2026, 11, 21, 9, 5)),
    ("today", datetime(2026, 11, 21, 14, 30)),
    ("yesterday", datetime(2026, 11, 20, 12, 0)),
    ("yesterday 21:00", datetime(2026, 11, 20, 21, 0)),
    ("  Yesterday   21:00 ", datetime(2026, 11, 20, 21, 0)),
    ("yesterday 7pm", datetime(2026, 11, 20, 19, 0)),
    ("tomorrow", datetime(2026, 11, 22, 12, 0)),
])
def test_parse_when_accepts_every_documented_form(text: str, expected: datetime) -> None:
    got = parse_when(text, NOW)
    assert got.replace(tzinfo=None) == expected
    assert got.tzinfo is not None


def test_parse_when_uses_the_offset_in_force_on_that_date() -> None:
    summer = parse_when("2026-07-01T09:00", NOW)
    winter = parse_when("2026-12-01T09:00", NOW)
    assert summer.utcoffset() == timedelta(hours=1)  # BST (tests run in Europe/London)
    assert winter.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "25:00", "12:60", "soonish",
                                  "six", "", "2026-11-21T", "yesterday 7pm extra", "7",
                                  "yesterday whenever", "13pm", "0am"])
def test_parse_when_rejects_with_a_plain_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_when(text, NOW)
    message = str(caught.value)
    assert "Traceback" not in message
    assert any(word in message for word in ("date", "time", "empty"))


def test_impossible_date_says_what_to_check() -> None:
    with pytest.raises(ValidationError, match="not a real date"):
        parse_date("2026-13-01", NOW.date())


def test_parse_date_forms() -> None:
    today = date(2026, 11, 21)
    assert parse_date("today", today) == today
    assert parse_date("yesterday", today) == date(2026, 11, 20)
    assert parse_date("2026-01-05", today) == date(2026, 1, 5)
    assert parse_date("2026-01-05T10:00", today) == date(2026, 1, 5)


def test_parse_clock() -> None:
    assert parse_clock("07:30") == time(7, 30)
    with pytest.raises(ValidationError):
        parse_clock("7")


def test_show_date_reads_like_a_person_writes() -> None:
    assert show_date(date(2026, 11, 21)) == "Sat 21 Nov"
    assert show_date(date(2025, 3, 2), today=date(2026, 11, 21)) == "Sun 2 Mar 2025"


def test_show_minutes() -> None:
    assert show_minutes(425) == "7 h 05 min"
    assert show_minutes(45) == "45 min"
    assert show_minutes(None) == "not enough to work out"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 6))
def test_week_start_is_the_right_weekday_within_seven_days(day: date, first: int) -> None:
    start = week_start(day, first)
    assert start.weekday() == first
    assert 0 <= (day - start).days < 7


@given(st.text(max_size=40))
def test_parse_when_never_raises_anything_but_validation_error(text: str) -> None:
    try:
        parse_when(text, NOW)
    except ValidationError:
        pass


def test_dates_too_far_away_are_a_plain_error() -> None:
    with pytest.raises(ValidationError, match="too far from today"):
        parse_when("0001-01-01", NOW)
