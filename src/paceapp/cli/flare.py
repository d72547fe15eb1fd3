"""`paceapp log flare start|end` and `paceapp flare-plan`.

Starting a flare-up shows the person's own flare-up plan straight away. The plan is set from a
plain-text file (or stdin) with the section headings; `paceapp flare-plan` prints it in the same
form, so it can be saved to a file, changed and read back.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from paceapp.app import flare as flare_app
from paceapp.cli.context import Env, pass_env
from paceapp.cli.params import WHEN, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.flare import FlareGoingError, NoFlareGoingError, plan_to_text, show_duration
from paceapp.core.timeparse import show_when
from paceapp.outputs.flare_plan import after_start_text, pocket_plan

#: Largest plan file read (a plan is five short sections; this stops a wrong file being read).
MAX_PLAN_BYTES = 64 * 1024


@click.group("flare")
def flare_group() -> None:
    """Start or end a flare-up (a setback). Starting one shows your flare-up plan."""


@flare_group.command("start")
@click.option("--peak", type=WholeNumber("peak pain"), default=None,
              help="How bad it is at its worst, 0-10 (can be given again at the end).")
@click.option("--trigger", "triggers", multiple=True,
              help="Something you think set it off (give --trigger more than once for more).")
@click.option("--note", default="", help="Anything you want to remember about it.")
@click.option("--at", "at", type=WHEN, default=None,
              help="When it started (default now): 14:30, 9pm, yesterday 21:00, 20/11 8:15am.")
@pass_env
def flare_start(env: Env, peak: int | None, triggers: tuple[str, ...], note: str,
                at: datetime | None) -> None:
    """Log that a flare-up has started, then show your flare-up plan."""
    now = env.now()
    try:
        started = flare_app.start_flare(env.journal(), at or now, now, peak=peak,
                                        triggers=triggers, note=note)
    except FlareGoingError as error:
        raise ValidationError(
            f"A flare-up is already going (started {show_when(error.going.started)}). End it "
            "first ('paceapp log flare end'), then start a new one.", "started") from None
    flare = started.flare
    click.echo(f"Saved: flare-up started {show_when(flare.started)}.  (id {flare.id[:8]})")
    click.echo("When it eases: paceapp log flare end --helped \"what helped\"")
    click.echo("")
    click.echo(after_start_text(started.plan).rstrip())
    if not triggers:
        known = started.known_triggers
        if known:
            click.echo("")
            click.echo("Triggers you noted before: " + ", ".join(known[:6]) +
                       ". (Add one with: paceapp edit flare " + flare.id[:8] + " triggers=...)")


@flare_group.command("end")
@click.option("--helped", default="", help="What helped (added to what you noted before).")
@click.option("--peak", type=WholeNumber("peak pain"), default=None,
              help="How bad it was at its worst, 0-10.")
@click.option("--at", "at", type=WHEN, default=None, help="When it ended (default now).")
@pass_env
def flare_end(env: Env, helped: str, peak: int | None, at: datetime | None) -> None:
    """End the flare-up that is going."""
    now = env.now()
    try:
        result = flare_app.end_flare(env.journal(), at or now, now, helped=helped, peak=peak)
    except NoFlareGoingError:
        raise ValidationError(
            "There is no flare-up going, so there is nothing to end. Start one with "
            "'paceapp log flare start' (use --at for a past time).", "ended") from None
    ended = result.flare
    click.echo(f"Saved: flare-up ended {show_when(ended.ended or now)}, after "
               f"{show_duration(ended.duration_min)}.  (id {ended.id[:8]})")
    plan = result.plan
    if plan is not None and not plan.is_empty:
        click.echo("Restart gently: your plan says how ('paceapp flare-plan').")
    else:
        click.echo("Restart gently. When you feel well, a flare-up plan can help next time: "
                   "paceapp flare-plan --template > plan.txt")


@click.command("flare-plan")
@click.option("--pocket", is_flag=True, help="Print it boxed, 40 columns wide, to print and fold.")
@click.option("--set", "source", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default=None, metavar="FILE",
              help="Replace your plan with a plain-text FILE ('-' reads what you paste or pipe).")
@click.option("--template", is_flag=True,
              help="Print your plan with every heading (empty ones too), ready to edit and --set.")
@pass_env
def flare_plan(env: Env, pocket: bool, source: Path | None, template: bool) -> None:
    """Show your flare-up plan, print it pocket-size, or set it from a text file.

    The file has a heading on its own line before each part (a leading # and a trailing : are
    fine; parts you leave out stay empty):

    \b
      # Early warning signs
      # First steps
      # What to drop and who to tell
      # How to restart
      # When to get help

    \b
    paceapp flare-plan --template > plan.txt   (write in it, then:)
    paceapp flare-plan --set plan.txt
    """
    journal = env.journal()
    if source is not None:
        saved = flare_app.set_plan_text(journal, _read_plan(source))
        filled = saved.summary()["sections written"]
        click.echo(f"Saved your flare-up plan ({filled} parts written). "
                   "'paceapp undo' puts the old one back.")
        return
    plan = flare_app.load_plan(journal)
    if template:
        click.echo(plan_to_text(plan), nl=False)
    elif pocket:
        click.echo(pocket_plan(plan), nl=False)
    else:
        from paceapp.outputs.flare_plan import plan_text
        from paceapp.outputs.tables import terminal_width

        click.echo(plan_text(plan, terminal_width(most=80) - 2).rstrip())


def _read_plan(source: Path) -> str:
    if str(source) == "-":
        data = sys.stdin.read(MAX_PLAN_BYTES + 1)
        raw = data.encode("utf-8", "replace")
    else:
        try:
            with source.open("rb") as handle:
                raw = handle.read(MAX_PLAN_BYTES + 1)
        except OSError as error:
            raise ValidationError(f"Could not read {source}: {error.strerror}. Nothing was changed.",
                                  "file") from None
    if len(raw) > MAX_PLAN_BYTES:
        raise ValidationError(f"That file is bigger than {MAX_PLAN_BYTES // 1024} KB: a plan is "
                              "a few short parts. Nothing was changed.", "file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("That file is not plain text (UTF-8). Nothing was changed.",
                              "file") from None


def register(cli: click.Group) -> None:
    from paceapp.cli.log import log_group

    log_group.add_command(flare_group)
    cli.add_command(flare_plan)
