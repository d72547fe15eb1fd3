"""`paceapp goal ...`: weekly action plans, days done, the weekly review, longer goals.

Wording follows DOMAIN.md's tone: no streaks, no "failed"; a confidence below 7 is saved and met
with a kind suggestion to make the plan smaller, never a refusal.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.params import DAY, DAY_AHEAD, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.goal_progress import longer_progress
from paceapp.core.goals import (
    OUTCOME_WORDS,
    ActionPlan,
    GoalDay,
    LongerGoal,
    Review,
    change_plan,
    every_day_note,
    mark_day,
    needs_smaller,
    new_longer_goal,
    new_plan,
    plan_on_day,
    plans_this_week,
    plans_to_review,
    progress_this_week,
    progress_words,
    review_is_early,
    review_plan,
    set_status,
    smaller_suggestion,
    status_message,
    week_end,
)
from paceapp.core.records import touched
from paceapp.core.settings import WEEKDAYS, Settings
from paceapp.core.timeparse import show_date, week_start
from paceapp.outputs.fold import NBSP, fold
from paceapp.outputs.tables import record_json, terminal_width
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings


@dataclass
class GoalsData:
    plans: list[ActionPlan]
    days: list[GoalDay]
    reviews: list[Review]
    longer: list[LongerGoal]
    week_starts: int


def load(journal: Journal) -> GoalsData:
    """Everything the goal commands show (an empty folder reads as no goals)."""
    if journal.folder is not None and not journal.folder.exists():
        return GoalsData([], [], [], [], 0)
    return GoalsData(journal.list(ActionPlan), journal.list(GoalDay), journal.list(Review),
                     journal.list(LongerGoal), load_settings(journal).week_starts)


def _shorten(text: str) -> str:
    return text.replace("\n", " ")


#: A plan's status in history lines ('done' read like the review outcome 'done').
STATUS_WORDS = {"active": "on the go", "paused": "paused", "done": "finished"}


def _width() -> int:
    """Sentences fold to the terminal, at most 80 cells wide (long lines are hard to read)."""
    return terminal_width(most=80)


def _fill(text: str, indent: str = "", more: int = 4, width: int | None = None) -> str:
    """`text` folded to the terminal's width, later lines indented `more` under the first."""
    return "\n".join(fold(text, width or _width(), indent, indent + " " * more))


def _fill_whole(lead: str, parts: tuple[str, ...], indent: str = "", more: int = 2,
                width: int | None = None) -> str:
    """Our words `lead` then `parts` (a command, options with their values), folded so that no
    part is split across two lines (unless it is longer than a line: then at its spaces)."""
    width = width or _width()
    room = width - len(indent) - more
    text = " ".join([lead, *(part.replace(" ", NBSP) if len(part) <= room else part
                             for part in parts)]).strip()
    return _fill(text, indent, more, width).replace(NBSP, " ")


#: The example in an empty list, in parts that stay whole. Folded, its first line alone is not a
#: complete command (--days-per-week and --confidence are required), so pasting part of it
#: changes nothing.
FIRST_PLAN_EXAMPLE = ("paceapp goal add", '"walk to the postbox"', '--how-much "10 minutes"',
                      '--when "after lunch"', "--days-per-week 3", "--confidence 8")


def _hint_smaller(plan: ActionPlan) -> str:
    fewer = f"--days-per-week {plan.days_per_week - 1} " if plan.days_per_week > 1 else ""
    return (f"{_fill(smaller_suggestion(plan.confidence), more=0)}\n"
            f"  To change it: paceapp goal change {plan.id[:8]} {fewer}--confidence N\n"
            f"  (N: how sure you are then; you can also change --how-much and --when)")


def _hint_every_day(plan: ActionPlan) -> None:
    note = every_day_note(plan.days_per_week)
    if note and not needs_smaller(plan.confidence):  # the smaller hint already covers it
        click.echo(_fill(note, more=0))


