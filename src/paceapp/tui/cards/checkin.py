"""Today's pain check-ins and the weekly PEG, with one-key logging."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.core.pain import PainEntry, PegEntry, summarise_pain
from paceapp.core.timeparse import show_date, show_time
from paceapp.store.journal import Journal
from paceapp.tui.cards.base import TodayCard


class CheckinData(NamedTuple):
    today_entries: list[PainEntry]
    week_average: float | None
    week_days: int
    last_peg: PegEntry | None
    today: date | None = None


class CheckinCard(TodayCard):
    KEYS = (("p", "log_pain", "Log pain"), ("k", "log_peg", "Weekly PEG"))
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("Pain check-in", classes="card-title")
        yield Static("Loading…", id="checkin-text", markup=False)

    def load(self, journal: Journal, today: date) -> CheckinData:
        week = journal.list(PainEntry, since=today - timedelta(days=6))
        summary = summarise_pain(week, today - timedelta(days=6), today)
        pegs = journal.list(PegEntry, since=today - timedelta(days=60))
        return CheckinData([e for e in week if e.day == today], summary.average,
                           summary.days_logged, pegs[-1] if pegs else None, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, CheckinData)
        lines = []
        if data.today_entries:
            last = data.today_entries[-1]
            count = len(data.today_entries)
            lines.append(f"Latest today: {last.score}/10 at {show_time(last.at)} "
                         f"({count} check-in{'s' if count != 1 else ''} today).")
        else:
            lines.append("No pain score yet today. Press p to add one - it takes a moment.")
        if data.week_average is not None:
            lines.append(f"Last 7 days: average {data.week_average:.1f}/10 "
                         f"over {data.week_days} day{'s' if data.week_days != 1 else ''} logged.")
        if data.last_peg is not None:
            recent = data.today is not None and (data.today - data.last_peg.date).days < 7
            lines.append(f"Weekly check-in (PEG): {data.last_peg.score:.1f} "
                         f"on {show_date(data.last_peg.date)}. " +
                         ("Done for this week." if recent else "Press k for this week's."))
        else:
            lines.append("Weekly check-in (PEG): press k to do one - three quick numbers.")
        self.query_one("#checkin-text", Static).update("\n".join(lines))

    def action_log_pain(self) -> None:
        from paceapp.tui.screens.pain_form import PainForm, describe_pain

        def saved(entry: PainEntry | None) -> None:
            if entry is not None:
                self.pace.save(lambda j: j.add(entry), f"Saved: {describe_pain(entry)}.")

        self.app.push_screen(PainForm(), saved)

    def action_log_peg(self) -> None:
        from paceapp.tui.screens.pain_form import PegForm

        def saved(entry: PegEntry | None) -> None:
            if entry is not None:
                self.pace.save(lambda j: j.add(entry),
                               f"Saved: weekly check-in, PEG {entry.score:.1f}.")

        self.app.push_screen(PegForm(), saved)


CARD = CheckinCard
