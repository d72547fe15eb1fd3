"""Naps in the app (issue 17, item 7): logged from the Diary (n) or Today's sleep card (n) by
keyboard at 80 x 24, listed apart from the nights, changed, deleted and undone; Today's card shows
them on their own line. The clock is fixed at Sat 21 Nov 2026 16:00 (GMT).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from paceapp.core.nap import Nap
from paceapp.core.sleep import Quality, SleepNight, new_sleep
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.diary import DiaryScreen
from paceapp.tui.screens.nap_form import NapForm
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00")


async def type_text(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*["colon" if c == ":" else ("space" if c == " " else c) for c in text])


def last_night(journal: Journal) -> SleepNight:
    return journal.add(new_sleep(TODAY, TODAY, bed=time(22, 30), tried=time(22, 45), latency=20,
                                 awakenings=2, waso=30, woke=time(6, 10), up=time(6, 30),
                                 quality=Quality.POOR))


def at(hour: int, minute: int = 0, day: int = 21) -> datetime:
    return datetime(2026, 11, day, hour, minute).astimezone()


def text_of(app: PaceApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_log_a_nap_from_the_diary_by_keyboard(data_dir: Path) -> None:
    last_night(Journal.open(data_dir))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiaryScreen)
        summary_before = text_of(app, "#diary-summary")
        assert "Naps" not in summary_before
        naps = screen.query_one("#naps", DataTable)
        assert "No naps logged" in str(naps.get_row_at(0)[0])
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, NapForm)
        assert app.focused is form.query_one("#started", Input)
        await type_text(pilot, "12:10")
        await pilot.press("enter")
        await type_text(pilot, "13:05")
        assert text_of(app, "#lasted") == "Lasted: 55 min"      # worked out as typed
        await pilot.press("enter")
        await type_text(pilot, "after lunch")
        await pilot.press("enter")                              # Enter in the note saves
        await settle(app, pilot)
        assert app.screen is screen
        assert naps.row_count == 1
        assert [str(c) for c in naps.get_row_at(0)] == [
            "Sat 21 Nov", "12:10-13:05", "55 min", "after lunch"]
        summary = text_of(app, "#diary-summary")
        assert "Naps, last 28 days: 1, 55 min in all (not counted in the nights)." in summary
        # the night figures are as they were
        assert summary.replace(
            "\nNaps, last 28 days: 1, 55 min in all (not counted in the nights).", "") \
            == summary_before
        assert screen.query_one("#nights", DataTable).row_count == 1

    [nap] = Journal.open(data_dir).list(Nap)
    assert (nap.started, nap.ended, nap.minutes, nap.note) == (at(12, 10), at(13, 5), 55,
                                                               "after lunch")


async def test_a_nap_inside_the_night_is_explained_in_the_form_and_not_saved(data_dir: Path) -> None:
    last_night(Journal.open(data_dir))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, NapForm)
        form.query_one("#started", Input).value = "05:00"
        form.query_one("#ended", Input).value = "07:00"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, NapForm)
        problem = text_of(app, "#problem")
        assert "overlaps the night to Sat 21 Nov (into bed 22:30, out of bed 06:30)" in problem
        assert app.focused is form.query_one("#started", Input)
        # more than 6 hours: said on save, the end box focused
        form.query_one("#started", Input).value = "07:00"
        form.query_one("#ended", Input).value = "13:30"
        await pilot.pause()
        assert "not worked out yet" in text_of(app, "#lasted")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "a nap can be at most 6 h 00 min" in text_of(app, "#problem")
        assert app.focused is form.query_one("#ended", Input)
        # a time the clocks skipped is said as soon as it is typed
        form.query_one("#started", Input).value = "2026-03-29 00:40"
        form.query_one("#ended", Input).value = "01:30"
        await pilot.pause()
        assert "did not happen" in text_of(app, "#problem")
        await pilot.press("escape", "y")  # typed: it asks first
        await settle(app, pilot)
        assert isinstance(app.screen, DiaryScreen)

    assert Journal.open(data_dir).list(Nap) == []


async def test_change_delete_and_undo_a_nap_in_the_diary(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    night = last_night(journal)
    nap = journal.add(Nap(started=at(14), ended=at(14, 40)))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        naps = screen.query_one("#naps", DataTable)
        await pilot.press("tab", "tab")           # nights -> flare-ups -> naps
        await pilot.pause()
        assert app.focused is naps
        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, NapForm)
        assert form.query_one("#started", Input).value == "Sat 21 Nov 14:00"
        assert form.query_one("#ended", Input).value == "Sat 21 Nov 14:40"
        form.query_one("#ended", Input).value = "15:10"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert Journal.open(data_dir).get(Nap, nap.id).minutes == 70
        assert app.focused is naps
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert Journal.open(data_dir).list(Nap) == []
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert Journal.open(data_dir).get(Nap, nap.id).minutes == 70
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert Journal.open(data_dir).get(Nap, nap.id).minutes == 40
        assert naps.row_count == 1

    assert Journal.open(data_dir).get(SleepNight, night.id) == night


def test_today_card_shows_naps_on_their_own_line_and_n_logs_one(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    last_night(journal)
    journal.add(Nap(started=at(13, 30, day=18), ended=at(14, 10, day=18)))     # 40 min
    journal.add(Nap(started=at(13, 30, day=10), ended=at(15, 0, day=10)))      # too long ago

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            card = text_of(app, "#sleep-text")
            assert ("Last night: asleep 6 h 35 min, sleep efficiency (time asleep ÷ time in bed) "
                    "82.3%, poor. Press s to change it.") in card
            assert card.splitlines()[-1] == ("Naps (apart from the nights): 1 in the last 7 days, "
                                             "40 min in all.")
            await pilot.press("n")
            await settle(app, pilot)
            assert isinstance(app.screen, NapForm)
            app.screen.query_one("#started", Input).value = "14:00"
            app.screen.query_one("#ended", Input).value = "14:55"
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            card = text_of(app, "#sleep-text")
            # 40 + 55 = 95 min
            assert card.splitlines()[-1] == ("Naps (apart from the nights): 1 today (55 min); 2 in "
                                             "the last 7 days, 1 h 35 min in all.")
            assert "Last night: asleep 6 h 35 min" in card  # the night is as it was

    asyncio.run(scenario())
    assert [n.minutes for n in Journal.open(data_dir).list(Nap)] == [90, 40, 55]


async def test_no_naps_no_line(data_dir: Path) -> None:
    last_night(Journal.open(data_dir))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Naps" not in text_of(app, "#sleep-text")



async def test_changing_a_nap_in_the_repeated_hour_keeps_which_one_it_was(data_dir: Path) -> None:
    # Sun 25 Oct 2026: 00:30 BST (23:30 UTC) to the second 01:30 (GMT, 01:30 UTC) = 120 min
    began = datetime(2026, 10, 24, 23, 30, tzinfo=UTC).astimezone()
    ended = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone()
    nap = Journal.open(data_dir).add(Nap(started=began, ended=ended, note="night shift"))
    assert nap.minutes == 120
    results: list[Nap | None] = []

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(NapForm(nap), results.append)
        await settle(app, pilot)
        form = app.screen
        assert form.query_one("#started", Input).value == "Sun 25 Oct 00:30"
        assert form.query_one("#ended", Input).value == "Sun 25 Oct 01:30 second"
        assert text_of(app, "#lasted") == "Lasted: 2 h 00 min"
        form.query_one("#note", Input).value = "after the night shift"
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    [changed] = results
    assert changed is not None and changed.id == nap.id
    assert (changed.started, changed.ended, changed.minutes) == (began, ended, 120)
    assert changed.note == "after the night shift"
