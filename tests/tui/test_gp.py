"""The GP visit screen: add, reorder with keys, tick off, preview and write the sheet; Today's card."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from textual.widgets import Button, DataTable, Input, Static

from paceapp.core.gp import Appointment, GpItem, ItemState, Medicine
from paceapp.outputs.gp_sheet import cell_width
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.gp import GPScreen
from paceapp.tui.screens.gp_forms import GpForm
from paceapp.tui.screens.gp_preview import PREVIEW_WIDTH, SheetPreview
from tests.tui.pilot_helpers import settle


def text_of(app: PaceApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def stored(data_dir: Path) -> Appointment:
    return [a for a in Journal.open(data_dir).list(Appointment) if not a.closed][0]


def seed(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(Appointment(visit_date=date.today() + timedelta(days=5), clinician="Dr Okafor",
                            concerns=(GpItem(text="Knee"), GpItem(text="Sleep"),
                                      GpItem(text="Mood"), GpItem(text="Stomach"))))
    journal.add(Medicine(name="Naproxen", dose="500 mg", how_often="twice a day"))


async def open_gp(app: PaceApp, pilot) -> GPScreen:  # noqa: ANN001
    await settle(app, pilot)
    await pilot.press("5")
    await settle(app, pilot)
    assert isinstance(app.screen, GPScreen)
    return app.screen


async def test_add_a_concern_by_keyboard(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gp(app, pilot)
        assert "no appointment set yet" in text_of(app, "#gp-title")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, GpForm)
        await pilot.press(*"Knee [b]x[/b]", "tab")
        await pilot.press(*"Worse on stairs", "enter")  # Enter saves; empty place: the end
        await settle(app, pilot)
        assert isinstance(app.screen, GPScreen)
        assert "1 concern ready" in text_of(app, "#gp-title")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Sleep", "tab", "tab", "1", "enter")  # at the top
        await settle(app, pilot)
        assert app.screen.selected().key == "concern:1"  # the cursor is on the new one
        assert "Concern 1: Sleep" in text_of(app, "#gp-chosen")
    appt = stored(data_dir)
    assert [(c.text, c.detail) for c in appt.concerns] == [
        ("Sleep", ""), ("Knee [b]x[/b]", "Worse on stairs")]


async def test_empty_concern_is_refused_in_the_form(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gp(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GpForm)
        assert "concern is empty" in str(app.screen.query_one("#problem", Static).content)
        await pilot.press("escape")
        await settle(app, pilot)
    assert Journal.open(data_dir).list(Appointment) == []


async def test_reorder_with_keys_and_mark_dealt(data_dir: Path) -> None:
    seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_gp(app, pilot)
        table = screen.query_one("#gp-items", DataTable)
        table.focus()
        await pilot.press("down", "down")  # the cursor starts on concern 1: now on 3 (Mood)
        assert screen.selected().key == "concern:3"
        await pilot.press("shift+up")
        await settle(app, pilot)
        assert [c.text for c in stored(data_dir).concerns] == ["Knee", "Mood", "Sleep",
                                                              "Stomach"]
        assert screen.selected().key == "concern:2"  # the cursor follows the item
        await pilot.press("shift+up")
        await settle(app, pilot)
        assert [c.text for c in stored(data_dir).concerns][:2] == ["Mood", "Knee"]
        await pilot.press("shift+down", "shift+down")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        rows = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert "✓ dealt with" in rows
        await pilot.press("ctrl+z")
        await settle(app, pilot)
    appt = stored(data_dir)
    assert [c.text for c in appt.concerns] == ["Knee", "Sleep", "Mood", "Stomach"]
    assert all(c.state is ItemState.OPEN for c in appt.concerns)


async def test_buttons_work_with_the_mouse(data_dir: Path) -> None:
    seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_gp(app, pilot)
        screen.query_one("#gp-items", DataTable).move_cursor(row=2)  # concern 2
        await pilot.click("#gp-up")
        await settle(app, pilot)
        await pilot.click("#gp-shared")
        await settle(app, pilot)
    appt = stored(data_dir)
    assert [c.text for c in appt.concerns][:2] == ["Sleep", "Knee"]
    assert [q.text for q in appt.questions][0] == "What are my options?"


async def test_preview_and_write_the_pdf(data_dir: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seed(data_dir)
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(tmp_path))
    written: list[Path] = []

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gp(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, SheetPreview)
        sheet = str(app.screen.query_one("#sheet-text", Static).content)
        assert "MY GP APPOINTMENT" in sheet and "1. Knee" in sheet and "Naproxen" in sheet
        assert all(cell_width(line) <= PREVIEW_WIDTH for line in sheet.splitlines())
        await pilot.press("p")
        await settle(app, pilot)
        where = text_of(app, "#where")
        assert "Saved your GP sheet to:" in where
        written.append(app.screen.written)
        # a place that cannot be written: a plain message, the dialog stays
        box = app.screen.query_one("#path", Input)
        box.value = str(tmp_path / "no" / "such" / "sheet.pdf")
        await pilot.click("#text")
        await settle(app, pilot)
        assert "Could not write the sheet" in str(app.screen.query_one("#problem",
                                                                       Static).content)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, GPScreen)
    path = written[0]
    assert path == tmp_path / f"gp-sheet-{date.today().isoformat()}.pdf"
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.index("Knee") < text.index("Sleep") < text.index("Mood") < text.index("Naproxen")


async def test_date_and_outcome_forms(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gp(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"2026-02-30", "enter")
        await pilot.pause()
        assert "not a real date" in str(app.screen.query_one("#problem", Static).content)
        app.screen.query_one("#f-date", Input).value = "yesterday"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Physio referral", "enter")
        await settle(app, pilot)
        assert "no appointment set yet" in text_of(app, "#gp-title")
        assert "Last time we agreed: Physio referral" in text_of(app, "#gp-about")
    [appt] = Journal.open(data_dir).list(Appointment)
    assert appt.closed and appt.outcome == "Physio referral"
    assert appt.visit_date == date.today() - timedelta(days=1)


async def test_today_card_shows_the_next_appointment(data_dir: Path) -> None:
    seed(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = text_of(app, "#gp-card-text")
        assert "(in 5 days)" in text and "Ready: 4 concerns, 0 questions, 1 medicine" in text


async def test_buttons_fit_at_80_columns(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_gp(app, pilot)
        for button in app.screen.query(Button):
            if button.id and button.id.startswith("gp-"):
                assert button.region.right <= 80, button.id
                assert button.region.height == 1


async def test_add_and_change_a_medicine(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_gp(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Naproxen", "tab", *"500 mg", "tab", *"twice a day", "enter")
        await settle(app, pilot)
        keys = [r.key for r in screen.rows]
        screen.query_one("#gp-items", DataTable).move_cursor(
            row=next(i for i, k in enumerate(keys) if k.startswith("medicine:")))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, GpForm)
        app.screen.query_one("#f-worries", Input).value = "upset \x1b[31mstomach"
        await pilot.press("enter")
        await pilot.pause()
        assert "invisible control character" in str(
            app.screen.query_one("#problem", Static).content)
        app.screen.query_one("#f-worries", Input).value = "upset stomach"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Medicine 1: Naproxen 500 mg, twice a day - worries: upset stomach" in \
            text_of(app, "#gp-chosen")
    [med] = Journal.open(data_dir).list(Medicine)
    assert (med.name, med.dose, med.how_often, med.worries) == (
        "Naproxen", "500 mg", "twice a day", "upset stomach")
