"""`paceapp settings`: your display name, week start, colours, bad-day mode and keys."""

from __future__ import annotations

import json
from typing import Any

import click

from paceapp.cli.context import Env, pass_env
from paceapp.core.codec import to_data
from paceapp.core.errors import ValidationError
from paceapp.core.settings import THEME_NAMES, WEEKDAYS, theme_setting


@click.group("settings", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
@click.pass_context
def settings_group(ctx: click.Context, as_json: bool) -> None:
    """Show your settings, or change them with `paceapp settings set ...`."""
    if ctx.invoked_subcommand is not None:
        return
    env: Env = ctx.obj
    from paceapp.app.settings import load_settings

    current = load_settings(env.journal())
    if as_json:
        click.echo(json.dumps(to_data(current), indent=2, ensure_ascii=False))
        return
    rows = [("Display name (what peers see)", current.display_name or "(not set)"),
            ("Real name (GP sheet only)", current.real_name or "(not set)"),
            ("GP practice", current.practice or "(not set)"),
            ("Weeks start on", WEEKDAYS[current.week_starts]),
            ("Colours", current.theme),
            ("Bad-day mode", "on" if current.bad_day_mode else "off"),
            ("Changed keys", ", ".join(f"{k}={v}" for k, v in current.keymap.items()) or "none")]
    for label, value in rows:
        click.echo(f"{label + ':':<32} {value}")


@settings_group.command("set")
@click.option("--display-name", default=None, help="The name your peer group sees on your cards.")
@click.option("--real-name", default=None, help="Your name for the GP sheet (never shared).")
@click.option("--practice", default=None, help="Your GP practice, for the GP sheet.")
@click.option("--week-starts", default=None, help="The day your week starts (default Monday).")
@click.option("--theme", default=None, metavar="NAME",
              help=f"Colours in the app: {', '.join(THEME_NAMES)}, or any theme the app's "
                   "theme list shows (Ctrl+P, then theme), such as nord or solarized-light.")
@click.option("--bad-day", type=click.Choice(["on", "off"]), default=None,
              help="Show only the essentials, with bigger buttons.")
@click.option("--key", "keys", multiple=True, metavar="BINDING=KEY",
              help="Change a key in the app, e.g. --key today-log_pain=f3 (F1 lists ids).")
@click.option("--reset-keys", is_flag=True, help="Go back to the standard keys.")
@pass_env
def settings_set(env: Env, display_name: str | None, real_name: str | None,
                 practice: str | None, week_starts: str | None, theme: str | None,
                 bad_day: str | None, keys: tuple[str, ...], reset_keys: bool) -> None:
    """Change one or more settings."""
    from paceapp.app.settings import change_settings, weekday_number

    changes: dict[str, Any] = {}
    for name, value in (("display_name", display_name), ("real_name", real_name),
                        ("practice", practice)):
        if value is not None:
            changes[name] = " ".join(value.split())
    if week_starts is not None:
        changes["week_starts"] = weekday_number(week_starts)
    if theme is not None:
        changes["theme"] = theme_setting(theme)
    if bad_day is not None:
        changes["bad_day_mode"] = bad_day == "on"
    new_keys: dict[str, str] = {}
    for pair in keys:
        binding, sep, key = pair.partition("=")
        if not sep or not binding.strip() or not key.strip():
            raise ValidationError(f"'{pair}' should look like today-log_pain=f3.", "key")
        new_keys[binding.strip()] = key.strip()
    if not changes and not keys and not reset_keys:
        raise ValidationError("Say what to change, e.g. --display-name Sam or --week-starts "
                              "Sunday. See 'paceapp settings set --help'.", "settings")
    # The keys are added to the remapped keys as stored when the change is written.
    change_settings(env.journal(), keys=new_keys, reset_keys=reset_keys, **changes)
    click.echo("Saved your settings. ('paceapp undo' puts them back.)")


def register(cli: click.Group) -> None:
    cli.add_command(settings_group)
