"""`paceapp log sleep`: one Consensus Sleep Diary night, dated by the morning; prints time asleep
and sleep efficiency.
`paceapp log nap`: a rest asleep in the day, kept apart from the nights."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import click

from paceapp.app.sleep import last_week, naps_last_week, save_nap, save_night
from paceapp.cli.context import Env, pass_env
from paceapp.cli.hints import cli_hints
from paceapp.cli.params import MORNING, WHEN, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.figures import percent_text
from paceapp.core.nap import (
    MAX_NAP_MIN,
    describe_nap,
    nap_from_minutes,
    new_nap,
    parse_nap_end,
)
from paceapp.core.sleep import SE_NAME, Quality, SleepNight, new_sleep, parse_quality
from paceapp.core.timeparse import ClockChangeError, parse_clock, show_date, show_minutes


class Clock(click.ParamType):
    """A time of day (22:30, 10:30pm), read with the core's message ('01:30 second' for an hour that
    happened twice)."""

    name = "TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> time:
        if isinstance(value, time):
            return value
        try:
            return parse_clock(str(value), param.name if param else "time")
        except ValidationError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None


class QualityWord(click.ParamType):
    name = "quality"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Quality | None:
        if isinstance(value, Quality):
            return value
        try:
            return parse_quality(str(value))
        except ValidationError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None


CLOCK = Clock()


def describe_night(night: SleepNight) -> str:
    """'night to Sat 21 Nov: time asleep 6 h 35 min; sleep efficiency (time asleep ÷ time
    in bed) 82.3%' (real time, rounded once, half up)."""
    tst, se = night.tst_min, night.se_exact
    asleep = show_minutes(tst) if tst is not None else "not enough to work out"
    efficiency = percent_text(se) if se is not None else "not enough to work out"
    return (f"night to {show_date(night.date)}: time asleep {asleep}; "
            f"{SE_NAME} {efficiency}")


@click.command("sleep")
@click.option("--date", "day", type=MORNING, default=None,
              help="The morning the night ended on (default today): today, last night, Mon, "
                   "23/11.")
@click.option("--bed", type=CLOCK, default=None, help="1. Time you got into bed: 22:30 or 10:30pm.")
@click.option("--tried", type=CLOCK, default=None, help="2. Time you tried to go to sleep.")
@click.option("--latency", type=WholeNumber("minutes to fall asleep"), default=None,
              help="3. Minutes it took to fall asleep.")
@click.option("--awakenings", type=WholeNumber("number of awakenings"), default=None,
              help="4. Times you woke in the night (not counting the last).")
@click.option("--waso", type=WholeNumber("minutes awake in the night"), default=None,
              help="5. Minutes awake in the night, all the wakings together.")
@click.option("--woke", type=CLOCK, default=None, help="6. Time of your final awakening.")
@click.option("--up", type=CLOCK, default=None, help="7. Time you got out of bed.")
@click.option("--quality", type=QualityWord(), default=None,
              help="8. very-poor, poor, fair, good or very-good.")
