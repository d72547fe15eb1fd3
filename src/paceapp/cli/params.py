"""click parameter types that give the same plain messages as the core."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from paceapp.core.errors import ValidationError
from paceapp.core.text import parse_int
from paceapp.core.timeparse import ClockChangeError, local_now, parse_date, parse_when


class PlainBadParameter(click.BadParameter):
    """A bad value whose message already says what was wrong and how to fix it (shown as is)."""


class _Plain(click.ParamType):
    def fail_plain(self, error: ValidationError, param: click.Parameter | None,
                   ctx: click.Context | None) -> Any:
        raise PlainBadParameter(str(error), ctx=ctx, param=param)


class WholeNumber(_Plain):
    """A whole number, read with the core's message ('must be a number written in digits')."""

    name = "number"

    def __init__(self, label: str, low: int | None = None, high: int | None = None) -> None:
        self.label = label
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = value if isinstance(value, int) else parse_int(
                str(value), param.name if param else "value", self.label)
            if (self.low is not None and number < self.low) or (
                    self.high is not None and number > self.high):
                raise ValidationError(f"The {self.label} must be from {self.low} to {self.high}; "
                                      f"{number} is outside that.", self.label)
            return number
        except ValidationError as error:
            return self.fail_plain(error, param, ctx)


class When(_Plain):
    """A moment, written as `timeparse.accepted_forms` lists ('yesterday 9pm', 'Mon 21:00',
    '23/11 9:30am', '2026-11-23T14:30'). `ahead`: a weekday is the coming one (appointments)."""

    name = "when"

    def __init__(self, ahead: bool = False) -> None:
        self.ahead = ahead

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_when(str(value), local_now(), param.name if param else "at",
                              ahead=self.ahead)
        except ClockChangeError as error:
            # say it with the option, quoted as the shell needs: --at '2026-10-25T01:30 second'
            option = param.opts[0] if param is not None and param.opts else ""
            raise PlainBadParameter(error.for_option(option), ctx=ctx, param=param) from None
        except ValidationError as error:
            return self.fail_plain(error, param, ctx)


class Day(_Plain):
    """A day, written as `timeparse.accepted_forms` lists ('yesterday', 'Mon', '23/11', '23 Nov
    2026'). `ahead`: a weekday is the coming one (plans, meetings). `morning`: 'last night' is
    today (a sleep diary's night is dated by the morning it ends)."""

    name = "date"

    def __init__(self, ahead: bool = False, morning: bool = False) -> None:
        self.ahead, self.morning = ahead, morning

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value), local_now().date(), param.name if param else "date",
                              ahead=self.ahead, morning=self.morning)
        except ValidationError as error:
            return self.fail_plain(error, param, ctx)


WHEN = When()
#: A moment still to come (an appointment): 'Mon 9:30am' is the coming Monday.
WHEN_AHEAD = When(ahead=True)
DAY = Day()
#: A day still to come (a plan's start, a meeting): 'Mon' is the coming Monday.
DAY_AHEAD = Day(ahead=True)
#: The morning a night ended (the sleep diary): 'last night' is today.
MORNING = Day(morning=True)
