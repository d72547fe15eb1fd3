"""`paceapp evidence` from the shell: text, Markdown and PDF, --out and '-', never replacing a
file without --force, the documents folder for a PDF, and bad input (exit 2, nothing written).
The clock is fixed at Sat 21 Nov 2026 16:00."""

from __future__ import annotations

import io
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from paceapp.core.day import DayRecord, Difficulty, HardActivity, Rating
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T16:00")


@pytest.fixture
def logged(data_dir: Path) -> Path:
    """Three logged days in the last 12 weeks (so 81 not logged), one with nothing hard."""
    journal = Journal.open(data_dir)
    journal.add(DayRecord(date=TODAY, rating=Rating.BAD, hard=(
        HardActivity(activity="Dressing", how=Difficulty.HELP, words="Zoë helped ✓"),)))
    journal.add(DayRecord(date=TODAY - timedelta(days=2), rating=Rating.SO_SO, hard=(
        HardActivity(activity="Dressing", how=Difficulty.SLOWLY),)))
    journal.add(DayRecord(date=TODAY - timedelta(days=4), rating=Rating.GOOD))
    return data_dir


def flat(text: str) -> str:
    return " ".join(text.split())


def test_text_on_the_screen_by_default(cli, logged: Path) -> None:  # noqa: ANN001
    ran = cli("evidence")
    assert ran.code == 0, ran.err
    out = flat(ran.out)
    assert "Days logged: 3 of the 84 days (Sun 30 Aug – Sat 21 Nov); 81 days not logged" in out
    assert "Dressing: hard on 2 of 3 days logged; 81 days not logged" in out
    assert "Needed help: on 1 day “Zoë helped ✓” (Sat 21 Nov)" in out
    assert "0800 144 8848" in out and "0808 800 3333" in out


def test_weeks_and_from_to_choose_the_period(cli, logged: Path) -> None:  # noqa: ANN001
    out = flat(cli("evidence", "--weeks", "1").out)
    assert "Days logged: 3 of the 7 days (Sun 15 Nov – Sat 21 Nov); 4 days not logged" in out
    out = flat(cli("evidence", "--from", "2026-11-20", "--to", "2026-11-20").out)
    assert "No day records in this period (Fri 20 Nov, 1 day)" in out
    out = flat(cli("evidence", "--from", "2026-11-17", "--to", "2026-11-19").out)
    assert "Days logged: 2 of the 3 days (Tue 17 Nov – Thu 19 Nov); 1 day not logged" in out


def test_markdown_and_the_format_from_the_file_name(cli, logged: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ran = cli("evidence", "--format", "markdown")
    assert ran.code == 0 and ran.out.startswith("# How my condition")
    target = tmp_path / "summary.md"
    ran = cli("evidence", "--out", str(target))
    assert ran.code == 0, ran.err
    assert target.read_text().startswith("# How my condition")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert str(target.resolve()) in ran.out


def test_pdf_to_a_file_is_private_and_reads_back(cli, logged: Path, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "summary.pdf"
    ran = cli("evidence", "--out", str(target))
    assert ran.code == 0, ran.err
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    assert "Zoë helped ✓" in reader.pages[0].extract_text()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_a_pdf_without_out_goes_to_the_documents_folder(cli, logged: Path, tmp_path: Path) -> None:  # noqa: ANN001
    first = cli("evidence", "--format", "pdf")
    second = cli("evidence", "--format", "pdf")
    assert first.code == 0 and second.code == 0, first.err + second.err
    folder = tmp_path / "documents"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["assessment-summary 2026-11-21 (2).pdf", "assessment-summary 2026-11-21.pdf"]
    assert str(folder / "assessment-summary 2026-11-21.pdf") in flat(first.out)


def test_out_dash_sends_the_document_to_stdout(logged: Path, paceapp_process) -> None:  # noqa: ANN001
    ran = paceapp_process("evidence", "--format", "markdown", "--out", "-", data=logged,
                          env={"PACEAPP_NOW": "2026-11-21T16:00"})
    assert ran.code == 0 and ran.out.startswith("# How my condition")


def test_never_replaces_a_file_without_force(cli, logged: Path, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "summary.txt"
    target.write_text("my own notes")
    ran = cli("evidence", "--out", str(target))
    assert ran.code == 2 and "already exists" in ran.err and "--force" in ran.err
    assert target.read_text() == "my own notes"
    ran = cli("evidence", "--out", str(target), "--force")
    assert ran.code == 0 and "Dressing: hard on 2 of 3" in flat(target.read_text())


@pytest.mark.parametrize("args,words", [
    (["--from", "someday"], "'someday' is not a date"),
    (["--to", "2026-11-22"], "only end on or before today"),
    (["--from", "2026-11-22"], "after today"),
    (["--from", "2026-11-20", "--to", "2026-11-10"], "Please swap them"),
    (["--weeks", "2", "--from", "2026-11-01"], "not both"),
    (["--weeks", "0"], "--weeks"),
    (["--weeks", "105"], "--weeks"),
    (["--format", "word"], "--format"),
    (["--format", "pdf", "--out", "x.md"], "Please make them agree"),
    (["--from", "2024-01-01"], "up to 104 weeks"),
])
def test_bad_input_exits_2_and_writes_nothing(cli, logged: Path, tmp_path: Path,  # noqa: ANN001
                                              args: list[str], words: str) -> None:
    os.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    ran = cli("evidence", *args)
    assert ran.code == 2, (ran.out, ran.err)
    assert words in ran.err and "Traceback" not in ran.err
    assert ran.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before