@click.option("--note", default="", help="9. Anything else (e.g. pain woke me).")
@pass_env
def log_sleep(env: Env, day: date | None, bed: time | None, tried: time | None,
              latency: int | None, awakenings: int | None, waso: int | None, woke: time | None,
              up: time | None, quality: Quality | None, note: str) -> None:
    """Log last night's sleep (the Consensus Sleep Diary), dated by the morning.

    Every part is optional, but time asleep and sleep efficiency (time asleep ÷ time in
    bed) need --bed, --tried, --woke and --up. A night may cross midnight (22:30 to 06:10) or not
    (04:00 to 11:30). Times are counted in real time across a clock change; on the night the
    clocks go back, a time in the repeated hour needs 'first' or 'second': --woke '01:30 second'.

    \b
    Example:
      paceapp log sleep --bed 22:30 --tried 22:45 --latency 20 --awakenings 2 \\
        --waso 30 --woke 06:10 --up 06:30 --quality poor --note "pain woke me"
    """
    today = env.today()
    try:
        night = new_sleep(day or today, today, bed=bed, tried=tried, latency=latency,
                          awakenings=awakenings, waso=waso, woke=woke, up=up, quality=quality,
                          note=note)
    except ClockChangeError as error:  # say it with the option: --woke '01:30 second'
        raise ValidationError(error.for_option(f"--{error.field}"), error.field) from None
    journal = env.journal()
    with cli_hints():  # one night per morning, no nap covered: checked under the lock
        night = save_night(journal, night, now=env.now())
    click.echo(f"Saved: {describe_night(night)}.  (id {night.id[:8]})")
    if night.se_exact is None:
        missing = [name for name in ("bed", "tried", "woke", "up") if getattr(night, name) is None]
        example = {"bed": "22:30", "tried": "22:45", "woke": "06:10", "up": "06:30"}
        click.echo(f"To work them out, add the missing times ({', '.join(missing)}), with your "
                   f"own times in place of these: paceapp edit sleep {night.id[:8]} " +
                   " ".join(f"{name}={example[name]}" for name in missing))
    week = last_week(journal, today)
    if week.nights_logged > 1:
        click.echo(week.sentence())


@click.command("nap")
@click.option("--start", "start", type=WHEN, default=None,
              help="When the nap started: 14:00, 2pm, yesterday 14:00, 21/11 2pm.")
@click.option("--end", "end", default=None, metavar="WHEN",
              help="When you woke from it: 15:10 or 3:10pm (the same day, or the next after "
                   "midnight), how long it lasted ('40 min'), now, or a day and time.")
@click.option("--minutes", type=WholeNumber("minutes"), default=None,
              help=f"Instead of --end: how long it lasted, in minutes (at most {MAX_NAP_MIN}).")
@click.option("--note", default="", help="Anything you want to remember about it.")
@pass_env
def log_nap(env: Env, start: datetime | None, end: str | None, minutes: int | None,
            note: str) -> None:
    """Log a nap: a rest asleep in the day, kept apart from the nights.

    A nap is never counted as a night: the sleep diary's time asleep and sleep efficiency are
    worked out from nights only. Give when it started, and when it ended (--end) or how long it
    lasted (--minutes). It is dated by the day it started, counted in real time across a clock
    change, and can be at most 6 hours.

    \b
    Examples:
      paceapp log nap --start 14:00 --end 15:10
      paceapp log nap --start 2pm --end "40 min"
      paceapp log nap --start "yesterday 13:30" --minutes 40 --note "after the hospital"
    """
    now = env.now()
    if start is None:
        raise ValidationError("Say when the nap started, like --start 14:00 (or --start "
                              "'yesterday 14:00').", "start")
    if (end is None) == (minutes is None):
        raise ValidationError("Say when the nap ended, like --end 15:10, or how long it lasted, "
                              "like --minutes 40 (one of the two).", "end")
    try:
        ended = (nap_from_minutes(start, minutes) if minutes is not None
                 else parse_nap_end(end or "", start, now))
    except ClockChangeError as error:  # say it with the option: --end '01:30 second'
        raise ValidationError(error.for_option("--end"), "end") from None
    except ValidationError as error:
        if error.field == "minutes":
            raise
        raise ValidationError(f"--end: {error}", "end") from None
    nap = new_nap(start, ended, now, note)
    journal = env.journal()
    with cli_hints():  # checked under the lock, against naps and nights stored now
        nap = save_nap(journal, nap, now=now)
    click.echo(f"Saved: {describe_nap(nap)}. It is kept apart from the nights.  "
               f"(id {nap.id[:8]})")
    week = naps_last_week(journal, now.date())
    if week.count > 1:
        click.echo(f"Naps in the last 7 days: {week.card_text()}.")


def register(cli: click.Group) -> None:
    from paceapp.cli.log import log_group

    log_group.add_command(log_sleep)
    log_group.add_command(log_nap)
