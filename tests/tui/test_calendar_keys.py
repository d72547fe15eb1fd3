"""'Add to calendar' (key k) on the GP and Group screens: a .ics in the documents folder, named
in a notice; a plain problem (and no file) when there is no date."""

from __future__ import annotations

import asyncio
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from textual.widgets import Button

from paceapp.core.gp import Appointment
from paceapp.core.sharing import GroupPlan
from paceapp.core.timeparse import local_now
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.gp import GPScreen
from paceapp.tui.screens.group import GroupScreen
from tests.tui.pilot_helpers import settle


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"  # not there yet: made when the first file is saved
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(folder))
    return folder


def recording(app: PaceApp) -> list[tuple[str, str]]:
    """Every notice the app shows, as (severity, text)."""
    notices: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> None:
        notices.append((kwargs.get("severity", "information"), str(message)))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notices


def one_event(path: Path) -> icalendar.Event:
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == 1
    return events[0]


async def press_in(app: PaceApp, pilot: Any, section: str, *keys: str) -> None:
    await settle(app, pilot)
    await pilot.press(section)
    await settle(app, pilot)
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)


def test_gp_key_k_saves_the_appointment(data_dir: Path, documents: Path) -> None:
    visit = local_now().date() + timedelta(days=5)
    Journal.open(data_dir).add(Appointment(visit_date=visit, visit_time=time(9, 30),
                                           clinician="Dr Okafor"))

    async def scenario() -> list[tuple[str, str]]:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            notices = recording(app)
            await press_in(app, pilot, "5")
            assert isinstance(app.screen, GPScreen)
            await pilot.press("k")
            await settle(app, pilot)
            await pilot.press("k")  # again: a second file beside the first, nothing replaced
            await settle(app, pilot)
            return notices

    notices = asyncio.run(scenario())
    files = sorted(documents.glob("*.ics"))
    assert [f.name for f in files] == [f"GP appointment {visit.isoformat()} (2).ics",
                                       f"GP appointment {visit.isoformat()}.ics"]
    saved = [text for severity, text in notices if "calendar file" in text]
    assert len(saved) == 2 and str(files[1]) in saved[0] and str(files[0]) in saved[1]
    event = one_event(files[1])
    assert str(event["SUMMARY"]) == "GP appointment"
    start = event.decoded("DTSTART")
    assert start.astimezone().replace(tzinfo=None) == datetime.combine(visit, time(9, 30))
    assert one_event(files[0])["UID"] == event["UID"]  # adding both: one entry, updated


def test_gp_calendar_button_and_no_date(data_dir: Path, documents: Path) -> None:
    Journal.open(data_dir).add(Appointment())

    async def scenario() -> list[tuple[str, str]]:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            notices = recording(app)
            await press_in(app, pilot, "5")
            button = app.screen.query_one("#gp-calendar", Button)
            assert str(button.label) == "Add to calendar (k)"
            await pilot.click("#gp-calendar")
            await settle(app, pilot)
            return notices

    notices = asyncio.run(scenario())
    assert any(severity == "warning" and "Press w to set it" in text
               for severity, text in notices)
    assert not documents.exists() or not list(documents.iterdir())


def test_group_key_k_saves_the_next_meeting(data_dir: Path, documents: Path) -> None:
    first = local_now().date() + timedelta(days=3)
    Journal.open(data_dir).put_single(GroupPlan(first_meeting=first, every_weeks=2,
                                                meet_time=time(10, 30), place="The library"))

    async def scenario() -> list[tuple[str, str]]:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            notices = recording(app)
            await press_in(app, pilot, "6", "k")
            assert isinstance(app.screen, GroupScreen)
            return notices

    notices = asyncio.run(scenario())
    files = list(documents.glob("*.ics"))
    assert [f.name for f in files] == [f"Peer group meeting {first.isoformat()}.ics"]
    assert any(str(files[0]) in text for _severity, text in notices)
    event = one_event(files[0])
    assert str(event["LOCATION"]) == "The library"
    assert event.decoded("DTSTART").astimezone().replace(tzinfo=None) == datetime.combine(
        first, time(10, 30))


def test_group_without_a_meeting_date_says_which_key(data_dir: Path, documents: Path) -> None:
    Journal.open(data_dir).put_single(GroupPlan(rhythm="Every Friday", first_meeting=None))

    async def scenario() -> list[tuple[str, str]]:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            notices = recording(app)
            await press_in(app, pilot, "6", "k")
            return notices

    notices = asyncio.run(scenario())
    assert any(severity == "warning" and "Press p" in text for severity, text in notices)
    assert not documents.exists()


@pytest.mark.parametrize("screen_class", [GPScreen, GroupScreen])
def test_k_means_one_thing_on_the_screen(screen_class: type) -> None:
    """k is not bound app-wide, and only once on each of these screens."""
    app_keys = {key for binding in PaceApp.BINDINGS for key in binding.key.split(",")}  # type: ignore[union-attr]
    assert "k" not in app_keys
    keys = [key for binding in screen_class.BINDINGS for key in binding.key.split(",")]
    assert keys.count("k") == 1
    assert any(b.action == "calendar" and b.key == "k" for b in screen_class.BINDINGS)

