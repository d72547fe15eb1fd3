"""The layer order, read from the source (AST): imports only point down.

    core  <  store, outputs  <  app  <  cli, tui

- core imports no other layer, nor textual, click, tinydb, plotext, platformdirs, fpdf (pure).
- store imports only core; outputs imports core and the store's crash-safe file writers and
  errors, never the Journal (what it shows is read by the application layer).
- app imports core, store and outputs only.
- cli never imports tui, except the lazy launch of the app (`paceapp`, `paceapp demo`) inside a
  function; tui never imports cli.
- cli and tui never import paceapp.store (they use paceapp.app.folder and paceapp.app.errors),
  and never call the Journal's methods: they pass the opened folder to paceapp.app.

Every import counts: at the top, inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "paceapp"
LAYERS = ("core", "store", "outputs", "app", "cli", "tui", "demo")
#: Shared by every layer but core: the version (`paceapp.__version__`) and where data lives.
BASE = {"paceapp", "paceapp.paths"}

#: layer -> the project layers it may import (itself always allowed).
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "store": {"core"},
    "outputs": {"core", "store"},
    "app": {"core", "store", "outputs"},
    "demo": {"core", "store"},
    "cli": {"core", "store", "outputs", "app", "demo"},
    "tui": {"core", "store", "outputs", "app"},
}
#: Libraries core must not import (it is pure: no I/O, no front end).
NOT_IN_CORE = {"textual", "click", "tinydb", "plotext", "platformdirs", "fpdf", "filelock", "rich"}
#: cli files that open the app from inside a function (the one lazy launch), and what they import.
TUI_LAUNCHERS = {"cli/__init__.py": "paceapp.tui.launch", "cli/root.py": "paceapp.tui.launch",
                 "cli/demo.py": "paceapp.tui.launch"}

class Import:
    def __init__(self, module: str, line: int, top_level: bool) -> None:
        self.module, self.line, self.top_level = module, line, top_level


def imports(path: Path, root: Path = PACKAGE) -> list[Import]:
    """Every module `path` (in the package at `root`) imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ["paceapp", *path.relative_to(root).parent.parts]
    top = {id(node) for node in tree.body}
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            found.append(Import(module, node.lineno, id(node) in top))
            if module == "paceapp":  # `from paceapp import x` may name a layer
                found += [Import(f"paceapp.{alias.name}", node.lineno, id(node) in top)
                          for alias in node.names if alias.name in LAYERS]
    return found


def layer_of(module: str) -> str | None:
    """The project layer a module belongs to (None: not a layer, e.g. paceapp.paths)."""
    parts = module.split(".")
    if parts[0] != "paceapp" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def source_files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_every_layer_has_source() -> None:
    for layer in LAYERS:
        assert source_files(layer), f"no files found for the layer {layer}"


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_down(layer: str) -> None:
    wrong = []
    for path in source_files(layer):
        for found in imports(path):
            target = layer_of(found.module)
            if found.module.startswith("paceapp") and target is None:
                if layer == "core" or found.module.split(".")[:2] not in (
                        ["paceapp"], ["paceapp", "paths"]):
                    wrong.append(f"{name(path)}:{found.line} imports {found.module}")
                continue
            if target is None or target == layer or target in MAY_IMPORT[layer]:
                continue
            if (layer == "cli" and target == "tui" and not found.top_level
                    and TUI_LAUNCHERS.get(name(path)) == found.module):
                continue  # the one lazy launch of the app
            wrong.append(f"{name(path)}:{found.line} imports {found.module}")
    assert not wrong, f"{layer} may import only {sorted(MAY_IMPORT[layer]) or 'itself'}:\n" + \
        "\n".join(wrong)


def test_core_imports_no_io_or_front_end_library() -> None:
    wrong = [f"{name(path)}:{found.line} imports {found.module}"
             for path in source_files("core") for found in imports(path)
             if found.module.split(".")[0] in NOT_IN_CORE]
    assert not wrong, "core is pure:\n" + "\n".join(wrong)


def test_front_ends_never_import_the_store() -> None:
    importing = sorted(f"{name(path)}:{found.line} imports {found.module}"
                       for layer in ("cli", "tui") for path in source_files(layer)
                       for found in imports(path) if layer_of(found.module) == "store")
    assert not importing, ("cli and tui use paceapp.app (folder, errors and the use-cases), "
                           "never paceapp.store:\n" + "\n".join(importing))


def test_outputs_never_reads_the_journal() -> None:
    reading = sorted(f"{name(path)}:{found.line} imports {found.module}"
                     for path in source_files("outputs") for found in imports(path)
                     if found.module.startswith("paceapp.store.journal"))
    assert not reading, "outputs draws what the application layer read:\n" + "\n".join(reading)


#: The Journal's methods; a front end calling one on the opened folder (`journal`, `j`,
#: `self.journal`, `env.journal()`) is doing the application layer's job.
JOURNAL_METHODS = {"list", "add", "add_many", "update", "get", "find", "get_single", "put_single",
                   "delete", "transaction", "undo", "by_file", "check", "count", "last_change",
                   "kinds_in_use", "schema_version"}


def journal_calls(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in JOURNAL_METHODS):
            continue
        owner = node.func.value
        if isinstance(owner, ast.Call):
            owner = owner.func
        text = ast.unparse(owner)
        if text in {"journal", "j", "self.journal", "self.pace.journal", "self.app.journal",
                    "app.journal", "env.journal", "pace.journal"}:
            found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} {ast.unparse(node.func)}(...)")
    return found


def test_front_ends_never_call_the_journal() -> None:
    calls = [call for layer in ("cli", "tui") for path in source_files(layer)
             for call in journal_calls(path)]
    assert not calls, "front ends call paceapp.app's use-cases:\n" + "\n".join(calls)


def test_the_journal_call_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f(self, env):\n    self.pace.save(lambda j: j.delete(1, 2))\n"
                      "    env.journal().list(int)\n", encoding="utf-8")
    assert len(journal_calls(sample, root=tmp_path)) == 2


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    """The checker itself: an import inside a function, a relative one and one under
    TYPE_CHECKING are all found."""
    sample = tmp_path / "tui" / "screens" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text("from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from paceapp.store.journal import Journal\n"
                      "def f():\n    from ...cli import main\n", encoding="utf-8")
    found = imports(sample, root=tmp_path)
    assert {"paceapp.store.journal", "paceapp.cli"} <= {i.module for i in found}
    assert not any(i.top_level for i in found if i.module == "paceapp.cli")
