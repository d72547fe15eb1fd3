"""The layers stay headless, and quick commands start without the TUI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import paceapp.core
import paceapp.store

HEADLESS = sorted(
    [f"paceapp.core.{m.name}" for m in pkgutil.iter_modules(paceapp.core.__path__)]
    + [f"paceapp.store.{m.name}" for m in pkgutil.iter_modules(paceapp.store.__path__)]
)
UI_LIBS = ("textual", "click", "plotext", "fpdf", "rich")


def loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("module", HEADLESS)
def test_core_and_store_import_no_ui_library(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert not loaded & set(UI_LIBS), f"{module} pulls in {loaded & set(UI_LIBS)}"


def test_core_does_not_import_storage() -> None:
    loaded = {m for m in loaded_after("import paceapp.core.kinds; paceapp.core.kinds.all_kinds()")}
    assert "tinydb" not in loaded


@pytest.mark.parametrize("args", [["--help"], ["log", "pain", "5"], ["show", "pain"]])
def test_quick_commands_do_not_import_textual(args: list[str], tmp_path) -> None:
    code = ("import sys\nfrom paceapp.cli import main\n"
            f"sys.argv = ['paceapp', '--data-dir', {str(tmp_path / 'd')!r}, *{args!r}]\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass")
    loaded = loaded_after(code)
    assert "textual" not in loaded
    assert "plotext" not in loaded and "fpdf" not in loaded


#: Modules Today's first frame does not need (docs/performance.md): each defines classes and code
#: that cost start-up time on every launch, so they are imported when asked for.
NOT_FOR_TODAY = ("paceapp.core.gp_sheet", "paceapp.core.pacing_review", "paceapp.core.goal_progress",
                 "paceapp.core.share_document", "paceapp.store.migrations", "paceapp.outputs.share",
                 "paceapp.outputs.tables", "paceapp.outputs.charts")


def test_todays_first_frame_imports_only_what_it_shows(tmp_path) -> None:
    folder = tmp_path / "d"
    subprocess.run([sys.executable, "-c", "from datetime import date; from paceapp.demo import "
                    f"write_demo; write_demo({str(folder)!r}, 30, date(2026, 11, 21))"], check=True)
    code = ("from datetime import date\nfrom pathlib import Path\n"
            "from paceapp.store.journal import Journal\n"
            "from paceapp.tui.app import PaceApp\n"
            "from paceapp.tui.screens.today import load_today\n"
            f"load_today(Journal.open(Path({str(folder)!r})), date(2026, 11, 21))")
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    assert not set(out.split()) & set(NOT_FOR_TODAY), set(out.split()) & set(NOT_FOR_TODAY)
