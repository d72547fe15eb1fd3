"""How the app says what to do about a problem that carries its facts (a record in the way):
the keys to press. Core says only what is wrong and what to do in words of no front end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from paceapp.core.day import ONE_DAY_PER_DATE
from paceapp.core.errors import PaceError, ValidationError
from paceapp.core.nap import NAP_IN_NIGHT
from paceapp.core.records import ClashError
from paceapp.core.sleep import ONE_NIGHT_PER_MORNING
from paceapp.core.timeparse import show_date

T = TypeVar("T")


def tui_words(error: PaceError) -> str:
    """`error` as the app says it: with the keys that put it right, when it carries the facts."""
    if isinstance(error, ClashError):
        if error.rule == ONE_NIGHT_PER_MORNING and error.day is not None:
            return (f"There is already a night logged for the morning of {show_date(error.day)}. "
                    "To change it, choose it in the Diary list (2) and press e.")
        if error.rule == NAP_IN_NIGHT:
            return (f"{error.problem} If that night was really this nap, delete it first "
                    "(choose it in the Diary and press x), then log the nap.")
        if error.rule == ONE_DAY_PER_DATE:
            return (f"{error.problem} There is one per day: to change it, press d on Today "
                    "(for today) or choose it in the Diary and press e; or delete it first.")
    return str(error)


def in_tui_words(error: PaceError) -> PaceError:
    """The same problem, its message in the app's words (same field)."""
    words = tui_words(error)
    if words == str(error) or not isinstance(error, ValidationError):
        return error
    return ValidationError(words, error.field)


def phrased(change: Callable[..., T]) -> Callable[..., T]:
    """`change` (a use-case for `PaceApp.save`), its problems said in the app's words."""

    def run(*args: Any, **kwargs: Any) -> T:
        try:
            return change(*args, **kwargs)
        except PaceError as error:
            said = in_tui_words(error)
            if said is error:
                raise
            raise said from None

    return run
