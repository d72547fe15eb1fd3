"""One meaning per key: no section rebinds a key the whole app uses, and `f` is always Flare-up.

`c` changes the colours everywhere; on the GP screen it once carried a concern over instead, so
pressing it for colours silently changed the list. `f` starts a flare-up on Today and the Diary;
on Goals it once finished a plan.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import paceapp.tui.screens as screens_package
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.base import SectionScreen


def keys_of(binding: Binding | tuple[str, ...]) -> list[str]:
    key = binding.key if isinstance(binding, Binding) else binding[0]
    return [k.strip() for k in key.split(",")]


def section_screens() -> list[type[SectionScreen]]:
    found = []
    for info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"{screens_package.__name__}.{info.name}")
        found += [cls for _name, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, SectionScreen) and cls is not SectionScreen
                  and cls.__module__ == module.__name__]
    return found


def app_wide_keys() -> dict[str, str]:
    return {key: binding.description for binding in PaceApp.BINDINGS
            for key in keys_of(binding)}


def test_every_section_is_found() -> None:
    modes = {screen.MODE for screen in section_screens()}
    assert {"today", "diary", "pacing", "goals", "gp", "group", "charts", "data"} <= modes


def test_no_section_rebinds_an_app_wide_key() -> None:
    app_keys = app_wide_keys()
    clashes = [f"{screen.__name__}: {key} is '{binding.description}' there but "
               f"'{app_keys[key]}' everywhere else"
               for screen in section_screens()
               for binding in screen.BINDINGS
               for key in keys_of(binding) if key in app_keys]
    assert clashes == []


def test_f_means_flare_up_wherever_a_section_binds_it() -> None:
    meanings = {screen.__name__: binding.description
                for screen in section_screens() for binding in screen.BINDINGS
                if "f" in keys_of(binding)}
    assert meanings, "Today binds f for a flare-up"
    assert all("Flare" in description for description in meanings.values()), meanings

