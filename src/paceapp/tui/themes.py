"""Themes: Textual's default, a high-contrast one and a monochrome one.

Meaning never rests on colour alone (words and symbols carry it), so every theme is complete.
NO_COLOR is honoured by Textual itself (it draws in monochrome when NO_COLOR is set).
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT = "textual-dark"

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
)

#: settings.theme value -> Textual theme name, in the order `c` cycles through them.
THEMES: dict[str, str] = {
    "default": DEFAULT,
    "high-contrast": HIGH_CONTRAST.name,
    "monochrome": MONOCHROME.name,
}


def next_theme(current: str) -> str:
    names = list(THEMES)
    return names[(names.index(current) + 1) % len(names)] if current in names else names[0]
