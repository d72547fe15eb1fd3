"""Naps (issue 17, item 7): real elapsed time across clock changes, the rules a nap keeps (end
after start, at most 6 h, not in the future, apart from other naps and from the nights), and the
sentence over a period. Tests run in Europe/London (tests/conftest.py).

UK 2026: spring forward Sun 29 Mar 01:00 GMT -> 02:00 BST; fall back Sun 25 Oct 02:00 BST ->
01:00 GMT. US 2026: spring forward Sun 8 Mar 02:00 EST -> 03:00 EDT.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from paceapp.cli.hints import cli_words
from paceapp.core.codec import from_data, to_data
from paceapp.core.edits import apply_edits
from paceapp.core.errors import ValidationError
from paceapp.core.kinds import kind_class
from paceapp.core.nap import (
    MAX_NAP_MIN,
    Nap,
    check_nap_clear_of_nights,
    check_nap_in,
    check_naps_apart,
    check_night_clear_of_naps,
    check_night_in,
    describe_nap,
    nap_from_minutes,
    nap_sentence,
    new_nap,
    parse_nap_end,
    summarise_naps,
)
from paceapp.core.records import Record
from paceapp.core.sleep import SleepNight, new_sleep
from paceapp.core.timeparse import ClockChangeError, local_moment, parse_when
from paceapp.tui.hints import tui_words
from tests.zones import local_zone

NOW = datetime(2026, 11, 21, 20).astimezone()


def at(text: str) -> datetime:
    return parse_when(text, NOW)


def nap(start: str, end: str, note: str = "") -> Nap:
    began = at(start)
    return new_nap(began, parse_nap_end(end, began, NOW), NOW, note)


# -- real elapsed time -----------------------------------------------------------------------
@pytest.mark.parametrize(("start", "end", "minutes"), [
    ("2026-11-21T14:00", "15:10", 70),                 # an ordinary afternoon
    ("2026-11-20T23:30", "00:45", 75),                 # across midnight: the next day
    ("2026-11-20T13:05", "2026-11-20T13:06", 1),       # the shortest
    ("2026-11-20T12:00", "18:00", 360),                # the longest: 6 h exactly
    # spring: 00:40 GMT (00:40 UTC) to 02:10 BST (01:10 UTC) is 30 min, not 1 h 30 on the clock
    ("2026-03-29T00:40", "02:10", 30),
    # spring, an afternoon nap the day after: an ordinary day again (BST all through)
    ("2026-03-29T14:00", "15:00", 60),
    # autumn: 00:30 BST (23:30 UTC) to the second 01:30 (GMT, 01:30 UTC) is 2 h, not 1 h
    ("2026-10-25T00:30", "01:30 second", 120),
    # autumn: the first 01:30 (BST, 00:30 UTC) to the second 01:10 (GMT, 01:10 UTC) is 40 min,
    # though 01:10 is earlier on the clock: the same night, not the next day
    ("2026-10-25T01:30 first", "01:10 second", 40),
    # autumn: 01:50 BST (00:50 UTC) to 01:20 GMT written with its date (01:20 UTC): 30 min
    ("2026-10-25T01:50 first", "2026-10-25T01:20 second", 30),
])
def test_minutes_are_real_elapsed_time(start: str, end: str, minutes: int) -> None:
    made = nap(start, end)
    assert made.minutes == minutes
    assert made.derived() == {"minutes": minutes}
    assert made.day == at(start).date()  # dated by the day it started


def test_minutes_in_another_zone_across_its_spring_change() -> None:
    # New York, Sun 8 Mar 2026: 01:30 EST (06:30 UTC) to 03:15 EDT (07:15 UTC) is 45 min
    with local_zone("America/New_York"):
        now = datetime(2026, 3, 8, 20).astimezone()
        began = parse_when("2026-03-08T01:30", now)
        made = new_nap(began, parse_nap_end("03:15", began, now), now)
        assert made.minutes == 45
        ended = nap_from_minutes(began, 45)
        assert (ended.hour, ended.minute, ended.tzname()) == (3, 15, "EDT")


def test_minutes_option_counts_real_time_across_the_change() -> None:
    # 00:40 GMT + 30 real minutes = 01:10 UTC = 02:10 BST on the clock
    ended = nap_from_minutes(at("2026-03-29T00:40"), 30)
    assert (ended.hour, ended.minute, ended.utcoffset()) == (2, 10, timedelta(hours=1))
    with pytest.raises(ValidationError, match="at most 360 minutes"):
        nap_from_minutes(at("2026-11-21T12:00"), 361)
    with pytest.raises(ValidationError, match="at least 1 minute"):
        nap_from_minutes(at("2026-11-21T12:00"), 0)


def test_times_the_clocks_skipped_or_repeated_are_said_not_shifted() -> None:
    began = at("2026-03-29T00:40")
    with pytest.raises(ClockChangeError, match="did not happen"):
        parse_nap_end("01:30", began, NOW)          # 01:00-01:59 did not happen that night
    autumn = at("2026-10-25T00:30")
    with pytest.raises(ClockChangeError, match="happened twice"):
        parse_nap_end("01:30", autumn, NOW)         # first or second?


def test_a_bare_end_time_is_on_the_start_day_or_the_next() -> None:
    began = at("2026-11-20T14:00")
    assert parse_nap_end("15:10", began, NOW) == at("2026-11-20T15:10")
    assert parse_nap_end("13:00", began, NOW) == at("2026-11-21T13:00")  # then refused: 23 h
    assert parse_nap_end("yesterday 15:00", began, NOW) == at("2026-11-20T15:00")
    assert parse_nap_end("now", began, NOW) == NOW


# -- rules on a nap ------------------------------------------------------------------------
@pytest.mark.parametrize(("start", "end", "words", "field"), [
    ("2026-11-21T14:00", "2026-11-21T14:00", "must be after its start", "ended"),
    ("2026-11-21T14:00", "2026-11-21T13:00", "must be after its start", "ended"),
    ("2026-11-21T12:00", "2026-11-21T18:01", "a nap can be at most 6 h 00 min", "ended"),
    ("2026-11-20T14:00", "13:00", "is 23 h 00 min: a nap can be at most", "ended"),
    ("2026-11-21T19:30", "20:06", "is in the future", "ended"),
    ("2026-11-21T20:06", "20:30", "Sat 21 Nov 20:06 is in the future", "started"),
])
def test_impossible_naps_are_refused_naming_the_field(start: str, end: str, words: str,
                                                       field: str) -> None:
    with pytest.raises(ValidationError, match=words) as caught:
        nap(start, end)
    assert caught.value.field == field


def test_a_clock_a_little_fast_is_allowed_for() -> None:
    assert nap("2026-11-21T19:30", "20:05").minutes == 35


def test_longest_nap_is_six_hours() -> None:
    assert MAX_NAP_MIN == 360
    assert nap("2026-11-21T12:00", "18:00").minutes == 360


def test_round_trip_edit_and_registry() -> None:
    made = nap("2026-11-21T14:00", "15:10", "after the bus")
    data = to_data(made)
    assert data["started"] == "2026-11-21T14:00:00+00:00" and data["note"] == "after the bus"
    assert from_data(Nap, data) == made
    assert kind_class("nap") is Nap and kind_class("naps") is Nap
    changed = apply_edits(made, ["ended=2026-11-21T15:40"], NOW)
    assert changed.minutes == 100
    with pytest.raises(ValidationError, match="at most 6 h"):
        apply_edits(made, ["ended=2026-11-21T21:00"], NOW)
    assert describe_nap(made) == "nap Sat 21 Nov 14:00 to 15:10 (1 h 10 min)"
    assert made.summary() == {"id": made.id[:8], "day": "Sat 21 Nov", "from-to": "14:00-15:10",
                              "lasted": "1 h 10 min", "note": "after the bus"}


# -- apart from other naps and from the nights ---------------------------------------------
def night(morning: date, **times: time) -> SleepNight:
    return new_sleep(morning, date(2026, 11, 21), **times)  # type: ignore[arg-type]


LAST_NIGHT = dict(bed=time(22, 30), tried=time(22, 45), woke=time(6, 10), up=time(6, 30))


@pytest.mark.parametrize(("start", "end", "field"), [
    ("2026-11-21T06:00", "07:00", "started"),   # begins inside the night, ends after it
    ("2026-11-20T22:00", "23:00", "ended"),     # begins before into bed, ends inside
    ("2026-11-21T01:00", "02:00", "started"),   # wholly inside
    ("2026-11-20T22:00", "2026-11-21T04:00", "ended"),  # a night logged as a nap
])
def test_a_nap_inside_a_nights_time_in_bed_is_refused(start: str, end: str,
                                                      field: str) -> None:
    logged = night(date(2026, 11, 21), **LAST_NIGHT)
    with pytest.raises(ValidationError) as caught:
        check_nap_clear_of_nights([logged], nap(start, end))
    message = str(caught.value)
    assert "overlaps the night to Sat 21 Nov (into bed 22:30, out of bed 06:30)" in message
    assert "paceapp" not in message and "Diary" not in message  # each front end adds its hint
    assert f"paceapp delete sleep {logged.id[:8]}" in cli_words(caught.value)
    assert "press x" in tui_words(caught.value)
    assert caught.value.field == field


def test_a_nap_touching_the_night_is_kept() -> None:
    logged = night(date(2026, 11, 21), **LAST_NIGHT)
    check_nap_clear_of_nights([logged], nap("2026-11-21T06:30", "07:30"))   # from out of bed
    check_nap_clear_of_nights([logged], nap("2026-11-20T21:00", "22:30"))   # to into bed


def test_a_night_with_some_times_missing_counts_from_its_first_to_its_last() -> None:
    partial = night(date(2026, 11, 21), tried=time(23), woke=time(6))
    with pytest.raises(ValidationError, match=r"tried to sleep 23:00, final awakening 06:00"):
        check_nap_clear_of_nights([partial], nap("2026-11-21T05:30", "07:00"))
    check_nap_clear_of_nights([night(date(2026, 11, 21), bed=time(23))],
                              nap("2026-11-21T05:30", "07:00"))  # one time: no span


def test_the_same_rule_from_the_night() -> None:
    afternoon = nap("2026-11-20T14:00", "15:00")
    with pytest.raises(ValidationError, match="covers a nap Fri 20 Nov 14:00 to 15:00") as caught:
        check_night_clear_of_naps([afternoon],
                                  night(date(2026, 11, 21), bed=time(13), up=time(7)))
    assert caught.value.field == "bed"
    check_night_clear_of_naps([afternoon], night(date(2026, 11, 21), **LAST_NIGHT))


def test_naps_do_not_overlap_each_other_but_a_changed_nap_is_not_its_own_rival(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T20:00")
    first = nap("2026-11-21T13:00", "14:00")
    with pytest.raises(ValidationError, match="overlaps another nap Sat 21 Nov 13:00 to 14:00"):
        check_naps_apart([first], nap("2026-11-21T13:30", "14:30"))
    check_naps_apart([first], nap("2026-11-21T14:00", "14:30"))
    moved = dataclasses.replace(first, ended=at("2026-11-21T14:20"))
    check_naps_apart([first], moved)
    with pytest.raises(ValidationError, match="is in the future"):
        dataclasses.replace(first, ended=at("2026-11-21T21:00")).check_among([first])


def reader(records: list[Record]):  # noqa: ANN201 - a stand-in for Journal.list
    def read(cls: type[Record], since: date | None = None,
             until: date | None = None) -> list[Record]:
        return [r for r in records if isinstance(r, cls) and r.day is not None
                and (since is None or r.day >= since) and (until is None or r.day <= until)]
    return read


@settings(max_examples=400, deadline=None)
# the far edges: a nap from 23:00 on the 8th to 05:00 on the 9th, and a night from 02:00 on the
# 9th to 01:00 on the 10th (23 h in bed, dated the 10th) - two days apart by their dates
@example(bed=120, tib=23 * 60, start_offset=-2 * 1440 + 23 * 60, length=360)
# a nap late on the 10th and a night to the 10th that ends late that evening (no midnight)
@example(bed=60, tib=22 * 60 + 50, start_offset=23 * 60 + 40, length=60)
@given(bed=st.integers(0, 24 * 60 - 1), tib=st.integers(1, 24 * 60 - 1),
       start_offset=st.integers(-2 * 1440, 2 * 1440), length=st.integers(1, MAX_NAP_MIN))
def test_the_period_read_finds_every_night_and_nap_that_could_overlap(
        bed: int, tib: int, start_offset: int, length: int) -> None:
    """check_nap_in reads only a few days around the nap (and check_night_in a few around the
    night); each must decide exactly as a check against every stored record would (the class
    of defect: a window a day short). A night to the morning of 10 Nov may start on the 9th
    (crossing midnight) and last up to 24 h; a nap may start up to two days either side."""
    morning = date(2026, 11, 10)
    up = bed + tib
    logged = night(morning, bed=time(bed // 60, bed % 60),
                   up=time((up // 60) % 24, up % 60))
    other = nap("2026-11-10T12:00", "13:00")
    naive = datetime.combine(morning, time(0)) + timedelta(minutes=start_offset)
    began = local_moment(naive)
    candidate = new_nap(began, nap_from_minutes(began, length), NOW)

    def outcome(check) -> str:  # noqa: ANN001
        try:
            check()
        except ValidationError as error:
            return str(error)
        return "kept"

    everything = [logged, other]
    windowed = outcome(lambda: check_nap_in(reader(everything), candidate))
    full = outcome(lambda: (check_naps_apart([other], candidate),
                            check_nap_clear_of_nights([logged], candidate)))
    assert windowed == full
    from_night = outcome(lambda: check_night_in(reader([candidate]), logged))
    assert (from_night == "kept") == (outcome(
        lambda: check_nap_clear_of_nights([logged], candidate)) == "kept")


# -- over a period -------------------------------------------------------------------------
def test_sentence_counts_naps_that_started_in_the_period() -> None:
    naps = [nap("2026-11-06T14:00", "15:00"),        # the day before: left out
            nap("2026-11-07T14:00", "14:40"),        # 40
            nap("2026-11-15T13:00", "13:45"),        # 45
            nap("2026-11-20T23:40", "00:20"),        # 40, started on the last day
            nap("2026-11-21T14:00", "14:30")]        # the day after: left out
    # 40 + 45 + 40 = 125 min = 2 h 05 min, over 7-20 Nov = 14 days
    summary = summarise_naps(naps, date(2026, 11, 7), date(2026, 11, 20))
    assert (summary.count, summary.total_min, summary.days) == (3, 125, 14)
    assert nap_sentence(naps, date(2026, 11, 7), date(2026, 11, 20)) == (
        "Naps (not counted in the nights): 3 over 14 days, 2 h 05 min in all.")
    assert summary.card_text() == "3, 2 h 05 min in all"


def test_no_naps_no_sentence() -> None:
    assert nap_sentence([], date(2026, 11, 8), date(2026, 11, 21)) == ""
    one = [nap("2026-11-21T14:00", "14:45")]
    assert nap_sentence(one, date(2026, 11, 21), date(2026, 11, 21)) == (
        "Naps (not counted in the nights): 1 over 1 day, 45 min in all.")
