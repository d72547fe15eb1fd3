"""Value: equality, hashing and repr, shared by every frozen dataclass in paceapp.

Each such class is declared ``@dataclass(frozen=True, eq=False, repr=False)`` and inherits from
Value (a record kind does so through Record). Why: ``@dataclass`` writes the source of each
method it adds and compiles it when the class's module is imported. The 56 classes on the way
to the app's first frame took 44 ms of that on Python 3.11, half of paceapp's own import time;
`__eq__`, `__hash__` and `__repr__` were a third of it. Written once here, they do what
dataclass's own would: two values are equal when they are of the same class and their compared
fields are equal, in order; the hash is that of those fields; the repr shows the fields that
ask for it. tests/core/test_value.py holds every frozen dataclass to these rules.
"""

from __future__ import annotations

import dataclasses
from typing import Any

#: Per class: (the fields compared and hashed, the fields shown by repr).
_FIELD_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        names = (tuple(f.name for f in fields if f.compare),
                 tuple(f.name for f in fields if f.repr))
        _FIELD_NAMES[cls] = names
    return names


class Value:
    """Base of paceapp's frozen dataclasses (see the module's docstring)."""

    __slots__ = ()

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _names(type(self))[0])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(type(self))[1])
        return f"{type(self).__qualname__}({shown})"
