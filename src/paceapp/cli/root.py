"""The root `paceapp` group. Feature modules add their commands through `register(cli)`."""

from __future__ import annotations

from pathlib import Path

import click

from paceapp import __version__
from paceapp.cli.context import Env
from paceapp.cli.lazy import LazyGroup
from paceapp.core.safety import NOT_MEDICAL_ADVICE
from paceapp.paths import resolve_data_dir

#: Every top-level command -> the module under paceapp.cli whose `register(cli)` adds it (imported
#: only when the command runs, or for --help). The one list of commands: a module that adds a
#: command not named here, or a name here that no module adds, fails tests/test_registries.py.
ROOT_COMMANDS: dict[str, str] = {
    "log": "log", "show": "records", "edit": "records", "delete": "records", "undo": "records",
    "kinds": "records", "flare-plan": "flare", "pace": "pace", "insights": "pace",
    "goal": "goal", "gp": "gp", "calendar": "calendar", "share": "share", "group": "share",
    "data": "data", "report": "report", "demo": "demo", "support": "support", "settings": "settings",
    "evidence": "evidence",
}

#: The modules that add top-level commands (from ROOT_COMMANDS).
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(ROOT_COMMANDS.values()))

HELP = f"""paceapp - pacing, sleep, flare-ups, goals, GP visits and peer support.

Run `paceapp` with no command to open the app. Quick jobs from the shell:

\b
  paceapp log pain 6 --note "stairs"
  paceapp show pain --days 7

{NOT_MEDICAL_ADVICE} In an emergency call 999; for urgent help NHS 111;
to talk, Samaritans 116 123 (free, any time); or text SHOUT to 85258.
"""


def build_cli() -> click.Group:
    """The whole command tree (cheap: no TUI import)."""

    @click.group(cls=LazyGroup, lazy=ROOT_COMMANDS, modules=COMMAND_MODULES,
                 invoke_without_command=True, help=HELP,
                 context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Folder for your data (default: $PACEAPP_DATA_DIR, else your user data "
                       "folder).")
    @click.version_option(__version__, "--version", prog_name="paceapp")
    @click.pass_context
    def cli(ctx: click.Context, data_dir: Path | None) -> None:
        ctx.obj = Env(resolve_data_dir(data_dir))
        if ctx.invoked_subcommand is None:
            from paceapp.tui.launch import run_tui  # textual is imported only here

            ctx.exit(run_tui(ctx.obj.data_dir))

    return cli
