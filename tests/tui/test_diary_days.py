"""Pilot test (issue 20): the Diary lists day records (what I could do), newest first; `e` on a
day changes it, `x` deletes it and Ctrl+Z brings it back; `d` logs today as on Today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from paceapp.core.day import DayRecord, Rating
from paceapp.core.timeparse import show_date
from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.day_form import DayForm
from paceapp.tui.screens.diary import DiaryScreen
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T19:00")


def cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_diary_lists_days_and_changes_deletes_and_undoes_one(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 56, TODAY)
    stored = sorted(Journal.open(folder).list(DayRecord), key=lambda d: d.date, reverse=True)
    assert len(stored) > 3, "the demo has day records"

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiaryScreen)
        days = screen.query_one("#days", DataTable)
        shown = days.row_count
        # every day record in the last 120 days, newest first, in words
        assert shown == len(stored)
        for row, record in enumerate(stored[:5]):
            day, was, hard = cells(days, row)
            assert day == show_date(record.date)
            assert was == (record.rating.words if record.rating else "no rating")
            if record.hard:
                assert hard == "; ".join(f"{h.activity}: {h.how.words}" for h in record.hard)
            else:
                assert hard == "nothing hard"
        assert any(cells(days, row)[2] == "nothing hard" for row in range(shown)) == \
            any(not r.hard for r in stored)

        # e on an older day (the third row) opens the day form for that day
        older = stored[2]
        new_rating = next(r for r in Rating if r is not older.rating)
        days.focus()
        days.move_cursor(row=2)
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, DayForm)
        assert form.record is not None and form.record.id == older.id
        await pilot.press({Rating.GOOD: "1", Rating.SO_SO: "2", Rating.BAD: "3"}[new_rating])
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        changed = Journal.open(folder).get(DayRecord, older.id)
        assert changed.rating is new_rating and changed.date == older.date
        assert changed.hard == older.hard
        row = days.get_row_index(f"day:{older.id}")
        assert cells(days, row)[1] == new_rating.words

        # x deletes the chosen day (after asking); Ctrl+Z brings it back
        days.focus()
        days.move_cursor(row=row)
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert older.id not in {d.id for d in Journal.open(folder).list(DayRecord)}
        assert days.row_count == shown - 1
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        back = Journal.open(folder).get(DayRecord, older.id)
        assert back.rating is new_rating
        assert days.row_count == shown



async def test_d_on_the_diary_logs_today(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiaryScreen)
        assert "No days logged" in cells(screen.query_one("#days", DataTable), 0)[0]
        await pilot.press("d", "3", "ctrl+s")
        await settle(app, pilot)
        records = Journal.open(data_dir).list(DayRecord)
        assert [(r.date, r.rating) for r in records] == [(TODAY, Rating.BAD)]
        assert cells(screen.query_one("#days", DataTable), 0)[:2] == \
            [show_date(TODAY), Rating.BAD.words]
        # d again changes today's record rather than logging a second one
        await pilot.press("d")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, DayForm) and form.record is not None
        await pilot.press("1", "ctrl+s")
        await settle(app, pilot)
        records = Journal.open(data_dir).list(DayRecord)
        assert [(r.date, r.rating) for r in records] == [(TODAY, Rating.GOOD)]

