"""Cards and plans saved by Windows Notepad (a byte-order mark first, CRLF line endings) import,
as files and as messages pasted on standard input (issue 16, item 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paceapp.core.sharing import GroupPlan, PeerCard
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp

BOM = b"\xef\xbb\xbf"


def notepad(text: str, *, bom: bool = True, crlf: bool = True) -> bytes:
    """`text` as Notepad saves it."""
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (BOM if bom else b"") + text.encode("utf-8")


@pytest.fixture
def shared(cli, tmp_path: Path) -> dict[str, str]:  # noqa: ANN001
    """A peer's card and plan, as the files and the chat messages paceapp writes."""
    peer = tmp_path / "peer"
    assert cli("goal", "add", "Walk to the park gate", "--days-per-week", "5", "--confidence",
               "8", data=peer).code == 0
    assert cli("group", "plan", "set", "--place", "Riverside Café", "--crisis-note",
               "Ring the café", data=peer).code == 0
    card_file, plan_file = tmp_path / "card.json", tmp_path / "plan.json"
    card_message = cli("share", "card", "--name", "Jo", "--message", "--out", str(card_file),
                       data=peer).out
    plan_message = cli("share", "plan", "--name", "Jo", "--message", data=peer).out
    assert cli("share", "plan", "--name", "Jo", "--out", str(plan_file), data=peer).code == 0
    return {"card file": card_file.read_text(encoding="utf-8"), "card message": card_message,
            "plan file": plan_file.read_text(encoding="utf-8"), "plan message": plan_message}


def stored(data_dir: Path, kind: str) -> object:
    journal = Journal.open(data_dir)
    if kind.startswith("card"):
        [peer] = journal.list(PeerCard)
        return peer.card.goals[0].what
    plan = journal.get_single(GroupPlan)
    return plan.place if plan else None


EXPECTED = {"card": "Walk to the park gate", "plan": "Riverside Café"}


@pytest.mark.parametrize("kind", ["card file", "card message", "plan file", "plan message"])
@pytest.mark.parametrize(("bom", "crlf"), [(True, True), (True, False), (False, True)])
def test_notepad_files_import(cli, data_dir: Path, tmp_path: Path, shared: dict[str, str],  # noqa: ANN001
                              kind: str, bom: bool, crlf: bool) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(notepad(shared[kind], bom=bom, crlf=crlf))
    ran = cli("group", "import", str(path))
    assert ran.code == 0, ran.err
    assert stored(data_dir, kind) == EXPECTED[kind.split()[0]]


@pytest.mark.parametrize("kind", ["card file", "card message", "plan file", "plan message"])
def test_notepad_text_pasted_on_stdin_imports(cli, data_dir: Path, shared: dict[str, str],  # noqa: ANN001
                                              kind: str) -> None:
    pasted = notepad(shared[kind]).decode("utf-8")  # '\ufeff' first, '\r\n' line endings
    assert pasted.startswith("\ufeff") and "\r\n" in pasted
    ran = cli("group", "import", "-", input="\ufeff[01/12/2026, 09:00] Jo: " + pasted[1:]
              if kind.endswith("message") else pasted)
    assert ran.code == 0, ran.err
    assert stored(data_dir, kind) == EXPECTED[kind.split()[0]]


def test_a_real_process_reads_bom_and_crlf_from_stdin(tmp_path: Path, shared: dict[str, str]) -> None:
    data = tmp_path / "data"
    ran = run_paceapp("group", "import", "-", data=data,
                      input=notepad(shared["card message"]).decode("utf-8"))
    assert ran.code == 0, ran.err
    assert "Added Jo's card" in ran.out
    ran = run_paceapp("group", "import", "-", data=data,
                      input=notepad(shared["plan file"]).decode("utf-8"))
    assert ran.code == 0, ran.err
    assert "Saved the group plan" in ran.out


def test_utf16_from_notepad_is_refused_with_what_to_do(cli, data_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                       shared: dict[str, str]) -> None:
    path = tmp_path / "unicode.json"
    path.write_bytes(shared["card file"].encode("utf-16"))  # with its byte-order mark
    before = folder_bytes(data_dir)
    ran = cli("group", "import", str(path))
    assert ran.code == 2 and "save it again as UTF-8" in ran.err
    assert folder_bytes(data_dir) == before


def test_a_bom_in_the_middle_is_still_not_allowed_in_json(cli, data_dir: Path,  # noqa: ANN001
                                                          shared: dict[str, str]) -> None:
    doc = json.loads(shared["card file"])
    broken = json.dumps(doc).replace('"format"', '\ufeff"format"', 1)
    ran = cli("group", "import", "-", input=broken)
    assert ran.code == 2 and "not valid JSON" in ran.err
