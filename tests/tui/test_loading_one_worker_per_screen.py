"""A section loads through one exclusive worker: the newest load is the one shown (an older,
slower load never lands after it), and a load that fails in any way is told to the person."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from paceapp.app.folder import open_folder
from paceapp.core.errors import ValidationError
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.base import SectionScreen
from tests.tui.pilot_helpers import settle


def record_notices(app: PaceApp) -> list[str]:
    """What the app tells the person from now on (and still shows it)."""
    told: list[str] = []
    original = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> None:
        told.append(str(message))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return told


async def test_overlapping_reloads_land_in_order(tmp_path: Path) -> None:
    """A slow load started first and a quick one started after: only the quick (newer) one is
    shown, even when the slow one finishes later; then a third load lands too."""
    app = PaceApp(open_folder(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SectionScreen)
        shown: list[str] = []
        release = threading.Event()

        def slow() -> str:
            release.wait(5)
            return "older"

        screen.load_then(slow, shown.append, group="test-load")
        screen.load_then(lambda: "newer", shown.append, group="test-load")
        await settle(app, pilot)
        release.set()
        await asyncio.sleep(0.2)
        await settle(app, pilot)
        assert shown == ["newer"]
        screen.load_then(lambda: "newest", shown.append, group="test-load")
        await settle(app, pilot)
        assert shown == ["newer", "newest"]


@pytest.mark.parametrize("error", [ValueError("bad number"), KeyError("pain"),
                                   ValidationError("The pain score must be 0 to 10.", "score")])
async def test_a_failed_load_is_told_to_the_person(tmp_path: Path, error: Exception) -> None:
    app = PaceApp(open_folder(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SectionScreen)
        shown: list[Any] = []
        said = record_notices(app)

        def fails() -> None:
            raise error

        screen.load_then(fails, shown.append)
        await settle(app, pilot)
        assert not shown
        assert app.is_running  # the app carries on
        assert said, "no message for a failed load"
        if isinstance(error, ValidationError):
            assert said[-1] == str(error)
        else:
            assert "did not expect" in said[-1] and "Anything already saved is safe" in said[-1]
