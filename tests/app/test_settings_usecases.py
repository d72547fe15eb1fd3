"""Settings use-cases: a change names only the fields changed and is applied to the settings as
stored when it is written (read under the lock), so a change made elsewhere meanwhile - the CLI
while the app is open - is never blanked by an old copy."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from paceapp.app.folder import open_folder
from paceapp.app.settings import change_settings, load_settings, weekday_number
from paceapp.core.errors import ValidationError
from paceapp.core.settings import THEME_NAMES, WEEKDAYS, Settings
from tests.conftest import folder_bytes

#: (field, a value) for every setting a person changes.
CHANGES = [("display_name", "Sam"), ("real_name", "Sam Jones"), ("practice", "Elm Surgery"),
           ("week_starts", 6), ("theme", "light"), ("bad_day_mode", True),
           ("keymap", {"today-log_pain": "f3"}), ("welcomed", True)]


def test_a_fresh_folder_reads_the_defaults_and_writes_nothing(data_dir: Path) -> None:
    settings = load_settings(open_folder(data_dir))
    assert (settings.display_name, settings.week_starts, settings.theme) == ("", 0, "default")
    assert folder_bytes(data_dir) == {}


@pytest.mark.parametrize(("name", "value"), CHANGES)
def test_each_change_keeps_every_other_field_changed_elsewhere(data_dir: Path, name: str,
                                                               value: object) -> None:
    """Window A read the settings before window B changed every other field; A's change of
    one field keeps all of B's."""
    window_a, window_b = open_folder(data_dir), open_folder(data_dir)
    load_settings(window_a)  # A's old copy
    others = {n: v for n, v in CHANGES if n != name}
    change_settings(window_b, **others)
    stored = change_settings(window_a, **{name: value})
    for field, wanted in CHANGES:
        assert getattr(stored, field) == wanted, field
    assert load_settings(open_folder(data_dir)) == stored


def test_the_change_is_read_fresh_inside_the_lock(data_dir: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A change made by another window after the use-case's first look (its check) and just
    before it takes the lock is kept: the write starts from what is stored under the lock."""
    app, cli = open_folder(data_dir), open_folder(data_dir)
    change_settings(app, display_name="Robin")
    real = app.transaction
    calls: list[int] = []

    @contextmanager
    def cli_gets_in_first() -> Iterator[None]:
        if not calls:  # the use-case's own transaction (not the write's inner one)
            calls.append(1)
            change_settings(cli, display_name="Sam", week_starts=6)
        with real():
            yield

    monkeypatch.setattr(app, "transaction", cli_gets_in_first)
    stored = change_settings(app, theme="light")
    assert (stored.display_name, stored.week_starts, stored.theme) == ("Sam", 6, "light")


def test_keys_are_added_to_the_keys_stored_then(data_dir: Path) -> None:
    app, cli = open_folder(data_dir), open_folder(data_dir)
    load_settings(app)
    change_settings(cli, keys={"today-log_pain": "f3"})
    stored = change_settings(app, keys={"today-log_sleep": "f4"})
    assert stored.keymap == {"today-log_pain": "f3", "today-log_sleep": "f4"}
    assert change_settings(app, reset_keys=True, keys={"help": "f5"}).keymap == {"help": "f5"}
    assert change_settings(cli, reset_keys=True).keymap == {}


@pytest.mark.parametrize("changes", [{"theme": "pink"}, {"week_starts": 9},
                                     {"display_name": "x" * 500},
                                     {"keymap": {"": "f3"}}])
def test_a_wrong_value_names_its_field_and_writes_nothing(data_dir: Path,
                                                          changes: dict[str, object]) -> None:
    journal = open_folder(data_dir)
    change_settings(journal, display_name="Sam")
    before = folder_bytes(data_dir)
    with pytest.raises(ValidationError) as caught:
        change_settings(journal, **changes)
    assert caught.value.field in {*changes, "keymap"}
    assert folder_bytes(data_dir) == before


def test_the_member_id_and_unknown_fields_cannot_be_changed(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    for changes in ({"member_id": "x"}, {"id": "x"}, {"colour": "red"}):
        with pytest.raises(TypeError):
            change_settings(journal, **changes)
    assert folder_bytes(data_dir) == {}


def test_one_change_is_one_undo(data_dir: Path) -> None:
    from paceapp.app.records import undo_last as undo_last_change

    journal = open_folder(data_dir)
    change_settings(journal, display_name="Sam")
    change_settings(journal, theme="light", bad_day_mode=True)
    undone = undo_last_change(journal)
    assert undone is not None and undone.settings is not None
    assert (undone.settings.display_name, undone.settings.theme,
            undone.settings.bad_day_mode) == ("Sam", "default", False)


@pytest.mark.parametrize(("text", "number"), [
    *[(name, i) for i, name in enumerate(WEEKDAYS)],
    *[(name[:3].upper(), i) for i, name in enumerate(WEEKDAYS)],
    *[(f" {i} ", i) for i in range(7)]])
def test_a_weekday_is_read_as_people_write_it(text: str, number: int) -> None:
    assert weekday_number(text) == number


@pytest.mark.parametrize("text", ["", "Funday", "7", "mo", "-1"])
def test_a_wrong_weekday_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        weekday_number(text)
    assert caught.value.field == "week_starts"


def test_the_app_and_the_cli_changing_settings_at_once_keep_both(data_dir: Path) -> None:
    """The app (this process) steps the colours while `paceapp settings set` runs in another
    process again and again: afterwards the CLI's last name and the app's last theme are both
    stored - neither write started from an old copy."""
    app = open_folder(data_dir)
    change_settings(app, display_name="start")
    themes = list(THEME_NAMES)
    stop = threading.Event()
    last_theme: list[str] = []

    def app_side() -> None:
        step = 0
        while not stop.is_set():
            theme = themes[step % len(themes)]
            change_settings(app, theme=theme)
            last_theme.append(theme)
            step += 1

    worker = threading.Thread(target=app_side)
    worker.start()
    try:
        names = [f"Name{i}" for i in range(3)]
        for name in names:
            ran = subprocess.run([sys.executable, "-m", "paceapp", "--data-dir", str(data_dir),
                                  "settings", "set", "--display-name", name, "--bad-day", "on"],
                                 capture_output=True, text=True, timeout=120)
            assert ran.returncode == 0, ran.stderr
    finally:
        stop.set()
        worker.join(timeout=60)
    stored = load_settings(open_folder(data_dir))
    assert stored.display_name == names[-1] and stored.bad_day_mode
    assert last_theme and stored.theme == last_theme[-1]
    assert isinstance(stored, Settings)
