"""Today in the app: log pain with a few keys (or the mouse), change, delete, undo, help, support."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from paceapp.core.pain import PainEntry, PegEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.pain_form import PainForm
from tests.tui.pilot_helpers import settle


def text_of(app: PaceApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_log_pain_with_three_keys(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "No pain score yet today" in text_of(app, "#checkin-text")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        await pilot.press("6", "enter")
        await settle(app, pilot)
        assert "Latest today: 6/10" in text_of(app, "#checkin-text")
        table = app.screen.query_one("#entries", DataTable)
        assert table.row_count == 1
    assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [6]


async def test_wrong_score_shows_a_message_and_saves_nothing(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("1", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        problem = str(app.screen.query_one("#problem", Static).content)
        assert "from 0 to 10" in problem and problem.startswith("!")
        await pilot.press("escape")
        await settle(app, pilot)
    assert Journal.open(data_dir).list(PainEntry) == []


async def test_log_pain_with_the_mouse(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.click("#score-3")
        await pilot.click("#save")
        await settle(app, pilot)
    assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [3]


async def test_change_delete_and_undo_from_the_list(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    journal.add(PainEntry(at=now, score=5, note="morning"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)
        await pilot.press("backspace", "2", "enter")
        await settle(app, pilot)
        assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [2]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert Journal.open(data_dir).list(PainEntry) == []
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [2]
        assert "Latest today: 2/10" in text_of(app, "#checkin-text")


async def test_peg_check_in(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("4", "enter", "4", "enter", "5", "enter")
        await settle(app, pilot)
        assert "PEG): 4.3" in text_of(app, "#checkin-text")
    assert [p.score for p in Journal.open(data_dir).list(PegEntry)] == [4.3]


async def test_support_and_help_are_one_key_away(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        support = " ".join(str(w.content) for w in
                           app.screen.query("#support-text Static").results(Static))
        assert "999" in support and "116 123" in support and "85258" in support
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("f2")  # even while typing in a form
        await pilot.pause()
        assert "Samaritans" in " ".join(
            str(w.content) for w in app.screen.query("#support-text Static").results(Static))
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_text = text_of(app, "#help-text")
        assert "Log pain" in help_text and "Support" in help_text


async def test_peer_text_is_never_markup(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    journal.add(PainEntry(at=now, score=5, note="[b]bold[/b] [link=http://x]click[/link]"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#entries", DataTable)
        cell = table.get_row_at(0)[2]
        assert "[b]bold[/b]" in str(cell)
