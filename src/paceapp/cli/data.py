"""`paceapp data ...`: where the data lives, check it, backups and restore, export and import."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import FileOrDash, as_file, is_dash, read_stdin, stdin_is_terminal
from paceapp.core.errors import ValidationError
from paceapp.core.text import plural, strip_controls
from paceapp.core.timeparse import show_date

#: How a document read from '-' is named in messages ("Standard input cannot be imported: ...").
STDIN_NAME = "Standard input"


def _full(path: Path) -> str:
    """The full path, to show where a file went."""
    try:
        return str(path.expanduser().resolve())
    except (OSError, RuntimeError):
        return str(path)


def _count_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items() if n) or "none"


@click.group("data")
def data_group() -> None:
    """Your data: where it is, check it, backups, restore, export and import."""


@data_group.command("path")
@pass_env
def data_path(env: Env) -> None:
    """Print the data folder (records/ and backups/ are inside it)."""
    from paceapp.app.data import has_saved_data

    click.echo(str(env.data_dir))
    if not has_saved_data(env.data_dir):
        click.echo("(Nothing is saved there yet.)", err=True)


@data_group.command("check")
@pass_env
def data_check(env: Env) -> None:
    """Read every file and check every record. Exit code 1 if anything needs attention."""
    from paceapp.app.data import check_data, problem_advice

    report = check_data(env.data_dir)
    for note in report.notes:
        click.echo(strip_controls(note))
    if report.files:
        kinds = _count_text(report.counts)
        click.echo(f"Checked {report.files} files in {report.root}: {report.records} records "
                   f"({kinds}).")
    if report.problems:
        many = len(report.problems)
        click.echo(f"\n{'One problem' if many == 1 else f'{many} problems'} found:")
        for problem in report.problems:
            click.echo(f"  - {problem}")
        fixes = [(p.file, fix) for p in report.problems
                 if (fix := problem_advice(report.root, p)) is not None]
        if fixes:
            click.echo("\nWhat to do:")
            for file, fix in fixes:
                click.echo(f"  {file}:")
                for line in fix.splitlines():
                    click.echo(f"    {line}")
        click.echo("\nNothing was changed. To go back to a backup: 'paceapp data backups', then "
                   "'paceapp data restore NAME'.")
    if report.conflicts:
        many = len(report.conflicts)
        copies = "a conflicting copy" if many == 1 else f"{many} conflicting copies"
        click.echo(f"\nA sync tool left {copies} of your data (not read as your data):")
        for copy in report.conflicts:
            if copy.problem:
                detail = f"it cannot be read ({copy.problem})"
            elif copy.different:
                detail = (f"{copy.records} records, {copy.different} of them missing from your "
                          f"data or newer")
            else:
                detail = f"{copy.records} records, all already in your data: it can be deleted"
            shown = strip_controls(str(copy.path.relative_to(report.root)))
            click.echo(f"  - {shown} (a copy of {strip_controls(copy.original)}): "
                       f"{detail}")
            if copy.different and not copy.problem:
                click.echo(f"    To merge it: paceapp data import "
                           f"\"{strip_controls(str(copy.path))}\"")
    if report.ok and report.files:
        click.echo("Everything reads and checks out.")
    if not report.ok:
        raise click.exceptions.Exit(1)


@data_group.command("backups")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of a table.")
@pass_env
def data_backups(env: Env, as_json: bool) -> None:
    """List backups, newest first, with their dates and record counts."""
    from paceapp.app.data import load_backups
    from paceapp.outputs.tables import render_table

    infos = load_backups(env.data_dir)
    if as_json:
        click.echo(json.dumps([{"name": i.backup.name, "path": str(i.backup.path),
                                "order": i.backup.order, "taken": i.taken.isoformat(),
                                "reason": i.reason, "records": i.records, "counts": i.counts,
                                "usable": i.usable, "problems": [str(p) for p in i.problems],
                                "damaged": i.damaged}
                               for i in infos], ensure_ascii=False, indent=2))
        return
    if not infos:
        click.echo("No backups yet. paceapp takes one before the first change of each day.")
        return
    rows = []
    for info in infos:
        taken = info.taken
        when = show_date(taken.date() if isinstance(taken, datetime) else taken)
        if isinstance(taken, datetime):
            when += f" {taken:%H:%M}"
        state = "ok" if info.usable else f"not usable: {info.why_not}"
        rows.append({"name": strip_controls(info.backup.name), "taken": when, "why": info.reason,
                     "records": str(info.records), "state": state})
    click.echo(render_table(rows))
    click.echo(f"\nIn {env.data_dir / 'backups'}, newest first (in the order they were taken)."
               "\nTo put one back: paceapp data restore NAME")


def complete_backup(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Backup names for shell completion, newest first (a folder listing: reads no data file).

    Never fails: no data folder, no backups or an unreadable folder simply give no names.
    """
    from paceapp.app.data import backup_names
    from paceapp.paths import resolve_data_dir

    try:
        root = resolve_data_dir(ctx.find_root().params.get("data_dir"))
        return backup_names(root, incomplete)
    except Exception:  # a shell's Tab must never show a traceback
        return []


