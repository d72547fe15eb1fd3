"""Shared Pilot helpers."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


async def settle(app: Any, pilot: Any) -> None:
    """Let a key's effect land: a frame and any workers, twice (a save's worker starts the
    reload's), then a frame.

    A modal flow (a worker in the "modal-flow" group, awaiting the person's answers with
    push_screen_wait) is not waited for: it only ends when the person answers."""
    for _ in range(2):
        await pilot.pause()
        busy = [worker for worker in app.workers if worker.group != "modal-flow"]
        if busy:
            await app.workers.wait_for_complete(busy)
    await pilot.pause()


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
