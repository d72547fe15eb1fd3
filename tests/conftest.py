"""Shared fixtures: a fresh data folder per test, CLI runners, and a Journal on disk or in memory.

No test may touch the real user data folder: `default_data_dir` is patched to fail loudly.
"""

from __future__ import annotations

import gc
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from paceapp.store.journal import Journal

os.environ.setdefault("TZ", "Europe/London")
if hasattr(__import__("time"), "tzset"):
    __import__("time").tzset()


def pytest_configure(config: pytest.Config) -> None:
    """Fewer garbage collections: each Pilot test builds and drops a whole Textual app (hundreds
    of thousands of objects, many in cycles), and with Python's default thresholds a worker spent
    about a fifth of its time in the collector, more as its heap grew. What was imported before
    the tests is frozen (never scanned again) and the young generation is collected every 50,000
    allocations instead of every 700. Cycles are still collected; only less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tmux walks mostly wait on a real terminal, so they run one after another on one xdist
    worker (the group "terminal", with `--dist loadgroup`) while the other workers run the rest;
    they also never compete with each other for the screen's timing.

    Grouped tests (the walks, and files whose module-wide fixture keeps them on one worker) are
    collected first, so the longest pieces of work start first and the run does not end waiting
    for one of them."""
    for item in items:
        if item.get_closest_marker("e2e") or "e2e" in item.path.parts:
            item.add_marker(pytest.mark.xdist_group("terminal"))
    def order(item: pytest.Item) -> int:
        group = item.get_closest_marker("xdist_group")
        return 2 if group is None else 0 if group.args == ("terminal",) else 1
    items.sort(key=order)


@pytest.fixture(autouse=True)
def _no_real_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse() -> Path:
        raise AssertionError("a test tried to use the real user data folder")

    monkeypatch.setattr("paceapp.paths.default_data_dir", refuse)
    monkeypatch.delenv("PACEAPP_DATA_DIR", raising=False)
    # Files the app saves go to the documents folder: never the real one in a test.
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(tmp_path / "documents"))
    # The first-start welcome has its own tests; every other test starts on Today.
    monkeypatch.setenv("PACEAPP_NO_WELCOME", "1")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal(data_dir: Path) -> Journal:
    return Journal.open(data_dir)


@pytest.fixture(params=["memory", "disk"])
def any_journal(request: pytest.FixtureRequest, tmp_path: Path) -> Journal:
    """The same tests over in-memory storage and the real on-disk storage."""
    if request.param == "memory":
        return Journal.in_memory()
    return Journal.open(tmp_path / "any")


@dataclass
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `paceapp ARGS...` in-process against the test's data folder: cli("log", "pain", "6")."""
    from paceapp.cli import main

    def run(*args: str, input: str | None = None, data: Path | None = None) -> Ran:  # noqa: A002
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(input or ""))
        code = main(["--data-dir", str(data or data_dir), *args])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


def run_paceapp(*args: str, data: Path | None = None, input: str | None = None,  # noqa: A002
                env: dict[str, str] | None = None, timeout: float = 60) -> Ran:
    """Run the real `paceapp` in a fresh process (python -m paceapp)."""
    full_env = {**os.environ, **(env or {})}
    argv = [sys.executable, "-m", "paceapp"]
    if data is not None:
        argv += ["--data-dir", str(data)]
    proc = subprocess.run([*argv, *args], input=input, capture_output=True, text=True,
                          env=full_env, timeout=timeout)
    return Ran(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def paceapp_process():
    return run_paceapp


def folder_bytes(root: Path) -> dict[str, bytes]:
    """Every data file under `root` (not the lock, nor form drafts, which are not records) with
    its content: for 'nothing changed' checks."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".lock" and p.relative_to(root).parts[0] != "drafts"}
