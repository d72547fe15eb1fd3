"""The Group screen (Pilot, 80x24) against look-alike peers, the crisis steps in the plan view,
and Notepad files and pastes (issue 16, items 5, 6 and 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea

from paceapp.app.share import import_shared
from paceapp.core.lookalike import look_alike_keys
from paceapp.core.settings import Settings
from paceapp.core.sharing import GroupPlan, PeerCard, board_names
from paceapp.outputs.share import card_json, card_message, plan_message
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.group_card import PeerCardScreen
from paceapp.tui.screens.group_import import ImportScreen
from paceapp.tui.screens.group_plan import GroupPlanForm, GroupPlanScreen, SharePlanScreen
from tests.cli.test_group_plan_crisis import assert_crisis_section
from tests.conftest import folder_bytes
from tests.tui.test_group import cell_texts, open_group, peer_card, settle

#: (member id, name): invisible characters, look-alike letters, forged id starts, a fake marker.
LOOK_ALIKES = [
    ("7c2e9b1d0f3a4e58", "Sam"), ("7c2e0000aaaa4e58", "Sam\u200b"),
    ("7c2e9b1dffff0000", "S\u0430m"), ("a1b2c3d4e5f60718", "SAM\u2060"),
    ("b2c3d4e5f6071829", "Sam\U000e0041\U000e007f"), ("c3d4e5f607182930", "\uff33am"),
    ("d4e5f60718293041", "Jo"), ("e5f6071829304152", "J0"),
    ("f607182930415263", "Jo (#d4e5f6)"), ("0718293041526374", "Priya"),
]


async def test_look_alike_peers_never_read_the_same_on_the_board(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.put_single(Settings(display_name="Priya"))  # my own name looks like a peer's too
    now = datetime.now(UTC).replace(microsecond=0)
    for n, (member, name) in enumerate(LOOK_ALIKES):
        outcome = import_shared(journal, card_json(peer_card(name, member, days_ago=n % 5))
                                .encode(), now)
        assert outcome.action == "added"
    expected = board_names(journal.list(PeerCard), "Priya")

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        table = screen.query_one("#board", DataTable)
        shown = [row[0] for row in cell_texts(table)]
        assert sorted(shown) == sorted(expected.values())
        for i, first in enumerate(shown):
            assert not any(c in first for c in "\u200b\u2060\U000e0041")
            assert look_alike_keys(first).isdisjoint(look_alike_keys("Priya")), first
            for second in shown[i + 1:]:
                assert look_alike_keys(first).isdisjoint(look_alike_keys(second)), (
                    first, second)
        # the card view says which row it is, as the board shows it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PeerCardScreen)
        text = str(app.screen.query_one("#peer-text", Static).content)
        assert f"Shown on your board as {shown[0]};" in text



async def test_the_plan_view_and_share_preview_keep_paceapps_crisis_steps_apart(data_dir: Path) -> None:
    note = "Ring the café on 01234 567890"

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, GroupPlanScreen)
        assert_crisis_section(str(app.screen.query_one("#plan-text", Static).content), None)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupPlanForm)
        form.query_one("#plan-place", Input).value = "Riverside Café"
        # paceapp's own wording is refused, with what to do, and nothing is saved
        form.query_one("#plan-crisis_note", Input).value = "Samaritans: call 0900 123 456"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupPlanForm)
        problem = str(form.query_one("#plan-form-problem", Static).content)
        assert "paceapp's own crisis wording" in problem
        form.query_one("#plan-crisis_note", Input).value = note
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupPlanScreen)
        assert_crisis_section(str(app.screen.query_one("#plan-text", Static).content), note)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SharePlanScreen)
        assert_crisis_section(str(app.screen.query_one("#plan-preview", Static).content),
                              note)



async def test_an_imported_plan_shows_its_note_as_the_groups_words(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    plan = GroupPlan(rhythm="Every Friday", place="The library", crisis_note="Ring the café")
    message = plan_message(plan, member_id="a1f0c3e2d4b59687", shared_by="Jo",
                           now=datetime.now(UTC).replace(microsecond=0))
    import_shared(journal, message.encode(), datetime.now(UTC))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        text = str(app.screen.query_one("#plan-text", Static).content)
        assert text.startswith("Our group plan - shared by Jo")
        assert_crisis_section(text, "Ring the café")



async def test_a_future_dated_card_pasted_in_the_app_changes_nothing(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    import_shared(journal, card_json(peer_card("Ali", days_ago=1)).encode(), datetime.now(UTC))
    forged = peer_card("Ali", days_ago=-1, note="Forged")  # a day ahead
    before = folder_bytes(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_group(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#paste", TextArea).insert(card_message(forged))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ImportScreen)
        problem = str(app.screen.query_one("#import-problem", Static).content)
        assert "Not imported - nothing was changed." in problem
        assert "ahead of this computer's clock" in problem

    assert folder_bytes(data_dir) == before


async def test_notepad_paste_and_file_import_in_the_app(data_dir: Path, tmp_path: Path) -> None:
    card_file = tmp_path / "jo.json"
    card_file.write_bytes(b"\xef\xbb\xbf" + card_json(peer_card("Jo", "d4e5f60718293041"))
                          .replace("\n", "\r\n").encode())
    pasted = "\ufeff" + card_message(peer_card("Ali", days_ago=1)).replace("\n", "\r\n")

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_group(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#paste", TextArea).insert(pasted)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(card_file)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert sorted(r[0] for r in cell_texts(screen.query_one("#board", DataTable))) == [
            "Ali", "Jo"]

    assert {p.card.display_name for p in Journal.open(data_dir).list(PeerCard)} == {"Ali", "Jo"}


def test_days_ago_helper_is_relative_to_now() -> None:
    """peer_card(days_ago=-1) really is a day ahead (the test above depends on it)."""
    assert peer_card(days_ago=-1).shared_at > datetime.now(UTC) + timedelta(hours=23)


async def test_todays_group_card_names_the_newest_peer_as_the_board_does(data_dir: Path) -> None:
    """A peer whose name looks like mine is never shown on Today as plain "Priya"."""
    from paceapp.tui.cards.group import GroupCard

    journal = Journal.open(data_dir)
    journal.put_single(Settings(display_name="Priya"))
    now = datetime.now(UTC).replace(microsecond=0)
    assert import_shared(journal, card_json(peer_card("Pr\u0456ya\u200b", "0718293041526374",
                                                      days_ago=0)).encode(), now).action == "added"
    shown = board_names(journal.list(PeerCard), "Priya")
    name = next(iter(shown.values()))
    assert name.startswith("Pr") and "(#071829" in name

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        card = app.screen.query_one(GroupCard)
        text = str(card.query_one("#group-card-text", Static).render())
        assert f"newest from {name}," in text.replace("\n", " "), text
