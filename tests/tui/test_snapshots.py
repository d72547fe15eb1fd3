"""SVG snapshots of Today on the demo data, at 80x24 and 160x48 (clock fixed with PACEAPP_NOW).

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from tests.tui.pilot_helpers import workers_done

FIXED_NOW = "2026-11-21T10:30:00"


@pytest.fixture
def demo_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PaceApp:
    monkeypatch.setenv("PACEAPP_NOW", FIXED_NOW)
    folder = tmp_path / "demo"
    write_demo(folder, 84, date(2026, 11, 21))
    return PaceApp(Journal.open(folder))


async def wait_for_data(pilot) -> None:
    app = pilot.app
    for _ in range(500):
        await pilot.pause(0.01)
        if getattr(app.screen, "data_shown", False) and not app.workers._workers:
            break
    await workers_done(app, skip_group=None)
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_today_on_demo_data(snap_compare, demo_app: PaceApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=wait_for_data)
