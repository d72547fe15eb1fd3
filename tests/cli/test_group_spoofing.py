"""`paceapp group ...` against cards that try to pass for someone else (issue 16, item 5).

Every refusal is checked the way a person would see it - exit code 2, the reason, and the data
folder byte for byte as it was.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.core.lookalike import look_alike_keys
from paceapp.core.sharing import shared_ago
from tests.conftest import folder_bytes

REAL_ID = "7c2e9b1d0f3a4e58"


def moment(hours_ago: float) -> str:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=hours_ago)
    return at.isoformat()


def card_doc(member: str = REAL_ID, name: str = "Sam", hours_ago: float = 5,
             what: str = "Garden") -> str:
    return json.dumps({
        "format": "paceapp-goal-card", "version": 1, "member_id": member,
        "display_name": name, "shared_at": moment(hours_ago), "week_start": "2026-10-26",
        "goals": [{"what": what, "how_much": "", "when": "", "days_per_week": 4,
                   "confidence": 9, "done_this_week": 1, "target_this_week": 4}],
        "note": "", "sections": {}}, ensure_ascii=False)


def board(cli) -> list[dict]:  # noqa: ANN001
    ran = cli("group", "board", "--json")
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def import_ok(cli, doc: str) -> str:  # noqa: ANN001
    ran = cli("group", "import", "-", input=doc)
    assert ran.code == 0, ran.err
    return ran.out


def refused(cli, data_dir: Path, doc: str, reason: str) -> None:  # noqa: ANN001
    before = folder_bytes(data_dir)
    ran = cli("group", "import", "-", input=doc)
    assert ran.code == 2, (ran.out, ran.err)
    assert ran.err.startswith("Not imported - nothing was changed."), ran.err
    assert reason in ran.err, ran.err
    assert "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def distinct(rows: list[str]) -> None:
    for i, first in enumerate(rows):
        for second in rows[i + 1:]:
            assert look_alike_keys(first).isdisjoint(look_alike_keys(second)), (first, second)


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\U000e0041\U000e007f", "\ufe0f",
                                    "\u200d", "\u00ad", "\u202e", "\u3164", "\U000e0100"])
@pytest.mark.parametrize("beside", ["me", "a member"])
def test_a_name_with_invisible_characters_never_shows_as_the_plain_name(
        cli, hidden: str, beside: str) -> None:  # noqa: ANN001
    if beside == "me":
        assert cli("settings", "set", "--display-name", "Sam").code == 0
    else:
        import_ok(cli, card_doc("a1b2c3d4e5f60718", "Sam", what="Genuine"))
    added = import_ok(cli, card_doc(REAL_ID, f"Sa{hidden}m{hidden}", what="Disguised"))
    assert "Added Sam's card" in added and "It is shown as Sam (#7c2e9b)" in added
    rows = board(cli)
    shown = [row["shown_name"] for row in rows]
    assert all(hidden not in name for name in shown)
    disguised = next(r for r in rows if r["card"]["goals"][0]["what"] == "Disguised")
    assert disguised["card"]["display_name"] == "Sam"  # cleaned when imported
    assert disguised["shown_name"] == "Sam (#7c2e9b)"  # and marked
    distinct(shown)
    table = cli("group", "board").out
    assert "Sam (#7c2e9b)" in table and hidden not in table
    # each row is found by what the board shows; the bare name says it fits more than one
    for name in shown:
        ran = cli("group", "show", name)
        assert ran.code == 0 and f"Shown on your board as {name};" in ran.out, ran.err
    if beside == "a member":
        ran = cli("group", "show", "Sam")
        assert ran.code == 2 and "More than one member" in ran.err
        assert "Sam (#7c2e9b)" in ran.err and "Sam (#a1b2c3)" in ran.err


def test_look_alike_names_are_marked_and_every_row_is_distinct(cli) -> None:  # noqa: ANN001
    assert cli("settings", "set", "--display-name", "Ian").code == 0
    names = ["Sam", "S\u0430m", "SAM", "\uff33am", "lan", "Jo", "J0", "Jo (#a1b2c3)", "Priya"]
    for n, name in enumerate(names):
        import_ok(cli, card_doc(f"a1b2c3{n:02d}e5f60718", name, hours_ago=n + 1))
    shown = [row["shown_name"] for row in board(cli)]
    distinct([*shown, "Ian"])
    assert "Priya" in shown  # a name like no one else's is left as it is
    table = cli("group", "board").out
    for name in shown:
        assert name in table


def test_a_forged_id_sharing_the_start_gives_two_rows_each_found(cli, data_dir: Path) -> None:  # noqa: ANN001
    import_ok(cli, card_doc(REAL_ID, "Jo", what="Genuine"))
    import_ok(cli, card_doc("7c2e0000aaaa4e58", "Jo", what="Forged"))
    import_ok(cli, card_doc("7c2e9b1dffff0000", "Jo", what="Forged again", hours_ago=4))
    shown = sorted(row["shown_name"] for row in board(cli))
    assert shown == ["Jo (#7c2e00)", "Jo (#7c2e9b1d0f)", "Jo (#7c2e9b1dff)"]
    table = cli("group", "board").out
    assert all(name in table for name in shown)
    ran = cli("group", "show", "#7c2e")
    assert ran.code == 2 and "More than one member on your board fits '#7c2e'" in ran.err
    assert all(name in ran.err for name in shown) and "give more of the code" in ran.err
    assert "Genuine" in cli("group", "show", REAL_ID).out
    assert "Genuine" in cli("group", "show", "Jo (#7c2e9b1d0f)").out
    assert "Forged again" in cli("group", "show", "#7c2e9b1dff").out
    before = folder_bytes(data_dir)
    assert cli("group", "remove", "#7c2e9b", "--yes").code == 2  # fits two: nothing removed
    assert folder_bytes(data_dir) == before
    ran = cli("group", "remove", "7c2e0000aaaa4e58", "--yes")
    assert ran.code == 0 and "Removed Jo (#7c2e00)'s card" in ran.out
    assert sorted(r["card"]["goals"][0]["what"] for r in board(cli)) == ["Forged again",
                                                                          "Genuine"]


@pytest.mark.parametrize("ahead", [0.2, 1, 23, 24 * 30])
def test_a_future_dated_forged_card_never_displaces_the_genuine_one(
        cli, data_dir: Path, ahead: float) -> None:  # noqa: ANN001
    import_ok(cli, card_doc(REAL_ID, "Jo", hours_ago=3, what="Genuine"))
    refused(cli, data_dir, card_doc(REAL_ID, "Jo", hours_ago=-ahead, what="Forged"),
            "ahead of this computer's clock")
    [row] = board(cli)
    assert row["card"]["goals"][0]["what"] == "Genuine"
    # the member's real next card still goes on the board
    assert "Updated Jo's card" in import_ok(cli, card_doc(REAL_ID, "Jo", hours_ago=0.01,
                                                          what="Next"))
    [row] = board(cli)
    assert row["card"]["goals"][0]["what"] == "Next" and len(row["history"]) == 1


def test_a_card_with_a_members_id_but_another_name_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    import_ok(cli, card_doc(REAL_ID, "Jo", hours_ago=3))
    for name in ("Sam", "J\u043e", "jo"):
        refused(cli, data_dir, card_doc(REAL_ID, name, hours_ago=1),
                "carries the member id of Jo's card")
    # the way to accept a real change of name: remove, then import
    assert cli("group", "remove", "Jo", "--yes").code == 0
    import_ok(cli, card_doc(REAL_ID, "Sam", hours_ago=1))
    assert [r["shown_name"] for r in board(cli)] == ["Sam"]


def test_same_id_and_moment_with_other_content_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    genuine = card_doc(REAL_ID, "Jo", hours_ago=3, what="Genuine")
    import_ok(cli, genuine)
    forged = genuine.replace("Genuine", "Forged")
    refused(cli, data_dir, forged, "not genuine")
    assert "already have Jo's card" in import_ok(cli, genuine)


#: My own member id in the look-alike test: with letters, so a change of case looks the same.
MY_ID = "a3f09c1e5b7d4e62"


@pytest.mark.parametrize("forged", ["7C2E9B1D0F3A4E58", "7c2e9b1dOf3a4e58", "7c2e9bld0f3a4e58"])
def test_an_id_that_only_looks_like_a_members_or_mine_is_refused(
        cli, data_dir: Path, forged: str) -> None:  # noqa: ANN001
    import_ok(cli, card_doc(REAL_ID, "Jo"))
    refused(cli, data_dir, card_doc(forged, "Jo", hours_ago=1), "looks like Jo's")
    from paceapp.app.settings import load_settings
    from paceapp.core.settings import Settings
    from paceapp.store.journal import Journal

    # My id is random; one of only digits would have no case to change, so it is fixed here.
    journal = Journal.open(data_dir)
    journal.put_single(dataclasses.replace(load_settings(journal), member_id=MY_ID))
    assert cli("share", "card", "--name", "Me", "--message").code == 0  # keeps my member id
    mine = Journal.open(data_dir).get_single(Settings)
    assert mine is not None and mine.member_id == MY_ID
    refused(cli, data_dir, card_doc(mine.member_id.upper(), "Me", hours_ago=1),
            "looks like your own")


def test_a_note_cannot_start_a_line_of_its_own_in_group_show(cli) -> None:  # noqa: ANN001
    """A multi-line note that imitates a second card or paceapp's own lines stays indented."""
    fake = ("Doing well\nGoal card from Priya - Sat 21 Nov\n(Shown on your board as Priya; "
            "member id e5d4c3b2a1f09876; shared today; read-only.)")
    doc = json.loads(card_doc(REAL_ID, "Jo"))
    import_ok(cli, json.dumps(doc | {"note": fake}))
    shown = cli("group", "show", "Jo").out.splitlines()
    # "today" or, just after midnight, "yesterday": the card was shared five hours ago
    ago = shared_ago(datetime.fromisoformat(doc["shared_at"]).astimezone().date(), date.today())
    assert [line for line in shown if line.startswith("Goal card from")] == [shown[0]]
    assert [line for line in shown if line.startswith("(Shown on your board")] == [
        f"(Shown on your board as Jo; member id 7c2e9b1d0f3a4e58; {ago}; read-only.)"]
    assert "  Goal card from Priya - Sat 21 Nov" in shown
