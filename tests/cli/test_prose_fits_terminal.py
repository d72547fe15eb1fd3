"""Goals, the GP list and sheet, support and the report follow the terminal's width.

Sentences fold to the terminal, at most 80 cells (the report's charts up to 100), counted in
cells with whatever people type: emoji, Chinese or Japanese, combining accents. The GP sheet is
80 columns on paper (a file, a pipe to the printer) and follows the screen only on a terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import click
import pytest
from rich.cells import cell_len

from paceapp.core.safety import CRISIS_CONTACTS, support_text

AWKWARD = {
    "what": "stretch 😀 痛みがひどい after the bus 🚌 (バス) then rest",
    "how_much": "cafe\u0301 10 分",
    "when": "漢字漢字漢字漢字漢字漢字漢字漢字",
    "longer": "walk to the 🏪 shop again by spring with Zoë",
    "in_the_way": " ".join(["a flare after a busy day 😩 and poor sleep"] * 3),
    "clinician": "Dr 山田 花子",
    "concern": "Pain wakes me 毎晩 most nights 😴 and I am tired all day after, 漢字漢字漢字漢字漢字",
    "detail": " ".join(["up two or three times 🌙"] * 5),
    "matters": "Getting back to my 🌱 allotment on good days without paying for it after",
    "med": "ナプロキセン",
}
COLUMNS = [40, 50, 64, 80, 120]


def squeeze(text: str) -> str:
    """The text without its spaces and line breaks (stored text is NFC: 'e' + accent is 'é')."""
    return "".join(unicodedata.normalize("NFC", text).split())


def widest(out: str) -> int:
    return max(cell_len(click.unstyle(line)) for line in out.splitlines())


@pytest.fixture
def awkward(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T10:30")
    steps = [
        ("goal", "longer", "add", AWKWARD["longer"]),
        ("goal", "add", AWKWARD["what"], "--how-much", AWKWARD["how_much"], "--when",
         AWKWARD["when"], "--days-per-week", "3", "--confidence", "5", "--goal",
         AWKWARD["longer"], "--start", "2026-11-09"),
        ("gp", "date", "2026-12-01 10:20", "--with", AWKWARD["clinician"]),
        ("gp", "concern", "add", AWKWARD["concern"], "--detail", AWKWARD["detail"]),
        ("gp", "matters", AWKWARD["matters"]),
        ("gp", "med", "add", AWKWARD["med"], "--dose", "500 mg", "--for", AWKWARD["what"]),
    ]
    for args in steps:
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    plan = cli("goal", "list").out.split("On the go:")[1].split()[0]
    result = cli("goal", "review", plan, "partly", "--week", "2026-11-09", "--got-in-way",
                 AWKWARD["in_the_way"])
    assert result.code == 0, result.err
    return data_dir


def as_a_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


PROSE = {
    ("goal", "list"): ["what", "how_much", "when", "longer"],
    ("goal", "history"): ["what", "how_much", "when", "in_the_way"],
    ("goal", "longer", "list"): ["longer"],
    ("gp", "list"): ["clinician", "concern", "detail", "matters", "med"],
    ("gp", "sheet"): ["concern", "matters", "med"],
}


@pytest.mark.parametrize("columns", COLUMNS)
@pytest.mark.parametrize("args", list(PROSE), ids=" ".join)
def test_prose_uses_the_terminal_up_to_80_and_keeps_every_word(
        cli, awkward: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
        columns: int) -> None:
    as_a_terminal(monkeypatch, columns)
    result = cli(*args)
    assert result.code == 0, result.err
    most = min(columns, 80)
    assert widest(result.out) <= most, result.out
    assert widest(result.out) >= most - 12, result.out  # it folds to the width, not far less
    for key in PROSE[args]:
        assert squeeze(AWKWARD[key]) in squeeze(result.out), key


@pytest.mark.parametrize("columns", ["40", "50", "200"])
def test_gp_sheet_on_paper_stays_80_columns(cli, awkward: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """Piped (to lp) or written to a file, the sheet is the paper's width whatever the window."""
    monkeypatch.setenv("COLUMNS", columns)
    piped = cli("gp", "sheet")
    assert piped.code == 0, piped.err
    assert widest(piped.out) == 80
    out = tmp_path / "sheet.txt"
    as_a_terminal(monkeypatch, int(columns))  # --out: a file, even when typed in a terminal
    assert cli("gp", "sheet", "--out", str(out)).code == 0
    assert widest(out.read_text(encoding="utf-8")) == 80


