"""`paceapp show`, `edit`, `delete` and `undo`: the same for every kind of record."""

from __future__ import annotations

from datetime import timedelta

import click
from click.shell_completion import CompletionItem

from paceapp.app.records import (
    delete_record,
    edit_record,
    find_record,
    list_records,
    recent_ids,
    undo_last,
)
from paceapp.cli.context import Env, pass_env
from paceapp.cli.hints import cli_hints
from paceapp.cli.params import WholeNumber
from paceapp.core.kinds import ALIASES, all_kinds, kind_class
from paceapp.core.records import Record
from paceapp.outputs.tables import records_json, render_table


def _describe(record: Record) -> str:
    parts = [f"{k}: {v}" for k, v in record.summary().items() if v and k != "id"]
    return f"{record.LABEL} ({', '.join(parts)})"


def complete_kind(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Kinds of record for the shell to offer (their usual names; other names only when none of
    those starts with what was typed, e.g. 'appointments')."""
    typed = incomplete.strip().lower()
    kinds = {name: cls for name, cls in all_kinds().items() if not cls.SINGLE}
    found = [CompletionItem(name, help=cls.LABEL) for name, cls in kinds.items()
             if name.startswith(typed)]
    if not found:
        found = [CompletionItem(alias, help=kinds[name].LABEL) for alias, name in ALIASES.items()
                 if alias.startswith(typed) and name in kinds]
    return found


#: Most ids the shell is offered at once (the newest records).
MOST_IDS = 40


def complete_id(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Short ids of the records of the kind typed before, newest first, read from the data folder.

    Only reads (Journal.open could bring an older folder up to date): a folder that is missing,
    older, newer or damaged simply offers nothing.
    """
    from paceapp.paths import resolve_data_dir

    try:
        root = resolve_data_dir(ctx.find_root().params.get("data_dir"))
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    records = recent_ids(root, str(ctx.params.get("kind") or ""))
    typed = incomplete.strip().lower()
    found = [r for r in records if r.id.startswith(typed)][:MOST_IDS]
    return [CompletionItem(r.id[:8], help=_describe(r)) for r in found]


def days_option(func):  # noqa: ANN001, ANN201 - a click decorator
    return click.option("--days", type=WholeNumber("number of days", 1, 36500), default=None,
                        help="Only the last N days (today counts as one).")(func)


@click.command("show")
@click.argument("kind", shell_complete=complete_kind)
@days_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of a table.")
@pass_env
def show(env: Env, kind: str, days: int | None, as_json: bool) -> None:
    """List records: pain, peg, sleep, flares, activity (and other kinds)."""
    cls = kind_class(kind)
    since = env.today() - timedelta(days=days - 1) if days else None
    records = list_records(env.journal(), cls, since=since)
    if as_json:
        click.echo(records_json(records))
        return
    if not records:
        period = f" in the last {days} days" if days else ""
        click.echo(f"No {cls.plural()} logged{period} yet.")
        return
    click.echo(render_table([r.summary() for r in records]))


@click.command("edit")
@click.argument("kind", shell_complete=complete_kind)
@click.argument("record_id", metavar="ID", shell_complete=complete_id)
@click.argument("changes", nargs=-1, metavar="FIELD=VALUE...")
@pass_env
def edit(env: Env, kind: str, record_id: str, changes: tuple[str, ...]) -> None:
    """Change a record: give its id and the fields to change.

    \b
    Example: paceapp edit pain 1a2b score=5 note="after the bus"
    A day's hard activities: paceapp edit day 1a2b hard="Dressing=help:my words; Eating=slowly"
    """
    cls = kind_class(kind)
    with cli_hints():  # only the fields given, on fresh data; rules across records checked
        changed = edit_record(env.journal(), cls, record_id, list(changes), env.now())
    click.echo(f"Changed: {_describe(changed)}. ('paceapp undo' puts it back.)")


@click.command("delete")
@click.argument("kind", shell_complete=complete_kind)
@click.argument("record_id", metavar="ID", shell_complete=complete_id)
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_env
def delete(env: Env, kind: str, record_id: str, yes: bool) -> None:
    """Delete a record (asks first; 'paceapp undo' brings it back)."""
    cls = kind_class(kind)
    journal = env.journal()
    with cli_hints():
        record = find_record(journal, cls, record_id)
    if not yes and not click.confirm(f"Delete this {_describe(record)}?", default=False):
        click.echo("Kept it. Nothing was changed.")
        return
    delete_record(journal, cls, record.id)
    click.echo(f"Deleted: {_describe(record)}. ('paceapp undo' brings it back.)")


@click.command("undo")
@pass_env
def undo(env: Env) -> None:
    """Reverse the last change made from the command line or the app."""
    result = undo_last(env.journal())
    if result is None:
        click.echo("There is nothing to undo.")
        return
    click.echo(f"Undone: {_describe(result.record)} {result.what}.")


@click.command("kinds", hidden=True)
def kinds() -> None:
    """List the kinds of record."""
    for name, cls in all_kinds().items():
        click.echo(f"{name}\t{cls.LABEL}")


def register(cli: click.Group) -> None:
    for command in (show, edit, delete, undo, kinds):
        cli.add_command(command)
