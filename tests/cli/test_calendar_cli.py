"""`paceapp calendar gp|meeting`: the .ics on standard output or in a file, read back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from paceapp.core.gp import Appointment
from paceapp.core.sharing import GroupPlan
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

#: A fixed clock (winter): the appointment below is after the clocks go forward.
NOW = "2026-03-20T12:00:00+00:00"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


def one_event(data: str | bytes) -> icalendar.Event:
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def prepared(cli, when: str = "2026-03-30 09:30") -> None:  # noqa: ANN001 - the fixture's runner
    assert cli("gp", "date", when, "--with", "Dr Okafor").code == 0
    assert cli("gp", "concern", "add", "Knee swelling at night").code == 0
    assert cli("settings", "set", "--practice", "Riverside Surgery, Leeds").code == 0


def test_gp_prints_the_calendar_file(cli) -> None:  # noqa: ANN001
    prepared(cli)
    ran = cli("calendar", "gp")
    assert ran.code == 0, ran.err
    event = one_event(ran.out)
    assert str(event["SUMMARY"]) == "GP appointment"
    assert event.decoded("DTSTART") == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)  # 09:30 BST
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=10)
    assert event.decoded("DTSTAMP") == datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Riverside Surgery, Leeds"
    assert "Bring your list and your medicines." in str(event["DESCRIPTION"])
    # The concern stays private unless asked for.
    assert "Knee swelling" not in ran.out.replace("\r\n ", "")
    assert ran.err == ""


def test_gp_uid_comes_from_the_appointment(cli, data_dir: Path) -> None:  # noqa: ANN001
    prepared(cli)
    appt = [a for a in Journal.open(data_dir).list(Appointment) if not a.closed][0]
    first = one_event(cli("calendar", "gp").out)
    assert cli("gp", "date", "2026-03-27 09:30").code == 0  # moved: same appointment
    moved = one_event(cli("calendar", "gp").out)
    assert str(first["UID"]) == str(moved["UID"]) == f"paceapp-gp-{appt.id}"
    assert moved.decoded("DTSTART") == datetime(2026, 3, 27, 9, 30, tzinfo=UTC)  # 09:30 GMT


def test_with_concerns_adds_them(cli) -> None:  # noqa: ANN001
    prepared(cli)
    event = one_event(cli("calendar", "gp", "--with-concerns").out)
    assert "1. Knee swelling at night" in str(event["DESCRIPTION"])


def test_all_day_without_a_time_and_no_reminder(cli) -> None:  # noqa: ANN001
    prepared(cli, "2026-03-30")
    event = one_event(cli("calendar", "gp", "--no-reminder").out)
    assert event.decoded("DTSTART") == date(2026, 3, 30)
    assert not list(event.walk("VALARM"))


@pytest.mark.parametrize("out", [(), ("--out", "-")], ids=["no-out", "dash"])
def test_standard_output_is_the_exact_file_bytes(data_dir: Path, tmp_path: Path,
                                                 out: tuple[str, ...],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Through CliRunner's byte stream: CRLF line endings, nothing else on stdout, no file."""
    from paceapp.cli.root import build_cli

    Journal.open(data_dir).add(Appointment(visit_date=date(2026, 3, 30), visit_time=time(9, 30)))
    here = tmp_path / "working"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(build_cli(), ["--data-dir", str(data_dir), "calendar", "gp", *out],
                                env={"PACEAPP_NOW": NOW})
    assert list(here.iterdir()) == []  # '-' is standard output, never a file
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert one_event(raw).decoded("DTSTART") == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)


def test_gp_out_writes_a_file_and_does_not_replace_it_without_force(
        cli, tmp_path: Path) -> None:  # noqa: ANN001
    prepared(cli)
    target = tmp_path / "gp.ics"
    ran = cli("calendar", "gp", "--out", str(target))
    assert ran.code == 0, ran.err
    assert str(target.resolve()) in ran.out and "calendar" in ran.out
    assert one_event(target.read_bytes()).decoded("DTSTART") == datetime(2026, 3, 30, 8, 30,
                                                                         tzinfo=UTC)
    before = target.read_bytes()
    assert cli("gp", "date", "2026-03-31 11:00").code == 0
    again = cli("calendar", "gp", "--out", str(target))
    assert again.code == 2 and "--force" in again.err and again.out == ""
    assert target.read_bytes() == before
    forced = cli("calendar", "gp", "--out", str(target), "--force")
    assert forced.code == 0, forced.err
    assert one_event(target.read_bytes()).decoded("DTSTART") == datetime(2026, 3, 31, 10, 0,
                                                                         tzinfo=UTC)


