"""`paceapp goal ...`: weekly action plans, days done, the weekly review, longer goals.

Wording follows DOMAIN.md's tone: no streaks, no "failed"; a confidence below 7 is saved and met
with a kind suggestion to make the plan smaller, never a refusal.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta

import click

from paceapp.app.goals import (
    add_longer_goal,
    add_plan,
    change_plan,
    check_review,
    find_plan,
    finish_longer_goal,
    load_goals,
    load_week_starts,
    mark_done,
    plan_series,
    save_review,
    set_plan_status,
    set_week_starts,
)
from paceapp.cli.context import Env, pass_env
from paceapp.cli.params import DAY, DAY_AHEAD, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.goals import (
    ActionPlan,
    GoalsView,
    needs_smaller,
    new_longer_goal,
    new_plan,
    plans_this_week,
    progress_words,
    review_is_early,
    status_message,
    week_end,
)
from paceapp.core.settings import WEEKDAYS
from paceapp.core.timeparse import show_date
from paceapp.outputs.goals import (
    STATUS_WORDS,
    every_day_hint,
    fill,
    fill_whole,
    hint_smaller,
    history_lines,
    list_lines,
    longer_json,
    longer_lines,
    longer_progress_all,
    plan_json,
    review_lines,
)


def _hint_every_day(plan: ActionPlan) -> None:
    hint = every_day_hint(plan)
    if hint:
        click.echo(hint)


def _phrased(error: ValidationError, words: str, ours: str) -> ValidationError:
    """`error` with the command for it in place of the core's plain `words`."""
    return ValidationError.many([(field, message.replace(words, ours))
                                 for field, message in error.problems])


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


def _plan_to_mark(data: GoalsView, day: date) -> ActionPlan:
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
    today = env.today()
    plan = new_plan(what, how_much, when_, days_per_week, confidence, start or today)
    plan, goal, created = add_plan(env.journal(), plan, towards=longer, today=today)
    click.echo(f"Saved: {plan.describe()}; confidence {plan.confidence}/10.  (id {plan.id[:8]})")
    if goal is not None:
        click.echo(f"{'New longer goal' if created else 'Towards'}: {goal.what}  (id {goal.id[:8]})")
    if needs_smaller(plan.confidence):
        click.echo(hint_smaller(plan))
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
    find_plan(journal, plan_id)  # a wrong id is named first
    changes = {k: v for k, v in (("what", what), ("how_much", how_much), ("when", when_),
                                  ("days_per_week", days_per_week), ("confidence", confidence))
               if v is not None}
    if not changes:
        raise ValidationError("Say what to change, e.g. --days-per-week 2 or --how-much "
                              "'5 minutes'.", "field")
    changed = change_plan(journal, plan_id, changes)
    click.echo(f"Changed: {changed.describe()}; confidence {changed.confidence}/10.")
    if needs_smaller(changed.confidence):
        click.echo(hint_smaller(changed))
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
    day = day or today
    if not plan_id:
        plan_id = _plan_to_mark(load_goals(journal, today), day).id
    try:
        marked, plan, done, planned = mark_done(journal, plan_id, day, today)
    except ValidationError as error:
        raise _phrased(error, "Resume it first,",
                       f"Resume it first (paceapp goal resume {plan_id[:8]}),") from None
    click.echo(f"Marked {show_date(marked.date)} done: {plan.what}. {progress_words(done, planned)}.")


