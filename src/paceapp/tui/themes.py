"""Themes: paceapp's own (high contrast dark and light, a light one, black and white) beside
Textual's built-in ones.

Meaning never rests on colour alone (words and symbols carry it), so every theme is complete.
NO_COLOR is honoured by Textual itself (it draws in monochrome when NO_COLOR is set).
The names stored in the settings, and the order `c` steps through, are in core.settings.
"""

from __future__ import annotations

import dataclasses

from textual.theme import BUILTIN_THEMES, Theme

from paceapp.core.settings import THEME_NAMES

DEFAULT = THEME_NAMES["default"]

HIGH_CONTRAST = Theme(
    name="paceapp-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    warning="#FFFF00",
    error="#FF8080",
    success="#80FF80",
    dark=True,
    variables={"footer-key-foreground": "#FFFF00", "input-selection-background": "#FFFF00 40%"},
)

#: Black on white. Borders of boxes that are not focused stay grey (not near-white), so every
#: box can be seen; the focused one is drawn in dark blue.
HIGH_CONTRAST_LIGHT = Theme(
    name="paceapp-high-contrast-light",
    primary="#00007A",
    secondary="#004D4D",
    accent="#000000",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E4E4E4",
    warning="#7A3D00",
    error="#A00000",
    success="#005C00",
    dark=False,
    variables={
        "footer-key-foreground": "#00007A",
        "border-blurred": "#707070",
        "input-selection-background": "#00007A 30%",
        "text-muted": "#333333",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#C8C8F0",
    },
)

#: Textual's light theme, with darker words where Textual's are hard to read on light grey (a
#: contrast of about 3 to 1): the keys in the footer (in its darker blue) and messages about a
#: problem (dark amber, red and green rather than orange, pink and light green).
LIGHT = dataclasses.replace(
    BUILTIN_THEMES["textual-light"],
    name="paceapp-light",
    variables={**BUILTIN_THEMES["textual-light"].variables, "footer-key-foreground": "#004578",
               "text-warning": "#7A4100", "text-error": "#9B1C1C", "text-success": "#1E5E2E"},
)

MONOCHROME = Theme(
    name="paceapp-monochrome",
    primary="#D0D0D0",
    secondary="#A0A0A0",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#101010",
    panel="#202020",
    warning="#FFFFFF",
    error="#FFFFFF",
    success="#FFFFFF",
    dark=True,
    variables={"text-muted": "#C0C0C0"},  # hints and examples at 7:1 or more, like the rest
)

#: paceapp's themes, registered with the app beside Textual's.
OWN_THEMES = (HIGH_CONTRAST, LIGHT, HIGH_CONTRAST_LIGHT, MONOCHROME)

#: settings.theme value -> Textual theme name, in the order `c` cycles through them.
THEMES: dict[str, str] = dict(THEME_NAMES)


def next_theme(current: str) -> str:
    """The short name `c` moves to from `current` (any stored name; others go to the first)."""
    names = list(THEMES)
    return names[(names.index(current) + 1) % len(names)] if current in names else names[0]


def theme_label(setting: str) -> str:
    """A theme's name in words, for messages ("high-contrast-light" -> "high contrast light")."""
    return setting.replace("-", " ")
