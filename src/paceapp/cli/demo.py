"""`paceapp demo`: the app on a generated sample, or the sample written to a folder."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.core.errors import ValidationError


@click.command("demo")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the sample into this folder (as a data folder) and stop.")
@click.option("--days", type=click.IntRange(1, 3650), default=84, show_default=True,
              help="How many days of history (up to 3650, ten years).")
@click.option("--seed", type=int, default=7, hidden=True)
@pass_env
def demo(env: Env, out: Path | None, days: int, seed: int) -> None:
    """Try paceapp on a fictional person's data. Your own data is never touched."""
    from paceapp.demo import write_demo

    if out is not None:
        if out.exists() and any(out.iterdir()):
            raise ValidationError(f"{out} is not empty. Please choose a new or empty folder; "
                                  "paceapp will not write a sample over other files.", "out")
        count = write_demo(out, days, env.today(), seed)
        click.echo(f"Wrote {count} sample records ({days} days) to {out}.\n"
                   f"Open it with: paceapp --data-dir {out}")
        return
    folder = Path(tempfile.mkdtemp(prefix="paceapp-demo-"))
    try:
        write_demo(folder / "data", days, env.today(), seed)
        from paceapp.tui.launch import run_tui

        code = run_tui(folder / "data", demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if code:
        raise click.exceptions.Exit(code)


def register(cli: click.Group) -> None:
    cli.add_command(demo)
