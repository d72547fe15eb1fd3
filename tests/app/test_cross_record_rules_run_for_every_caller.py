"""Every rule across records runs for every caller: `Journal.add` and `Journal.update` called
directly, the command line (`log ...` and `edit`), and the app's forms - because the Journal runs
each record's `check_across` inside its write transaction, not because each caller remembers to.

A rule that is refused leaves the data as it was."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import NamedTuple

import pytest
from textual.widgets import Input, Static

from paceapp.core.day import DayRecord, Rating
from paceapp.core.errors import ValidationError
from paceapp.core.flare import Flare
from paceapp.core.nap import Nap
from paceapp.core.records import Record
from paceapp.core.sleep import SleepNight
from paceapp.store.journal import Journal
from tests.tui.pilot_helpers import workers_done

TODAY = date(2026, 11, 21)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


class Rule(NamedTuple):
    """A stored record, a record that breaks a rule with it, one that does not (the same kind,
    to be changed into the breaking one), and the command that would break it."""

    stored: Callable[[], Record]
    breaking: Callable[[], Record]
    harmless: Callable[[], Record]
    command: tuple[str, ...] | None


def night(day: date = TODAY, bed: int = 22, up: int = 6) -> SleepNight:
    return SleepNight(date=day, bed=time(bed, 30), tried=time(bed, 45), woke=time(up, 10),
                      up=time(up, 30))


RULES = {
    "one night per morning": Rule(
        lambda: night(), lambda: night(bed=23), lambda: night(date(2026, 11, 19)),
        ("log", "sleep", "--date", "2026-11-21", "--bed", "23:00")),
    "no nap inside a night": Rule(
        lambda: night(), lambda: Nap(started=at("2026-11-21T01:00"), ended=at("2026-11-21T02:00")),
        lambda: Nap(started=at("2026-11-21T14:00"), ended=at("2026-11-21T15:00")),
        ("log", "nap", "--start", "2026-11-21T01:00", "--end", "02:00")),
    "no night over a nap": Rule(
        lambda: Nap(started=at("2026-11-21T01:00"), ended=at("2026-11-21T02:00")),
        lambda: night(), lambda: night(date(2026, 11, 19)),
        ("log", "sleep", "--date", "2026-11-21", "--bed", "22:30", "--tried", "22:45",
         "--woke", "06:10", "--up", "06:30")),
    "naps never overlap": Rule(
        lambda: Nap(started=at("2026-11-21T14:00"), ended=at("2026-11-21T15:00")),
        lambda: Nap(started=at("2026-11-21T14:30"), ended=at("2026-11-21T15:30")),
        lambda: Nap(started=at("2026-11-21T16:00"), ended=at("2026-11-21T16:30")),
        ("log", "nap", "--start", "2026-11-21T14:30", "--minutes", "40")),
    "one day record per date": Rule(
        lambda: DayRecord(date=TODAY, rating=Rating.GOOD),
        lambda: DayRecord(date=TODAY, rating=Rating.BAD),
        lambda: DayRecord(date=date(2026, 11, 20), rating=Rating.BAD),
        ("log", "day", "bad", "--date", "2026-11-21")),
    # A kind that declares only `check_among` joins too (the flare-up rule, core/flare.py).
    "one open flare-up": Rule(
        lambda: Flare(started=at("2026-11-20T08:00")),
        lambda: Flare(started=at("2026-11-21T08:00")),
        lambda: Flare(started=at("2026-11-19T08:00"), ended=at("2026-11-19T10:00")),
        ("log", "flare", "start", "--at", "2026-11-21T08:00")),
}


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T18:00")


def stored_ids(root: Path) -> set[tuple[str, str]]:
    journal = Journal.open(root)
    return {(r.KIND, r.id) for cls in (SleepNight, Nap, DayRecord, Flare)
            for r in journal.list(cls)}


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_journal_add_runs_the_rule(rule: Rule, data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(rule.stored())
    before = stored_ids(data_dir)
    with pytest.raises(ValidationError):
        journal.add(rule.breaking())
    assert stored_ids(data_dir) == before


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_journal_update_runs_the_rule(rule: Rule, data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(rule.stored())
    harmless = journal.add(rule.harmless())
    before = Journal.open(data_dir).get(type(harmless), harmless.id)
    moved = dataclasses.replace(rule.breaking(), id=harmless.id, created=harmless.created)
    with pytest.raises(ValidationError):
        journal.update(moved)
    with pytest.raises(ValidationError):
        journal.update(moved, base=harmless)
    assert Journal.open(data_dir).get(type(harmless), harmless.id) == before


@pytest.mark.parametrize("rule", [r for r in RULES.values() if r.command], ids=[
    name for name, r in RULES.items() if r.command])
def test_the_command_line_runs_the_rule(rule: Rule, data_dir: Path, cli) -> None:  # noqa: ANN001
    Journal.open(data_dir).add(rule.stored())
    before = stored_ids(data_dir)
    ran = cli(*(rule.command or ()))
    assert ran.code == 2, ran.out
    assert stored_ids(data_dir) == before


@pytest.mark.parametrize("name", ["one night per morning", "one day record per date",
                                  "naps never overlap"])
def test_paceapp_edit_runs_the_rule(name: str, data_dir: Path, cli) -> None:  # noqa: ANN001
    rule = RULES[name]
    journal = Journal.open(data_dir)
    journal.add(rule.stored())
    harmless = journal.add(rule.harmless())
    breaking = rule.breaking()
    field = "started" if isinstance(breaking, Nap) else "date"
    value = getattr(breaking, field)
    text = value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) \
        else value.strftime("%Y-%m-%dT%H:%M")
    before = Journal.open(data_dir).get(type(harmless), harmless.id)
    changes = [f"{field}={text}"]
    if isinstance(breaking, Nap):
        changes.append(f"ended={breaking.ended:%Y-%m-%dT%H:%M}")
    ran = cli("edit", harmless.KIND, harmless.id[:8], *changes)
    assert ran.code == 2, ran.out
    assert Journal.open(data_dir).get(type(harmless), harmless.id) == before


async def test_the_apps_save_runs_the_rule_even_when_the_forms_own_check_is_skipped(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sleep form checks before it closes; saving checks again under the lock. With the
    form's check out of the way (as if another window logged the morning between the two),
    saving still refuses, says why, and stores nothing."""
    from paceapp.tui.app import PaceApp
    from paceapp.tui.screens import sleep_form
    from paceapp.tui.screens.diary import DiaryScreen

    monkeypatch.setattr(sleep_form, "check_night", lambda journal, night: None)
    Journal.open(data_dir).add(night(bed=23))
    before = stored_ids(data_dir)
    said: list[str] = []

    app = PaceApp(Journal.open(data_dir))
    monkeypatch.setattr(app, "tell_problem", said.append)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await workers_done(app, skip_group=None)
        app.push_screen(DiaryScreen())
        await pilot.pause()
        await workers_done(app, skip_group=None)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DiaryScreen)
        screen.data = screen.data._replace(nights=[])  # as if the Diary was loaded before
        screen.action_log_sleep()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, sleep_form.SleepForm)
        form.query_one("#date", Input).value = "21/11/2026"
        form.query_one("#bed", Input).value = "22:00"
        await pilot.press("ctrl+s")
        for _ in range(4):
            await pilot.pause()
            await workers_done(app, skip_group=None)
        assert not isinstance(app.screen, sleep_form.SleepForm)
        assert isinstance(app.screen.query_one("#diary-summary", Static), Static)

    assert stored_ids(data_dir) == before
    assert said and "already a night logged for the morning of Sat 21 Nov" in said[0]
    assert "press e" in said[0] and "paceapp" not in said[0]
