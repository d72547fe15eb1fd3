"""Goals as text for the terminal: `paceapp goal list`, `history`, `longer list` and the hints
after a plan is saved.

Wording follows DOMAIN.md's tone: no streaks, no "failed"; a confidence below 7 is met with a
kind suggestion to make the plan smaller, never a refusal.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from paceapp.core.goal_progress import LongerProgress, longer_progress
from paceapp.core.goals import (
    OUTCOME_WORDS,
    ActionPlan,
    GoalsView,
    every_day_note,
    needs_smaller,
    plans_this_week,
    plans_to_review,
    progress_this_week,
    progress_words,
    smaller_suggestion,
)
from paceapp.core.timeparse import show_date, week_start
from paceapp.outputs.fold import NBSP, fold
from paceapp.outputs.tables import record_json, terminal_width

#: A plan's status in history lines ('done' read like the review outcome 'done').
STATUS_WORDS = {"active": "on the go", "paused": "paused", "done": "finished"}

#: The example in an empty list, in parts that stay whole. Folded, its first line alone is not a
#: complete command (--days-per-week and --confidence are required), so pasting part of it
#: changes nothing.
FIRST_PLAN_EXAMPLE = ("paceapp goal add", '"walk to the postbox"', '--how-much "10 minutes"',
                      '--when "after lunch"', "--days-per-week 3", "--confidence 8")


def shorten(text: str) -> str:
    return text.replace("\n", " ")


def width() -> int:
    """Sentences fold to the terminal, at most 80 cells wide (long lines are hard to read)."""
    return terminal_width(most=80)


def fill(text: str, indent: str = "", more: int = 4, width_: int | None = None) -> str:
    """`text` folded to the terminal's width, later lines indented `more` under the first."""
    return "\n".join(fold(text, width_ or width(), indent, indent + " " * more))


def fill_whole(lead: str, parts: tuple[str, ...], indent: str = "", more: int = 2,
               width_: int | None = None) -> str:
    """Our words `lead` then `parts` (a command, options with their values), folded so that no
    part is split across two lines (unless it is longer than a line: then at its spaces)."""
    width_ = width_ or width()
    room = width_ - len(indent) - more
    text = " ".join([lead, *(part.replace(" ", NBSP) if len(part) <= room else part
                             for part in parts)]).strip()
    return fill(text, indent, more, width_).replace(NBSP, " ")


def hint_smaller(plan: ActionPlan) -> str:
    """Below 7 out of 10: the kind suggestion, and how to change the plan."""
    fewer = f"--days-per-week {plan.days_per_week - 1} " if plan.days_per_week > 1 else ""
    return (f"{fill(smaller_suggestion(plan.confidence), more=0)}\n"
            f"  To change it: paceapp goal change {plan.id[:8]} {fewer}--confidence N\n"
            f"  (N: how sure you are then; you can also change --how-much and --when)")


def every_day_hint(plan: ActionPlan) -> str | None:
    """The note about every day, unless the smaller hint (which covers it) is shown."""
    note = every_day_note(plan.days_per_week)
    if note and not needs_smaller(plan.confidence):
        return fill(note, more=0)
    return None


def plan_json(plan: ActionPlan, view: GoalsView) -> dict[str, Any]:
    """One plan with this week's days done, every day marked, its review and longer goal."""
    done, planned = view.progress(plan)
    review = view.review_of(plan)
    longer = view.longer_of(plan)
    return {**record_json(plan),
            "this_week": {"done": done, "planned": planned,
                          "week_start": view.week.isoformat()},
            "days_done": [d.date.isoformat() for d in view.days if d.plan_id == plan.id],
            "review": record_json(review) if review else None,
            "longer_goal": longer.what if longer else None}


