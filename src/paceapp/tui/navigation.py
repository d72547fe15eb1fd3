"""The app's sections (Textual modes), each one key away: 1 Today, 2 Diary, 3 Pacing … 8 Data.

Each section names its screen class by importing it (in a small function, so a section's code is
imported when the person first opens it, not at start-up): a renamed screen fails loudly, in the
type check and in tests/test_registries.py, instead of its section quietly disappearing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.screen import Screen

from paceapp.core.value import Value


@dataclass(frozen=True, eq=False, repr=False)
class Section(Value):
    key: str
    mode: str
    title: str
    load: Callable[[], type[Screen[Any]]]

    @property
    def target(self) -> str:
        """A stable name for the section's screen (its mode)."""
        return self.mode

    def screen_class(self) -> type[Screen[Any]]:
        return self.load()


def _today() -> type[Screen[Any]]:
    from paceapp.tui.screens.today import TodayScreen

    return TodayScreen


def _diary() -> type[Screen[Any]]:
    from paceapp.tui.screens.diary import DiaryScreen

    return DiaryScreen


def _pacing() -> type[Screen[Any]]:
    from paceapp.tui.screens.pacing import PacingScreen

    return PacingScreen


def _goals() -> type[Screen[Any]]:
    from paceapp.tui.screens.goals import GoalsScreen

    return GoalsScreen


def _gp() -> type[Screen[Any]]:
    from paceapp.tui.screens.gp import GPScreen

    return GPScreen


def _group() -> type[Screen[Any]]:
    from paceapp.tui.screens.group import GroupScreen

    return GroupScreen


def _charts() -> type[Screen[Any]]:
    from paceapp.tui.screens.charts import ChartsScreen

    return ChartsScreen


def _data() -> type[Screen[Any]]:
    from paceapp.tui.screens.data import DataScreen

    return DataScreen


ALL_SECTIONS: tuple[Section, ...] = (
    Section("1", "today", "Today", _today),
    Section("2", "diary", "Diary", _diary),
    Section("3", "pacing", "Pacing", _pacing),
    Section("4", "goals", "Goals", _goals),
    Section("5", "gp", "GP", _gp),
    Section("6", "group", "Group", _group),
    Section("7", "charts", "Charts", _charts),
    Section("8", "data", "Data", _data),
)


def sections() -> list[Section]:
    """Every section, in the order of its key."""
    return list(ALL_SECTIONS)
