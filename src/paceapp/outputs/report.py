"""`paceapp report`: the summary sentences and charts for a period, as terminal text."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta

from paceapp.core.safety import NOT_MEDICAL_ADVICE
from paceapp.core.timeparse import show_date
from paceapp.outputs.chart_data import CHARTS, chart_spec
from paceapp.outputs.charts import render
from paceapp.outputs.gp_summary import gather_summary
from paceapp.store.journal import Journal


def build_report(journal: Journal, today: date, weeks: int, width: int = 80,
                 colour: bool = False) -> str:
    """The report text: a heading, one plain sentence per area, then the charts."""
    start = today - timedelta(days=weeks * 7 - 1)
    heading = (f"paceapp report: the last {weeks} week{'s' if weeks != 1 else ''} "
               f"({show_date(start, today)} – {show_date(today, today)})")
    lines = [heading, "=" * min(len(heading), width), ""]
    for sentence in gather_summary(journal, start, today):
        lines += textwrap.wrap(sentence, width=width, initial_indent="- ",
                               subsequent_indent="  ") or ["-"]
    for chart in CHARTS:
        lines += ["", render(chart_spec(journal, chart, weeks, today), width=width, height=16,
                             colour=colour)]
    lines += ["", *textwrap.wrap(NOT_MEDICAL_ADVICE, width=width)]
    return "\n".join(lines)
