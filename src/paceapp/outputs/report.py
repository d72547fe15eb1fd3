"""`paceapp report`: the summary sentences and charts for a period, as terminal text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paceapp.core.safety import NOT_MEDICAL_ADVICE
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value
from paceapp.outputs.charts import ChartSpec, render
from paceapp.outputs.fold import fold


@dataclass(frozen=True, eq=False, repr=False)
class ReportView(Value):
    """The report over [start, today]: one plain sentence per area (the naps sentence, if any,
    kept apart: `with_naps` places it) and every chart. Made by `paceapp.app.report.load_report`."""

    today: date
    weeks: int
    start: date
    sentences: list[str]
    naps: str
    charts: list[ChartSpec]


def with_naps(sentences: list[str], naps: str) -> list[str]:
    """The summary sentences with the naps sentence after the sleep one (when there were naps,
    and it is not there already: the GP sheet's summary may carry it itself)."""
    if not naps or naps in sentences:
        return sentences
    at = next((i + 1 for i, s in enumerate(sentences) if s.startswith("Sleep")), len(sentences))
    return [*sentences[:at], naps, *sentences[at:]]


def render_report(view: ReportView, width: int = 80, colour: bool = False) -> str:
    """The report text: a heading, one plain sentence per area, then the charts."""
    weeks, today = view.weeks, view.today
    heading = (f"paceapp report: the last {weeks} week{'s' if weeks != 1 else ''} "
               f"({show_date(view.start, today)} – {show_date(today, today)})")
    from rich.cells import cell_len

    lines = [*fold(heading, width), "=" * min(cell_len(heading), width), ""]
    for sentence in with_naps(view.sentences, view.naps):
        lines += fold(sentence, width, "- ", "  ")
    for spec in view.charts:
        lines += ["", render(spec, width=width, height=16, colour=colour)]
    lines += ["", *fold(NOT_MEDICAL_ADVICE, width)]
    return "\n".join(lines)
