"""Today's pacing card: today's plan and what was logged against it; a to log, t for the timer."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.pacing import PacingCardView, load_pacing_card
from paceapp.core.pacing import show_amount
from paceapp.core.pacing_period import PacingData, next_planned
from paceapp.tui.cards.base import TodayCard


def card_lines(card: PacingCardView) -> list[str]:
    """The card as plain lines (kept short: Today shows several cards at 80x24)."""
    data, view = card.data, card.view
    if not data.baselines:
        return ["No baselines yet. Pacing starts with one: go to Pacing (3) and press n. "
                "Press a to log an activity."]
    if view is None:
        return [f"! {card.problem}"]
    lines = []
    if view.rows:
        parts = []
        for row in view.rows:
            ref = row.reference
            goal = f" of {show_amount(ref, row.unit)}" if ref is not None else ""
            parts.append(f"{row.name} {show_amount(row.logged, row.unit)}{goal}")
        lines.append("Today: " + ", ".join(parts) + ".")
    upcoming = next_planned(view)
    if upcoming is not None:
        lines.append(f"Next: {upcoming[0]} {upcoming[1]}"
                     f"{'' if _unit(data, upcoming[0]) == 'count' else ' min'}, then rest "
                     f"{data.settings.rest_min} min. Press t for the timer, a to log.")
    elif view.schedule.steps:
        lines.append("Today's plan is done. Rest is part of pacing too.")
    else:
        lines.append("No plan for today. Press a to log an activity, or plan in Pacing (3).")
    lines += list(view.schedule.notes)
    return lines


def _unit(data: PacingData, name: str) -> str:
    return next((b.unit for b in data.baselines if b.name == name), "min")


class PacingCard(TodayCard):
    KEYS = (("a", "log_activity", "Log activity"), ("t", "timer", "Activity timer"))

    def compose(self) -> ComposeResult:
        yield Static("Pacing", classes="card-title")
        yield Static("Loading…", id="pacing-card-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> PacingCardView:
        return load_pacing_card(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, PacingCardView)
        self.data = data
        self.query_one("#pacing-card-text", Static).update("\n".join(card_lines(data)))

    def action_log_activity(self) -> None:
        from paceapp.core.pacing import ActivityLog
        from paceapp.tui.screens.activity_form import ActivityForm, save_new_activity

        card: PacingCardView | None = getattr(self, "data", None)
        units: dict[str, str] = {}
        name = ""
        if card is not None:
            units = {b.name: b.unit for b in card.data.baselines}
            for log in card.data.logs:
                units.setdefault(log.name, log.unit)
            upcoming = next_planned(card.view) if card.view else None
            name = upcoming[0] if upcoming else ""

        def saved(log: ActivityLog | None) -> None:
            if log is not None:
                save_new_activity(self.pace, log)

        self.app.push_screen(ActivityForm(units=units, name=name), saved)

    def action_timer(self) -> None:
        from paceapp.tui.screens.timer import open_timer

        card: PacingCardView | None = getattr(self, "data", None)
        if card is None or not card.data.baselines:
            self.notify("Set a baseline first: go to Pacing (3) and press n.")
            return
        upcoming = next_planned(card.view) if card.view else None
        if upcoming is None:
            baseline = card.data.baselines[0]
            name, amount = baseline.name, baseline.amount
        else:
            name, amount = upcoming
        unit = _unit(card.data, name)
        open_timer(self.app, name, unit, float(amount) if unit == "min" else None,
                   float(card.data.settings.rest_min), log_default=amount)


CARD = PacingCard
