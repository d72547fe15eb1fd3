"""Changing a stored record from `field=value` text (used by `paceapp edit`)."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Hashable
from datetime import date, datetime, time
from typing import Any, TypeVar, cast

from paceapp.core.codec import field_types
from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import NOTE, parse_int, strip_controls
from paceapp.core.timeparse import parse_clock, parse_date, parse_when

R = TypeVar("R", bound=Record)


def editable_fields(cls: type[Record]) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.init and f.name not in cls.FIXED_FIELDS]


def parse_field(hint: Any, text: str, field: str, now: datetime) -> Any:
    """Read `text` as a value of type `hint`."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if text.strip() == "" and type(None) in typing.get_args(hint):
            return None
        return parse_field(args[0], text, field, now)
    if origin is tuple:
        parts = [p.strip() for p in text.split(",")]
        item = typing.get_args(hint)[0]
        return tuple(parse_field(item, p, field, now) for p in parts if p)
    if hint is int:
        return parse_int(text, field, field)
    if hint is float:
        try:
            return float(text.strip())
        except ValueError:
            raise ValidationError(f"{field} must be a number, like 2.5.", field) from None
    if hint is bool:
        lowered = text.strip().lower()
        if lowered in ("yes", "true", "1", "y"):
            return True
        if lowered in ("no", "false", "0", "n"):
            return False
        raise ValidationError(f"{field} must be yes or no.", field)
    if hint is datetime:
        return parse_when(text, now, field)
    if hint is date:
        return parse_date(text, now.date(), field)
    if hint is time:
        return parse_clock(text, field)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        for member in hint:
            if text.strip().lower() in (str(member.value).lower(), member.name.lower()):
                return member
        allowed = ", ".join(str(m.value) for m in hint)
        raise ValidationError(f"{field} must be one of: {allowed}.", field)
    if hint is str:
        cleaned = strip_controls(text, keep_newlines=True).strip()
        if len(cleaned) > NOTE:
            raise ValidationError(
                f"The {field} is {len(cleaned)} characters long; the most is {NOTE}.", field)
        return cleaned
    raise ValidationError(f"{field} cannot be changed with 'edit'.", field)


def apply_edits(record: R, pairs: list[str], now: datetime) -> R:
    """A copy of `record` with each `field=value` applied, validated."""
    cls = type(record)
    allowed = editable_fields(cls)
    hints = field_types(cast("Hashable", cls))
    changes: dict[str, Any] = {}
    if not allowed:
        raise ValidationError(f"A {cls.LABEL} cannot be changed here.", "field")
    if not pairs:
        raise ValidationError(
            f"Say what to change, like: score=5. Fields you can change: {', '.join(allowed)}.",
            "field")
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not name:
            raise ValidationError(f"'{pair}' should look like field=value, e.g. note=stairs.",
                                  "field")
        if name not in allowed:
            raise ValidationError(
                f"'{name}' is not something you can change on a {cls.LABEL}. "
                f"You can change: {', '.join(allowed)}.", "field")
        changes[name] = parse_field(hints[name], value, name, now)
    changed = dataclasses.replace(record, **changes)
    changed.validate()
    return changed
