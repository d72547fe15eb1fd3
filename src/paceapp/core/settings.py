"""The person's settings: one record, changed from the app or `paceapp settings`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.text import SHORT, UNREADABLE, clean_text, has_half_characters

#: paceapp's short theme names -> the app's theme, in the order the `c` key steps through them.
#: Older settings hold only "default", "high-contrast" or "monochrome"; they keep working.
THEME_NAMES: dict[str, str] = {
    "default": "textual-dark",
    "high-contrast": "paceapp-high-contrast",
    "light": "paceapp-light",
    "high-contrast-light": "paceapp-high-contrast-light",
    "monochrome": "paceapp-monochrome",
}
#: Textual's own themes (Textual 8.2), offered by the app's theme picker (Ctrl+P, "theme").
#: A test checks this against textual.theme.BUILTIN_THEMES, so a new Textual is noticed.
TEXTUAL_THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula",
    "tokyo-night", "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe",
    "catppuccin-macchiato", "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon",
    "rose-pine-dawn", "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light",
)
#: Every name the `theme` setting may hold: paceapp's short names first, then every theme the
#: app offers by its own name (a name in both lists is stored as the short one).
THEMES: tuple[str, ...] = tuple(dict.fromkeys(
    [*THEME_NAMES, *TEXTUAL_THEMES, *THEME_NAMES.values()]))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def theme_setting(name: str) -> str:
    """The name to store for the theme called `name` (any case): paceapp's short name when it
    has one ("paceapp-light" -> "light", "textual-dark" -> "default"), else the theme's own."""
    cleaned = name.strip().lower()
    for short, app_name in THEME_NAMES.items():
        if cleaned == app_name:
            return short
    if cleaned in THEMES:
        return cleaned
    raise ValidationError(unknown_theme_message(name), "theme")


def app_theme(setting: str) -> str:
    """The app's theme for a stored `theme` setting (unknown names give the default)."""
    name = THEME_NAMES.get(setting, setting)
    return name if name in THEMES else THEME_NAMES["default"]


def unknown_theme_message(name: str) -> str:
    others = [t for t in TEXTUAL_THEMES if t not in THEME_NAMES.values()]
    shown = name if len(name) <= 40 else name[:40] + "…"
    return (f"'{shown}' is not one of the colour themes. Choose {', '.join(THEME_NAMES)}, "
            f"or one of Textual's themes: {', '.join(others)}.")


def new_member_id() -> str:
    """A random id that identifies this person's cards to their peers (not their name)."""
    return uuid.uuid4().hex[:16]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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
    #: Remapped keys: binding id -> key (e.g. {"today-log_pain": "f3"}).
    keymap: dict[str, str] = field(default_factory=dict)
    #: True once the first-start welcome was closed (it is shown once).
    welcomed: bool = False

    def validate(self) -> None:
        if not 0 <= self.week_starts <= 6:
            raise ValidationError("The week can start on any day, Monday (0) to Sunday (6).",
                                  "week_starts")
        if self.theme not in THEMES:
            raise ValidationError(unknown_theme_message(self.theme), "theme")
        for name in ("display_name", "real_name", "practice"):
            value = getattr(self, name)
            if clean_text(value, name, SHORT) != value:
                raise ValidationError(f"The {name.replace('_', ' ')} has characters that cannot be "
                                      "stored, or is too long.", name)
        for binding_id, key in self.keymap.items():
            if not binding_id or not key or len(binding_id) > 60 or len(key) > 40:
                raise ValidationError("A remapped key needs a binding id and a key, like "
                                      "today-log_pain=f3.", "keymap")
            if has_half_characters(binding_id + key):
                raise ValidationError(f"Part of a remapped key {UNREADABLE}", "keymap")
        if not self.member_id or len(self.member_id) > 64:
            raise ValidationError("The member id is missing.", "member_id")

    def summary(self) -> dict[str, str]:
        return {"display name": self.display_name or "(not set)",
                "week starts": WEEKDAYS[self.week_starts], "theme": self.theme}


KINDS = (Settings,)
