"""`paceapp group ...`: round trips between two data folders, hostile cards, the board."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from paceapp.core.sharing import GroupPlan, PeerCard
from paceapp.outputs.share import END, MARKER
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp


@pytest.fixture
def peer(tmp_path: Path):  # noqa: ANN201
    """A second person's data folder with one goal, and a way to run paceapp there."""
    folder = tmp_path / "peer"

    def run(cli, *args: str):  # noqa: ANN001, ANN202
        return cli(*args, data=folder)

    return folder, run


def share_from(cli, folder: Path, *extra: str) -> str:  # noqa: ANN001
    ran = cli("share", "card", "--name", "Jo", "--message", *extra, data=folder)
    assert ran.code == 0, ran.err
    return ran.out


def setup_peer(cli, folder: Path) -> None:  # noqa: ANN001
    for what, days in (("Walk to the park gate", "5"), ("Stretches", "6")):
        ran = cli("goal", "add", what, "--how-much", "12 minutes", "--when", "mid-morning",
                  "--days-per-week", days, "--confidence", "8", data=folder)
        assert ran.code == 0, ran.err


def board(cli) -> list[dict]:  # noqa: ANN001
    ran = cli("group", "board", "--json")
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def test_round_trip_by_file_shows_the_same_plans(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from paceapp.core.goals import ActionPlan

    folder = tmp_path / "peer"
    setup_peer(cli, folder)
    plans = Journal.open(folder).list(ActionPlan)
    assert cli("goal", "mark", plans[0].id[:8], data=folder).code == 0
    card_file = tmp_path / "jo.json"
    assert cli("share", "card", "--name", "Jo", "--out", str(card_file), data=folder).code == 0
    ran = cli("group", "import", str(card_file))
    assert ran.code == 0, ran.err
    assert "Added Jo's card" in ran.out
    [row] = board(cli)
    assert row["shown_name"] == "Jo" and row["shared_days_ago"] == 0
    got = [(g["what"], g["how_much"], g["when"], g["days_per_week"], g["confidence"])
           for g in row["card"]["goals"]]
    assert got == [(p.what, p.how_much, p.when, p.days_per_week, p.confidence) for p in plans]
    assert [g["done_this_week"] for g in row["card"]["goals"]] == [1, 0]
    shown = cli("group", "board").out
    assert "Walk to the park gate (1/5); Stretches (0/6)" in shown


def test_round_trip_by_pasted_message_with_clutter_then_newer_and_older(cli, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "peer"
    setup_peer(cli, folder)
    first = share_from(cli, folder)
    body, line = first.strip().rsplit("\n", 1)
    pasted = ("[21/11/2026, 14:05] Jo: " + body.replace("\n", "\n") + "\n"
              + "\n".join(f"> {line[i:i + 50]}" for i in range(0, len(line), 50))
              + "\n[21/11/2026, 14:06] Ann: lovely, well done")
    ran = cli("group", "import", "-", input=pasted)
    assert ran.code == 0, ran.err
    assert board(cli)[0]["card"]["goals"][0]["what"] == "Walk to the park gate"
    # a newer card (one more goal) replaces it; the first is kept as history
    cli("goal", "add", "Phone my sister", "--days-per-week", "1", "--confidence", "10", data=folder)
    import time

    time.sleep(1.05)  # cards are ordered by the second they were shared
    second = share_from(cli, folder, "--note", "Split the walk in two")
    ran = cli("group", "import", "-", input=second)
    assert ran.code == 0 and "Updated Jo's card" in ran.out
    [row] = board(cli)
    assert len(row["card"]["goals"]) == 3 and len(row["history"]) == 1
    assert row["card"]["note"] == "Split the walk in two"
    # the first card again: older, so nothing changes
    ran = cli("group", "import", "-", input=first)
    assert ran.code == 0 and "older than the one on your board" in ran.out
    assert len(board(cli)[0]["card"]["goals"]) == 3


def test_own_card_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    cli("goal", "add", "Walk", "--days-per-week", "3", "--confidence", "8")
    mine = cli("share", "card", "--name", "Sam", "--message").out
    before = folder_bytes(data_dir)
    ran = cli("group", "import", "-", input=mine)
    assert ran.code == 2 and "your own card" in ran.err
    assert folder_bytes(data_dir) == before


def _line(raw: bytes) -> str:
    return MARKER + base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=") + END


def _card(**changes: object) -> dict:
    doc = {"format": "paceapp-goal-card", "version": 1, "member_id": "7c2e9b1d0f3a4e58",
           "display_name": "Ali", "shared_at": "2026-11-01T10:00:00+00:00",
           "week_start": "2026-10-26",
           "goals": [{"what": "Garden", "how_much": "", "when": "", "days_per_week": 4,
                      "confidence": 9, "done_this_week": 1, "target_this_week": 4}],
           "note": "", "sections": {}}
    doc.update(changes)
    return doc


HOSTILE = {
    "oversized": b"{" + b" " * (70 * 1024) + b"}",
    "wrong-version": json.dumps(_card(version=7)).encode(),
    "wrong-format": json.dumps(_card(format="whatsapp-sticker")).encode(),
    "deep-nesting": b'{"a":' * 3000 + b"1" + b"}" * 3000,
    "deep-in-message": _line(b'{"a":' * 2000 + b"1" + b"}" * 2000).encode(),
    "huge-string": json.dumps(_card(note="x" * 60_000)).encode(),
    "invalid-utf8": b'{"format": "paceapp-goal-card", "display_name": "\xc3\x28"}',
    "invalid-utf8-message": b"Hi \xff\xfe " + _line(b"{}").encode(),
    "truncated-message": ("Goal card from Ali\n" + _line(json.dumps(_card()).encode())[:-20]).encode(),
    "bad-base64": f"Ali: {MARKER}abc$def{END}".encode(),
    "bad-compression": f"{MARKER}{base64.urlsafe_b64encode(b'not zlib at all').decode()}{END}".encode(),
    "zip-bomb": _line(b"[" + b"0," * 5_000_000 + b"0]").encode(),
    "not-a-card": b"see you on Tuesday!",
    "empty": b"",
    "list": b"[1, 2, 3]",
    "many-problems": json.dumps(_card(member_id="", display_name=7, goals="walk",
                                      shared_at="yesterday")).encode(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_card_is_rejected_and_the_store_is_unchanged(cli, data_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                             name: str) -> None:
    ran = cli("group", "import", "-", input=json.dumps(_card(display_name="Priya",
                                                            member_id="e5d4c3b2a1f09876")))
    assert ran.code == 0, ran.err
    before = folder_bytes(data_dir)
    path = tmp_path / f"{name}.card"
    path.write_bytes(HOSTILE[name])
    ran = cli("group", "import", str(path))
    assert ran.code == 2, (ran.out, ran.err)
    assert ran.err.startswith("Not imported - nothing was changed.")
    assert "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before
    if name == "many-problems":
        assert ran.err.count("\n  - ") >= 4  # every problem, one per line


@pytest.mark.parametrize("markup", ["[b]Bold[/b]", "[link=https://example.org]click[/link]",
                                    "[red on white]x", "\x1b[2J\x1b[31mcleared", "\u202eevil"])
def test_markup_and_escapes_are_neutralised_on_the_board(cli, markup: str) -> None:  # noqa: ANN001
    ran = cli("group", "import", "-", input=json.dumps(_card(note=markup, display_name=markup)))
    assert ran.code == 0, ran.err
    shown = cli("group", "board").out + cli("group", "show", "#7c2e").out
    assert "\x1b" not in shown and "\u202e" not in shown
    if markup.startswith("["):
        assert markup in shown  # literal: the CLI never interprets it


def test_board_remove_and_show(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert "No cards on your group board yet" in cli("group", "board").out
    for member, name, when in (("aaaa1111bbbb2222", "Jo", "2026-11-20T09:00:00+00:00"),
                               ("cccc3333dddd4444", "Jo", "2026-11-11T09:00:00+00:00"),
                               ("eeee5555ffff6666", "Priya", "2026-11-15T09:00:00+00:00")):
        ran = cli("group", "import", "-", input=json.dumps(
            _card(member_id=member, display_name=name, shared_at=when)))
        assert ran.code == 0, ran.err
    names = [row["shown_name"] for row in board(cli)]
    assert names == ["Jo (#aaaa11)", "Priya", "Jo (#cccc33)"]  # newest first; told apart
    table = cli("group", "board").out
    assert "Jo (#aaaa11)" in table and "Garden (1/4)" in table
    ran = cli("group", "remove", "Jo")
    assert ran.code == 2 and "More than one" in ran.err
    assert "Garden" in cli("group", "show", "priya").out
    ran = cli("group", "remove", "Jo (#cccc33)", "--yes")
    assert ran.code == 0 and "Removed Jo (#cccc33)'s card" in ran.out
    assert [row["shown_name"] for row in board(cli)] == ["Jo", "Priya"]
    assert cli("undo").code == 0
    assert len(board(cli)) == 3
    ran = cli("edit", "peercard", board(cli)[0]["id"][:8], "card=x")
    assert ran.code == 2  # a peer's card is read-only
    assert len(Journal.open(data_dir).list(PeerCard)) == 3


def test_group_plan_set_show_and_import(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    assert "No group plan yet" in cli("group", "plan").out
    ran = cli("group", "plan", "set", "--rhythm", "Every other Tuesday", "--first", "2026-11-03",
              "--every", "2", "--time", "10:30", "--place", "Riverside Café", "--access",
              "Step-free", "--keep-in-touch", "WhatsApp", "--coordinator", "Jo from 2026-11-01",
              "--coordinator", "Ali: 2026-12-01", "--rule", "Be kind", "--crisis-note",
              "Ring the café")
    assert ran.code == 0, ran.err
    shown = cli("group", "plan").out
    assert "When we meet: Every other Tuesday, 10:30." in shown
    assert "Coordinator rota (so no one carries it alone): Jo from Sun 1 Nov; Ali from Tue 1 Dec." \
        in shown
    assert "* Be kind" in shown and "Samaritans" in shown
    assert shown.index("Samaritans") < shown.index('  "Ring the café"')
    assert "* Ring the café" not in shown  # never one of paceapp's own bullets
    assert cli("group", "plan", "set", "--every", "12").code == 2
    assert cli("group", "plan", "set").code == 2
    # a peer imports it from the message
    message = cli("share", "plan", "--name", "Jo", "--message").out
    other = tmp_path / "other"
    ran = cli("group", "import", "-", input="Jo: " + message, data=other)
    assert ran.code == 0, ran.err
    stored = Journal.open(other).get_single(GroupPlan)
    assert stored is not None and stored.place == "Riverside Café" and stored.shared_by == "Jo"
    assert "shared by Jo" in cli("group", "plan", data=other).out


def test_real_process_imports_a_pasted_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    message = ("[14:05] Ali: Goal card from Ali\n"
               + _line(json.dumps(_card()).encode()) + "\n[14:06] Jo: thanks")
    ran = run_paceapp("group", "import", "-", data=data, input=message)
    assert ran.code == 0, ran.err
    assert "Added Ali's card" in ran.out
    bad = run_paceapp("group", "import", "-", data=data, input=message.replace(END, ""))
    assert bad.code == 2 and "cut short" in bad.err
    shown = run_paceapp("group", "board", data=data)
    assert shown.code == 0 and "Ali" in shown.out and "Garden (1/4)" in shown.out
