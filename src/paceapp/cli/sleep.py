"""`paceapp log sleep`: one Consensus Sleep Diary night, dated by the morning; prints TST and SE."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.params import DAY, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.figures import percent_text
from paceapp.core.sleep import (
    SE_NAME,
    Quality,
    SleepNight,
    check_one_night_per_morning,
    new_sleep,
    parse_quality,
    recent_summaries,
)
from paceapp.core.timeparse import ClockChangeError, parse_clock, show_date, show_minutes


class Clock(click.ParamType):
    """A time of day, HH:MM, read with the core's message ('01:30 second' for an hour that
    happened twice)."""

    name = "HH:MM"

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
    """'night to Sat 21 Nov: time asleep (TST) 6 h 35 min; sleep efficiency (time asleep ÷ time
    in bed) 82.3%' (real time, rounded once, half up)."""
    tst, se = night.tst_min, night.se_exact
    asleep = show_minutes(tst) if tst is not None else "not enough to work out"
    efficiency = percent_text(se) if se is not None else "not enough to work out"
    return (f"night to {show_date(night.date)}: time asleep (TST) {asleep}; "
            f"{SE_NAME} {efficiency}")


@click.command("sleep")
@click.option("--date", "day", type=DAY, default=None,
              help="The morning the night ended on (default today): 2026-11-21, today, yesterday.")
@click.option("--bed", type=CLOCK, default=None, help="1. Time you got into bed (HH:MM).")
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

    Every part is optional, but time asleep (TST) and sleep efficiency (time asleep ÷ time in
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
    check_one_night_per_morning(journal.list(SleepNight, since=night.date, until=night.date), night)
    with journal.transaction():  # checked again under the lock, in case another window logged it
        check_one_night_per_morning(
            journal.list(SleepNight, since=night.date, until=night.date), night)
        journal.add(night)
    click.echo(f"Saved: {describe_night(night)}.  (id {night.id[:8]})")
    if night.se_exact is None:
        missing = [name for name in ("bed", "tried", "woke", "up") if getattr(night, name) is None]
        click.echo(f"To work them out, add the missing times ({', '.join(missing)}): "
                   f"paceapp edit sleep {night.id[:8]} " +
                   " ".join(f"{name}=HH:MM" for name in missing))
    week = recent_summaries(journal.list(SleepNight, since=today - timedelta(days=6)), today, (7,))[7]
    if week.nights_logged > 1:
        click.echo(week.sentence())

def register(cli: click.Group) -> None:
    from paceapp.cli.log import log_group

    log_group.add_command(log_sleep)
