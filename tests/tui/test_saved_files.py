"""Files people will find: the app saves GP sheets, goal cards, group plans and exports in the
documents folder (PACEAPP_DOCUMENTS_DIR here), under names not taken yet, and shows the full
path. A name the person typed that is taken is replaced only after they say yes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from textual.widgets import Input, Static

from paceapp.core.goals import new_plan
from paceapp.core.gp import Appointment, GpItem
from paceapp.core.pain import new_pain
from paceapp.core.sharing import GroupPlan
from paceapp.core.timeparse import local_now
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import ConfirmScreen
from paceapp.tui.screens.gp_preview import SheetPreview
from paceapp.tui.screens.group_plan import SharePlanScreen
from paceapp.tui.screens.group_share import ShareCardScreen
from tests.tui.pilot_helpers import settle

OLD = b"my own file \x00\xff - keep me\n"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "My Documents"  # not there yet: made when the first file is saved
    monkeypatch.setenv("PACEAPP_DOCUMENTS_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    yield folder
    # nothing landed in the folder the app was started in
    assert {p.name for p in tmp_path.iterdir()} <= {"data", "My Documents"}


def recording(app: PaceApp) -> list[str]:
    """Every notice the app shows."""
    notices: list[str] = []
    original = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> None:
        notices.append(str(message))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notices


def seed(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    today = local_now().date()
    journal.add(Appointment(visit_date=date.today() + timedelta(days=5),
                            concerns=(GpItem(text="Knee"), GpItem(text="Sleep"))))
    journal.add(new_plan("Walk to the post box", "10 minutes", "after lunch", 5, 8, today))
    now = local_now()
    journal.add(new_pain(6, now - timedelta(minutes=5), now))
    journal.put_single(GroupPlan(rhythm="Every Friday", place="The library"))


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def reads_as_pdf(path: Path) -> bool:
    return len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages) == 1


async def test_gp_sheets_go_to_documents_with_free_names(data_dir: Path, documents: Path) -> None:
    seed(data_dir)
    stem = f"gp-sheet-{date.today().isoformat()}"
    shown: list[str] = []

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, SheetPreview)
        # the full path is in the box before anything is saved
        assert preview.query_one("#path", Input).value == str(documents / f"{stem}.pdf")
        for key in ("p", "p", "t"):  # saving again never replaces the first one
            await pilot.press(key)
            await settle(app, pilot)
            shown.append(text_of(preview, "#where"))
    first, second, text = (documents / f"{stem}.pdf", documents / f"{stem} (2).pdf",
                           documents / f"{stem}.txt")
    assert reads_as_pdf(first) and reads_as_pdf(second)
    assert text.read_text().startswith("MY GP APPOINTMENT")
    assert shown == [f"Saved your GP sheet to: {first}", f"Saved your GP sheet to: {second}",
                     f"Saved your GP sheet to: {text}"]


@pytest.mark.parametrize("answer", ["n", "y"])
async def test_a_typed_name_that_is_taken_is_replaced_only_on_yes(data_dir: Path, documents: Path,
                                                            answer: str) -> None:
    seed(data_dir)
    documents.mkdir()
    mine = documents / "sheet.pdf"
    mine.write_bytes(OLD)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        preview = app.screen
        preview.query_one("#path", Input).value = "sheet"  # a bare name: documents folder
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "sheet.pdf" in text_of(app.screen, "#question")
        await pilot.press(answer)
        await settle(app, pilot)
        assert app.screen is preview
        if answer == "n":
            assert "Nothing was written" in text_of(preview, "#problem")
        else:
            assert text_of(preview, "#where") == f"Saved your GP sheet to: {mine}"
    if answer == "n":
        assert mine.read_bytes() == OLD
    else:
        assert reads_as_pdf(mine)
    assert sorted(p.name for p in documents.iterdir()) == ["sheet.pdf"]


async def test_goal_card_and_group_plan_go_to_documents(data_dir: Path, documents: Path) -> None:
    seed(data_dir)
    today = local_now().date().isoformat()
    documents.mkdir()
    (documents / f"paceapp-goal-card-{today}.txt").write_bytes(OLD)  # half of a pair is taken
    notices: list[str] = []

    app = PaceApp(Journal.open(data_dir))
    seen = recording(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, ShareCardScreen)
        assert app.screen.query_one("#share-path", Input).value == str(
            documents / f"paceapp-goal-card-{today} (2).json")
        await pilot.press(*"Robin")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, SharePlanScreen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    notices.extend(seen)
    card = documents / f"paceapp-goal-card-{today} (2).json"
    plan = documents / f"paceapp-group-plan-{today}.json"
    assert json.loads(card.read_text())["display_name"] == "Robin"
    assert card.with_suffix(".txt").read_text().startswith("Goal card from Robin")
    assert json.loads(plan.read_text())["format"] == "paceapp-group-plan"
    assert (documents / f"paceapp-goal-card-{today}.txt").read_bytes() == OLD
    said = "\n".join(notices)
    for path in (card, card.with_suffix(".txt"), plan):
        assert str(path) in said or path.name in said, said
    assert f"Saved your card to {card}" in said and f"Saved the group plan to {plan}" in said


async def test_a_typed_card_name_that_is_taken_asks_first(data_dir: Path, documents: Path) -> None:
    seed(data_dir)
    documents.mkdir()
    mine = documents / "card.txt"
    mine.write_bytes(OLD)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        share = app.screen
        assert isinstance(share, ShareCardScreen)
        share.query_one("#share-name", Input).value = "Robin"
        share.query_one("#share-path", Input).value = "card.json"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "card.txt" in text_of(app.screen, "#question")
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is share
        assert "Nothing was written" in text_of(share, "#share-problem")
    assert mine.read_bytes() == OLD
    assert sorted(p.name for p in documents.iterdir()) == ["card.txt"]


async def test_exports_go_to_documents_and_the_full_path_stays_shown(data_dir: Path,
                                                              documents: Path) -> None:
    seed(data_dir)
    stem = f"paceapp-export-{local_now().date().isoformat()}"
    shown: list[str] = []

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("8")
        await settle(app, pilot)
        for key in ("j", "j", "v"):
            await pilot.press(key)
            await settle(app, pilot)
            shown.append(text_of(app.screen, "#data-saved"))
    first, second = documents / f"{stem}.json", documents / f"{stem} (2).json"
    assert json.loads(first.read_bytes()) == json.loads(second.read_bytes())
    assert (documents / f"{stem}-csv" / "pain.csv").is_file()
    assert f"\n{first}\n" in shown[0] and f"\n{second}\n" in shown[1]
    assert f"\n{documents / f'{stem}-csv'}\n" in shown[2]
