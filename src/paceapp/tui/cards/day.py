"""Today's day card: what I could do today. `d` logs the day (or changes today's record); `l`
chooses the list of activities the form asks about."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.day import DayCardView, load_day_card
from paceapp.app.folder import Journal
from paceapp.tui.cards.base import TodayCard


def day_card_lines(data: DayCardView) -> list[str]:
    """What the card says: today's record in short, or how to log it."""
    record = data.record
    if record is None:
        return ["Today is not logged yet. Press d (for a bad day: d, 3, Ctrl+S)."]
    rating = f"{record.rating.words[0].upper()}{record.rating.words[1:]}" if record.rating \
        else "Logged"
    if record.hard:
        hard = "; ".join(f"{h.activity} ({h.how.words})" for h in record.hard)
        return [f"{rating}. Hard: {hard}.", "Press d to change it."]
    return [f"{rating}, nothing hard. Press d to change it."]


class DayCard(TodayCard):
    KEYS = (("d", "log_day", "What I could do"), ("l", "day_list", "My activities"))
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("What I could do today", classes="card-title", markup=False)
        yield Static("Loading…", id="day-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> DayCardView:
        return load_day_card(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, DayCardView)
        self.data = data
        self.query_one("#day-text", Static).update("\n".join(day_card_lines(data)))

    def action_log_day(self) -> None:
        from paceapp.core.timeparse import local_now
        from paceapp.tui.screens.day_form import open_day_form

        data: DayCardView | None = getattr(self, "data", None)
        today = local_now().date()
        record = data.record if data is not None and data.today == today else None
        open_day_form(self.app, record, data.activities if data else None, today)

    def action_day_list(self) -> None:
        from paceapp.tui.screens.day_activities import open_activities_screen

        data: DayCardView | None = getattr(self, "data", None)
        open_activities_screen(self.app, data.chosen if data else None)


CARD = DayCard
