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
from paceapp.core.value import Value


@dataclass(frozen=True, eq=False, repr=False)
class LongerProgress(Value):
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


@dataclass(frozen=True, eq=False, repr=False)
class GoalsSummary(Value):
    """Goals over a period, with the basis the numbers rest on.

    `start` and `end` are the period asked for (the sheet's or report's header), `end` never
    after today. `days_done` counts the whole period; the comparison with the days planned is over
    the whole weeks inside it that have ended (`weeks`, from `first_week`), because a plan is a
    number of days a week: a part week, or a week still under way, has no fair "planned" count.
    """

    start: date
    end: date
    weeks: int
    plans: tuple[str, ...]
    days_done: int
    days_planned: int
    outcomes: dict[str, int] = field(default_factory=dict)
    first_week: date | None = None
    weeks_done: int = 0  # days done in those whole weeks

    def period_text(self) -> str:
        return f"{show_date(self.start, self.end)} – {show_date(self.end)}"

    def sentence(self) -> str:
        period = self.period_text()
        if not self.plans:
            return f"Goals: no weekly action plan on the go {period}."
        count = len(self.plans)
        text = (f"Goals, {period}: {count} weekly action plan{'s' if count != 1 else ''} "
                f"on the go; {self.days_done} "
                f"day{'s' if self.days_done != 1 else ''} done")
        if not self.weeks or self.first_week is None:
            return text + ("; no whole week in this period has ended yet, so nothing to compare "
                           "with the days planned.")
        last = self.first_week + timedelta(days=7 * self.weeks - 1)
        week_word = "week" if self.weeks == 1 else "weeks"
        text += (f"; in the {'' if self.weeks == 1 else f'{self.weeks} '}whole {week_word} "
                 f"{show_date(self.first_week, self.end)} – {show_date(last, self.end)}: "
                 f"{self.weeks_done} of {self.days_planned} planned days done")
        reviewed = [f"{n} {OUTCOME_WORDS[o]}" for o, n in self.outcomes.items() if n]
        if reviewed:
            text += f"; weekly reviews of {'that week' if self.weeks == 1 else 'those weeks'}: "
            text += ", ".join(reviewed)
        return text + "."


def summarise_goals(plans: list[ActionPlan], days: list[GoalDay], reviews: list[Review],
                    start: date, end: date, week_starts: int = 0,
                    today: date | None = None) -> GoalsSummary:
    """Plans on the go in [start, end] (end no later than `today`), as the header states it.

    Days done: distinct marked days of each plan on the go, inside the period. Days planned: each
    plan's days per week, for every whole week inside the period that has ended by the period's
    last day (none of it in the future); days done in those same weeks are counted beside them,
    and the weekly reviews of those weeks. A series of plans carried on week to week counts as one
    plan, named by its latest "what".
    """
    if today is not None:
        end = min(end, today)
    first_week = week_start(start, week_starts)
    if first_week < start:
        first_week += timedelta(days=7)
    whole = []
    cursor = first_week
    while cursor + timedelta(days=6) <= end:
        whole.append(cursor)
        cursor += timedelta(days=7)
    by_id = {p.id: p for p in plans}
    reviews_by_plan = {r.plan_id: r for r in reviews}
    last_marked: dict[str, date] = {}
    for d in days:
        if d.date > last_marked.get(d.plan_id, date.min):
            last_marked[d.plan_id] = d.date
    planned = done = done_whole = 0
    names: dict[str, tuple[date, str]] = {}
    for plan in sorted(plans, key=lambda p: (p.start, p.created)):
        plan_first = week_start(plan.start, week_starts)
        plan_last = plan_last_week(plan, reviews_by_plan, last_marked.get(plan.id), end,
                                   week_starts)
        # Every week of the plan that touches the period.
        week = max(plan_first, week_start(start, week_starts))
        touched = []
        while week <= plan_last and week <= end:
            touched.append(week)
            week += timedelta(days=7)
        if not touched:
            continue
        root = chain_root(plan, by_id).id
        if root not in names or names[root][0] <= plan.start:
            names[root] = (plan.start, plan.what)
        for week in touched:
            marked = [d for d in days_in_week(plan, days, week, week_starts) if start <= d <= end]
            done += len(marked)
            if week in whole:
                planned += plan.days_per_week
                done_whole += len(marked)
    outcomes = {o: 0 for o in OUTCOMES}
    for review in reviews:
        if review.week in whole and review.outcome in outcomes:
            outcomes[review.outcome] += 1
    ordered = tuple(what for _start, what in sorted(names.values()))
    return GoalsSummary(start, end, len(whole), ordered, done, planned, outcomes,
                        whole[0] if whole else None, done_whole)
