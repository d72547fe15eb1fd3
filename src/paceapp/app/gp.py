"""The GP appointment list and its one-page sheet: what the GP screen, its card and
`paceapp gp ...` show, and every change to the list.

Each change is one write of the appointment being prepared (or one medicine), inside one
transaction that reads the list fresh under the lock, so a change made meanwhile elsewhere (the
shell, another window) is kept, and one undo reverses it. Concerns and questions are numbered as
the list shows them (1 = the top); medicines too, or named by their id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from paceapp.core import gp as core
from paceapp.core.errors import ValidationError
from paceapp.core.gp import (
    CLINICIAN_MAX,
    MATTERS_MAX,
    MAX_MEDICINES,
    OUTCOME_MAX,
    TRIED_MAX,
    Appointment,
    GpItem,
    ItemState,
    Medicine,
    check_words,
    current_appointment,
    last_closed,
    start_appointment,
    when_text,
)
from paceapp.core.timeparse import show_date
from paceapp.store.journal import Journal

if TYPE_CHECKING:  # the sheet is read only when it is shown (Today's card needs the list only)
    from paceapp.outputs.gp_sheet import SheetInputs

Change = Callable[[Appointment], Appointment]


class NoAppointmentError(ValidationError):
    """There is no appointment yet, so there is nothing to note an outcome on (each front end
    says how to set one)."""

    def __init__(self) -> None:
        super().__init__("There is no appointment yet. Set its date first.", "outcome")


# -- reading --------------------------------------------------------------------------------------
def _exists(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


def appointments(journal: Journal) -> list[Appointment]:
    return journal.list(Appointment) if _exists(journal) else []


def medicines(journal: Journal) -> list[Medicine]:
    """The medicines list, in the order it was written."""
    if not _exists(journal):
        return []
    return sorted(journal.list(Medicine), key=lambda m: m.created)


class GpState(NamedTuple):
    """What the GP screen, its Today card and `paceapp gp list` show."""

    current: Appointment | None
    previous: Appointment | None
    medicines: list[Medicine]


def load_state(journal: Journal) -> GpState:
    appts = appointments(journal)
    return GpState(current_appointment(appts), last_closed(appts), medicines(journal))


def load_sheet(journal: Journal, today: date, *, weeks: int | None = None,
               since: date | None = None) -> SheetInputs:
    """Everything the one-page sheet needs (the preview and `paceapp gp sheet`), reading only
    the summary's period."""
    from paceapp.app.gp_summary import gather
    from paceapp.core.gp_sheet import summary_period
    from paceapp.outputs.gp_sheet import SheetInputs
    from paceapp.store.settings import load_settings

    state = load_state(journal)
    appt = state.current or Appointment()
    previous = state.previous
    last_visit = previous.visit_date if previous else None
    period = summary_period(today, last_visit, weeks, since)
    settings = load_settings(journal) if _exists(journal) else None
    agreed = ""
    if previous is not None and previous.outcome:
        agreed = previous.outcome
        if previous.visit_date:
            agreed = f"({show_date(previous.visit_date, today)}) {agreed}"
    return SheetInputs(appt, state.medicines, period, gather(journal, period, today), today,
                       settings.real_name if settings else "",
                       settings.practice if settings else "", agreed)


# -- the appointment being prepared -----------------------------------------------------------------
def change_current(journal: Journal, change: Change) -> Appointment:
    """Apply `change` to the appointment being prepared as stored now (starting one if there is
    none), inside one transaction; nothing is written when it changes nothing."""
    with journal.transaction():
        appts = appointments(journal)
        current = current_appointment(appts)
        if current is None:
            return journal.add(change(start_appointment(last_closed(appts))))
        changed = change(current)
        return current if changed == current else journal.update(changed)


def set_date(journal: Journal, when: str, now: datetime, clinician: str | None = None
             ) -> Appointment:
    """Set the appointment's day (and time) from the words typed ('Tue 9:50', 'tomorrow');
    `clinician` None keeps who it is with."""
    visit, clock = core.parse_visit(when, now)
    who = None if clinician is None else check_words(clinician, "clinician", "'who with'",
                                                      CLINICIAN_MAX)
    return set_when(journal, visit, clock, who)


def set_when(journal: Journal, visit: date, clock: time | None = None,
             clinician: str | None = None) -> Appointment:
    def change(appt: Appointment) -> Appointment:
        appt = dataclasses.replace(appt, visit_date=visit, visit_time=clock)
        return appt if clinician is None else dataclasses.replace(appt, clinician=clinician)

    return change_current(journal, change)


def add_item(journal: Journal, which: str, text: str, detail: str = "",
             priority: int | None = None) -> tuple[Appointment, int]:
    """Add a concern or question at `priority` (1 = the top; None: the end). Returns the
    appointment and the new item's number."""
    appt = change_current(journal, lambda a: core.add_item(a, which, text, detail, priority))
    return appt, priority or len(getattr(appt, f"{which}s"))


def edit_item(journal: Journal, which: str, number: int, text: str | None = None,
              detail: str | None = None) -> Appointment:
    """Change the words of item `number` (None keeps that part)."""
    if text is None and detail is None:
        raise ValidationError("Say what to change: the words or the line of detail.", "text")
    return change_current(journal, lambda a: core.edit_item(a, which, number, text, detail))


def move_item(journal: Journal, which: str, number: int, steps: int) -> Appointment:
    """Move item `number` up (steps < 0) or down; it stops at the top or the bottom."""
    return change_current(journal, lambda a: core.move_item(a, which, number, steps))


def mark_item(journal: Journal, which: str, number: int, state: ItemState) -> Appointment:
    return change_current(journal, lambda a: core.set_state(a, which, number, state))


