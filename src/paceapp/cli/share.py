"""`paceapp share ...` and `paceapp group ...`: goal cards, the group board and the group plan.

Sharing never needs a server: a card is written as a file (`--out`) and/or printed as a chat
message (`--message`) to paste into WhatsApp, SMS or email. What will be shared is always shown
first (on stderr, so stdout stays the message itself).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from paceapp.app import group as group_app
from paceapp.app import share as share_app
from paceapp.app.folder import Journal
from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import (
    FORCE_HELP,
    FileOrDash,
    as_file,
    emit_bytes,
    is_dash,
    stdout_is_terminal,
)
from paceapp.cli.params import DAY_AHEAD, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import (
    MAX_DOCUMENT_BYTES,
    SECTIONS,
    GoalCard,
    GroupPlan,
    check_include,
    clean_name,
    coordinator_words,
    plan_edits,
    progress_words,
    shared_ago,
)
from paceapp.core.timeparse import local_day, show_date
from paceapp.outputs.share import (
    board_json,
    board_rows,
    card_text,
    included_words,
    make_card,
    plan_text,
)
from paceapp.outputs.tables import record_json, render_table


def _moment() -> datetime:
    """Now, to the second: a card's moment orders it against the member's other cards.

    The fixed clock (PACEAPP_NOW, for demos and tests) counts here too, so a card never says
    one date while its figures cover another period."""
    from paceapp.core.timeparse import FIXED_NOW_ENV, local_now

    if os.environ.get(FIXED_NOW_ENV):
        return local_now()
    return datetime.now().astimezone().replace(microsecond=0)  # to the second: cards order


def _interactive() -> bool:
    stdin = sys.stdin
    return bool(getattr(stdin, "isatty", lambda: False)())


def _write(path: Path | str, text: str, force: bool) -> Path | None:
    """Write the document to `path` (None for '-': standard output); return the full path."""
    from paceapp.app.errors import WriteFailedError
    from paceapp.outputs.files import write_output

    if is_dash(path):
        click.echo(text, nl=False)  # byte for byte what the file would hold
        return None
    try:
        return write_output(Path(path), text.encode("utf-8"), force=force)
    except WriteFailedError as error:
        raise ValidationError(f"Could not write {path}: {error}",
                              "out") from None


def _check_out(out: Path | str | None, message: bool, force: bool) -> None:
    """Before anything is asked or shown: stdout carries one document (the file or the chat
    message, not both), and a file already there is replaced only with --force."""
    from paceapp.outputs.files import refuse_existing

    if is_dash(out) and message:
        raise ValidationError("--out - and --message would both print to standard output. "
                              "Please choose one, or give --out a file name.", "out")
    path = as_file(out)
    if path is not None:
        refuse_existing([path], force=force)


def display_name_for(journal: Journal, name: str | None, ask: bool) -> str:
    """The stored display name, or `name` (stored once), or asked for on a terminal."""
    settings = share_app.own_identity(journal)
    if name is not None:
        return clean_name(name)
    if settings.display_name:
        return settings.display_name
    if ask:
        answer = click.prompt("What name should your group see? (It does not have to be your "
                              "real name)", err=True)
        return clean_name(answer)
    raise ValidationError("Choose the name your group will see, once, with --name. It does not "
                          "have to be your real name: paceapp share card --name Robin", "name")


# -- share --------------------------------------------------------------------------------
@click.group("share")
def share_group() -> None:
    """Share your goal card or the group's plan, as a file or a chat message."""


@share_group.command("card")
@click.option("--name", default=None, help="The name your group sees (saved; not your real name "
              "unless you want it to be).")
@click.option("--include", "include", multiple=True, metavar="SECTIONS",
              help=f"Extra sections, comma separated: {', '.join(SECTIONS)}. Medicines are never "
                   "shared.")
@click.option("--note", default="", help="A short note, e.g. what helped you this week.")
@click.option("--out", type=FileOrDash(dir_okay=False),
              default=None, help="Write the card file (JSON) here ('-': standard output).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--message", is_flag=True, help="Print the chat message to paste in WhatsApp, SMS "
              "or email.")
