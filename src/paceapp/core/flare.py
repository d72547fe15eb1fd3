"""Flare-ups (setbacks) and the person's own flare-up plan.

A flare-up has a start, an end (or is still going), a peak 0-10, suspected triggers (remembered as
suggestions for next time), what helped and a note. At most one flare-up is open at a time and
flare-ups do not overlap. Summaries give the count and the median, longest and total duration
over a period (DOMAIN.md, "Flare-ups").

The flare-up plan is written while well and shown the moment a flare-up is logged. It holds the
person's own words only: the app never suggests medicines.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.figures import exact, median, whole
from paceapp.core.records import Record
from paceapp.core.sleep import show_period
from paceapp.core.text import NOTE, SHORT, check_score, clean_text, plural
from paceapp.core.timeparse import elapsed_minutes, show_minutes, show_time, show_when
from paceapp.core.value import Value

#: A logged time may run this far ahead of the clock (a clock a little fast), no more.
FUTURE_SLACK = timedelta(minutes=5)
MAX_TRIGGERS = 10


def show_duration(minutes: int | float | Fraction | None) -> str:
    """'2 days 3 h', '1 day', '5 h 20 min', '45 min'; None -> 'still going'.

    Rounded once, half up: to whole minutes under a day, to whole hours from a day on
    (2 days 2 h 30 min -> '2 days 3 h'; 23 h 59.5 min -> '1 day').
    """
    if minutes is None:
        return "still going"
    if whole(minutes) < 24 * 60:
        return show_minutes(minutes)
    days, hours = divmod(whole(exact(minutes) / 60), 24)
    text = plural(days, "day")
    return f"{text} {hours} h" if hours else text


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Flare(Record):
    """One flare-up: started, ended (None while it is still going), peak, triggers, helped, note."""

    KIND: ClassVar[str] = "flare"
    LABEL: ClassVar[str] = "flare-up"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "started"

    started: datetime
    ended: datetime | None = None
    peak: int | None = None
    triggers: tuple[str, ...] = ()
    helped: str = ""
    note: str = ""

    @property
    def day(self) -> date:
        return self.started.date()

    @property
    def ongoing(self) -> bool:
        return self.ended is None

    @property
    def duration_min(self) -> int | None:
        """Whole minutes of real time from start to end (across a clock change too: each moment
        carries its UTC offset); None while still going."""
        if self.ended is None:
            return None
        return elapsed_minutes(self.started, self.ended)

    def last_day(self, today: date) -> date:
        """The last day it touched (today, while it is still going)."""
        return self.ended.date() if self.ended is not None else max(today, self.day)

    def validate(self) -> None:
        if self.started.tzinfo is None:
            raise ValidationError("The start time needs a UTC offset.", "started")
        if self.ended is not None:
            if self.ended.tzinfo is None:
                raise ValidationError("The end time needs a UTC offset.", "ended")
            if self.ended <= self.started:
                raise ValidationError(
                    f"The end ({show_when(self.ended)}) must be after the start "
                    f"({show_when(self.started)}). Please check the times.", "ended")
        if self.peak is not None:
            check_score(self.peak, "peak", "peak pain")
        if len(self.triggers) > MAX_TRIGGERS:
            raise ValidationError(f"Please list at most {MAX_TRIGGERS} triggers.", "triggers")
        for trigger in self.triggers:
            if not trigger or clean_text(trigger, "triggers", SHORT, label="trigger") != trigger:
                raise ValidationError("A trigger is empty or has characters that cannot be "
                                      "stored.", "triggers")
        for name in ("helped", "note"):
            value = getattr(self, name)
            if clean_text(value, name, NOTE, multiline=True) != value:
                raise ValidationError(f"The '{name}' text has characters that cannot be stored.",
                                      name)

    def summary(self) -> dict[str, str]:
        def short(moment: datetime) -> str:  # "13 Sep 10:00": the table must fit 80 columns
            return f"{moment.day} {moment:%b} {moment:%H:%M}"

        return {"id": self.id[:8], "started": short(self.started),
                "ended": short(self.ended) if self.ended else "still going",
                "lasted": show_duration(self.duration_min) if self.ended else "-",
                "peak": f"{self.peak}/10" if self.peak is not None else "-",
                "triggers": ", ".join(self.triggers), "helped": self.helped}

    def derived(self) -> dict[str, Any]:
        return {"duration_min": self.duration_min}

    def check_among(self, stored: list[Flare]) -> None:
        """Rules across records: at most one open, no overlaps (for a store or edit to call)."""
        check_flares(stored, self)


class FlareGoingError(ValidationError):
    """A flare-up is already going (`going`), so another cannot start or stay open."""

    def __init__(self, going: Flare) -> None:
        self.going = going
        super().__init__(f"A flare-up is already going (started {show_when(going.started)}). "
                         "End it first, then start a new one.", "started")


class NoFlareGoingError(ValidationError):
    """There is no flare-up going, so there is nothing to end."""

    def __init__(self) -> None:
        super().__init__("There is no flare-up going, so there is nothing to end.", "ended")


def clean_triggers(triggers: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Trim each trigger; drop empty ones and repeats (ignoring case); keep the order typed."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in triggers:
        for part in raw.split(","):
            text = clean_text(part, "triggers", SHORT, label="trigger")
            if text and text.lower() not in seen:
                seen.add(text.lower())
                out.append(text)
    return tuple(out)


def open_flare(flares: list[Flare]) -> Flare | None:
    """The flare-up still going, if any (the latest started, should there be more than one)."""
    still = [f for f in flares if f.ended is None]
    return max(still, key=lambda f: f.started) if still else None


def check_flares(flares: list[Flare], candidate: Flare) -> None:
    """Refuse `candidate` (new or changed) if it would make a second open flare-up or overlap one.

    `flares` are the stored flare-ups; a stored one with the candidate's id is the old version.
    """
    others = [f for f in flares if f.id != candidate.id]
    if candidate.ended is None:
        for other in others:
            if other.ended is None:
                raise FlareGoingError(other)
    far = datetime.max.replace(tzinfo=candidate.started.tzinfo)
    cand_end = candidate.ended or far
    for other in others:
        other_end = other.ended or far
        if candidate.started < other_end and other.started < cand_end:
            span = (f"{show_when(other.started)} to "
                    f"{show_when(other.ended) if other.ended else 'now'}")
            field = "started" if other.started <= candidate.started else "ended"
            raise ValidationError(
                f"That overlaps another flare-up ({span}). Flare-ups cannot overlap: please "
                "check the times, or change the other one.", field)


def check_not_future(moment: datetime, now: datetime, field: str) -> None:
    if moment > now + FUTURE_SLACK:
        raise ValidationError(
            "That time is in the future. Log things that have already happened, "
            "or leave the time out to use now.", field)


def start_flare(flares: list[Flare], at: datetime, now: datetime, *, peak: int | None = None,
                triggers: list[str] | tuple[str, ...] = (), note: str = "") -> Flare:
    """A new open flare-up, checked against the stored ones (at most one open, no overlaps)."""
    check_not_future(at, now, "started")
    if peak is not None:
        check_score(peak, "peak", "peak pain")
    flare = Flare(started=at, peak=peak, triggers=clean_triggers(triggers),
                  note=clean_text(note, "note", NOTE, multiline=True))
    flare.validate()
    check_flares(flares, flare)
    return flare


def end_flare(flares: list[Flare], at: datetime, now: datetime, *, helped: str = "",
              peak: int | None = None) -> Flare:
    """The open flare-up, ended at `at` (with what helped); refused when none is going."""
    current = open_flare(flares)
    if current is None:
        raise NoFlareGoingError
    check_not_future(at, now, "ended")
    if current.started - timedelta(minutes=1) < at <= current.started:  # ended straight away
        raise ValidationError(
            f"This flare-up only started at {show_time(current.started)}, so it cannot end "
            "yet. If it was logged by mistake, undo removes it (Ctrl+Z in the app, "
            "'paceapp undo' in a terminal).", "ended")
    if at <= current.started:
        raise ValidationError(
            f"The end ({show_when(at)}) must be after the start "
            f"({show_when(current.started)}).", "ended")
    changes: dict[str, Any] = {"ended": at}
    helped_text = clean_text(helped, "helped", NOTE, multiline=True)
    if helped_text:
        changes["helped"] = (f"{current.helped}\n{helped_text}" if current.helped
                             else helped_text)
    if peak is not None:
        check_score(peak, "peak", "peak pain")
        changes["peak"] = peak
    ended = dataclasses.replace(current, **changes)
    ended.validate()
    check_flares(flares, ended)
    return ended


def trigger_suggestions(flares: list[Flare], limit: int = 12) -> list[str]:
    """Triggers logged before, most used first (then most recent), without repeats."""
    counts: dict[str, tuple[int, datetime, str]] = {}
    for flare in flares:
        for trigger in flare.triggers:
            key = trigger.lower()
            count, last, text = counts.get(key, (0, flare.started, trigger))
            if flare.started >= last:  # the latest spelling wins
                last, text = flare.started, trigger
            counts[key] = (count + 1, last, text)
    ranked = sorted(counts.values(), key=lambda c: (-c[0], -c[1].timestamp()))
    return [text for _count, _last, text in ranked[:limit]]


def overlaps(flare: Flare, start: date, end: date, today: date | None = None) -> bool:
    """Whether the flare-up touched any day in [start, end] (an open one runs to `today`)."""
    last = flare.ended.date() if flare.ended is not None else (today or date.max)
    return flare.day <= end and last >= start


def had_flare_between(flares: list[Flare], start: date, end: date) -> bool:
    """True when a flare-up touched any day from `start` to `end` (the pacing step-up check)."""
    return any(overlaps(f, start, end) for f in flares)


@dataclass(frozen=True, eq=False, repr=False)
class FlareSummary(Value):
    """Flare-ups that touched a period: count, durations of those that ended, any still going."""

    start: date
    end: date
    count: int
    median_duration_min: float | None
    longest_duration_min: int | None
    total_duration_min: int | None
    ongoing: bool

    def sentence(self) -> str:
        period = show_period(self.start, self.end)
        if self.count == 0:
            return f"Flare-ups, {period}: none logged."
        text = f"Flare-ups, {period}: {self.count}"
        if self.median_duration_min is not None and self.longest_duration_min is not None:
            text += (f" (median length {show_duration(self.median_duration_min)}, longest "
                     f"{show_duration(self.longest_duration_min)})")
        if self.ongoing:
            text += "; one is still going" if self.count > 1 else ", still going"
        return text + "."


def summarise_flares(flares: list[Flare], start: date, end: date) -> FlareSummary:
    """Flare-ups that touched any day in [start, end]; durations from those that have ended."""
    inside = [f for f in flares if overlaps(f, start, end)]
    durations = [d for f in inside if (d := f.duration_min) is not None]
    middle = median(durations)  # exact: a whole or half minute, so the float is exact too
    return FlareSummary(
        start, end, len(inside),
        float(middle) if middle is not None else None,
        max(durations) if durations else None,
        sum(durations) if durations else None,
        any(f.ended is None for f in inside))


# -- the flare-up plan ---------------------------------------------------------------------------

#: (field, heading, what to write). The sections DOMAIN.md lists, in order.
PLAN_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("warning_signs", "Early warning signs",
     "What tells you a flare-up is starting?"),
    ("first_steps", "First steps",
     "Rest positions, relaxation or breathing, heat or cold, medicines as already prescribed "
     "by your clinician."),
    ("drop_and_tell", "What to drop and who to tell",
     "What can wait? Who do you let know, and how?"),
    ("restart", "How to restart",
     "Lower baselines (e.g. your bad-day amounts), then build back up slowly."),
    ("get_help", "When to get help",
     "Signs that mean you call your GP, NHS 111 or 999."),
)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class FlarePlan(Record):
    """The person's own flare-up plan, written while well (one per person)."""

    KIND: ClassVar[str] = "flareplan"
    LABEL: ClassVar[str] = "flare-up plan"
    SINGLE: ClassVar[bool] = True

    warning_signs: str = ""
    first_steps: str = ""
    drop_and_tell: str = ""
    restart: str = ""
    get_help: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name, _h, _w in PLAN_SECTIONS)

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) for each section, in order (text may be empty)."""
        return [(heading, getattr(self, name)) for name, heading, _what in PLAN_SECTIONS]

    def validate(self) -> None:
        for name, heading, _what in PLAN_SECTIONS:
            value = getattr(self, name)
            if clean_text(value, name, NOTE, multiline=True, label=f"'{heading}' text") != value:
                raise ValidationError(
                    f"The '{heading}' text has characters that cannot be stored.", name)

    def summary(self) -> dict[str, str]:
        filled = sum(1 for name, _h, _w in PLAN_SECTIONS if getattr(self, name))
        return {"sections written": f"{filled} of {len(PLAN_SECTIONS)}"}


def new_plan(**texts: str) -> FlarePlan:
    """A plan from section texts (by field name), cleaned and validated."""
    known = {name: heading for name, heading, _what in PLAN_SECTIONS}
    values: dict[str, Any] = {}
    for name, text in texts.items():
        if name not in known:
            raise ValidationError(f"'{name}' is not a part of the flare-up plan.", name)
        values[name] = clean_text(text, name, NOTE, multiline=True,
                                  label=f"'{known[name]}' text")
    plan = FlarePlan(**values)
    plan.validate()
    return plan


_HEADING = re.compile(r"^\s*#*\s*(.+?)\s*:?\s*$")


def _heading_key(line: str) -> str | None:
    match = _HEADING.match(line)
    if not match:
        return None
    words = " ".join(match[1].lower().replace("-", " ").split())
    for name, heading, _what in PLAN_SECTIONS:
        if words == heading.lower().replace("-", " "):
            return name
    return None


def plan_to_text(plan: FlarePlan | None) -> str:
    """The plan as plain text with '# Heading' lines; `parse_plan_text` reads it back."""
    out = []
    for name, heading, _what in PLAN_SECTIONS:
        out.append(f"# {heading}")
        text = getattr(plan, name) if plan else ""
        if text:
            out.append(text)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def parse_plan_text(text: str) -> FlarePlan:
    """Read a plan written as plain text: each section starts with its heading on its own line.

    Headings may start with '#' and end with ':' ('# First steps', 'First steps:'); letter case
    does not matter. Sections left out are empty. Text before the first heading is refused, so a
    file with no headings is not stored by mistake.
    """
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        key = _heading_key(line) if line.strip() else None
        if key is not None:
            if key in sections:
                raise ValidationError(
                    f"Line {number}: the heading '{line.strip()}' comes twice. Please keep one.",
                    key)
            sections[key] = []
            current = key
        elif current is None:
            if line.strip():
                headings = ", ".join(h for _n, h, _w in PLAN_SECTIONS)
                raise ValidationError(
                    f"Line {number} comes before any heading. Start each part with its "
                    f"heading on its own line: {headings}.", "plan")
        else:
            sections[current].append(line)
    if not sections:
        headings = ", ".join(h for _n, h, _w in PLAN_SECTIONS)
        raise ValidationError(f"The plan has none of the headings: {headings}.", "plan")
    return new_plan(**{name: "\n".join(lines).strip() for name, lines in sections.items()})


KINDS = (Flare, FlarePlan)
