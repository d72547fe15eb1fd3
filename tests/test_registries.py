"""Every registry entry resolves to the real thing: each kind decodes, each section opens, each
card and form is found, each command (in the tables and in docs/cli.md) exists.

The registries name their entries by importing them, so a renamed module fails here (and in the
type check) instead of a section, card or command quietly disappearing.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import click
import pytest

from paceapp.core.codec import field_types, from_data, to_data
from paceapp.core.kinds import ALIASES, all_kinds, kind_class, kind_modules
from paceapp.core.records import Record

ROOT = Path(__file__).resolve().parents[1]


# -- record kinds ---------------------------------------------------------------------------
def test_every_kind_module_adds_its_kinds() -> None:
    kinds = all_kinds()
    for module in kind_modules():
        assert module.KINDS, f"{module.__name__} lists no kinds"
        for cls in module.KINDS:
            assert issubclass(cls, Record) and kinds[cls.KIND] is cls
    assert len(kinds) == sum(len(module.KINDS) for module in kind_modules()), "a kind twice"


def test_every_alias_names_a_kind() -> None:
    for alias, kind in ALIASES.items():
        assert kind in all_kinds(), alias
        assert kind_class(alias) is all_kinds()[kind]


def test_every_kind_decodes(tmp_path: Path) -> None:
    """Each kind's fields can be read back; every kind the demo writes round-trips."""
    from paceapp.app.folder import open_folder
    from paceapp.demo import write_demo

    write_demo(tmp_path, 28, date(2026, 11, 20))
    journal = open_folder(tmp_path)
    seen = 0
    for cls in all_kinds().values():
        assert set(field_types(cls)) == {f.name for f in dataclasses.fields(cls)}, cls.__name__
        records = ([journal.get_single(cls)] if cls.SINGLE else journal.list(cls))
        for record in [r for r in records if r is not None][:3]:
            assert from_data(cls, to_data(record)) == record, cls.__name__
            seen += 1
    assert seen > len(all_kinds()) // 2  # the demo holds most kinds


# -- sections, cards, forms -----------------------------------------------------------------
def test_every_section_names_its_screen() -> None:
    from paceapp.tui.navigation import sections
    from paceapp.tui.screens.base import SectionScreen

    found = sections()
    assert [s.key for s in found] == [str(n) for n in range(1, len(found) + 1)]
    assert len({s.mode for s in found}) == len(found)
    for section in found:
        screen = section.screen_class()
        assert issubclass(screen, SectionScreen) and screen.MODE == section.mode, section.title


async def test_every_section_opens(tmp_path: Path) -> None:
    from paceapp.app.folder import open_folder
    from paceapp.tui.app import PaceApp
    from paceapp.tui.navigation import sections
    from tests.tui.pilot_helpers import settle

    app = PaceApp(open_folder(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        for section in sections():
            await pilot.press(section.key)
            await settle(app, pilot)
            assert app.current_mode == section.mode
            assert isinstance(app.screen, section.screen_class()), section.title


def test_every_card_is_found() -> None:
    from paceapp.tui.cards import card_classes
    from paceapp.tui.cards.base import TodayCard

    cards = card_classes()
    assert len(cards) == 8 and len(set(cards)) == len(cards)
    for card in cards:
        assert issubclass(card, TodayCard) and card is not TodayCard


def test_every_form_is_found() -> None:
    from textual.screen import ModalScreen

    from paceapp.tui.forms import edit_form_class, edit_forms
    from paceapp.tui.screens.record_form import RecordForm

    forms = edit_forms()
    assert forms
    for kind, form in forms.items():
        assert kind in all_kinds(), kind
        assert issubclass(form, ModalScreen) and form is not RecordForm
        assert edit_form_class(kind) is form
    other = next(k for k in all_kinds() if k not in forms)
    assert edit_form_class(other) is RecordForm


# -- commands -------------------------------------------------------------------------------
def loaded_cli() -> tuple[click.Group, click.Context]:
    from paceapp.cli.root import build_cli

    cli = build_cli()
    ctx = click.Context(cli, info_name="paceapp")
    return cli, ctx


def test_every_root_command_comes_from_its_module() -> None:
    from paceapp.cli.lazy import load_module
    from paceapp.cli.root import ROOT_COMMANDS

    for name, module in ROOT_COMMANDS.items():
        cli, ctx = loaded_cli()
        load_module(module, cli)
        assert name in cli.commands, f"paceapp.cli.{module} does not add '{name}'"
    cli, ctx = loaded_cli()
    assert set(cli.list_commands(ctx)) == set(ROOT_COMMANDS), "a command not in ROOT_COMMANDS"


def test_every_log_command_comes_from_its_module() -> None:
    from paceapp.cli.log import LOG_COMMANDS, log_group

    cli, ctx = loaded_cli()
    log_ctx = click.Context(log_group, info_name="log", parent=ctx)
    for name in LOG_COMMANDS:
        assert log_group.get_command(log_ctx, name) is not None, name
    assert set(LOG_COMMANDS) <= set(log_group.list_commands(log_ctx))


def test_a_missing_command_module_is_an_error_not_a_missing_command() -> None:
    from paceapp.cli.lazy import LazyGroup

    group = LazyGroup(name="x", lazy={"gone": "no_such_module_here"})
    ctx = click.Context(group, info_name="x")
    with pytest.raises(ModuleNotFoundError):
        group.get_command(ctx, "gone")


def documented_commands() -> set[tuple[str, ...]]:
    """Command paths in docs/cli.md's code spans (`paceapp gp concern add ...` -> gp concern
    add), up to the first word that is not a command name."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    paths = set()
    for span in re.findall(r"`paceapp ([^`]+)`", text):
        words = []
        for word in span.split():
            if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
                break
            words.append(word)
        if words:
            paths.add(tuple(words))
    return paths


def test_every_documented_command_exists() -> None:
    documented = documented_commands()
    assert len(documented) > 40
    for path in sorted(documented):
        cli, ctx = loaded_cli()
        command: click.Command = cli
        for word in path:
            if not isinstance(command, click.Group):
                break  # the rest are arguments (`show sleep`, `edit day ID`)
            found = command.get_command(ctx, word)
            assert found is not None, f"docs/cli.md: 'paceapp {' '.join(path)}' - no '{word}'"
            ctx = click.Context(found, info_name=word, parent=ctx)
            command = found
