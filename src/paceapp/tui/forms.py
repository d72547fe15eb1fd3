"""Which form edits which kind of record. Kinds without a form use the field-by-field form."""

from __future__ import annotations

import importlib

from textual.screen import ModalScreen

from paceapp.core.records import Record

#: kind -> "module:FormClass"; the form takes the record and dismisses with the changed record.
EDIT_FORMS: dict[str, str] = {
    "pain": "paceapp.tui.screens.pain_form:PainForm",
    "peg": "paceapp.tui.screens.pain_form:PegForm",
    "sleep": "paceapp.tui.screens.sleep_form:SleepForm",
    "flare": "paceapp.tui.screens.flare_form:FlareForm",
    "activity": "paceapp.tui.screens.activity_form:ActivityForm",
    "nap": "paceapp.tui.screens.nap_form:NapForm",
    "day": "paceapp.tui.screens.day_form:DayForm",
}


def edit_form(record: Record) -> ModalScreen[Record | None]:
    target = EDIT_FORMS.get(record.KIND)
    if target:
        module_name, _, name = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
        else:
            return getattr(module, name)(record)
    from paceapp.tui.screens.record_form import RecordForm

    return RecordForm(record)
