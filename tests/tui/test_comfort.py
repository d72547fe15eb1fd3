"""Themes, bad-day mode, remapped keys, the command palette (with Textual's own commands and
the theme picker) and mouse navigation."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.widgets import OptionList, Static

from paceapp.core.settings import TEXTUAL_THEMES, Settings, app_theme, theme_setting
from paceapp.core.settings import THEMES as SETTING_THEMES
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings, update_settings
from paceapp.tui.app import PaceApp
from paceapp.tui.navigation import sections
from paceapp.tui.screens.pain_form import PainForm
from paceapp.tui.themes import MONOCHROME, THEMES
from tests.tui.pilot_helpers import settle


def test_theme_cycles_through_dark_and_light_and_is_remembered(data_dir: Path) -> None:
    seen: list[tuple[str, bool, str]] = []  # (app theme, dark?, stored name) after each c

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert app.theme == THEMES["default"]
            for _ in THEMES:
                await pilot.press("c")
                await settle(app, pilot)
                stored = load_settings(Journal.open(data_dir)).theme
                seen.append((app.theme, app.current_theme.dark, stored))
    asyncio.run(scenario())
    # Every one of the five, once, and back to the start; each stored as its short name.
    assert [theme for theme, _dark, _stored in seen] == [*list(THEMES.values())[1:],
                                                         THEMES["default"]]
    assert [stored for _theme, _dark, stored in seen] == [*list(THEMES)[1:], "default"]
    assert any(not dark for _theme, dark, _stored in seen), "c reaches a light theme"
    assert any(dark for _theme, dark, _stored in seen)

    async def reopen_with(setting: str) -> str:
        update_settings(Journal.open(data_dir), theme=setting)
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            return app.theme
    for setting, theme in THEMES.items():  # each is used at the next start
        assert asyncio.run(reopen_with(setting)) == theme


def test_theme_names_match_the_themes_offered() -> None:
    """The settings know exactly the themes the app offers (Textual's and paceapp's), so any
    choice can be remembered; a new Textual with new themes makes this fail."""
    assert set(TEXTUAL_THEMES) == set(BUILTIN_THEMES)
    app = PaceApp(Journal.in_memory())
    offered = set(app.available_themes)
    assert {app_theme(name) for name in SETTING_THEMES} == offered
    for name in offered:
        assert app_theme(theme_setting(name)) == name
    for old in ("default", "high-contrast", "monochrome"):  # settings from before keep working
        Settings(theme=old).validate()
        assert app_theme(old) in offered


async def test_bad_day_mode_keeps_only_the_essentials(data_dir: Path) -> None:
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
    assert load_settings(Journal.open(data_dir)).bad_day_mode is True


async def test_remapped_key_from_settings(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.put_single(dataclasses.replace(Settings(), keymap={"today-log_pain": "f3"}))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, PainForm)


async def test_palette_lists_actions_and_runs_them(data_dir: Path) -> None:
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


def paceapp_descriptions(screen: Screen[Any]) -> set[str]:
    """Descriptions of the keys paceapp's own classes bind, on this screen and the app."""
    found = set()
    for active in screen.active_bindings.values():
        for cls in type(active.node).__mro__:
            if cls.__module__.startswith("paceapp"):
                for item in cls.__dict__.get("BINDINGS", ()):
                    found.add(item.description if isinstance(item, Binding) else item[2])
    return found


async def test_palette_offers_textual_and_paceapp_commands_without_noise(data_dir: Path) -> None:
    """On every section and in a form: Textual's theme picker, keys panel, quit and screenshot,
    paceapp's sections and keys, each once and each explained; nothing else (no Tab, copy or
    cursor keys inherited from Textual's widgets)."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screens = []
        for section in sections():
            await pilot.press(section.key)
            await settle(app, pilot)
            screens.append(app.screen)
        await pilot.press("1")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        screens.append(app.screen)
        for screen in screens:
            commands = list(app.get_system_commands(screen))
            titles = [c.title for c in commands]
            where = type(screen).__name__
            assert len(titles) == len(set(titles)), f"{where}: a command twice: {titles}"
            assert {"Theme", "Keys", "Quit", "Screenshot"} <= set(titles), where
            assert all(c.help.strip() for c in commands), where
            assert not any("focus" in t.lower() or "copy" in t.lower() for t in titles), where
            assert not any(t.lower() in ("leave paceapp", "exit") for t in titles), where
            allowed = (set(PaceApp.TEXTUAL_COMMANDS) | paceapp_descriptions(screen)
                       | {f"Go to {s.title}" for s in sections()})
            assert set(titles) <= allowed, f"{where}: {set(titles) - allowed}"


def listed(app: PaceApp) -> list[str]:
    """What the open command palette lists (first lines of its options)."""
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)]


async def palette_search(app: PaceApp, pilot: Any, text: str) -> list[str]:
    for char in text:
        await pilot.press(char)
    await pilot.pause(0.3)
    return listed(app)


def test_palette_finds_theme_keys_and_quit_and_remembers_a_light_theme(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            for word, title in (("quit", "Quit"), ("keys", "Keys"), ("screenshot", "Screenshot")):
                await pilot.press("ctrl+p")
                await pilot.pause()
                assert title in await palette_search(app, pilot, word), word
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert (await palette_search(app, pilot, "theme"))[0] == "Theme"
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, CommandPalette)  # now the theme picker
            assert set(listed(app)) == set(app.available_themes)  # it offers them all
            assert (await palette_search(app, pilot, "textual-light"))[0] == "textual-light"
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.theme == "textual-light"
    asyncio.run(scenario())
    assert load_settings(Journal.open(data_dir)).theme == "textual-light"

    async def reopen() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert app.theme == "textual-light" and not app.current_theme.dark
    asyncio.run(reopen())


def test_theme_from_the_command_line_is_used_at_the_next_start(cli, data_dir: Path) -> None:
    for given, theme in (("high-contrast-light", "paceapp-high-contrast-light"),
                         ("Solarized-Light", "solarized-light"), ("monochrome", MONOCHROME.name)):
        assert cli("settings", "set", "--theme", given).code == 0

        async def start() -> str:
            app = PaceApp(Journal.open(data_dir))
            async with app.run_test(size=(80, 24)) as pilot:
                await settle(app, pilot)
                return app.theme
        assert asyncio.run(start()) == theme


async def test_changing_colours_keeps_what_was_changed_meanwhile_elsewhere(cli, data_dir: Path) -> None:
    """The app stores only the field it changed, on the settings as they are now, so a name set
    from the command line while the app is open is not put back."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert cli("settings", "set", "--display-name", "Sam", "--week-starts",
                   "Sunday").code == 0
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
    stored = load_settings(Journal.open(data_dir))
    assert (stored.display_name, stored.week_starts) == ("Sam", 6)
    assert stored.theme == list(THEMES)[1] and stored.bad_day_mode is True


async def test_undoing_a_colour_change_puts_the_colours_back(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        assert app.theme != THEMES["default"]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert app.theme == THEMES["default"]
        assert load_settings(Journal.open(data_dir)).theme == "default"


async def test_sections_by_mouse(data_dir: Path) -> None:
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
