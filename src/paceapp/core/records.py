"""The common shape of every stored record.

Every record has a stable id (uuid4 string), `created` and `updated` timestamps (UTC) and, for
dated kinds, the local date it belongs to (`day`). Records are frozen dataclasses: a change is a new
object made with :func:`dataclasses.replace` (see :func:`touched`).
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


def new_id() -> str:
    """A fresh stable record id."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of all record kinds. Subclasses set KIND and LABEL and add their own fields."""

    KIND: ClassVar[str] = ""
    #: What a person calls one of these, for messages ("pain score").
    LABEL: ClassVar[str] = "record"
    #: The plural, when it is not LABEL + "s" ("activities").
    PLURAL: ClassVar[str] = ""
    #: True for high-volume dated kinds, stored one file per year so writes stay small.
    SHARDED: ClassVar[bool] = False
    #: For dated kinds, the stored field whose first ten characters are the local ISO date the
    #: record belongs to ("at", "date"...): lets a period be picked before decoding records.
    DAY_FIELD: ClassVar[str | None] = None
    #: True for kinds with exactly one record (a plan, the settings); its id is the KIND.
    SINGLE: ClassVar[bool] = False
    #: Fields `paceapp edit` may not change.
    FIXED_FIELDS: ClassVar[frozenset[str]] = frozenset({"id", "created", "updated"})

    id: str = field(default_factory=new_id)
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)

    @classmethod
    def plural(cls) -> str:
        return cls.PLURAL or f"{cls.LABEL}s"

    @property
    def day(self) -> date | None:
        """The local date this record belongs to (None for undated kinds)."""
        return None

    def validate(self) -> None:
        """Raise ValidationError when the record cannot be stored. Subclasses extend this."""

    def summary(self) -> dict[str, str]:
        """Column label -> text, for tables in the CLI and lists in the TUI."""
        return {"id": self.id[:8]}

    def derived(self) -> dict[str, Any]:
        """Computed values added to JSON output (e.g. a sleep night's TST)."""
        return {}


def touched(record: R, **changes: Any) -> R:
    """A copy of `record` with `changes` applied and `updated` set to now."""
    return dataclasses.replace(record, updated=utc_now(), **changes)
