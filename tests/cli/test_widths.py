"""What people read in the terminal fits 80 columns (on the demo data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paceapp.demo import write_demo

COMMANDS = [
    ("show", "pain", "--days", "14"), ("show", "peg"), ("show", "sleep", "--days", "28"),
    ("show", "flares"), ("show", "activity", "--days", "7"), ("show", "goal"),
    ("show", "baseline"), ("show", "review"), ("pace", "list"), ("pace", "plan"),
    ("insights", "--days", "84"), ("goal", "list"), ("goal", "history"), ("gp", "list"),
    ("gp", "sheet"), ("group", "board"), ("data", "backups"), ("settings",), ("support",),
    ("report", "--weeks", "12", "--width", "80"), ("flare-plan",), ("flare-plan", "--pocket"),
]


@pytest.fixture
def demo_data(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T10:30")
    write_demo(data_dir, 84, date(2026, 11, 21))
    return data_dir


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_output_fits_80_columns(cli, demo_data: Path, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 0, result.err
    # A line naming the data folder is as long as the folder's path: not counted.
    too_wide = [line for line in result.out.splitlines()
                if len(line) > 80 and str(demo_data) not in line]
    assert not too_wide, f"{' '.join(args)}: {too_wide[:3]}"
