"""Shared Pilot helpers."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer
from textual.worker import WorkerCancelled


async def settle(app: Any, pilot: Any) -> None:
    """Let a key's effect land: a frame and any workers, twice (a save's worker starts the
    reload's), then a frame.

    A modal flow (a worker in the "modal-flow" group, awaiting the person's answers with
    push_screen_wait) is not waited for: it only ends when the person answers."""
    for _ in range(2):
        await pilot.pause()
        await workers_done(app)
    await pilot.pause()


async def workers_done(app: Any, *, skip_group: str | None = "modal-flow") -> None:
    """Wait until the app's workers (but those in `skip_group`) have finished.

    A screen's loads are exclusive: a newer reload cancels an older one still running. A
    cancelled worker is not a failure here: the one that replaced it is waited for instead (a
    worker that fails still fails the test)."""
    for _ in range(50):
        busy = [worker for worker in app.workers if worker.group != skip_group]
        if not busy:
            return
        try:
            await app.workers.wait_for_complete(busy)
            return
        except WorkerCancelled:
            continue


def check_layout(app: Any, width: int, height: int, where: str) -> None:
    """Nothing runs off the right edge; the footer (with its keys) is at the bottom and the
    section bar at the top."""
    footer = app.screen.query_one(Footer)  # KeyFooter is a Footer
    assert footer.display and footer.region.height >= 1, where
    assert footer.region.bottom == height, f"{where}: footer not at the bottom"
    for widget in app.screen.query("*"):
        if widget.display and widget.region.width:
            assert widget.region.right <= width, f"{where}: {widget!r} runs off the right edge"
    nav = app.screen.query_one("NavBar")
    assert nav.region.y == 0 and nav.region.right <= width, where
