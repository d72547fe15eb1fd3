"""Charts drawn with plotext, shared by `paceapp report` and the app's Charts section.

A chart is first described as a `ChartSpec` (plain data: series of (date, value) points), then
drawn as text by `render()`. Every series has its own marker and a label in the key under the
chart (never inside the plotting area, where plotext's own legend covered points: a 100% night
was hidden), so a chart reads the same in monochrome; `as_table()` is the text alternative (the
numbers behind the chart).

Each point keeps the text it is shown with in the numbers view, made by the same functions as
everywhere else (core.figures: exact, rounded once, half up): a night's time asleep reads
"6 h 35 min" and its sleep efficiency "82.3%", as in `paceapp show sleep`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from paceapp.core.figures import decimal_text, mean, one_decimal, percent_text, whole
from paceapp.core.pain import PainEntry
from paceapp.core.timeparse import show_date, show_minutes
from paceapp.core.value import Value

PERIODS_WEEKS = (4, 12, 52)
#: The charts, in the order the report shows them and the Charts section steps through them.
CHARTS = ("pain", "sleep", "activity")


@dataclass(frozen=True, eq=False, repr=False)
class Series(Value):
    label: str
    points: tuple[tuple[date, float], ...]
    marker: str  # a plotext marker name or a single character
    style: str = "line"  # "line" or "scatter"
    right_axis: bool = False
    #: Each point as shown in the numbers view ('6 h 35 min', '82.3%', 'yes'); when empty, the
    #: values themselves (one decimal, half up).
    texts: tuple[str, ...] = ()

    def text(self, index: int) -> str:
        """The point at `index` as a person reads it in the numbers view."""
        if self.texts:
            return self.texts[index]
        return decimal_text(self.points[index][1])


@dataclass(frozen=True, eq=False, repr=False)
class ChartSpec(Value):
    title: str
    start: date
    end: date
    series: tuple[Series, ...]
    y_label: str
    y_range: tuple[float, float] | None = None
    right_label: str = ""
    right_range: tuple[float, float] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)


def _period_title(what: str, start: date, end: date) -> str:
    weeks = whole(Fraction((end - start).days + 1, 7))
    return (f"{what}, last {weeks} week{'s' if weeks != 1 else ''} "
            f"({show_date(start)} – {show_date(end)})")


def pain_chart(entries: Sequence[PainEntry], flares: Sequence[Any], start: date, end: date) -> ChartSpec:
    """Daily average pain, with flare-up days marked along the bottom."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        if start <= entry.day <= end:
            by_day[entry.day].append(entry.score)
    means = [(day, mean(scores)) for day, scores in sorted(by_day.items())]
    points = tuple((day, one_decimal(value)) for day, value in means if value is not None)
    texts = tuple(decimal_text(value) for _day, value in means if value is not None)
    flare_days: set[date] = set()
    for flare in flares:
        first = max(flare.started.date(), start)
        last = min(flare.ended.date() if flare.ended else end, end)
        day = first
        while day <= last:
            flare_days.add(day)
            day += timedelta(days=1)
    series = [Series("pain, daily average (0-10)", points, "•", texts=texts)]
    if flare_days:
        series.append(Series("flare-up day", tuple((d, 0.0) for d in sorted(flare_days)), "x",
                             style="scatter", texts=("yes",) * len(flare_days)))
    return ChartSpec(_period_title("Pain", start, end), start, end, tuple(series), "pain",
                     (0, 10), notes=(f"Pain logged on {len(points)} of "
                                     f"{(end - start).days + 1} days.",))


def sleep_chart(nights: Sequence[Any], start: date, end: date) -> ChartSpec:
    """Hours asleep (TST) and sleep efficiency (SE %) per night."""
    tst: list[tuple[date, float]] = []
    se: list[tuple[date, float]] = []
    tst_texts: list[str] = []
    se_texts: list[str] = []
    for night in nights:
        if not start <= night.day <= end:
            continue
        if night.tst_min is not None:
            tst.append((night.day, one_decimal(Fraction(night.tst_min) / 60)))
            tst_texts.append(show_minutes(night.tst_min))
        if night.se_pct is not None:  # already rounded once (one decimal): shown as it is
            se.append((night.day, float(night.se_pct)))
            se_texts.append(percent_text(night.se_pct))
    return ChartSpec(
        _period_title("Sleep", start, end), start, end,
        (Series("hours asleep", tuple(tst), "•", texts=tuple(tst_texts)),
         Series("sleep efficiency % (time asleep ÷ time in bed), right axis", tuple(se), "+",
                style="scatter", right_axis=True, texts=tuple(se_texts))),
        "hours", (0, 12), right_label="% asleep", right_range=(0, 100),
        notes=(f"{len(tst)} nights with enough detail to work out.",))


