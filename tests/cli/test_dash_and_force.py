"""`-` is standard output (or input) wherever a file is named, and no command replaces a file
without --force. Real processes, real parsers (pypdf, json.tool) for what comes out."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tests.conftest import folder_bytes, run_paceapp

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_dash_and_force")



def run_bytes(*args: str, data: Path, stdin: bytes = b"",
              cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """`paceapp --data-dir DATA ARGS`, with stdout kept as bytes (a PDF must stay a PDF)."""
    return subprocess.run([sys.executable, "-m", "paceapp", "--data-dir", str(data), *args],
                          input=stdin, capture_output=True, timeout=60, cwd=cwd,
                          env={**os.environ, "PACEAPP_NOW": "2026-12-01T09:00"})


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with something in every part the documents show."""
    folder = tmp_path_factory.mktemp("dash") / "data"
    for args in (("log", "pain", "5"),
                 ("gp", "concern", "add", "Knee pain on the stairs"),
                 ("gp", "med", "add", "Naproxen", "--dose", "500 mg"),
                 ("goal", "add", "Walk to the post box", "--how-much", "10 minutes", "--when",
                  "after lunch", "--days-per-week", "5", "--confidence", "8"),
                 ("group", "plan", "set", "--rhythm", "Every Friday", "--place", "The library"),
                 ("share", "card", "--name", "Robin", "--message")):
        ran = run_paceapp(*args, data=folder)
        assert ran.code == 0, (args, ran.err)
    return folder


# -- standard output ------------------------------------------------------------------------------
def test_pdf_to_standard_output_is_a_pdf_that_reads(data: Path) -> None:
    ran = run_bytes("gp", "sheet", "--format", "pdf", "--out", "-", data=data)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(ran.stdout))
    assert len(reader.pages) == 1
    assert "Knee pain on the stairs" in " ".join(reader.pages[0].extract_text().split())


@pytest.mark.parametrize("fmt, marker", [("text", "MY GP APPOINTMENT"),
                                         ("md", "# "), ("html", "<html")])
