"""The calendar writer (.ics, RFC 5545), read back with a real iCalendar parser (icalendar)."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.gp import Appointment, GpItem, ItemState
from paceapp.core.sharing import GroupPlan
from paceapp.outputs.calendar import (
    GP_LENGTH,
    GP_REMINDER,
    MEETING_LENGTH,
    Event,
    GpDate,
    clean,
    escape,
    fold,
    gp_event,
    ics_bytes,
    meeting_event,
    plan_uid,
    render_ics,
    upcoming_gp,
)

LONDON = ZoneInfo("Europe/London")
STAMP = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def only_event(data: bytes) -> icalendar.Event:
    events = list(parse(data).walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF (every line must end in CRLF)"
    assert b"\r" not in data.replace(b"\r\n", b""), "a bare CR"
    return data[:-2].split(b"\r\n")


def unfolded(data: bytes) -> list[str]:
    """The logical content lines (RFC 5545 3.1 unfolding)."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def check_well_formed(data: bytes) -> None:
    """CRLF everywhere; no physical line over 75 octets; each one whole UTF-8 (no character
    split across a fold); continuation lines start with exactly one space."""
    for line in physical_lines(data):
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises if a fold split a character


def appointment(**changes: object) -> Appointment:
    base = Appointment(visit_date=date(2026, 3, 30), visit_time=time(9, 30), clinician="Dr Okafor",
                       concerns=(GpItem(text="Knee pain on stairs"),
                                 GpItem(text="Sleep", state=ItemState.DEALT),
                                 GpItem(text="Low mood"), GpItem(text="Stomach ache"),
                                 GpItem(text="Fourth open concern")))
    return dataclasses.replace(base, **changes)


def gp_ics(appt: Appointment, *, zone: ZoneInfo | None = LONDON, **kwargs: object) -> bytes:
    event = gp_event(appt, **kwargs)  # type: ignore[arg-type]
    assert event is not None
    return ics_bytes([event], STAMP, zone)


# -- the calendar and the GP event ---------------------------------------------------------
def test_the_calendar_has_the_required_properties() -> None:
    data = gp_ics(appointment(), practice="Riverside Surgery")
    cal = parse(data)
    assert str(cal["VERSION"]) == "2.0"
    assert "paceapp" in str(cal["PRODID"])
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    lines = unfolded(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    check_well_formed(data)


def test_gp_event_fields() -> None:
    appt = appointment()
    event = only_event(gp_ics(appt, practice="Riverside Surgery, Leeds"))
    assert str(event["UID"]) == f"paceapp-gp-{appt.id}"
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["SUMMARY"]) == "GP appointment"
    assert str(event["LOCATION"]) == "Riverside Surgery, Leeds"
    description = str(event["DESCRIPTION"])
    assert GP_REMINDER in description and "With: Dr Okafor" in description
    assert event.decoded("DTEND") - event.decoded("DTSTART") == GP_LENGTH == timedelta(minutes=10)
    assert str(event["CLASS"]) == "PRIVATE"
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(days=-1)
    assert GP_REMINDER in str(alarms[0]["DESCRIPTION"])


def test_concerns_stay_out_unless_asked() -> None:
    appt = appointment()
    plain = gp_ics(appt).decode()
    for item in appt.concerns:
        assert item.text not in plain.replace("\r\n ", "")
    description = str(only_event(gp_ics(appt, with_concerns=True))["DESCRIPTION"])
    # The top three still to raise, in order; the one dealt with and the fourth open one left out.
    assert "1. Knee pain on stairs\n2. Low mood\n3. Stomach ache" in description
    assert "Sleep" not in description and "Fourth" not in description


def test_no_location_and_no_reminder_when_not_wanted() -> None:
    event = only_event(gp_ics(appointment(clinician=""), practice="", reminder=False))
    assert "LOCATION" not in event and not list(event.walk("VALARM"))
    assert "With:" not in str(event["DESCRIPTION"])


def test_no_date_no_event() -> None:
    assert gp_event(Appointment()) is None


