"""bench/run.py --compare-src DIR: the TUI first frame of another checkout, measured alongside."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
