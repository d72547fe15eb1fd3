"""The Evidence summary screen: opened from the GP section with u (and Ctrl+P there), the preview
shows the figures with their basis, the period can be changed, a PDF and a text file are saved to
the documents folder, hostile words stay plain text, and it reads at 60x20 and 80x24."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from textual.widgets import Input, Static

from paceapp.core.day import DayRecord, Difficulty, HardActivity, Rating
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.evidence import EvidenceScreen
from paceapp.tui.screens.gp import GPScreen
from tests.tui.pilot_helpers import settle

HOSTILE = "[b]Zoë's[/b] ✓ [link=x]stairs[/]"


def seed(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    today = date.today()
    journal.add(DayRecord(date=today, rating=Rating.BAD, hard=(
        HardActivity(activity="Dressing", how=Difficulty.HELP, words=HOSTILE),)))
    journal.add(DayRecord(date=today - timedelta(days=20), rating=Rating.GOOD))


def preview(app: PaceApp) -> str:
    return " ".join(str(app.screen.query_one("#evidence-text", Static).content).split())


async def open_evidence(app: PaceApp, pilot) -> EvidenceScreen:  # noqa: ANN001
    await settle(app, pilot)
    await pilot.press("5")
    await settle(app, pilot)
    assert isinstance(app.screen, GPScreen)
    await pilot.press("u")
    await settle(app, pilot)
    await settle(app, pilot)
    assert isinstance(app.screen, EvidenceScreen)
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_open_from_gp_and_see_the_figures(data_dir: Path, size: tuple[int, int]) -> None:
    seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        screen = await open_evidence(app, pilot)
        text = preview(app)
        assert "Days logged: 2 of the 84 days" in text
        assert "Dressing: hard on 1 of 2 days logged; 82 days not logged" in text
        assert HOSTILE in text  # shown as typed: never read as markup
        # Everything the person needs is on the screen at this size (inside it, not cut off)
        for selector in ("#weeks", "#from", "#to", "#path", "#pdf", "#text", "#close",
                         "#evidence-scroll"):
            region = screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= size[0] and region.bottom <= size[1], selector
        # the period: 2 weeks leaves the older day out
        weeks = screen.query_one("#weeks", Input)
        weeks.value = "2"
        weeks.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Days logged: 1 of the 14 days" in preview(app)
        # a bad period says what was wrong and keeps the preview
        weeks.value = "two"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "whole number" in str(screen.query_one("#problem", Static).content)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, GPScreen)


async def test_save_a_pdf_and_text_to_the_documents_folder(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    today = date.today().isoformat()

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evidence(app, pilot)
        screen.query_one("#evidence-scroll").focus()
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert "Saved to:" in str(screen.query_one("#where", Static).content)
    folder = tmp_path / "documents"
    pdf = folder / f"assessment-summary {today}.pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    assert "Zoë's" in reader.pages[0].extract_text()
    text = (folder / f"assessment-summary {today}.txt").read_text()
    assert "Dressing: hard on 1 of 2 days logged" in text


async def test_ctrl_p_on_gp_lists_the_evidence_summary(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Evidence summary" in titles
