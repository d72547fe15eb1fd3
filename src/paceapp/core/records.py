"""The common shape of every stored record.

Every record has a stable id (uuid4 string), `created` and `updated` timestamps (UTC) and, for
dated kinds, the local date it belongs to (`day`). Records are frozen dataclasses: a change is a new
object made with :func:`dataclasses.replace` (see :func:`touched`).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, TypeVar

from paceapp.core.errors import NotFoundError, ValidationError
from paceapp.core.value import Value

R = TypeVar("R", bound="Record")

#: Reads the stored records of one kind, oldest first: ``read(cls, since=None, until=None)``
#: (days in [since, until]). The Journal passes its own `list`, read inside the write lock.
Reader = Callable[..., Sequence[Any]]


def new_id() -> str:
    """A fresh stable record id."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Record(Value):
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
    #: For a kind that is part of another's record rather than an entry of its own (a
    #: baseline's changes): that kind. Today's list of what was logged leaves these out.
    PART_OF: ClassVar[str] = ""
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

    def check_across(self, read: Reader) -> None:
        """Rules across stored records (one night per morning, no nap inside a night, one open
        flare-up...): raise ValidationError (ClashError when another record is in the way).

        The Journal runs this for every record it adds or changes (`add`, `update`,
        `put_single`), inside the write transaction, reading the stored records as they are
        now with `read`; so no caller can skip it. The stored copy of this record (same id)
        may be among those read: the rules pass over it.

        A kind joins in one of two ways: override this (reading only the days it needs), or,
        for a rule over the other records of its own kind only, override `check_among`, which
        this then runs with every stored record of the kind.
        """
        if type(self).check_among is not Record.check_among:
            self.check_among(list(read(type(self))))

    def check_among(self, stored: list[Any]) -> None:
        """Rules against the stored records of this kind (`stored`, all of them): see
        `check_across`. None by default."""

    def check_typed(self, now: datetime) -> None:
        """Checks on a record a person has just typed or changed, that records already stored
        need not pass again (not in the future by `now`, a time the clocks skipped). The
        use-cases that log or change a record call it; a kind with such checks overrides it."""


def touched(record: R, **changes: Any) -> R:
    """A copy of `record` with `changes` applied and `updated` set to now."""
    return dataclasses.replace(record, updated=utc_now(), **changes)


class ClashError(ValidationError):
    """A record clashes with another stored one (a rule across records); nothing was changed.

    The message says what is in the way and what to do in plain words; the facts travel with
    it, so each front end can add its own hint (a command to type, a key to press).
    """

    def __init__(self, problem: str, remedy: str, field: str, *, rule: str, other_kind: str,
                 other_id: str, day: date | None = None) -> None:
        #: What is in the way, e.g. "There is already a night logged for the morning of ...".
        self.problem = problem
        #: What to do, in words of no front end ("Change that one instead.").
        self.remedy = remedy
        #: Which rule: "one-night-per-morning", "nap-in-night", "one-day-per-date", ...
        self.rule = rule
        #: The KIND and id of the record in the way, and the day it belongs to.
        self.other_kind = other_kind
        self.other_id = other_id
        self.day = day
        super().__init__(f"{problem} {remedy}".strip(), field)


class UnknownIdError(NotFoundError):
    """No record of `kind` has an id starting `typed` (a front end says where ids are shown)."""

    def __init__(self, cls: type[Record], typed: str) -> None:
        self.kind = cls.KIND
        self.typed = typed
        super().__init__(f"There is no {cls.LABEL} with an id starting '{typed}'.")


class ShortIdError(ValidationError):
    """Too few characters of an id were given to find a record of `kind`."""

    def __init__(self, cls: type[Record], least: int) -> None:
        self.kind = cls.KIND
        self.least = least
        super().__init__(f"Please give at least {least} characters of the id.", "id")
