"""Today's pain check-ins and the weekly PEG, with one-key logging.

Figures come from exact values, rounded once, half up, when shown (core.figures): the 7-day
average is the same number as in `paceapp report` and on the GP sheet for the same days.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.pain import CheckinView, load_checkin, log_pain, log_peg
from paceapp.core.figures import decimal_text
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.timeparse import show_date, show_time
from paceapp.tui.cards.base import TodayCard


def checkin_lines(data: CheckinView) -> list[str]:
    """The card's text, line by line."""
    lines = []
    if data.today_entries:
        last = data.today_entries[-1]
        count = len(data.today_entries)
        lines.append(f"Latest today: {last.score}/10 at {show_time(last.at)} "
                     f"({count} check-in{'s' if count != 1 else ''} today).")
    else:
        lines.append("No pain score yet today. Press p to add one - it takes a moment.")
    if data.week_average is not None:
        lines.append(f"Last 7 days: average {decimal_text(data.week_average)}/10 "
                     f"over {data.week_days} day{'s' if data.week_days != 1 else ''} logged.")
    if data.last_peg is not None:
        recent = data.today is not None and (data.today - data.last_peg.date).days < 7
        lines.append(f"Weekly check-in (PEG): {decimal_text(data.last_peg.exact_score)} "
                     f"on {show_date(data.last_peg.date)}. " +
                     ("Done for this week." if recent else "Press k for this week's."))
    else:
        lines.append("Weekly check-in (PEG): press k to do one - three quick numbers.")
    return lines


class CheckinCard(TodayCard):
    KEYS = (("p", "log_pain", "Log pain"), ("k", "log_peg", "Weekly PEG"))
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("Pain check-in", classes="card-title")
        yield Static("Loading…", id="checkin-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> CheckinView:
        return load_checkin(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, CheckinView)
        self.query_one("#checkin-text", Static).update("\n".join(checkin_lines(data)))

    def action_log_pain(self) -> None:
        from paceapp.tui.screens.pain_form import PainForm, describe_pain

        def saved(entry: PainEntry | None) -> None:
            if entry is not None:
                self.pace.save(lambda j: log_pain(j, entry), f"Saved: {describe_pain(entry)}.")

        self.app.push_screen(PainForm(), saved)

    def action_log_peg(self) -> None:
        from paceapp.tui.screens.pain_form import PegForm

        def saved(entry: PegEntry | None) -> None:
            if entry is not None:
                self.pace.save(lambda j: log_peg(j, entry),
                               f"Saved: weekly check-in, PEG {decimal_text(entry.exact_score)}.")

        self.app.push_screen(PegForm(), saved)


CARD = CheckinCard
