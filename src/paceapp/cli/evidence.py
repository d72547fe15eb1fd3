"""`paceapp evidence`: the assessment summary from my own day records (text, Markdown or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import (
    FORCE_HELP,
    FileOrDash,
    as_file,
    format_for,
    is_dash,
    send_document,
    stdout_is_terminal,
)
from paceapp.core.errors import ValidationError

FORMATS = ("text", "markdown", "md", "pdf")
SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf"}
NAMES = {"text": "text", "markdown": "Markdown", "pdf": "PDF"}


@click.command("evidence", short_help="An assessment summary from your day records.")
@click.option("--from", "start", default=None, metavar="DAY",
              help="The first day to cover (default: 12 weeks before --to).")
@click.option("--to", "end", default=None, metavar="DAY", help="The last day to cover "
              "(default: today).")
@click.option("--weeks", type=click.IntRange(1, 104), default=None,
              help="Cover N weeks up to --to (default: 12).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text (default), markdown or pdf. Taken from --out's ending when not given.")
@click.option("--out", type=FileOrDash(), default=None,
              help="Write to this file ('-': print it). Without --out, text and Markdown are "
                   "printed and a PDF is saved in your documents folder.")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@pass_env
def evidence(env: Env, start: str | None, end: str | None, weeks: int | None, fmt: str | None,
             out: Path | str | None, force: bool) -> None:
    """A summary for an assessment (Personal Independence Payment (PIP), Universal Credit,
    work, a fit note) from your day records: on how many of the days you logged each activity
    was hard, in your own words.

    It counts only the days you logged and says how many were not logged. It does not judge
    any claim; it ends with where to get free help with forms.

    \b
    paceapp evidence                          (the last 12 weeks, on the screen)
    paceapp evidence --weeks 26 --out summary.pdf
    paceapp evidence --from 2026-09-01 --to 2026-11-30 --format markdown
    """
    from paceapp.app.evidence import load_evidence, read_period, render
    from paceapp.outputs.evidence import FILE_STEM, save_file
    from paceapp.outputs.files import refuse_existing

    path = as_file(out)
    fmt = format_for(fmt, path, SUFFIXES)
    fmt = "markdown" if fmt == "md" else fmt
    today = env.today()
    period = read_period(today, start=start, end=end, weeks=weeks)
    to_stdout = is_dash(out) or (path is None and fmt != "pdf")
    if fmt == "pdf" and to_stdout and stdout_is_terminal():
        raise ValidationError("A PDF cannot be shown on the screen. Leave out --out to save it "
                              "in your documents folder, or add --out FILE.", "out")
    if path is None and not to_stdout:  # a PDF with no --out: the documents folder
        from paceapp.outputs.files import ensure_folder, free_path
        from paceapp.paths import documents_dir

        folder = documents_dir()
        ensure_folder(folder)
        path = free_path(folder, f"{FILE_STEM} {today.isoformat()}", ".pdf")
    if path is not None:
        if path.suffix.lower() in SUFFIXES and SUFFIXES[path.suffix.lower()] != fmt:
            raise ValidationError(f"The file name ends in {path.suffix} but the format is {fmt}. "
                                  "Please make them agree.", "out")
        refuse_existing([path], force=force)  # before any work: the file stays as it is
    data, note = render(load_evidence(env.journal(), period, today), fmt)
    pages = "at most two A4 pages, " if fmt == "pdf" else ""
    send_document(data, path, binary=fmt == "pdf", note=note,
                  save=lambda where, data: save_file(where, data, force=force),
                  wrote=lambda where: f"Wrote your assessment summary ({pages}{NAMES[fmt]}) to "
                                      f"{where}")


def register(cli: click.Group) -> None:
    cli.add_command(evidence)