def test_uid_is_stable_and_a_newer_file_has_a_higher_sequence() -> None:
    appt = appointment()
    event = gp_event(appt)
    assert event is not None
    first = only_event(ics_bytes([event], STAMP, LONDON))
    later = only_event(ics_bytes([gp_event(dataclasses.replace(
        appt, visit_time=time(11, 0)))], STAMP + timedelta(days=2), LONDON))  # type: ignore[list-item]
    assert first["UID"] == later["UID"]
    assert int(later["SEQUENCE"]) > int(first["SEQUENCE"]) >= 0


# -- times: local to UTC across the UK clock changes -----------------------------------------
@pytest.mark.parametrize(("day", "clock", "utc"), [
    (date(2026, 3, 27), time(9, 30), datetime(2026, 3, 27, 9, 30, tzinfo=UTC)),   # GMT
    (date(2026, 3, 30), time(9, 30), datetime(2026, 3, 30, 8, 30, tzinfo=UTC)),   # BST
    (date(2026, 10, 23), time(9, 30), datetime(2026, 10, 23, 8, 30, tzinfo=UTC)),  # BST
    (date(2026, 10, 26), time(9, 30), datetime(2026, 10, 26, 9, 30, tzinfo=UTC)),  # GMT
    (date(2026, 12, 31), time(23, 50), datetime(2026, 12, 31, 23, 50, tzinfo=UTC)),
    (date(2026, 7, 1), time(0, 5), datetime(2026, 6, 30, 23, 5, tzinfo=UTC)),     # day before
])
@pytest.mark.parametrize("zone", [LONDON, None], ids=["zoneinfo", "system-rules"])
def test_times_are_utc_across_the_clock_change(day: date, clock: time, utc: datetime,
                                               zone: ZoneInfo | None) -> None:
    # zone None: this computer's rules (the tests run with TZ=Europe/London).
    data = gp_ics(appointment(visit_date=day, visit_time=clock), zone=zone)
    event = only_event(data)
    assert event.decoded("DTSTART") == utc
    assert event.decoded("DTEND") == utc + GP_LENGTH
    raw = next(line for line in unfolded(data) if line.startswith("DTSTART"))
    assert raw == f"DTSTART:{utc:%Y%m%dT%H%M%S}Z"


@settings(max_examples=60, deadline=None)
@given(day=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
       minutes=st.integers(0, 24 * 60 - 1),
       length=st.integers(1, 12 * 60))
def test_any_local_time_reads_back_as_that_local_time(day: date, minutes: int,
                                                      length: int) -> None:
    clock = time(minutes // 60, minutes % 60)
    local = datetime.combine(day, clock, tzinfo=LONDON)
    if local.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) != local.replace(tzinfo=None):
        return  # 01:xx on the spring-forward night does not exist on a UK clock
    event = Event(uid="u", summary="s", day=day, clock=clock, length=timedelta(minutes=length))
    parsed = only_event(ics_bytes([event], STAMP, LONDON))
    start, end = parsed.decoded("DTSTART"), parsed.decoded("DTEND")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert start.astimezone(LONDON).replace(tzinfo=None) == datetime.combine(day, clock)
    assert end - start == timedelta(minutes=length)  # real elapsed time, even over a clock change


def test_a_meeting_over_the_clock_change_lasts_its_real_length() -> None:
    # 00:30 on the night the clocks go forward, two hours long: ends 03:30 BST = 02:30Z.
    plan = GroupPlan(first_meeting=date(2026, 3, 29), every_weeks=0, meet_time=time(0, 30))
    event = meeting_event(plan, date(2026, 3, 20))
    assert event is not None
    parsed = only_event(ics_bytes([event], STAMP, LONDON))
    assert parsed.decoded("DTSTART") == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert parsed.decoded("DTEND") == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)


