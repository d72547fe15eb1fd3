"""bench/run.py --compare-src DIR: the TUI first frame of another checkout, measured alongside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from paceapp.demo import write_demo

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_run_compares_another_checkout() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                             "--compare-src", str(ROOT / "src")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    headless = [line for line in result.stdout.splitlines()
                if "the same, paceapp in" in line and " ms" in line]
    assert headless, result.stdout  # the other checkout's first frame is measured and shown


def test_a_folder_without_paceapp_is_refused(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                             "--compare-src", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no paceapp package in" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_the_probe_runs_a_checkout_from_before_the_start_up_pause(tmp_path: Path) -> None:
    """A checkout whose launch has no `pause_collection` (older than it) is probed as it
    starts: without the pause, and without failing."""
    old = tmp_path / "old"
    shutil.copytree(ROOT / "src" / "paceapp", old / "paceapp",
                    ignore=shutil.ignore_patterns("__pycache__"))
    launch = old / "paceapp" / "tui" / "launch.py"
    launch.write_text(launch.read_text().replace("def pause_collection(", "def _gone("))
    data = tmp_path / "data"
    write_demo(data, 7, date(2026, 11, 21))
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "probe.py"), "paceapp",
                             str(data)], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(old)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("READY ")
