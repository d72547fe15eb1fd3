"""The supporter page screen (Group, h): ticks, live preview, save PDF and message; a page
someone shared shows read-only on the Group board (Pilot, 80x24 and 60x20)."""

from __future__ import annotations

import asyncio
import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from paceapp.app.share import import_shared
from paceapp.core.flare import new_plan
from paceapp.core.supporter import SUPPORTER_FORMAT, SupporterPage, checksum
from paceapp.outputs.share import read_shared
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import LeaveQuestion
from paceapp.tui.screens.group import GroupScreen
from paceapp.tui.screens.supporter import SupporterCopyScreen, SupporterScreen
from tests.conftest import folder_bytes
from tests.tui.pilot_helpers import settle


async def open_supporter(app: PaceApp, pilot) -> SupporterScreen:  # noqa: ANN001
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, GroupScreen)
    await pilot.press("h")
    await settle(app, pilot)
    assert isinstance(app.screen, SupporterScreen)
    return app.screen


def setup(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.put_single(new_plan(warning_signs="I go quiet and stiff",
                                first_steps="Heat pad, lie down"))
    journal.put_single(SupporterPage(unhelpful="Being asked [bold]am I better[/bold]",
                                     private_note="zzsecret note"))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_untick_a_part_and_it_leaves_the_preview(data_dir: Path, size: tuple[int, int]) -> None:
    setup(data_dir)

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            screen = await open_supporter(app, pilot)
            preview = screen.query_one("#supporter-preview", Static)
            text = str(preview.content)
            assert "I go quiet and stiff" in text and "Heat pad" in text
            assert "[bold]am I better[/bold]" in text  # plain text, never markup
            assert "zzsecret" not in text  # the private note only when ticked
            assert "Samaritans: call 116 123" in text
            box = screen.query_one("#tick-signs", Checkbox)
            box.focus()
            await pilot.press("space")
            await pilot.pause()
            assert not box.value and "left out" in str(box.label)
            text = str(preview.content)
            assert "I go quiet and stiff" not in text and "Heat pad" in text
            screen.query_one("#tick-private_note", Checkbox).value = True
            await pilot.pause()
            assert "zzsecret note" in str(preview.content)
            words = screen.query_one("#words-helps", TextArea)
            words.text = "A cup of tea"
            await pilot.pause()
            assert "A cup of tea" in str(preview.content) and "Heat pad" not in str(
                preview.content)
            # Esc with changes asks first (keep writing is the default); nothing is written
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, LeaveQuestion)
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is screen
            await pilot.press("escape")
            await settle(app, pilot)
            await pilot.press("y")
            await settle(app, pilot)
            assert isinstance(app.screen, GroupScreen)

    before = folder_bytes(data_dir)
    asyncio.run(scenario())
    assert folder_bytes(data_dir) == before


async def test_save_writes_a_one_page_pdf_and_the_message_that_imports(data_dir: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    setup(data_dir)
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(tmp_path / "docs"))
    out = tmp_path / "help.pdf"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_supporter(app, pilot)
        screen.query_one("#supporter-name", Input).value = "Robin"
        screen.query_one("#supporter-path", Input).value = str(out)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)

    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    words = " ".join(reader.pages[0].extract_text().split())
    assert "How to help Robin" in words and "zzsecret" not in words
    message = (tmp_path / "help-message.txt").read_text()
    assert "zzsecret" not in message
    other = Journal.open(tmp_path / "supporter")
    outcome = import_shared(other, message.encode(), datetime.now(UTC) + timedelta(minutes=1))
    assert outcome.action == "supporter-added"
    page = Journal.open(data_dir).get_single(SupporterPage)
    assert page is not None and "private_note" not in page.parts


async def test_a_shared_page_shows_read_only_on_the_board(data_dir: Path) -> None:
    doc = {"format": SUPPORTER_FORMAT, "version": 1, "member_id": "7c2e9b1d0f3a4e58",
           "name": "[red]Ali[/red]", "shared_at": (datetime.now(UTC) - timedelta(days=1))
           .replace(microsecond=0).isoformat(),
           "sections": {"helps": "Tea and [b]quiet[/b]"}, "crisis_contacts": True}
    doc["checksum"] = checksum(doc)
    raw = json.dumps(doc).encode()
    assert read_shared(raw, now=datetime.now(UTC)).value is not None
    import_shared(Journal.open(data_dir), raw, datetime.now(UTC))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await settle(app, pilot)
        table = app.screen.query_one("#board", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert any(r[0] == "How to help [red]Ali[/red]" for r in rows)
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SupporterCopyScreen)
        text = str(app.screen.query_one("#supporter-copy-text", Static).content)
        assert "Tea and [b]quiet[/b]" in text and "Samaritans: call 116 123" in text
        await pilot.press("escape")