# -- all-day events -----------------------------------------------------------------------------
def test_no_time_gives_an_all_day_event() -> None:
    data = gp_ics(appointment(visit_time=None))
    lines = unfolded(data)
    assert "DTSTART;VALUE=DATE:20260330" in lines and "DTEND;VALUE=DATE:20260331" in lines
    event = only_event(data)
    start = event.decoded("DTSTART")
    assert type(start) is date and start == date(2026, 3, 30)
    assert event.decoded("DTEND") == date(2026, 3, 31)
    # The reminder: 18:00 the evening before (6 hours before the day starts), not midnight.
    assert event.walk("VALARM")[0].decoded("TRIGGER") == timedelta(hours=-6)
    assert "tomorrow." in str(event.walk("VALARM")[0]["DESCRIPTION"])


# -- text: escaping, folding, hostile input ------------------------------------------------------
def test_escape() -> None:
    assert escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


LONG_UNICODE = ("Surgery, Café \"Zoë\"; 🙂👍🏽 👨‍👩‍👧 ünïcödé — 日本語テキスト "
                "back\\slash, semi;colon, ") * 6


@pytest.mark.parametrize("shift", range(8))
def test_long_unicode_text_folds_without_splitting_a_character(shift: int) -> None:
    # Shifting the start moves the 75-octet boundaries through every byte of the 4-byte emoji.
    place = "x" * shift + LONG_UNICODE
    data = gp_ics(appointment(), practice=place)
    check_well_formed(data)
    assert len(physical_lines(data)) > len(unfolded(data))  # it really was folded
    assert str(only_event(data)["LOCATION"]) == clean(place)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_round_trips_and_stays_well_formed(text: str) -> None:
    event = Event(uid="u", summary=f"Event {text}", day=date(2026, 4, 1), location=text,
                  description=(text, "second line"), reminder=f"Soon {text}")
    data = ics_bytes([event], STAMP)
    check_well_formed(data)
    parsed = only_event(data)
    cleaned = clean(text)
    assert str(parsed["SUMMARY"]) == clean(f"Event {text}")
    assert str(parsed.walk("VALARM")[0]["DESCRIPTION"]) == clean(f"Soon {text}")
    assert str(parsed["DESCRIPTION"]) == (f"{cleaned}\nsecond line" if cleaned else "second line")
    assert (str(parsed["LOCATION"]) if "LOCATION" in parsed else "") == cleaned
    # Nothing the text held can start a property or a component of its own.
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in unfolded(data)]
    assert names.count("BEGIN") == names.count("END") == 3  # VCALENDAR, VEVENT, VALARM
    assert len(list(parse(data).walk("VEVENT"))) == 1


HOSTILE = ("Hall\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\nSUMMARY:Pay now\x00\x07"
           "\x1b[31mred\x1b[0m\u202eevil\u2066 \x85next\u2028line\u2029para\x0b\x0c\x7f\x9b"
           "; Room 2, back\\door")


