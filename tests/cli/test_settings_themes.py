"""`paceapp settings set --theme`: every theme the app offers, by any of its names; a wrong
name is refused with the choices listed. Settings changes keep fields changed elsewhere."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from paceapp.core.errors import ValidationError
from paceapp.core.settings import TEXTUAL_THEMES, THEME_NAMES, THEMES, Settings, theme_setting
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings, update_settings
from tests.conftest import folder_bytes


def test_every_theme_name_is_accepted_and_stored_by_its_short_name(cli) -> None:
    for name in THEMES:
        for given in (name, name.upper(), f" {name} "):
            assert cli("settings", "set", "--theme", given).code == 0, given
            stored = json.loads(cli("settings", "--json").out)["theme"]
            assert stored == theme_setting(name), given
    # The app's own names for paceapp's themes are stored as the short ones.
    for short, app_name in THEME_NAMES.items():
        cli("settings", "set", "--theme", app_name)
        assert json.loads(cli("settings", "--json").out)["theme"] == short


def test_older_theme_values_keep_working(data_dir: Path, cli) -> None:
    journal = Journal.open(data_dir)
    for old in ("default", "high-contrast", "monochrome"):
        journal.put_single(dataclasses.replace(Settings(), theme=old))
        result = cli("settings")
        assert result.code == 0 and old in result.out


@pytest.mark.parametrize("bad", ["pink", "", "  ", "paceapp", "textual", "x" * 200, "nord;rm"])
def test_a_wrong_theme_lists_the_choices_and_changes_nothing(cli, data_dir: Path,
                                                             bad: str) -> None:
    cli("settings", "set", "--display-name", "Sam")
    before = folder_bytes(data_dir)
    result = cli("settings", "set", "--theme", bad)
    assert result.code == 2 and "Traceback" not in result.err
    message = result.err + result.out
    for name in (*THEME_NAMES, *[t for t in TEXTUAL_THEMES if t != "textual-dark"]):
        assert name in message, name
    assert len(message) < 1000  # a long wrong name is cut short, not repeated in full
    assert folder_bytes(data_dir) == before


def test_the_help_names_paceapps_themes(cli) -> None:
    out = " ".join(cli("settings", "set", "--help").out.split())
    for name in THEME_NAMES:
        assert name in out


def test_a_stored_theme_outside_the_list_is_refused_with_the_choices() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(theme="neon").validate()
    assert "high-contrast-light" in str(caught.value) and "nord" in str(caught.value)


def test_update_settings_changes_only_the_named_fields(data_dir: Path) -> None:
    """Two windows: each change is made on the settings as stored at that moment."""
    first, second = Journal.open(data_dir), Journal.open(data_dir)
    update_settings(first, display_name="Sam")
    update_settings(second, theme="light")  # second never read the name
    update_settings(first, bad_day_mode=True)  # first never read the theme
    stored = load_settings(Journal.open(data_dir))
    assert (stored.display_name, stored.theme, stored.bad_day_mode) == ("Sam", "light", True)


def test_update_settings_refuses_bad_values_before_writing(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    update_settings(journal, display_name="Sam")
    before = folder_bytes(data_dir)
    for changes in ({"theme": "pink"}, {"keymap": {"today-log_pain": "ctrl+\udcff"}},
                    {"week_starts": 9}):
        with pytest.raises(ValidationError):
            update_settings(journal, **changes)
    assert folder_bytes(data_dir) == before
