"""Charts never hide data: the key sits under the chart, and every point is drawn.

plotext's own legend is drawn inside the plotting area (top left), where it covered points: a
night of 100% sleep efficiency at the top of the report's sleep chart was hidden under it.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from paceapp.outputs.charts import pain_chart, render, sleep_chart

START, END = date(2026, 11, 1), date(2026, 11, 28)


def plot_area(text: str) -> list[str]:
    """The chart's drawing: below the title, above the key and notes."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("  Key: "))
    return lines[1:end]


def night(day: date, tst: float, se: float) -> SimpleNamespace:
    return SimpleNamespace(day=day, tst_min=tst, se_pct=se)


@pytest.mark.parametrize("top_day", [0, 1, 3, 13, 27])
def test_every_sleep_efficiency_point_is_drawn_with_the_key_outside(top_day: int) -> None:
    # Ten nights three days apart (own columns at 78 wide); one of them 100% at the very top.
    days = [START + timedelta(days=n) for n in sorted({top_day, *range(0, 28, 3)})][:10]
    nights = [night(day, 360 + 10 * i, 100.0 if (day - START).days == top_day else 60.0 + i)
              for i, day in enumerate(days)]
    spec = sleep_chart(nights, START, END)
    text = render(spec, width=78, height=16)
    area = plot_area(text)
    assert sum(line.count("+") for line in area) == len(nights)
    top_row = next(line for line in area if "100" in line)
    assert "+" in top_row  # the 100% night is on the top line, not covered by a legend
    key = text.splitlines()[len(area) + 1:]
    assert any("+ sleep efficiency %" in line for line in key)
    assert any("• hours asleep" in line for line in key)
    assert all("sleep efficiency" not in line for line in area)


def test_every_flare_up_day_is_drawn_and_the_key_names_it() -> None:
    class Flare(SimpleNamespace):
        pass

    from datetime import datetime

    flares = [Flare(started=datetime(2026, 11, d, 9).astimezone(),
                    ended=datetime(2026, 11, d, 18).astimezone()) for d in (1, 8, 15, 22)]
    entries = [SimpleNamespace(day=date(2026, 11, d), score=4) for d in (2, 9, 16)]
    text = render(pain_chart(entries, flares, START, END), width=78, height=16)
    area = plot_area(text)
    assert sum(line.count("x") for line in area) == 4
    assert "x flare-up day" in text.split("  Key: ", 1)[1]


def test_the_key_fits_the_width() -> None:
    nights = [night(START + timedelta(days=n), 400, 80.0) for n in range(0, 28, 4)]
    text = render(sleep_chart(nights, START, END), width=40, height=12)
    assert max(len(line) for line in text.splitlines()) <= 42