def _resolve_longer(journal: Journal, text: str, today: date) -> tuple[LongerGoal, bool]:
    """A longer goal by id (start of it) or by its words; a new one when neither matches."""
    wanted = " ".join(text.split()).lower()
    goals = journal.list(LongerGoal) if journal.folder is None or journal.folder.exists() else []
    by_id = [g for g in goals if len(wanted) >= 4 and g.id.startswith(wanted)]
    if len(by_id) == 1:
        return by_id[0], False
    by_words = [g for g in goals if g.what.lower() == wanted]
    if by_words:
        return by_words[-1], False
    return new_longer_goal(text, today), True


def _find_plan(journal: Journal, plan_id: str | None, data: GoalsData | None = None) -> ActionPlan:
    if plan_id:
        return journal.find(ActionPlan, plan_id)
    data = data or load(journal)
    active = [p for p in data.plans if p.status == "active"]
    if len(active) == 1:
        return active[0]
    if not active:
        raise ValidationError("There is no active action plan yet. Add one with "
                              "'paceapp goal add'.", "id")
    listed = "; ".join(f"{p.id[:8]} {p.what}" for p in active)
    raise ValidationError(f"Which plan? Give its id: {listed}.", "id")


def can_ask() -> bool:
    """True when a person is at a terminal to answer a question (not a script or a pipe)."""
    return bool(getattr(sys.stdin, "isatty", lambda: False)())


