"""`paceapp log day`: what I could do today (a day rating and the activities that were hard), and
`paceapp log day-activities`: the person's own list of everyday activities.

One day record per date: logging a day that already has one refuses (exit 2, nothing changed)
and says how to change the one there (`paceapp edit day ID ...`). Merging was not chosen: a
second "bad" typed in the evening would silently overwrite the morning's words.
"""

from __future__ import annotations

from datetime import date

import click

from paceapp.app.day import change_activities, load_activities, save_day
from paceapp.cli.context import Env, pass_env
from paceapp.cli.hints import cli_hints
from paceapp.cli.params import DAY
from paceapp.core.day import (
    DayRecord,
    accepted_difficulties,
    describe_day,
    new_day,
    parse_hard,
    parse_rating,
    person_activities,
)
from paceapp.core.errors import ValidationError


class RatingWord(click.ParamType):
    """good / so-so / bad (also ok, 1/2/3), with the core's plain message."""

    name = "rating"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> object:
        from paceapp.cli.params import PlainBadParameter

        try:
            return parse_rating(str(value))
        except ValidationError as error:
            raise PlainBadParameter(str(error), ctx=ctx, param=param) from None


@click.command("day")
@click.argument("rating", type=RatingWord(), required=False, metavar="[good|so-so|bad]")
@click.option("--hard", "hard", multiple=True, metavar="ACTIVITY=HOW[:WORDS]",
              help="An activity that was hard, how, and your words if you like (give it once "
                   "for each). HOW: " + accepted_difficulties() + ".")
@click.option("--date", "day", type=DAY, default=None,
              help="Which day (default today): yesterday, Mon, 23/11, 2026-11-23.")
@click.option("--note", default="", help="Anything else about the day.")
@pass_env
def log_day(env: Env, rating: object, hard: tuple[str, ...], day: date | None,
            note: str) -> None:
    """Log what you could do today: how the day was, and what was hard.

    \b
    Examples:
      paceapp log day bad
      paceapp log day bad --hard "Dressing=help:my partner did my buttons" \\
          --hard "Preparing food=could not"
      paceapp log day so-so --date yesterday --hard "Moving about=slowly"

    \b
    An activity you do not name was not hard that day.
    A day you do not log is never counted either way.
    Your list of activities: paceapp log day-activities
    One record per day; to change one: paceapp edit day ID ...
    """
    today = env.today()
    journal = env.journal()
    activities = person_activities(load_activities(journal))
    items = [parse_hard(text, activities) for text in hard]
    if rating is None and not items and not note.strip():
        raise ValidationError("Say how the day was (good, so-so or bad), or what was hard, "
                              "e.g. paceapp log day bad --hard \"Dressing=help\".", "rating")
    record = new_day(day or today, today, rating=rating,  # type: ignore[arg-type]
                     hard=items, note=note)
    with cli_hints():  # checked under the lock: one day record per date
        record = save_day(journal, record, now=env.now())
    click.echo(f"Saved: {describe_day(record, today)}.  (id {record.id[:8]})")


@click.command("day-activities")
@click.option("--add", "add", multiple=True, metavar="NAME", help="Add an activity.")
@click.option("--remove", "remove", multiple=True, metavar="NAME", help="Take one out.")
@click.option("--set", "set_to", default=None, metavar="'A; B; C'",
              help="Replace the whole list (names between semicolons).")
@click.option("--everyday", is_flag=True, help="Go back to the everyday activities.")
@pass_env
def day_activities(env: Env, add: tuple[str, ...], remove: tuple[str, ...],
                   set_to: str | None, everyday: bool) -> None:
    """Show or change your list of everyday activities for 'paceapp log day'.

    \b
    Examples:
      paceapp log day-activities
      paceapp log day-activities --add "Gardening" --remove "Work or caring"
      paceapp log day-activities --set "Dressing; Preparing food; Walking the dog"

    Until you choose, the list is the everyday activities. Changing the list never
    changes days already logged.
    """
    journal = env.journal()
    if not (add or remove or set_to is not None or everyday):
        stored = load_activities(journal)
        _show_list(person_activities(stored), chosen=stored is not None)
        return
    if everyday and (set_to is not None):
        raise ValidationError("Use --everyday or --set, not both.", "set")
    record = change_activities(journal, add=add, remove=remove, everyday=everyday,
                               set_to=None if set_to is None else set_to.split(";"))
    click.echo("Saved your list of activities. ('paceapp undo' puts the last one back.)")
    _show_list(record.activities, chosen=True)


def _show_list(names: tuple[str, ...], *, chosen: bool) -> None:
    if not chosen:
        click.echo("You have not chosen your activities yet; these everyday ones are used:")
    else:
        click.echo("Your activities:")
    for name in names:
        click.echo(f"  {name}")


def register(cli: click.Group) -> None:
    from paceapp.cli.log import log_group

    log_group.add_command(log_day)
    log_group.add_command(day_activities)


__all__ = ["DayRecord", "log_day", "day_activities", "register"]
