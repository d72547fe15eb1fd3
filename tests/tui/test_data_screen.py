"""The Data section: check, export (JSON and CSV, read back) and restore a backup."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from tests.tui.pilot_helpers import settle


def add_pain(folder: Path, score: int) -> None:
    Journal.open(folder).add(PainEntry(at=datetime.now().astimezone().replace(microsecond=0),
                                       score=score))


async def test_check_export_and_restore(data_dir: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(home))
    add_pain(data_dir, 3)
    add_pain(data_dir, 4)  # the day's backup (holding the 3) is taken before this one

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("8")
        await settle(app, pilot)
        check = str(app.screen.query_one("#data-check", Static).content)
        assert "Everything reads and checks out" in check
        assert str(data_dir) in str(app.screen.query_one("#data-where", Static).content)
        assert app.screen.query_one("#backups", DataTable).row_count == 1

        await pilot.press("j")
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)

        app.screen.query_one("#backups", DataTable).focus()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)

    [export] = home.glob("paceapp-export-*.json")
    document = json.loads(export.read_text())
    assert sorted(r["score"] for r in document["records"]["pain"]) == [3, 4]
    [csv_folder] = [p for p in home.iterdir() if p.is_dir()]
    with open(csv_folder / "pain.csv", newline="", encoding="utf-8-sig") as handle:
        assert sorted(row["score"] for row in csv.DictReader(handle)) == ["3", "4"]
    # Restored: back to the state before today's second log; the replaced state is kept.
    assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [3]
    assert any("before-restore" in p.name for p in (data_dir / "backups").iterdir())
