"""Calendar files (.ics, RFC 5545): the GP appointment and the group's next meeting.

Pure: everything here turns records into text; writing the file is the caller's job.

Choices, and why:

- **One event per file, with a stable UID.** The GP event's UID comes from the appointment's
  record id, the meeting's from the group plan, so adding the file again *updates* the entry in
  the person's calendar instead of adding a second one. ``SEQUENCE`` grows with the moment the
  file was made, so a newer file always wins over an older one.
- **Times in UTC** (``...Z``): the local time the person gave, converted with their local time
  zone rules for *that* date, so a 09:30 appointment is 08:30Z in British Summer Time and 09:30Z
  in winter. Every calendar reads UTC the same way; no time-zone block is needed.
- **No time given: an all-day event** (``DTSTART;VALUE=DATE``), which is what it is.
- **The group: only the next meeting**, not a repeating series. A series in UTC would move by an
  hour at each clock change; a correct repeating series needs a time-zone definition that
  calendars read differently, and a peer's plan can change at any time, which would leave a
  wrong series in the calendar for months. Adding the file again after a meeting moves the one
  entry on to the next meeting (the same UID).
- **Private by default**: ``CLASS:PRIVATE`` (a shared calendar shows "busy", not "GP"), and the
  person's concerns go into the event only if they ask.
- **A reminder the day before** (``VALARM``, ``DISPLAY``): time to find the list and the
  medicines, or to decide whether to go.

Text is cleaned (control characters and direction overrides removed: a peer's plan is someone
else's text), escaped (backslash, semicolon, comma, newline) and lines are folded at 75 octets
without splitting a character, with CRLF line endings.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from paceapp import __version__
from paceapp.core.gp import TOP, Appointment, current_appointment, open_items
from paceapp.core.sharing import GroupPlan, next_meeting
from paceapp.core.text import strip_controls
from paceapp.core.value import Value

PRODID = f"-//paceapp//paceapp {__version__}//EN"
#: A UK GP appointment is about ten minutes.
GP_LENGTH = timedelta(minutes=10)
#: A peer group meeting, unless its plan says when it ends ("10:30 to 12:00").
MEETING_LENGTH = timedelta(hours=2)
GP_SUMMARY = "GP appointment"
MEETING_SUMMARY = "Peer group meeting"
GP_REMINDER = "Bring your list and your medicines."
#: The reminder goes off this long before a timed event (the same time the day before) ...
REMIND_BEFORE = timedelta(days=1)
#: ... and for an all-day event, this long before its midnight start (18:00 the day before).
REMIND_BEFORE_ALL_DAY = timedelta(hours=6)
#: The most characters of any one text value (longer text is cut with an ellipsis).
TEXT_MAX = 1000
#: Line separators that calendars might show as breaks: made plain spaces first.
_SEPARATORS = dict.fromkeys(map(ord, "\u2028\u2029\x85\x0b\x0c"), " ")
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
FOLD_OCTETS = 75


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Event(Value):
    """One calendar entry, in the person's local terms (a day, and a time of day if known)."""

    uid: str
    summary: str
    day: date
    clock: time | None = None
    #: How long a timed event lasts (an all-day event lasts the day).
    length: timedelta = GP_LENGTH
    location: str = ""
    #: Lines of notes; each is cleaned, then they are joined with line breaks.
    description: tuple[str, ...] = ()
    #: The reminder's words; "" for no reminder.
    reminder: str = ""


# -- text ---------------------------------------------------------------------------------------
def clean(text: str) -> str:
    """One line of plain text: control characters, escapes and direction overrides removed, line
    breaks made spaces, runs of spaces made one, capped at `TEXT_MAX` characters."""
    plain = " ".join(strip_controls((text or "").translate(_SEPARATORS)).split())
    return plain if len(plain) <= TEXT_MAX else plain[:TEXT_MAX - 1] + "…"


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """`line` folded (RFC 5545 3.1): no physical line longer than 75 octets of UTF-8, each
    continuation starting with one space, never splitting a character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > FOLD_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_start(day: date, clock: time, zone: tzinfo | None = None) -> datetime:
    """The moment `clock` on `day` in `zone` (None: this computer's local time-zone rules, as
    everywhere else in paceapp), aware, with that date's UTC offset (summer time or not)."""
    if zone is None:
        return datetime.combine(day, clock).astimezone()
    return datetime.combine(day, clock, tzinfo=zone)


def _sequence(stamp: datetime) -> int:
    """Minutes since 2020: grows with every new file, so a calendar takes the newer one."""
    return max(0, int((stamp.astimezone(UTC) - _EPOCH).total_seconds() // 60))


def event_lines(event: Event, stamp: datetime, zone: tzinfo | None = None) -> list[str]:
    """The VEVENT's content lines (unfolded)."""
    lines = ["BEGIN:VEVENT", f"UID:{escape(clean(event.uid))}", f"DTSTAMP:{_utc(stamp)}",
             f"SEQUENCE:{_sequence(stamp)}"]
    if event.clock is None:
        lines += [f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}"]
        before = REMIND_BEFORE_ALL_DAY
    else:
        # In UTC before adding: the end is `length` of real time after the start, even on the
        # night the clocks change (aware arithmetic in a named zone would add wall-clock time).
        start = local_start(event.day, event.clock, zone).astimezone(UTC)
        lines += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(start + event.length)}"]
        before = REMIND_BEFORE
    lines.append(f"SUMMARY:{escape(clean(event.summary))}")
    location = clean(event.location)
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    notes = [line for line in (clean(part) for part in event.description) if line]
    if notes:
        lines.append(f"DESCRIPTION:{escape(chr(10).join(notes))}")
    lines += ["CLASS:PRIVATE", "TRANSP:OPAQUE", "STATUS:CONFIRMED"]
    reminder = clean(event.reminder)
    if reminder:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape(reminder)}",
                  f"TRIGGER:-{_duration(before)}", "END:VALARM"]
    lines.append("END:VEVENT")
    return lines


