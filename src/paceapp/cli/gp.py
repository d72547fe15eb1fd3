"""`paceapp gp ...`: prepare the GP appointment list and print the one-page sheet.

Concerns and questions are numbered as `paceapp gp list` shows them (1 = the top).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import FORCE_HELP, FileOrDash, as_file, emit_bytes, stdout_is_terminal
from paceapp.cli.params import WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.gp import (
    MATTERS_MAX,
    SHARED_DECISION_QUESTIONS,
    TOP,
    TRIED_MAX,
    Appointment,
    ItemState,
    add_item,
    change_medicine,
    check_words,
    edit_item,
    move_item,
    new_medicine,
    offer_shared_questions,
    open_items,
    parse_visit,
    remove_item,
    set_state,
    when_text,
)
from paceapp.core.gp_sheet import shortened_note
from paceapp.core.timeparse import show_date
from paceapp.outputs import gp_list
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
    visit, clock = parse_visit(when, env.now())
    who = None if clinician is None else check_words(clinician, "clinician", "'who with'", 80)

    def change(appt: Appointment) -> Appointment:
        appt = dataclasses.replace(appt, visit_date=visit, visit_time=clock)
        return appt if who is None else dataclasses.replace(appt, clinician=who)

    appt = gp_list.change_current(env.journal(), change)
    click.echo(f"Saved: GP appointment on {when_text(appt, env.today())}"
               f"{f' with {appt.clinician}' if appt.clinician else ''}.")


def _item_group(which: str, plural: str) -> click.Group:
    """`gp concern ...` and `gp question ...` share these commands."""

    @click.group(which)
    def group() -> None:
        pass

    group.help = f"Add, reorder and tick off {plural} (numbered as 'paceapp gp list' shows them)."

    def save(env: Env, change: Callable[[Appointment], Appointment], message: str) -> None:
        gp_list.change_current(env.journal(), change)
        click.echo(message)

    @click.argument("text")
    @click.option("--priority", type=WholeNumber("priority"), default=None,
                  help="Where it goes: 1 is the top (default: the end of the list).")
    @pass_env
    def add(env: Env, text: str, priority: int | None, detail: str = "") -> None:
        appt = gp_list.change_current(
            env.journal(), lambda a: add_item(a, which, text, detail, priority))
        items = getattr(appt, plural)
        number = priority or len(items)
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
        save(env, lambda a: edit_item(a, which, number, text, detail), f"Changed {which} {number}.")

    edit.help = f"Change the words of a {which}."

    @group.command("up")
    @click.argument("number", type=WholeNumber("number"))
    @click.option("--by", "steps", type=click.IntRange(1, 20), default=1, show_default=True)
    @pass_env
    def up(env: Env, number: int, steps: int) -> None:
        save(env, lambda a: move_item(a, which, number, -steps),
             f"Moved {which} {number} up. 'paceapp gp list' shows the new order.")

    up.help = f"Move a {which} up the list (more important)."

    @group.command("down")
    @click.argument("number", type=WholeNumber("number"))
    @click.option("--by", "steps", type=click.IntRange(1, 20), default=1, show_default=True)
    @pass_env
    def down(env: Env, number: int, steps: int) -> None:
        save(env, lambda a: move_item(a, which, number, steps),
             f"Moved {which} {number} down. 'paceapp gp list' shows the new order.")

    down.help = f"Move a {which} down the list."

    for name, state, words in (("dealt", ItemState.DEALT, "dealt with - it stays off the sheet"),
                               ("carry", ItemState.CARRY, "to carry over to the next appointment"),
                               ("reopen", ItemState.OPEN, "to raise again")):
        def make(state: ItemState = state, words: str = words) -> Callable[..., None]:
            @pass_env
            def mark(env: Env, number: int) -> None:
                save(env, lambda a: set_state(a, which, number, state),
                     f"Marked {which} {number} as {words}.")
            return mark

        command = click.command(name, help=f"Mark a {which} as {words}.")(
            click.argument("number", type=WholeNumber("number"))(make()))
        group.add_command(command)

    @group.command("remove")
    @click.argument("number", type=WholeNumber("number"))
    @pass_env
    def remove(env: Env, number: int) -> None:
        removed: list[str] = []

        def change(appt: Appointment) -> Appointment:
            changed, item = remove_item(appt, which, number)
            removed.append(item.text)
            return changed

        gp_list.change_current(env.journal(), change)
        click.echo(f"Removed {which} {number}: {removed[0]}  ('paceapp undo' brings it back.)")

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
    added: list[int] = []

    def change(appt: Appointment) -> Appointment:
        changed, count = offer_shared_questions(appt)
        added.append(count)
        return changed

    gp_list.change_current(env.journal(), change)
    if added[0]:
        click.echo(f"Added {added[0]} of the three shared-decision questions:")
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
    med = gp_list.add_medicine(env.journal(), new_medicine(
        name, dose or "", how_often or "", what_for or "", worries or ""))
    click.echo(f"Saved: {med.name} on your medicines list.  (id {med.id[:8]})")


@med_group.command("edit")
@click.argument("number", type=WholeNumber("number"))
@click.option("--name", default=None, help="The new name.")
@_med_options
@pass_env
def med_edit(env: Env, number: int, name: str | None, dose: str | None, how_often: str | None,
             what_for: str | None, worries: str | None) -> None:
    """Change a medicine (numbered as 'paceapp gp list' shows them)."""
    journal = env.journal()
    with journal.transaction():
        med = gp_list.medicine_at(journal, number)
        changed = journal.update(change_medicine(med, name=name, dose=dose, how_often=how_often,
                                                 what_for=what_for, worries=worries))
    click.echo(f"Changed: {changed.name}.")


@med_group.command("remove")
@click.argument("number", type=WholeNumber("number"))
@pass_env
def med_remove(env: Env, number: int) -> None:
    """Take a medicine off the list ('paceapp undo' brings it back)."""
    journal = env.journal()
    with journal.transaction():
        med = gp_list.medicine_at(journal, number)
        journal.delete(type(med), med.id)
    click.echo(f"Removed {med.name} from your medicines list.  ('paceapp undo' brings it back.)")


@gp_group.command("matters")
@click.argument("text")
@pass_env
def gp_matters(env: Env, text: str) -> None:
    """Say what matters to you / what you hope for ('' clears it)."""
    words = check_words(text, "what_matters", "'what matters to me'", MATTERS_MAX)
    gp_list.change_current(env.journal(),
                           lambda a: dataclasses.replace(a, what_matters=words))
    click.echo("Saved: what matters to you." if words else "Cleared: what matters to you.")


@gp_group.command("tried")
@click.argument("text")
@pass_env
def gp_tried(env: Env, text: str) -> None:
    """Other things you do or have tried for the pain, e.g. 'heat pad, TENS' ('' clears it)."""
    words = check_words(text, "tried", "'what else I do or have tried'", TRIED_MAX)
    gp_list.change_current(env.journal(), lambda a: dataclasses.replace(a, tried=words))
    click.echo("Saved: what else you do or have tried." if words
               else "Cleared: what else you do or have tried.")


@gp_group.command("outcome")
@click.argument("text")
@pass_env
def gp_outcome(env: Env, text: str) -> None:
    """After the visit: note what you agreed. Anything not dealt with carries over."""
    appt = gp_list.note_outcome(env.journal(), text, env.today())
    left = len(open_items(appt.concerns)) + len(open_items(appt.questions))
    click.echo(f"Saved: what you agreed at the appointment on {when_text(appt, env.today())}.")
    if left:
        click.echo(f"{left} item{'s' if left != 1 else ''} not marked as dealt with will carry "
                   "over to your next list.")


# -- reading --------------------------------------------------------------------------------------
def list_lines(state: gp_list.GpState, today: date) -> list[str]:
    from paceapp.outputs.gp_sheet import wrap

    width = terminal_width(most=80)
    appt = state.current
    lines: list[str] = []
    if appt is None:
        lines += wrap("No GP appointment being prepared. Start one: paceapp gp date WHEN", width)
    else:
        who = f" with {appt.clinician}" if appt.clinician else ""
        lines += wrap(f"GP appointment: {when_text(appt, today)}{who}", width, "", "  ")
        for attr, title in (("concerns", f"Concerns (most important first; the top {TOP} stand "
                                         "out)"), ("questions", "Questions")):
            items = getattr(appt, attr)
            lines += ["", *wrap(title + ":", width)]
            if not items:
                lines.append("  (none yet)")
            shown = 0
            for number, item in enumerate(items, 1):
                mark = ""
                if item.state is not ItemState.DEALT:
                    shown += 1
                    mark = "*" if attr == "concerns" and shown <= TOP else ""
                state_words = "" if item.state is ItemState.OPEN else f" [{item.state.words}]"
                carried = (f" (carried over from {show_date(item.carried_from, today)})"
                           if item.carried_from else "")
                lines += wrap(f"{item.text}{state_words}{carried}", width, f"{mark:>2}{number:>2}. ",
                              "      ")
                if item.detail:
                    lines += wrap(item.detail, width, "      ")
        lines += ["", "What matters to me:", *(wrap(appt.what_matters, width, "  ")
                                              if appt.what_matters else ["  (not written yet)"])]
        if appt.tried:
            lines += ["", "What else I do or have tried:", *wrap(appt.tried, width, "  ")]
        have = {q.text.casefold() for q in appt.questions}
        if not all(q.casefold() in have for q in SHARED_DECISION_QUESTIONS):
            lines += ["", *wrap("Tip: 'paceapp gp question shared' adds three questions "
                                "that help you and your GP decide together (What are my "
                                "options? ...), only if you want them.", width)]
    lines += ["", "Medicines:"]
    if not state.medicines:
        lines += wrap("(none yet: paceapp gp med add NAME --dose ... --how-often ...)", width,
                      "  ", "   ")
    for number, med in enumerate(state.medicines, 1):
        parts = ", ".join(p for p in (med.dose, med.how_often) if p)
        text = med.name + (f": {parts}" if parts else "")
        if med.what_for:
            text += f". For: {med.what_for}"
        if med.worries:
            text += f". Worries: {med.worries}"
        lines += wrap(text, width, f"  {number:>2}. ", "      ")
    if state.previous is not None:
        prev = state.previous
        lines += ["", *wrap(f"Last appointment: {when_text(prev, today)}", width, "", "  ")]
        if prev.outcome:
            lines += wrap(f"We agreed: {prev.outcome}", width, "  ")
    return lines


@gp_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead.")
@pass_env
def gp_list_command(env: Env, as_json: bool) -> None:
    """Show the list for your next appointment (concerns, questions, medicines)."""
    state = gp_list.load_state(env.journal())
    if as_json:
        records = ([state.current] if state.current else []) + list(state.medicines)
        click.echo(json.dumps([record_json(r) for r in records], ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(list_lines(state, env.today())))


@gp_group.command("history")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead.")
@pass_env
def gp_history(env: Env, as_json: bool) -> None:
    """Past appointments and what was agreed."""
    appts = gp_list.appointments(env.journal())
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
    from paceapp.outputs.gp_sheet import load_inputs, render_markdown, render_text, save_file

    if weeks is not None and since is not None:
        raise ValidationError("Please give --weeks or --since, not both.", "weeks")
    path = as_file(out)  # None: standard output ('-' or no --out)
    fmt = fmt or (SUFFIXES.get(path.suffix.lower(), "text") if path else "text")
    if fmt == "pdf" and path is None and stdout_is_terminal():
        raise ValidationError("A PDF cannot be shown on the screen. Add --out FILE, e.g. "
                              "--out gp-sheet.pdf.", "out")
    if path is not None:
        from paceapp.outputs.files import refuse_existing

        refuse_existing([path], force=force)  # before any work: the file stays as it is
    today = env.today()
    since_day = parse_date(since, today, "since") if since is not None else None
    inputs = load_inputs(env.journal(), today, weeks=weeks, since=since_day)
    note = ""
    if fmt == "pdf":
        from paceapp.outputs.gp_pdf import render_pdf

        data, sheet = render_pdf(inputs)
        note = shortened_note(sheet)
    elif fmt == "html":
        from paceapp.outputs.gp_html import render_html

        data = render_html(inputs).encode()
    elif fmt == "md":
        data = render_markdown(inputs).encode()
    else:
        # On a screen the sheet follows the terminal (up to 80); to a file or a pipe (the
        # printer) it stays 80 columns, the paper's width.
        on_screen = path is None and stdout_is_terminal()
        data = render_text(inputs, terminal_width(most=80) if on_screen else 80).encode()
    if path is None:
        if fmt == "pdf":
            emit_bytes(data)  # e.g. piped to lp
        else:
            click.echo(data.decode(), nl=False)
        if note:
            click.echo(note, err=True)  # stdout carries the sheet alone
        return
    where = save_file(path, data, force=force)
    click.echo(f"Wrote your GP sheet ({'one A4 page, ' if fmt == 'pdf' else ''}{fmt}) to {where}")
    if note:
        click.echo(note)


def register(cli: click.Group) -> None:
    cli.add_command(gp_group)
