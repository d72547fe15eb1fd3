from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import folder_bytes


def test_set_and_show_settings(cli) -> None:
    assert cli("settings", "set", "--display-name", "Sam R", "--week-starts", "Sunday",
               "--theme", "high-contrast", "--bad-day", "on").code == 0
    shown = json.loads(cli("settings", "--json").out)
    assert shown["display_name"] == "Sam R" and shown["week_starts"] == 6
    assert shown["theme"] == "high-contrast" and shown["bad_day_mode"] is True
    assert "Sunday" in cli("settings").out
    cli("undo")
    assert json.loads(cli("settings", "--json").out)["display_name"] == ""


def test_bad_settings_change_nothing(cli, data_dir: Path) -> None:
    cli("settings", "set", "--display-name", "Sam")
    before = folder_bytes(data_dir)
    for args in (("--week-starts", "funday"), ("--theme", "pink"), ("--key", "nonsense"), ()):
        result = cli("settings", "set", *args)
        assert result.code == 2, args
        assert "Traceback" not in result.err
    assert folder_bytes(data_dir) == before


def test_support_lists_crisis_contacts(cli) -> None:
    out = cli("support").out
    for part in ("999", "111", "116 123", "85258", "not medical advice"):
        assert part in out