def remove_item(journal: Journal, which: str, number: int) -> GpItem:
    """Take item `number` off the list; returns it (undo brings it back)."""
    removed: list[GpItem] = []

    def change(appt: Appointment) -> Appointment:
        changed, item = core.remove_item(appt, which, number)
        removed.append(item)
        return changed

    change_current(journal, change)
    return removed[-1]


def add_shared_questions(journal: Journal) -> int:
    """Add whichever of the three shared-decision questions are missing; how many were added."""
    added: list[int] = []

    def change(appt: Appointment) -> Appointment:
        changed, count = core.offer_shared_questions(appt)
        added.append(count)
        return changed

    change_current(journal, change)
    return added[-1]


def set_matters(journal: Journal, *, what_matters: str | None = None,
                tried: str | None = None) -> Appointment:
    """Write 'what matters to me' and/or 'what else I do or have tried' (None keeps it; ''
    clears it)."""
    words = None if what_matters is None else check_words(
        what_matters, "what_matters", "'what matters to me'", MATTERS_MAX)
    done = None if tried is None else check_words(
        tried, "tried", "'what else I do or have tried'", TRIED_MAX)
    return change_current(journal, lambda a: dataclasses.replace(
        a, what_matters=a.what_matters if words is None else words,
        tried=a.tried if done is None else done))


def note_outcome(journal: Journal, text: str, today: date) -> Appointment:
    """Note what was agreed; this closes the appointment (what is left carries over).

    With no appointment open, it changes the outcome of the last one.
    """
    outcome = check_words(text, "outcome", "outcome", OUTCOME_MAX, required=True)
    with journal.transaction():
        appts = appointments(journal)
        current = current_appointment(appts)
        if current is not None:
            if current.visit_date is not None and current.visit_date > today:
                raise ValidationError(
                    f"Your appointment is on {when_text(current, today)}. Note what was agreed "
                    "after it.", "outcome")
            return journal.update(dataclasses.replace(current, outcome=outcome, closed=True))
        previous = last_closed(appts)
        if previous is None:
            raise NoAppointmentError
        return journal.update(dataclasses.replace(previous, outcome=outcome))


# -- medicines --------------------------------------------------------------------------------------
def medicine_at(journal: Journal, number: int) -> Medicine:
    meds = medicines(journal)
    if not meds:
        raise ValidationError("There are no medicines on the list yet.", "number")
    if not 1 <= number <= len(meds):
        raise ValidationError(f"There is no medicine number {number}; the list has {len(meds)} "
                              f"(1 to {len(meds)}).", "number")
    return meds[number - 1]


def _medicine(journal: Journal, ref: int | str) -> Medicine:
    """A medicine by its number on the list or by its id."""
    return medicine_at(journal, ref) if isinstance(ref, int) else journal.get(Medicine, ref)


def add_medicine(journal: Journal, name: str, dose: str = "", how_often: str = "",
                 what_for: str = "", worries: str = "") -> Medicine:
    medicine = core.new_medicine(name, dose, how_often, what_for, worries)
    with journal.transaction():
        if len(medicines(journal)) >= MAX_MEDICINES:
            raise ValidationError(f"The list holds up to {MAX_MEDICINES} medicines. Please remove "
                                  "ones you no longer take first.", "name")
        return journal.add(medicine)


MEDICINE_FIELDS = ("name", "dose", "how_often", "what_for", "worries")


def change_medicine(journal: Journal, ref: int | str, *, base: Medicine | None = None,
                    **changes: str | None) -> Medicine:
    """Change a medicine (by number or id) as stored now; a field given as None is kept.

    With `base` (the copy a form opened with), a field left as it was there is kept as stored
    now, so a change made meanwhile elsewhere is not undone.
    """
    unknown = set(changes) - set(MEDICINE_FIELDS)
    if unknown:
        raise ValueError(sorted(unknown))
    if base is not None:
        checked = core.change_medicine(base, **changes)
        changes = {f: v for f, v in changes.items()
                   if v is not None and getattr(checked, f) != getattr(base, f)}
    with journal.transaction():
        med = _medicine(journal, ref)
        changed = core.change_medicine(med, **changes)
        return med if changed == med else journal.update(changed)


def remove_medicine(journal: Journal, ref: int | str) -> Medicine:
    """Take a medicine off the list (by number or id); undo brings it back."""
    with journal.transaction():
        med = _medicine(journal, ref)
        journal.delete(Medicine, med.id)
    return med


# -- the sheet as a file ------------------------------------------------------------------------------
def render_sheet(inputs: SheetInputs, fmt: str, width: int = 80) -> tuple[bytes, str]:
    """The sheet as a file's bytes in `fmt` (pdf, html, md or text, `width` columns), and the
    note saying what was shortened to fit one page ('' when in full)."""
    from paceapp.outputs import gp_sheet as out

    if fmt == "pdf":
        from paceapp.core.gp_sheet import shortened_note
        from paceapp.outputs.gp_pdf import render_pdf

        data, sheet = render_pdf(inputs)
        return data, shortened_note(sheet)
    if fmt == "html":
        from paceapp.outputs.gp_html import render_html

        return render_html(inputs).encode(), ""
    if fmt == "md":
        return out.render_markdown(inputs).encode(), ""
    return out.render_text(inputs, width).encode(), ""


def write_sheet(inputs: SheetInputs, path: Path, fmt: str, *,
                force: bool = False) -> tuple[Path, str]:
    """Write the sheet to `path` (a file there is replaced only with `force`); the full path
    and the 'shortened' note."""
    from paceapp.outputs.gp_sheet import save_file

    data, note = render_sheet(inputs, fmt)
    return save_file(path, data, force=force), note