def activity_chart(logs: Sequence[Any], baseline_total: float | None, start: date,
                   end: date) -> ChartSpec:
    """Logged activity per day against the sum of baselines (a steady line is the aim)."""
    by_day: dict[date, float] = defaultdict(float)
    for log in logs:
        if start <= log.day <= end and getattr(log, "unit", "min") == "min":
            by_day[log.day] += log.amount
    points = tuple(sorted(by_day.items()))
    series = [Series("minutes of activity logged", points, "•", style="scatter",
                     texts=tuple(str(whole(v)) for _d, v in points))]
    if baseline_total:
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        series.append(Series("sum of baselines (minutes)",
                             tuple((d, baseline_total) for d in days), "-",
                             texts=(str(whole(baseline_total)),) * len(days)))
    top = max([v for _d, v in points] + [baseline_total or 0, 10])
    return ChartSpec(_period_title("Activity", start, end), start, end, tuple(series), "minutes",
                     (0, round(top * 1.15)),
                     notes=(f"Activity logged on {len(points)} days.",))


def _ticks(start: date, end: date, width: int) -> tuple[list[int], list[str]]:
    days = (end - start).days
    count = max(2, min(6, width // 14))
    positions = sorted({round(days * i / (count - 1)) for i in range(count)})
    return positions, [f"{(start + timedelta(days=p)).day} {start + timedelta(days=p):%b}"
                       for p in positions]


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values (steps of 1, 2, 5, 10, 20, 50…) from low to high."""
    span = max(high - low, 1)
    step = 1.0
    for factor in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        step = float(factor)
        if span / step <= most - 1:
            break
    ticks, value = [], low
    while value <= high + 1e-9:
        ticks.append(value)
        value += step
    return ticks


def render(spec: ChartSpec, width: int = 78, height: int = 16, colour: bool = False) -> str:
    """The chart as text (ANSI colours only when `colour`)."""
    from paceapp.outputs.fold import fold

    title = fold(spec.title, max(width, 40))
    if spec.empty:
        return "\n".join([*title, "  Nothing logged in this period yet."])
    import plotext as plt  # deferred: only charts need it

    plt.clear_figure()
    plt.plot_size(max(width, 40), max(height, 10))
    plt.theme("pro" if colour else "clear")
    for series in spec.series:
        if not series.points:
            continue
        xs = [(day - spec.start).days for day, _v in series.points]
        ys = [value for _d, value in series.points]
        draw = plt.scatter if series.style == "scatter" else plt.plot
        draw(xs, ys, marker=series.marker, yside="right" if series.right_axis else "left")
    if spec.y_range:
        plt.ylim(*spec.y_range)
        ticks = nice_ticks(*spec.y_range)
        plt.yticks(ticks, [f"{t:g}" for t in ticks])
    if spec.right_range and any(s.right_axis and s.points for s in spec.series):
        plt.ylim(*spec.right_range, yside="right")
        ticks = nice_ticks(*spec.right_range)
        plt.yticks(ticks, [f"{t:g}" for t in ticks], yside="right")
    plt.xlim(0, (spec.end - spec.start).days)
    plt.xticks(*_ticks(spec.start, spec.end, width))
    text = plt.build()
    if not colour:
        text = plt.uncolorize(text)
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(title + lines + key_lines(spec, width) + [f"  {note}" for note in spec.notes])


def key_lines(spec: ChartSpec, width: int) -> list[str]:
    """The chart's key, under the plotting area: each drawn series' marker and label."""
    import textwrap

    entries = [f"{series.marker} {series.label}" for series in spec.series if series.points]
    return textwrap.wrap("Key: " + "   ".join(entries), width=max(width, 40),
                         initial_indent="  ", subsequent_indent="       ",
                         break_on_hyphens=False)


def as_table(spec: ChartSpec) -> str:
    """The numbers behind a chart, one row per day (the text alternative)."""
    days: dict[date, dict[str, str]] = defaultdict(dict)
    for series in spec.series:
        for index, (day, _value) in enumerate(series.points):
            days[day][series.label] = series.text(index)
    labels = [s.label for s in spec.series]
    lines = [spec.title, ""]
    if not days:
        return "\n".join(lines + ["Nothing logged in this period yet."])
    lines.append("date         " + " | ".join(labels))
    for day in sorted(days):
        cells = [days[day].get(label, "-") for label in labels]
        lines.append(f"{show_date(day, spec.end):<12} " + " | ".join(cells))
    return "\n".join(lines)
