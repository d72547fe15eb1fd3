"""Issue 20's done-when walk in a real terminal at 80x24, keyboard only: log three bad days in three
keys each (d, 3, Ctrl+S on Today), make the assessment summary (GP section 5, u), save it as a
PDF (p), then open the supporter page (Group section 6, h), see its preview and save it (Ctrl+S).

The day form logs today, so each bad day is logged on its own day: the app is started three times
with the clock (PACEAPP_NOW) on three days in a row, as a person would open it each evening.
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pypdf
import pytest

from tests.conftest import run_paceapp
from tests.e2e.tmux import Tmux, paceapp_command

pytestmark = pytest.mark.e2e

DAYS = ("2026-11-19T20:00", "2026-11-20T20:30", "2026-11-21T19:45")
PLAN = "# Early warning signs\nMy back locks first thing\n# First steps\nHeat pad, lie on my side\n"
A4 = (595.28, 841.89)  # points


def words_on(screen: str) -> str:
    """The screen as one line of words (borders and scroll bars dropped), so a sentence that
    wraps inside its box can be found whole."""
    return " ".join(screen.translate({ord(c): " " for c in "▌▐│█▁▔▊▎┃╭╮╰╯─"}).split())


def log_a_bad_day(term: Tmux) -> None:
    """Three keys from Today: d opens the day form, 3 chooses bad, Ctrl+S saves."""
    term.send("d")
    term.wait_for("What could you do today?")
    term.send("3")
    term.wait_for("Chosen: a bad day.")
    term.send("C-s")
    term.wait_for("Saved: day record for")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_three_bad_days_make_the_summary_and_the_supporter_page(tmp_path: Path) -> None:
    data, docs = tmp_path / "data", tmp_path / "docs"
    assert run_paceapp("flare-plan", "--set", "-", input=PLAN, data=data,
                       env={"PACEAPP_NOW": DAYS[0]}).code == 0
    env = {"PACEAPP_DOCUMENTS_DIR": str(docs), "PACEAPP_NO_WELCOME": "1"}

    for now in DAYS[:2]:  # the first two evenings: open the app, log the day, leave
        with Tmux(paceapp_command(data), cwd=tmp_path, env={**env, "PACEAPP_NOW": now}) as term:
            term.wait_for("Today")
            log_a_bad_day(term)
            term.send("C-q")
            term.wait_for("[exit 0]")

    with Tmux(paceapp_command(data), cwd=tmp_path, env={**env, "PACEAPP_NOW": DAYS[2]}) as term:
        term.wait_for("Today")
        log_a_bad_day(term)

        term.send("5")
        term.wait_for("Evidence summary (u)")
        term.send("u")
        term.wait_for("Evidence summary, from your day records")
        screen = term.wait_for("Days logged:")
        said = words_on(screen)
        assert "Days logged: 3 of the 84 days" in said, said
        # The ratings line may be below the fold: scroll the preview to it (the focus is there).
        for _ in range(6):
            if "3 bad" in words_on(term.screen()):
                break
            term.send("Down")
        assert "3 bad, 0 so-so, 0 good (of 3 days logged)" in words_on(term.screen())

        term.send("p")
        term.wait_for("Saved to:")
        [summary] = list(docs.glob("assessment-summary*.pdf"))

        term.send("Escape")
        term.wait_for("Evidence summary (u)")
        term.send("6")
        term.wait_for("Group ·")
        term.send("h")
        term.wait_for("How to help me: a page for your supporters")
        term.type("Robin")
        # through the ticks and words to Save: the form scrolls, the preview's end shows
        screen = term.tab_until("Save (Ctrl+S)")
        assert "Included: signs a flare-up is starting, what helps" in " ".join(screen.split())
        term.send("C-s")
        term.wait_for("Saved your supporter page")
        term.send("C-q")
        term.wait_for("[exit 0]")

    reader = pypdf.PdfReader(io.BytesIO(summary.read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=1)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "3 bad" in text and "of 3 days logged" in text, text
    assert mode(summary) == 0o600

    [page] = list(docs.glob("paceapp-how-to-help-*.pdf"))
    message = page.with_name(f"{page.stem}-message.txt")
    assert message.exists()
    assert mode(page) == 0o600 and mode(message) == 0o600
    page_text = " ".join(pypdf.PdfReader(io.BytesIO(page.read_bytes())).pages[0]
                         .extract_text().split())
    assert "How to help Robin" in page_text and "Heat pad, lie on my side" in page_text
    shown = run_paceapp("show", "day", data=data, env={"PACEAPP_NOW": DAYS[2]})
    assert shown.code == 0, shown.err
    assert shown.out.count("bad") >= 3, shown.out
