"""`paceapp support`: where to get help now (the same words as the app's Support screen)."""

from __future__ import annotations

import re

import click

from paceapp.core.safety import support_text

#: Wide enough that support_text() leaves each paragraph on one line; this module folds them.
_ONE_LINE_EACH = 10_000
#: A space before a number never breaks a line: "116 123", "call 999" and "to 85258" stay whole.
_BEFORE_A_NUMBER = re.compile(r"(?<=\S) (?=\d)")


def support_lines(width: int) -> list[str]:
    """The Support page folded to `width` cells.

    Each paragraph keeps its indent, and its later lines sit two cells further in (as on the
    Support screen). A phone number is never split across two lines.
    """
    from paceapp.outputs.fold import NBSP, fold

    lines: list[str] = []
    for paragraph in support_text(width=_ONE_LINE_EACH).splitlines():
        words = paragraph.lstrip(" ")
        indent = paragraph[: len(paragraph) - len(words)]
        lines += fold(_BEFORE_A_NUMBER.sub(NBSP, words), width, indent,
                      indent + "  " if indent else "")
    return [line.replace(NBSP, " ") for line in lines]


@click.command("support")
def support() -> None:
    """Crisis contacts: 999, NHS 111, Samaritans 116 123, Shout 85258."""
    from paceapp.outputs.tables import terminal_width

    click.echo("\n".join(support_lines(terminal_width(most=80))))


def register(cli: click.Group) -> None:
    cli.add_command(support)
