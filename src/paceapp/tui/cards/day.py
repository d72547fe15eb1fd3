"""Today's day card: what I could do today. `d` logs the day (or changes today's record); `l`
chooses the list of activities the form asks about."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.core.day import DayActivities, DayRecord, person_activities
from paceapp.store.journal import Journal
from paceapp.tui.cards.base import TodayCard


class DayCardData(NamedTuple):
    today: date
    record: DayRecord | None
    activities: tuple[str, ...]
    chosen: DayActivities | None


def day_card_lines(data: DayCardData) -> list[str]:
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

    def load(self, journal: Journal, today: date) -> DayCardData:
        records = journal.list(DayRecord, since=today, until=today)
        chosen = journal.get_single(DayActivities)
        return DayCardData(today, records[-1] if records else None, person_activities(chosen),
                           chosen)

    def show(self, data: Any) -> None:
        assert isinstance(data, DayCardData)
        self.data = data
        self.query_one("#day-text", Static).update("\n".join(day_card_lines(data)))

    def action_log_day(self) -> None:
        from paceapp.core.timeparse import local_now
        from paceapp.tui.screens.day_form import open_day_form

        data: DayCardData | None = getattr(self, "data", None)
        today = local_now().date()
        record = data.record if data is not None and data.today == today else None
        open_day_form(self.app, record, data.activities if data else None, today)

    def action_day_list(self) -> None:
        from paceapp.tui.screens.day_activities import open_activities_screen

        data: DayCardData | None = getattr(self, "data", None)
        open_activities_screen(self.app, data.chosen if data else None)


CARD = DayCard
