"""One date and time grammar, as people in the UK write them (issue 18 item 3).

Properties: every date as the app shows it, and as people write it, reads back as the same day;
every text is either read in full or refused (a word nobody understood is never skipped); a
weekday is the last one (the coming one for appointments); a date without a year is the nearest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.timeparse import (
    ChosenTime,
    ClockChangeError,
    accepted_forms,
    date_hint,
    parse_clock,
    parse_date,
    parse_when,
    show_date,
    show_when,
)

NOW = datetime(2026, 12, 1, 14, 30).astimezone()  # a Tuesday, GMT
TODAY = NOW.date()
DAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31))
TODAYS = st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def written_with_year(day: date) -> list[str]:
    """The ways people write a day with its year."""
    d, m, y = day.day, day.month, day.year
    short, full = f"{day:%b}", MONTHS[m - 1]
    suffix = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return [
        f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y % 100:02d}", f"{d}-{m}-{y}",
        f"{d}.{m}.{y}", f"{day:%Y-%m-%d}", f"{d} {short} {y}", f"{d} {full} {y}",
        f"{short} {d} {y}", f"{full} {d}, {y}", f"{d}{suffix} of {full} {y}",
        f"{WEEKDAYS[day.weekday()]} {d} {full} {y}", f"{day:%a}, {d} {short}. {y}",
        f"{d} {short.upper()} {y}",
    ]


def written_without_year(day: date) -> list[str]:
    d, m = day.day, day.month
    return [f"{d}/{m}", f"{d:02d}/{m:02d}", f"{d} {day:%b}", f"{day:%b} {d}",
            f"{d} {MONTHS[m - 1]}", f"{day:%a} {d} {day:%b}"]


@given(DAYS, TODAYS)
def test_every_date_as_shown_reads_back_as_the_same_day(day: date, today: date) -> None:
    shown = show_date(day, today)  # 'Mon 23 Nov', with the year when not this year
    if day.year != today.year or abs((day - today).days) <= 183:
        assert parse_date(shown, today) == day, shown
    assert parse_date(show_date(day, date(1, 1, 1)), today) == day  # always with the year


@given(DAYS, TODAYS)
def test_every_way_of_writing_a_date_with_its_year_reads_back(day: date, today: date) -> None:
    for text in written_with_year(day):
        assert parse_date(text, today) == day, text
        assert parse_when(text, NOW).date() == day, text


@given(st.integers(-183, 183), TODAYS)
def test_a_date_without_a_year_is_the_nearest_one(offset: int, today: date) -> None:
    day = today + timedelta(days=offset)
    assume(not (day.month == 2 and day.day == 29))
    for text in written_without_year(day):
        got = parse_date(text, today)
        assert (got.month, got.day) == (day.month, day.day), text
        assert abs((got - today).days) <= 183, text
        assert got == day or abs(offset) >= 182, text  # only half a year away can be either


@given(TODAYS, st.integers(0, 6), st.sampled_from(["short", "long", "upper"]))
def test_a_weekday_is_the_last_one_or_the_coming_one(today: date, which: int, style: str) -> None:
    name = WEEKDAYS[which]
    word = {"short": name[:3], "long": name, "upper": name[:3].upper()}[style]
    back = parse_date(word, today)
    assert back.weekday() == which and 0 <= (today - back).days < 7  # today counts
    ahead = parse_date(word, today, ahead=True)
    assert ahead.weekday() == which and 0 <= (ahead - today).days < 7
    last = parse_date(f"last {word}", today)
    assert last.weekday() == which and 1 <= (today - last).days <= 7
    coming = parse_date(f"next {word}", today)
    assert coming.weekday() == which and 1 <= (coming - today).days <= 7


@given(st.integers(0, 23), st.integers(0, 59))
def test_the_12_hour_clock_agrees_with_the_24_hour_clock(hour: int, minute: int) -> None:
    expected = time(hour, minute)
    twelve = hour % 12 or 12
    half = "am" if hour < 12 else "pm"
    forms = [f"{hour:02d}:{minute:02d}", f"{hour}.{minute:02d}", f"{twelve}:{minute:02d}{half}",
             f"{twelve}.{minute:02d} {half.upper()}", f"{twelve}:{minute:02d} {half[0]}.m."]
    if minute == 0:
        forms += [f"{twelve}{half}", f"{twelve} {half}"]
    for text in forms:
        assert parse_clock(text) == expected, text
        assert parse_when(f"yesterday {text}", NOW).replace(tzinfo=None) == datetime.combine(
            TODAY - timedelta(days=1), expected), text


@given(st.integers(0, 365 * 3), st.sampled_from(["days", "day"]))
def test_days_ago(count: int, unit: str) -> None:
    assert parse_date(f"{count} {unit} ago", TODAY) == TODAY - timedelta(days=count)


@pytest.mark.parametrize(("text", "expected"), [
    ("23/11/2026", datetime(2026, 11, 23, 12)), ("23/11", datetime(2026, 11, 23, 12)),
    ("23/11/26", datetime(2026, 11, 23, 12)), ("23 Nov", datetime(2026, 11, 23, 12)),
    ("Nov 23", datetime(2026, 11, 23, 12)), ("23 November 2026", datetime(2026, 11, 23, 12)),
    ("Mon", datetime(2026, 11, 30, 12)), ("Tuesday", datetime(2026, 12, 1, 12)),
    ("today", datetime(2026, 12, 1, 14, 30)), ("now", datetime(2026, 12, 1, 14, 30)),
    ("yesterday", datetime(2026, 11, 30, 12)), ("last night", datetime(2026, 11, 30, 21)),
    ("last night 11pm", datetime(2026, 11, 30, 23)),
    ("last night 2am", datetime(2026, 12, 1, 2)),  # the early hours of today
    ("2 days ago", datetime(2026, 11, 29, 12)), ("two days ago", datetime(2026, 11, 29, 12)),
    ("a week ago", datetime(2026, 11, 24, 12)),
    ("9pm", datetime(2026, 12, 1, 21)), ("9:30am", datetime(2026, 12, 1, 9, 30)),
    ("21:00", datetime(2026, 12, 1, 21)), ("9.30pm", datetime(2026, 12, 1, 21, 30)),
    ("10/12 9:50", datetime(2026, 12, 10, 9, 50)), ("Mon 21:00", datetime(2026, 11, 30, 21)),
    ("yesterday 9pm", datetime(2026, 11, 30, 21)), ("23 Nov 9:30am", datetime(2026, 11, 23, 9, 30)),
    ("Mon at 9pm", datetime(2026, 11, 30, 21)), ("9pm on Mon", datetime(2026, 11, 30, 21)),
    ("9pm yesterday", datetime(2026, 11, 30, 21)), ("yesterday midday", datetime(2026, 11, 30, 12)),
    ("2026-11-23", datetime(2026, 11, 23, 12)), ("2026-11-23T14:30", datetime(2026, 11, 23, 14, 30)),
    ("2026-11-23 14:30", datetime(2026, 11, 23, 14, 30)), ("5 Jan", datetime(2027, 1, 5, 12)),
    ("Mon 30 Nov 21:00", datetime(2026, 11, 30, 21)),
])
def test_the_forms_people_write(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW).replace(tzinfo=None) == expected


def test_show_when_reads_back() -> None:
    for moment in (datetime(2026, 11, 21, 14, 5), datetime(2025, 6, 3, 7, 45)):
        shown = show_when(moment.astimezone(), TODAY)
        assert parse_when(shown, NOW).replace(tzinfo=None) == moment, shown


@pytest.mark.parametrize(("text", "words"), [
    ("yesterday whenever", ["'whenever' was not understood"]),
    ("Mon 21:00 please", ["'please' was not understood"]),
    ("11/23/2026", ["not a real date", "day first"]),
    ("31/04", ["not a real date"]),
    ("29/02", ["leap years", "add the year"]),
    ("Tue 23 Nov", ["is a Monday, not a Tuesday"]),
    ("13pm", ["not a time of day", "1 to 12"]),
    ("25:00", ["not a time of day"]),
    ("midnight", ["00:00"]),
    ("9", ["not a date or time", "9pm"]),
    ("", ["empty"]),
])
def test_refusals_say_what_was_wrong(text: str, words: list[str]) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_when(text, NOW)
    for word in words:
        assert word in str(caught.value)


def test_a_day_field_refuses_a_time_alone_and_reads_last_night() -> None:
    with pytest.raises(ValidationError, match="a day is needed"):
        parse_date("9pm", TODAY)
    assert parse_date("last night", TODAY) == TODAY - timedelta(days=1)
    assert parse_date("last night", TODAY, morning=True) == TODAY  # the sleep diary's morning
    assert parse_date("yesterday 9pm", TODAY) == TODAY - timedelta(days=1)


# -- nothing half read -------------------------------------------------------------------------
_KNOWN = {"first", "second", "am", "pm", "midday", "noon", "midnight", "today", "yesterday",
          "tomorrow", "now", "on", "at", "last", "next", "night", "ago", "of", "a", "an", "st",
          "nd", "rd", "th", "t"}
_KNOWN |= {w.lower() for w in WEEKDAYS} | {w[:3].lower() for w in WEEKDAYS}
_KNOWN |= {"tues", "weds", "thur", "thurs", "sept"}
_KNOWN |= {w.lower() for w in MONTHS} | {w[:3].lower() for w in MONTHS}

VALID_DAYS = st.one_of(
    st.sampled_from(["today", "yesterday", "last night", "2 days ago", "Mon", "last Fri",
                     "23/11", "23 Nov", "Nov 23", "Sat 21 Nov", "2026-11-23", "23/11/26"]),
    DAYS.map(lambda d: f"{d.day}/{d.month}/{d.year}"),
    DAYS.map(lambda d: f"{d.day} {d:%B} {d.year}"),
)
VALID_TIMES = st.sampled_from(["", " 9pm", " 9:30am", " 21:00", " 7.05", " at 6pm", " 10 pm",
                               " 11:59pm second", " 00:10 first"])
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9).filter(
    lambda w: w not in _KNOWN)


@given(VALID_DAYS, VALID_TIMES, WORDS, st.booleans())
def test_a_word_nobody_understood_is_never_skipped(day: str, clock: str, word: str,
                                                   before: bool) -> None:
    text = f"{day}{clock}"
    try:
        parse_when(text, NOW)  # read in full (or refused for the clock change, which is fine)
    except ClockChangeError:
        pass
    spoilt = f"{word} {text}" if before else f"{text} {word}"
    with pytest.raises(ValidationError) as caught:
        parse_when(spoilt, NOW)
    assert not isinstance(caught.value, ClockChangeError)
    named = re.search(r"'([^']*)' was not understood", str(caught.value))
    assert named is not None and word in named[1].split(), str(caught.value)
    with pytest.raises(ValidationError):
        parse_date(spoilt, TODAY)


@given(st.lists(st.sampled_from(sorted(_KNOWN) + ["9pm", "23/11", "2026-11-23", "21:00", "2",
                                                   "23", "2026", "1st", "days", "weeks", ".",
                                                   ",", "9", "12am", "31/02"]), max_size=5))
def test_every_text_is_read_in_full_or_refused_plainly(words: list[str]) -> None:
    text = " ".join(words)
    for reader in (lambda: parse_when(text, NOW), lambda: parse_date(text, TODAY),
                   lambda: parse_clock(text)):
        try:
            reader()
        except ValidationError as error:
            assert "Traceback" not in str(error) and str(error)


# -- clock changes with every form -------------------------------------------------------------
@pytest.mark.parametrize("text", ["29/03/2026 1:30am", "29 Mar 2026 01:30", "Sun 29 Mar 2026 1.30am",
                                  "1:30am on 29/3/2026"])
def test_a_time_the_clocks_skipped_is_refused_however_written(text: str) -> None:
    with pytest.raises(ClockChangeError, match="did not happen") as caught:
        parse_when(text, NOW)
    assert "02:30" in str(caught.value)  # the fix, on the 24-hour clock


@pytest.mark.parametrize("text", ["25/10/2026 1:30am", "25 Oct 2026 01:30", "Sun 25 Oct 2026 1:30 am",
                                  "last night 1:30am"])
def test_a_time_that_happened_twice_is_asked_about_however_written(text: str) -> None:
    now = datetime(2026, 10, 25, 9, 0).astimezone() if text.startswith("last") else NOW
    with pytest.raises(ClockChangeError, match="happened twice") as caught:
        parse_when(text, now)
    assert "01:30 first'" in str(caught.value) and "01:30 second'" in str(caught.value)
    first = parse_when(f"{text} first", now)
    second = parse_when(f"{text} second", now)
    assert (second - first) == timedelta(hours=1)
    assert first.replace(tzinfo=None) == datetime(2026, 10, 25, 1, 30)


def test_parse_clock_12_hour_keeps_the_choice() -> None:
    chosen = parse_clock("1:30am second")
    assert isinstance(chosen, ChosenTime) and chosen.fold == 1 and chosen == time(1, 30)


def test_hints_name_the_forms() -> None:
    for text in (accepted_forms(True), accepted_forms(False), date_hint(True), date_hint(False)):
        assert "23/11" in text and "YYYY" not in text
    assert "9pm" in accepted_forms(True) and "9pm" in date_hint(True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mon 9:30am", (date(2026, 12, 7), time(9, 30))), ("tomorrow", (date(2026, 12, 2), None)),
    ("10/12 9:50", (date(2026, 12, 10), time(9, 50))), ("Fri", (date(2026, 12, 4), None)),
    ("23 Dec at 2pm", (date(2026, 12, 23), time(14))), ("today", (TODAY, None)),
])
def test_an_appointment_day_with_or_without_a_time(text: str, expected: tuple) -> None:
    from paceapp.core.timeparse import parse_day_time

    assert parse_day_time(text, NOW, ahead=True) == expected


def test_a_refusal_for_a_day_to_come_says_a_weekday_is_the_coming_one() -> None:
    with pytest.raises(ValidationError, match=r"the coming Monday") as caught:
        parse_date("Mon soon", TODAY, ahead=True)
    assert "last Monday" not in str(caught.value)
    with pytest.raises(ValidationError, match=r"the last Monday"):
        parse_date("Mon soon", TODAY)


@given(st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2098, 12, 31)),
       st.integers(0, 1), TODAYS)
def test_a_date_or_moment_put_in_a_box_reads_back_the_same(naive: datetime, fold: int,
                                                          today: date) -> None:
    from paceapp.core.timeparse import box_date, box_when, local_moment

    assert parse_date(box_date(naive.date(), today), today) == naive.date()
    moment = local_moment(naive.replace(second=0, microsecond=0), choice=fold, strict=False)
    now = datetime.combine(today, time(12)).astimezone()
    shown = box_when(moment, today)
    assert parse_when(shown, now) == moment, shown


def test_a_box_shows_the_repeated_hour_with_its_word() -> None:
    from paceapp.core.timeparse import box_when

    first = parse_when("25/10/2026 01:30 first", NOW)
    second = parse_when("25/10/2026 01:30 second", NOW)
    assert box_when(first, TODAY) == "Sun 25 Oct 01:30 first"
    assert box_when(second, TODAY) == "Sun 25 Oct 01:30 second"
