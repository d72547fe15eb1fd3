"""The app open while the shell changes the same record: the app's change never undoes the
shell's (issue 16: "the app writes from a stale copy")."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.pain_form import PainForm
from tests.tui.pilot_helpers import settle


async def test_editing_in_the_app_keeps_a_note_changed_from_the_shell(data_dir: Path) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    entry = Journal.open(data_dir).add(PainEntry(at=now, score=5, note="morning"))

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
    stored = Journal.open(data_dir).get(PainEntry, entry.id)
    assert (stored.score, stored.note) == (2, "after the bus")


async def test_the_same_field_changed_in_both_is_refused_with_a_message(data_dir: Path) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    entry = Journal.open(data_dir).add(PainEntry(at=now, score=5, note="morning"))
    told: list[str] = []

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
    assert Journal.open(data_dir).get(PainEntry, entry.id).score == 7
    assert any("changed somewhere else" in message for message in told), told


def test_the_sleep_and_nap_forms_save_only_what_was_changed(data_dir: Path) -> None:
    """The forms' own save functions (they check nights and naps together) merge the same way."""
    from datetime import date, time, timedelta

    from paceapp.app.sleep import save_nap, save_night
    from paceapp.core.nap import Nap
    from paceapp.core.sleep import SleepNight

    journal = Journal.open(data_dir)
    morning = date.today() - timedelta(days=2)
    night = journal.add(SleepNight(date=morning, bed=time(22, 30), tried=time(23, 0),
                                   woke=time(6, 30), up=time(7, 0), note="ok"))
    start = datetime.combine(morning, time(14, 0)).astimezone()
    nap = journal.add(Nap(started=start, ended=start + timedelta(minutes=40), note="sofa"))
    shell = Journal.open(data_dir)
    shell.update(dataclasses.replace(shell.get(SleepNight, night.id), note="pain woke me"))
    shell.update(dataclasses.replace(shell.get(Nap, nap.id), note="after the shop"))
    now = datetime.now().astimezone()
    save_night(journal, dataclasses.replace(night, up=time(7, 30)), now=now, new=False, base=night)
    save_nap(journal, dataclasses.replace(nap, ended=start + timedelta(minutes=50)), now=now,
             new=False, base=nap)
    fresh = Journal.open(data_dir)
    stored_night, stored_nap = fresh.get(SleepNight, night.id), fresh.get(Nap, nap.id)
    assert (stored_night.up, stored_night.note) == (time(7, 30), "pain woke me")
    assert (stored_nap.minutes, stored_nap.note) == (50, "after the shop")
