"""Calendar use-cases: the GP appointment and the group's next meeting as an event, or the state
that says why there is none (each front end words that itself). Reading writes nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from paceapp.app.calendar import (
    GpDate,
    load_gp_calendar,
    load_meeting_calendar,
    save_calendar_file,
)
from paceapp.app.folder import open_folder
from paceapp.app.settings import change_settings
from paceapp.core.gp import Appointment
from paceapp.core.sharing import GroupPlan
from tests.conftest import folder_bytes

TODAY = date(2026, 3, 20)
NOW = datetime(2026, 3, 20, 12, 0).astimezone()


def test_an_empty_folder_has_no_appointment_or_meeting_and_stays_empty(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    gp = load_gp_calendar(journal, TODAY)
    assert (gp.state, gp.day, gp.event) == (GpDate.NONE, None, None)
    meeting = load_meeting_calendar(journal, TODAY)
    assert (meeting.plan, meeting.event) == (None, None)
    assert folder_bytes(data_dir) == {}


@pytest.mark.parametrize(("visit", "state"), [
    (None, GpDate.UNDATED), (date(2026, 3, 19), GpDate.PAST), (date(2026, 3, 20), GpDate.READY),
    (date(2026, 4, 30), GpDate.READY)])
def test_the_appointment_is_an_event_only_from_today_on(data_dir: Path, visit: date | None,
                                                        state: GpDate) -> None:
    journal = open_folder(data_dir)
    journal.add(Appointment(visit_date=visit))
    found = load_gp_calendar(journal, TODAY)
    assert (found.state, found.day) == (state, visit)
    assert (found.event is not None) == (state is GpDate.READY)
    if found.event is not None:
        assert found.event.day == visit


def test_the_practice_is_read_when_the_event_is_made(data_dir: Path) -> None:
    """The practice set in another window after this one opened is the one in the event."""
    journal = open_folder(data_dir)
    journal.add(Appointment(visit_date=date(2026, 3, 30)))
    change_settings(open_folder(data_dir), practice="Riverside Surgery")
    found = load_gp_calendar(journal, TODAY)
    assert found.event is not None and found.event.location == "Riverside Surgery"
    assert load_gp_calendar(journal, TODAY, reminder=False).event != found.event


def test_the_meeting_follows_the_plan(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    journal.put_single(GroupPlan(first_meeting=date(2026, 3, 1), every_weeks=0))
    gone = load_meeting_calendar(journal, TODAY)
    assert gone.event is None and gone.plan is not None
    journal.put_single(GroupPlan(first_meeting=date(2026, 3, 1), every_weeks=2))
    found = load_meeting_calendar(journal, TODAY)
    assert found.event is not None and found.event.day >= TODAY


def test_saving_never_writes_over_a_file(data_dir: Path, tmp_path: Path) -> None:
    journal = open_folder(data_dir)
    journal.add(Appointment(visit_date=date(2026, 3, 30)))
    event = load_gp_calendar(journal, TODAY).event
    assert event is not None
    folder = tmp_path / "documents" / "new"
    first = save_calendar_file(event, NOW, folder)
    second = save_calendar_file(event, NOW, folder)
    assert first != second and first.suffix == second.suffix == ".ics"
    assert first.read_bytes() == second.read_bytes()
    assert b"BEGIN:VCALENDAR\r\n" in first.read_bytes()
