"""`paceapp gp ...`: prepare the GP appointment list and print the one-page sheet.

Concerns and questions are numbered as `paceapp gp list` shows them (1 = the top).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from paceapp.app import gp as gp_app
from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import (
    FORCE_HELP,
    FileOrDash,
    as_file,
    format_for,
    send_document,
    stdout_is_terminal,
)
from paceapp.cli.params import WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.gp import SHARED_DECISION_QUESTIONS, ItemState, open_items, when_text
from paceapp.outputs.tables import record_json, terminal_width

FORMATS = ("text", "md", "pdf", "html")
SUFFIXES = {".txt": "text", ".md": "md", ".markdown": "md", ".pdf": "pdf", ".html": "html",
            ".htm": "html"}


@click.group("gp")
def gp_group() -> None:
    """Get ready for a GP appointment: concerns, questions, medicines, and a one-page sheet.

    \b
    paceapp gp date "Tue 9:50"
    paceapp gp concern add "Back pain waking me at night" --detail "3-4 times a night"
    paceapp gp question shared
    paceapp gp med add Naproxen --dose "500 mg" --how-often "twice a day"
    paceapp gp sheet --format pdf --out gp-sheet.pdf
    """


@gp_group.command("date")
@click.argument("when", metavar="WHEN")
@click.option("--with", "clinician", default=None, help="Who the appointment is with (optional).")
@pass_env
def gp_date(env: Env, when: str, clinician: str | None) -> None:
    """Set the day (and time) of the appointment: tomorrow, 'Tue 9:50' (the coming Tuesday),
    '10/12 9:50', '9 Dec 2pm'."""
    appt = gp_app.set_date(env.journal(), when, env.now(), clinician)
    click.echo(f"Saved: GP appointment on {when_text(appt, env.today())}"
               f"{f' with {appt.clinician}' if appt.clinician else ''}.")


def _item_group(which: str, plural: str) -> click.Group:
    """`gp concern ...` and `gp question ...` share these commands."""

    @click.group(which)
    def group() -> None:
        pass

    group.help = f"Add, reorder and tick off {plural} (numbered as 'paceapp gp list' shows them)."

    @click.argument("text")
    @click.option("--priority", type=WholeNumber("priority"), default=None,
                  help="Where it goes: 1 is the top (default: the end of the list).")
    @pass_env
    def add(env: Env, text: str, priority: int | None, detail: str = "") -> None:
        appt, number = gp_app.add_item(env.journal(), which, text, detail, priority)
        items = getattr(appt, plural)
        click.echo(f"Saved: {which} {number} of {len(items)}: {items[number - 1].text}")

    if which == "concern":
        add = click.option("--detail", default="", help="One line of detail (optional).")(add)
    group.command("add", help=f"Add a {which}.")(add)

    @group.command("edit")
    @click.argument("number", type=WholeNumber("number"))
    @click.option("--text", default=None, help="The new words.")
    @click.option("--detail", default=None,
                  help="The new line of detail, for a concern ('' to clear it).")
    @pass_env
    def edit(env: Env, number: int, text: str | None, detail: str | None) -> None:
        if text is None and detail is None:
            raise ValidationError("Say what to change: --text or --detail.", "text")
        gp_app.edit_item(env.journal(), which, number, text, detail)
        click.echo(f"Changed {which} {number}.")

    edit.help = f"Change the words of a {which}."

    @group.command("up")
    @click.argument("number", type=WholeNumber("number"))
    @click.option("--by", "steps", type=click.IntRange(1, 20), default=1, show_default=True)
    @pass_env
    def up(env: Env, number: int, steps: int) -> None:
        gp_app.move_item(env.journal(), which, number, -steps)
        click.echo(f"Moved {which} {number} up. 'paceapp gp list' shows the new order.")

    up.help = f"Move a {which} up the list (more important)."

    @group.command("down")
    @click.argument("number", type=WholeNumber("number"))
    @click.option("--by", "steps", type=click.IntRange(1, 20), default=1, show_default=True)
    @pass_env
    def down(env: Env, number: int, steps: int) -> None:
        gp_app.move_item(env.journal(), which, number, steps)
        click.echo(f"Moved {which} {number} down. 'paceapp gp list' shows the new order.")

    down.help = f"Move a {which} down the list."

    for name, state, words in (("dealt", ItemState.DEALT, "dealt with - it stays off the sheet"),
                               ("carry", ItemState.CARRY, "to carry over to the next appointment"),
                               ("reopen", ItemState.OPEN, "to raise again")):
        def make(state: ItemState = state, words: str = words) -> Callable[..., None]:
            @pass_env
            def mark(env: Env, number: int) -> None:
                gp_app.mark_item(env.journal(), which, number, state)
                click.echo(f"Marked {which} {number} as {words}.")
            return mark

        command = click.command(name, help=f"Mark a {which} as {words}.")(
            click.argument("number", type=WholeNumber("number"))(make()))
        group.add_command(command)

    @group.command("remove")
    @click.argument("number", type=WholeNumber("number"))
    @pass_env
    def remove(env: Env, number: int) -> None:
        item = gp_app.remove_item(env.journal(), which, number)
        click.echo(f"Removed {which} {number}: {item.text}  ('paceapp undo' brings it back.)")

    remove.help = f"Take a {which} off the list."
    return group


concern_group = _item_group("concern", "concerns")
question_group = _item_group("question", "questions")
gp_group.add_command(concern_group)
gp_group.add_command(question_group)


@question_group.command("shared")
@pass_env
def question_shared(env: Env) -> None:
    """Add the three shared-decision questions (any not on the list yet)."""
    added = gp_app.add_shared_questions(env.journal())
    if added:
        click.echo(f"Added {added} of the three shared-decision questions:")
        for question in SHARED_DECISION_QUESTIONS:
            click.echo(f"  - {question}")
    else:
        click.echo("The three shared-decision questions are already on your list.")


@gp_group.group("med")
def med_group() -> None:
    """Your medicines list (in your own words): add, change, remove."""


def _med_options(func: Callable[..., None]) -> Callable[..., None]:
    for name, dest, help_text in (
            ("--worries", "worries", "Worries or side effects."),
            ("--for", "what_for", "What it is for / what it does for me."),
            ("--how-often", "how_often", "How often you take it, e.g. 'twice a day'."),
            ("--dose", "dose", "How much, e.g. '500 mg'.")):
        func = click.option(name, dest, default=None, help=help_text)(func)
    return func


@med_group.command("add")
@click.argument("name")
@_med_options
@pass_env
def med_add(env: Env, name: str, dose: str | None, how_often: str | None, what_for: str | None,
            worries: str | None) -> None:
    """Add a medicine you take."""
    med = gp_app.add_medicine(env.journal(), name, dose or "", how_often or "", what_for or "",
                              worries or "")
    click.echo(f"Saved: {med.name} on your medicines list.  (id {med.id[:8]})")


@med_group.command("edit")
@click.argument("number", type=WholeNumber("number"))
@click.option("--name", default=None, help="The new name.")
@_med_options
@pass_env
def med_edit(env: Env, number: int, name: str | None, dose: str | None, how_often: str | None,
             what_for: str | None, worries: str | None) -> None:
    """Change a medicine (numbered as 'paceapp gp list' shows them)."""
    changed = gp_app.change_medicine(env.journal(), number, name=name, dose=dose,
                                     how_often=how_often, what_for=what_for, worries=worries)
    click.echo(f"Changed: {changed.name}.")


@med_group.command("remove")
@click.argument("number", type=WholeNumber("number"))
@pass_env
def med_remove(env: Env, number: int) -> None:
    """Take a medicine off the list ('paceapp undo' brings it back)."""
    med = gp_app.remove_medicine(env.journal(), number)
    click.echo(f"Removed {med.name} from your medicines list.  ('paceapp undo' brings it back.)")


@gp_group.command("matters")
@click.argument("text")
@pass_env
def gp_matters(env: Env, text: str) -> None:
    """Say what matters to you / what you hope for ('' clears it)."""
    appt = gp_app.set_matters(env.journal(), what_matters=text)
    click.echo("Saved: what matters to you." if appt.what_matters
               else "Cleared: what matters to you.")


@gp_group.command("tried")
@click.argument("text")
@pass_env
def gp_tried(env: Env, text: str) -> None:
    """Other things you do or have tried for the pain, e.g. 'heat pad, TENS' ('' clears it)."""
    appt = gp_app.set_matters(env.journal(), tried=text)
    click.echo("Saved: what else you do or have tried." if appt.tried
               else "Cleared: what else you do or have tried.")


@gp_group.command("outcome")
@click.argument("text")
@pass_env
def gp_outcome(env: Env, text: str) -> None:
    """After the visit: note what you agreed. Anything not dealt with carries over."""
    try:
        appt = gp_app.note_outcome(env.journal(), text, env.today())
    except gp_app.NoAppointmentError:
        raise ValidationError("There is no appointment yet. Set one with: paceapp gp date "
                              "WHEN.", "outcome") from None
    left = len(open_items(appt.concerns)) + len(open_items(appt.questions))
    click.echo(f"Saved: what you agreed at the appointment on {when_text(appt, env.today())}.")
    if left:
        click.echo(f"{left} item{'s' if left != 1 else ''} not marked as dealt with will carry "
                   "over to your next list.")


# -- reading --------------------------------------------------------------------------------------
@gp_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead.")
@pass_env
def gp_list_command(env: Env, as_json: bool) -> None:
    """Show the list for your next appointment (concerns, questions, medicines)."""
    from paceapp.outputs.gp_list import list_lines

    state = gp_app.load_state(env.journal())
    if as_json:
        records = ([state.current] if state.current else []) + list(state.medicines)
        click.echo(json.dumps([record_json(r) for r in records], ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(list_lines(state.current, state.previous, state.medicines, env.today(),
                                    terminal_width(most=80))))


@gp_group.command("history")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead.")
@pass_env
def gp_history(env: Env, as_json: bool) -> None:
    """Past appointments and what was agreed."""
    appts = gp_app.appointments(env.journal())
    if as_json:
        click.echo(json.dumps([record_json(a) for a in appts], ensure_ascii=False, indent=2))
        return
    from paceapp.outputs.tables import render_table

    click.echo(render_table([a.summary() for a in appts], empty="No GP appointments yet."))


@gp_group.command("sheet")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text (default), md, pdf or html. Taken from --out's ending when not given.")
@click.option("--out", type=FileOrDash(), default=None,
              help="Write to this file ('-' or nothing: print it, e.g. to pipe to a printer).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--weeks", type=click.IntRange(1, 52), default=None,
              help="Summarise the last N weeks (default: since your last appointment).")
@click.option("--since", default=None, metavar="WHEN",
              help="Summarise from this day: 1/11, 1 Nov, 4 weeks ago.")
@pass_env
def gp_sheet(env: Env, fmt: str | None, out: Path | str | None, force: bool,
             weeks: int | None, since: str | None) -> None:
    """The one-page sheet to print and take along (text, Markdown, PDF or HTML).

    \b
    paceapp gp sheet --out gp-sheet.pdf          (a file; --force replaces one already there)
    paceapp gp sheet --format pdf --out - | lp   (the PDF itself to standard output)
    """
    from paceapp.core.timeparse import parse_date
    from paceapp.outputs.gp_sheet import save_file

    if weeks is not None and since is not None:
        raise ValidationError("Please give --weeks or --since, not both.", "weeks")
    path = as_file(out)  # None: standard output ('-' or no --out)
    fmt = format_for(fmt, path, SUFFIXES)
    if fmt == "pdf" and path is None and stdout_is_terminal():
        raise ValidationError("A PDF cannot be shown on the screen. Add --out FILE, e.g. "
                              "--out gp-sheet.pdf.", "out")
    if path is not None:
        from paceapp.outputs.files import refuse_existing

        refuse_existing([path], force=force)  # before any work: the file stays as it is
    today = env.today()
    since_day = parse_date(since, today, "since") if since is not None else None
    inputs = gp_app.load_sheet(env.journal(), today, weeks=weeks, since=since_day)
    # On a screen the text sheet follows the terminal (up to 80); to a file or a pipe (the
    # printer) it stays 80 columns, the paper's width.
    on_screen = path is None and stdout_is_terminal()
    data, note = gp_app.render_sheet(inputs, fmt, terminal_width(most=80) if on_screen else 80)
    send_document(data, path, binary=fmt == "pdf", note=note,
                  save=lambda where, data: save_file(where, data, force=force),
                  wrote=lambda where: f"Wrote your GP sheet ("
                                      f"{'one A4 page, ' if fmt == 'pdf' else ''}{fmt}) to {where}")


def register(cli: click.Group) -> None:
    cli.add_command(gp_group)
