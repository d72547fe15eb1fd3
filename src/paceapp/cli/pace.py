"""`paceapp pace ...`, `paceapp log activity` and `paceapp insights`: pacing from the shell.

The timer reads the clock through `CLOCK` and waits with `SLEEP` (module globals), so tests run a
whole timer with a fake clock and no real waiting.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime

import click

from paceapp.app import pacing as app_pacing
from paceapp.cli.context import Env, pass_env
from paceapp.cli.log import log_group
from paceapp.cli.params import DAY_AHEAD, WHEN, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.pacing import show_amount
from paceapp.core.timeparse import show_date, show_time
from paceapp.core.timer import Event, PaceTimer, Phase, clock_text, done_text, rest_text
from paceapp.outputs.pacing import (
    baseline_json,
    baseline_rows,
    day_json,
    history_json,
    history_lines,
    insights_json,
    insights_lines,
    items_text,
    progress_rows,
    schedule_lines,
    set_message,
    unknown_log_name,
    wrap_lines,
)
from paceapp.outputs.tables import render_table, terminal_width, wrap_cells

#: The timer's clock and wait (swapped for a fake clock in tests).
CLOCK: Callable[[], float] = time.monotonic
SLEEP: Callable[[float], None] = time.sleep
TICK = 0.25

AMOUNT = WholeNumber("amount")


# -- log activity -----------------------------------------------------------------------------
@click.command("activity", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("minutes", type=WholeNumber("amount (minutes, or a count)"))
@click.option("--at", "at", type=WHEN, default=None,
              help="When (default now): 14:30, 9pm, yesterday 21:00, 20/11 8:15am.")
@click.option("--note", default="", help="Anything you want to remember about it.")
@click.option("--new", "is_new", is_flag=True,
              help="Log an activity paceapp has not seen before, even if its name is close to one "
                   "it knows.")
@pass_env
def log_activity(env: Env, name: str, minutes: int, at: datetime | None, note: str,
                 is_new: bool) -> None:
    """Log an activity: NAME and how much (minutes, or a count for counted activities)."""
    now = env.now()
    try:
        log, amount = app_pacing.log_activity(env.journal(), name, minutes, at=at or now, now=now,
                                              note=note, new_name_ok=is_new)
    except app_pacing.CloseToKnownName as error:
        raise ValidationError(unknown_log_name(error.name, error.known), "name") from None
    text = (f"Saved: {log.name} {show_amount(log.amount, log.unit)} at {show_time(log.at)} on "
            f"{show_date(log.day)}.  (id {log.id[:8]})")
    if amount is not None and log.amount > amount:
        text += (f"\nThat is more than your baseline of {show_amount(amount, log.unit)} at a "
                 "time. A rest now may help.")
    click.echo(text)


# -- pace group -------------------------------------------------------------------------------
@click.group("pace")
def pace() -> None:
    """Pacing: baselines, gentle step-ups, day plans, a timer.

    \b
    paceapp pace baseline walking --three-day 20 25 30
    paceapp pace plan set walking:30 --default
    paceapp pace timer walking
    """


@pace.command("baseline")
@click.argument("name")
@click.option("--three-day", "three_day", nargs=3, type=AMOUNT, default=None,
              metavar="A B C", help="3-day average - 20%: three measured tries.")
@click.option("--good-bad", "good_bad", nargs=2, type=AMOUNT, default=None,
              metavar="GOOD BAD", help="Good/bad average: a good day's and a bad day's amount.")
@click.option("--gentle", type=AMOUNT, default=None, metavar="MAX",
              help="Gentle (ME/CFS style): 50% of the most you can do comfortably.")
@click.option("--unit", type=click.Choice(["min", "count"]), default=None,
              help="Minutes (default) or a count, like stairs.")
@click.option("--step", "step_pct", type=WholeNumber("step"), default=None,
              help="Step-up size in % (default 10).")
@click.option("--every", "step_days", type=WholeNumber("days between steps"), default=None,
              help="Days between step-ups (default 7).")
@click.option("--bad-day", "bad_day", type=AMOUNT, default=None,
              help="What you can do on a bad day (used to restart after a flare-up).")
@pass_env
def pace_baseline(env: Env, name: str, three_day: tuple[int, ...] | None,
                  good_bad: tuple[int, ...] | None, gentle: int | None, unit: str | None,
                  step_pct: int | None, step_days: int | None, bad_day: int | None) -> None:
    """Set a baseline: how much of NAME to do at a time. Prints the method and the amount."""
    chosen = [(m, v) for m, v in (("three-day", three_day), ("good-bad", good_bad),
                                  ("gentle", (gentle,) if gentle is not None else None)) if v]
    if len(chosen) != 1:
        raise ValidationError(
            "Choose one method: --three-day A B C (three tries), --good-bad GOOD BAD, or "
            "--gentle MAX (the most you can do comfortably).", "method")
    method, inputs = chosen[0]
    done = app_pacing.set_baseline(env.journal(), name, method, list(inputs), now=env.now(),
                                   unit=unit, step_pct=step_pct, step_days=step_days,
                                   bad_day=bad_day)
    if done.close:
        click.echo(f"(A new activity. Close to: {', '.join(done.close)}.)", err=True)
    click.echo(set_message(done.baseline, done.working.text, not done.is_new))


@pace.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of a table.")
@pass_env
def pace_list(env: Env, as_json: bool) -> None:
    """Activities with their baseline, method, unit, next step and last change."""
    today = env.today()
    data = app_pacing.load_pacing(env.journal(), today, today, with_pain=False)
    if as_json:
        click.echo(json.dumps([baseline_json(b, today, data.flares) for b in data.baselines],
                              ensure_ascii=False, indent=2))
        return
    if not data.baselines:
        click.echo("No baselines yet. Set one with, for example:\n"
                   "  paceapp pace baseline walking --three-day 20 25 30")
        return
    click.echo(render_table(baseline_rows(data.baselines, today, data.flares)))


@pace.command("step")
@click.argument("name")
@pass_env
def pace_step(env: Env, name: str) -> None:
    """Raise NAME's baseline by its step (10% by default), at most once a week.

    Held (exit 2, with the reason) in a week with a flare-up.
    """
    journal = env.journal()
    try:
        baseline, stepped, change = app_pacing.step_up_baseline(journal, name, now=env.now())
    except ValidationError as error:
        if error.field == "step" and "flare-up" in str(error):
            known = app_pacing.load_baseline(journal, name).name
            raise ValidationError(
                f"{error} For example: paceapp pace restart {_quote(known)}", "step"
            ) from None
        raise
    click.echo(f"Stepped up: {stepped.name} from {show_amount(baseline.amount, baseline.unit)} to "
               f"{show_amount(stepped.amount, stepped.unit)} at a time.\n"
               f"Working: {change.working}\n"
               f"Next step from {show_date(stepped.next_step_day())}, if this goes well.")


def _quote(name: str) -> str:
    return f'"{name}"' if " " in name else name


@pace.command("restart")
@click.argument("name")
@click.option("--percent", type=WholeNumber("percentage"), default=None,
              help="Restart at this % of now (10-90).")
@click.option("--to", "to", type=AMOUNT, default=None, help="Restart at this amount.")
@pass_env
def pace_restart(env: Env, name: str, percent: int | None, to: int | None) -> None:
    """After a flare-up: lower NAME's baseline to build back up from.

    Default: the bad-day amount when known, otherwise half of now.
    """
    if percent is not None and to is not None:
        raise ValidationError("Give --percent or --to, not both.", "to")
    baseline, lowered, change = app_pacing.restart_baseline(env.journal(), name, now=env.now(),
                                                            percent=percent, to=to)
    click.echo(f"Restarted: {lowered.name} at {show_amount(lowered.amount, lowered.unit)} at a "
               f"time (was {show_amount(baseline.amount, baseline.unit)}).\n"
               f"Working: {change.working}\n"
               f"Build back up with 'paceapp pace step' from {show_date(lowered.next_step_day())}.")


@pace.command("history")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def pace_history(env: Env, name: str, as_json: bool) -> None:
    """Every change to NAME's baseline, with the working."""
    baseline, changes = app_pacing.load_history(env.journal(), name)
    if as_json:
        click.echo(json.dumps(history_json(changes), ensure_ascii=False, indent=2))
        return
    click.echo(f"{baseline.name}: now {show_amount(baseline.amount, baseline.unit)} at a time.")
    click.echo("\n".join(history_lines(baseline, changes, env.today())))


