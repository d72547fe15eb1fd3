"""Turning records into plain JSON-ready data and back, strictly.

Used by the store (files), data export/import and `paceapp show --json`. Reading is strict about
types (a wrong type is a DataError naming the field) and tolerant of unknown keys, so a file written
by a newer minor version still reads.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from datetime import date, datetime, time
from typing import Any, TypeVar

from paceapp.core.errors import PaceError

T = TypeVar("T")


class DataError(PaceError):
    """Stored or imported data does not have the expected shape."""


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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    """Build `cls` (a dataclass) from data made by :func:`to_data`; raise DataError if it does not fit."""
    if not isinstance(data, dict):
        raise DataError(f"{where or cls.__name__}: expected an object, found {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init:
            continue
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise DataError(f"{where or cls.__name__}: '{f.name}' is missing")
            continue
        kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where or cls.__name__}.{f.name}")
    return cls(**kwargs)


def _convert(hint: Any, value: Any, where: str) -> Any:  # noqa: C901 - one branch per type
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if value is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        problems = []
        for arg in non_none:
            try:
                return _convert(arg, value, where)
            except DataError as error:
                problems.append(str(error))
        raise DataError(problems[0] if problems else f"{where}: unexpected value")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list | tuple):
            raise DataError(f"{where}: expected a list")
        item_hint = args[0] if args else Any
        return tuple(_convert(item_hint, item, f"{where}[{i}]") for i, item in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise DataError(f"{where}: expected an object")
        _key_hint, value_hint = typing.get_args(hint) or (str, Any)
        return {str(k): _convert(value_hint, v, f"{where}.{k}") for k, v in value.items()}
    if hint is Any:
        return value
    if dataclasses.is_dataclass(hint):
        return from_data(hint, value, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            raise DataError(f"{where}: '{value}' is not one of the allowed values") from None
    if hint is datetime:
        if not isinstance(value, str):
            raise DataError(f"{where}: expected a date and time")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise DataError(f"{where}: '{value}' is not an ISO 8601 date and time") from None
        if moment.tzinfo is None:
            raise DataError(f"{where}: '{value}' has no UTC offset")
        return moment
    if hint is date:
        if not isinstance(value, str):
            raise DataError(f"{where}: expected a date")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise DataError(f"{where}: '{value}' is not an ISO 8601 date") from None
    if hint is time:
        if not isinstance(value, str):
            raise DataError(f"{where}: expected a time")
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise DataError(f"{where}: '{value}' is not a time (HH:MM)") from None
    if hint is bool:
        if not isinstance(value, bool):
            raise DataError(f"{where}: expected true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataError(f"{where}: expected a whole number")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataError(f"{where}: expected a number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise DataError(f"{where}: expected text")
        return value
    raise DataError(f"{where}: cannot read values of type {hint!r}")
