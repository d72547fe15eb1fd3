"""`paceapp support`: where to get help now (the same words as the app's Support screen)."""

from __future__ import annotations

import click

from paceapp.core.safety import support_text


@click.command("support")
def support() -> None:
    """Crisis contacts: 999, NHS 111, Samaritans 116 123, Shout 85258."""
    click.echo(support_text())


def register(cli: click.Group) -> None:
    cli.add_command(support)