@click.option("--yes", is_flag=True, help="Do not ask before sharing.")
@pass_env
def share_card(env: Env, name: str | None, include: tuple[str, ...], note: str,
               out: Path | str | None, force: bool, message: bool, yes: bool) -> None:
    """Share your goal card: your active plans and this week's progress.

    \b
    Shows exactly what will be shared first. Without --out or --message it only shows it.
    Pain and sleep summaries are added only with --include; medicines never.
    """
    _check_out(out, message, force)
    include_list = check_include(part for item in include for part in item.split(","))
    journal = env.journal()
    now = _moment()
    sharing = out is not None or message
    if sharing or name is not None or share_app.own_identity(journal).display_name:
        shown_name = display_name_for(journal, name, ask=sharing and _interactive())
    else:
        shown_name = "(your name)"  # only a preview: the name is asked for when sharing
    inputs = share_app.load_card_inputs(journal, env.today())
    card = make_card(inputs, name=shown_name, now=now, include=include_list, note=note)
    click.echo("This is what will be shared:\n", err=True)
    click.echo(card_text(card) + "\n", err=True)
    click.echo(included_words(card) + "\n", err=True)
    if not sharing:
        click.echo("Nothing was written. Add --message to print the chat message, or "
                   "--out FILE to save the card file.", err=True)
        return
    if not yes and _interactive() and not click.confirm("Share this?", default=True, err=True):
        click.echo("Not shared. Nothing was written.", err=True)
        return
    def write(_card: GoalCard, document: str, chat: str) -> str:
        if out is not None:
            where = _write(out, document, force)
            if where is not None:
                click.echo(f"Wrote your goal card to {where}", err=True)
        return chat

    chat = share_app.share_card(journal, inputs, name=shown_name, now=now, include=include_list,
                                note=note, write=write)
    if message:
        click.echo(chat)


@share_group.command("plan")
@click.option("--out", type=FileOrDash(dir_okay=False),
              default=None, help="Write the plan file (JSON) here ('-': standard output).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--message", is_flag=True, help="Print the plan as a chat message.")
@click.option("--name", default=None, help="The name your group sees (saved).")
@pass_env
def share_plan(env: Env, out: Path | str | None, force: bool, message: bool,
               name: str | None) -> None:
    """Share the group's mutual support plan."""
    _check_out(out, message, force)
    journal = env.journal()
    plan = group_app.load_plan(journal)
    if plan is None:
        raise ValidationError("There is no group plan yet. Make one with: paceapp group plan set "
                              "--rhythm 'Every other Tuesday' --place 'The library'", "plan")
    now = _moment()
    sharing = out is not None or message
    shown_name = display_name_for(journal, name, ask=sharing and _interactive())
    click.echo("This is what will be shared:\n", err=True)
    click.echo(plan_text(plan, now.date(), shown_name, now.date()) + "\n", err=True)
    if not sharing:
        click.echo("Nothing was written. Add --message to print the chat message, or "
                   "--out FILE to save the plan file.", err=True)
        return

    def write(document: str, chat: str) -> str:
        if out is not None:
            where = _write(out, document, force)
            if where is not None:
                click.echo(f"Wrote the group plan to {where}", err=True)
        return chat

    chat = share_app.share_plan(journal, plan, name=shown_name, now=now, write=write)
    if message:
        click.echo(chat)


# -- group --------------------------------------------------------------------------------
@click.group("group")
def group_group() -> None:
    """Your peer group: import cards, see the board, keep the group plan."""


def read_input(source: str) -> bytes:
    """At most the size cap (+1 byte, so too-big is noticed) from a file or stdin ('-')."""
    limit = MAX_DOCUMENT_BYTES + 1
    if source == "-":
        stream = sys.stdin
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer.read(limit)
        return stream.read(limit).encode("utf-8", "surrogateescape")
    path = Path(source).expanduser()
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        raise ValidationError(f"There is no file {source}. Check the name, or use '-' and paste "
                              "the message.", "file") from None
    except IsADirectoryError:
        raise ValidationError(f"{source} is a folder; give the card file inside it.",
                              "file") from None
    except OSError as error:
        raise ValidationError(f"Could not read {source}: {error.strerror or error}.",
                              "file") from None


