"""Shared Pilot helpers."""

from __future__ import annotations

from typing import Any


async def settle(app: Any, pilot: Any) -> None:
    """Let a key's effect land: a frame, any workers (loads and saves), another frame."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
