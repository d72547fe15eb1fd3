"""Showing a person's (or a peer's) words safely: never as markup."""

from __future__ import annotations

from rich.text import Text


def plain(text: object) -> Text:
    """Literal text for DataTable cells and Rich renderables: `[b]` stays `[b]`."""
    return Text(str(text))


#: Textual key names -> what a person reads on the keyboard.
KEY_NAMES = {"question_mark": "?", "exclamation_mark": "!", "delete": "Delete", "escape": "Esc",
             "enter": "Enter", "space": "Space"}


def key_label(key: str) -> str:
    """A binding's keys as a person reads them: "escape,f2" -> "Esc / F2", "ctrl+z" -> "Ctrl+Z"."""
    parts = []
    for one in key.split(","):
        one = KEY_NAMES.get(one, one)
        if one.startswith("ctrl+"):
            one = "Ctrl+" + one[5:].upper()
        elif len(one) > 1 and one[0] == "f" and one[1:].isdigit():
            one = one.upper()
        parts.append(one)
    return " / ".join(parts)
