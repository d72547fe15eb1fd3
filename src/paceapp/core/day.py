"""What I could do today: the day record behind the assessment summary (issue 20).

A person picks their everyday activities once (`DayActivities`, a single record). Then, on any day,
they log a `DayRecord`: how the day was (good / so-so / bad) and, for the activities that were hard,
how: only slowly or with pain, needed help, or could not — each with optional words of their own.
An activity not named on a logged day was not hard that day; a day not logged is never assumed
either way (the summary counts logged days only and says how many were not logged).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import LINE, NOTE, clean_text

#: Everyday activities offered when a person first picks theirs (they may add their own).
EVERYDAY_ACTIVITIES: tuple[str, ...] = (
    "Preparing food",
    "Eating and drinking",
    "Washing and bathing",
    "Dressing",
    "Using the toilet",
    "Managing medicines or treatment",
    "Talking with people",
    "Reading",
    "Going out and planning a journey",
    "Moving about",
    "Work or caring",
)

#: The most activities a person can keep in their list.
MAX_ACTIVITIES = 20


class Rating(enum.Enum):
    """How the day was, in the person's own judgement."""

    GOOD = "good"
    SO_SO = "so-so"
    BAD = "bad"

    @property
    def words(self) -> str:
        return {"good": "a good day", "so-so": "a so-so day", "bad": "a bad day"}[self.value]


class Difficulty(enum.Enum):
    """How an activity was hard. Ordered from least to most limiting."""

    SLOWLY = "slowly"
    HELP = "help"
    COULD_NOT = "could-not"

    @property
    def words(self) -> str:
        """The words shown everywhere (forms, tables, the summary's headings)."""
        return {"slowly": "only slowly or with pain", "help": "needed help",
                "could-not": "could not"}[self.value]


@dataclass(frozen=True, kw_only=True)
class HardActivity:
    """One activity that was hard on a day, how, and the person's words (optional)."""

    activity: str
    how: Difficulty
    words: str = ""


@dataclass(frozen=True, kw_only=True)
class DayRecord(Record):
    """One day: how it was, and the activities that were hard (an empty list: none were)."""

    KIND: ClassVar[str] = "day"
    LABEL: ClassVar[str] = "day record"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: date
    rating: Rating | None = None
    hard: tuple[HardActivity, ...] = ()
    note: str = ""

    @property
    def day(self) -> date:
        return self.date

    def validate(self) -> None:
        seen: set[str] = set()
        for item in self.hard:
            name = clean_text(item.activity, "activity", LINE, required=True)
            if name != item.activity:
                raise ValidationError("An activity's name has characters that cannot be stored.",
                                      "hard")
            if name.casefold() in seen:
                raise ValidationError(f"'{name}' is listed twice for this day. Please keep one.",
                                      "hard")
            seen.add(name.casefold())
            if clean_text(item.words, "words", NOTE, multiline=True) != item.words:
                raise ValidationError(f"The words for '{name}' have characters that cannot be "
                                      "stored.", "hard")
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def summary(self) -> dict[str, str]:
        hard = "; ".join(f"{item.activity}: {item.how.words}" for item in self.hard)
        return {"id": self.id[:8], "day": self.date.strftime("%a %d %b %Y"),
                "day was": self.rating.value if self.rating else "",
                "hard": hard or "nothing hard", "note": self.note}

    def derived(self) -> dict[str, Any]:
        return {"hard_count": len(self.hard)}


@dataclass(frozen=True, kw_only=True)
class DayActivities(Record):
    """The person's own list of everyday activities (one record; its id is the KIND)."""

    KIND: ClassVar[str] = "day_activities"
    LABEL: ClassVar[str] = "list of everyday activities"
    SINGLE: ClassVar[bool] = True

    activities: tuple[str, ...] = field(default_factory=tuple)

    def validate(self) -> None:
        if len(self.activities) > MAX_ACTIVITIES:
            raise ValidationError(f"The list has {len(self.activities)} activities; the most is "
                                  f"{MAX_ACTIVITIES}. Please remove some.", "activities")
        seen: set[str] = set()
        for name in self.activities:
            if clean_text(name, "activity", LINE, required=True) != name:
                raise ValidationError("An activity's name has characters that cannot be stored.",
                                      "activities")
            if name.casefold() in seen:
                raise ValidationError(f"'{name}' is in the list twice. Please keep one.",
                                      "activities")
            seen.add(name.casefold())


KINDS = (DayRecord, DayActivities)
