"""Logging naps leaves every night figure as it was (issue 17, item 7: "a nap entered as a night
pulls the nightly averages down"; DOMAIN.md: naps are never counted in a night's time in bed,
time asleep or sleep efficiency, nor in the night averages).

On 84 days of demo data (its own naps taken out first), every output that shows a night figure
is read - Today's sleep card and the Diary's summary (Pilot, 80 x 24), `paceapp show sleep` and
its JSON, the report's sleep sentence (1, 2 and 4 weeks), the GP sheet's sleep line, the sleep
chart's numbers and the share card's sleep section. Then naps are logged with the CLI - short and
long ones (up to 6 h), on mornings with a night and on days without one, today and across the
period's edges - and everything is read again: each night figure must be the same, and the naps
appear only on their own lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from paceapp.core.gp_sheet import Period
from paceapp.core.nap import Nap
from paceapp.core.sleep import SleepNight
from paceapp.demo import write_demo
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
NOW = "2026-11-21T18:00:00"


def run(folder: Path, *args: str) -> str:
    """`paceapp --data-dir FOLDER ARGS...` in this process; its standard output (exit 0)."""
    from paceapp.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(folder), *args])
    finally:
        sys.stdin = old_stdin
    assert code == 0, (args, err.getvalue())
    return out.getvalue()


def screens(folder: Path) -> dict[str, str]:
    """Today's sleep card and the Diary's summary, as shown (Pilot, 80 x 24)."""
    from textual.widgets import Static

    from paceapp.tui.app import PaceApp
    from tests.tui.pilot_helpers import settle

    shown: dict[str, str] = {}

    async def scenario() -> None:
        app = PaceApp(Journal.open(folder))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            shown["card"] = str(app.screen.query_one("#sleep-text", Static).content)
            await pilot.press("2")
            await settle(app, pilot)
            await settle(app, pilot)
            shown["diary"] = str(app.screen.query_one("#diary-summary", Static).content)

    asyncio.run(scenario())
    return shown


def sentence(text: str, start: str) -> str:
    """The sentence starting with `start` in folded output (lines joined)."""
    flat = " ".join(text.split())
    found = re.search(re.escape(start) + r".*?\.(?= |$)", flat)
    assert found, (start, flat)
    return found.group(0)


def night_figures(folder: Path, tmp: Path, tag: str) -> dict[str, object]:
    """Every night figure a person can see, from every output."""
    from paceapp.app.gp_summary import gather
    from paceapp.app.report import load_chart as chart_spec
    from paceapp.outputs.charts import as_table

    journal = Journal.open(folder)
    figures: dict[str, object] = {}
    figures["show sleep --json"] = json.loads(run(folder, "show", "sleep", "--json"))
    figures["show sleep"] = run(folder, "show", "sleep")
    for weeks in (1, 2, 4):
        figures[f"report {weeks}"] = sentence(run(folder, "report", "--weeks", str(weeks)),
                                              "Sleep, ")
        period = Period(TODAY - timedelta(days=weeks * 7 - 1), TODAY, "")
        figures[f"GP sheet sleep line {weeks}"] = [
            line for line in gather(journal, period, TODAY).health if line.startswith("Sleep")]
    figures["GP sheet text"] = sentence(run(folder, "gp", "sheet"), "Sleep, ")
    figures["chart numbers"] = as_table(chart_spec(journal, "sleep", 4, TODAY))
    card = tmp / f"card-{tag}.json"
    run(folder, "share", "card", "--name", "Robin", "--include", "sleep", "--out", str(card),
        "--yes")
    figures["share card"] = json.loads(card.read_text(encoding="utf-8"))["sections"]["sleep"]
    shown = screens(folder)
    figures["Today card"] = [line for line in shown["card"].splitlines()
                             if not line.startswith("Naps")]
    figures["Diary summary"] = [line for line in shown["diary"].splitlines()
                                if not line.startswith("Naps")]
    figures["naps on Today"] = [line for line in shown["card"].splitlines()
                                if line.startswith("Naps")]
    figures["naps in the Diary"] = [line for line in shown["diary"].splitlines()
                                    if line.startswith("Naps")]
    return figures


#: (start, end) of the naps logged: afternoons, a long one, today, the edges of 7 and 14 days.
NAPS = [
    ("2026-11-21T13:00", "14:40"),          # today: 100 min
    ("2026-11-20T12:00", "18:00"),          # the longest a nap can be: 6 h
    ("2026-11-15T14:00", "14:20"),          # the first day of the last 7
    ("2026-11-14T15:00", "16:30"),          # the day before it
    ("2026-11-08T13:30", "14:15"),          # the first day of the last 14
    ("2026-10-25T14:00", "15:00"),          # the day the clocks went back
]


def test_logging_naps_leaves_every_night_figure_unchanged(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "demo"
    write_demo(folder, 84, TODAY)
    journal = Journal.open(folder)
    for nap in journal.list(Nap):
        journal.delete(Nap, nap.id)
    assert journal.list(Nap) == []
    nights = journal.list(SleepNight)
    assert len(nights) > 50
    before = night_figures(folder, tmp_path, "before")
    assert before["naps on Today"] == [] and before["naps in the Diary"] == []

    for start, end in NAPS:
        run(folder, "log", "nap", "--start", start, "--end", end)
    assert len(Journal.open(folder).list(Nap)) == len(NAPS)
    after = night_figures(folder, tmp_path, "after")

    for name in before:
        if not name.startswith("naps"):
            assert after[name] == before[name], name
    assert Journal.open(folder).list(SleepNight) == nights
    # the naps are shown, on their own lines: last 7 days 100 + 360 + 20 = 480 min = 8 h
    assert after["naps on Today"] == [
        "Naps (apart from the nights): 1 today (1 h 40 min); 3 in the last 7 days, "
        "8 h 00 min in all."]
    # last 28 days (25 Oct - 21 Nov), all six: 100 + 360 + 20 + 90 + 45 + 60 = 675 min = 11 h 15
    assert after["naps in the Diary"] == [
        "Naps, last 28 days: 6, 11 h 15 min in all (not counted in the nights)."]
    # the report's naps sentence over 2 weeks (8-21 Nov): 100 + 360 + 20 + 90 + 45 = 615 min
    report = " ".join(run(folder, "report", "--weeks", "2").split())
    assert "Naps (not counted in the nights): 5 over 14 days, 10 h 15 min in all." in report
