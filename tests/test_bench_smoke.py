"""The benchmark cannot rot: a quick run (tiny data, one repetition, no targets) must work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmark_quick_run() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for figure in ("floor", "quick log", "TUI first frame", "report --weeks 52", "gp sheet",
                   "share card", "Targets:", "Quick run: targets not checked."):
        assert figure in result.stdout, figure
