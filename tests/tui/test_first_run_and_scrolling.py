"""First run (issue 18, item 10): a short welcome, shown once and easy to close, remembered in
the settings without changing anything else; Today scrolls with the arrow keys, Page Up/Down
and the mouse wheel, while the list of today's entries keeps its own arrow keys."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Static

from paceapp.core.settings import Settings
from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.store.settings import update_settings
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.today import TodayScreen
from paceapp.tui.screens.welcome import WelcomeScreen
from tests.tui.pilot_helpers import settle


def stored(folder: Path) -> Settings | None:
    return Journal.open(folder).get_single(Settings)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (160, 48)])
@pytest.mark.parametrize("close", ["enter", "escape"])
def test_welcome_once_then_remembered_and_nothing_else_changed(data_dir: Path, close: str,
                                                              size: tuple[int, int]) -> None:
    update_settings(Journal.open(data_dir), display_name="Robin", theme="light")

    async def first_start() -> None:
        app = PaceApp(Journal.open(data_dir), welcome=True)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, WelcomeScreen)
            text = str(app.screen.query_one("#welcome-text", Static).content)
            for words in ("pain", "F1", "F2", "Three things to try", "on this computer"):
                assert words in text
            # All of it in view: the text and the button that closes it.
            screen_region = app.screen.region
            for widget in (app.screen.query_one("#welcome-text"),
                           app.screen.query_one("#welcome-start", Button)):
                assert screen_region.contains_region(widget.region), widget
            assert isinstance(app.focused, Button)
            # Meanwhile, in another window: `paceapp settings set week_starts 6`.
            update_settings(Journal.open(data_dir), week_starts=6)
            await pilot.press(close)
            await settle(app, pilot)
            assert isinstance(app.screen, TodayScreen)
    asyncio.run(first_start())
    after = stored(data_dir)
    assert after is not None and after.welcomed
    assert (after.display_name, after.theme, after.week_starts) == ("Robin", "light", 6)

    async def next_start() -> None:
        app = PaceApp(Journal.open(data_dir), welcome=True)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, TodayScreen)
    asyncio.run(next_start())


async def test_the_welcome_leaves_every_key_working_once_closed(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir), welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")  # support is one key away even over the welcome
        await settle(app, pilot)
        assert type(app.screen).__name__ == "SupportScreen"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PainForm"


async def test_no_welcome_unless_asked(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, TodayScreen)
    assert stored(data_dir) is None  # nothing written just by starting


def body_of(app: PaceApp) -> VerticalScroll:
    return app.screen.query_one("#today-body", VerticalScroll)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_today_scrolls_with_arrows_page_keys_and_the_wheel(tmp_path: Path,
                                                           size: tuple[int, int]) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 28, date.today())

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        body = body_of(app)
        assert body.max_scroll_y > 0, "Today fits: nothing to test"
        await pilot.press("down")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y >= min(body.max_scroll_y, body.size.height - 2)
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0
        # The mouse wheel over the cards.
        x, y = body.region.x + 5, body.region.y + 3
        for _ in range(3):
            app.post_message(events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False,
                                                    screen_x=x, screen_y=y))
        await settle(app, pilot)
        assert body.scroll_y > 0
        await pilot.press("home")
        # From a card's button, or the section bar, the arrows scroll from where Today is.
        app.screen.query_one("#key-log_pain", Button).focus()
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
        assert 1 <= body.scroll_y <= 2
        assert not isinstance(app.focused, DataTable)
        app.screen.query_one("#nav-today", Button).focus()
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert body.scroll_y > 2 and not isinstance(app.focused, DataTable)


async def test_the_list_of_entries_keeps_its_arrows(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The afternoon of a demo day, whatever the time the test runs: the day has several entries
    # (just after midnight a demo day of today had one, and this test had nothing to check).
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00:00")
    folder = tmp_path / "demo"
    write_demo(folder, 28, date(2026, 11, 21))

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#entries", DataTable)
        table.focus()
        await pilot.pause()
        assert table.row_count >= 2, "the demo afternoon has several entries"
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == 1 and app.focused is table
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_row == 0
        body = body_of(app)
        assert body.region.contains_region(table.region.intersection(body.region))


async def test_after_a_dialog_from_a_card_button_today_stays_where_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 28, date.today())

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.click("#key-log_pain")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        body = body_of(app)
        assert app.focused is body and body.scroll_y == 0
        await pilot.press("down")
        await pilot.pause()
        assert body.scroll_y == 1