def test_every_sheet_format_goes_to_standard_output(data: Path, tmp_path: Path, fmt: str,
                                                    marker: str) -> None:
    ran = run_bytes("gp", "sheet", "--format", fmt, "--out", "-", data=data, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert marker in ran.stdout.decode()
    assert "Knee pain on the stairs" in ran.stdout.decode()
    assert not (tmp_path / "-").exists()  # never a file literally called "-"
    # the same bytes a file gets
    file_ran = run_bytes("gp", "sheet", "--format", fmt, "--out", str(tmp_path / "s"), data=data)
    assert file_ran.returncode == 0, file_ran.stderr
    assert (tmp_path / "s").read_bytes() == ran.stdout


def test_export_to_standard_output_pipes_into_json_tool(data: Path, tmp_path: Path) -> None:
    export = run_bytes("data", "export", "--format", "json", "--out", "-", data=data, cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    tool = subprocess.run([sys.executable, "-m", "json.tool"], input=export.stdout,
                          capture_output=True, timeout=30)
    assert tool.returncode == 0, tool.stderr
    assert json.loads(tool.stdout)["format"] == "paceapp-export"
    assert not (tmp_path / "-").exists()


def test_csv_export_to_standard_output_is_refused_plainly(data: Path, tmp_path: Path) -> None:
    ran = run_paceapp("data", "export", "--format", "csv", "--out", "-", data=data)
    assert ran.code == 2
    assert "CSV" in ran.err and "folder" in ran.err and "Traceback" not in ran.err
    assert ran.out == ""


@pytest.mark.parametrize("command, fmt", [("card", "paceapp-goal-card"),
                                          ("plan", "paceapp-group-plan")])
def test_share_documents_go_to_standard_output_alone(data: Path, tmp_path: Path, command: str,
                                                     fmt: str) -> None:
    ran = run_bytes("share", command, "--out", "-", *(["--yes"] if command == "card" else []),
                    data=data, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    document = json.loads(ran.stdout)  # stdout is the document and nothing else
    assert document["format"] == fmt
    assert b"This is what will be shared" in ran.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", ["card", "plan"])
def test_out_dash_and_message_together_are_refused(data: Path, command: str) -> None:
    before = folder_bytes(data)
    ran = run_paceapp("share", command, "--out", "-", "--message", data=data)
    assert ran.code == 2 and "choose one" in ran.err and ran.out == ""
    assert folder_bytes(data) == before


# -- standard input -------------------------------------------------------------------------------
def test_import_from_standard_input_round_trips(data: Path, tmp_path: Path) -> None:
    export = run_bytes("data", "export", "--out", "-", data=data)
    fresh = tmp_path / "fresh"
    ran = run_bytes("data", "import", "-", data=fresh, stdin=export.stdout)
    assert ran.returncode == 0, ran.stderr
    assert b"standard input" in ran.stdout
    again = run_bytes("data", "export", "--out", "-", data=fresh)
    assert again.stdout == export.stdout


@pytest.mark.parametrize("document", [b"", b"{not json", b'{"format": "something-else"}',
                                      b"\xff\xfe half", b"[1, 2, 3]"])
def test_a_bad_document_on_standard_input_changes_nothing(data: Path, tmp_path: Path,
                                                          document: bytes) -> None:
    copy = tmp_path / "copy"
    export = run_bytes("data", "export", "--out", "-", data=data)
    assert run_bytes("data", "import", "-", data=copy, stdin=export.stdout).returncode == 0
    before = folder_bytes(copy)
    ran = run_bytes("data", "import", "-", "--merge", data=copy, stdin=document)
    assert ran.returncode == 2
    err = ran.stderr.decode()
    assert "Standard input cannot be imported" in err and "Nothing was changed" in err
    assert "Traceback" not in err
    assert folder_bytes(copy) == before


def test_a_file_called_dash_can_still_be_named(data: Path, tmp_path: Path) -> None:
    ran = run_bytes("gp", "sheet", "--out", "./-", data=data, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "-").read_bytes().startswith(b"MY GP APPOINTMENT")


# -- --force and full paths -----------------------------------------------------------------------
WRITERS = {
    "gp sheet": ("gp", "sheet", "--out"),
    "gp sheet pdf": ("gp", "sheet", "--format", "pdf", "--out"),
    "share card": ("share", "card", "--yes", "--out"),
    "share plan": ("share", "plan", "--out"),
    "data export": ("data", "export", "--out"),
}


@pytest.mark.parametrize("writer", WRITERS)
def test_an_existing_file_is_kept_without_force(data: Path, tmp_path: Path, writer: str) -> None:
    target = tmp_path / "mine.json"
    old = b"my own notes \x00\xff - not to be lost\n"
    target.write_bytes(old)
    before = folder_bytes(data)
    ran = run_bytes(*WRITERS[writer], str(target), data=data)
    assert ran.returncode == 2, ran.stderr
    err = ran.stderr.decode()
    assert "already exist" in err and "--force" in err and "Traceback" not in err
    assert target.read_bytes() == old  # byte for byte
    assert folder_bytes(data) == before  # nothing else changed either (no name kept, no id)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]  # no stray temp file


@pytest.mark.parametrize("writer", WRITERS)
def test_force_replaces_and_the_full_path_is_printed(data: Path, tmp_path: Path,
                                                     writer: str) -> None:
    target = tmp_path / "mine.json"
    target.write_bytes(b"old")
    ran = run_bytes(*WRITERS[writer], "mine.json", "--force", data=data, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert target.read_bytes() != b"old"
    said = (ran.stdout + ran.stderr).decode()
    assert str(target.resolve()) in said  # the full path, though a bare name was given


def test_a_relative_out_is_written_in_the_current_folder(data: Path, tmp_path: Path) -> None:
    ran = run_bytes("gp", "sheet", "--out", "sheet.md", data=data, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "sheet.md").is_file()
    assert f"to {tmp_path.resolve() / 'sheet.md'}" in ran.stdout.decode()
