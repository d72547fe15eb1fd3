"""The charts' numbers view shows each point as everywhere else: worked from exact values,
rounded once, half up (docs/figures.md), in the same words as `paceapp show`."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

from paceapp.core.pain import PainEntry
from paceapp.core.sleep import SleepNight
from paceapp.outputs.charts import activity_chart, as_table, pain_chart, sleep_chart

START, END = date(2026, 10, 19), date(2026, 11, 15)  # 4 weeks, with Sun 25 Oct (clocks back)


def rows(table: str) -> dict[str, list[str]]:
    """'Sun 25 Oct' -> its cells."""
    found = {}
    for line in table.splitlines()[3:]:
        label, rest = line[:12].strip(), line[12:]
        found[label] = [cell.strip() for cell in rest.split("|")]
    return found


def pain(day: int, month: int, hour: int, score: int) -> PainEntry:
    return PainEntry(at=datetime(2026, month, day, hour).astimezone(), score=score)


def test_daily_pain_is_rounded_once_half_up_and_keeps_its_decimal() -> None:
    # 6, 6, 6, 7 = 6.25 -> 6.3 (f"{6.25:.1f}" gives 6.2); 4 and 6 = 5 -> '5.0', not '5'
    entries = [pain(2, 11, h, s) for h, s in ((8, 6), (10, 6), (12, 6), (14, 7))]
    entries += [pain(3, 11, 9, 4), pain(3, 11, 19, 6)]
    spec = pain_chart(entries, [], START, END)
    assert spec.series[0].points == ((date(2026, 11, 2), 6.3), (date(2026, 11, 3), 5.0))
    table = rows(as_table(spec))
    assert table["Mon 2 Nov"] == ["6.3"] and table["Tue 3 Nov"] == ["5.0"]


def test_a_flare_up_day_reads_yes_not_zero() -> None:
    flare = SimpleNamespace(started=datetime(2026, 11, 4, 9).astimezone(),
                            ended=datetime(2026, 11, 5, 9).astimezone())
    table = rows(as_table(pain_chart([pain(4, 11, 9, 5)], [flare], START, END)))
    assert table["Wed 4 Nov"] == ["5.0", "yes"] and table["Thu 5 Nov"] == ["-", "yes"]
    assert all("0" != cell for cells in table.values() for cell in cells)


def test_each_night_reads_as_in_show_sleep_including_the_clock_change_night() -> None:
    # Into bed 22:30 BST, out 06:30 GMT: 540 min in bed; asleep (06:10 - 22:45 = 505 real
    # minutes) - 20 - 30 = 455 = 7 h 35 min; 455 / 540 = 84.259...% -> 84.3%.
    change = SleepNight(date=date(2026, 10, 25), bed=datetime(1, 1, 1, 22, 30).time(),
                        tried=datetime(1, 1, 1, 22, 45).time(), latency=20, awakenings=2, waso=30,
                        woke=datetime(1, 1, 1, 6, 10).time(), up=datetime(1, 1, 1, 6, 30).time())
    # A short night: asleep 120 - 1 = 119 min of 120 in bed = 99.1666...% -> 99.2%.
    short = SleepNight(date=date(2026, 10, 27), bed=datetime(1, 1, 1, 23, 0).time(),
                       tried=datetime(1, 1, 1, 23, 0).time(), latency=1, waso=0,
                       woke=datetime(1, 1, 1, 1, 0).time(), up=datetime(1, 1, 1, 1, 0).time())
    no_bed = SleepNight(date=date(2026, 10, 28), tried=datetime(1, 1, 1, 23, 0).time(),
                        woke=datetime(1, 1, 1, 6, 30).time())
    spec = sleep_chart([change, short, no_bed], START, END)
    table = rows(as_table(spec))
    assert table["Sun 25 Oct"] == ["7 h 35 min", "84.3%"]
    assert table["Tue 27 Oct"] == ["1 h 59 min", "99.2%"]  # 119 / 120 = 99.1666...%
    assert table["Wed 28 Oct"] == ["7 h 30 min", "-"]
    hours = dict(spec.series[0].points)
    assert hours[date(2026, 10, 25)] == 7.6  # 455 / 60 = 7.58333... -> 7.6, once
    assert hours[date(2026, 10, 28)] == 7.5


def test_activity_minutes_are_whole_numbers() -> None:
    logs = [SimpleNamespace(day=date(2026, 11, 2), amount=a, unit="min") for a in (10, 15)]
    table = rows(as_table(activity_chart(logs, 20, START, END)))
    assert table["Mon 2 Nov"] == ["25", "20"] and table["Tue 3 Nov"] == ["-", "20"]


def test_period_title_counts_whole_weeks() -> None:
    assert "Pain, last 4 weeks (" in pain_chart([], [], START, END).title
    assert "Pain, last 1 week (" in pain_chart([], [], END - timedelta(days=6), END).title
