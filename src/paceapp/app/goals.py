"""Goals: weekly action plans, days done, the weekly review and longer goals.

The one place each goals job is done, for `paceapp goal ...` and for the Goals screen and the
Today card alike. `load_goals` is the read model both show. Each write owns its transaction: it
reads the stored records inside the lock, applies the person's change (the fields they changed,
not a whole record from an older copy), checks it and writes - so a change made meanwhile
elsewhere (the shell, another window) is kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from paceapp.core.goals import (
    ActionPlan,
    GoalDay,
    GoalsView,
    LongerGoal,
    Review,
    ReviewResult,
    mark_day,
    new_longer_goal,
    plan_on_day,
    progress_this_week,
    review_plan,
    series,
    set_status,
)
from paceapp.core.goals import change_plan as changed_copy
from paceapp.core.records import touched
from paceapp.core.settings import Settings
from paceapp.core.timeparse import week_start
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings, update_settings

__all__ = [
    "AddedPlan", "GoalsView", "MarkedDay", "SavedReview", "StatusChange", "add_longer_goal",
    "add_plan", "change_plan", "check_review", "find_plan",
    "finish_longer_goal", "load_goals", "load_week_starts", "mark_done", "plan_series",
    "save_review", "set_plan_status", "set_week_starts",
]


# -- reading -------------------------------------------------------------------------------
def _folder_missing(journal: Journal) -> bool:
    """True for a data folder not made yet: it reads as no goals, and reading makes nothing."""
    return journal.folder is not None and not journal.folder.exists()


def load_goals(journal: Journal, today: date, *, all_days: bool = True) -> GoalsView:
    """Plans, marked days (all, or this week's only), reviews, longer goals and the week start."""
    if _folder_missing(journal):
        return GoalsView(today, [], [], [], [], 0)
    week_starts = load_settings(journal).week_starts
    since = None if all_days else week_start(today, week_starts)
    return GoalsView(today, journal.list(ActionPlan), journal.list(GoalDay, since=since),
                     journal.list(Review), journal.list(LongerGoal), week_starts)


def load_week_starts(journal: Journal) -> int:
    """The day weeks start on (0 = Monday; Monday unless the person changed it)."""
    return 0 if _folder_missing(journal) else load_settings(journal).week_starts


def find_plan(journal: Journal, plan_id: str) -> ActionPlan:
    """A plan by its id or the start of it (as shown in lists)."""
    return journal.find(ActionPlan, plan_id)


def plan_series(journal: Journal, plan_id: str) -> list[ActionPlan]:
    """Every plan in the same series as the plan `plan_id` (carried on week to week), oldest
    first."""
    return series(journal.find(ActionPlan, plan_id), journal.list(ActionPlan))


# -- adding and changing plans -------------------------------------------------------------
class AddedPlan(NamedTuple):
    """A plan as stored, the longer goal it is towards (if any), and whether that goal is new."""

    plan: ActionPlan
    goal: LongerGoal | None
    new_goal: bool


def _resolve_longer(journal: Journal, text: str, today: date) -> tuple[LongerGoal, bool]:
    """A longer goal by id (start of it) or by its words; a new one when neither matches."""
    wanted = " ".join(text.split()).lower()
    goals = journal.list(LongerGoal)
    by_id = [g for g in goals if len(wanted) >= 4 and g.id.startswith(wanted)]
    if len(by_id) == 1:
        return by_id[0], False
    by_words = [g for g in goals if g.what.lower() == wanted]
    if by_words:
        return by_words[-1], False
    return new_longer_goal(text, today), True


def add_plan(journal: Journal, plan: ActionPlan, *, new_goal: LongerGoal | None = None,
             towards: str | None = None, today: date | None = None) -> AddedPlan:
    """Store a new plan (built and checked by `core.goals.new_plan`), with one change.

    `new_goal`: a longer goal to store first, the plan towards it. `towards`: a longer goal's id
    (the start of it) or its words, looked up as stored now; words that match none make a new
    goal starting `today`.
    """
    with journal.transaction():
        goal, created = new_goal, new_goal is not None
        if towards is not None and towards.strip():
            goal, created = _resolve_longer(journal, towards, today or plan.start)
        if goal is not None:
            plan = dataclasses.replace(plan, goal_id=goal.id)
            if created:
                journal.add(goal)
        journal.add(plan)
    return AddedPlan(plan, goal, created)


def change_plan(journal: Journal, plan_id: str, changes: Mapping[str, Any], *,
                base: ActionPlan | None = None,
                new_goal: LongerGoal | None = None) -> ActionPlan:
    """Change some of a plan's fields (`core.goals.PLAN_FIELDS`) and store it, with one change.

    `base` is the copy a form showed: only fields that differ from it are applied, to the plan
    as stored now (ChangedElsewhereError when one of them was changed meanwhile to something
    else). `new_goal`: a longer goal to store as well, the plan then towards it.
    """
    with journal.transaction():
        fresh = journal.find(ActionPlan, plan_id)
        start = base if base is not None else fresh
        if new_goal is not None:
            journal.add(new_goal)
            changes = {**changes, "goal_id": new_goal.id}
        return journal.update(changed_copy(start, **changes), base=start)


class StatusChange(NamedTuple):
    """A plan as stored after a status change, and False when it already had that status."""

    plan: ActionPlan
    changed: bool


def set_plan_status(journal: Journal, plan_id: str, status: str) -> StatusChange:
    """Make a plan active, paused or done (finished); nothing is written when it already is."""
    with journal.transaction():
        fresh = journal.find(ActionPlan, plan_id)
        if fresh.status == status:
            return StatusChange(fresh, False)
        changed = set_status(fresh, status, journal.list(Review))
        return StatusChange(journal.update(changed), True)


# -- days done -----------------------------------------------------------------------------
class MarkedDay(NamedTuple):
    """A day marked done, the plan it counts for, and that plan's days done this week."""

    day: GoalDay
    plan: ActionPlan
    done: int
    planned: int


def mark_done(journal: Journal, plan_id: str, day: date, today: date) -> MarkedDay:
    """Mark `day` done for a plan, checked against what is stored now.

    After an early review, a day of the reviewed week counts for the plan of that week, even
    when next week's plan (not started yet) was given.
    """
    with journal.transaction():
        reviews = journal.list(Review)
        plan = plan_on_day(journal.find(ActionPlan, plan_id), day, journal.list(ActionPlan),
                           reviews)
        existing = journal.list(GoalDay, since=day, until=day)
        week_starts = load_settings(journal).week_starts
        this_week = journal.list(GoalDay, since=week_start(today, week_starts))
        marked = journal.add(mark_day(plan, day, today, existing, reviews))
    done, planned = progress_this_week(plan, [*this_week, marked], today, week_starts)
    return MarkedDay(marked, plan, done, planned)


# -- the weekly review ---------------------------------------------------------------------
class SavedReview(NamedTuple):
    """What a review stored, and the reviewed plan's days done in the week reviewed."""

    result: ReviewResult
    done: int
    planned: int


def _review(journal: Journal, plan_id: str, outcome: str, *, today: date, week: date | None,
            got_in_way: str, next_step: str, note: str,
            changes: Mapping[str, Any] | None) -> tuple[ReviewResult, int]:
    week_starts = load_settings(journal).week_starts
    plan = journal.find(ActionPlan, plan_id)
    result = review_plan(plan, outcome, week=week or today, today=today,
                         week_starts=week_starts, got_in_way=got_in_way, next_step=next_step,
                         note=note, changes=dict(changes) if changes else None,
                         reviews=journal.list(Review))
    return result, week_starts


def check_review(journal: Journal, plan_id: str, outcome: str, *, today: date,
                 week: date | None = None, got_in_way: str = "", next_step: str = "keep",
                 note: str = "", changes: Mapping[str, Any] | None = None) -> ReviewResult:
    """What `save_review` would store now, without storing it (ValidationError when it cannot
    be done): a front end asks "review now, or at the week's end?" only about a review that
    can be saved."""
    result, _ = _review(journal, plan_id, outcome, today=today, week=week,
                        got_in_way=got_in_way, next_step=next_step, note=note, changes=changes)
    return result


def save_review(journal: Journal, plan_id: str, outcome: str, *, today: date,
                week: date | None = None, got_in_way: str = "", next_step: str = "keep",
                note: str = "", changes: Mapping[str, Any] | None = None,
                new_goal: LongerGoal | None = None) -> SavedReview:
    """Review a plan's week (the week holding `week`, default this week), with one change (one
    undo brings it all back): the review, the reviewed plan's new status, next week's plan
    (keep or change, with `changes` applied) and `new_goal` (a new longer goal, if given).
    """
    with journal.transaction():
        result, week_starts = _review(journal, plan_id, outcome, today=today, week=week,
                                      got_in_way=got_in_way, next_step=next_step, note=note,
                                      changes=changes)
        journal.add(result.review)
        journal.update(result.plan)
        if result.next_plan is not None:
            journal.add(result.next_plan)
        if new_goal is not None:
            journal.add(new_goal)
        days = journal.list(GoalDay, since=result.review.week)
    done, planned = progress_this_week(result.plan, days, result.review.week, week_starts)
    return SavedReview(result, done, planned)


# -- longer goals and the week ---------------------------------------------------------------
def add_longer_goal(journal: Journal, goal: LongerGoal) -> LongerGoal:
    """Store a new longer goal (built and checked by `core.goals.new_longer_goal`)."""
    return journal.add(goal)


def finish_longer_goal(journal: Journal, goal_id: str) -> tuple[LongerGoal, bool]:
    """Mark a longer goal reached (done); False when it already was (nothing is written)."""
    with journal.transaction():
        goal = journal.find(LongerGoal, goal_id)
        if goal.status == "done":
            return goal, False
        return journal.update(touched(goal, status="done")), True


def set_week_starts(journal: Journal, day: int) -> Settings:
    """Weeks start on `day` (0 = Monday); days done are counted in these weeks."""
    return update_settings(journal, week_starts=day)
