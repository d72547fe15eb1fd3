"""The app's sections (Textual modes), each one key away: 1 Today, 2 Diary, 3 Pacing … 8 Data.

A section is listed only when its screen module exists, so the app never shows a screen that
does not work yet.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class Section:
    key: str
    mode: str
    title: str
    target: str  # "module:ScreenClass"

    def available(self) -> bool:
        module = self.target.partition(":")[0]
        try:
            return importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            return False

    def screen_class(self) -> type[Screen]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


ALL_SECTIONS: tuple[Section, ...] = (
    Section("1", "today", "Today", "paceapp.tui.screens.today:TodayScreen"),
    Section("2", "diary", "Diary", "paceapp.tui.screens.diary:DiaryScreen"),
    Section("3", "pacing", "Pacing", "paceapp.tui.screens.pacing:PacingScreen"),
    Section("4", "goals", "Goals", "paceapp.tui.screens.goals:GoalsScreen"),
    Section("5", "gp", "GP", "paceapp.tui.screens.gp:GPScreen"),
    Section("6", "group", "Group", "paceapp.tui.screens.group:GroupScreen"),
    Section("7", "charts", "Charts", "paceapp.tui.screens.charts:ChartsScreen"),
    Section("8", "data", "Data", "paceapp.tui.screens.data:DataScreen"),
)


@functools.cache
def sections() -> list[Section]:
    """The sections whose screens exist (looked up once: the installed files do not change)."""
    return [s for s in ALL_SECTIONS if s.available()]
