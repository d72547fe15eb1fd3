"""'Add to calendar' on the GP and Group screens: save a calendar file (.ics) in the person's
documents folder, under a name that is free, and say where it is.

The loading and writing run in a worker thread (`SectionScreen.load_then`); a problem is a
`ValidationError` whose words say which key puts it right.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from paceapp.app.calendar import (
    Event,
    GpDate,
    load_gp_calendar,
    load_meeting_calendar,
    save_calendar_file,
)
from paceapp.app.folder import Journal
from paceapp.core.errors import ValidationError
from paceapp.core.timeparse import show_date

#: The key for "Add to calendar" on both screens (free there and app-wide; k for "calendar").
CALENDAR_KEY = "k"


def gp_calendar_event(journal: Journal, today: date) -> Event:
    """The appointment being prepared as an event, or a ValidationError saying which key helps."""
    found = load_gp_calendar(journal, today)
    if found.state is GpDate.NONE or found.state is GpDate.UNDATED:
        raise ValidationError("The appointment has no date yet. Press w to set it, then k to "
                              "add it to your calendar.", "date")
    if found.state is GpDate.PAST or found.event is None:
        day = show_date(found.day, today) if found.day else "its date"
        raise ValidationError(f"The appointment date ({day}) has gone by. Press w to set the "
                              "new date, or o to note what was agreed.", "date")
    return found.event


def meeting_calendar_event(journal: Journal, today: date) -> Event:
    """The group's next meeting as an event, or a ValidationError saying which key helps."""
    found = load_meeting_calendar(journal, today)
    if found.event is not None:
        return found.event
    plan = found.plan
    if plan is None or plan.first_meeting is None:
        raise ValidationError("The group plan has no meeting date yet. Press p to set the first "
                              "meeting, then k to add it to your calendar.", "plan")
    raise ValidationError(f"The group's meeting on {show_date(plan.first_meeting, today)} has "
                          "gone by, and the plan has no regular rhythm. Press p to set the next "
                          "meeting.", "plan")


def save_event(event: Event, now: datetime) -> Path:
    """Write `event` as a new .ics file in the documents folder; return its full path."""
    from paceapp.paths import documents_dir

    return save_calendar_file(event, now, documents_dir())


def saved_message(what: str, where: Path) -> str:
    return (f"Saved {what} as a calendar file: {where}\nOpen it, or send it to your phone, to "
            "add it to your calendar.")
