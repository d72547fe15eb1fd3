"""The sleep form on clock-change nights: the same words as the command line, live and on save;
'first'/'second' typed in the box is kept and shown again when the night is changed.

Tests run in Europe/London: clocks forward Sun 29 Mar 2026 01:00 GMT -> 02:00 BST, back Sun 25 Oct
2026 02:00 BST -> 01:00 GMT.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from paceapp.core.sleep import SleepNight, new_sleep
from paceapp.core.timeparse import parse_clock
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.sleep_form import SleepForm
from tests.tui.pilot_helpers import settle


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


async def open_form(app: PaceApp, pilot, values: dict[str, str]) -> SleepForm:  # noqa: ANN001
    await settle(app, pilot)
    await pilot.press("s")
    await settle(app, pilot)
    form = app.screen
    assert isinstance(form, SleepForm)
    for name, value in values.items():
        form.query_one(f"#{name}", Input).value = value
    await pilot.pause()
    return form


def text_of(form: SleepForm, widget_id: str) -> str:
    return str(form.query_one(f"#{widget_id}", Static).content)


async def test_repeated_hour_is_asked_then_saved_as_typed(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot, {"date": "2026-10-25", "bed": "22:00",
                                            "tried": "22:00", "woke": "01:30", "up": "08:00"})
        # said as soon as typed, once, in the problem line
        assert "the clocks changed that night (see below)" in text_of(form, "derived")
        assert text_of(form, "problem").startswith(
            "! Final awakening at 01:30 on Sun 25 Oct happened twice")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SleepForm)
        problem = text_of(form, "problem")
        assert "happened twice" in problem and "'01:30 second'" in problem
        assert form.focused is form.query_one("#woke", Input)
        form.query_one("#woke", Input).value = "01:30 second"
        await pilot.pause()
        # 22:00 BST (21:00 UTC) to 01:30 GMT (01:30 UTC) = 4 h 30; in bed to 08:00 GMT = 11 h
        assert "In bed 11 h 00 min · Asleep 4 h 30 min" in text_of(form, "derived")
        assert text_of(form, "problem") == ""  # answered: the message goes
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, SleepForm)

    night = Journal.open(data_dir).list(SleepNight)[0]
    assert night.repeated_hour == ("woke 01:30 second",) and night.tst_min == 270


async def test_skipped_hour_is_explained_and_not_saved(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot, {"date": "2026-03-29", "bed": "01:30",
                                            "tried": "01:30", "woke": "09:00", "up": "09:00"})
        assert "Into bed at 01:30 on Sun 29 Mar did not happen" in text_of(form, "problem")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SleepForm)
        problem = text_of(form, "problem")
        assert "the clocks went forward an hour at 01:00" in problem
        assert "write '02:30'" in problem
        assert form.focused is form.query_one("#bed", Input)
        await pilot.press("escape")
        await settle(app, pilot)

    assert Journal.open(data_dir).list(SleepNight) == []


async def test_changing_a_night_shows_its_answer_and_the_box_decides(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(new_sleep(date(2026, 11, 21), date(2026, 11, 21), bed=time(22), tried=time(22),
                          woke=time(6), up=time(8)))
    autumn = journal.add(new_sleep(date(2026, 10, 25), date(2026, 11, 21), bed=time(22),
                                   tried=time(22), woke=parse_clock("01:30 second"), up=time(8)))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(SleepForm(autumn))
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, SleepForm)
        assert form.query_one("#woke", Input).value == "01:30 second"
        # the autumn night: 9 h 30 on the clock face... in real time 11 h in bed
        assert "In bed 11 h 00 min" in text_of(form, "derived")
        form.query_one("#woke", Input).value = "01:30"  # the word taken away: asked again
        await pilot.pause()
        assert "happened twice" in text_of(form, "problem")
        form.query_one("#woke", Input).value = "01:30 first"
        await pilot.pause()
        # 22:00 BST (21:00 UTC) to 01:30 BST (00:30 UTC) = 3 h 30
        assert "Asleep 3 h 30 min" in text_of(form, "derived")

