"""Fixed windows read fixed data (issue 19 item 3): the report, the GP sheet (text and PDF),
`show --days 30`, every chart and Today read only the year files their window reaches, however
many years of history the folder holds. A read that walked every year would show older files
being parsed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from paceapp.app.report import CHARTS
from paceapp.app.report import load_chart as chart_spec
from paceapp.cli import main
from paceapp.demo import write_demo
from paceapp.store.journal import Journal

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_fixed_windows_read_fixed_years")


YEAR_FILE = re.compile(r"^[a-z_]+-(\d{4})\.json$")
TODAY = date.today()


@pytest.fixture(scope="module")
def old_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("years") / "data"
    write_demo(folder, 6 * 365, TODAY)
    return folder


def years_read(names: list[str]) -> set[int]:
    return {int(m.group(1)) for m in map(YEAR_FILE.match, names) if m}


def test_the_folder_has_years_the_windows_do_not_reach(old_folder: Path) -> None:
    on_disk = years_read([p.name for p in (old_folder / "records").iterdir()])
    assert min(on_disk) <= TODAY.year - 5  # so reading them would be seen


@pytest.mark.parametrize("argv", [
    ["report"], ["report", "--weeks", "52"], ["gp", "sheet"], ["gp", "sheet", "--format", "pdf"],
    ["show", "pain", "--days", "30"], ["show", "sleep", "--days", "30"],
    ["insights", "--days", "84"], ["pace", "list"],
], ids=" ".join)
def test_a_command_with_a_window_reads_only_its_years(argv: list[str], old_folder: Path,
                                                      parsed: list[str], tmp_path: Path) -> None:
    if "pdf" in argv:
        argv = [*argv, "--out", str(tmp_path / "sheet.pdf")]
    assert main(["--data-dir", str(old_folder), *argv]) == 0
    assert parsed, "nothing was read"
    # 52 weeks and the 52 before them (the report compares) reach back at most two years.
    assert min(years_read(parsed), default=TODAY.year) >= TODAY.year - 2, sorted(parsed)


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("weeks", [4, 12, 52])
def test_a_chart_reads_only_its_years(chart: str, weeks: int, old_folder: Path,
                                      parsed: list[str]) -> None:
    chart_spec(Journal.open(old_folder), chart, weeks, TODAY)
    assert min(years_read(parsed), default=TODAY.year) >= TODAY.year - 1 - (weeks > 40), \
        sorted(parsed)


def test_today_reads_only_this_year_and_last(old_folder: Path, parsed: list[str]) -> None:
    from paceapp.tui.screens.today import load_today

    load_today(Journal.open(old_folder), TODAY)
    assert parsed
    assert min(years_read(parsed), default=TODAY.year) >= TODAY.year - 1, sorted(parsed)


def test_today_and_the_baseline_list_read_no_change_file(old_folder: Path,
                                                         parsed: list[str]) -> None:
    """A baseline says what is in force since it last changed: Today and `pace list` read no
    baseline-change file, unless a baseline changed today (then only this year's)."""
    from paceapp.app.pacing import load_pacing_card
    from paceapp.core.pacing import Baseline
    from paceapp.tui.screens.today import load_today

    changed_today = any(b.changed.date() >= TODAY for b in
                        Journal.open(old_folder).list(Baseline))
    parsed.clear()
    load_pacing_card(Journal.open(old_folder), TODAY)  # Today's pacing card
    load_today(Journal.open(old_folder), TODAY)  # and the whole of Today
    assert main(["--data-dir", str(old_folder), "pace", "list"]) == 0
    read = {n for n in parsed if n.startswith("baselinechange-")}
    assert read <= ({f"baselinechange-{TODAY.year}.json"} if changed_today else set()), read


def test_a_baselines_history_reads_every_year(old_folder: Path, parsed: list[str]) -> None:
    """`pace history` is about the whole history: it reads every year's changes."""
    on_disk = {p.name for p in (old_folder / "records").glob("baselinechange-*.json")}
    assert len(on_disk) >= 6
    assert main(["--data-dir", str(old_folder), "pace", "history", "walking"]) == 0
    assert on_disk <= set(parsed)
