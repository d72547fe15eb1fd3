"""The data folder's lock works on every platform: no POSIX-only module on any command's path,
one writer at a time across processes, the plain "busy" message after the wait, and a lock left
by a process killed with kill -9 never blocks the next command.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import paceapp
from paceapp.core.pain import PainEntry
from paceapp.store import folder as folder_module
from paceapp.store.errors import BusyError
from paceapp.store.folder import DataFolder
from paceapp.store.journal import Journal

#: Modules that exist only on POSIX systems (Windows has none of them).
POSIX_ONLY = ("fcntl", "termios", "tty", "pwd", "grp", "resource", "pty", "syslog", "posix",
              "crypt", "spwd", "nis", "readline", "curses")
#: Those hidden in the child process below (`posix` itself cannot be: `os` is built on it).
HIDDEN = ("fcntl", "termios", "tty", "pwd", "grp", "resource", "pty", "syslog")
SRC = Path(paceapp.__file__).parent
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


# -- no POSIX-only module on the import path -------------------------------------------------
def _guarded(node: ast.AST, parents: list[ast.AST]) -> bool:
    """An import inside `try: ... except ImportError` or under an `if` on the platform."""
    for parent in parents:
        if isinstance(parent, ast.Try) and any(
                handler.type is None or "Error" in ast.unparse(handler.type)
                for handler in parent.handlers):
            return True
        if isinstance(parent, ast.If) and any(word in ast.unparse(parent.test)
                                              for word in ("platform", "os.name", "has_")):
            return True
    return False


def _import_time_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) for every unguarded import run when the module is imported.

    Function bodies run later, so their imports are lazy; class bodies run at import.
    """
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, parents: list[ast.AST]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import) and not _guarded(child, parents):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif (isinstance(child, ast.ImportFrom) and child.level == 0 and child.module
                  and not _guarded(child, parents)):
                found.append((child.lineno, child.module))
            else:
                visit(child, [*parents, child])

    visit(tree, [])
    return found


def test_no_module_imports_a_posix_only_module_when_it_loads() -> None:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, module in _import_time_imports(tree):
            if module.split(".")[0] in POSIX_ONLY:
                problems.append(f"{path.relative_to(SRC)}:{line} imports {module}")
    assert not problems, "POSIX-only modules imported at load time:\n" + "\n".join(problems)


def test_the_static_check_can_see_a_top_level_import() -> None:
    tree = ast.parse(textwrap.dedent("""
        import fcntl
        class C:
            import pwd
        def f():
            import termios
        try:
            import grp
        except ImportError:
            grp = None
    """))
    assert [module for _line, module in _import_time_imports(tree)] == ["fcntl", "pwd"]


CHILD = textwrap.dedent("""
    import sys
    for name in HIDDEN:
        sys.modules[name] = None   # `import fcntl` now raises ImportError, as on Windows
    import contextlib, importlib, io, json, pkgutil

    imported = []
    for package in ("paceapp.cli", "paceapp.store", "paceapp.core", "paceapp.outputs"):
        module = importlib.import_module(package)
        imported.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
            imported.append(info.name)

    from paceapp.cli import main
    ran = []
    for args in (["log", "pain", "6", "--note", "stairs"], ["log", "pain", "3"],
                 ["show", "pain", "--json"], ["data", "check"]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", DATA, *args])
        ran.append({"args": args, "code": code, "out": out.getvalue(), "err": err.getvalue()})
    print(json.dumps({"imported": imported, "ran": ran}))
""")


