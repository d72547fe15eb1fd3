"""The `paceapp` command line.

`main()` is the console-script entry point: it builds the click group, runs it, and turns every
known error into a plain message on stderr and an exit code (0 done, 2 wrong input - nothing
changed, 1 anything else - nothing lost). A traceback is never shown (set PACEAPP_DEBUG=1 to see
one). Quick commands never import textual: the TUI is imported only by the commands that open it.
"""

from __future__ import annotations

import os
import sys

import click

from paceapp.core.errors import PaceError


def main(argv: list[str] | None = None) -> int:
    """Run paceapp with `argv` (default: sys.argv[1:]); return the exit code."""
    from paceapp.cli.root import build_cli

    cli = build_cli()
    try:
        result = cli.main(args=argv, prog_name="paceapp", standalone_mode=False)
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
        click.echo(f"{error.format_message()}{hint}", err=True)
        return 2
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except PaceError as error:
        click.echo(str(error), err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("\nStopped. Anything already saved is safe.", err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # e.g. `paceapp show pain | head`: the reader left; nothing to say
        return 1
    except Exception as error:  # the last line of defence: never a traceback for a person
        if os.environ.get("PACEAPP_DEBUG"):
            raise
        click.echo(
            f"paceapp hit a problem it did not expect ({type(error).__name__}: {error}).\n"
            "Anything already saved is safe. Run again with PACEAPP_DEBUG=1 to see details.",
            err=True)
        return 1
    return result if isinstance(result, int) else 0
