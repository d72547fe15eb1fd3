"""The next GP appointment on Today, and how many concerns are ready for it."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.gp import load_state
from paceapp.core.gp import Appointment, open_items, when_text
from paceapp.tui.cards.base import TodayCard


class GpCardData(NamedTuple):
    current: Appointment | None
    medicines: int
    today: date


def card_lines(data: GpCardData) -> list[str]:
    appt = data.current
    if appt is None:
        return ["No GP appointment on your list. Press 5 to get ready for one."]
    concerns = len(open_items(appt.concerns))
    questions = len(open_items(appt.questions))
    when = when_text(appt, data.today)
    if appt.visit_date is not None:
        days = (appt.visit_date - data.today).days
        if days == 0:
            when += " (today)"
        elif days == 1:
            when += " (tomorrow)"
        elif days > 1:
            when += f" (in {days} days)"
    lines = [f"Next GP appointment: {when}",
             f"Ready: {concerns} concern{'s' if concerns != 1 else ''}, {questions} question"
             f"{'s' if questions != 1 else ''}, {data.medicines} medicine"
             f"{'s' if data.medicines != 1 else ''}. Press 5 to get ready or print the sheet."]
    if appt.visit_date is not None and appt.visit_date < data.today:
        lines.append("After the visit: press 5, then o to note what you agreed.")
    return lines


class GpCard(TodayCard):
    KEYS = ()

    def compose(self) -> ComposeResult:
        yield Static("GP visit", classes="card-title")
        yield Static("Loading…", id="gp-card-text", markup=False)

    def load(self, journal: Journal, today: date) -> GpCardData:
        state = load_state(journal)
        return GpCardData(state.current, len(state.medicines), today)

    def show(self, data: Any) -> None:
        assert isinstance(data, GpCardData)
        self.query_one("#gp-card-text", Static).update("\n".join(card_lines(data)))


CARD = GpCard
