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


def test_the_bare_app_has_today_s_cards_and_keys() -> None:
    """The yardstick mirrors Today: a card for each of Today's, in order, with a button for each
    of its keys (Today gained a card and a key after the bare app last mirrored it, and the
    yardstick went on measuring the smaller screen)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bare_app import CARDS
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from paceapp.tui.cards import card_classes

    today = [[key for key, _action, _words in cls.KEYS] for cls in card_classes()]
    bare = [[label[-2] for label in labels] for labels in CARDS.values()]
    assert bare == today