@group_group.command("import")
@click.argument("source", metavar="FILE|-")
@pass_env
def group_import(env: Env, source: str) -> None:
    """Add a peer's card or the group plan: a file, or '-' to paste a chat message.

    \b
    With '-', paste the whole message (chat names and times around it are fine),
    then press Ctrl+D on a new line.
    """
    if source == "-" and _interactive():
        click.echo("Paste the message, then press Ctrl+D on a new line:", err=True)
    raw = read_input(source)
    outcome = share_app.import_shared(env.journal(), raw, env.now())
    click.echo(outcome.message)


@group_group.command("board")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def group_board(env: Env, as_json: bool) -> None:
    """Your group's cards: one row per member, newest first."""
    today = env.today()
    board = group_app.load_board(env.journal(), today)
    peers, names = board.peers, board.names
    if as_json:
        click.echo(board_json(peers, names, today))
        return
    if not peers:
        click.echo("No cards on your group board yet. When someone sends you their card, add it "
                   "with: paceapp group import FILE (or paste the message: paceapp group "
                   "import -).")
        return
    click.echo(render_table(board_rows(peers, names, today)))


@group_group.command("show")
@click.argument("member")
@pass_env
def group_show(env: Env, member: str) -> None:
    """One member's card in full, with the earlier cards they shared."""
    found = group_app.find_member(env.journal(), member)
    peer = found.peer
    click.echo(card_text(peer.card))
    click.echo(f"(Shown on your board as {found.names[peer.id]}; member id "
               f"{peer.member_id}; {shared_ago(peer.card.shared_on, env.today())}; read-only.)")
    if peer.history:
        click.echo("\nEarlier cards:")
        for old in peer.history:
            goals = "; ".join(f"{g.what}: {progress_words(g)}" for g in old.goals) or "no goals"
            click.echo(f"  {show_date(old.shared_on)} - {goals}")


@group_group.command("remove")
@click.argument("member")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_env
def group_remove(env: Env, member: str, yes: bool) -> None:
    """Take a member's card (and its history) off your board."""
    journal = env.journal()
    found = group_app.find_member(journal, member)
    peer = found.peer
    shown = found.names[peer.id]
    if not yes and not click.confirm(f"Remove {shown}'s card from your board?", default=False):
        click.echo("Kept it. Nothing was changed.")
        return
    group_app.remove_peer(journal, peer.id)
    click.echo(f"Removed {shown}'s card from your board. ('paceapp undo' brings it back.)")