def _set_status(env: Env, plan_id: str, status: str) -> bool:
    """Change a plan's status; False (and a plain line) when it already had it."""
    plan, changed = set_plan_status(env.journal(), plan_id, status)
    if not changed:
        click.echo(f"'{plan.what}' is already {STATUS_WORDS.get(status, status)}. "
                   "Nothing was changed.")
        return False
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
    find_plan(env.journal(), plan_id)  # a wrong id is named before any question
    if finish:
        _finish(env, plan_id)
        return
    if not can_ask():
        raise ValidationError(f"{which_done(plan_id)} Nothing was changed. (From a script, "
                              f"'paceapp goal done {plan_id} --yes' finishes it.)", "id")
    click.echo(fill(which_done(plan_id), more=0))
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
    plan = find_plan(journal, plan_id)
    changes = {k: v for k, v in (("what", what), ("how_much", how_much), ("when", when_),
                                  ("days_per_week", days_per_week), ("confidence", confidence))
               if v is not None}
    if next_step == "change" and not changes:
        raise ValidationError("Say what to change for next week, e.g. --days-per-week 2 or "
                              "--how-much '5 minutes' (or use --next keep).", "next_step")
    if changes and next_step == "pause":
        raise ValidationError("A paused plan has no next week to change. Leave out --next pause, "
                              "or the changes.", "next_step")
    step = next_step or ("change" if changes else "keep")
    try:
        checked = check_review(journal, plan.id, outcome, today=today, week=week or today,
                               got_in_way=got_in_way, next_step=step, note=note,
                               changes=changes)
    except ValidationError as error:
        raise _phrased(error, "in the list of plans", "in 'paceapp goal list'") from None
    week_starts = load_week_starts(journal)
    if not now and review_is_early(checked.review.week, today, week_starts):
        if not _review_now(plan, outcome, checked.review.week, week_starts):
            return
    result, done, planned = save_review(journal, plan.id, outcome, today=today, week=week or today,
                                        got_in_way=got_in_way, next_step=step, note=note,
                                        changes=changes)
    click.echo("\n".join(review_lines(plan, result.review.week, result.review.outcome, done,
                                      planned, result.next_plan, today)))


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
    click.echo(fill(f"This week runs until {show_date(last)}. If you review now, this week's "
                     "days still count and can still be marked; next week's plan starts "
                     f"{show_date(last + timedelta(days=1))}.", more=0))
    answer = ask(f"Review now, or on {show_date(last)}? Type now or later", ("now", "later"))
    if answer == "now":
        return True
    click.echo(fill_whole(f"Fine - nothing was changed. On {show_date(last)}:", (later,)))
    return False


@goal_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include finished plans and past reviews.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON document: every plan (any status), each with this week's days done "
                   "and its review.")
@pass_env
def goal_list(env: Env, show_all: bool, as_json: bool) -> None:
    """This week's action plans with days done, then paused ones and longer goals."""
    view = load_goals(env.journal(), env.today())
    if as_json:  # CLI.md: a list of records, each with its id
        click.echo(json.dumps([plan_json(p, view) for p in view.plans],
                              ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(list_lines(view, show_all)))


@goal_group.command("history")
@click.argument("plan_id", metavar="[ID]", required=False)
@pass_env
def goal_history(env: Env, plan_id: str | None) -> None:
    """Every weekly plan (or one plan's series), with days done and reviews."""
    journal = env.journal()
    view = load_goals(journal, env.today())
    plans = plan_series(journal, plan_id) if plan_id else view.plans
    click.echo("\n".join(history_lines(view, plans)))


@goal_group.group("longer")
def longer_group() -> None:
    """Longer goals ("walk to the shop again by spring") and how far they have come."""


@longer_group.command("add")
@click.argument("what")
@click.option("--by", "by_when", default="", help="By when, in your words: 'by spring'.")
@pass_env
def longer_add(env: Env, what: str, by_when: str) -> None:
    """Add a longer goal; weekly plans can then point to it with --goal."""
    goal = add_longer_goal(env.journal(), new_longer_goal(what, env.today(), by_when))
    click.echo(f"Saved longer goal: {goal.what}.  (id {goal.id[:8]})\n"
               f"Add a first small step: paceapp goal add WHAT --goal {goal.id[:8]} ...")


@longer_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON document.")
@pass_env
def longer_list(env: Env, as_json: bool) -> None:
    """Longer goals with their weekly plans so far."""
    progress = longer_progress_all(load_goals(env.journal(), env.today()))
    if as_json:
        click.echo(json.dumps(longer_json(progress), ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(longer_lines(progress)))


@longer_group.command("done")
@click.argument("goal_id", metavar="ID")
@pass_env
def longer_done(env: Env, goal_id: str) -> None:
    """Mark a longer goal as reached (or finished with)."""
    goal, changed = finish_longer_goal(env.journal(), goal_id)
    if not changed:
        click.echo(f"'{goal.what}' is already done. Nothing was changed.")
        return
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
    if day is None:
        click.echo(f"Weeks start on {WEEKDAYS[load_week_starts(journal)]}.")
        return
    number = parse_weekday(day)
    set_week_starts(journal, number)
    click.echo(f"Weeks now start on {WEEKDAYS[number]}. Days done count from then.")


def register(cli: click.Group) -> None:
    cli.add_command(goal_group)
