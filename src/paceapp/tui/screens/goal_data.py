"""Reading and saving goals for the Goals screen and the Today card (no widgets here).

Runs in worker threads: every function takes the Journal and returns plain core objects.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from paceapp.core.goals import (
    ActionPlan,
    GoalDay,
    LongerGoal,
    Review,
    ReviewResult,
    active_plans,
    mark_day,
    plans_this_week,
    plans_to_review,
    progress_this_week,
    reviewed_week_holds,
)
from paceapp.core.timeparse import week_start
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings


class GoalsView(NamedTuple):
    """Everything about goals, read at one moment."""

    today: date
    plans: list[ActionPlan]
    days: list[GoalDay]
    reviews: list[Review]
    longer: list[LongerGoal]
    week_starts: int

    @property
    def week(self) -> date:
        return week_start(self.today, self.week_starts)

    @property
    def active(self) -> list[ActionPlan]:
        return active_plans(self.plans)

    @property
    def markable(self) -> list[ActionPlan]:
        """Plans a day can be marked on today: active ones that have started, and ones
        reviewed for this week (the review ends a plan when its week ends; the rest of its week
        still counts)."""
        return plans_this_week(self.plans, self.reviews, self.today)

    def held(self, plan: ActionPlan) -> bool:
        """True for a plan reviewed early: its week is still under way, so it is still shown
        with this week's days and can still be marked."""
        return reviewed_week_holds(plan, self.today, self.reviews)

    @property
    def to_review(self) -> list[ActionPlan]:
        return plans_to_review(self.plans, self.reviews, self.today, self.week_starts)

    def progress(self, plan: ActionPlan) -> tuple[int, int]:
        return progress_this_week(plan, self.days, self.today, self.week_starts)

    def marked_today(self, plan: ActionPlan) -> bool:
        return any(d.plan_id == plan.id and d.date == self.today for d in self.days)

    def review_of(self, plan: ActionPlan) -> Review | None:
        return next((r for r in self.reviews if r.plan_id == plan.id), None)

    def longer_of(self, plan: ActionPlan) -> LongerGoal | None:
        return next((g for g in self.longer if g.id == plan.goal_id), None)


def load_goals(journal: Journal, today: date, *, all_days: bool = True) -> GoalsView:
    """Plans, marked days (all, or this week's only), reviews, longer goals and the week start."""
    week_starts = load_settings(journal).week_starts
    since = None if all_days else week_start(today, week_starts)
    return GoalsView(today, journal.list(ActionPlan), journal.list(GoalDay, since=since),
                     journal.list(Review), journal.list(LongerGoal), week_starts)


def mark_done(journal: Journal, plan_id: str, day: date, today: date) -> GoalDay:
    """Mark `day` done for a plan, checked against what is stored now."""
    plan = journal.get(ActionPlan, plan_id)
    existing = journal.list(GoalDay, since=day, until=day)
    return journal.add(mark_day(plan, day, today, existing, journal.list(Review)))


def save_review(journal: Journal, result: ReviewResult) -> ReviewResult:
    """Store a review, the reviewed plan's new status and next week's plan, together."""
    with journal.transaction():
        journal.add(result.review)
        journal.update(result.plan)
        if result.next_plan is not None:
            journal.add(result.next_plan)
    return result


def add_plan(journal: Journal, plan: ActionPlan, new_goal: LongerGoal | None) -> ActionPlan:
    with journal.transaction():
        if new_goal is not None:
            journal.add(new_goal)
        return journal.add(plan)
