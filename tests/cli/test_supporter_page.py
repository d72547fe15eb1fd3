"""The supporter page ('How to help me'): preview, ticks, private note, files, PDF, and the chat
message round trip between two data folders; hostile pages change nothing."""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import zlib
from pathlib import Path

import pypdf
import pytest

from paceapp.core.supporter import PARTS, SUPPORTER_FORMAT, checksum, part_name
from paceapp.outputs.share import END, MARKER
from tests.conftest import folder_bytes

WORDS = {
    "signs": "I go quiet and move stiffly – ça se voit",
    "helps": "A heat pad and a quiet room",
    "not-helpful": "Being asked if I am better yet",
    "bad-day": "Help with the shopping",
    "who-to-call": "My sister Ann on 07700 900123",
    "private-note": "PRIVATE-WORDS only for the page when ticked",
}
SHOWN = {"signs": "I go quiet", "helps": "heat pad", "not-helpful": "better yet",
         "bad-day": "shopping", "who-to-call": "07700 900123", "private-note": "PRIVATE-WORDS",
         "crisis": "Samaritans: call 116 123"}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T14:05:00+00:00")


def write_words(cli, folder: Path | None = None) -> None:  # noqa: ANN001
    args = [item for key, text in WORDS.items() for item in (f"--{key}", text)]
    ran = cli("share", "supporter", "set", *args, data=folder)
    assert ran.code == 0, ran.err


def test_preview_shows_only_ticked_parts_and_the_private_note_only_when_ticked(cli) -> None:  # noqa: ANN001
    write_words(cli)
    everything = ",".join(part_name(p) for p in PARTS)
    for part in [*SHOWN, None]:  # each part left out in turn; then the default ticks
        include = ("--include", ",".join(p for p in everything.split(",") if p != part)) \
            if part else ()
        ran = cli("share", "supporter", "--name", "Robin", *include)
        assert ran.code == 0, ran.err
        page = ran.err.split("Included:")[0]
        for other, text in SHOWN.items():
            expected = other != part if part else other != "private-note"
            assert (text in page) == expected, (part, other)


def test_the_flare_plan_fills_parts_not_written(cli) -> None:  # noqa: ANN001
    ran = cli("flare-plan", "--set", "-",
              input="# Early warning signs\nI yawn a lot\n# First steps\nLie flat\n")
    assert ran.code == 0, ran.err
    page = cli("share", "supporter").err
    assert "Signs a flare-up is starting:\n  I yawn a lot" in page
    assert "What helps:\n  Lie flat" in page
    assert "Ticked but nothing written yet" in page  # what does not help: not written anywhere
    assert "Nothing was written" in page


def test_text_and_pdf_files_are_private_never_overwritten_and_one_a4_page(cli, tmp_path: Path) -> None:  # noqa: ANN001
    write_words(cli)
    text, pdf = tmp_path / "help.txt", tmp_path / "help.pdf"
    for path in (text, pdf):
        ran = cli("share", "supporter", "--name", "Robin", "--out", str(path))
        assert ran.code == 0, ran.err
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        before = path.read_bytes()
        again = cli("share", "supporter", "--name", "Robin", "--out", str(path))
        assert again.code == 2 and "--force" in again.err
        assert path.read_bytes() == before
    assert "How to help Robin" in text.read_text() and "PRIVATE" not in text.read_text()
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    words = " ".join(reader.pages[0].extract_text().split())
    assert "How to help Robin" in words and "ça se voit" in words and "–" in words
    assert "Samaritans: call 116 123" in words and "PRIVATE" not in words
    ran = cli("share", "supporter", "--name", "Robin", "--format", "text", "--out", "-")
    assert ran.code == 0 and ran.out == text.read_text()


def test_a_very_full_page_stays_one_page_with_the_crisis_contacts(cli, tmp_path: Path) -> None:  # noqa: ANN001
    long = "\\n".join(["Wörds " * 9] * 10)[:600].rstrip("\\n ")
    args = [item for key in WORDS for item in (f"--{key}", long)]
    assert cli("share", "supporter", "set", *args).code == 0
    pdf = tmp_path / "full.pdf"
    ran = cli("share", "supporter", "--name", "Robin", "--include",
              ",".join(part_name(p) for p in PARTS), "--out", str(pdf))
    assert ran.code == 0, ran.err
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    words = " ".join(reader.pages[0].extract_text().split())
    assert "Shout: text SHOUT to 85258" in words and "paceapp gives no medical" in words


