from __future__ import annotations

from datetime import date
from pathlib import Path

from paceapp.demo import write_demo
from tests.conftest import run_paceapp


def test_report_on_demo_data_has_summary_and_charts_and_no_escapes_when_piped(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    write_demo(data, 84, date.today())
    result = run_paceapp("report", "--weeks", "12", data=data, env={"NO_COLOR": ""})
    assert result.code == 0, result.err
    out = result.out
    assert "paceapp report: the last 12 weeks" in out
    for part in ("Pain:", "Sleep", "Flare-ups", "Pacing", "Goals", "Pain, last 12 weeks",
                 "Sleep, last 12 weeks", "Activity, last 12 weeks", "not medical advice"):
        assert part in out, part
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_report_on_an_empty_folder_invents_nothing(cli) -> None:
    result = cli("report", "--weeks", "4")
    assert result.code == 0
    assert "Nothing logged in this period yet." in result.out
    assert "not logged" in result.out.lower() or "no " in result.out.lower()


def test_report_rejects_a_silly_period(cli) -> None:
    result = cli("report", "--weeks", "0")
    assert result.code == 2 and "Traceback" not in result.err
