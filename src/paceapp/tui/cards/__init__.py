"""Cards on the Today screen. Each feature contributes one; Today shows those that exist."""

from __future__ import annotations

import importlib

from paceapp.tui.cards.base import TodayCard

#: Modules with a `CARD` class (a TodayCard subclass), in the order Today shows them.
CARD_MODULES: tuple[str, ...] = (
    "paceapp.tui.cards.checkin",
    "paceapp.tui.cards.flare",
    "paceapp.tui.cards.sleep",
    "paceapp.tui.cards.day",
    "paceapp.tui.cards.pacing",
    "paceapp.tui.cards.goals",
    "paceapp.tui.cards.gp",
    "paceapp.tui.cards.group",
)


def card_classes() -> list[type[TodayCard]]:
    found = []
    for module_name in CARD_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue
            raise
        found.append(module.CARD)
    return found
