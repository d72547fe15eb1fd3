"""What I could do today: the day record behind the assessment summary (issue 20).

A person picks their everyday activities once (`DayActivities`, a single record). Then, on any day,
they log a `DayRecord`: how the day was (good / so-so / bad) and, for the activities that were hard,
how: only slowly or with pain, needed help, or could not — each with optional words of their own.
An activity not named on a logged day was not hard that day; a day not logged is never assumed
either way (the summary counts logged days only and says how many were not logged).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import ClashError, Reader, Record
from paceapp.core.text import LINE, NOTE, clean_text, strip_controls
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value

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

#: `date`, by a name a field called `date` does not hide (for type checkers).
Date = date


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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HardActivity(Value):
    """One activity that was hard on a day, how, and the person's words (optional)."""

    activity: str
    how: Difficulty
    words: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class DayRecord(Record):
    """One day: how it was, and the activities that were hard (an empty list: none were)."""

    KIND: ClassVar[str] = "day"
    LABEL: ClassVar[str] = "day record"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: Date
    rating: Rating | None = None
    hard: tuple[HardActivity, ...] = ()
    note: str = ""

    @property
    def day(self) -> Date:
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

    #: Fields `paceapp edit` reads with `edit_field` (not the field-by-field reader).
    CUSTOM_EDITS: ClassVar[tuple[str, ...]] = ("hard",)

    def edit_field(self, name: str, text: str, activities: Sequence[str]) -> DayRecord:
        """A copy with `hard` set from text: 'Dressing=help:my partner; Preparing food=could not'
        (empty: nothing was hard). Names match the person's list or those already on the day."""
        if name != "hard":
            raise ValidationError(f"{name} cannot be changed this way.", name)
        known = list(dict.fromkeys([*activities, *(item.activity for item in self.hard)]))
        parts = [part for part in text.split(";") if part.strip()]
        changed = dataclasses.replace(self, hard=tuple(parse_hard(part, known) for part in parts))
        changed.validate()
        return changed

    def check_typed(self, now: datetime) -> None:
        """A day just logged or changed is not in the future (by `now`)."""
        check_not_future(self, now.date())

    def check_across(self, read: Reader) -> None:
        """One day record per date, reading only the records of that date. The Journal runs
        this inside its write transaction."""
        check_one_per_date(read(DayRecord, since=self.date, until=self.date), self)

    def check_among(self, stored: list[DayRecord]) -> None:
        """`check_typed` (by this computer's clock) and one day record per date in `stored`."""
        from paceapp.core.timeparse import local_now

        check_not_future(self, local_now().date())
        check_one_per_date(stored, self)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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

#: What people may type for each difficulty (lower case, spaces for hyphens and apostrophes
#: dropped): checked in `parse_difficulty`, listed in its message.
DIFFICULTY_FORMS: dict[Difficulty, tuple[str, ...]] = {
    Difficulty.SLOWLY: ("slowly", "slow", "only slowly", "with pain", "pain", "painful",
                        "only slowly or with pain", "slowly or with pain"),
    Difficulty.HELP: ("help", "needed help", "need help", "helped", "with help"),
    Difficulty.COULD_NOT: ("could not", "couldnt", "cannot", "cant", "can not", "not",
                           "no", "could not do it"),
}

#: What people may type for a day rating.
RATING_FORMS: dict[Rating, tuple[str, ...]] = {
    Rating.GOOD: ("good", "g", "1"),
    Rating.SO_SO: ("so so", "soso", "so", "ok", "okay", "middling", "s", "2"),
    Rating.BAD: ("bad", "b", "3"),
}


def _typed_words(text: str) -> str:
    """'Couldn't', 'could-not', ' COULD  not ' -> 'could not' / 'couldnt' for matching."""
    text = strip_controls(text).lower().replace("-", " ").replace("_", " ")
    text = text.replace("'", "").replace("\u2019", "")
    return " ".join(text.split())


def accepted_difficulties() -> str:
    """'slowly (or: with pain), help (or: needed help), could not (or: couldn't)'."""
    return "slowly (or: with pain), help (or: needed help), could not (or: couldn't, cannot)"


def parse_difficulty(text: str, field: str = "how") -> Difficulty:
    """How an activity was hard, as people type it ('slowly', 'help', "couldn't")."""
    typed = _typed_words(text)
    for how, forms in DIFFICULTY_FORMS.items():
        if typed == how.value.replace("-", " ") or typed in forms:
            return how
    shown = " ".join(strip_controls(text).split())[:40]
    raise ValidationError(f"'{shown}' is not a way paceapp knows an activity was hard. "
                          f"Please use one of: {accepted_difficulties()}.", field)