def share_message(cli, folder: Path, *extra: str) -> str:  # noqa: ANN001
    ran = cli("share", "supporter", "--name", "Robin", "--message", *extra, data=folder)
    assert ran.code == 0, ran.err
    return ran.out


def test_message_round_trips_between_two_data_folders(cli, data_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    robin = tmp_path / "robin"
    write_words(cli, robin)
    message = share_message(cli, robin)
    assert message.splitlines()[-1].startswith(MARKER) and "PRIVATE" not in message
    chat = f"[21/11/2026, 14:06] Robin: {message}\n[21/11/2026, 14:07] Ann: thank you x"
    ran = cli("group", "import", "-", input=chat)
    assert ran.code == 0, ran.err
    assert "How to help Robin" in ran.out
    shown = cli("group", "how-to-help").out
    body = message.split("Paste this whole message")[0]
    for line in body.splitlines()[2:]:  # the same words, headings and contacts
        if line.strip():
            assert " ".join(line.split()) in " ".join(shown.split())
    assert "read-only" in shown
    before = folder_bytes(data_dir)
    again = cli("group", "import", "-", input=message)
    assert again.code == 0 and "Nothing was changed" in again.out
    assert folder_bytes(data_dir) == before
    # a newer page replaces it; the private note only when ticked
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T18:00:00+00:00")
    newer = share_message(cli, robin, "--include", "signs,private-note")
    assert cli("group", "import", "-", input=newer).code == 0
    shown = cli("group", "how-to-help", "Robin").out
    assert "PRIVATE-WORDS" in shown and "heat pad" not in shown
    assert "Samaritans" not in shown  # crisis contacts not ticked this time
    # paceapp's own page cannot be imported into the folder that made it
    own = cli("group", "import", "-", input=newer, data=robin)
    assert own.code == 2 and "your own supporter page" in own.err


def _line(doc: dict) -> str:
    raw = json.dumps(doc).encode()
    return MARKER + base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=") + END


def _page(**changes: object) -> dict:
    doc = {"format": SUPPORTER_FORMAT, "version": 1, "member_id": "7c2e9b1d0f3a4e58",
           "name": "Ali", "shared_at": "2026-11-01T10:00:00+00:00",
           "sections": {"signs": "I go pale", "helps": "Tea"}, "crisis_contacts": True}
    doc.update(changes)
    doc["checksum"] = checksum(doc)
    return doc


def _tampered() -> dict:
    doc = _page()
    doc["sections"]["helps"] = "Call 0900 premium line"
    return doc


HOSTILE = {
    "oversized": _line(_page(sections={"signs": "x" * 70_000})).encode(),
    "too-long-part": json.dumps(_page(sections={"helps": "y" * 601})).encode(),
    "too-many-lines": json.dumps(_page(sections={"helps": "a\n" * 11})).encode(),
    "bad-checksum": json.dumps(_tampered()).encode(),
    "no-checksum": json.dumps({k: v for k, v in _page().items() if k != "checksum"}).encode(),
    "newer-version": json.dumps(_page(version=2)).encode(),
    "version-zero": json.dumps(_page(version=0)).encode(),
    "version-text": json.dumps(_page(version="1")).encode(),
    "imitates-crisis-line": json.dumps(_page(sections={"who_to_call": "Samaritans: 0900 123"}))
    .encode(),
    "imitates-disguised": json.dumps(_page(sections={"helps": "ЅAMARITANS : 0900"})).encode(),
    "name-invisible-only": json.dumps(_page(name="\u200b\u2060")).encode(),
    "future": json.dumps(_page(shared_at="2026-11-22T14:05:00+00:00")).encode(),
    "crisis-not-bool": json.dumps(_page(crisis_contacts="yes")).encode(),
    "bad-member-id": json.dumps(_page(member_id="x")).encode(),
    "truncated-message": ("How to help Ali\n" + _line(_page())[:-20]).encode(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pages_change_nothing(cli, data_dir: Path, tmp_path: Path, name: str) -> None:  # noqa: ANN001
    ran = cli("group", "import", "-", input=json.dumps(_page(member_id="e5d4c3b2a1f09876",
                                                            name="Priya")))
    assert ran.code == 0, ran.err
    before = folder_bytes(data_dir)
    path = tmp_path / f"{name}.txt"
    path.write_bytes(HOSTILE[name])
    ran = cli("group", "import", str(path))
    assert ran.code == 2, (name, ran.out, ran.err)
    assert ran.err.startswith("Not imported - nothing was changed.")
    assert "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def test_same_member_id_with_another_name_is_refused(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("group", "import", "-", input=json.dumps(_page())).code == 0
    before = folder_bytes(data_dir)
    later = _page(name="Al1", shared_at="2026-11-02T10:00:00+00:00")
    ran = cli("group", "import", "-", input=json.dumps(later))
    assert ran.code == 2 and "cannot take another person's place" in ran.err
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize("markup", ["[bold]Ali[/bold]", "[link=https://x.org]Ali[/link]",
                                    "\x1b[2J\x1b[31mAli", "\u202eAli"])
def test_markup_and_escapes_stay_plain(cli, markup: str) -> None:  # noqa: ANN001
    doc = _page(name=markup, sections={"helps": f"{markup} tea"})
    ran = cli("group", "import", "-", input=json.dumps(doc))
    assert ran.code == 0, ran.err
    shown = cli("group", "how-to-help").out
    assert "\x1b" not in shown and "\u202e" not in shown
    if markup.startswith("["):
        assert markup in shown


def test_look_alike_names_get_a_member_code(cli) -> None:  # noqa: ANN001
    assert cli("group", "import", "-", input=json.dumps(_page(name="Sam"))).code == 0
    other = _page(name="Ѕam", member_id="99aa88bb77cc66dd")  # Cyrillic S
    assert cli("group", "import", "-", input=json.dumps(other)).code == 0
    listing = cli("group", "how-to-help").out
    assert "Sam (#7c2e9b)" in listing and "Ѕam (#99aa88)" in listing


def test_nothing_ticked_writes_nothing(cli, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "x.txt"
    ran = cli("share", "supporter", "--name", "Robin", "--include", "helps", "--out", str(out))
    assert ran.code == 2 and "nothing on the page to share" in ran.err
    assert not out.exists()


@pytest.mark.parametrize("bad", [("--include", "medicines"), ("--include", "pain"),
                                 ("set",), ("set", "--parts", "nope"),
                                 ("set", "--helps", "x" * 601),
                                 ("set", "--who-to-call", "NHS 111: ring")])
def test_bad_input_is_a_clear_message_and_changes_nothing(cli, data_dir: Path,  # noqa: ANN001
                                                          bad: tuple[str, ...]) -> None:
    write_words(cli)
    before = folder_bytes(data_dir)
    ran = cli("share", "supporter", *bad)
    assert ran.code == 2 and "Traceback" not in ran.err and ran.err.strip()
    assert folder_bytes(data_dir) == before


def test_group_plan_first_takes_a_weekday_ahead(cli) -> None:  # noqa: ANN001
    ran = cli("group", "plan", "set", "--first", "Mon", "--every", "2")
    assert ran.code == 0, ran.err
    assert "Next: Mon 23 Nov" in ran.out  # the coming Monday (21 Nov 2026 is a Saturday)


def test_remove_a_page_and_undo_brings_it_back(cli) -> None:  # noqa: ANN001
    assert cli("group", "import", "-", input=json.dumps(_page())).code == 0
    ran = cli("group", "how-to-help", "Ali", "--remove", "--yes")
    assert ran.code == 0 and "Removed the page 'How to help Ali'" in ran.out
    assert "No supporter pages yet" in cli("group", "how-to-help").out
    assert cli("undo").code == 0
    assert "I go pale" in cli("group", "how-to-help").out
    assert cli("group", "how-to-help", "Nobody").code == 2


def test_plan_words_imitating_paceapp_crisis_lines_are_caught_before_sharing(cli, data_dir: Path,  # noqa: ANN001
                                                                             tmp_path: Path) -> None:
    ran = cli("flare-plan", "--set", "-", input="# When to get help\nNHS 111: if the pain is new\n")
    assert ran.code == 0, ran.err
    before = folder_bytes(data_dir)
    out = tmp_path / "page.txt"
    ran = cli("share", "supporter", "--name", "Robin", "--out", str(out))
    assert ran.code == 2 and "crisis wording" in ran.err and not out.exists()
    assert folder_bytes(data_dir) == before
