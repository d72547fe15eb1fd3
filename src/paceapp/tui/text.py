"""Showing a person's (or a peer's) words safely: never as markup."""

from __future__ import annotations

from rich.text import Text


def plain(text: object) -> Text:
    """Literal text for DataTable cells and Rich renderables: `[b]` stays `[b]`."""
    return Text(str(text))