def ask(question: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, typed in full or its first letters; asks again, kindly, until then.
    (No answer at all - the input ended - stops with nothing changed, exit 2.)"""
    while True:
        typed = click.prompt(question, default="", show_default=False).strip().lower()
        found = [c for c in choices if typed and c.startswith(typed)]
        if len(found) == 1:
            return found[0]
        click.echo(f"Please type one of: {', '.join(choices)}.")


def _plan_to_mark(data: GoalsData, day: date) -> ActionPlan:
    """The one plan a day can be marked on: started, and active or reviewed for that week."""
    plans = plans_this_week(data.plans, data.reviews, day)
    if len(plans) == 1:
        return plans[0]
    if not plans:
        later = [p for p in data.plans if p.status == "active"]
        if later:
            first = min(later, key=lambda p: p.start)
            raise ValidationError(f"Your plan starts {show_date(first.start)}, so there is no "
                                  f"day to mark before then: {first.what}.", "id")
        raise ValidationError("There is no active action plan yet. Add one with "
                              "'paceapp goal add'.", "id")
    listed = "; ".join(f"{p.id[:8]} {p.what}" for p in plans)
    raise ValidationError(f"Which plan? Give its id: {listed}.", "id")


@click.group("goal")
def goal_group() -> None:
    """Weekly action plans: add, mark days done, review the week, longer goals.

    \b
    paceapp goal add "walk to the postbox" --days-per-week 3 --confidence 8
    paceapp goal mark              I did it today (the only plan on the go)
    paceapp goal review ID partly  how the week went (at the week's end)
    paceapp goal finish ID         end a plan for good ('paceapp undo' brings it back)
    """


@goal_group.command("add")
@click.argument("what")
@click.option("--how-much", default="", help="How much: '10 minutes', 'to the postbox'.")
@click.option("--when", "when_", default="", help="When: 'after lunch', 'Mon Wed Fri'.")
@click.option("--days-per-week", type=WholeNumber("days per week"), required=True,
              help="How many days this week, 1 to 7 (a few is often better than every day).")
@click.option("--confidence", type=WholeNumber("confidence"), required=True,
              help="How sure you are you can do it, 0 to 10.")
@click.option("--goal", "longer", default=None,
              help="A longer goal this step is towards (its id, or its words: a new one is made).")
@click.option("--start", type=DAY_AHEAD, default=None,
              help="First day of the plan (default today): today, tomorrow, Mon (the coming one), "
                   "7/12.")
@pass_env
def goal_add(env: Env, what: str, how_much: str, when_: str, days_per_week: int,
             confidence: int, longer: str | None, start: date | None) -> None:
    """Add this week's action plan: what, how much, when, how often, how sure."""
    journal = env.journal()
    today = env.today()
    plan = new_plan(what, how_much, when_, days_per_week, confidence, start or today)
    goal, created = None, False
    if longer is not None and longer.strip():
        goal, created = _resolve_longer(journal, longer, today)
        plan = dataclasses.replace(plan, goal_id=goal.id)
    with journal.transaction():
        if goal is not None and created:
            journal.add(goal)
        journal.add(plan)
    click.echo(f"Saved: {plan.describe()}; confidence {plan.confidence}/10.  (id {plan.id[:8]})")
    if goal is not None:
        click.echo(f"{'New longer goal' if created else 'Towards'}: {goal.what}  (id {goal.id[:8]})")
    if needs_smaller(plan.confidence):
        click.echo(_hint_smaller(plan))
    _hint_every_day(plan)


@goal_group.command("change")
@click.argument("plan_id", metavar="ID")
@click.option("--what", default=None)
@click.option("--how-much", default=None)
@click.option("--when", "when_", default=None)
@click.option("--days-per-week", type=WholeNumber("days per week"), default=None)
@click.option("--confidence", type=WholeNumber("confidence"), default=None)
@pass_env
def goal_change(env: Env, plan_id: str, what: str | None, how_much: str | None,
                when_: str | None, days_per_week: int | None, confidence: int | None) -> None:
    """Change a plan - e.g. make it smaller or easier. 'paceapp undo' puts it back."""
    journal = env.journal()
    plan = journal.find(ActionPlan, plan_id)
    changes = {k: v for k, v in (("what", what), ("how_much", how_much), ("when", when_),
                                  ("days_per_week", days_per_week), ("confidence", confidence))
               if v is not None}
    if not changes:
        raise ValidationError("Say what to change, e.g. --days-per-week 2 or --how-much "
                              "'5 minutes'.", "field")
    changed = journal.update(change_plan(plan, **changes))
    click.echo(f"Changed: {changed.describe()}; confidence {changed.confidence}/10.")
    if needs_smaller(changed.confidence):
        click.echo(_hint_smaller(changed))
    if days_per_week is not None:
        _hint_every_day(changed)


@goal_group.command("mark")
@click.argument("plan_id", metavar="[ID]", required=False)
@click.option("--date", "day", type=DAY, default=None, help="The day you did it (default today).")
@pass_env
def goal_mark(env: Env, plan_id: str | None, day: date | None) -> None:
    """I did it: mark today (or --date) done for a plan (the only plan on the go when no ID is
    given). 'paceapp undo' takes it back."""
    journal = env.journal()
    today = env.today()
    data = load(journal)
    day = day or today
    if plan_id:
        plan = plan_on_day(journal.find(ActionPlan, plan_id), day, data.plans, data.reviews)
    else:
        plan = _plan_to_mark(data, day)
    marked = mark_day(plan, day, today, data.days, data.reviews)
    journal.add(marked)
    done, planned = progress_this_week(plan, [*data.days, marked], today, data.week_starts)
    click.echo(f"Marked {show_date(marked.date)} done: {plan.what}. {progress_words(done, planned)}.")


def _set_status(env: Env, plan_id: str, status: str) -> bool:
    """Change a plan's status; False (and a plain line) when it already had it."""
    journal = env.journal()
    plan = journal.find(ActionPlan, plan_id)
    if plan.status == status:
        click.echo(f"'{plan.what}' is already {STATUS_WORDS.get(status, status)}. "
                   "Nothing was changed.")
        return False
    reviews = journal.list(Review) if status == "active" else []
    journal.update(set_status(plan, status, reviews))
    click.echo(status_message(plan, status))
    return True


def _finish(env: Env, plan_id: str) -> None:
    if _set_status(env, plan_id, "done"):
        click.echo(f"(It moves to history; 'paceapp undo' brings it back. To mark just one day "
                   f"done, use 'paceapp goal mark {plan_id}'.)")


def which_done(plan_id: str) -> str:
    """The question `goal done` asks: people type it meaning "I did it today"."""
    return (f"Did you mean: mark today done (paceapp goal mark {plan_id}), or finish this plan "
            f"for good (paceapp goal finish {plan_id})?")


@goal_group.command("finish")
@click.argument("plan_id", metavar="ID")
@pass_env
def goal_finish(env: Env, plan_id: str) -> None:
    """Finish a plan for good (it moves to history; 'paceapp undo' brings it back)."""
    _finish(env, plan_id)


@goal_group.command("done")
@click.argument("plan_id", metavar="ID")
@click.option("--finish", "--yes", "-y", "finish", is_flag=True,
              help="Finish the plan for good without asking (as 'goal finish').")
@pass_env
def goal_done(env: Env, plan_id: str, finish: bool) -> None:
    """Asks: mark today done ('goal mark') or finish the plan ('goal finish')?

    Without a terminal to ask on, nothing is changed (exit 2) unless --finish (or --yes) is given.
    """
    env.journal().find(ActionPlan, plan_id)  # a wrong id is named before any question
    if finish:
        _finish(env, plan_id)
        return
    if not can_ask():
        raise ValidationError(f"{which_done(plan_id)} Nothing was changed. (From a script, "
                              f"'paceapp goal done {plan_id} --yes' finishes it.)", "id")
    click.echo(_fill(which_done(plan_id), more=0))
    answer = ask("Type mark, finish or neither", ("mark", "finish", "neither"))
    if answer == "finish":
        _finish(env, plan_id)
    elif answer == "mark":
        click.get_current_context().invoke(goal_mark, plan_id=plan_id, day=None)
    else:
        click.echo("Fine. Nothing was changed.")


@goal_group.command("pause")
@click.argument("plan_id", metavar="ID")
@pass_env
def goal_pause(env: Env, plan_id: str) -> None:
    """Pause a plan for now (resume it later)."""
    _set_status(env, plan_id, "paused")


@goal_group.command("resume")
@click.argument("plan_id", metavar="ID")
@pass_env
def goal_resume(env: Env, plan_id: str) -> None:
    """Make a paused (or finished) plan active again."""
    _set_status(env, plan_id, "active")


@goal_group.command("review")
@click.argument("plan_id", metavar="ID")
@click.argument("outcome", metavar="done|partly|not-this-time")
@click.option("--got-in-way", default="", help="What got in the way (optional).")
@click.option("--next", "next_step", default=None,
              help="keep (the default), change, or pause: next week's plan starts from this one.")
@click.option("--note", default="", help="Anything else, e.g. what helped.")
@click.option("--week", type=DAY, default=None,
              help="Any day in the week being reviewed (default this week).")
@click.option("--what", default=None, help="For next week: a new 'what'.")
@click.option("--how-much", default=None, help="For next week: how much.")
@click.option("--when", "when_", default=None, help="For next week: when.")
@click.option("--days-per-week", type=WholeNumber("days per week"), default=None,
              help="For next week: days per week.")
@click.option("--confidence", type=WholeNumber("confidence"), default=None,
              help="For next week: how sure, 0 to 10.")
@click.option("--now", "now", is_flag=True,
              help="Review this week before its last day without being asked (its days still "
                   "count; next week's plan starts when the week ends).")
@pass_env
def goal_review(env: Env, plan_id: str, outcome: str, got_in_way: str, next_step: str | None,
                note: str, week: date | None, what: str | None, how_much: str | None,
                when_: str | None, days_per_week: int | None, confidence: int | None,
                now: bool) -> None:
    """Review a plan's week: how it went, what got in the way, and what next.

    Before the week's last day it asks "review now, or on that day?" (or give --now).
    """
    journal = env.journal()
    today = env.today()
    data = load(journal)
    plan = journal.find(ActionPlan, plan_id)
    changes = {k: v for k, v in (("what", what), ("how_much", how_much), ("when", when_),
                                  ("days_per_week", days_per_week), ("confidence", confidence))
               if v is not None}
    if next_step == "change" and not changes:
        raise ValidationError("Say what to change for next week, e.g. --days-per-week 2 or "
                              "--how-much '5 minutes' (or use --next keep).", "next_step")
    if changes and next_step == "pause":
        raise ValidationError("A paused plan has no next week to change. Leave out --next pause, "
                              "or the changes.", "next_step")
    result = review_plan(plan, outcome, week=week or today, today=today,
                         week_starts=data.week_starts, got_in_way=got_in_way,
                         next_step=next_step or ("change" if changes else "keep"), note=note,
                         changes=changes, reviews=data.reviews)
    if not now and review_is_early(result.review.week, today, data.week_starts):
        if not _review_now(plan, outcome, result.review.week, data.week_starts):
            return
    save_review(journal, result.review, result.plan, result.next_plan)
    done, planned = progress_this_week(plan, data.days, result.review.week, data.week_starts)
    click.echo(f"Reviewed the week from {show_date(result.review.week)}: {plan.what} - "
               f"{OUTCOME_WORDS[result.review.outcome]} ({done} of {planned} days marked).")
    if result.review.week <= today < result.review.week + timedelta(days=6):
        click.echo(f"Days left in this week still count: paceapp goal mark {plan.id[:8]}")
    if result.next_plan is not None:
        nxt = result.next_plan
        click.echo(_fill(f"Next plan from {show_date(nxt.start)}: {nxt.describe()}; "
                         f"confidence {nxt.confidence}/10.  (id {nxt.id[:8]})", "", 2))
        if needs_smaller(nxt.confidence):
            click.echo(_hint_smaller(nxt))
    else:
        click.echo(f"Paused: {plan.what}. Resume it any time: paceapp goal resume {plan.id[:8]}")


def _review_now(plan: ActionPlan, outcome: str, week: date, week_starts: int) -> bool:
    """Asked before the week's last day: review now (True), or on that day (False)?

    Without a terminal to ask on, nothing is changed and exit 2 names --now and the day."""
    last = week_end(week, week_starts)
    later = f"paceapp goal review {plan.id[:8]} {outcome}"
    if not can_ask():
        raise ValidationError(
            f"This week runs until {show_date(last)}. Review it on {show_date(last)} ({later}), "
            f"or add --now to review it today: this week's days still count and can still be "
            f"marked, and next week's plan starts {show_date(last + timedelta(days=1))}. "
            "Nothing was changed.", "now")
    click.echo(_fill(f"This week runs until {show_date(last)}. If you review now, this week's "
                     "days still count and can still be marked; next week's plan starts "
                     f"{show_date(last + timedelta(days=1))}.", more=0))
    answer = ask(f"Review now, or on {show_date(last)}? Type now or later", ("now", "later"))
    if answer == "now":
        return True
    click.echo(_fill_whole(f"Fine - nothing was changed. On {show_date(last)}:", (later,)))
    return False


def save_review(journal: Journal, review: Review, plan: ActionPlan,
                next_plan: ActionPlan | None) -> None:
    """Store a review, the reviewed plan's new status and the next plan, together."""
    with journal.transaction():
        journal.add(review)
        journal.update(plan)
        if next_plan is not None:
            journal.add(next_plan)


def plan_json(plan: ActionPlan, data: GoalsData, today: date) -> dict[str, Any]:
    done, planned = progress_this_week(plan, data.days, today, data.week_starts)
    review = next((r for r in data.reviews if r.plan_id == plan.id), None)
    longer = next((g for g in data.longer if g.id == plan.goal_id), None)
    this_week = week_start(today, data.week_starts).isoformat()
    return {**record_json(plan),
            "this_week": {"done": done, "planned": planned, "week_start": this_week},
            "days_done": [d.date.isoformat() for d in data.days if d.plan_id == plan.id],
            "review": record_json(review) if review else None,
            "longer_goal": longer.what if longer else None}


@goal_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include finished plans and past reviews.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON document: every plan (any status), each with this week's days done "
                   "and its review.")
@pass_env
def goal_list(env: Env, show_all: bool, as_json: bool) -> None:
    """This week's action plans with days done, then paused ones and longer goals."""
    today = env.today()
    data = load(env.journal())
    if as_json:  # CLI.md: a list of records, each with its id
        click.echo(json.dumps([plan_json(p, data, today) for p in data.plans],
                              ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(list_lines(data, today, show_all)))


def list_lines(data: GoalsData, today: date, show_all: bool = False) -> list[str]:
    this_week = week_start(today, data.week_starts)
    width = _width() - 2  # two cells spare, as before
    lines = [f"Action plans - week from {show_date(this_week)}"]
    groups = [("active", "On the go"), ("paused", "Paused")]
    if show_all:
        groups.append(("done", "Finished"))
    any_plan = False
    this_week_plans = plans_this_week(data.plans, data.reviews, today)
    held = {p.id for p in this_week_plans if p.status != "active"}
    for status, title in groups:
        if status == "active":  # with plans reviewed early: their week is still under way
            plans = [p for p in data.plans if p.status == "active" or p.id in held]
        else:
            plans = [p for p in data.plans if p.status == status and p.id not in held]
        if not plans:
            continue
        any_plan = True
        lines.append(f"{title}:")
        for plan in plans:
            lines.append(_fill(f"{plan.id[:8]}  {_shorten(plan.describe())}", "  ", 10,
                               width))
            details = [f"sure {plan.confidence}/10"]
            if status == "active":
                if plan.start > today and plan.status == "active":
                    details.insert(0, f"starts {show_date(plan.start)}")
                else:
                    details.insert(0, progress_words(*progress_this_week(
                        plan, data.days, today, data.week_starts)))
            else:
                details.insert(0, f"from {show_date(plan.start, today)}")
            review = next((r for r in data.reviews if r.plan_id == plan.id), None)
            if review is not None:
                details.append(f"reviewed: {OUTCOME_WORDS[review.outcome]}")
            longer = next((g for g in data.longer if g.id == plan.goal_id), None)
            if longer is not None:
                details.append(f"towards: {longer.what}")
            lines.append(_fill(" · ".join(details), " " * 12, 0, width))
    if not any_plan:
        lines.append(_fill("No action plans yet. Start small, for example:", more=2,
                           width=width))
        lines.append(_fill_whole("", FIRST_PLAN_EXAMPLE, "  ", 2, width))
    live = [g for g in data.longer if g.status != "done" or show_all]
    if live:
        lines.append("Longer goals:")
        for goal in live:
            progress = longer_progress(goal, data.plans, data.days, data.reviews, today,
                                       data.week_starts)
            lines.append(_fill(f"{goal.id[:8]}  {progress.sentence()}", "  ", 10, width))
    due = plans_to_review(data.plans, data.reviews, today, data.week_starts)
    if due:
        lines.append("Mark a day: paceapp goal mark ID")
        lines.append(_fill_whole("Review the week:",
                                 ("paceapp goal review ID", "done|partly|not-this-time"),
                                 width=width))
        lines.append(f"  ({len(due)} to review; skipping is fine.)")
    return lines


@goal_group.command("history")
@click.argument("plan_id", metavar="[ID]", required=False)
@pass_env
def goal_history(env: Env, plan_id: str | None) -> None:
    """Every weekly plan (or one plan's series), with days done and reviews."""
    from paceapp.core.goals import series

    today = env.today()
    journal = env.journal()
    data = load(journal)
    plans = data.plans
    if plan_id:
        plans = series(journal.find(ActionPlan, plan_id), data.plans)
    if not plans:
        click.echo("No action plans yet.")
        return
    for plan in sorted(plans, key=lambda p: (p.start, p.created)):
        marked = sorted(d.date for d in data.days if d.plan_id == plan.id)
        status = STATUS_WORDS.get(plan.status, plan.status)
        click.echo(_fill(f"{show_date(plan.start, today)}  {plan.id[:8]}  "
                         f"{_shorten(plan.describe())} (sure {plan.confidence}/10, {status})", "", 12))
        click.echo(_fill(f"days done: {len(marked)}" + (
            f" ({', '.join(show_date(d) for d in marked)})" if marked else ""), "    "))
        review = next((r for r in data.reviews if r.plan_id == plan.id), None)
        if review is not None:
            extra = f"; in the way: {_shorten(review.got_in_way)}" if review.got_in_way else ""
            click.echo(_fill(f"review: {OUTCOME_WORDS[review.outcome]}{extra}; next: "
                             f"{review.next_step}", "    "))


@goal_group.group("longer")
def longer_group() -> None:
    """Longer goals ("walk to the shop again by spring") and how far they have come."""


@longer_group.command("add")
@click.argument("what")
@click.option("--by", "by_when", default="", help="By when, in your words: 'by spring'.")
@pass_env
def longer_add(env: Env, what: str, by_when: str) -> None:
    """Add a longer goal; weekly plans can then point to it with --goal."""
    goal = env.journal().add(new_longer_goal(what, env.today(), by_when))
    click.echo(f"Saved longer goal: {goal.what}.  (id {goal.id[:8]})\n"
               f"Add a first small step: paceapp goal add WHAT --goal {goal.id[:8]} ...")


@longer_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON document.")
@pass_env
def longer_list(env: Env, as_json: bool) -> None:
    """Longer goals with their weekly plans so far."""
    today = env.today()
    data = load(env.journal())
    progress = [longer_progress(g, data.plans, data.days, data.reviews, today, data.week_starts)
                for g in data.longer]
    if as_json:
        click.echo(json.dumps([{**record_json(p.goal), "plans": [x.id for x in p.plans],
                                "weeks": p.weeks, "days_done": p.days_done,
                                "outcomes": p.outcomes, "progress": p.sentence()}
                               for p in progress], ensure_ascii=False, indent=2))
        return
    if not progress:
        click.echo("No longer goals yet. Add one: paceapp goal longer add \"walk to the shop "
                   "again\" --by \"spring\"")
        return
    for item in progress:
        by = f" ({item.goal.by_when})" if item.goal.by_when else ""
        click.echo(_fill(f"{item.goal.id[:8]}  [{item.goal.status}]{by} {item.sentence()}",
                         more=10))


@longer_group.command("done")
@click.argument("goal_id", metavar="ID")
@pass_env
def longer_done(env: Env, goal_id: str) -> None:
    """Mark a longer goal as reached (or finished with)."""
    journal = env.journal()
    goal = journal.find(LongerGoal, goal_id)
    if goal.status == "done":
        click.echo(f"'{goal.what}' is already done. Nothing was changed.")
        return
    journal.update(touched(goal, status="done"))
    click.echo(f"Done: {goal.what}. That took steady work - well done.")


def parse_weekday(text: str) -> int:
    cleaned = text.strip().lower()
    if cleaned.isascii() and cleaned.isdigit() and 0 <= int(cleaned) <= 6:
        return int(cleaned)
    for number, name in enumerate(WEEKDAYS):
        if len(cleaned) >= 3 and name.lower().startswith(cleaned):
            return number
    raise ValidationError(f"'{text}' is not a day of the week. Write a day like monday or "
                          "sunday.", "week_starts")


@goal_group.command("week-starts")
@click.argument("day", required=False)
@pass_env
def goal_week_starts(env: Env, day: str | None) -> None:
    """Show or set the day your week starts (Monday unless you change it)."""
    journal = env.journal()
    exists = journal.folder is None or journal.folder.exists()
    settings = load_settings(journal) if exists else Settings()
    if day is None:
        click.echo(f"Weeks start on {WEEKDAYS[settings.week_starts]}.")
        return
    number = parse_weekday(day)
    journal.put_single(dataclasses.replace(settings, week_starts=number))
    click.echo(f"Weeks now start on {WEEKDAYS[number]}. Days done count from then.")


def register(cli: click.Group) -> None:
    cli.add_command(goal_group)
