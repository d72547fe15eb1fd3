"""The registry of record kinds: name -> record class.

Each feature module in `paceapp.core` lists its record classes in a module-level `KINDS` tuple; the
registry imports the modules named here the first time a kind is looked up.
"""

from __future__ import annotations

import functools
import importlib

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record

#: Modules that define record kinds. A feature adds its module here.
KIND_MODULES: tuple[str, ...] = (
    "paceapp.core.pain",
    "paceapp.core.sleep",
    "paceapp.core.nap",
    "paceapp.core.day",
    "paceapp.core.flare",
    "paceapp.core.pacing",
    "paceapp.core.goals",
    "paceapp.core.gp",
    "paceapp.core.sharing",
    "paceapp.core.settings",
)

#: Other names people may type for a kind (`paceapp show flares`).
ALIASES: dict[str, str] = {
    "flares": "flare", "flare-up": "flare", "flare-ups": "flare", "flareup": "flare",
    "activities": "activity", "goals": "goal", "nights": "sleep", "naps": "nap", "baselines": "baseline",
    "medicines": "medicine", "appointment": "gp", "appointments": "gp",
    "days": "day", "day-record": "day", "day-records": "day",
}


@functools.cache
def all_kinds() -> dict[str, type[Record]]:
    """Every registered kind, by name, in registration order."""
    kinds: dict[str, type[Record]] = {}
    for module_name in KIND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:  # a feature not built yet
                continue
            raise
        for cls in getattr(module, "KINDS", ()):
            kinds[cls.KIND] = cls
    return kinds


def kind_class(name: str) -> type[Record]:
    """The record class for a kind name (or alias); ValidationError lists the known names."""
    kinds = all_kinds()
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in kinds:
        known = ", ".join(sorted(k for k in kinds if not kinds[k].SINGLE))
        raise ValidationError(f"'{name}' is not a kind of record paceapp keeps. "
                              f"Try one of: {known}.", "kind")
    return kinds[key]
