"""Today's figures: the flare-up going counts real time across a clock change, and the check-in
card's averages are exact, rounded once, half up (docs/figures.md)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Static

from paceapp.app.pain import load_checkin
from paceapp.core.flare import Flare
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.cards.checkin import checkin_lines
from tests.tui.pilot_helpers import settle

LONDON = ZoneInfo("Europe/London")


def card_text(data_dir: Path, selector: str) -> str:
    shown: list[str] = []

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            shown.append(str(app.screen.query_one(selector, Static).content))

    asyncio.run(scenario())
    return shown[0]


@pytest.mark.parametrize(("started", "now", "so_far"), [
    # Clocks back at 02:00 BST on Sun 25 Oct 2026: 20:00 BST to 07:00 GMT is 12 h, not 11.
    ((2026, 10, 24, 20, 0), "2026-10-25T07:00", "12 h 00 min"),
    # Clocks forward at 01:00 GMT on Sun 29 Mar 2026: 20:00 GMT to 07:00 BST is 10 h, not 11.
    ((2026, 3, 28, 20, 0), "2026-03-29T07:00", "10 h 00 min"),
    # An ordinary night: as on the clock.
    ((2026, 11, 20, 20, 0), "2026-11-21T07:00", "11 h 00 min"),
])
def test_flare_up_so_far_is_real_time(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                      started: tuple[int, ...], now: str, so_far: str) -> None:
    monkeypatch.setenv("PACEAPP_NOW", now)
    start = datetime(*started, tzinfo=LONDON).astimezone()
    Journal.open(data_dir).add(Flare(started=start, peak=7))
    text = card_text(data_dir, "#flare-text")
    assert f"({so_far} so far, peak 7/10)" in text, text


def test_checkin_card_figures_are_rounded_once_half_up(journal: Journal) -> None:
    today = date(2026, 11, 21)

    def at(day: date, hour: int) -> datetime:
        return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON).astimezone()

    # Daily means 6, 6, 6.5, 6.5 -> 25/4 = 6.25 -> 6.3 (Python's f"{6.25:.1f}" gives 6.2).
    for days_ago, hour, score in [(5, 9, 6), (4, 9, 6), (3, 9, 7), (3, 18, 6), (0, 9, 6),
                                  (0, 13, 7), (7, 9, 1)]:  # 7 days ago: outside the 7 days
        journal.add(PainEntry(at=at(today - timedelta(days=days_ago), hour), score=score))
    journal.add(PegEntry(date=today - timedelta(days=6), pain=4, enjoyment=5, activity=5))
    lines = checkin_lines(load_checkin(journal, today))
    assert lines[1] == "Last 7 days: average 6.3/10 over 4 days logged."
    assert lines[2] == "Weekly check-in (PEG): 4.7 on Sun 15 Nov. Done for this week."  # 14/3