def test_every_command_module_loads_and_data_commands_work_without_posix_modules(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = f"HIDDEN = {HIDDEN!r}\nDATA = {str(data)!r}\n" + CHILD
    # With fcntl hidden on Linux, filelock falls back to its soft lock and warns once; on
    # Windows it uses LockFileEx and says nothing. Only that one warning is silenced.
    done = subprocess.run([sys.executable, "-W", "ignore:only soft file lock:UserWarning",
                           "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PACEAPP_NOW": "2026-11-21T10:00"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and done.stderr == "", done.stderr
    report = json.loads(done.stdout)
    assert "paceapp.store.folder" in report["imported"]
    assert "paceapp.cli.data" in report["imported"]
    for step in report["ran"]:
        assert step["code"] == 0, step
        assert step["err"] == "", step
    shown = json.loads(report["ran"][2]["out"])
    assert sorted(entry["score"] for entry in shown) == [3, 6]
    assert "checks out" in report["ran"][3]["out"]


# -- one writer at a time ---------------------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from paceapp.core.pain import PainEntry
    from paceapp.store.journal import Journal

    root, hold = Path(sys.argv[1]), float(sys.argv[2])
    journal = Journal.open(root)
    with journal.transaction():               # holds the folder lock
        journal.add(PainEntry(at=datetime.now().astimezone(), score=8, note="holder"))
        print("held", flush=True)
        time.sleep(hold)
    print(f"released {time.time()}", flush=True)
""")

WAITER = textwrap.dedent("""
    import sys, time
    print(f"started {time.time()}", flush=True)
    from paceapp.cli import main
    code = main(["--data-dir", sys.argv[1], "log", "pain", "2", "--note", "waiter"])
    print(f"finished {time.time()} {code}", flush=True)
""")


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_line(process: subprocess.Popen[str], word: str) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith(word), (line, process.stderr.read() if process.stderr else "")
    return line


def test_a_second_process_waits_for_the_lock_and_both_writes_land(data_dir: Path) -> None:
    Journal.open(data_dir)
    holder = _start(HOLDER, str(data_dir), "2.5")
    try:
        _wait_for_line(holder, "held")
        waiter = _start(WAITER, str(data_dir))
        out, err = waiter.communicate(timeout=60)
    finally:
        holder_out, holder_err = holder.communicate(timeout=60)
    assert holder.returncode == 0, holder_err
    assert waiter.returncode == 0, err
    released = float(holder_out.split()[-1])
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    started = float(lines["started"][0])
    finished, code = float(lines["finished"][0]), lines["finished"][1]
    assert code == "0", err
    assert started < released, "the waiter started too late to show anything"
    assert finished >= released, "the second writer did not wait for the first"
    notes = sorted(entry.note for entry in Journal.open(data_dir).list(PainEntry))
    assert notes == ["holder", "waiter"]


def test_a_second_lock_on_the_same_folder_waits_then_says_busy_plainly(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_module, "LOCK_TIMEOUT_S", 0.2)
    first, second = DataFolder(data_dir), DataFolder(data_dir)
    with first.locked(), first.locked():      # re-entrant within one folder object
        first.require_lock()
        began = time.monotonic()
        with pytest.raises(BusyError) as raised, second.locked():
            pass
        assert time.monotonic() - began >= 0.2   # it waited before giving up
        assert str(raised.value) == ("Another paceapp window is busy saving. Please try again "
                                     "in a moment.")
        with pytest.raises(RuntimeError):
            second.require_lock()
    with pytest.raises(RuntimeError):
        first.require_lock()
    with second.locked():                      # released once the outer hold ended
        second.require_lock()


@POSIX
def test_the_lock_file_is_private_inside_a_private_folder(data_dir: Path) -> None:
    folder = DataFolder(data_dir)
    with folder.locked():
        pass
    assert folder.lock_path == data_dir / ".lock"
    assert stat.S_IMODE(os.stat(folder.lock_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700


# -- a lock left by a killed process ----------------------------------------------------------
LOCK_AND_SLEEP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from paceapp.store.folder import DataFolder

    folder = DataFolder(Path(sys.argv[1]))
    with folder.locked():
        print("held", flush=True)
        time.sleep(120)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_lock_held_by_a_process_killed_with_kill_9_does_not_block_the_next_command(
        data_dir: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_module, "LOCK_TIMEOUT_S", 0.3)
    holder = _start(LOCK_AND_SLEEP, str(data_dir))
    try:
        _wait_for_line(holder, "held")
        busy = cli("log", "pain", "3")           # really held: the command waits, then says so
        assert busy.code == 1
        assert "busy saving" in busy.err and "Traceback" not in busy.err
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=30)
    assert holder.returncode == -signal.SIGKILL
    assert (data_dir / ".lock").exists()         # the file stays; the lock went with the process
    began = time.monotonic()
    ran = cli("log", "pain", "4")
    assert ran.code == 0, ran.err
    assert time.monotonic() - began < 5
    assert [entry.score for entry in Journal.open(data_dir).list(PainEntry)] == [4]