def test_gp_sheet_on_a_terminal_is_the_same_sheet_refolded(cli, awkward: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    paper = cli("gp", "sheet").out
    as_a_terminal(monkeypatch, 50)
    screen = cli("gp", "sheet").out
    assert widest(screen) <= 50 < widest(paper)
    assert squeeze(re.sub(r"_+", "", screen)) == squeeze(re.sub(r"_+", "", paper))


NUMBERS = [re.search(r"\d[\d ]*\d|\d", how).group() for _who, how, _when in CRISIS_CONTACTS
           if any(ch.isdigit() for ch in how)]


def test_support_numbers_are_the_ones_we_check() -> None:
    assert {"999", "111", "116 123", "85258"} <= set(NUMBERS)


@pytest.mark.parametrize("columns", range(40, 121))
def test_support_fits_and_never_splits_a_number(cli, monkeypatch: pytest.MonkeyPatch,
                                                columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("support")
    assert result.code == 0, result.err
    assert widest(result.out) <= min(columns, 80)
    assert squeeze(result.out) == squeeze(support_text())
    for line in result.out.splitlines():
        # A number stays with the words before it, and all of it on one line.
        assert not re.match(r"\s*\d", line), line
        for number in NUMBERS:
            first = number.split()[0]
            if re.search(rf"(?<![\d.]){first}(?![\d.])", line):
                assert number in line, (number, line)


def test_support_continuation_lines_are_indented(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = cli("support").out.splitlines()
    contact = [i for i, line in enumerate(lines) if line.startswith("  Samaritans:")][0]
    assert lines[contact + 1].startswith("    ") and lines[contact + 1].strip()
    paragraph = [line for line in lines if "Peers" in line or "group says" in line]
    assert all(not line.startswith(" ") for line in paragraph)


@pytest.fixture
def some_pain(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T10:30")
    monkeypatch.setenv("NO_COLOR", "1")
    for day in range(10, 21):
        assert cli("log", "pain", str(day % 7 + 2), "--at", f"2026-11-{day} 09:00").code == 0
    return data_dir


def report_lines(cli, columns: str) -> list[str]:
    result = cli("report", "--weeks", "4")
    assert result.code == 0, result.err
    assert any("┌" in line for line in result.out.splitlines())
    return result.out.splitlines()


@pytest.mark.parametrize(("columns", "width"), [("40", 40), ("50", 50), ("64", 64),
                                                ("120", 100), ("300", 100)])
def test_report_follows_the_terminal(cli, some_pain: Path, monkeypatch: pytest.MonkeyPatch,
                                     columns: str, width: int) -> None:
    """Narrow terminals get narrower charts (a chart wider than the window breaks apart)."""
    monkeypatch.setenv("COLUMNS", columns)
    lines = report_lines(cli, columns)
    # The summary sentences and the charts' frames.
    sentences = lines[2:lines.index("", 3)]
    frames = [line for line in lines if "┌" in line or "└" in line]
    assert max(cell_len(line) for line in sentences + frames) <= width, lines
    assert max(cell_len(line) for line in sentences) >= width - 15, sentences
    assert min(cell_len(line) for line in frames) >= width - 4, frames


@pytest.mark.parametrize("columns", ["40", "120"])
def test_report_with_wide_characters_fits(cli, awkward: Path, monkeypatch: pytest.MonkeyPatch,
                                          columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("NO_COLOR", "1")
    result = cli("report", "--weeks", "4")  # goals and the GP list only: every chart is empty
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "Nothing logged in this period yet." in lines[-5:] or any(
        "Nothing logged" in line for line in lines)
    assert max(cell_len(line) for line in lines) <= min(int(columns), 100), lines


@pytest.mark.parametrize(("width", "code"), [("39", 2), ("40", 0), ("200", 0), ("201", 2)])
def test_report_width_option_range(cli, width: str, code: int) -> None:
    result = cli("report", "--width", width)
    assert result.code == code, result.err
    if code:
        assert "--width" in result.err and "Traceback" not in result.err


def run_on_a_terminal(args: tuple[str, ...], columns: int, data: Path) -> str:
    """`paceapp ARGS` in a fresh process whose output is a terminal `columns` wide (a pty), with
    no $COLUMNS: the width comes from the terminal itself."""
    import pty
    import termios

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env |= {"PACEAPP_NOW": "2026-11-21T10:30", "NO_COLOR": "1"}
    master, slave = pty.openpty()
    termios.tcsetwinsize(slave, (24, columns))
    proc = subprocess.Popen([sys.executable, "-m", "paceapp", "--data-dir", str(data), *args],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed (Linux)
            break
        if not chunk:  # (macOS)
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_real_terminal_50_wide(tmp_path: Path) -> None:
    from datetime import date

    from paceapp.demo import write_demo

    data = tmp_path / "demo"
    write_demo(data, 84, date(2026, 11, 21))
    for args in [("gp", "sheet"), ("gp", "list"), ("goal", "list"), ("support",)]:
        out = run_on_a_terminal(args, 50, data)
        assert 40 <= widest(out) <= 50, (args, out)
    piped = subprocess.run([sys.executable, "-m", "paceapp", "--data-dir", str(data), "gp",
                            "sheet"], capture_output=True, text=True, check=True,
                           env={**os.environ, "PACEAPP_NOW": "2026-11-21T10:30", "COLUMNS": "50"})
    assert widest(piped.stdout) == 80  # to the printer: the paper's width
