"""The registry of record kinds: name -> record class.

Each feature module in `paceapp.core` lists its record classes in a module-level `KINDS` tuple;
`all_kinds()` imports those modules by name (a renamed module fails loudly, at the import below).
The import waits for the first lookup: `paceapp log pain` opens the Journal without needing the
pacing, goals or sharing code.
"""

from __future__ import annotations

import functools
from types import ModuleType

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record


def kind_modules() -> tuple[ModuleType, ...]:
    """The modules that define record kinds, in registration order. A feature adds its own."""
    from paceapp.core import day, flare, goals, gp, nap, pacing, pain, settings, sharing, sleep

    return (pain, sleep, nap, day, flare, pacing, goals, gp, sharing, settings)


#: Other names people may type for a kind (`paceapp show flares`).
ALIASES: dict[str, str] = {
    "flares": "flare", "flare-up": "flare", "flare-ups": "flare", "flareup": "flare",
    "activities": "activity", "goals": "goal", "nights": "sleep", "naps": "nap", "baselines": "baseline",
    "medicines": "medicine", "appointment": "gp", "appointments": "gp",
    "days": "day", "day-record": "day", "day-records": "day",
    "baseline-change": "baselinechange", "baseline-changes": "baselinechange",
    "baselinechanges": "baselinechange", "baseline_change": "baselinechange",
}


@functools.cache
def all_kinds() -> dict[str, type[Record]]:
    """Every registered kind, by name, in registration order."""
    kinds: dict[str, type[Record]] = {}
    for module in kind_modules():
        for cls in module.KINDS:
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