def parse_rating(text: str, field: str = "rating") -> Rating:
    """A day rating as people type it ('good', 'so-so', 'ok', 'bad', or 1/2/3)."""
    typed = _typed_words(text)
    for rating, forms in RATING_FORMS.items():
        if typed in forms:
            return rating
    shown = " ".join(strip_controls(text).split())[:40]
    raise ValidationError(f"'{shown}' is not a day rating paceapp knows. Please use good, "
                          "so-so or bad.", field)


def match_activity(text: str, activities: Sequence[str], field: str = "hard") -> str:
    """The activity in the list that `text` names: the same words in any case, or the start of
    one name only ('prep' -> 'Preparing food'). Refuses a name not in the list (a typo would
    otherwise count as an activity of its own)."""
    typed = " ".join(strip_controls(text).split())
    if not typed:
        raise ValidationError("An activity's name is empty. Please write it before the '='.",
                              field)
    folded = typed.casefold()
    for name in activities:
        if name.casefold() == folded:
            return name
    starts = [name for name in activities if name.casefold().startswith(folded)]
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        raise ValidationError(f"'{typed}' could be {' or '.join(repr(n) for n in starts)}. "
                              "Please write more of the name.", field)
    raise ValidationError(
        f"'{typed[:60]}' is not in your list of activities ({', '.join(activities)}). Please "
        "use one of those, or add it to your list first: paceapp log day-activities --add "
        f"\"{typed[:60]}\".", field)


def parse_hard(text: str, activities: Sequence[str], field: str = "hard") -> HardActivity:
    """'Dressing=help:my partner did my buttons' -> the activity, how, and the words (after the
    first ':', optional)."""
    name, sep, rest = text.partition("=")
    if not sep:
        raise ValidationError(
            f"'{' '.join(text.split())[:60]}' should look like ACTIVITY=HOW or "
            "ACTIVITY=HOW:your words, e.g. \"Dressing=help:my partner did my buttons\".", field)
    how_text, _colon, words = rest.partition(":")
    activity = match_activity(name, activities, field)
    how = parse_difficulty(how_text, field)
    return HardActivity(activity=activity, how=how,
                        words=clean_text(words, "words", NOTE, multiline=True,
                                         label=f"words for '{activity}'"))


def describe_day(record: DayRecord, today: date | None = None) -> str:
    """'day record for Sat 28 Nov: a bad day; hard: Dressing (needed help)'."""
    parts = [record.rating.words if record.rating else "no rating"]
    if record.hard:
        parts.append("hard: " + "; ".join(f"{item.activity} ({item.how.words})"
                                         for item in record.hard))
    else:
        parts.append("nothing hard")
    return f"day record for {show_date(record.date, today)}: {', '.join(parts)}"


#: The rule `check_one_per_date` names in its ClashError.
ONE_DAY_PER_DATE = "one-day-per-date"


def check_one_per_date(stored: Iterable[DayRecord], record: DayRecord) -> None:
    """Refuse a second day record for the same date (new, or one moved to it by an edit)."""
    for other in stored:
        if other.id != record.id and other.date == record.date:
            raise ClashError(
                f"{show_date(record.date)} already has a day record (id {other.id[:8]}).",
                "There is one per day: change that one, or delete it first.", "date",
                rule=ONE_DAY_PER_DATE, other_kind=other.KIND, other_id=other.id,
                day=record.date)


def check_not_future(record: DayRecord, today: date) -> None:
    if record.date > today:
        raise ValidationError(f"{show_date(record.date)} is in the future. Log a day on the day "
                              "or after it.", "date")


def new_day(day: date, today: date, *, rating: Rating | None = None,
            hard: Iterable[HardActivity] = (), note: str = "") -> DayRecord:
    """A day record from what the person gave, checked on its own (`check_across`, run by the
    Journal when it is stored, checks it against the stored ones)."""
    record = DayRecord(date=day, rating=rating, hard=tuple(hard),
                       note=clean_text(note, "note", NOTE, multiline=True))
    check_not_future(record, today)
    record.validate()
    return record


def person_activities(stored: DayActivities | None) -> tuple[str, ...]:
    """The person's chosen list, or the everyday activities when they never chose one."""
    if stored is None:
        return EVERYDAY_ACTIVITIES
    return stored.activities


def new_activities(names: Iterable[str]) -> DayActivities:
    """A list from typed names (cleaned; the same name twice is kept once)."""
    kept: list[str] = []
    for name in names:
        cleaned = clean_text(name, "activities", LINE, label="activity's name")
        if cleaned and cleaned.casefold() not in {k.casefold() for k in kept}:
            kept.append(cleaned)
    if not kept:
        raise ValidationError("The list of activities is empty. Please keep at least one.",
                              "activities")
    record = DayActivities(activities=tuple(kept))
    record.validate()
    return record


KINDS = (DayRecord, DayActivities)
