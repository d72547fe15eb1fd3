"""This week's action plans on Today, with days done; `g` marks today done for a plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.goals import load_goals, mark_done
from paceapp.core.goals import ActionPlan, GoalsView, progress_words
from paceapp.core.timeparse import local_now, show_date
from paceapp.tui.cards.base import TodayCard


class GoalsCard(TodayCard):
    KEYS = (("g", "mark_goal", "Goal day done"),)

    view: GoalsView | None = None

    def compose(self) -> ComposeResult:
        yield Static("This week's plans", classes="card-title")
        yield Static("Loading…", id="goals-card-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> GoalsView:
        return load_goals(journal, today, all_days=False)

    def show(self, data: Any) -> None:
        assert isinstance(data, GoalsView)
        self.view = data
        lines = []
        reviewed = [p for p in data.markable if p.status != "active"]  # the rest of its week
        for plan in reviewed:
            mark = " ✓ done today" if data.marked_today(plan) else ""
            lines.append(f"{plan.what}: {progress_words(*data.progress(plan))} "
                         f"(reviewed){mark}")
        for plan in data.active:
            if plan.start > data.today:
                lines.append(f"{plan.what}: starts {show_date(plan.start)}")
                continue
            mark = " ✓ done today" if data.marked_today(plan) else ""
            lines.append(f"{plan.what}: {progress_words(*data.progress(plan))}{mark}")
        if not lines:
            lines.append("No action plan this week. Press 4 for Goals to add a small one.")
        else:
            lines.append("Press g when you have done one today.")
            if data.to_review and data.today.weekday() == (data.week_starts + 6) % 7:
                lines.append("End of the week: press 4, then r to review (or skip it).")
        self.query_one("#goals-card-text", Static).update("\n".join(lines))

    def action_mark_goal(self) -> None:
        view = self.view
        if view is None:
            return
        active = view.markable
        today = local_now().date()
        if not active:
            self.notify("No action plan to mark yet. Press 4 for Goals to add one.", markup=False)
            return
        if len(active) == 1:
            self.mark(active[0], today)
            return
        from paceapp.tui.screens.goal_pick import PlanPicker

        notes = {p.id: progress_words(*view.progress(p))
                 + (", ✓ done today" if view.marked_today(p) else "") for p in active}

        def chosen(plan: ActionPlan | None) -> None:
            if plan is not None:
                self.mark(plan, today)

        self.app.push_screen(PlanPicker(active, "Which plan did you do today?", notes), chosen)

    def mark(self, plan: ActionPlan, today: date) -> None:
        self.pace.save(lambda j: mark_done(j, plan.id, today, today),
                       f"Marked today done: {plan.what}. Nice one.")


CARD = GoalsCard