def list_lines(view: GoalsView, show_all: bool = False) -> list[str]:
    """`paceapp goal list`: this week's plans with days done, paused (and finished) ones,
    longer goals, and what to do next."""
    today = view.today
    this_week = week_start(today, view.week_starts)
    width_ = width() - 2  # two cells spare, as before
    lines = [f"Action plans - week from {show_date(this_week)}"]
    groups = [("active", "On the go"), ("paused", "Paused")]
    if show_all:
        groups.append(("done", "Finished"))
    any_plan = False
    this_week_plans = plans_this_week(view.plans, view.reviews, today)
    held = {p.id for p in this_week_plans if p.status != "active"}
    for status, title in groups:
        if status == "active":  # with plans reviewed early: their week is still under way
            plans = [p for p in view.plans if p.status == "active" or p.id in held]
        else:
            plans = [p for p in view.plans if p.status == status and p.id not in held]
        if not plans:
            continue
        any_plan = True
        lines.append(f"{title}:")
        for plan in plans:
            lines.append(fill(f"{plan.id[:8]}  {shorten(plan.describe())}", "  ", 10, width_))
            details = [f"sure {plan.confidence}/10"]
            if status == "active":
                if plan.start > today and plan.status == "active":
                    details.insert(0, f"starts {show_date(plan.start)}")
                else:
                    details.insert(0, progress_words(*progress_this_week(
                        plan, view.days, today, view.week_starts)))
            else:
                details.insert(0, f"from {show_date(plan.start, today)}")
            review = view.review_of(plan)
            if review is not None:
                details.append(f"reviewed: {OUTCOME_WORDS[review.outcome]}")
            longer = view.longer_of(plan)
            if longer is not None:
                details.append(f"towards: {longer.what}")
            lines.append(fill(" · ".join(details), " " * 12, 0, width_))
    if not any_plan:
        lines.append(fill("No action plans yet. Start small, for example:", more=2,
                          width_=width_))
        lines.append(fill_whole("", FIRST_PLAN_EXAMPLE, "  ", 2, width_))
    live = [g for g in view.longer if g.status != "done" or show_all]
    if live:
        lines.append("Longer goals:")
        for goal in live:
            progress = longer_progress(goal, view.plans, view.days, view.reviews, today,
                                       view.week_starts)
            lines.append(fill(f"{goal.id[:8]}  {progress.sentence()}", "  ", 10, width_))
    due = plans_to_review(view.plans, view.reviews, today, view.week_starts)
    if due:
        lines.append("Mark a day: paceapp goal mark ID")
        lines.append(fill_whole("Review the week:",
                                ("paceapp goal review ID", "done|partly|not-this-time"),
                                width_=width_))
        lines.append(f"  ({len(due)} to review; skipping is fine.)")
    return lines


def history_lines(view: GoalsView, plans: list[ActionPlan]) -> list[str]:
    """`paceapp goal history`: each plan in `plans` with its days done and its review."""
    if not plans:
        return ["No action plans yet."]
    lines = []
    for plan in sorted(plans, key=lambda p: (p.start, p.created)):
        marked = sorted(d.date for d in view.days if d.plan_id == plan.id)
        status = STATUS_WORDS.get(plan.status, plan.status)
        lines.append(fill(f"{show_date(plan.start, view.today)}  {plan.id[:8]}  "
                          f"{shorten(plan.describe())} (sure {plan.confidence}/10, {status})",
                          "", 12))
        lines.append(fill(f"days done: {len(marked)}" + (
            f" ({', '.join(show_date(d) for d in marked)})" if marked else ""), "    "))
        review = view.review_of(plan)
        if review is not None:
            extra = f"; in the way: {shorten(review.got_in_way)}" if review.got_in_way else ""
            lines.append(fill(f"review: {OUTCOME_WORDS[review.outcome]}{extra}; next: "
                              f"{review.next_step}", "    "))
    return lines


def longer_progress_all(view: GoalsView) -> list[LongerProgress]:
    """How far each longer goal has come."""
    return [longer_progress(g, view.plans, view.days, view.reviews, view.today,
                            view.week_starts) for g in view.longer]


def longer_json(progress: list[LongerProgress]) -> list[dict[str, Any]]:
    return [{**record_json(p.goal), "plans": [x.id for x in p.plans], "weeks": p.weeks,
             "days_done": p.days_done, "outcomes": p.outcomes, "progress": p.sentence()}
            for p in progress]


def longer_lines(progress: list[LongerProgress]) -> list[str]:
    """`paceapp goal longer list`: each longer goal and how far it has come."""
    if not progress:
        return ["No longer goals yet. Add one: paceapp goal longer add \"walk to the shop "
                "again\" --by \"spring\""]
    lines = []
    for item in progress:
        by = f" ({item.goal.by_when})" if item.goal.by_when else ""
        lines.append(fill(f"{item.goal.id[:8]}  [{item.goal.status}]{by} {item.sentence()}",
                          more=10))
    return lines


def review_lines(plan: ActionPlan, review_week: date, outcome: str, done: int, planned: int,
                 next_plan: ActionPlan | None, today: date) -> list[str]:
    """What `paceapp goal review` says after saving."""
    lines = [f"Reviewed the week from {show_date(review_week)}: {plan.what} - "
             f"{OUTCOME_WORDS[outcome]} ({done} of {planned} days marked)."]
    if review_week <= today < review_week + timedelta(days=6):
        lines.append(f"Days left in this week still count: paceapp goal mark {plan.id[:8]}")
    if next_plan is not None:
        lines.append(fill(f"Next plan from {show_date(next_plan.start)}: "
                          f"{next_plan.describe()}; confidence {next_plan.confidence}/10.  "
                          f"(id {next_plan.id[:8]})", "", 2))
        if needs_smaller(next_plan.confidence):
            lines.append(hint_smaller(next_plan))
    else:
        lines.append(f"Paused: {plan.what}. Resume it any time: paceapp goal resume "
                     f"{plan.id[:8]}")
    return lines
