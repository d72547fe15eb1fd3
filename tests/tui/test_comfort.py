"""Themes, bad-day mode, remapped keys, the command palette and mouse navigation."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from textual.widgets import Static

from paceapp.core.settings import Settings
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.pain_form import PainForm
from tests.tui.pilot_helpers import settle


def test_theme_cycles_and_is_remembered(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("c")
            await settle(app, pilot)
            assert app.theme == "paceapp-high-contrast"
            await pilot.press("c")
            await settle(app, pilot)
            assert app.theme == "paceapp-monochrome"
    asyncio.run(scenario())
    assert load_settings(Journal.open(data_dir)).theme == "monochrome"

    async def reopen() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert app.theme == "paceapp-monochrome"
    asyncio.run(reopen())


def test_bad_day_mode_keeps_only_the_essentials(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("b")
            await settle(app, pilot)
            assert app.has_class("-bad-day")
            cards = list(app.screen.query(".card"))
            assert cards, "Today has cards"
            for card in cards:
                assert card.display == type(card).ESSENTIAL
            assert app.screen.query_one("#card-CheckinCard").display
            await pilot.press("p")  # still one key to log pain
            await pilot.pause()
            assert isinstance(app.screen, PainForm)
    asyncio.run(scenario())
    assert load_settings(Journal.open(data_dir)).bad_day_mode is True


def test_remapped_key_from_settings(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.put_single(dataclasses.replace(Settings(), keymap={"today-log_pain": "ctrl+l"}))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert isinstance(app.screen, PainForm)
    asyncio.run(scenario())


def test_palette_lists_actions_and_runs_them(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Go to Today" in titles and "Log pain" in titles and "Support" in titles
            await pilot.press("ctrl+p")
            await pilot.pause()
            for char in "log pain":
                await pilot.press("space" if char == " " else char)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, PainForm)
    asyncio.run(scenario())


def test_sections_by_mouse(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.click("#nav-charts")
            await settle(app, pilot)
            assert app.current_mode == "charts"
            await pilot.click("#nav-today")
            await settle(app, pilot)
            assert app.current_mode == "today"
            assert "Today" in str(app.screen.query_one("#today-title", Static).content)
    asyncio.run(scenario())
