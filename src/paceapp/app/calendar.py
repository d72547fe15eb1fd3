"""The GP appointment and the group's next meeting as calendar files (.ics).

The read models say whether there is an event to add and, when there is not, why (the state and
what it rests on); each front end phrases that in its own words (a command to run, a key to press).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from paceapp.app.settings import load_settings
from paceapp.core.gp import Appointment
from paceapp.core.sharing import GroupPlan
from paceapp.core.value import Value
from paceapp.outputs.calendar import (
    Event,
    GpDate,
    file_stem,
    gp_event,
    ics_bytes,
    meeting_event,
    upcoming_gp,
)
from paceapp.outputs.files import ensure_folder, free_path, write_output
from paceapp.store.journal import Journal

__all__ = ["Event", "GpCalendar", "GpDate", "MeetingCalendar", "calendar_bytes",
           "load_gp_calendar", "load_meeting_calendar", "save_calendar_file"]


def _has_folder(journal: Journal) -> bool:
    """False for a folder where nothing was saved yet (reading it would find nothing)."""
    return journal.folder is None or journal.folder.exists()


@dataclass(frozen=True, eq=False, repr=False)
class GpCalendar(Value):
    """The appointment being prepared: `event` when it has a date today or later (state READY);
    else the state (NONE, UNDATED, PAST) and, when it has gone by, its day."""

    state: GpDate
    day: date | None
    event: Event | None


def load_gp_calendar(journal: Journal, today: date, *, with_concerns: bool = False,
                     reminder: bool = True) -> GpCalendar:
    saved = _has_folder(journal)
    appt, state = upcoming_gp(journal.list(Appointment) if saved else [], today)
    if appt is None or state is not GpDate.READY:
        return GpCalendar(state, appt.visit_date if appt else None, None)
    practice = load_settings(journal).practice if saved else ""
    event = gp_event(appt, practice=practice, with_concerns=with_concerns, reminder=reminder)
    return GpCalendar(state, appt.visit_date, event)


@dataclass(frozen=True, eq=False, repr=False)
class MeetingCalendar(Value):
    """The group's next meeting as `event`, or None: then `plan` says why (no plan, no first
    meeting, or a first meeting gone by with no regular rhythm)."""

    plan: GroupPlan | None
    event: Event | None


def load_meeting_calendar(journal: Journal, today: date, *,
                          reminder: bool = True) -> MeetingCalendar:
    plan = journal.get_single(GroupPlan) if _has_folder(journal) else None
    event = meeting_event(plan, today, reminder=reminder) if plan is not None else None
    return MeetingCalendar(plan, event)


def calendar_bytes(event: Event, now: datetime) -> bytes:
    """The calendar file for `event` (CRLF line endings, as calendars expect)."""
    return ics_bytes([event], now)


def save_calendar_file(event: Event, now: datetime, folder: Path) -> Path:
    """Write `event` as a new .ics file in `folder` (made if missing), under a name not taken
    yet ('GP appointment 2026-03-30.ics'); return its full path."""
    ensure_folder(folder)
    return write_output(free_path(folder, file_stem(event), ".ics"), calendar_bytes(event, now))
