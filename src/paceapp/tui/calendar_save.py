"""'Add to calendar' on the GP and Group screens: save a calendar file (.ics) in the person's
documents folder, under a name that is free, and say where it is.

The loading and writing run in a worker thread (`SectionScreen.load_then`); a problem is a
`ValidationError` whose words say which key puts it right.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from paceapp.core.errors import ValidationError
from paceapp.core.sharing import GroupPlan
from paceapp.core.timeparse import show_date
from paceapp.outputs import gp_list
from paceapp.outputs.calendar import (
    Event,
    GpDate,
    file_stem,
    gp_event,
    ics_bytes,
    meeting_event,
    upcoming_gp,
)
from paceapp.store.journal import Journal

#: The key for "Add to calendar" on both screens (free there and app-wide; k for "calendar").
CALENDAR_KEY = "k"


def _has_folder(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


def gp_calendar_event(journal: Journal, today: date) -> Event:
    """The appointment being prepared as an event, or a ValidationError saying which key helps."""
    from paceapp.store.settings import load_settings

    appt, state = upcoming_gp(gp_list.appointments(journal), today)
    if appt is None or state is GpDate.NONE or state is GpDate.UNDATED:
        raise ValidationError("The appointment has no date yet. Press w to set it, then k to "
                              "add it to your calendar.", "date")
    if state is GpDate.PAST:
        day = show_date(appt.visit_date, today) if appt.visit_date else "its date"
        raise ValidationError(f"The appointment date ({day}) has gone by. Press w to set the "
                              "new date, or o to note what was agreed.", "date")
    practice = load_settings(journal).practice if _has_folder(journal) else ""
    event = gp_event(appt, practice=practice)
    assert event is not None  # READY means it has a date
    return event


def meeting_calendar_event(journal: Journal, today: date) -> Event:
    """The group's next meeting as an event, or a ValidationError saying which key helps."""
    plan = journal.get_single(GroupPlan) if _has_folder(journal) else None
    event = meeting_event(plan, today) if plan is not None else None
    if event is not None:
        return event
    if plan is None or plan.first_meeting is None:
        raise ValidationError("The group plan has no meeting date yet. Press p to set the first "
                              "meeting, then k to add it to your calendar.", "plan")
    raise ValidationError(f"The group's meeting on {show_date(plan.first_meeting, today)} has "
                          "gone by, and the plan has no regular rhythm. Press p to set the next "
                          "meeting.", "plan")


def save_event(event: Event, now: datetime) -> Path:
    """Write `event` as a new .ics file in the documents folder; return its full path."""
    from paceapp.outputs.files import ensure_folder, free_path, write_output
    from paceapp.paths import documents_dir

    folder = documents_dir()
    ensure_folder(folder)
    return write_output(free_path(folder, file_stem(event), ".ics"), ics_bytes([event], now))


def saved_message(what: str, where: Path) -> str:
    return (f"Saved {what} as a calendar file: {where}\nOpen it, or send it to your phone, to "
            "add it to your calendar.")
