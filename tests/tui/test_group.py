"""The Group screen (Pilot, 80x24): board, paste-to-import, share preview, the group plan."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from paceapp.app.share import import_shared
from paceapp.core.goals import new_plan
from paceapp.core.pain import new_pain
from paceapp.core.settings import Settings
from paceapp.core.share_document import card_document
from paceapp.core.sharing import GoalCard, GroupPlan, PeerCard, SharedGoal
from paceapp.core.timeparse import local_now
from paceapp.outputs.share import card_json, card_message
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.group import GroupScreen
from paceapp.tui.screens.group_card import PeerCardScreen
from paceapp.tui.screens.group_import import ImportScreen
from paceapp.tui.screens.group_plan import GroupPlanForm, GroupPlanScreen
from paceapp.tui.screens.group_share import ShareCardScreen
from tests.conftest import folder_bytes
from tests.tui.pilot_helpers import settle


def peer_card(name: str = "Ali", member: str = "7c2e9b1d0f3a4e58", days_ago: int = 2,
              note: str = "Said no to a long drive") -> GoalCard:
    return GoalCard(member_id=member, display_name=name,
                    shared_at=datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago),
                    week_start=local_now().date() - timedelta(days=local_now().weekday()),
                    goals=(SharedGoal(what="Sit in the garden", how_much="20 minutes",
                                      when="afternoon", days_per_week=4, confidence=9,
                                      done_this_week=2, target_this_week=4),),
                    note=note)


async def open_group(app: PaceApp, pilot) -> GroupScreen:  # noqa: ANN001
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, GroupScreen)
    return app.screen


def cell_texts(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_board_shows_peers_as_plain_text(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = datetime.now(UTC)
    import_shared(journal, card_json(peer_card()).encode(), now)
    import_shared(journal, card_json(peer_card("[b]Bold[/b] [link=http://x]y[/link]",
                                               "aaaa1111bbbb2222", 9,
                                               "[red]not red[/red]")).encode(), now)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        rows = cell_texts(screen.query_one("#board", DataTable))
        assert rows[0][:2] == ["Ali", "2 days ago"]
        assert rows[1][0] == "[b]Bold[/b] [link=http://x]y[/link]"  # literal, not markup
        assert rows[1][1] == "9 days ago"
        assert "Sit in the garden 2/4" in rows[0][2]
        detail = str(screen.query_one("#member-detail", Static).content)
        assert "Ali: Sit in the garden: 2 of 4 days so far. Note: Said no" in detail
        await pilot.press("down")
        await pilot.pause()
        detail = str(screen.query_one("#member-detail", Static).content)
        assert "[red]not red[/red]" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PeerCardScreen)
        text = str(app.screen.query_one("#peer-text", Static).content)
        assert text.startswith("Goal card from [b]Bold[/b] [link=http://x]y[/link] - ")
        assert "Shown on your board as [b]Bold[/b]" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)



async def test_paste_a_message_with_clutter_to_import(data_dir: Path) -> None:
    message = card_message(peer_card())
    pasted = "[21/11/2026, 14:05] Ali: " + message + "\n[21/11/2026, 14:06] Jo: lovely"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        assert cell_texts(screen.query_one("#board", DataTable))[0][0] == "No cards yet"
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#paste", TextArea).insert(pasted)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)
        assert cell_texts(screen.query_one("#board", DataTable))[0][0] == "Ali"

    [stored] = Journal.open(data_dir).list(PeerCard)
    expected = peer_card()
    assert (stored.card.display_name, stored.card.goals, stored.card.note) == (
        expected.display_name, expected.goals, expected.note)


async def test_rejected_paste_lists_problems_and_changes_nothing(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    import_shared(journal, card_json(peer_card()).encode(), datetime.now(UTC))
    before = folder_bytes(data_dir)
    bad = card_document(peer_card(member="bbbb2222cccc3333"))
    bad["version"] = 3
    truncated = card_message(peer_card(member="cccc3333dddd4444"))[:-40]

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        for text, expected in ((json.dumps(bad), "newer paceapp"),
                               (truncated, "cut short")):
            area = app.screen.query_one("#paste", TextArea)
            area.clear()
            area.insert(text)
            await pilot.click("#do-import")
            await settle(app, pilot)
            assert isinstance(app.screen, ImportScreen)
            problem = str(app.screen.query_one("#import-problem", Static).content)
            assert "Not imported - nothing was changed." in problem and expected in problem
        await pilot.press("escape", "y")  # pasted text: it asks first
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)

    assert folder_bytes(data_dir) == before


async def test_share_my_card_with_preview_and_choices(data_dir: Path, tmp_path: Path) -> None:
    journal = Journal.open(data_dir)
    today = local_now().date()
    journal.add(new_plan("Walk to the post box", "10 minutes", "after lunch", 5, 8, today))
    now = local_now()
    journal.add(new_pain(6, now - timedelta(minutes=5), now, where="zzknee", note="zznote"))
    out = tmp_path / "my-card.json"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, ShareCardScreen)
        share = app.screen
        preview = share.query_one("#share-preview", Static)
        assert "choose a name" in str(preview.content)
        await pilot.press(*"Robin")
        await pilot.pause()
        text = str(preview.content)
        assert text.startswith("Goal card from Robin")
        assert "Walk to the post box" in text and "Pain" not in text
        assert "Not included: pain, sleep, medicines (never shared)." in text
        await pilot.press("tab", "space")  # tick pain
        await pilot.pause()
        assert share.query_one("#inc-pain", Checkbox).value
        assert "yes, included" in str(share.query_one("#inc-pain", Checkbox).label)
        assert "Pain, " in str(preview.content) and "average 6.0/10" in str(preview.content)
        share.query_one("#share-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)

    doc = json.loads(out.read_text())
    assert doc["display_name"] == "Robin" and doc["sections"]["pain"]["average"] == 6.0
    message = out.with_suffix(".txt").read_text()
    assert message.startswith("Goal card from Robin")
    for secret in ("zzknee", "zznote"):
        assert secret not in message and secret not in out.read_text()
    settings = Journal.open(data_dir).get_single(Settings)
    assert settings is not None and settings.display_name == "Robin"
    assert doc["member_id"] == settings.member_id


async def test_write_the_group_plan_and_see_it_on_today(data_dir: Path) -> None:
    today = local_now().date()

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        assert "Group plan: none yet" in str(screen.query_one("#plan-summary", Static).content)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, GroupPlanScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupPlanForm)
        form.query_one("#plan-rhythm", Input).value = "Every Tuesday [b]morning[/b]"
        form.query_one("#plan-first", Input).value = today.isoformat()
        form.query_one("#plan-every", Input).value = "1"
        form.query_one("#plan-time", Input).value = "10:30"
        form.query_one("#plan-place", Input).value = "Riverside Café"
        form.query_one("#plan-rota", TextArea).text = f"Jo from {today.isoformat()}"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupPlanScreen)
        text = str(app.screen.query_one("#plan-text", Static).content)
        assert "When we meet: Every Tuesday [b]morning[/b], 10:30." in text
        assert "Samaritans" in text
        await pilot.press("escape")
        await settle(app, pilot)
        summary = str(screen.query_one("#plan-summary", Static).content)
        assert "next meeting" in summary and "Riverside Café" in summary
        await pilot.press("1")
        await settle(app, pilot)
        card = app.screen.query_one("#group-card-text", Static)
        assert "Next meeting: today at 10:30, Riverside Café." in str(card.content)
        assert "Jo is coordinating" in str(card.content)

    plan = Journal.open(data_dir).get_single(GroupPlan)
    assert plan is not None and plan.every_weeks == 1 and plan.rota[0].name == "Jo"


async def test_bad_plan_input_says_what_to_fix(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("p", "e")
        await pilot.pause()
        form = app.screen
        form.query_one("#plan-rota", TextArea).text = "Jo from someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupPlanForm)
        assert "not a date" in str(form.query_one("#plan-form-problem", Static).content)

    assert Journal.open(data_dir).get_single(GroupPlan) is None


async def test_remove_a_member_then_undo(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    import_shared(journal, card_json(peer_card()).encode(), datetime.now(UTC))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert cell_texts(screen.query_one("#board", DataTable))[0][0] == "No cards yet"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert cell_texts(screen.query_one("#board", DataTable))[0][0] == "Ali"

    assert len(Journal.open(data_dir).list(PeerCard)) == 1


async def test_import_a_plan_message_and_a_card_file(data_dir: Path, tmp_path: Path) -> None:
    from paceapp.outputs.share import plan_message

    plan = GroupPlan(rhythm="Every Friday", first_meeting=local_now().date(), every_weeks=1,
                     place="The library")
    message = plan_message(plan, member_id="a1f0c3e2d4b59687", shared_by="Jo",
                           now=datetime.now(UTC).replace(microsecond=0))
    card_file = tmp_path / "ali.json"
    card_file.write_text(card_json(peer_card()))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#paste", TextArea).insert("> " + message.replace("\n", "\n> "))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        summary = str(screen.query_one("#plan-summary", Static).content)
        assert "Group plan: next meeting" in summary and "The library" in summary
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(card_file)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert cell_texts(screen.query_one("#board", DataTable))[0][0] == "Ali"

    stored = Journal.open(data_dir).get_single(GroupPlan)
    assert stored is not None and stored.shared_by == "Jo" and stored.place == "The library"


def test_today_card_words() -> None:
    from datetime import date, time

    from paceapp.core.sharing import RotaTurn
    from paceapp.tui.cards.group import GroupData, group_lines

    today = date(2026, 11, 21)
    assert group_lines(GroupData(today, None, 0, None)) == [
        "No group plan yet. Press 6 for Group to write when and where you meet."]
    plan = GroupPlan(first_meeting=date(2026, 11, 3), every_weeks=2, meet_time=time(10, 30),
                     place="Café", rota=(RotaTurn(name="Ali", start=date(2026, 11, 2)),
                                         RotaTurn(name="Priya", start=date(2026, 11, 30))))
    newest = PeerCard(member_id="7c2e9b1d0f3a4e58",
                      card=GoalCard(member_id="7c2e9b1d0f3a4e58", display_name="Jo",
                                    shared_at=datetime(2026, 11, 18, 9, tzinfo=UTC),
                                    week_start=date(2026, 11, 16)))
    assert group_lines(GroupData(today, plan, 4, newest)) == [
        "Next meeting: Tue 1 Dec at 10:30, Café.",
        "Ali is coordinating (since Mon 2 Nov); next coordinator: Priya, from Mon 30 Nov.",
        "4 cards on your board; newest from Jo, 3 days ago.",
    ]


async def test_share_the_group_plan(data_dir: Path, tmp_path: Path) -> None:
    from paceapp.tui.screens.group_plan import SharePlanScreen

    Journal.open(data_dir).put_single(GroupPlan(rhythm="Every Friday", place="The library"))
    out = tmp_path / "plan.json"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        share = app.screen
        assert isinstance(share, SharePlanScreen)
        assert "Where: The library." in str(share.query_one("#plan-preview", Static).content)
        share.query_one("#plan-name", Input).value = "Jo"
        share.query_one("#plan-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupPlanScreen)

    doc = json.loads(out.read_text())
    assert doc["format"] == "paceapp-group-plan" and doc["shared_by"] == "Jo"
    assert out.with_suffix(".txt").read_text().startswith("Our group plan - shared by Jo")
    settings = Journal.open(data_dir).get_single(Settings)
    assert settings is not None and settings.member_id == doc["member_id"]
