"""The person's settings: one record, changed from the app or `paceapp settings`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import SHORT, clean_text

THEMES = ("default", "high-contrast", "monochrome")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def new_member_id() -> str:
    """A random id that identifies this person's cards to their peers (not their name)."""
    return uuid.uuid4().hex[:16]


@dataclass(frozen=True, kw_only=True)
class Settings(Record):
    """Preferences. `display_name` is what peers see (not the real name, unless chosen)."""

    KIND: ClassVar[str] = "settings"
    LABEL: ClassVar[str] = "settings"
    SINGLE: ClassVar[bool] = True

    display_name: str = ""
    member_id: str = field(default_factory=new_member_id)
    #: Optional, for the GP sheet only (never shared).
    real_name: str = ""
    practice: str = ""
    #: 0 = weeks start on Monday (the default) ... 6 = Sunday.
    week_starts: int = 0
    theme: str = "default"
    bad_day_mode: bool = False
    #: Remapped keys: binding id -> key (e.g. {"today-log_pain": "ctrl+l"}).
    keymap: dict[str, str] = field(default_factory=dict)

    def validate(self) -> None:
        if not 0 <= self.week_starts <= 6:
            raise ValidationError("The week can start on any day, Monday (0) to Sunday (6).",
                                  "week_starts")
        if self.theme not in THEMES:
            raise ValidationError(f"The theme must be one of: {', '.join(THEMES)}.", "theme")
        for name in ("display_name", "real_name", "practice"):
            value = getattr(self, name)
            if clean_text(value, name, SHORT) != value:
                raise ValidationError(f"The {name.replace('_', ' ')} has characters that cannot be "
                                      "stored, or is too long.", name)
        for binding_id, key in self.keymap.items():
            if not binding_id or not key or len(binding_id) > 60 or len(key) > 40:
                raise ValidationError("A remapped key needs a binding id and a key, like "
                                      "today-log_pain=ctrl+l.", "keymap")
        if not self.member_id or len(self.member_id) > 64:
            raise ValidationError("The member id is missing.", "member_id")

    def summary(self) -> dict[str, str]:
        return {"display name": self.display_name or "(not set)",
                "week starts": WEEKDAYS[self.week_starts], "theme": self.theme}


KINDS = (Settings,)