def _duration(length: timedelta) -> str:
    """A DURATION value: 'P1D', 'PT6H', 'PT1H30M'."""
    seconds = int(length.total_seconds())
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes = seconds // 60
    if days and not (hours or minutes):
        return f"P{days}D"
    text = "P" + (f"{days}D" if days else "") + "T"
    text += (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text if not text.endswith("T") else text + "0M"


def render_ics(events: Iterable[Event], stamp: datetime, zone: tzinfo | None = None) -> str:
    """A whole VCALENDAR (CRLF line endings, folded) holding `events`.

    `stamp` is when the file is made (DTSTAMP); `zone` the person's time zone (None: this
    computer's local rules).
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for event in events:
        lines += event_lines(event, stamp, zone)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def ics_bytes(events: Iterable[Event], stamp: datetime, zone: tzinfo | None = None) -> bytes:
    """`render_ics` as UTF-8 bytes, ready to write to a .ics file."""
    return render_ics(events, stamp, zone).encode("utf-8")


# -- the events -----------------------------------------------------------------------------------
def gp_event(appt: Appointment, *, practice: str = "", with_concerns: bool = False,
             reminder: bool = True) -> Event | None:
    """The appointment as an event; None when it has no date yet.

    The notes say what to bring and who it is with. The top concerns are added only when
    `with_concerns` is asked for: calendars are often copied to other services.
    """
    if appt.visit_date is None:
        return None
    notes = [GP_REMINDER]
    if appt.clinician:
        notes.append(f"With: {appt.clinician}")
    if with_concerns:
        top = open_items(appt.concerns)[:TOP]
        if top:
            notes.append("Top concerns:")
            notes += [f"{number}. {item.text}" for number, item in enumerate(top, 1)]
    notes.append("Your list is in paceapp (GP visit).")
    when = "tomorrow" if appt.visit_time is None else f"tomorrow at {appt.visit_time:%H:%M}"
    return Event(uid=f"paceapp-gp-{appt.id}", summary=GP_SUMMARY, day=appt.visit_date,
                 clock=appt.visit_time, length=GP_LENGTH, location=practice,
                 description=tuple(notes),
                 reminder=f"GP appointment {when}. {GP_REMINDER}" if reminder else "")


def plan_uid(plan: GroupPlan) -> str:
    """A UID for this person's group meeting entry, stable while they keep a plan.

    The plan's record id is the same in every data folder ("groupplan"), so the moment it was
    first stored is mixed in (kept across edits and imports); hashed, so it says nothing.
    """
    seed = f"{plan.id}|{plan.created.isoformat()}"
    return f"paceapp-group-{hashlib.sha256(seed.encode()).hexdigest()[:24]}"


def meeting_length(plan: GroupPlan) -> timedelta:
    """How long the meeting lasts: from the plan's words when they say ("10:30 to 12:00"),
    else `MEETING_LENGTH`."""
    if plan.meet_time is None:
        return MEETING_LENGTH
    start = datetime.combine(date(2000, 1, 3), plan.meet_time)
    pattern = r"(\d{1,2})[:.](\d{2})\s*(?:to|until|till|-|–|—)\s*(\d{1,2})[:.](\d{2})"
    for match in re.finditer(pattern, plan.rhythm or "", re.IGNORECASE):
        first, last = (int(match[1]), int(match[2])), (int(match[3]), int(match[4]))
        if any(h > 23 or m > 59 for h, m in (first, last)):
            continue
        if time(*first) != plan.meet_time:
            continue
        length = datetime.combine(start.date(), time(*last)) - start
        if timedelta(minutes=15) <= length <= timedelta(hours=12):
            return length
    return MEETING_LENGTH


def meeting_event(plan: GroupPlan, today: date, *, reminder: bool = True) -> Event | None:
    """The group's next meeting (on or after `today`) as an event; None when the plan has none."""
    day = next_meeting(plan, today)
    if day is None:
        return None
    notes: list[str] = []
    if plan.rhythm:
        notes.append(f"When: {plan.rhythm}")
    if plan.access:
        notes.append(f"Access: {plan.access}")
    if plan.every_weeks > 0:
        notes.append("From your group plan in paceapp. Add it to your calendar again after the "
                     "meeting for the next one.")
    else:
        notes.append("From your group plan in paceapp.")
    when = "tomorrow" if plan.meet_time is None else f"tomorrow at {plan.meet_time:%H:%M}"
    return Event(uid=plan_uid(plan), summary=MEETING_SUMMARY, day=day, clock=plan.meet_time,
                 length=meeting_length(plan), location=plan.place, description=tuple(notes),
                 reminder=f"Peer group meeting {when}." if reminder else "")


class GpDate(enum.Enum):
    """Whether the appointment being prepared can go in a calendar."""

    READY = "ready"
    NONE = "none"  # no appointment being prepared
    UNDATED = "undated"  # no date set yet
    PAST = "past"  # its date has gone by


def upcoming_gp(appointments: Sequence[Appointment],
                today: date) -> tuple[Appointment | None, GpDate]:
    """The appointment being prepared, and whether it has a date today or later."""
    current = current_appointment(appointments)
    if current is None:
        return None, GpDate.NONE
    if current.visit_date is None:
        return current, GpDate.UNDATED
    if current.visit_date < today:
        return current, GpDate.PAST
    return current, GpDate.READY


def file_stem(event: Event) -> str:
    """A plain file name (no ending) for the event: 'GP appointment 2026-03-30'."""
    return f"{event.summary} {event.day.isoformat()}"
