"""`paceapp calendar ...`: the GP appointment or the group's next meeting as a calendar file.

The file (.ics) opens in any calendar - phone, Outlook, Google, Apple - and adding it again
updates the same entry. See outputs.calendar for what goes in it and why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from paceapp.app.calendar import (
    Event,
    GpDate,
    calendar_bytes,
    load_gp_calendar,
    load_meeting_calendar,
)
from paceapp.app.folder import Journal
from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import FORCE_HELP, FileOrDash, as_file, emit_bytes
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import GroupPlan
from paceapp.core.timeparse import show_date

SET_GP_DATE = 'paceapp gp date "Tue 9:50" (the time is optional)'
SET_MEETING = "paceapp group plan set --first Tue --every 2 --time 10:30"
OUT_HELP = "Save the calendar file here, e.g. gp.ics ('-' or nothing: print it)."
NO_REMINDER_HELP = "Leave out the reminder the day before."


def gp_problem(state: GpDate, appt_day: date | None, today: date) -> str:
    """Why there is no GP appointment to add (a plain message that says what to do)."""
    if state is GpDate.NONE:
        return ("There is no GP appointment to add to a calendar yet. Set its date first: "
                f"{SET_GP_DATE}")
    if state is GpDate.UNDATED:
        return f"Your GP appointment has no date yet. Set it first: {SET_GP_DATE}"
    when = show_date(appt_day, today) if appt_day else "its date"
    return (f"Your GP appointment ({when}) has gone by, so it is not added to a calendar. "
            f"For a new appointment: {SET_GP_DATE}. To note what was agreed: "
            "paceapp gp outcome \"...\"")


def meeting_problem(plan: GroupPlan | None) -> str:
    """Why there is no group meeting to add."""
    if plan is None or plan.first_meeting is None:
        return ("Your group plan has no meeting date yet, so there is nothing to add to a "
                f"calendar. Set the first meeting: {SET_MEETING}")
    return (f"The group's meeting on {show_date(plan.first_meeting)} has gone by, and the plan "
            "has no regular rhythm. Set the next meeting: paceapp group plan set --first "
            "2026-12-01")


def load_gp_event(journal: Journal, today: date, *, with_concerns: bool = False,
                  reminder: bool = True) -> Event:
    """The next GP appointment as an event; ValidationError (exit 2) says why there is none."""
    found = load_gp_calendar(journal, today, with_concerns=with_concerns, reminder=reminder)
    if found.state is not GpDate.READY or found.event is None:
        raise ValidationError(gp_problem(found.state, found.day, today), "gp")
    return found.event


def load_meeting_event(journal: Journal, today: date, *, reminder: bool = True) -> Event:
    """The group's next meeting as an event; ValidationError (exit 2) says why there is none."""
    found = load_meeting_calendar(journal, today, reminder=reminder)
    if found.event is None:
        raise ValidationError(meeting_problem(found.plan), "plan")
    return found.event


def when_words(event: Event, today: date) -> str:
    text = show_date(event.day, today)
    return text + (f" at {event.clock:%H:%M}" if event.clock else " (all day)")


def deliver(env: Env, event: Event, out: Path | str | None, force: bool, what: str) -> None:
    """Print the calendar file (no --out, or '-'), or save it to `out` and say where."""
    data = calendar_bytes(event, env.now())
    target = as_file(out)
    if target is None:
        emit_bytes(data)  # CRLF line endings kept exactly (text mode could change them)
        return
    from paceapp.outputs.files import write_output

    where = write_output(target, data, force=force)
    click.echo(f"Saved {what} ({when_words(event, env.today())}) as a calendar file: {where}")
    click.echo("Open it, or send it to your phone, to add it to your calendar. Adding it again "
               "later updates the same entry.")


@click.group("calendar")
def calendar_group() -> None:
    """Add your GP appointment or group meeting to your phone or computer calendar.

    \b
    paceapp calendar gp --out gp.ics            (then open gp.ics, or send it to your phone)
    paceapp calendar meeting --out meeting.ics
    paceapp calendar gp                         (prints the calendar file)

    Each makes a calendar file (.ics) with a reminder the day before. Adding a newer file
    updates the entry already in your calendar instead of making a second one.
    """


@calendar_group.command("gp")
@click.option("--out", type=FileOrDash(dir_okay=False), default=None, help=OUT_HELP)
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--with-concerns", is_flag=True,
              help="Put your top three concerns in the entry's notes (left out unless asked: "
                   "calendars are often copied to other services).")
@click.option("--no-reminder", is_flag=True, help=NO_REMINDER_HELP)
@pass_env
def calendar_gp(env: Env, out: Path | str | None, force: bool, with_concerns: bool,
                no_reminder: bool) -> None:
    """Your next GP appointment (set with 'paceapp gp date'). Ten minutes long, or all day when
    it has no time."""
    event = load_gp_event(env.journal(), env.today(), with_concerns=with_concerns,
                          reminder=not no_reminder)
    deliver(env, event, out, force, "your GP appointment")


@calendar_group.command("meeting")
@click.option("--out", type=FileOrDash(dir_okay=False), default=None, help=OUT_HELP)
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--no-reminder", is_flag=True, help=NO_REMINDER_HELP)
@pass_env
def calendar_meeting(env: Env, out: Path | str | None, force: bool, no_reminder: bool) -> None:
    """The group's next meeting, from the group plan. Two hours long unless the plan says
    ('10:30 to 12:00'); all day when it has no time. Add it again after each meeting for the
    next one."""
    event = load_meeting_event(env.journal(), env.today(), reminder=not no_reminder)
    deliver(env, event, out, force, "the group's next meeting")


def register(cli: click.Group) -> None:
    cli.add_command(calendar_group)
