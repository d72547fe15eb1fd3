"""`paceapp data ...`: where the data lives, check it, backups and restore, export and import."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime
from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.core.errors import ValidationError
from paceapp.core.timeparse import show_date


def _count_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items() if n) or "none"


@click.group("data")
def data_group() -> None:
    """Your data: where it is, check it, backups, restore, export and import."""


@data_group.command("path")
@pass_env
def data_path(env: Env) -> None:
    """Print the data folder (records/ and backups/ are inside it)."""
    click.echo(str(env.data_dir))
    if not (env.data_dir / "records").is_dir():
        click.echo("(Nothing is saved there yet.)", err=True)


@data_group.command("check")
@pass_env
def data_check(env: Env) -> None:
    """Read every file and check every record. Exit code 1 if anything needs attention."""
    from paceapp.store.maintenance import check_folder

    report = check_folder(env.data_dir)
    for note in report.notes:
        click.echo(note)
    if report.files:
        kinds = _count_text(report.counts)
        click.echo(f"Checked {report.files} files in {report.root}: {report.records} records "
                   f"({kinds}).")
    if report.problems:
        many = len(report.problems)
        click.echo(f"\n{'One problem' if many == 1 else f'{many} problems'} found:")
        for problem in report.problems:
            click.echo(f"  - {problem}")
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
            click.echo(f"  - {copy.path.relative_to(report.root)} (a copy of {copy.original}): "
                       f"{detail}")
            if copy.different and not copy.problem:
                click.echo(f"    To merge it: paceapp data import \"{copy.path}\"")
    if report.ok and report.files:
        click.echo("Everything reads and checks out.")
    if not report.ok:
        raise click.exceptions.Exit(1)


@data_group.command("backups")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of a table.")
@pass_env
def data_backups(env: Env, as_json: bool) -> None:
    """List backups, newest first, with their dates and record counts."""
    from paceapp.outputs.tables import render_table
    from paceapp.store.maintenance import list_backups

    infos = list_backups(env.data_dir)
    if as_json:
        click.echo(json.dumps([{"name": i.backup.name, "path": str(i.backup.path),
                                "taken": i.taken.isoformat(), "reason": i.reason,
                                "records": i.records, "counts": i.counts, "damaged": i.damaged}
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
        state = f"damaged: {', '.join(info.damaged)}" if info.damaged else "ok"
        rows.append({"name": info.backup.name, "taken": when, "why": info.reason,
                     "records": str(info.records), "state": state})
    click.echo(render_table(rows))
    click.echo(f"\nIn {env.data_dir / 'backups'}. To put one back: paceapp data restore NAME")


@data_group.command("restore")
@click.argument("backup", metavar="BACKUP")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_env
def data_restore(env: Env, backup: str, yes: bool) -> None:
    """Put a backup back as your data. Your current data is kept as a backup first."""
    from paceapp.store.folder import DataFolder
    from paceapp.store.maintenance import backup_info, find_backup, restore_backup

    found = find_backup(DataFolder(env.data_dir), backup)
    info = backup_info(found)
    if not yes and not click.confirm(
            f"Put back the backup {found.name} ({info.records} records)? Your current data is "
            "kept as a backup first.", default=False):
        click.echo("Kept your current data. Nothing was changed.")
        return
    done = restore_backup(env.data_dir, found.name)
    kept = (f"Your data as it was is kept in the backup {done.kept.name}."
            if done.kept else "There was no data to keep.")
    click.echo(f"Put back the backup {done.backup.name} ({done.records} records).\n{kept}")


@data_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json",
              show_default=True, help="json: everything, for import; csv: one file per kind.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="JSON: the file to write (default: print it). CSV: the folder to write into.")
@click.option("--force", is_flag=True, help="Replace files that are already there.")
@pass_env
def data_export(env: Env, fmt: str, out: Path | None, force: bool) -> None:
    """Write all your records out: a full JSON export, or CSV files for a spreadsheet."""
    from paceapp.core.kinds import all_kinds
    from paceapp.outputs.export import csv_files, export_document, render_export
    from paceapp.store.maintenance import export_records
    from paceapp.store.migrations import migrate_folder
    from paceapp.store.storage import atomic_write

    migrate_folder(env.data_dir)
    if out is not None:
        _usable(out)
    records = export_records(env.journal())
    total = sum(len(v) for v in records.values())
    if fmt == "json":
        text = render_export(export_document(records))
        if out is None:
            click.echo(text, nl=False)
            return
        if out.is_dir():
            raise ValidationError(f"{out} is a folder. Please give a file name for the export, "
                                  f"e.g. {out / 'paceapp-export.json'}.", "out")
        _refuse_existing([out], force)
        _parent_ok(out.parent)
        atomic_write(out, text.encode("utf-8"))
        click.echo(f"Exported {total} records to {out}.")
        return
    if out is None:
        raise ValidationError("Please say which folder to write the CSV files into: --out FOLDER.",
                              "out")
    if out.exists() and not out.is_dir():
        raise ValidationError(f"{out} is a file. For CSV, --out is a folder (one file per kind).",
                              "out")
    files = csv_files(all_kinds(), records)
    _refuse_existing([out / name for name in files], force)
    _parent_ok(out.parent)
    try:
        out.mkdir(mode=0o700, parents=False, exist_ok=True)
    except OSError as error:
        from paceapp.store.errors import WriteFailedError
        from paceapp.store.storage import write_failure_message

        raise WriteFailedError(write_failure_message(out / "x", error)) from error
    for name, payload in files.items():
        atomic_write(out / name, payload)
    click.echo(f"Exported {total} records to {len(files)} CSV files in {out}.")


def _usable(path: Path) -> Path:
    """`path`, or a plain ValidationError when the system cannot use that name at all."""
    try:
        os.stat(path)
    except FileNotFoundError:
        pass
    except NotADirectoryError:
        raise ValidationError(f"{path} is inside something that is not a folder. Please choose "
                              "another place.", "out") from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise ValidationError("That file name is too long for this system. Please choose a "
                                  "shorter one.", "out") from None
        raise ValidationError(f"{str(path)[:200]} cannot be used ({error.strerror}). Please "
                              "choose another place.", "out") from None
    except ValueError:  # e.g. a NUL character in the name
        raise ValidationError("That file name has characters that cannot be used. Please choose "
                              "another one.", "out") from None
    return path


def _refuse_existing(paths: list[Path], force: bool) -> None:
    there = [p for p in paths if _usable(p).exists()]
    if there and not force:
        names = ", ".join(str(p) for p in there[:3]) + (" …" if len(there) > 3 else "")
        raise ValidationError(f"{names} already exists. Choose another place, or add --force to "
                              "replace it.", "out")


def _parent_ok(parent: Path) -> None:
    if not _usable(parent).is_dir():
        raise ValidationError(f"The folder {parent} does not exist. Please create it first or "
                              "choose another place.", "out")


@data_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--merge", is_flag=True,
              help="Add to data that is already there (a record in both is kept once; the newer "
                   "copy wins).")
@pass_env
def data_import(env: Env, file: Path, merge: bool) -> None:
    """Load a full JSON export (or merge a sync tool's conflicting copy of a data file)."""
    from paceapp.store.maintenance import import_batch, read_import_file

    batch = read_import_file(_usable(file))
    done = import_batch(env.data_dir, batch, merge=merge)
    counts = done.counts
    what = "export" if batch.form == "export" else "copy"
    click.echo(f"Read {len(batch.records)} records from the {what} {file.name} "
               f"({_count_text(batch.counts())}).")
    click.echo(f"Added {counts.total_added}, updated {counts.total_replaced} with a newer copy, "
               f"kept {counts.total_kept} that were already there (the same or newer).")
    if done.backup is not None:
        click.echo(f"Your data as it was before is kept in the backup {done.backup.name}.")
    if done.retired is not None:
        click.echo(f"The merged copy was renamed to {done.retired.name}; you can delete it.")


def register(cli: click.Group) -> None:
    cli.add_command(data_group)