@data_group.command("restore")
@click.argument("backup", metavar="BACKUP", shell_complete=complete_backup)
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_env
def data_restore(env: Env, backup: str, yes: bool) -> None:
    """Put a backup back as your data. Your current data is kept as a backup first."""
    from paceapp.app.data import backup_to_restore, restore

    info = backup_to_restore(env.data_dir, backup)
    found = info.backup
    if not info.usable:  # refused before asking (restore_backup checks again, under the lock)
        raise ValidationError(
            f"The backup {found.name} cannot be put back: {info.why_not}.\nNothing was changed. "
            "Please choose another one ('paceapp data backups' shows which can be used).",
            "backup")
    if not yes and not click.confirm(
            f"Put back the backup {found.name} ({info.records} records)? Your current data is "
            "kept as a backup first.", default=False):
        click.echo("Kept your current data. Nothing was changed.")
        return
    done = restore(env.data_dir, found.name)
    kept = (f"Your data as it was is kept in the backup {done.kept.name}."
            if done.kept else "There was no data to keep.")
    click.echo(f"Put back the backup {done.backup.name} ({done.records} records).\n{kept}")


@data_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json",
              show_default=True, help="json: everything, for import; csv: one file per kind.")
@click.option("--out", type=FileOrDash(), default=None,
              help="JSON: the file to write ('-' or nothing: print it). CSV: the folder to write "
                   "into.")
@click.option("--force", is_flag=True, help="Replace files that are already there.")
@pass_env
def data_export(env: Env, fmt: str, out: Path | str | None, force: bool) -> None:
    """Write all your records out: a full JSON export, or CSV files for a spreadsheet."""
    from paceapp.app.data import export_csv, export_json, export_json_chunks
    from paceapp.outputs.export import usable_path

    if is_dash(out) and fmt == "csv":
        raise ValidationError("CSV is a folder of files (one per kind), so it cannot go to "
                              "standard output. Please give a folder: --out FOLDER, or use "
                              "--format json for '-'.", "out")
    path = as_file(out)  # None: standard output ('-' or no --out)
    if path is not None:
        usable_path(path)
    if fmt == "csv" and path is None:
        raise ValidationError("Please say which folder to write the CSV files into: --out FOLDER.",
                              "out")
    journal = env.journal()  # an older folder is brought forward first (after a backup)
    if path is None:  # written kind by kind as it is read (memory does not grow with years)
        pending: list[str] = []
        for chunk in export_json_chunks(journal):
            pending.append(chunk)
            if len(pending) >= 512:
                click.echo("".join(pending), nl=False)
                pending = []
        click.echo("".join(pending), nl=False)
        return
    if fmt == "json":
        total = export_json(journal, path, force=force)
        click.echo(f"Exported {plural(total, 'record')} to {_full(path)}")
        return
    total, files = export_csv(journal, path, force=force)
    click.echo(f"Exported {plural(total, 'record')} to {plural(len(files), 'CSV file')} in "
               f"{_full(path)}")


@data_group.command("import")
@click.argument("file", metavar="FILE|-", type=FileOrDash())
@click.option("--merge", is_flag=True,
              help="Add to data that is already there (a record in both is kept once; the newer "
                   "copy wins). A file that would make two nights for one morning, overlapping "
                   "naps or flare-ups, or two day records for one date is not loaded.")
@pass_env
def data_import(env: Env, file: Path | str, merge: bool) -> None:
    """Load a full JSON export (or merge a sync tool's conflicting copy of a data file).

    \b
    FILE is the export; '-' reads it from standard input:
    paceapp data export --out - | paceapp --data-dir NEW data import -

    An export made by an older paceapp loads too (a baseline's history inside it becomes its
    change records, as the upgrade to data format 3 does).
    """
    from paceapp.app.data import MAX_IMPORT_BYTES, import_records, read_import, read_import_text
    from paceapp.outputs.export import usable_path

    if is_dash(file):
        if stdin_is_terminal():
            click.echo("Paste the export, then press Ctrl+D on a new line:", err=True)
        batch = read_import_text(read_stdin(MAX_IMPORT_BYTES + 1), Path(STDIN_NAME))
        source = "on standard input"
    else:
        path = Path(file)
        batch = read_import(usable_path(path))
        source = path.name
    done = import_records(env.data_dir, batch, merge=merge)
    counts = done.counts
    what = "export" if batch.form == "export" else "copy"
    click.echo(f"Read {len(batch.records)} records from the {what} {source} "
               f"({_count_text(batch.counts())}).")
    click.echo(f"Added {counts.total_added}, updated {counts.total_replaced} with a newer copy, "
               f"kept {counts.total_kept} that were already there (the same or newer).")
    if done.backup is not None:
        click.echo(f"Your data as it was before is kept in the backup {done.backup.name}.")
    if done.retired is not None:
        click.echo(f"The merged copy was renamed to {done.retired.name}; you can delete it.")


def register(cli: click.Group) -> None:
    cli.add_command(data_group)