# -- group plan -----------------------------------------------------------------------------
@group_group.group("plan", invoke_without_command=True)
@click.pass_context
def plan_group(ctx: click.Context) -> None:
    """The group's mutual support plan: show it, or change it with 'set'."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(plan_show)


@plan_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def plan_show(env: Env, as_json: bool) -> None:
    """Show the group plan."""
    plan = group_app.load_plan(env.journal())
    if as_json:
        click.echo(json.dumps(record_json(plan) if plan else None, ensure_ascii=False, indent=2))
        return
    if plan is None:
        click.echo("No group plan yet. Make one with: paceapp group plan set --rhythm "
                   "'Every other Tuesday' --first 2026-12-01 --place 'The library'")
        return
    today = env.today()
    click.echo(plan_text(plan, today, plan.shared_by, plan.shared_on))
    click.echo(coordinator_words(plan, today))


@plan_group.command("set")
@click.option("--rhythm", default=None, help="When you meet, in words: 'Every other Tuesday'.")
@click.option("--first", "first", type=DAY_AHEAD, default=None,
              help="The date of a meeting (the rhythm counts on from it).")
@click.option("--every", type=WholeNumber("weeks between meetings"), default=None,
              help="Weeks between meetings (1 weekly, 2 fortnightly; 0 no fixed rhythm).")
@click.option("--time", "time_", default=None, help="Meeting time, HH:MM.")
@click.option("--place", default=None, help="Where you meet.")
@click.option("--access", default=None, help="Access notes: step-free, parking, quiet room.")
@click.option("--keep-in-touch", default=None, help="How you keep in touch between meetings.")
@click.option("--coordinator", multiple=True, metavar="'NAME from DATE'",
              help="A coordinator's turn (repeat for a rota; replaces the rota).")
@click.option("--rule", multiple=True, help="A ground rule (repeat; replaces the rules).")
@click.option("--crisis-note", default=None,
              help="The group's own note for a crisis, shown after paceapp's crisis contacts "
                   "as the group's words.")
@pass_env
def plan_set(env: Env, rhythm: str | None, first: date | None, every: int | None,
             time_: str | None, place: str | None, access: str | None, keep_in_touch: str | None,
             coordinator: tuple[str, ...], rule: tuple[str, ...], crisis_note: str | None) -> None:
    """Make or change the group plan (only the parts you give change)."""
    journal = env.journal()
    changes = plan_edits(GroupPlan(), env.today(), rhythm=rhythm, first=first, every=every,
                           time_text=time_, place=place, access=access,
                           keep_in_touch=keep_in_touch, coordinators=coordinator, rules=rule,
                           crisis_note=crisis_note)
    if not changes:
        raise ValidationError("Say what to change, e.g. --place 'The library'. "
                              "'paceapp group plan set --help' lists the parts.", "plan")
    saved = group_app.change_plan(journal, changes, now=_moment())
    click.echo("Saved the group plan. ('paceapp undo' puts the old one back.)")
    click.echo(plan_text(saved, env.today()))


# -- the supporter page ("How to help me") ----------------------------------------------------
SUPPORTER_FORMATS = ("text", "pdf")
_WORD_OPTIONS = (("signs", "--signs"), ("helps", "--helps"), ("unhelpful", "--not-helpful"),
                 ("bad_day", "--bad-day"), ("who_to_call", "--who-to-call"),
                 ("private_note", "--private-note"))


def _supporter_format(fmt: str | None, out: Path | str | None) -> str:
    if fmt is not None:
        return fmt
    path = as_file(out)
    return "pdf" if path is not None and path.suffix.lower() == ".pdf" else "text"


@share_group.group("supporter", invoke_without_command=True)
@click.option("--include", "include", multiple=True, metavar="PARTS",
              help="The parts to put in, comma separated (this time only): signs, helps, "
                   "not-helpful, bad-day, who-to-call, crisis, private-note. Without it: the "
                   "parts you ticked last ('paceapp share supporter set --parts').")
@click.option("--name", default=None, help="Your name as your supporters know it (saved).")
@click.option("--out", type=FileOrDash(dir_okay=False), default=None,
              help="Write the page here: a .pdf (one A4 page) or text ('-': standard output).")
@click.option("--format", "fmt", type=click.Choice(SUPPORTER_FORMATS), default=None,
              help="text or pdf. Taken from --out's ending when not given.")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--message", is_flag=True, help="Print the chat message a supporter's paceapp "
              "can keep (read-only).")
@click.option("--yes", is_flag=True, help="Do not ask before sharing.")
@click.pass_context
def share_supporter(ctx: click.Context, include: tuple[str, ...], name: str | None,
                    out: Path | str | None, fmt: str | None, force: bool, message: bool,
                    yes: bool) -> None:
    """A page for your supporters: "How to help me".

    \b
    Made from your flare-up plan and your own words (change them with
    'paceapp share supporter set'). Shows exactly what the page holds first;
    without --out or --message it only shows it. The private note goes in only
    when you tick it (--include private-note). paceapp's crisis contacts are added
    from paceapp itself.
    \b
    paceapp share supporter --out how-to-help.pdf
    paceapp share supporter --include signs,helps,crisis --message
    """
    if ctx.invoked_subcommand is not None:
        return
    from paceapp.app.supporter import load_supporter, share_page
    from paceapp.core.supporter import NO_NAME, SupporterContent, check_parts
    from paceapp.core.supporter import included_words as page_included
    from paceapp.outputs.supporter import make_content, supporter_message, supporter_text

    env = ctx.find_object(Env)
    assert env is not None
    fmt = _supporter_format(fmt, out)
    target = as_file(out)
    if target is not None and target.suffix.lower() == ".json":
        raise ValidationError("The page is written as a PDF (.pdf) or text (.txt). To send it to "
                              "a supporter's paceapp, use --message and paste the message.", "out")
    _check_out(out, message, force)
    if fmt == "pdf" and is_dash(out) and stdout_is_terminal():
        raise ValidationError("A PDF is not for reading on the screen. Save it with --out "
                              "how-to-help.pdf, or send it on: --out - | lp", "out")
    parts = (check_parts(part for item in include for part in item.split(","))
             if include else None)
    journal = env.journal()
    inputs = load_supporter(journal)
    sharing = out is not None or message
    if name is not None or inputs.settings.display_name or sharing:
        shown_name = display_name_for(journal, name, ask=sharing and _interactive())
    else:
        shown_name = NO_NAME
    chosen = parts if parts is not None else inputs.parts
    now = _moment()
    content = make_content(inputs, chosen, name=shown_name, now=now)
    click.echo("This is what the page holds:\n", err=True)
    click.echo(supporter_text(content), err=True)
    click.echo(page_included(content, chosen) + "\n", err=True)
    if not sharing:
        click.echo("Nothing was written. Add --out FILE (a .pdf or text) to save the page, or "
                   "--message to print the chat message.", err=True)
        return
    from paceapp.core.sharing import check_not_imitating
    from paceapp.core.supporter import check_words

    check_not_imitating(shown_name, "name", "name")
    for section in content.sections:  # words from the flare-up plan are checked here too
        check_words(section.text, section.key)
    if not content.parts():
        raise ValidationError("There is nothing on the page to share: no part ticked has any "
                              "words yet. Tick more parts with --include, or write your words "
                              "with 'paceapp share supporter set'.", "include")
    if not yes and _interactive() and not click.confirm("Share this?", default=True, err=True):
        click.echo("Not shared. Nothing was written.", err=True)
        return

    def write(page: SupporterContent) -> str:
        if out is not None:
            if fmt == "pdf":
                from paceapp.outputs.supporter_pdf import render_pdf

                data = render_pdf(page)
                if is_dash(out):
                    emit_bytes(data)
                    where = None
                else:
                    where = _write_bytes(Path(out), data, force)
            else:
                where = _write(out, supporter_text(page), force)
            if where is not None:
                click.echo(f"Wrote your supporter page ({'one A4 page, ' if fmt == 'pdf' else ''}"
                           f"{fmt}) to {where}", err=True)
        return supporter_message(page)

    chat = share_page(journal, content, now=now, write=write)
    if message:
        click.echo(chat, nl=False)


def _write_bytes(path: Path, data: bytes, force: bool) -> Path:
    from paceapp.app.errors import WriteFailedError
    from paceapp.outputs.files import write_output

    try:
        return write_output(path, data, force=force)
    except WriteFailedError as error:
        raise ValidationError(f"Could not write {path}: {error}", "out") from None


@share_supporter.command("set")
@click.option("--signs", default=None, help="Signs a flare-up is starting (your words).")
@click.option("--helps", default=None, help="What helps.")
@click.option("--not-helpful", "unhelpful", default=None, help="What does not help.")
@click.option("--bad-day", default=None, help="What you may need on a bad day.")
@click.option("--who-to-call", default=None, help="Who to call, and how.")
@click.option("--private-note", default=None,
              help="A private note: on the page only when you tick it (--parts private-note).")
@click.option("--parts", default=None, metavar="PARTS",
              help="The parts ticked from now on, comma separated.")
@pass_env
def supporter_set(env: Env, signs: str | None, helps: str | None, unhelpful: str | None,
                  bad_day: str | None, who_to_call: str | None, private_note: str | None,
                  parts: str | None) -> None:
    """Write your own words for the supporter page (only the parts you give change).

    A part you leave empty starts from your flare-up plan. Use \\n for a new line.
    """
    from paceapp.app.supporter import set_page
    from paceapp.core.supporter import check_parts, check_words

    given = {"signs": signs, "helps": helps, "unhelpful": unhelpful, "bad_day": bad_day,
             "who_to_call": who_to_call, "private_note": private_note}
    changes: dict[str, str | tuple[str, ...]] = {
        key: check_words(value.replace("\\n", "\n"), key)
        for key, value in given.items() if value is not None}
    if parts is not None:
        changes["parts"] = check_parts(parts.split(","))
    if not changes:
        raise ValidationError("Say what to change, e.g. --not-helpful 'Being asked if I am "
                              "better yet'. 'paceapp share supporter set --help' lists the parts.",
                              "supporter")
    set_page(env.journal(), changes)
    click.echo("Saved your words for the supporter page. ('paceapp undo' puts the old ones "
               "back.) See the page with: paceapp share supporter")


@group_group.command("how-to-help")
@click.argument("member", required=False)
@click.option("--remove", is_flag=True, help="Remove this person's page ('paceapp undo' brings "
              "it back).")
@click.option("--yes", is_flag=True, help="With --remove: do not ask first.")
@pass_env
def group_how_to_help(env: Env, member: str | None, remove: bool, yes: bool) -> None:
    """The supporter pages people shared with you ("How to help ..."), read-only.

    \b
    paceapp group how-to-help            (the one page, or a list of them)
    paceapp group how-to-help Robin      (Robin's page)
    paceapp group how-to-help Robin --remove
    """
    from paceapp.app.supporter import find_copies, load_copies, remove_copy
    from paceapp.core.sharing import clean_peer_name
    from paceapp.outputs.supporter import supporter_text

    journal = env.journal()
    view = load_copies(journal)
    copies, names = list(view.copies), view.names
    if not copies:
        click.echo("No supporter pages yet. When someone sends you their 'How to help me' "
                   "message, keep it with: paceapp group import - (then paste it).")
        return
    if remove and member is None:
        raise ValidationError("Say whose page to remove: paceapp group how-to-help NAME "
                              "--remove", "member")
    if member is None and len(copies) > 1:
        click.echo("Supporter pages you have (read-only):")
        for copy in copies:
            click.echo(f"  How to help {names[copy.id]} - shared "
                       f"{show_date(local_day(copy.shared_at))}")
        click.echo("Show one with: paceapp group how-to-help NAME")
        return
    chosen = copies
    if member is not None:
        chosen = find_copies(view, member)
        if not chosen:
            raise ValidationError(f"There is no supporter page from '{clean_peer_name(member)}'. "
                                  "'paceapp group how-to-help' lists them.", "member")
        if len(chosen) > 1:
            raise ValidationError("More than one page fits: "
                                  + ", ".join(names[c.id] for c in chosen)
                                  + ". Please use the name with its #code.", "member")
    copy = chosen[0]
    if remove:
        shown = names[copy.id]
        if not yes and not click.confirm(f"Remove the page 'How to help {shown}'?",
                                         default=False):
            click.echo("Kept it. Nothing was changed.")
            return
        remove_copy(journal, copy.id)
        click.echo(f"Removed the page 'How to help {shown}'. ('paceapp undo' brings it back.)")
        return
    click.echo(supporter_text(copy.content()).replace(
        f"How to help {copy.name} -", f"How to help {names[copy.id]} -", 1), nl=False)
    click.echo(f"(Kept from {names[copy.id]}'s message; read-only.)")


def register(cli: click.Group) -> None:
    cli.add_command(share_group)
    cli.add_command(group_group)

