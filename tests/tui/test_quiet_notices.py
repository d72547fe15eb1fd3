"""Quiet notices (issue 18, item 7): short-lived, at most two at a time, and never over a
dialog's buttons."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Button

from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from tests.tui.pilot_helpers import settle


def toasts(app: PaceApp) -> list[Widget]:
    return [w for w in app.screen.query("Toast") if w.region.area]


def toast_text(app: PaceApp) -> str:
    return " ".join(str(w.render()) for w in toasts(app))


async def test_at_most_two_notices_at_a_time_the_oldest_goes(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        for n in range(1, 6):
            app.notify(f"Notice number {n}.")
            await pilot.pause()
            await pilot.pause()
            assert len(toasts(app)) <= 2
        for n in range(1, 6):  # also when several arrive at once
            app.notify(f"Burst {n}.", severity="warning" if n % 2 else "information")
        await settle(app, pilot)
        assert len(toasts(app)) == 2
        assert "Burst 4." in toast_text(app) and "Burst 5." in toast_text(app)


@pytest.mark.parametrize("asked", [None, 10.0, 30.0])
@pytest.mark.parametrize("severity", ["information", "warning"])
async def test_a_notice_goes_within_a_few_seconds(data_dir: Path, asked: float | None,
                                                  severity: SeverityLevel) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        app.notify("Saved.", severity=severity, timeout=asked)
        await pilot.pause()
        await pilot.pause()
        assert len(toasts(app)) == 1
        started = time.monotonic()
        limit = 4.5 if severity == "information" else 6.5
        while toasts(app):
            assert time.monotonic() - started < limit, "the notice stayed too long"
            await pilot.pause(0.25)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (160, 48)])
async def test_notices_never_cover_a_dialogs_buttons(data_dir: Path, size: tuple[int, int]) -> None:
    """With the flare-up plan open (and its editor), three long notices leave every button
    clear: over a dialog they sit at the top, and dialogs keep their buttons at the bottom."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("w")  # the flare-up plan
        for key in ("", "e"):  # the plan, then its editor
            if key:
                await pilot.press(key)
            await settle(app, pilot)
            for n in range(3):
                app.notify(f"Notice {n}: a longer message that wraps over more than one "
                           "line of the screen, as some of them do.", timeout=30)
            await settle(app, pilot)
            shown = toasts(app)
            assert 1 <= len(shown) <= 2
            buttons = [b for b in app.screen.query(Button) if b.region.area]
            assert buttons
            for button in buttons:
                for toast in shown:
                    overlap: Region = button.region.intersection(toast.region)
                    assert not overlap.area, (key, str(button.label), toast.region)
            app.clear_notifications()
