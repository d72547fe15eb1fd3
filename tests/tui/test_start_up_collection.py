"""Python's cycle collector is paused while the app starts and back on once its first frame is
drawn (paceapp/tui/launch.py says why); an app started any other way leaves it alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from paceapp.store.journal import Journal
from paceapp.tui import launch
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.today import TodayScreen


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """Afterwards the collector is on, and frozen as tests/conftest.py leaves it (everything
    alive frozen), without keeping this test's app: its cycles are collected first."""
    yield
    gc.enable()
    gc.unfreeze()
    gc.collect()
    gc.freeze()


async def test_the_first_frame_turns_the_paused_collector_back_on(journal: Journal) -> None:
    launch.pause_collection()
    assert not gc.isenabled()
    frozen_before = gc.get_freeze_count()
    app = PaceApp(journal, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and app.screen.data_shown
        assert gc.isenabled()
        # What start-up made is set aside, so later collections do not walk it again.
        assert gc.get_freeze_count() > frozen_before


async def test_an_app_started_without_the_pause_changes_nothing(journal: Journal) -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    app = PaceApp(journal, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen_before


def test_the_collector_is_paused_while_the_app_starts_and_on_again_after_an_error(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def run_fails(self: PaceApp) -> None:
        seen.append(gc.isenabled())
        raise RuntimeError("the terminal went away")

    monkeypatch.setattr(PaceApp, "run", run_fails)
    with pytest.raises(RuntimeError):
        launch.run_tui(data_dir)
    assert seen == [False]
    assert gc.isenabled()
