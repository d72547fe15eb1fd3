"""In a real terminal: a damaged data file, told how to recover, restore (answering the question),
and the app opens again on the restored data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e


def test_recover_from_a_damaged_file_in_a_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_paceapp("log", "pain", "7", data=data).code == 0
    assert run_paceapp("log", "pain", "3", data=data).code == 0  # today's backup holds the 7
    [live] = (data / "records").glob("pain-*.json")
    live.write_bytes(live.read_bytes()[:-15])  # cut short, as by a crash of another program

    shown = run_paceapp("show", "pain", data=data)
    assert shown.code == 1
    backup = date.today().isoformat()
    assert f"paceapp data restore {backup}" in shown.err

    with Tmux(paceapp_command(data, "data", "restore", backup)) as term:
        term.wait_for("Put back the backup")
        term.type("y")
        term.send("Enter")
        screen = term.wait_for("[exit 0]")
        assert "kept in the backup" in screen
    with Tmux(paceapp_command(data)) as term:
        term.wait_for("Latest today: 7/10")
        term.send("C-q")
        term.wait_for("[exit 0]")
    kept = [p for p in (data / "backups").iterdir() if p.name.endswith("before-restore")]
    assert len(kept) == 1 and (kept[0] / live.name).read_bytes().endswith(b"\n") is False
