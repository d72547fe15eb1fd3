"""A screen's styles live in a .tcss file beside it (CSS_PATH): each named file exists and is
shipped with the package (matched by pyproject's package data), and each shipped pattern
matches a real file."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest
from textual.screen import Screen

import paceapp.tui.screens

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "paceapp"


def screens_with_css_path() -> list[type[Screen]]:
    found = []
    for info in pkgutil.iter_modules(paceapp.tui.screens.__path__):
        module = importlib.import_module(f"paceapp.tui.screens.{info.name}")
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, Screen) and cls.__module__ == module.__name__
                  and "CSS_PATH" in cls.__dict__]
    return found


def shipped_patterns() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = project["tool"]["setuptools"]["package-data"]["paceapp"]
    return [p for p in patterns if p.endswith(".tcss")]


def test_some_screens_have_their_styles_beside_them() -> None:
    names = {cls.__name__ for cls in screens_with_css_path()}
    assert {"SupportScreen", "WelcomeScreen"} <= names


@pytest.mark.parametrize("screen", screens_with_css_path(), ids=lambda cls: cls.__name__)
def test_each_css_path_is_a_shipped_file(screen: type[Screen]) -> None:
    folder = Path(inspect.getfile(screen)).parent
    paths = [screen.CSS_PATH] if isinstance(screen.CSS_PATH, (str, Path)) else screen.CSS_PATH
    for path in paths or []:
        file = folder / path
        assert file.is_file(), f"{screen.__name__}: {file} is missing"
        inside = file.relative_to(PACKAGE).as_posix()
        assert any(Path(inside).match(p) for p in shipped_patterns()), \
            f"{inside} is not in pyproject's package data"


def test_each_shipped_style_pattern_matches_a_file() -> None:
    for pattern in shipped_patterns():
        assert list(PACKAGE.glob(pattern)), f"package data '{pattern}' matches no file"
