"""The Data screen lists a bad backup as 'not usable' with the reason, and restoring it changes
nothing (the same checks as `paceapp data backups` / `data restore`)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.store.schema import SCHEMA_VERSION
from paceapp.tui.app import PaceApp
from tests.store.helpers import sha_tree, write_raw
from tests.tui.pilot_helpers import settle


async def test_a_bad_backup_is_shown_not_usable_and_not_restored(data_dir: Path) -> None:
    for score in (3, 4):  # the day's backup (holding the 3) is taken before the second
        Journal.open(data_dir).add(PainEntry(at=datetime.now().astimezone().replace(microsecond=0),
                                             score=score))
    [backup] = (data_dir / "backups").iterdir()
    meta = backup / "_meta.json"
    meta.unlink()  # a hard link to the live file: never change it in place
    write_raw(meta, {"meta": {"1": {"schema": 99}}})
    before = sha_tree(data_dir)

    app = PaceApp(Journal.open(data_dir))
    told: list[str] = []
    original = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> None:
        told.append(str(message))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("8")
        await settle(app, pilot)
        table = app.screen.query_one("#backups", DataTable)
        state = str(table.get_row_at(0)[-1])
        assert "not usable" in state and "newer paceapp" in state, state
        table.focus()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert any("cannot be put back" in text for text in told), told
    assert sha_tree(data_dir) == before
    meta = json.loads((data_dir / "records" / "_meta.json").read_bytes())
    assert meta["meta"]["1"]["schema"] == SCHEMA_VERSION
