"""`paceapp log ...`: quick logging from the shell (pain and PEG here; other kinds add theirs)."""

from __future__ import annotations

from datetime import date, datetime

import click

from paceapp.app import pain as pain_app
from paceapp.cli.context import Env, pass_env
from paceapp.cli.lazy import LazyGroup
from paceapp.cli.params import DAY, WHEN, WholeNumber
from paceapp.core.figures import decimal_text
from paceapp.core.pain import new_pain, new_peg
from paceapp.core.timeparse import show_date, show_time

#: `log` sub-commands that other modules add (imported only when used).
LOG_COMMANDS = {"sleep": "sleep", "nap": "sleep", "flare": "flare", "activity": "pace",
                "day": "day", "day-activities": "day"}


@click.group("log", cls=LazyGroup, lazy=LOG_COMMANDS, modules=("sleep", "flare", "pace", "day"))
def log_group() -> None:
    """Log pain, a PEG check-in, sleep, a nap, a flare-up, an activity or your day."""


# ignore_unknown_options: a negative score ("-1") reaches our own check instead of click
# reading it as an unknown option.
@log_group.command("pain", context_settings={"ignore_unknown_options": True})
@click.argument("score", type=WholeNumber("pain score"))
@click.option("--where", default="", help="Where it hurts (free text, e.g. 'lower back').")
@click.option("--note", default="", help="Anything you want to remember about it.")
@click.option("--at", "at", type=WHEN, default=None,
              help="When (default now): 14:30, yesterday 21:00, 2026-11-20T08:15.")
@pass_env
def log_pain(env: Env, score: int, where: str, note: str, at: datetime | None) -> None:
    """Log a pain score from 0 (no pain) to 10 (worst imaginable)."""
    now = env.now()
    entry = pain_app.log_pain(env.journal(), new_pain(score, at or now, now, where=where, note=note))
    click.echo(f"Saved: pain {entry.score}/10 at {show_time(entry.at)} on {show_date(entry.day)}."
               f"  (id {entry.id[:8]})")


@log_group.command("peg", context_settings={"ignore_unknown_options": True})
@click.argument("pain", metavar="P", type=WholeNumber("P (average pain)"))
@click.argument("enjoyment", metavar="E", type=WholeNumber("E (enjoyment of life)"))
@click.argument("activity", metavar="G", type=WholeNumber("G (general activity)"))
@click.option("--date", "day", type=DAY, default=None, help="The last day of the week (default today).")
@pass_env
def log_peg(env: Env, pain: int, enjoyment: int, activity: int, day: date | None) -> None:
    """Log the weekly PEG check-in: three scores 0-10 about the past week.

    \b
    P: your average pain.
    E: how much pain got in the way of enjoying life.
    G: how much pain got in the way of general activity.
    """
    today = env.today()
    entry = pain_app.log_peg(env.journal(), new_peg(pain, enjoyment, activity, day or today, today))
    click.echo(f"Saved: PEG {decimal_text(entry.exact_score)} for the week to {show_date(entry.date)} "
               f"(P {entry.pain}, E {entry.enjoyment}, G {entry.activity}).  (id {entry.id[:8]})")


def register(cli: click.Group) -> None:
    cli.add_command(log_group)
