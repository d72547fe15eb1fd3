"""Today's flare-up card: the flare-up going (if any) with the first steps of the person's plan.

`f` starts a flare-up (then shows the plan) or ends the one going; `w` shows the plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.flare import FlareCardView, load_card
from paceapp.app.folder import Journal
from paceapp.core.flare import FlarePlan, show_duration
from paceapp.core.timeparse import elapsed_minutes, local_now, show_when
from paceapp.tui.cards.base import TodayCard

#: Lines of the plan's first steps shown on the card while a flare-up is going.
PLAN_LINES = 3


def first_steps_preview(plan: FlarePlan | None, lines: int = PLAN_LINES) -> list[str]:
    """The first few lines of the plan's first steps (or of its first written part)."""
    if plan is None or plan.is_empty:
        return []
    heading, text = next(((h, t) for h, t in plan.sections() if h == "First steps" and t.strip()),
                         next((h, t) for h, t in plan.sections() if t.strip()))
    rows = [line.strip() for line in text.splitlines() if line.strip()]
    shown = [f"  - {row}" for row in rows[:lines]]
    if len(rows) > lines:
        shown.append("  … (w shows the whole plan)")
    return [f"Your plan, {heading.lower()}:", *shown]


class FlareCard(TodayCard):
    KEYS = (("f", "flare", "Flare-up start/end"), ("w", "plan", "My flare-up plan"))
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("Flare-ups", classes="card-title")
        yield Static("Loading…", id="flare-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> FlareCardView:
        return load_card(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, FlareCardView)
        current = data.current
        if current is None:
            lines = ["No flare-up going. If one starts, press f and your plan will show. "
                     "w shows your plan."]
            if data.plan is None or data.plan.is_empty:
                lines.append("No plan written yet: w, then e, while you feel well.")
        else:
            so_far = elapsed_minutes(current.started, local_now())  # real time, clock changes too
            peak = f", peak {current.peak}/10" if current.peak is not None else ""
            lines = [f"Flare-up going since {show_when(current.started)} "
                     f"({show_duration(max(so_far, 0))} so far{peak}). Flare-ups pass.",
                     *first_steps_preview(data.plan),
                     "f ends it when it eases; w shows your whole plan."]
        self.query_one("#flare-text", Static).update("\n".join(lines))

    def action_flare(self) -> None:
        from paceapp.tui.screens.flare_form import start_or_end_flare

        start_or_end_flare(self.pace)

    def action_plan(self) -> None:
        from paceapp.tui.screens.flare_form import show_plan

        show_plan(self.pace)


CARD = FlareCard
