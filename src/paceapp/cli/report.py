"""`paceapp report [--weeks N]`: a summary with charts, fit for a terminal or a pipe."""

from __future__ import annotations

import os
import sys

import click

from paceapp.cli.context import Env, pass_env
from paceapp.outputs.tables import MIN_WIDTH, terminal_width


def wants_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.command("report")
@click.option("--weeks", type=click.IntRange(1, 520), default=12, show_default=True,
              help="How many weeks to cover, up to today.")
@click.option("--width", type=click.IntRange(MIN_WIDTH, 200), default=None,
              help="Line width (default: the terminal's, at most 100).")
@pass_env
def report(env: Env, weeks: int, width: int | None) -> None:
    """A summary of your records with charts of pain, sleep and activity."""
    from paceapp.app.report import load_report
    from paceapp.outputs.report import render_report  # plotext is imported only here

    if width is None:
        # The terminal's width, narrow ones too (from 40): a chart wider than the screen is
        # folded by the terminal into something unreadable; a narrower chart is only smaller.
        width = terminal_width(most=100)
    view = load_report(env.journal(), env.today(), weeks)
    click.echo(render_report(view, width=width, colour=wants_colour()), color=wants_colour())


def register(cli: click.Group) -> None:
    cli.add_command(report)
