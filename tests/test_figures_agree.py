"""The same figure is identical everywhere it is shown (issue 17, item 2; docs/figures.md).

On demo data (84 days; ten years too) with a fixed clock, each figure is read back from every
output that shows it - Today's cards (through Pilot), `paceapp show` and its JSON, `paceapp report`,
the GP sheet (text, Markdown and HTML), the goal card, the charts' numbers view - and compared with
the others AND with a value worked out here by hand from the raw records: exact fractions, real
time with zoneinfo, rounded once, half up, by code that does not use paceapp.core.figures or
paceapp.core.sleep.

The last 7 days are replaced with records whose figures sit exactly on a rounding boundary (where
rounding twice, or Python's round-half-to-even, gives a different answer), and the night and a
flare-up across the autumn clock change (Sun 25 Oct 2026, an hour longer than the clock face) are
logged with the CLI:

- pain, last 7 days: daily means 6, 6, 6.5, 6.5 -> 25/4 = 6.25 -> **6.3** (f"{6.25:.1f}" is 6.2);
- sleep, last 7 mornings: 6 nights, time asleep 2247 min in all -> mean 374.5 -> **6 h 15 min**
  (round() gives 374); in bed 2800 min -> sleep efficiency 2247 / 2800 = 80.25% -> **80.3%**;
- the night to Sun 25 Oct: 22:30 (BST) to 06:30 (GMT) is 540 min in bed, not 480; asleep
  (06:10 - 22:45 = 505 real min) - 20 - 30 = **455 min = 7 h 35 min**, **84.3%**;
- flare-up Sat 24 Oct 20:00 BST to Sun 25 Oct 07:00 GMT: **12 h** real (11 h on the clock face);
  with the demo's 45 h one the 4 weeks to 21 Nov have a median of 28.5 h -> **1 day 5 h**;
- PEG on Sun 15 Nov: P5 E4 G5 = 14/3 -> **4.7**.

The assessment summary (`paceapp evidence`) gives other figures for the same periods (medians,
not averages), but what they rest on must agree with the report and the GP sheet: the days with a
pain score, the nights logged, the flare-ups and the longest of them; its medians, totals and days
logged are worked out here by hand too.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_figures_agree")


TODAY = date(2026, 11, 21)
NOW = "2026-11-21T18:00:00"
LONDON = ZoneInfo("Europe/London")
WEEK = (TODAY - timedelta(days=6), TODAY)
FOUR_WEEKS = (TODAY - timedelta(days=27), TODAY)
CHANGE_MORNING = date(2026, 10, 25)


# -- rounding and real time, by hand (independent of paceapp.core.figures / core.sleep) -----------
def half_up(value: Fraction, places: int = 1) -> str:
    """`value` (>= 0) rounded half up to `places` decimals: '6.3' for 25/4."""
    assert value >= 0
    units = int(value * 10 ** places + Fraction(1, 2))
    if places == 0:
        return str(units)
    whole_part, frac_part = divmod(units, 10 ** places)
    return f"{whole_part}.{frac_part:0{places}d}"


def whole_half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


def hours_minutes(minutes: Fraction) -> str:
    """'6 h 15 min' / '45 min' from minutes, rounded once, half up."""
    total = whole_half_up(minutes)
    hours, mins = divmod(total, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def flare_length(minutes: Fraction) -> str:
    """Under a day: whole minutes; from a day on: whole hours, half up ('1 day 5 h', '2 days')."""
    if whole_half_up(minutes) < 24 * 60:
        return hours_minutes(minutes)
    days, hours = divmod(whole_half_up(minutes / 60), 24)
    text = f"{days} day{'s' if days != 1 else ''}"
    return f"{text} {hours} h" if hours else text


def real_minutes(start: datetime, end: datetime) -> int:
    return int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60)


def night_moments(night: Any) -> dict[str, datetime]:
    """The night's clock times as real moments in London. The times run in diary order; the one
    after a step back on the clock is past midnight (so the ones before it are on the evening
    before the morning); a time in the repeated hour is the first unless it was answered
    'second'; a time the clocks skipped reads as on a clock not yet put forward (fold 0)."""
    names = [n for n in ("bed", "tried", "woke", "up") if getattr(night, n) is not None]
    clocks = [getattr(night, n) for n in names]
    crossing = next((i for i in range(1, len(clocks)) if clocks[i] < clocks[i - 1]), None)
    second = {entry.split()[0] for entry in night.repeated_hour if entry.endswith(" second")}
    moments = {}
    for i, (name, value) in enumerate(zip(names, clocks, strict=True)):
        day = night.date - timedelta(days=1) if crossing is not None and i < crossing else night.date
        moments[name] = datetime.combine(day, value, tzinfo=LONDON).replace(
            fold=1 if name in second else 0)
    return moments


@dataclass(frozen=True)
class NightByHand:
    day: date
    tib: int | None
    tst: int | None

    @property
    def se(self) -> Fraction | None:
        if self.tib is None or self.tst is None or self.tib <= 0:
            return None
        return Fraction(self.tst * 100, self.tib)


def night_by_hand(night: Any) -> NightByHand:
    m = night_moments(night)
    tib = real_minutes(m["bed"], m["up"]) if "bed" in m and "up" in m else None
    tst = (real_minutes(m["tried"], m["woke"]) - (night.latency or 0) - (night.waso or 0)
           if "tried" in m and "woke" in m else None)
    return NightByHand(night.date, tib, tst)


# -- the data ---------------------------------------------------------------------------------------
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
    assert code == 0, (args, out.getvalue(), err.getvalue())
    return out.getvalue()


def make_folder(folder: Path, days: int) -> None:
    """Demo data, with the last 7 days, the clock-change night and a flare-up across it replaced
    by the hand-worked records (see the module docstring)."""
    from paceapp.core.flare import Flare
    from paceapp.core.pain import PainEntry, PegEntry
    from paceapp.core.sleep import SleepNight
    from paceapp.demo import write_demo
    from paceapp.store.journal import Journal

    write_demo(folder, days, TODAY)
    journal = Journal.open(folder)
    for entry in journal.list(PainEntry, since=WEEK[0], until=TODAY):
        journal.delete(PainEntry, entry.id)
    for peg in journal.list(PegEntry, since=WEEK[0], until=TODAY):
        journal.delete(PegEntry, peg.id)
    for night in journal.list(SleepNight, since=CHANGE_MORNING - timedelta(days=1)):
        if night.date == CHANGE_MORNING or night.date >= WEEK[0]:
            journal.delete(SleepNight, night.id)
    for flare in journal.list(Flare):
        last = flare.ended.date() if flare.ended else TODAY
        if flare.started.date() <= CHANGE_MORNING + timedelta(days=1) \
                and last >= CHANGE_MORNING - timedelta(days=2):
            journal.delete(Flare, flare.id)

    for at, score in [("2026-11-16T09:00", 6), ("2026-11-17T09:00", 6), ("2026-11-18T09:00", 7),
                      ("2026-11-18T18:00", 6), ("2026-11-21T09:00", 6), ("2026-11-21T13:00", 7)]:
        run(folder, "log", "pain", str(score), "--at", at)
    run(folder, "log", "peg", "5", "4", "5", "--date", "2026-11-15")
    # Six mornings (15 Nov not logged): in bed 5 x 470 + 450 = 2800, asleep 3 x 375 + 3 x 374
    # = 2247 (latency 20 each; minutes awake make up the rest).
    for morning, up, waso in [(16, "06:20", 75), (17, "06:20", 75), (18, "06:20", 75),
                              (19, "06:20", 76), (20, "06:20", 76), (21, "06:00", 56)]:
        run(folder, "log", "sleep", "--date", f"2026-11-{morning}", "--bed", "22:30",
            "--tried", "22:30", "--latency", "20", "--awakenings", "2", "--waso", str(waso),
            "--woke", up, "--up", up)
    run(folder, "log", "sleep", "--date", "2026-10-25", "--bed", "22:30", "--tried", "22:45",
        "--latency", "20", "--awakenings", "2", "--waso", "30", "--woke", "06:10", "--up", "06:30")
    # (Journal: `log flare start` with a past time would leave it open until 'end', overlapping
    # the demo's later flare-ups in between.)
    journal.add(Flare(started=datetime(2026, 10, 24, 20, tzinfo=LONDON).astimezone(),
                      ended=datetime(2026, 10, 25, 7, tzinfo=LONDON).astimezone(), peak=6))


@dataclass
class Shown:
    """Every output, as text, from one data folder."""

    folder: Path
    days: int
    texts: dict[str, str] = field(default_factory=dict)
    json: dict[str, Any] = field(default_factory=dict)

    def flat(self, name: str) -> str:
        """The output with its lines joined (sentences are folded to the terminal's width)."""
        return " ".join(self.texts[name].split())


def today_cards(folder: Path) -> dict[str, str]:
    """Today's check-in, sleep and flare-up cards as shown (Pilot, 80 x 24)."""
    from textual.widgets import Static

    from paceapp.store.journal import Journal
    from paceapp.tui.app import PaceApp
    from tests.tui.pilot_helpers import settle

    cards: dict[str, str] = {}

    async def scenario() -> None:
        app = PaceApp(Journal.open(folder))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            for name in ("checkin", "sleep", "flare"):
                cards[name] = str(app.screen.query_one(f"#{name}-text", Static).content)

    asyncio.run(scenario())
    return cards


def gather_outputs(folder: Path, days: int, tmp: Path) -> Shown:
    from paceapp.app.report import load_chart as chart_spec
    from paceapp.outputs.charts import as_table
    from paceapp.store.journal import Journal

    make_folder(folder, days)
    shown = Shown(folder, days)
    texts = shown.texts
    for weeks in ("1", "4"):
        texts[f"sheet{weeks}"] = run(folder, "gp", "sheet", "--weeks", weeks)
        texts[f"report{weeks}"] = run(folder, "report", "--weeks", weeks)
        texts[f"evidence{weeks}"] = run(folder, "evidence", "--weeks", weeks)
    texts["sheet"] = run(folder, "gp", "sheet")
    texts["sheet_md"] = run(folder, "gp", "sheet", "--format", "md", "--out", "-")
    texts["sheet_html"] = html.unescape(re.sub(r"<[^>]+>", " ", run(
        folder, "gp", "sheet", "--format", "html", "--out", "-")))
    card = tmp / f"card-{days}.json"
    texts["card"] = run(folder, "share", "card", "--name", "Robin", "--include", "pain,sleep",
                        "--message", "--out", str(card), "--yes")
    shown.json["card"] = json.loads(card.read_text(encoding="utf-8"))
    texts["show_sleep"] = run(folder, "show", "sleep")
    texts["show_peg"] = run(folder, "show", "peg")
    texts["show_flares"] = run(folder, "show", "flares")
    for kind in ("sleep", "peg", "flares", "pain"):
        shown.json[kind] = json.loads(run(folder, "show", kind, "--json"))
    journal = Journal.open(folder)
    for chart in ("pain", "sleep"):
        texts[f"numbers_{chart}"] = as_table(chart_spec(journal, chart, 4, TODAY))
    texts.update({f"today_{k}": v for k, v in today_cards(folder).items()})
    return shown


@pytest.fixture(scope="module", params=[84, pytest.param(3650, marks=pytest.mark.slow)],
                ids=["84-days", "ten-years"])
def shown(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shown]:
    tmp = tmp_path_factory.mktemp(f"agree{request.param}")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PACEAPP_NOW", NOW)
        mp.setenv("NO_COLOR", "1")
        mp.setenv("PACEAPP_DOCUMENTS_DIR", str(tmp / "documents"))
        mp.delenv("PACEAPP_DATA_DIR", raising=False)
        mp.setattr("paceapp.paths.default_data_dir", lambda: pytest.fail("real data folder"))
        yield gather_outputs(tmp / "data", request.param, tmp)


# -- the figures by hand, from the raw records ------------------------------------------------------
def raw(shown: Shown, cls: type) -> list[Any]:
    from paceapp.store.journal import Journal

    return Journal.open(shown.folder).list(cls)


def pain_by_hand(shown: Shown, start: date, end: date) -> tuple[str, int] | None:
    from paceapp.core.pain import PainEntry

    by_day: dict[date, list[int]] = {}
    for entry in raw(shown, PainEntry):
        day = entry.at.astimezone(LONDON).date()
        if start <= day <= end:
            by_day.setdefault(day, []).append(entry.score)
    if not by_day:
        return None
    means = [Fraction(sum(s), len(s)) for s in by_day.values()]
    return half_up(sum(means, Fraction(0)) / len(means)), len(means)


def sleep_by_hand(shown: Shown, start: date, end: date) -> tuple[str, str, int]:
    from paceapp.core.sleep import SleepNight

    nights = [night_by_hand(n) for n in raw(shown, SleepNight) if start <= n.date <= end]
    tsts = [n.tst for n in nights if n.tst is not None]
    full = [n for n in nights if n.se is not None]
    assert tsts and full
    tst = hours_minutes(Fraction(sum(tsts), len(tsts)))
    se = half_up(Fraction(100 * sum(n.tst for n in full), sum(n.tib for n in full)))  # type: ignore[misc]
    return tst, se, len(nights)


def flares_by_hand(shown: Shown, start: date, end: date) -> tuple[int, str | None, str | None]:
    from paceapp.core.flare import Flare

    inside = []
    for flare in raw(shown, Flare):
        first = flare.started.astimezone(LONDON).date()
        last = flare.ended.astimezone(LONDON).date() if flare.ended else TODAY
        if first <= end and last >= start:
            inside.append(flare)
    lengths = sorted(real_minutes(f.started, f.ended) for f in inside if f.ended)
    if not lengths:
        return len(inside), None, None
    mid = len(lengths) // 2
    median = (Fraction(lengths[mid]) if len(lengths) % 2
              else Fraction(lengths[mid - 1] + lengths[mid], 2))
    return len(inside), flare_length(median), flare_length(Fraction(max(lengths)))


def span_of(shown: Shown, name: str) -> tuple[date, date]:
    """The period a sheet or report covers, from its pain sentence: '(…, 36 days)' to today."""
    found = re.search(r"Pain: (?:average [\d.]+ out of 10 on the \d+ days? I logged )?\([^)]*?"
                      r"(\d+) days\)", shown.flat(name))
    assert found, shown.texts[name]
    return TODAY - timedelta(days=int(found[1]) - 1), TODAY


# -- reading the figures back from each output ------------------------------------------------------
PAIN_SENTENCE = re.compile(r"Pain: average (\d+\.\d) out of 10 on the (\d+) days? I logged")
SLEEP_SENTENCE = re.compile(r"Sleep, ([^:]+): on average (\d+ h \d\d min|\d+ min) asleep; sleep "
                            r"efficiency \(time asleep ÷ time in bed\) (\d+\.\d)% from the totals "
                            r"\((\d+) nights? logged")
FLARE_SENTENCE = re.compile(r"Flare-ups, ([^:]+): (\d+)(?: \(median length ([^,]+), longest "
                            r"([^)]+)\))?")
PEG_SENTENCE = re.compile(r"Weekly check-in \(PEG: [^)]*\): average (\d+\.\d) from (\d+) "
                          r"check-ins?")


def row_lines(table: str) -> dict[str, str]:
    """A `paceapp show` table's rows by short id: the first line of each (cells may wrap)."""
    return {line[:8]: line.rstrip() for line in table.splitlines()
            if re.match(r"[0-9a-f]{8}  ", line)}


def one(pattern: re.Pattern[str], text: str) -> re.Match[str]:
    found = pattern.findall(text)
    assert len(found) == 1, (pattern.pattern, text)
    match = pattern.search(text)
    assert match is not None
    return match


SHEETS = ("sheet", "sheet_md", "sheet_html")


def test_average_pain_over_the_last_7_days_agrees(shown: Shown) -> None:
    hand = pain_by_hand(shown, *WEEK)
    assert hand == ("6.3", 4)  # 25/4 = 6.25, rounded once, half up
    seen = {
        "Today": re.search(r"Last 7 days: average (\d+\.\d)/10 over (\d+) days? logged",
                           shown.texts["today_checkin"]),
        "gp sheet --weeks 1": one(PAIN_SENTENCE, shown.flat("sheet1")),
        "report --weeks 1": one(PAIN_SENTENCE, shown.flat("report1")),
        "share card": re.search(r"Pain, Sun 15 Nov to Sat 21 Nov: average (\d+\.\d)/10 \((\d+) "
                                r"days? logged\)", shown.texts["card"]),
    }
    figures = {where: (m[1], int(m[2])) if m else None for where, m in seen.items()}
    section = shown.json["card"]["sections"]["pain"]
    figures["card file (JSON)"] = (f"{section['average']:.1f}", section["days_logged"])
    assert figures == dict.fromkeys(figures, hand)


def test_average_pain_over_each_period_agrees(shown: Shown) -> None:
    for sheet, report in (("sheet1", "report1"), ("sheet4", "report4"), ("sheet", None)):
        start, end = span_of(shown, sheet)
        hand = pain_by_hand(shown, start, end)
        names = [sheet, *([report] if report else []),
                 *(["sheet_md", "sheet_html"] if sheet == "sheet" else [])]
        for name in names:
            match = one(PAIN_SENTENCE, shown.flat(name))
            assert (match[1], int(match[2])) == hand, name


def test_sleep_over_the_last_7_nights_agrees(shown: Shown) -> None:
    hand = sleep_by_hand(shown, *WEEK)
    # 2247 / 6 = 374.5 -> 6 h 15 min; 2247 / 2800 = 80.25% -> 80.3% (both on the boundary)
    assert hand == ("6 h 15 min", "80.3", 6)
    found = {name: one(SLEEP_SENTENCE, shown.flat(name)) for name in ("sheet1", "report1")}
    found["Today"] = one(SLEEP_SENTENCE, " ".join(shown.texts["today_sleep"].split()))
    found["share card"] = one(SLEEP_SENTENCE, " ".join(shown.texts["card"].split()))
    for where, match in found.items():
        assert (match[2], match[3], int(match[4])) == hand, where
    section = shown.json["card"]["sections"]["sleep"]
    assert (hours_minutes(Fraction(section["average_tst_min"])),
            half_up(Fraction(str(section["average_se_pct"]))),
            section["nights_logged"]) == hand


def test_sleep_over_each_period_agrees(shown: Shown) -> None:
    for names in (("sheet4", "report4"), SHEETS):
        start, end = span_of(shown, names[0])
        hand = sleep_by_hand(shown, start, end)
        for name in names:
            match = one(SLEEP_SENTENCE, shown.flat(name))
            assert (match[2], match[3], int(match[4])) == hand, name


def test_each_night_agrees_including_the_clock_change_night(shown: Shown) -> None:
    from paceapp.core.sleep import SleepNight

    by_hand = {n.date: night_by_hand(n) for n in raw(shown, SleepNight)}
    change = by_hand[CHANGE_MORNING]
    assert (change.tib, change.tst, half_up(change.se)) == (540, 455, "84.3")  # type: ignore[arg-type]
    assert len(shown.json["sleep"]) == len(by_hand)
    for doc in shown.json["sleep"]:  # show sleep --json: every night, ten years of clock changes
        night = by_hand[date.fromisoformat(doc["date"])]
        assert (doc["tib_min"], doc["tst_min"]) == (night.tib, night.tst), doc
        shown_se = None if doc["se_pct"] is None else f"{doc['se_pct']:.1f}"
        assert shown_se == (None if night.se is None else half_up(night.se)), doc
    # The table of `paceapp show sleep`: each night's first line holds its figures.
    rows = row_lines(shown.texts["show_sleep"])
    for night in raw(shown, SleepNight):
        hand = by_hand[night.date]
        asleep = "-" if hand.tst is None else hours_minutes(Fraction(hand.tst))
        se = "-" if hand.se is None else f"{half_up(hand.se)}%"
        assert re.search(rf" {re.escape(asleep)} +{re.escape(se)}( |$)", rows[night.id[:8]]), \
            rows[night.id[:8]]
    assert re.search(r"Sun 25 Oct +22:30-06:30 +7 h 35 min +84\.3%", shown.texts["show_sleep"])
    # The numbers view of the 4-week chart.
    numbers = shown.texts["numbers_sleep"]
    for day, night in by_hand.items():
        if not FOUR_WEEKS[0] <= day <= TODAY or night.tst is None:
            continue
        label = f"{day:%a} {day.day} {day:%b}"
        row = next(line for line in numbers.splitlines() if line.startswith(label + " "))
        asleep = hours_minutes(Fraction(night.tst))
        se = f"{half_up(night.se)}%" if night.se is not None else "-"
        assert " ".join(row.split()) == f"{label} {asleep} | {se}", row
    assert "Sun 25 Oct   7 h 35 min | 84.3%" in numbers


def test_daily_pain_in_the_numbers_view_agrees(shown: Shown) -> None:
    from paceapp.core.pain import PainEntry

    by_day: dict[date, list[int]] = {}
    for entry in raw(shown, PainEntry):
        day = entry.at.astimezone(LONDON).date()
        if FOUR_WEEKS[0] <= day <= TODAY:
            by_day.setdefault(day, []).append(entry.score)
    rows = {" ".join(line.split()[:3]): line.split()[3]
            for line in shown.texts["numbers_pain"].splitlines()[3:]
            if line.split()[3] != "-"}  # a flare-up day with no pain score
    assert rows == {f"{d:%a} {d.day} {d:%b}": half_up(Fraction(sum(s), len(s)))
                    for d, s in by_day.items()}
    assert rows["Wed 18 Nov"] == "6.5"


def test_flare_ups_agree(shown: Shown) -> None:
    from paceapp.core.flare import Flare

    for names in (("sheet1", "report1"), ("sheet4", "report4"), SHEETS):
        start, end = span_of(shown, names[0])
        count, median, longest = flares_by_hand(shown, start, end)
        for name in names:
            text = shown.flat(name)
            if count == 0:
                assert re.search(r"Flare-ups, [^:]+: none logged", text), name
                continue
            match = one(FLARE_SENTENCE, text)
            assert (int(match[2]), match[3], match[4]) == (count, median, longest), name
    if shown.days == 84:  # the demo story differs with its length; these are hand-worked above
        assert flares_by_hand(shown, *FOUR_WEEKS) == (2, "1 day 5 h", "1 day 21 h")
    # Each flare-up's length: show flares --json and the table, against real time by hand.
    flares = {f.id: f for f in raw(shown, Flare)}
    change = next(f for f in flares.values() if f.started.date() == date(2026, 10, 24))
    assert real_minutes(change.started, change.ended) == 12 * 60
    for doc in shown.json["flares"]:
        flare = flares[doc["id"]]
        expected = real_minutes(flare.started, flare.ended) if flare.ended else None
        assert doc["duration_min"] == expected, doc
    rows = row_lines(shown.texts["show_flares"])  # the 'lasted' column of `paceapp show flares`
    for flare in flares.values():
        if flare.ended is not None:
            lasted = flare_length(Fraction(real_minutes(flare.started, flare.ended)))
            assert f" {lasted} " in rows[flare.id[:8]], (lasted, rows[flare.id[:8]])
    assert "12 h 00 min" in rows[change.id[:8]]


def test_latest_peg_agrees(shown: Shown) -> None:
    from paceapp.core.pain import PegEntry

    latest = max(raw(shown, PegEntry), key=lambda p: p.date)
    hand = half_up(Fraction(latest.pain + latest.enjoyment + latest.activity, 3))
    assert (latest.date, hand) == (date(2026, 11, 15), "4.7")
    today = re.search(r"Weekly check-in \(PEG\): (\d+\.\d) on Sun 15 Nov",
                      shown.texts["today_checkin"])
    assert today and today[1] == hand
    newest = max(shown.json["peg"], key=lambda d: d["date"])
    assert f"{newest['score']:.1f}" == hand
    assert re.search(rf"Sun 15 Nov +5 +4 +5 +{re.escape(hand)}$",
                     row_lines(shown.texts["show_peg"])[latest.id[:8]])
    for name in ("sheet1", "report1"):  # one check-in in the week: its average is the latest
        match = one(PEG_SENTENCE, shown.flat(name))
        assert (match[1], int(match[2])) == (hand, 1), name
    for doc in shown.json["peg"]:  # every check-in's score, as stored and shown
        assert f"{doc['score']:.1f}" == half_up(
            Fraction(doc["pain"] + doc["enjoyment"] + doc["activity"], 3)), doc


def test_peg_average_over_each_period_agrees(shown: Shown) -> None:
    from paceapp.core.pain import PegEntry

    pegs = raw(shown, PegEntry)
    for names in (("sheet4", "report4"), SHEETS):
        start, end = span_of(shown, names[0])
        scores = [Fraction(p.pain + p.enjoyment + p.activity, 3) for p in pegs
                  if start <= p.date <= end]
        hand = (half_up(sum(scores, Fraction(0)) / len(scores)), len(scores))
        for name in names:
            match = one(PEG_SENTENCE, shown.flat(name))
            assert (match[1], int(match[2])) == hand, name


# -- the assessment summary (paceapp evidence) over the same periods ------------------------------
EVIDENCE_DAYS = re.compile(r"Days logged: (\d+) of the (\d+) days \(([^)]+)\); (\d+) days? not "
                           r"logged")
EVIDENCE_PAIN = re.compile(r"Pain, 0 to 10 \(([^)]+)\): a score on (\d+) of (\d+) days?; (\d+) "
                           r"without one\. Median of the daily averages (\d+\.\d); highest (\d+)\.")
EVIDENCE_SLEEP = re.compile(r"Sleep \(([^)]+)\): (\d+) of (\d+) nights? logged; (\d+) not logged\. "
                            r"Median time asleep (\d+ h \d\d min|\d+ min)")
EVIDENCE_FLARES = re.compile(r"Flare-ups \(([^)]+)\): (?:none logged|(\d+) logged(?:; the "
                             r"longest lasted ([^,]+), (.+?) in all)?)")
EVIDENCE_PERIODS = (("evidence1", "report1", "sheet1", WEEK),
                    ("evidence4", "report4", "sheet4", FOUR_WEEKS))


def median_by_hand(values: list[Fraction]) -> Fraction:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def span_words(start: date, end: date) -> str:
    return f"{start:%a} {start.day} {start:%b} – {end:%a} {end.day} {end:%b}"


def test_the_summary_covers_the_same_days_as_the_report(shown: Shown) -> None:
    from paceapp.core.day import DayRecord

    for name, report, sheet, (start, end) in EVIDENCE_PERIODS:
        assert span_of(shown, report) == span_of(shown, sheet) == (start, end)
        days = (end - start).days + 1
        logged = len({r.date for r in raw(shown, DayRecord) if start <= r.date <= end})
        match = one(EVIDENCE_DAYS, shown.flat(name))
        assert (int(match[1]), int(match[2]), match[3], int(match[4])) == (
            logged, days, span_words(start, end), days - logged), name
        assert 0 < logged < days  # the demo person logs most days, never all


def test_the_summary_pain_rests_on_the_same_days_as_the_report(shown: Shown) -> None:
    from paceapp.core.pain import PainEntry

    for name, report, sheet, (start, end) in EVIDENCE_PERIODS:
        by_day: dict[date, list[int]] = {}
        for entry in raw(shown, PainEntry):
            day = entry.at.astimezone(LONDON).date()
            if start <= day <= end:
                by_day.setdefault(day, []).append(entry.score)
        days = (end - start).days + 1
        middle = median_by_hand([Fraction(sum(s), len(s)) for s in by_day.values()])
        highest = max(max(s) for s in by_day.values())
        match = one(EVIDENCE_PAIN, shown.flat(name))
        assert (match[1], int(match[2]), int(match[3]), int(match[4]), match[5],
                int(match[6])) == (span_words(start, end), len(by_day), days,
                                   days - len(by_day), half_up(middle), highest), name
        for other in (report, sheet):  # the same days with a score as the report and the sheet
            assert int(one(PAIN_SENTENCE, shown.flat(other))[2]) == len(by_day), other
    # The last 7 days (hand-worked above): daily means 6, 6, 6.5, 6.5 -> median 6.25 -> 6.3
    assert one(EVIDENCE_PAIN, shown.flat("evidence1"))[5] == "6.3"


def test_the_summary_sleep_rests_on_the_same_nights_as_the_report(shown: Shown) -> None:
    from paceapp.core.sleep import SleepNight

    for name, report, sheet, (start, end) in EVIDENCE_PERIODS:
        nights = [night_by_hand(n) for n in raw(shown, SleepNight) if start <= n.date <= end]
        asleep = [Fraction(n.tst) for n in nights if n.tst is not None]
        days = (end - start).days + 1
        match = one(EVIDENCE_SLEEP, shown.flat(name))
        assert (match[1], int(match[2]), int(match[3]), int(match[4]), match[5]) == (
            span_words(start, end), len(nights), days, days - len(nights),
            hours_minutes(median_by_hand(asleep))), name
        for other in (report, sheet):
            assert int(one(SLEEP_SENTENCE, shown.flat(other))[4]) == len(nights), other
    # The last 7 nights: asleep 374, 374, 374, 375, 375, 375 -> median 374.5 -> 6 h 15 min
    assert one(EVIDENCE_SLEEP, shown.flat("evidence1"))[5] == "6 h 15 min"


def test_the_summary_counts_the_same_flare_ups_as_the_report(shown: Shown) -> None:
    from paceapp.core.flare import Flare

    for name, report, sheet, (start, end) in EVIDENCE_PERIODS:
        count, _median, longest = flares_by_hand(shown, start, end)
        ended = [real_minutes(f.started, f.ended) for f in raw(shown, Flare) if f.ended
                 and f.started.astimezone(LONDON).date() <= end
                 and f.ended.astimezone(LONDON).date() >= start]
        match = one(EVIDENCE_FLARES, shown.flat(name))
        assert match[1] == span_words(start, end)
        if count == 0:
            assert match[2] is None, name
            continue
        total = flare_length(Fraction(sum(ended))) if ended else None
        assert (int(match[2]), match[3], match[4]) == (count, longest, total), name
        for other in (report, sheet):
            found = one(FLARE_SENTENCE, shown.flat(other))
            assert (int(found[2]), found[4]) == (count, longest), other
    if shown.days == 84:  # hand-worked: the clock-change flare-up (12 h) and the demo's 45 h one
        match = one(EVIDENCE_FLARES, shown.flat("evidence4"))
        assert (match[2], match[3], match[4]) == ("2", "1 day 21 h", "2 days 9 h")
