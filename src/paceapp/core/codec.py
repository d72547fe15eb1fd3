"""Turning records into plain JSON-ready data and back, strictly.

Used by the store (files), data export/import and `paceapp show --json`. Reading is strict about
types (a wrong type is a DataError naming the field) and tolerant of unknown keys, so a file written
by a newer minor version still reads.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import math
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

from paceapp.core.errors import PaceError
from paceapp.core.text import has_half_characters

T = TypeVar("T")


class DataError(PaceError):
    """Stored or imported data does not have the expected shape."""


#: Dates and moments outside these years are refused when read: no record of a person's health
#: is dated there, and working with them (a week later, a time in UTC) could overflow.
MIN_YEAR = 1000
MAX_YEAR = 8999


def to_data(value: Any) -> Any:
    """A dataclass (or any supported value) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def unreadable_text(data: Any, where: str = "") -> str | None:
    """The field (dotted path) of JSON-ready `data` holding text that is not valid Unicode - half
    of a character, as arrives when a terminal passes bytes it could not decode - or None.
    Such text cannot be saved as UTF-8."""
    if isinstance(data, str):
        return where if has_half_characters(data) else None
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return None
    for key, value in items:
        found = unreadable_text(value, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None


def _has_nonfinite(data: Any) -> bool:
    """True when JSON-ready `data` holds a NaN or infinity anywhere (no paths, no recursion)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, float):
            if not math.isfinite(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return False


def nonfinite_number(data: Any, where: str = "") -> str | None:
    """The field (dotted path) of JSON-ready `data` holding a number that is not finite (NaN or
    infinity: JSON has no such numbers, though Python's reader accepts them), or None.

    Walks without recursion, so data nested however deep cannot overflow the stack. A first
    walk that builds no paths answers for nearly all data (every record `data check` reads).
    """
    if not _has_nonfinite(data):
        return None
    stack: list[tuple[Any, str]] = [(data, where)]
    while stack:
        value, here = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return here or "value"
        if isinstance(value, dict):
            stack.extend((v, f"{here}.{k}" if here else str(k)) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((v, f"{here}.{n}" if here else str(n)) for n, v in enumerate(value))
    return None


def _in_range(moment: date, value: str, where: str) -> None:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise DataError(f"{where}: '{value}' is outside the years paceapp works with "
                        f"({MIN_YEAR}–{MAX_YEAR})")


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Each field of dataclass `cls` with its type, string annotations (PEP 563) resolved.

    What `typing.get_type_hints` gives for the fields, but each distinct annotation text is
    evaluated once per module: get_type_hints compiles every annotation of every class anew,
    about 10 ms when the app starts.
    """
    names = {f.name for f in dataclasses.fields(cls)}
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):  # a subclass's annotation wins, as in get_type_hints
        for name, annotation in klass.__dict__.get("__annotations__", {}).items():
            if name in names:
                found[name] = (_evaluate(annotation, klass.__module__)
                               if isinstance(annotation, str) else annotation)
    return found


@functools.cache
def _evaluate(annotation: str, module: str) -> Any:
    # Our own classes' annotation texts, evaluated as get_type_hints would (never stored data).
    return eval(annotation, vars(sys.modules[module]))


Converter = Callable[[Any, str], Any]


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Converter, bool], ...]:
    """For each init field of `cls`: (name, converter, required). Worked out once per class."""
    hints = field_types(cls)
    return tuple(
        (f.name, _converter(hints[f.name]),
         f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        for f in dataclasses.fields(cls) if f.init)


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    """Build `cls` (a dataclass) from data made by :func:`to_data`; raise DataError if it does not fit."""
    here = where or cls.__name__
    if not isinstance(data, dict):
        raise DataError(f"{here}: expected an object, found {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    plain_class: type = cls  # as `type`, which mypy sees as hashable (the cache needs that)
    for name, convert, required in _plan(plain_class):
        if name not in data:
            if required:
                raise DataError(f"{here}: '{name}' is missing")
            continue
        kwargs[name] = convert(data[name], f"{here}.{name}")
    return cls(**kwargs)


@functools.cache
def _converter(hint: Any) -> Converter:  # noqa: C901 - one branch per supported type
    """A function that checks and converts one stored value of type `hint`."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        optional = type(None) in args
        choices = [_converter(a) for a in args if a is not type(None)]

        def union(value: Any, where: str) -> Any:
            if value is None and optional:
                return None
            problems = []
            for choice in choices:
                try:
                    return choice(value, where)
                except DataError as error:
                    problems.append(str(error))
            raise DataError(problems[0] if problems else f"{where}: unexpected value")
        return union
    if origin is tuple:
        args = typing.get_args(hint)
        item = _converter(args[0]) if args else _converter(Any)

        def as_tuple(value: Any, where: str) -> Any:
            if not isinstance(value, list | tuple):
                raise DataError(f"{where}: expected a list")
            return tuple(item(one, where) for one in value)
        return as_tuple
    if origin is dict:
        _key_hint, value_hint = typing.get_args(hint) or (str, Any)
        member = _converter(value_hint)

        def as_dict(value: Any, where: str) -> Any:
            if not isinstance(value, dict):
                raise DataError(f"{where}: expected an object")
            return {str(k): member(v, f"{where}.{k}") for k, v in value.items()}
        return as_dict
    if hint is Any:
        return lambda value, where: value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda value, where: from_data(hint, value, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        def as_enum(value: Any, where: str) -> Any:
            try:
                return hint(value)
            except ValueError:
                raise DataError(f"{where}: '{value}' is not one of the allowed values") from None
        return as_enum
    if hint is datetime:
        def as_datetime(value: Any, where: str) -> Any:
            if not isinstance(value, str):
                raise DataError(f"{where}: expected a date and time")
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                raise DataError(f"{where}: '{value}' is not an ISO 8601 date and time") from None
            if moment.tzinfo is None:
                raise DataError(f"{where}: '{value}' has no UTC offset")
            _in_range(moment, value, where)
            return moment
        return as_datetime
    if hint is date:
        def as_date(value: Any, where: str) -> Any:
            if not isinstance(value, str):
                raise DataError(f"{where}: expected a date")
            try:
                day = date.fromisoformat(value)
            except ValueError:
                raise DataError(f"{where}: '{value}' is not an ISO 8601 date") from None
            _in_range(day, value, where)
            return day
        return as_date
    if hint is time:
        def as_time(value: Any, where: str) -> Any:
            if not isinstance(value, str):
                raise DataError(f"{where}: expected a time")
            try:
                return time.fromisoformat(value)
            except ValueError:
                raise DataError(f"{where}: '{value}' is not a time (HH:MM)") from None
        return as_time
    if hint is bool:
        def as_bool(value: Any, where: str) -> Any:
            if not isinstance(value, bool):
                raise DataError(f"{where}: expected true or false")
            return value
        return as_bool
    if hint is int:
        def as_int(value: Any, where: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                raise DataError(f"{where}: expected a whole number")
            return value
        return as_int
    if hint is float:
        def as_float(value: Any, where: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DataError(f"{where}: expected a number")
            try:
                number = float(value)
            except OverflowError:  # a whole number too large for a float
                raise DataError(f"{where}: {str(value)[:20]}… is far too large") from None
            if not math.isfinite(number):
                raise DataError(f"{where}: expected a number, found {value}")
            return number
        return as_float
    if hint is str:
        def as_str(value: Any, where: str) -> Any:
            if not isinstance(value, str):
                raise DataError(f"{where}: expected text")
            return value
        return as_str

    def unsupported(value: Any, where: str) -> Any:
        raise DataError(f"{where}: cannot read values of type {hint!r}")
    return unsupported