def test_a_hostile_peer_place_stays_one_plain_value() -> None:
    plan = GroupPlan(first_meeting=date(2026, 4, 7), every_weeks=2, meet_time=time(10, 30),
                     place=HOSTILE, rhythm=HOSTILE, access=HOSTILE)
    event = meeting_event(plan, date(2026, 3, 20))
    assert event is not None
    data = ics_bytes([event], STAMP, LONDON)
    check_well_formed(data)
    cal = parse(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    location = str(events[0]["LOCATION"])
    assert location.startswith("Hall END:VEVENT BEGIN:VEVENT UID:evil SUMMARY:Pay now")
    assert location.endswith("; Room 2, back\\door")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", location)
    assert str(events[0]["UID"]) == plan_uid(plan) and str(events[0]["SUMMARY"]) == \
        "Peer group meeting"
    description = str(events[0]["DESCRIPTION"])
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", description)
    # Every line of the file starts with a property the writer chose, or a fold's space.
    for line in unfolded(data):
        assert re.match(r"^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|UID|DTSTAMP|SEQUENCE|"
                        r"DTSTART|DTEND|SUMMARY|LOCATION|DESCRIPTION|CLASS|TRANSP|STATUS|ACTION|"
                        r"TRIGGER)[;:]", line), line


def test_clean_caps_very_long_text() -> None:
    assert len(clean("a" * 5000)) == 1000 and clean("a" * 5000).endswith("…")
    assert clean("  two\n\nlines\t here ") == "two lines here"


def test_fold_keeps_short_lines_and_counts_octets() -> None:
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = fold("é" * 60)  # 120 octets: 37 characters (74 octets) fit on the first line
    assert folded.split("\r\n")[0] == "é" * 37


# -- the group's next meeting ---------------------------------------------------------------------
def plan(**changes: object) -> GroupPlan:
    base = GroupPlan(rhythm="Every other Tuesday, 10:30 to 12:00", first_meeting=date(2026, 3, 10),
                     every_weeks=2, meet_time=time(10, 30), place="The library",
                     access="Step-free; lift to floor 1")
    return dataclasses.replace(base, **changes)


def test_the_next_meeting_is_one_event_in_utc() -> None:
    event = meeting_event(plan(), date(2026, 3, 25))  # meetings 10 Mar, 24 Mar, 7 Apr ...
    assert event is not None
    parsed = only_event(ics_bytes([event], STAMP, LONDON))
    assert parsed.decoded("DTSTART") == datetime(2026, 4, 7, 9, 30, tzinfo=UTC)  # 10:30 BST
    # The plan's words say it ends at 12:00.
    assert parsed.decoded("DTEND") == datetime(2026, 4, 7, 11, 0, tzinfo=UTC)
    assert "RRULE" not in parsed  # only the next meeting (see the module's docstring)
    assert str(parsed["LOCATION"]) == "The library"
    assert "Access: Step-free; lift to floor 1" in str(parsed["DESCRIPTION"])
    assert str(parsed["SUMMARY"]) == "Peer group meeting"


@pytest.mark.parametrize(("rhythm", "length"), [
    ("", MEETING_LENGTH),
    ("Every Tuesday", MEETING_LENGTH),
    ("Tuesdays 10.30-11.45", timedelta(minutes=75)),
    ("10:30 until 13:00", timedelta(hours=2, minutes=30)),
    ("Every week, 14:00 to 15:00", MEETING_LENGTH),  # not the meeting's start time
    ("10:30 to 10:31", MEETING_LENGTH),  # too short to be meant
    ("10:30 to 99:99", MEETING_LENGTH),
])
def test_meeting_length_from_the_plan(rhythm: str, length: timedelta) -> None:
    event = meeting_event(plan(rhythm=rhythm), date(2026, 3, 1))
    assert event is not None and event.length == length


def test_meeting_without_a_time_is_all_day_and_none_without_a_date() -> None:
    event = meeting_event(plan(meet_time=None), date(2026, 3, 11))
    assert event is not None and event.clock is None and event.day == date(2026, 3, 24)
    assert "DTSTART;VALUE=DATE:20260324" in render_ics([event], STAMP)
    assert meeting_event(plan(first_meeting=None), date(2026, 3, 11)) is None
    assert meeting_event(plan(every_weeks=0), date(2026, 3, 11)) is None  # went by, no rhythm
    assert meeting_event(plan(every_weeks=0), date(2026, 3, 10)) is not None  # today


def test_the_meeting_uid_is_stable_per_plan_and_private() -> None:
    first = plan()
    edited = dataclasses.replace(first, place="Somewhere else", updated=STAMP)
    other = dataclasses.replace(first, created=first.created + timedelta(seconds=1))
    assert plan_uid(first) == plan_uid(edited) != plan_uid(other)
    assert first.id not in plan_uid(first)


def test_upcoming_gp_says_why_not() -> None:
    today = date(2026, 3, 20)
    assert upcoming_gp([], today) == (None, GpDate.NONE)
    undated = Appointment()
    assert upcoming_gp([undated], today) == (undated, GpDate.UNDATED)
    past = appointment(visit_date=date(2026, 3, 19))
    assert upcoming_gp([past], today) == (past, GpDate.PAST)
    ready = appointment(visit_date=today)
    assert upcoming_gp([ready], today) == (ready, GpDate.READY)
    closed = dataclasses.replace(ready, closed=True)
    assert upcoming_gp([closed], today) == (None, GpDate.NONE)
