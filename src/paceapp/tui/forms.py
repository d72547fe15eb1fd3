"""Which form edits which kind of record. Kinds without a form use the field-by-field form."""

from __future__ import annotations

from typing import Any

from textual.screen import ModalScreen

from paceapp.core.records import Record


def edit_forms() -> dict[str, type[ModalScreen[Any]]]:
    """kind -> its form, which takes the record and dismisses with the changed record (or None).
    Imported here by name, when first needed (not at start-up), so a renamed form fails loudly."""
    from paceapp.tui.screens.activity_form import ActivityForm
    from paceapp.tui.screens.day_form import DayForm
    from paceapp.tui.screens.flare_form import FlareForm
    from paceapp.tui.screens.nap_form import NapForm
    from paceapp.tui.screens.pain_form import PainForm, PegForm
    from paceapp.tui.screens.sleep_form import SleepForm

    return {"pain": PainForm, "peg": PegForm, "sleep": SleepForm, "flare": FlareForm,
            "activity": ActivityForm, "nap": NapForm, "day": DayForm}


def edit_form_class(kind: str) -> type[ModalScreen[Any]]:
    """The form for a kind: its own, else the field-by-field form."""
    from paceapp.tui.screens.record_form import RecordForm

    return edit_forms().get(kind, RecordForm)


def edit_form(record: Record) -> ModalScreen[Record | None]:
    """The form that edits `record` (each form takes its own kind: hence Any)."""
    form_class: Any = edit_form_class(record.KIND)
    form: ModalScreen[Record | None] = form_class(record)
    return form
