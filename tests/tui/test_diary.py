"""Pilot tests: sleep and flare-ups from Today and from the Diary - log, list, change, delete, undo."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from paceapp.core.flare import Flare, FlarePlan, new_plan
from paceapp.core.sleep import Quality, SleepNight, new_sleep
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.diary import DiaryScreen
from paceapp.tui.screens.flare_form import FlareForm
from paceapp.tui.screens.flare_plan import FlarePlanEditor, FlarePlanView
from paceapp.tui.screens.sleep_form import SleepForm
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


async def type_text(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*["colon" if c == ":" else ("space" if c == " " else c) for c in text])


def yesterday_night(journal: Journal) -> SleepNight:
    night = new_sleep(date(2026, 11, 20), TODAY, bed=time(22, 30), tried=time(22, 45),
                      latency=20, awakenings=2, waso=30, woke=time(6, 10), up=time(6, 30),
                      quality=Quality.POOR)
    journal.add(night)
    return night


def test_sleep_card_form_offers_yesterday_and_shows_numbers_live(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    yesterday_night(journal)

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            card_text = str(app.screen.query_one("#sleep-text", Static).content)
            assert "Last night is not logged yet" in card_text
            await pilot.press("s")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, SleepForm)
            assert form.query_one("#bed", Input).value == "22:30"     # yesterday's times
            assert form.query_one("#woke", Input).value == "06:10"
            assert form.query_one("#latency", Input).value == ""      # numbers are not copied
            derived = str(form.query_one("#derived", Static).content)
            assert "In bed 8 h 00 min" in derived and "Asleep 7 h 25 min" in derived
            assert "TIB" not in derived and "TST" not in derived and "SE " not in derived
            # a tired morning: change one time and type the minutes; the numbers follow live
            form.query_one("#woke", Input).value = "05:40"
            form.query_one("#latency", Input).value = "15"
            await pilot.pause()
            derived = str(form.query_one("#derived", Static).content)
            # tried 22:45 -> 05:40 = 415 - 15 = 400 min; TIB 480 -> SE 83.3
            assert "Asleep 6 h 40 min" in derived and "sleep efficiency 83.3%" in derived
            form.query_one("#quality", Input).focus()
            await pilot.press("2")
            assert "▸2 poor" in str(form.query_one("#q-2").label)
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert not isinstance(app.screen, SleepForm)
            card_text = str(app.screen.query_one("#sleep-text", Static).content)
            assert ("Last night: asleep 6 h 40 min, sleep efficiency (time asleep ÷ time in bed) "
                    "83.3%, poor") in card_text

    asyncio.run(scenario())
    nights = Journal.open(data_dir).list(SleepNight)
    assert [(n.date, n.tst_min, n.quality) for n in nights] == [
        (date(2026, 11, 20), 395, Quality.POOR), (TODAY, 400, Quality.POOR)]


async def test_impossible_night_is_explained_and_not_saved(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, SleepForm)
        assert "not enough to work out" in str(form.query_one("#derived", Static).content)
        for name, value in (("bed", "23:00"), ("tried", "01:00"), ("woke", "00:30"),
                            ("up", "07:00")):
            form.query_one(f"#{name}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SleepForm)
        problem = str(app.screen.query_one("#problem", Static).content)
        assert "'Final awakening' (00:30) comes before 'tried to sleep'" in problem
        assert app.screen.focused is app.screen.query_one("#woke", Input)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, SleepForm)

    assert Journal.open(data_dir).list(SleepNight) == []


async def test_enter_walks_the_form_and_saves_from_the_note(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        for text in ("04:00", "04:10", "15", "1", "25", "11:30", "12:00", "4", "night shift"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SleepForm)

    night = Journal.open(data_dir).list(SleepNight)[0]
    assert (night.tib_min, night.tst_min, night.se_pct) == (480, 400, 83.3)
    assert night.quality is Quality.GOOD and night.note == "night shift"


async def test_flare_start_shows_plan_then_end_from_today(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.put_single(new_plan(first_steps="Lie on my side\nSlow breathing",
                                get_help="Legs numb: 999"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "No flare-up going" in str(app.screen.query_one("#flare-text", Static).content)
        await pilot.press("f")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FlareForm) and form.mode == "start"
        form.query_one("#started", Input).value = "07:30"
        form.query_one("#peak", Input).value = "8"
        form.query_one("#triggers", Input).value = "poor sleep, cold"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        view = app.screen
        assert isinstance(view, FlarePlanView)
        shown = str(view.query_one("#plan-text", Static).content)
        assert "Lie on my side" in shown and "Legs numb: 999" in shown
        await pilot.press("escape")
        await settle(app, pilot)
        card = str(app.screen.query_one("#flare-text", Static).content)
        assert "Flare-up going since Sat 21 Nov 07:30 (1 h 30 min so far, peak 8/10)" in card
        assert "- Lie on my side" in card
        # a second start is not offered: f now ends it
        await pilot.press("f")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FlareForm) and form.mode == "end"
        form.query_one("#helped", Input).value = "heat pad"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "No flare-up going" in str(app.screen.query_one("#flare-text", Static).content)

    flares = Journal.open(data_dir).list(Flare)
    assert len(flares) == 1
    flare = flares[0]
    assert flare.started == datetime(2026, 11, 21, 7, 30).astimezone()
    assert flare.duration_min == 90 and flare.helped == "heat pad"
    assert flare.triggers == ("poor sleep", "cold") and flare.peak == 8


def test_diary_lists_edit_delete_undo(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    night = yesterday_night(journal)
    journal.add(Flare(started=datetime(2026, 11, 10, 8).astimezone(),
                      ended=datetime(2026, 11, 11, 20).astimezone(), peak=7))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("2")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, DiaryScreen)
            summary = str(screen.query_one("#diary-summary", Static).content)
            assert ("7 nights: on average 6 h 35 min asleep; sleep efficiency (time asleep ÷ time "
                    "in bed) 82.3% from the totals (1 logged)") in summary
            assert "Flare-ups, 30 Aug – 21 Nov: 1 (median length 1 day 12 h" in summary
            nights = screen.query_one("#nights", DataTable)
            assert nights.row_count == 1
            nights.focus()
            await pilot.press("e")
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, SleepForm)
            assert form.query_one("#latency", Input).value == "20"
            form.query_one("#waso", Input).value = "60"
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert Journal.open(data_dir).get(SleepNight, night.id).tst_min == 365
            # delete the flare-up, then undo twice (the delete, then the change)
            screen.query_one("#flares", DataTable).focus()
            await pilot.pause()
            await pilot.press("x")
            await settle(app, pilot)
            await pilot.press("y")
            await settle(app, pilot)
            assert Journal.open(data_dir).list(Flare) == []
            assert "No flare-ups logged" in str(
                screen.query_one("#flares", DataTable).get_row_at(0)[0])
            await pilot.press("ctrl+z")
            await settle(app, pilot)
            assert len(Journal.open(data_dir).list(Flare)) == 1
            assert screen.query_one("#flares", DataTable).row_count == 1
            await pilot.click("#b-undo")
            await settle(app, pilot)
            assert Journal.open(data_dir).get(SleepNight, night.id).tst_min == 395

    asyncio.run(scenario())


async def test_plan_editor_saves_and_undo_restores(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        view = app.screen
        assert isinstance(view, FlarePlanView)
        assert "not written a flare-up plan yet" in str(
            view.query_one("#plan-text", Static).content)
        await pilot.press("k")
        pocket = str(view.query_one("#plan-text", Static).content)
        assert pocket.startswith("+----") and "MY FLARE-UP PLAN" in pocket
        assert all(len(line) <= 40 for line in pocket.splitlines())
        await pilot.press("e")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, FlarePlanEditor)
        editor.query_one("#plan-warning_signs", TextArea).text = "stiff neck [b]bold[/b]"
        editor.query_one("#plan-restart", TextArea).text = "half my usual walk"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, DiaryScreen)

    plan = Journal.open(data_dir).get_single(FlarePlan)
    assert plan is not None and plan.warning_signs == "stiff neck [b]bold[/b]"
    assert plan.restart == "half my usual walk"
    assert Journal.open(data_dir).undo() is not None
    assert Journal.open(data_dir).get_single(FlarePlan) is None


async def test_second_night_for_the_same_morning_is_refused_in_the_form(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(new_sleep(TODAY, TODAY, bed=time(23)))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(SleepForm())
        await settle(app, pilot)
        app.screen.query_one("#bed", Input).value = "22:00"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SleepForm)
        assert "already a night logged" in str(app.screen.query_one("#problem",
                                                                    Static).content)

    assert len(Journal.open(data_dir).list(SleepNight)) == 1


async def test_flare_edit_in_diary_refuses_a_second_open_one(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    past = journal.add(Flare(started=datetime(2026, 11, 2, 8).astimezone(),
                             ended=datetime(2026, 11, 4, 8).astimezone(), peak=6))
    journal.add(Flare(started=datetime(2026, 11, 20, 19).astimezone(), peak=8))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        flares = app.screen.query_one("#flares", DataTable)
        flares.focus()
        await pilot.pause()
        await pilot.press("down", "e")      # newest first: the past one is second
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FlareForm) and form.mode == "edit"
        assert form.query_one("#ended", Input).value == "Wed 4 Nov 08:00"
        form.query_one("#ended", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, FlareForm)
        assert "already going" in str(app.screen.query_one("#problem", Static).content)
        form.query_one("#ended", Input).value = "2026-11-05 10:30"
        form.query_one("#triggers", Input).value = "stress, stairs, Stress"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, DiaryScreen)

    changed = Journal.open(data_dir).get(Flare, past.id)
    assert changed.duration_min == 3 * 24 * 60 + 150
    assert changed.triggers == ("stress", "stairs")


async def test_closing_forms_at_once_is_safe(data_dir: Path) -> None:
    """Esc before the form's background read finishes: no error, nothing saved."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(FlareForm())
        await pilot.press("escape")
        app.push_screen(SleepForm())
        await pilot.pause()
        app.screen.query_one("#bed", Input).value = "22:00"
        await pilot.press("ctrl+s", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, (FlareForm, SleepForm))
        assert app.return_code is None

    journal = Journal.open(data_dir)
    assert journal.list(SleepNight) == [] and journal.list(Flare) == []
