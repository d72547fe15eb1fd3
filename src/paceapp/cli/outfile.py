"""`--out FILE` and `-` for the commands that write a document (GP sheet, card, plan, export).

`-` means standard output (for `--out`) or standard input (for a file to read), as in most
command-line tools. A file really called "-" can still be named as ./-.
When standard output carries the document, every note for the person goes to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

#: The name that means standard output / standard input.
DASH = "-"

#: The --force option's help, the same on every command that writes a file.
FORCE_HELP = "Replace the file if it is already there (otherwise paceapp stops and says so)."


class FileOrDash(click.Path):
    """A file name as a Path, or the string "-" for standard output / input.

    pathlib turns "./-" into "-", so the choice is made on the words typed: `-` alone is
    standard output; "./-" stays a file called "-".
    """

    def __init__(self, *, dir_okay: bool = True) -> None:
        super().__init__(dir_okay=dir_okay, allow_dash=True, path_type=str)

    def convert(self, value: str | os.PathLike[str], param: click.Parameter | None,
                ctx: click.Context | None) -> Path | str:
        if isinstance(value, Path):
            return value
        text = os.fsdecode(super().convert(value, param, ctx))
        return DASH if text == DASH else Path(text)


def is_dash(value: Path | str | None) -> bool:
    """True when the person wrote `-` (standard output or input), not a file name."""
    return isinstance(value, str) and value == DASH


def as_file(value: Path | str | None) -> Path | None:
    """The file named, or None for `-` (standard output) or no name at all."""
    if value is None or is_dash(value):
        return None
    return Path(value)


def emit_bytes(data: bytes) -> None:
    """Send a document to standard output exactly as it is (a PDF stays a PDF through a pipe)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some test harnesses): text formats still arrive
        sys.stdout.write(data.decode("utf-8", "replace"))
        sys.stdout.flush()
        return
    buffer.write(data)
    buffer.flush()


def read_stdin(limit: int) -> bytes:
    """At most `limit` bytes from standard input."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read(limit))
    return sys.stdin.read(limit).encode("utf-8", "surrogateescape")


def stdin_is_terminal() -> bool:
    return bool(getattr(sys.stdin, "isatty", lambda: False)())


def stdout_is_terminal() -> bool:
    return bool(getattr(sys.stdout, "isatty", lambda: False)())


def format_for(fmt: str | None, path: Path | None, suffixes: dict[str, str],
               default: str = "text") -> str:
    """The format asked for, else the one the file name's ending says, else `default`."""
    if fmt is not None:
        return fmt
    return suffixes.get(path.suffix.lower(), default) if path is not None else default


def send_document(data: bytes, path: Path | None, *, binary: bool, note: str = "",
                  save: Callable[[Path, bytes], Path], wrote: Callable[[Path], str]) -> None:
    """Print a document (`path` None) or save it and say where (the message `wrote(where)`).

    Printed, the document is all that goes to standard output (a binary one, such as a PDF,
    byte for byte), and the 'shortened' `note` goes to stderr; saved, the note follows the
    message.
    """
    if path is None:
        if binary:
            emit_bytes(data)  # e.g. piped to lp
        else:
            click.echo(data.decode(), nl=False)
        if note:
            click.echo(note, err=True)  # stdout carries the document alone
        return
    click.echo(wrote(save(path, data)))
    if note:
        click.echo(note)
