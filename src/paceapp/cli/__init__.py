"""The `paceapp` command line.

`main()` is the console-script entry point: it builds the click group, runs it, and turns every
known error into a plain message on stderr and an exit code (0 done, 2 wrong input - nothing
changed, 1 anything else - nothing lost). A traceback is never shown (set PACEAPP_DEBUG=1 to see
one). Quick commands never import textual: the TUI is imported only by the commands that open it.
Opening the app (`paceapp`, or `paceapp --data-dir FOLDER`) does not import click: the app
starts sooner, and only an error's message needs it.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from paceapp.core.errors import PaceError

if TYPE_CHECKING:
    import click

#: errno values that mean the path given was wrong (exit 2, like any wrong input).
PATH_MISTAKES = frozenset({errno.ENAMETOOLONG, errno.ENOTDIR, errno.EISDIR, errno.ENOENT,
                           errno.EINVAL, errno.ELOOP})


def os_error_message(error: OSError) -> str:
    """One plain line for a path the system refused, naming it (shortened when very long)."""
    name = str(error.filename) if error.filename is not None else ""
    if len(name) > 80:
        name = f"{name[:40]}…{name[-30:]}"
    where = f" {name}" if name else " a file or folder"
    reason = (error.strerror or str(error)).rstrip(".").lower()
    return (f"paceapp could not use{where}: {reason}. Please check the path and try again. "
            "Anything already saved is safe.")


#: Options people reach for, and the ones paceapp uses for the same thing (first that exists).
SAME_MEANING: dict[str, tuple[str, ...]] = {
    "--when": ("--at", "--date"), "--time": ("--at", "--date"), "--on": ("--date", "--at"),
    "--day": ("--date", "--at"), "--date": ("--at",), "--at": ("--date", "--when"),
    "--comment": ("--note",), "--notes": ("--note",), "--text": ("--note",),
    "--file": ("--out",), "--output": ("--out",), "--o": ("--out",),
}


def usage_message(error: click.UsageError) -> str:
    """Click's usage message, except that an unknown option is named as one, with the nearest.

    Commands that take negative numbers (`log pain -1` reaches our own range check) let unknown
    options through as extra arguments, so click said "Got unexpected extra argument (--when
    9am)" where a person needs "No such option '--when'. Did you mean '--at'?".
    """
    import difflib
    import re

    import click

    text = error.format_message()
    if error.ctx is None:
        return text
    if isinstance(error, click.NoSuchOption):
        name = error.option_name
    else:
        found = re.match(r"Got unexpected extra arguments? \((.*)\)$", text)
        unknown = found and next(
            (word for word in found.group(1).split()
             if word.startswith("-") and not word.lstrip("-").replace(".", "").isdigit()), None)
        if not unknown:
            return text
        name = unknown.split("=", 1)[0]
    options = [opt for param in error.ctx.command.params if isinstance(param, click.Option)
               for opt in (*param.opts, *param.secondary_opts)]
    meant = [opt for opt in SAME_MEANING.get(name, ()) if opt in options]
    nearest = meant or difflib.get_close_matches(name, options, n=1, cutoff=0.4)
    return f"No such option '{name}'." + (f" Did you mean '{nearest[0]}'?" if nearest else "")


#: Set by the shell when TAB asks click for completions (bash, zsh, fish); the arguments are
#: then empty and click, not the app, must answer.
COMPLETION_VARIABLE = "_PACEAPP_COMPLETE"
#: On Windows click expands globs and %VARIABLES% in the command line it reads itself.
WINDOWS = os.name == "nt"


def opens_the_app(args: list[str]) -> tuple[bool, str | None]:
    """(True, the folder given or None) when `args` only open the app: nothing, `--data-dir X`
    or `--data-dir=X`, where X is a folder that can be read or is not there yet. Anything else
    (a command, --help, a --data-dir click would refuse, TAB completion) goes through click,
    which answers exactly as before."""
    if os.environ.get(COMPLETION_VARIABLE):
        return False, None
    if not args:
        return True, None
    if WINDOWS:  # a folder given on a Windows command line means what click makes of it
        return False, None
    if len(args) == 2 and args[0] == "--data-dir":
        folder = args[1]
    elif len(args) == 1 and args[0].startswith("--data-dir="):
        folder = args[0].partition("=")[2]
    else:
        return False, None
    if not folder or folder.startswith("-"):
        return False, None
    try:
        path = Path(folder)
        usable = not path.exists() or (path.is_dir() and os.access(path, os.R_OK))
    except (OSError, ValueError):  # a name the system cannot even look up: click says so
        return False, None
    return usable, folder if usable else None


def main(argv: list[str] | None = None) -> int:
    """Run paceapp with `argv` (default: sys.argv[1:]); return the exit code."""
    try:
        only_the_app, folder = opens_the_app(sys.argv[1:] if argv is None else list(argv))
        if only_the_app:
            from paceapp.paths import resolve_data_dir
            from paceapp.tui.launch import run_tui

            return run_tui(resolve_data_dir(folder))
        return run_command(argv)
    except (Exception, KeyboardInterrupt) as error:
        return exit_code_for(error)


def run_command(argv: list[str] | None) -> int:
    """A command (or the app, by a way `opens_the_app` leaves to click), through click."""
    from paceapp.cli.root import build_cli

    result = build_cli().main(args=argv, prog_name="paceapp", standalone_mode=False)
    return result if isinstance(result, int) else 0


def exit_code_for(raised: BaseException) -> int:
    """Say what went wrong in one plain message on stderr; return the exit code."""
    import click

    try:
        raise raised
    except click.exceptions.Abort:
        # A question went unanswered (no input, or Ctrl+C at the prompt): like wrong input,
        # nothing was changed.
        click.echo("Stopped without an answer. Nothing was changed. (Add --yes to skip the "
                   "question.)", err=True)
        return 2
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.BadParameter as error:
        from paceapp.cli.params import PlainBadParameter

        # Our own messages say what was wrong and how to fix it; click's get their option name.
        text = error.message if isinstance(error, PlainBadParameter) else error.format_message()
        if isinstance(error, click.MissingParameter) and error.ctx:
            text += f" (See '{error.ctx.command_path} --help'.)"
        click.echo(text, err=True)  # one plain line
        return 2
    except click.UsageError as error:
        hint = f" (See '{error.ctx.command_path} --help'.)" if error.ctx else ""
        click.echo(f"{usage_message(error)}{hint}", err=True)
        return 2
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except PaceError as error:
        from paceapp.cli.hints import cli_words  # the command that puts it right, if any

        click.echo(cli_words(error), err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("\nStopped. Anything already saved is safe.", err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # e.g. `paceapp show pain | head`: the reader left; nothing to say
        return 1
    except UnicodeError:
        # Half a character (bytes the terminal could not decode), met on its way to a file name
        # or the screen before anything was saved.
        click.echo("Some of the text given could not be read as characters (perhaps it was "
                   "pasted from somewhere with a different character set). Please type it "
                   "again. Anything already saved is safe.", err=True)
        return 2
    except OSError as error:
        # The system refused a path (too long, not a folder, not allowed...) before anything was
        # written: data writes report their own failures as PaceError.
        click.echo(os_error_message(error), err=True)
        return 2 if error.errno in PATH_MISTAKES else 1
    except Exception as error:  # the last line of defence: never a traceback for a person
        if os.environ.get("PACEAPP_DEBUG"):
            raise
        click.echo(
            f"paceapp hit a problem it did not expect ({type(error).__name__}: {error}).\n"
            "Anything already saved is safe. Run again with PACEAPP_DEBUG=1 to see details.",
            err=True)
        return 1
