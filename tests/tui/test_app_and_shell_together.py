"""The app open while the shell changes the same record: the app's change never undoes the
shell's (issue 16: "the app writes from a stale copy")."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime
from pathlib import Path

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.pain_form import PainForm
from tests.tui.pilot_helpers import settle


def test_editing_in_the_app_keeps_a_note_changed_from_the_shell(data_dir: Path) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    entry = Journal.open(data_dir).add(PainEntry(at=now, score=5, note="morning"))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("e")  # the form opens on the copy the app read
            await pilot.pause()
            assert isinstance(app.screen, PainForm)
            shell = Journal.open(data_dir)  # meanwhile, from the shell
            shell.update(dataclasses.replace(shell.get(PainEntry, entry.id), note="after the bus"))
            await pilot.press("backspace", "2", "enter")
            await settle(app, pilot)
    asyncio.run(scenario())
    stored = Journal.open(data_dir).get(PainEntry, entry.id)
    assert (stored.score, stored.note) == (2, "after the bus")


def test_the_same_field_changed_in_both_is_refused_with_a_message(data_dir: Path) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    entry = Journal.open(data_dir).add(PainEntry(at=now, score=5, note="morning"))
    told: list[str] = []

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            app.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
            await settle(app, pilot)
            await pilot.press("e")
            await pilot.pause()
            shell = Journal.open(data_dir)
            shell.update(dataclasses.replace(shell.get(PainEntry, entry.id), score=7))
            await pilot.press("backspace", "2", "enter")
            await settle(app, pilot)
    asyncio.run(scenario())
    assert Journal.open(data_dir).get(PainEntry, entry.id).score == 7
    assert any("changed somewhere else" in message for message in told), told