def test_a_file_called_dash_can_still_be_named(cli, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    prepared(cli)
    monkeypatch.chdir(tmp_path)
    ran = cli("calendar", "gp", "--out", "./-")
    assert ran.code == 0, ran.err
    assert one_event((tmp_path / "-").read_bytes())["SUMMARY"] == "GP appointment"


@pytest.mark.parametrize(("setup", "words"), [
    ((), "Set its date first: paceapp gp date"),
    ((("gp", "concern", "add", "Knee"),), "has no date yet"),
    ((("gp", "date", "2026-03-19 10:00"),), "has gone by"),
])
def test_gp_without_an_upcoming_date_says_what_to_do(cli, data_dir: Path, tmp_path: Path,
                                                     setup: tuple[tuple[str, ...], ...],
                                                     words: str) -> None:  # noqa: ANN001
    for args in setup:
        assert cli(*args).code == 0
    before = folder_bytes(data_dir)
    target = tmp_path / "gp.ics"
    for extra in ((), ("--out", str(target))):
        ran = cli("calendar", "gp", *extra)
        assert ran.code == 2
        assert words in ran.err and ran.out == ""
        assert "Traceback" not in ran.err
    assert not target.exists()
    assert folder_bytes(data_dir) == before


def plan(**changes: object) -> GroupPlan:
    values: dict[str, object] = {"rhythm": "Every other Tuesday, 10:30 to 12:00",
                                 "first_meeting": date(2026, 3, 10), "every_weeks": 2,
                                 "meet_time": time(10, 30), "place": "The library; room 2"}
    values.update(changes)
    return GroupPlan(**values)  # type: ignore[arg-type]


def test_meeting_prints_the_next_meeting(cli, data_dir: Path) -> None:  # noqa: ANN001
    Journal.open(data_dir).put_single(plan())
    ran = cli("calendar", "meeting")
    assert ran.code == 0, ran.err
    event = one_event(ran.out)
    assert str(event["SUMMARY"]) == "Peer group meeting"
    assert event.decoded("DTSTART") == datetime(2026, 3, 24, 10, 30, tzinfo=UTC)  # GMT still
    assert event.decoded("DTEND") == datetime(2026, 3, 24, 12, 0, tzinfo=UTC)
    assert str(event["LOCATION"]) == "The library; room 2"
    assert "RRULE" not in event


def test_meeting_out_file(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    Journal.open(data_dir).put_single(plan(meet_time=None))
    target = tmp_path / "meeting.ics"
    ran = cli("calendar", "meeting", "--out", str(target))
    assert ran.code == 0, ran.err
    assert "Tue 24 Mar (all day)" in ran.out and str(target.resolve()) in ran.out
    assert one_event(target.read_bytes()).decoded("DTSTART") == date(2026, 3, 24)


@pytest.mark.parametrize(("stored", "words"), [
    (None, "has no meeting date yet"),
    (plan(first_meeting=None), "has no meeting date yet"),
    (plan(every_weeks=0), "has gone by"),
])
def test_meeting_without_a_date_says_what_to_do(cli, data_dir: Path, stored: GroupPlan | None,
                                                words: str) -> None:  # noqa: ANN001
    if stored is not None:
        Journal.open(data_dir).put_single(stored)
    before = folder_bytes(data_dir)
    ran = cli("calendar", "meeting")
    assert ran.code == 2 and words in ran.err and ran.out == ""
    assert "paceapp group plan set" in ran.err
    assert folder_bytes(data_dir) == before


def test_help_lists_the_calendar_commands(cli) -> None:  # noqa: ANN001
    top = cli("--help")
    assert top.code == 0 and "calendar" in top.out
    group = cli("calendar", "--help")
    assert group.code == 0 and "gp" in group.out and "meeting" in group.out
    for name in ("gp", "meeting"):
        ran = cli("calendar", name, "--help")
        assert ran.code == 0 and "--out" in ran.out and "--force" in ran.out
