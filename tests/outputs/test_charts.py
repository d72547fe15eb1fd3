from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from paceapp.core.pain import PainEntry
from paceapp.outputs.charts import as_table, nice_ticks, pain_chart, render

START, END = date(2026, 11, 1), date(2026, 11, 28)


@dataclass
class FakeFlare:
    started: datetime
    ended: datetime | None


def entry(day: int, hour: int, score: int) -> PainEntry:
    return PainEntry(at=datetime(2026, 11, day, hour).astimezone(), score=score)


def test_pain_chart_uses_daily_averages_and_marks_flare_days() -> None:
    entries = [entry(2, 9, 2), entry(2, 20, 5), entry(3, 9, 7), entry(30, 9, 1)]
    flares = [FakeFlare(datetime(2026, 10, 31, 9).astimezone(), datetime(2026, 11, 2, 8).astimezone()),
              FakeFlare(datetime(2026, 11, 27, 9).astimezone(), None)]
    spec = pain_chart(entries, flares, START, END)
    pain, flare = spec.series
    assert pain.points == ((date(2026, 11, 2), 3.5), (date(2026, 11, 3), 7.0))
    assert [d for d, _ in flare.points] == [date(2026, 11, 1), date(2026, 11, 2),
                                           date(2026, 11, 27), date(2026, 11, 28)]
    assert spec.notes == ("Pain logged on 2 of 28 days.",)


def test_render_is_plain_text_with_legend_and_fits_the_width() -> None:
    spec = pain_chart([entry(2, 9, 2), entry(10, 9, 6)],
                      [FakeFlare(datetime(2026, 11, 5, 9).astimezone(),
                                 datetime(2026, 11, 6, 9).astimezone())], START, END)
    text = render(spec, width=78, height=16)
    assert "\x1b" not in text
    assert "pain, daily average" in text and "flare-up day" in text
    assert "Pain, last 4 weeks" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_render_in_colour_has_escape_codes() -> None:
    spec = pain_chart([entry(2, 9, 2), entry(10, 9, 6)], [], START, END)
    assert "\x1b[" in render(spec, colour=True)


def test_text_alternative_lists_the_numbers() -> None:
    spec = pain_chart([entry(2, 9, 2), entry(2, 20, 5)], [], START, END)
    table = as_table(spec)
    assert "Mon 2 Nov" in table and "3.5" in table


def test_empty_period_says_so() -> None:
    assert "Nothing logged" in render(pain_chart([], [], START, END))


def test_nice_ticks() -> None:
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    ticks = nice_ticks(0, 345)
    assert len(ticks) <= 6 and ticks[0] == 0


def test_ten_days_apart_x_axis_labels_are_dates() -> None:
    spec = pain_chart([entry(2, 9, 2)], [], START, START + timedelta(days=83))
    assert "1 Nov" in render(spec)


def test_tables_fit_80_columns_by_wrapping_long_text() -> None:
    """Text too long for 80 columns wraps under its own column: nothing is cut or lost."""
    from rich.cells import cell_len

    from paceapp.outputs.tables import render_table

    rows = [{"id": "1a2b3c4d", "when": "Sat 21 Nov 10:00", "what": "x" * 60, "note": "y" * 50}]
    text = render_table(rows, width=80)
    lines = text.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert "1a2b3c4d" in text and "Sat 21 Nov 10:00" in text
    assert "".join(text.split()).count("x") == 60 and "".join(text.split()).count("y") == 50
    assert "…" not in text
    # It really wrapped (more than heading, rule and one line) and each wrapped part stays
    # under its column's heading.
    assert len(lines) > 3
    for letter, heading in (("x", "what"), ("y", "note")):
        starts = {line.index(letter) for line in lines if letter in line}
        assert starts == {lines[0].index(heading)}, (letter, starts)
