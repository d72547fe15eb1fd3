"""Shared Pilot helpers."""

from __future__ import annotations

from typing import Any


async def settle(app: Any, pilot: Any) -> None:
    """Let a key's effect land: a frame, any workers (loads and saves), another frame.

    A modal flow (a worker in the "modal-flow" group, awaiting the person's answers with
    push_screen_wait) is not waited for: it only ends when the person answers."""
    await pilot.pause()
    busy = [worker for worker in app.workers if worker.group != "modal-flow"]
    if busy:
        await app.workers.wait_for_complete(busy)
    await pilot.pause()
