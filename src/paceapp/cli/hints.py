"""How the command line says what to do about a problem that carries its facts (a record in the
way, an id not found): the command to type. Core and store say only what is wrong and what to do
in words of no front end; this adds the command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from paceapp.core.day import ONE_DAY_PER_DATE
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.nap import NAP_IN_NIGHT
from paceapp.core.records import ClashError, ShortIdError, UnknownIdError
from paceapp.core.sleep import ONE_NIGHT_PER_MORNING


def cli_words(error: PaceError) -> str:
    """`error` as the command line says it: with the command that puts it right, when the
    error carries the facts for one."""
    if isinstance(error, ClashError):
        short = error.other_id[:8]
        if error.rule == ONE_NIGHT_PER_MORNING:
            return (f"{error.problem} Change that one instead, e.g. "
                    f"'paceapp edit sleep {short} woke=06:30'.")
        if error.rule == NAP_IN_NIGHT:
            return (f"{error.problem} If that night was really this nap, delete it first "
                    f"('paceapp delete sleep {short}', or x in the Diary), then log the nap.")
        if error.rule == ONE_DAY_PER_DATE:
            return (f"{error.problem} There is one per day: to change it, use 'paceapp edit "
                    f"day {short} rating=bad hard=\"Dressing=help\"' (or d on Today for today), "
                    f"or delete it first ('paceapp delete day {short}').")
    if isinstance(error, ShortIdError):
        return (f"Please give at least {error.least} characters of the id (as shown by "
                f"'paceapp show {error.kind}').")
    if isinstance(error, UnknownIdError):
        return f"{error} 'paceapp show {error.kind}' lists them with their ids."
    return str(error)


def in_cli_words(error: PaceError) -> PaceError:
    """The same problem, its message in the command line's words (same exit code and field)."""
    words = cli_words(error)
    if words == str(error):
        return error
    if isinstance(error, ValidationError):
        return ValidationError(words, error.field)
    phrased = PaceError(words)
    phrased.exit_code = error.exit_code
    return phrased


@contextmanager
def cli_hints() -> Iterator[None]:
    """Say a problem raised inside in the command line's words."""
    try:
        yield
    except PaceError as error:
        phrased = in_cli_words(error)
        if phrased is error:
            raise
        raise phrased from None
