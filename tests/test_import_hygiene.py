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


def opening(args: list[str], env_folder: str | None = None) -> tuple[str, set[str]]:
    """Run `paceapp ARGS` with the app replaced by a stand-in that prints the folder it was
    given; return what it printed and the libraries loaded."""
    code = ("import os, sys\n"
            + (f"os.environ['PACEAPP_DATA_DIR'] = {env_folder!r}\n" if env_folder else
               "os.environ.pop('PACEAPP_DATA_DIR', None)\n")
            + "import paceapp.tui.launch as launch\n"
            "launch.run_tui = lambda folder, **_: print('APP', folder) or 0\n"
            "from paceapp.cli import main\n"
            f"code = main({args!r})\n"
            "print('CODE', code, ' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    app_line = next((line for line in out.splitlines() if line.startswith("APP ")), "")
    loaded = {name.split(".")[0] for name in out.split()}
    return app_line.removeprefix("APP ").strip(), loaded


@pytest.mark.parametrize("form", ["none", "option", "option="])
def test_opening_the_app_does_not_import_click(form: str, tmp_path) -> None:
    """`paceapp` and `paceapp --data-dir FOLDER` start the app without click (it starts sooner),
    on the same folder click would have given it."""
    folder = tmp_path / "mine"
    args = {"none": [], "option": ["--data-dir", str(folder)],
            "option=": [f"--data-dir={folder}"]}[form]
    given, loaded = opening(args, env_folder=str(tmp_path / "from-env"))
    assert given == str(folder if args else tmp_path / "from-env")
    assert "click" not in loaded


def test_a_data_dir_click_would_refuse_still_gets_clicks_message(tmp_path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for args in (["--data-dir", str(a_file)], [f"--data-dir={a_file}"]):
        code = ("from paceapp.cli import main\nimport sys\n"
                f"sys.exit(main({args!r}))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr and done.stderr.strip(), args


@pytest.mark.parametrize("args", [["--data-dir", "--help"], ["--data-dir", "-x"], ["--help"],
                                  ["--data-dir"], ["--data-dir="], ["--version"], ["demo"],
                                  ["--data-dir", "a", "log"], ["--data", "a"]])
def test_anything_but_opening_the_app_goes_through_click(args: list[str]) -> None:
    from paceapp.cli import opens_the_app

    assert opens_the_app(args) == (False, None)


@pytest.mark.parametrize("args", [[], ["--data-dir", "somewhere"]])
def test_tab_completion_is_answered_by_click_not_the_app(args: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Bash's TAB runs `paceapp` with no arguments and click's completion variable set: the app
    must not open (it once did, and spun with nobody at the keyboard)."""
    from paceapp.cli import COMPLETION_VARIABLE, opens_the_app

    monkeypatch.setenv(COMPLETION_VARIABLE, "bash_complete")
    assert opens_the_app(args) == (False, None)


def test_on_windows_only_the_bare_command_skips_click(monkeypatch: pytest.MonkeyPatch) -> None:
    """click expands globs and %VARIABLES% in a Windows command line: a folder given there is
    left to click, so it means what it meant before."""
    from paceapp.cli import opens_the_app

    monkeypatch.setattr("paceapp.cli.WINDOWS", True)
    assert opens_the_app([]) == (True, None)
    assert opens_the_app(["--data-dir", "%APPDATA%\\pace"]) == (False, None)


def test_the_app_failing_to_open_says_so_plainly_without_click_first(tmp_path) -> None:
    """An error opening the folder gets the same plain message and exit code as any command
    (here the folder is inside a file: the journal cannot read it, and says how to fix it)."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code = ("from paceapp.cli import main\nimport sys\n"
            f"sys.exit(main(['--data-dir', {str(blocker / 'inside')!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot be used" in done.stderr and "paceapp has not changed anything" in done.stderr
