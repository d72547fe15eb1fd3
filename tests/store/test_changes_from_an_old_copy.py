"""A change made from an old copy (a form opened a while ago) never undoes a change made
meanwhile elsewhere: only the fields the person changed are written, to the record as stored
now; the same field changed in both places is refused with a plain message and nothing written.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from paceapp.core.errors import ChangedElsewhereError
from paceapp.core.pacing import PaceSettings
from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes


def pain(score: int = 4, note: str = "") -> PainEntry:
    now = datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=1)
    return PainEntry(at=now, score=score, note=note)


@pytest.fixture
def two_windows(data_dir: Path) -> tuple[Journal, Journal, PainEntry]:
    app, shell = Journal.open(data_dir), Journal.open(data_dir)
    record = app.add(pain(4, "stairs"))
    return app, shell, record


def test_a_field_changed_elsewhere_is_kept(two_windows) -> None:  # noqa: ANN001
    app, shell, opened = two_windows
    shell.update(dataclasses.replace(shell.get(PainEntry, opened.id), note="after the bus"))
    app.update(dataclasses.replace(opened, score=6), base=opened)  # the form changed the score
    stored = Journal.open(app.folder.root).get(PainEntry, opened.id)
    assert (stored.score, stored.note) == (6, "after the bus")


def test_without_a_base_the_whole_copy_is_written(two_windows) -> None:  # noqa: ANN001
    """The old behaviour, kept for callers that read fresh data inside the same lock."""
    app, shell, opened = two_windows
    shell.update(dataclasses.replace(shell.get(PainEntry, opened.id), note="after the bus"))
    app.update(dataclasses.replace(opened, score=6))
    assert Journal.open(app.folder.root).get(PainEntry, opened.id).note == "stairs"


@pytest.mark.parametrize("elsewhere, here", [
    ({"score": 7}, {"score": 6}),
    ({"note": "x"}, {"note": "y"}),
    ({"score": 7, "note": "x"}, {"note": "y"}),
])
def test_the_same_field_changed_in_both_places_is_refused(two_windows, elsewhere, here) -> None:  # noqa: ANN001
    app, shell, opened = two_windows
    shell.update(dataclasses.replace(shell.get(PainEntry, opened.id), **elsewhere))
    before = folder_bytes(app.folder.root)
    with pytest.raises(ChangedElsewhereError) as error:
        app.update(dataclasses.replace(opened, **here), base=opened)
    assert folder_bytes(app.folder.root) == before
    assert "changed somewhere else" in str(error.value) and "Nothing was saved" in str(error.value)
    assert error.value.exit_code == 2


def test_the_same_change_in_both_places_is_no_clash(two_windows) -> None:  # noqa: ANN001
    app, shell, opened = two_windows
    shell.update(dataclasses.replace(shell.get(PainEntry, opened.id), score=6))
    app.update(dataclasses.replace(opened, score=6, note="walk"), base=opened)
    stored = Journal.open(app.folder.root).get(PainEntry, opened.id)
    assert (stored.score, stored.note) == (6, "walk")


def test_single_records_merge_too(data_dir: Path) -> None:
    app, shell = Journal.open(data_dir), Journal.open(data_dir)
    opened = app.put_single(PaceSettings())
    shell.put_single(dataclasses.replace(shell.get_single(PaceSettings), rest_min=15))
    app.put_single(dataclasses.replace(opened, day_hours=14), base=opened)
    stored = Journal.open(data_dir).get_single(PaceSettings)
    assert (stored.rest_min, stored.day_hours) == (15, 14)


def test_cli_edit_changes_only_the_fields_given(cli, data_dir: Path) -> None:  # noqa: ANN001
    record = Journal.open(data_dir).add(pain(4, "stairs"))
    assert cli("edit", "pain", record.id[:8], "score=5").code == 0
    stored = Journal.open(data_dir).get(PainEntry, record.id)
    assert (stored.score, stored.note) == (5, "stairs")
