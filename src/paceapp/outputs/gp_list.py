"""Reading and changing the GP list in the journal (shared by the CLI and the TUI).

Every change is one `journal.update` (or `add`) of the appointment being prepared, inside one
transaction, so it is saved whole and one undo reverses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from paceapp.core.errors import ValidationError
from paceapp.core.gp import (
    MAX_MEDICINES,
    OUTCOME_MAX,
    Appointment,
    Medicine,
    check_words,
    current_appointment,
    last_closed,
    start_appointment,
    when_text,
)
from paceapp.store.journal import Journal


def appointments(journal: Journal) -> list[Appointment]:
    return journal.list(Appointment) if _exists(journal) else []


def medicines(journal: Journal) -> list[Medicine]:
    """The medicines list, in the order it was written."""
    if not _exists(journal):
        return []
    return sorted(journal.list(Medicine), key=lambda m: m.created)


def _exists(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


class GpState(NamedTuple):
    """What the GP screen and `gp list` show."""

    current: Appointment | None
    previous: Appointment | None
    medicines: list[Medicine]


def load_state(journal: Journal) -> GpState:
    appts = appointments(journal)
    return GpState(current_appointment(appts), last_closed(appts), medicines(journal))


def change_current(journal: Journal, change: Callable[[Appointment], Appointment]) -> Appointment:
    """Apply `change` to the appointment being prepared (starting one if there is none)."""
    with journal.transaction():
        appts = appointments(journal)
        current = current_appointment(appts)
        if current is None:
            return journal.add(change(start_appointment(last_closed(appts))))
        changed = change(current)
        return current if changed == current else journal.update(changed)


def set_when(journal: Journal, visit: date, clock: object = None) -> Appointment:
    return change_current(journal, lambda a: replace(a, visit_date=visit, visit_time=clock))


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
            return journal.update(replace(current, outcome=outcome, closed=True))
        previous = last_closed(appts)
        if previous is None:
            raise ValidationError("There is no appointment yet. Set one with: paceapp gp date "
                                  "WHEN.", "outcome")
        return journal.update(replace(previous, outcome=outcome))


def medicine_at(journal: Journal, number: int) -> Medicine:
    meds = medicines(journal)
    if not meds:
        raise ValidationError("There are no medicines on the list yet.", "number")
    if not 1 <= number <= len(meds):
        raise ValidationError(f"There is no medicine number {number}; the list has {len(meds)} "
                              f"(1 to {len(meds)}).", "number")
    return meds[number - 1]


def add_medicine(journal: Journal, medicine: Medicine) -> Medicine:
    with journal.transaction():
        if len(medicines(journal)) >= MAX_MEDICINES:
            raise ValidationError(f"The list holds up to {MAX_MEDICINES} medicines. Please remove "
                                  "ones you no longer take first.", "name")
        return journal.add(medicine)
