"""How goals went over time (pure): a longer goal's progress, and goals over a period.

Used by the Goals screen and `goal longer`, and by the GP sheet and peer card summaries. Counts are
days done against days planned, in whole weeks; no streaks and no "failed" (DOMAIN.md, Goals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from paceapp.core.goals import (
    OUTCOME_WORDS,
    OUTCOMES,
    ActionPlan,
    GoalDay,
    LongerGoal,
    Review,
    chain_root,
    days_in_week,
)
from paceapp.core.timeparse import show_date, week_start


@dataclass(frozen=True)
class LongerProgress:
    """How far a longer goal has come: its weekly plans, the days done, the reviews."""

    goal: LongerGoal
    plans: tuple[ActionPlan, ...]
    weeks: int
    days_done: int
    outcomes: dict[str, int]
    first: ActionPlan | None
    latest: ActionPlan | None

    def sentence(self) -> str:
        if not self.plans:
            return f"{self.goal.what}: no weekly plans yet. Add one to take the first step."
        week_word = "week" if self.weeks == 1 else "weeks"
        text = (f"{self.goal.what}: {len(self.plans)} weekly plan"
                f"{'s' if len(self.plans) != 1 else ''} over {self.weeks} {week_word} "
                f"since {show_date(self.plans[0].start)}; {self.days_done} "
                f"day{'s' if self.days_done != 1 else ''} done")
        reviewed = [f"{n} {OUTCOME_WORDS[o]}" for o, n in self.outcomes.items() if n]
        if reviewed:
            text += f"; reviews: {', '.join(reviewed)}"
        text += "."
        if self.first and self.latest and self.first.id != self.latest.id \
                and self.first.describe() != self.latest.describe():
            text += f" Started with: {self.first.describe()}. Now: {self.latest.describe()}."
        return text


def longer_progress(goal: LongerGoal, plans: list[ActionPlan], days: list[GoalDay],
                    reviews: list[Review], today: date, week_starts: int = 0) -> LongerProgress:
    """The series of weekly plans under `goal`, and what they add up to."""
    mine = sorted((p for p in plans if p.goal_id == goal.id), key=lambda p: (p.start, p.created))
    ids = {p.id for p in mine}
    done_days = {(d.plan_id, d.date) for d in days if d.plan_id in ids and d.date <= today}
    outcomes = {o: 0 for o in OUTCOMES}
    for review in reviews:
        if review.plan_id in ids and review.outcome in outcomes:
            outcomes[review.outcome] += 1
    weeks = 0
    if mine:
        first = week_start(mine[0].start, week_starts)
        weeks = (week_start(today, week_starts) - first).days // 7 + 1
    return LongerProgress(goal, tuple(mine), max(weeks, 0), len({d for _p, d in done_days}),
                          outcomes, mine[0] if mine else None, mine[-1] if mine else None)


# -- period summary (GP sheet, peer card) --------------------------------------------------
def plan_last_week(plan: ActionPlan, reviews_by_plan: dict[str, Review], last_marked: date | None,
                   end: date, week_starts: int = 0) -> date:
    """The first day of the last week a plan was on the go (for period summaries)."""
    review = reviews_by_plan.get(plan.id)
    if review is not None:
        return review.week
    if plan.status == "active":
        return week_start(end, week_starts)
    stopped = plan.updated.astimezone().date()
    if last_marked is not None:
        stopped = max(stopped, last_marked)
    return week_start(max(stopped, plan.start), week_starts)


@dataclass(frozen=True)
class GoalsSummary:
    """Goals over a period, with the basis the numbers rest on."""

    start: date
    end: date
    weeks: int
    plans: tuple[str, ...]
    days_done: int
    days_planned: int
    outcomes: dict[str, int] = field(default_factory=dict)

    def sentence(self) -> str:
        period = f"{self.start.day} {self.start:%b} – {self.end.day} {self.end:%b}"
        if not self.plans:
            return (f"Goals: none set between {self.start.day} {self.start:%b} and "
                    f"{self.end.day} {self.end:%b}.")
        count = len(self.plans)
        text = (f"Goals, {period}: {count} weekly action plan{'s' if count != 1 else ''} "
                f"on the go ({', '.join(self.plans)}); days done {self.days_done} of "
                f"{self.days_planned} planned")
        week_word = "week" if self.weeks == 1 else "weeks"
        text += f" over {self.weeks} {week_word}"
        reviewed = [f"{n} {OUTCOME_WORDS[o]}" for o, n in self.outcomes.items() if n]
        if reviewed:
            text += f"; weekly reviews: {', '.join(reviewed)}"
        return text + "."


def summarise_goals(plans: list[ActionPlan], days: list[GoalDay], reviews: list[Review],
                    start: date, end: date, week_starts: int = 0) -> GoalsSummary:
    """Plans on the go in [start, end], counted in whole weeks.

    The weeks counted are those whose first day falls in the period (or, for a period shorter
    than that, the week holding `end`); the summary's start is the first of them. Days planned
    = days per week of each plan on the go in each such week; days done = distinct marked days
    in those weeks, up to `end`. A series of plans carried on week to week counts as one plan,
    named by its latest "what".
    """
    first_week = week_start(start, week_starts)
    if first_week < start:
        first_week += timedelta(days=7)
    if first_week > end:
        first_week = week_start(end, week_starts)
    weeks = []
    cursor = first_week
    while cursor <= end:
        weeks.append(cursor)
        cursor += timedelta(days=7)
    by_id = {p.id: p for p in plans}
    reviews_by_plan = {r.plan_id: r for r in reviews}
    last_marked: dict[str, date] = {}
    for d in days:
        if d.date > last_marked.get(d.plan_id, date.min):
            last_marked[d.plan_id] = d.date
    planned = 0
    done = 0
    names: dict[str, tuple[date, str]] = {}
    for plan in sorted(plans, key=lambda p: (p.start, p.created)):
        plan_first = week_start(plan.start, week_starts)
        plan_last = plan_last_week(plan, reviews_by_plan, last_marked.get(plan.id), end,
                                   week_starts)
        covered = [w for w in weeks if plan_first <= w <= plan_last]
        if not covered:
            continue
        root = chain_root(plan, by_id).id
        if root not in names or names[root][0] <= plan.start:
            names[root] = (plan.start, plan.what)
        for week in covered:
            planned += plan.days_per_week
            done += len([d for d in days_in_week(plan, days, week, week_starts) if d <= end])
    outcomes = {o: 0 for o in OUTCOMES}
    for review in reviews:
        if weeks and weeks[0] <= review.week <= end and review.outcome in outcomes:
            outcomes[review.outcome] += 1
    ordered = tuple(what for _start, what in sorted(names.values()))
    return GoalsSummary(first_week, end, len(weeks), ordered, done, planned, outcomes)