@pace.command("set-step")
@click.argument("name")
@click.argument("percent", type=WholeNumber("step"))
@click.option("--every", "step_days", type=WholeNumber("days between steps"), default=None,
              help="Days between step-ups (default: unchanged).")
@pass_env
def pace_set_step(env: Env, name: str, percent: int, step_days: int | None) -> None:
    """Change NAME's step-up size (in %) and, with --every, how often it may step."""
    changed = app_pacing.change_baseline_step(env.journal(), name, percent, step_days,
                                              now=env.now())
    click.echo(f"{changed.name}: steps of {changed.step_pct}% at most every {changed.step_days} "
               "days.")


@pace.group("plan", invoke_without_command=True)
@click.option("--date", "day", type=DAY_AHEAD, default=None,
              help="Which day (default today): tomorrow, Mon (the coming one), 7/12.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def pace_plan(ctx: click.Context, day: date | None, as_json: bool) -> None:
    """The day's plan: activities in chunks no longer than their baselines, with rests.

    \b
    Choose the day's activities, in the order you want to do them:
      paceapp pace plan set walking:30 housework:20 [--date WHEN]
      paceapp pace plan set walking:30 stairs --default   (your usual day)
    Use the names of your own baselines (paceapp pace list shows them). A name alone means
    one chunk (its baseline). Days without their own plan use the default. --date is a day
    to come: Mon is the coming Monday.
    """
    if ctx.invoked_subcommand is not None:
        return
    env = ctx.find_object(Env)
    assert env is not None
    day = day or env.today()
    view = app_pacing.load_day(env.journal(), day)
    if as_json:
        click.echo(json.dumps(day_json(view), ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(schedule_lines(view.schedule)))
    if view.rows:
        click.echo("")
        click.echo(render_table(progress_rows(view.rows)))


@pace_plan.command("set")
@click.argument("items", nargs=-1, required=True, metavar="NAME[:AMOUNT]...")
@click.option("--date", "day", type=DAY_AHEAD, default=None,
              help="Which day (default today): tomorrow, Mon (the coming one), 7/12.")
@click.option("--default", "as_default", is_flag=True,
              help="Make this your usual plan, for days without their own.")
@pass_env
def pace_plan_set(env: Env, items: tuple[str, ...], day: date | None, as_default: bool) -> None:
    """Plan activities in order: NAME:AMOUNT is the day's total (a name alone: one chunk)."""
    if as_default and day is not None:
        raise ValidationError("Give --date or --default, not both.", "date")
    today = env.today()
    day = day or today
    saved = app_pacing.plan_day(env.journal(), day, items, today=today, as_default=as_default)
    which = "your usual plan" if as_default else f"the plan for {show_date(day)}"
    click.echo(f"Saved {which}: {items_text(saved.items)}.")
    click.echo("\n".join(schedule_lines(saved.schedule)[1:]))


@pace_plan.command("clear")
@click.option("--date", "day", type=DAY_AHEAD, default=None,
              help="Which day (default today): tomorrow, Mon (the coming one), 7/12.")
@click.option("--default", "as_default", is_flag=True, help="Clear your usual plan.")
@pass_env
def pace_plan_clear(env: Env, day: date | None, as_default: bool) -> None:
    """Remove a day's own plan (it then follows your usual plan), or the usual plan."""
    today = env.today()
    day = day or today
    cleared = app_pacing.clear_plan(env.journal(), day, today=today, as_default=as_default)
    if as_default:
        click.echo("Cleared your usual plan.")
    elif not cleared:
        click.echo(f"There was no plan of its own for {show_date(day)}; nothing changed.")
    else:
        click.echo(f"Cleared the plan for {show_date(day)}.")


@pace.command("settings")
@click.option("--budget", type=WholeNumber("day budget"), default=None,
              help="A day budget: the most planned minutes in a day.")
@click.option("--no-budget", is_flag=True, help="Turn the day budget off.")
@click.option("--rest", "rest_min", type=WholeNumber("rest"), default=None,
              help="Minutes of rest between chunks (default 10).")
@click.option("--boom-ratio", type=float, default=None,
              help="How many times the baseline (one go), or the plan or your usual day (a "
                   "day's total), counts as 'well above' (default 1.5).")
@click.option("--pain-rise", type=WholeNumber("pain rise"), default=None,
              help="Points above your usual pain that count as a rise (default 2).")
@click.option("--window-days", type=WholeNumber("days"), default=None,
              help="Days of 24 hours after the activity to look at; the same day counts "
                   "(default 2 = 48 hours).")
@click.option("--day-hours", type=WholeNumber("hours"), default=None,
              help="Your waking day in hours: the longest a plan can be (default 16).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def pace_settings(env: Env, budget: int | None, no_budget: bool, rest_min: int | None,
                  boom_ratio: float | None, pain_rise: int | None, window_days: int | None,
                  day_hours: int | None, as_json: bool) -> None:
    """Show or change pacing settings (the day budget, rests, and signal thresholds)."""
    from paceapp.core.codec import to_data

    given: tuple[tuple[str, int | float | None], ...] = (
        ("daily_budget", budget), ("rest_min", rest_min), ("boom_ratio", boom_ratio),
        ("pain_rise", pain_rise), ("window_days", window_days), ("day_hours", day_hours))
    changes: dict[str, int | float | None] = {k: v for k, v in given if v is not None}
    if no_budget:
        if budget is not None:
            raise ValidationError("Give --budget or --no-budget, not both.", "budget")
        changes["daily_budget"] = None
    settings = app_pacing.change_settings(env.journal(), changes)
    if as_json:
        data = to_data(settings)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(("Saved. " if changes else "") + "Pacing settings:")
    click.echo(f"  Day budget: {settings.daily_budget} min of planned activity"
               if settings.daily_budget else "  Day budget: off")
    click.echo(f"  Rest between chunks: {settings.rest_min} min; waking day {settings.day_hours} h")
    boom = (f"Boom-and-bust: one go at {settings.boom_ratio:g}x its baseline, or a day at "
            f"{settings.boom_ratio:g}x its plan or usual day, or more; then within "
            f"{settings.window_days * 24} hours pain {settings.pain_rise}+ points over your "
            f"usual (median of {settings.median_days} days) or a flare-up")
    lines = wrap_cells(boom, terminal_width(most=80) - 4)
    click.echo("\n".join(["  " + lines[0], *("    " + line for line in lines[1:])]))
    if settings.default_plan:
        click.echo(f"  Usual plan: {items_text(settings.default_plan)}")


# -- the timer --------------------------------------------------------------------------------
class _Keys:
    """Single key presses from a terminal, without waiting (nothing when not a terminal)."""

    def __init__(self) -> None:
        self.fd: int | None = None
        self.saved: list | None = None

    def __enter__(self) -> _Keys:
        try:
            if sys.stdin.isatty():
                import termios
                import tty

                self.fd = sys.stdin.fileno()
                self.saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
        except (OSError, ValueError, ImportError):
            self.fd = None
        return self

    def read(self) -> str:
        if self.fd is None:
            return ""
        import select

        ready, _, _ = select.select([self.fd], [], [], 0)
        return os.read(self.fd, 32).decode(errors="ignore") if ready else ""

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None and self.saved is not None:
            import termios

            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)


def _status(timer: PaceTimer, name: str, now: float) -> str:
    left = clock_text(timer.remaining(now))
    if timer.phase is Phase.ACTIVE:
        what = f"{name}: {left} left"
    else:
        what = f"Rest: {left} left"
    state = "  (paused - p to go on)" if timer.paused else "  p pause, s stop"
    return what + state


@contextlib.contextmanager
def _interrupt_stops(timer: PaceTimer) -> Iterator[None]:
    try:
        yield
    except KeyboardInterrupt:
        timer.stop(CLOCK())


def run_timer(timer: PaceTimer, name: str, rest_min: float, keys: _Keys) -> None:
    """Drive `timer` with CLOCK/SLEEP until it is done, talking to the terminal."""
    live = sys.stdout.isatty()
    timer.start(CLOCK())
    click.echo(f"Started: {name} for {clock_text(timer.activity_s)}, then rest "
               f"{clock_text(timer.rest_s)}. Keys: p pause/resume, s stop.")
    with _interrupt_stops(timer):
        while not timer.done:
            for key in keys.read().lower():
                if key in "p ":
                    timer.toggle(CLOCK())
                elif key in "sq":
                    timer.stop(CLOCK())
            for event in timer.tick(CLOCK()):
                if live:
                    click.echo("\r\x1b[2K", nl=False)
                if event is Event.STOP:
                    rest = rest_text(timer.rest_s)
                    click.echo(f"\a*** Time to stop {name}. ***{rest}")
                else:
                    click.echo("\aRest is over. Well paced.")
            if live and not timer.done:
                click.echo("\r\x1b[2K" + _status(timer, name, CLOCK()), nl=False)
            if not timer.done:
                SLEEP(TICK)
    if live:
        click.echo("\r\x1b[2K", nl=False)
    if timer.stopped_early:
        click.echo(f"Stopped. {name}: {done_text(timer.active_minutes(CLOCK()))} done.")


@pace.command("timer")
@click.argument("name")
@click.option("--minutes", type=float, default=None,
              help="Minutes of activity (default: the baseline).")
@click.option("--rest", type=float, default=None,
              help="Minutes of rest after (default: the rest in settings, 10).")
@click.option("--log/--no-log", "offer_log", default=True,
              help="Offer to log the activity at the end (default yes).")
@click.option("--yes", is_flag=True, help="Log at the end without asking.")
@pass_env
def pace_timer(env: Env, name: str, minutes: float | None, rest: float | None, offer_log: bool,
               yes: bool) -> None:
    """An activity/rest timer: counts down the chunk, rings and says stop, then counts the rest.

    Keys while it runs: p (or space) pause/resume, s (or q, or Ctrl+C) stop.
    At the end it offers to log the activity with the real minutes.
    """
    baseline, rest_setting = app_pacing.load_timer(env.journal(), name)
    if minutes is None:
        if baseline.unit != "min":
            raise ValidationError(f"{baseline.name} is counted, not timed. Give --minutes for how "
                                  "long to set the timer.", "minutes")
        minutes = float(baseline.amount)
    rest_min = float(rest_setting) if rest is None else rest
    timer = PaceTimer.for_minutes(minutes, rest_min)
    with _Keys() as keys:
        run_timer(timer, baseline.name, rest_min, keys)
    done = timer.active_minutes(CLOCK())
    if not offer_log:
        return
    if baseline.unit == "count":
        default, question = baseline.amount, f"How many {baseline.name} did you do? (0 to skip)"
    elif done < 1:
        default, question = 0, (f"Less than a minute of {baseline.name} was timed. Minutes to log? "
                                "(Enter or 0 to skip)")
        if yes:
            click.echo("Less than a minute was timed, so nothing was logged.")
            return
    else:
        default, question = done, f"Log {baseline.name}: how many minutes? (Enter for {done}, 0 to skip)"
    amount = default if yes else click.prompt(question, default=default,
                                              type=click.IntRange(0, 24 * 60), show_default=False)
    if amount == 0:
        click.echo("Not logged.")
        return
    now = env.now()
    log, _baseline = app_pacing.log_activity(env.journal(), baseline.name, amount, at=now, now=now,
                                             unit=baseline.unit, note="timed", new_name_ok=True)
    click.echo(f"Saved: {log.name} {show_amount(log.amount, log.unit)} at {show_time(log.at)}.  "
               f"(id {log.id[:8]})")


# -- insights ---------------------------------------------------------------------------------
@click.command("insights")
@click.option("--days", type=click.IntRange(min=1, max=36500), default=90, show_default=True,
              help="Look at the last N days (today counts as one).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def insights_command(env: Env, days: int, as_json: bool) -> None:
    """Patterns in your own logs: boom-and-bust signals, each with its evidence."""
    result = app_pacing.load_insights(env.journal(), env.today(), days)
    if as_json:
        click.echo(json.dumps(insights_json(result), ensure_ascii=False, indent=2))
        return
    lines = "\n".join(insights_lines(result)).splitlines()
    click.echo("\n".join(wrap_lines(lines, terminal_width(most=80))))


def register(cli: click.Group) -> None:
    log_group.add_command(log_activity)
    cli.add_command(pace)
    cli.add_command(insights_command)

