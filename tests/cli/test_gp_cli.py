"""`paceapp gp ...`: prepare the list, reorder, tick off, carry over, and write the sheet."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from paceapp.core.gp import SHARED_DECISION_QUESTIONS, Appointment, ItemState
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp


def concerns(data_dir: Path) -> list[str]:
    appt = current(data_dir)
    return [c.text for c in appt.concerns]


def current(data_dir: Path) -> Appointment:
    appts = [a for a in Journal.open(data_dir).list(Appointment) if not a.closed]
    assert len(appts) == 1
    return appts[0]


def prepared(cli) -> None:  # noqa: ANN001 - the fixture's runner
    future = (date.today() + timedelta(days=10)).isoformat()
    assert cli("gp", "date", f"{future} 10:20", "--with", "Dr Okafor").code == 0
    assert cli("gp", "concern", "add", "Knee swelling", "--detail", "Worse on stairs").code == 0
    assert cli("gp", "concern", "add", "Pain wakes me at night").code == 0
    assert cli("gp", "concern", "add", "Low mood", "--priority", "1").code == 0
    assert cli("gp", "question", "add", "Can I see the physio again?").code == 0
    assert cli("gp", "med", "add", "Naproxen", "--dose", "500 mg", "--how-often", "twice a day",
               "--for", "back pain", "--worries", "upset stomach").code == 0
    assert cli("gp", "matters", "Getting back to my allotment").code == 0
    assert cli("gp", "tried", "Heat pad, TENS machine").code == 0


def test_prepare_a_list_and_see_it(cli, data_dir: Path) -> None:
    prepared(cli)
    assert concerns(data_dir) == ["Low mood", "Knee swelling", "Pain wakes me at night"]
    shown = cli("gp", "list")
    assert shown.code == 0
    out = shown.out
    assert "with Dr Okafor" in out and "10:20" in out
    assert out.index("Low mood") < out.index("Knee swelling") < out.index("Pain wakes me")
    assert "Worse on stairs" in out and "Naproxen: 500 mg, twice a day" in out
    assert "Tip: 'paceapp gp question shared'" in out
    assert "What else I do or have tried:\n  Heat pad, TENS machine" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    records = json.loads(cli("gp", "list", "--json").out)
    assert [r["kind"] for r in records] == ["gp", "medicine"]
    assert records[0]["concerns"][0] == {"text": "Low mood", "detail": "", "state": "open",
                                         "carried_from": None}
    assert records[1]["dose"] == "500 mg" and records[1]["id"]


def test_reorder_and_offer_the_shared_questions(cli, data_dir: Path) -> None:
    prepared(cli)
    assert cli("gp", "concern", "down", "1").code == 0
    assert concerns(data_dir) == ["Knee swelling", "Low mood", "Pain wakes me at night"]
    assert cli("gp", "concern", "up", "3", "--by", "2").code == 0
    assert concerns(data_dir) == ["Pain wakes me at night", "Knee swelling", "Low mood"]
    shared = cli("gp", "question", "shared")
    assert "Added 3 of the three" in shared.out
    assert [q.text for q in current(data_dir).questions] == [
        "Can I see the physio again?", *SHARED_DECISION_QUESTIONS]
    before = folder_bytes(data_dir)
    assert "already on your list" in cli("gp", "question", "shared").out
    assert folder_bytes(data_dir) == before  # nothing to add: nothing written
    assert "Tip:" not in cli("gp", "list").out
    assert cli("gp", "concern", "remove", "2").code == 0
    assert concerns(data_dir) == ["Pain wakes me at night", "Low mood"]
    assert cli("undo").code == 0
    assert concerns(data_dir) == ["Pain wakes me at night", "Knee swelling", "Low mood"]


def test_after_the_visit_outcome_and_carry_over(cli, data_dir: Path) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert cli("gp", "date", yesterday).code == 0
    for text in ("knee", "sleep", "mood"):
        assert cli("gp", "concern", "add", text).code == 0
    assert cli("gp", "concern", "dealt", "1").code == 0
    assert cli("gp", "concern", "carry", "2").code == 0
    done = cli("gp", "outcome", "Physio referral; come back in 6 weeks")
    assert done.code == 0 and "2 items not marked as dealt with will carry over" in done.out
    closed = Journal.open(data_dir).list(Appointment)[0]
    assert closed.closed and closed.outcome == "Physio referral; come back in 6 weeks"
    assert closed.concerns[0].state is ItemState.DEALT
    # the next appointment starts with what was left, marked as carried over
    assert cli("gp", "date", "tomorrow 09:10").code == 0
    new = current(data_dir)
    assert [c.text for c in new.concerns] == ["sleep", "mood"]
    assert {c.carried_from for c in new.concerns} == {date.today() - timedelta(days=1)}
    assert "carried over from" in cli("gp", "list").out
    assert "We agreed: Physio referral" in cli("gp", "list").out
    sheet = cli("gp", "sheet").out
    assert "Last time we agreed" in sheet and "carried over" in sheet
    assert "since my last appointment" not in sheet  # the last one was yesterday: 4 weeks
    assert "the last 4 weeks" in sheet
    assert cli("gp", "history").code == 0


def test_outcome_waits_for_the_appointment(cli, data_dir: Path) -> None:
    prepared(cli)
    before = folder_bytes(data_dir)
    result = cli("gp", "outcome", "too soon")
    assert result.code == 2 and "after it" in result.err
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize(("args", "words"), [
    (("gp", "concern", "add", "   "), "concern is empty"),
    (("gp", "med", "add", "Naproxen", "--dose", "5" * 10_000), "10000 characters long"),
    (("gp", "concern", "add", "knee\x1b[31mred"), "invisible control character"),
    (("gp", "med", "add", "x", "--worries", "bad\x07"), "'worries or side effects' has an invisible"),
    (("gp", "date", "2026-02-30"), "not a real date"),
    (("gp", "date", "soonish"), "is not a date"),
    (("gp", "concern", "up", "9"), "no concern number 9"),
    (("gp", "concern", "add", "x", "--priority", "9"), "priority must be from 1"),
    (("gp", "med", "remove", "4"), "no medicine number 4"),
    (("gp", "sheet", "--weeks", "2", "--since", "2026-01-01"), "not both"),
    (("gp", "sheet", "--since", "2026-13-01"), "not a real date"),
    (("gp", "sheet", "--format", "docx"), "docx"),
])
def test_bad_input_changes_nothing(cli, data_dir: Path, args: tuple[str, ...], words: str) -> None:
    prepared(cli)
    before = folder_bytes(data_dir)
    result = cli(*args)
    assert result.code == 2, result.err
    assert words in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) <= 2
    assert folder_bytes(data_dir) == before


def test_markup_is_stored_and_printed_as_typed(cli, data_dir: Path) -> None:
    prepared(cli)
    text = "<b>bold</b> [red]x[/red] *no* `code`"
    assert cli("gp", "concern", "add", text).code == 0
    assert concerns(data_dir)[-1] == text
    assert text in cli("gp", "sheet").out
    assert r"\<b\>bold\</b\> \[red\]x\[/red\] \*no\* \`code\`" in cli("gp", "sheet", "--format",
                                                                    "md").out


def test_sheet_files_and_an_unwritable_path(cli, data_dir: Path, tmp_path: Path) -> None:
    prepared(cli)
    out = tmp_path / "sheet.pdf"
    made = cli("gp", "sheet", "--out", str(out))  # the format comes from the name
    assert made.code == 0 and str(out.resolve()) in made.out and "one A4 page" in made.out
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.index("Low mood") < text.index("Knee swelling") < text.index("Naproxen")
    assert text.index("What I am doing about it") < text.index("Also: Heat pad, TENS machine") \
        < text.index("My medicines")
    html = tmp_path / "sheet.html"
    assert cli("gp", "sheet", "--out", str(html)).code == 0
    assert "Knee swelling" in html.read_text()
    md = cli("gp", "sheet", "--format", "md", "--weeks", "2")
    assert md.out.startswith("# My GP appointment") and "the last 2 weeks" in md.out
    before = folder_bytes(data_dir)
    bad = cli("gp", "sheet", "--out", str(tmp_path / "no" / "such" / "sheet.pdf"))
    assert bad.code == 1 and "Could not write the sheet" in bad.err
    assert folder_bytes(data_dir) == before
    assert cli("gp", "sheet", "--out", str(tmp_path)).code == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(cli, tmp_path: Path) -> None:
    prepared(cli)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = cli("gp", "sheet", "--out", str(locked / "sheet.txt"))
    assert result.code == 1 and "Could not write" in result.err


def test_real_process_writes_a_pdf_and_prints_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_paceapp("gp", "concern", "add", "Café – “knee” 😀", data=data).code == 0
    text = run_paceapp("gp", "sheet", data=data)
    assert text.code == 0 and "1. Café – “knee” 😀" in text.out
    piped = subprocess.run(  # stdout is a pipe here (e.g. to lp): the PDF's bytes
        [sys.executable, "-m", "paceapp", "--data-dir", str(data), "gp", "sheet", "--format",
         "pdf"], capture_output=True, timeout=60, check=True)
    assert len(pypdf.PdfReader(io.BytesIO(piped.stdout)).pages) == 1
    missing = run_paceapp("gp", "sheet", "--out", str(tmp_path / "nope" / "x.pdf"), data=data)
    assert missing.code == 1 and "Traceback" not in missing.err
