"""`paceapp share ...` and `paceapp group ...`: goal cards, the group board and the group plan.

Sharing never needs a server: a card is written as a file (`--out`) and/or printed as a chat
message (`--message`) to paste into WhatsApp, SMS or email. What will be shared is always shown
first (on stderr, so stdout stays the message itself).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from paceapp.cli.context import Env, pass_env
from paceapp.cli.outfile import FORCE_HELP, FileOrDash, as_file, is_dash
from paceapp.cli.params import DAY, WholeNumber
from paceapp.core.errors import ValidationError
from paceapp.core.sharing import (
    MAX_DOCUMENT_BYTES,
    SECTIONS,
    GroupPlan,
    PeerCard,
    board_names,
    check_include,
    clean_name,
    coordinator_words,
    find_peer,
    plan_edits,
    progress_words,
    shared_ago,
)
from paceapp.core.timeparse import show_date
from paceapp.outputs.share import (
    card_json,
    card_message,
    card_text,
    gather_card_inputs,
    import_shared,
    included_words,
    keep_identity,
    make_card,
    plan_json,
    plan_message,
    plan_text,
)
from paceapp.outputs.tables import record_json, render_table
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings


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
    from paceapp.outputs.files import write_output
    from paceapp.store.errors import WriteFailedError

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
    settings = load_settings(journal)
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
    if sharing or name is not None or load_settings(journal).display_name:
        shown_name = display_name_for(journal, name, ask=sharing and _interactive())
    else:
        shown_name = "(your name)"  # only a preview: the name is asked for when sharing
    settings = load_settings(journal)  # its member id is stored only once the card is shared
    inputs = gather_card_inputs(journal, env.today(), settings)
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
    if out is not None:
        where = _write(out, card_json(card), force)
        if where is not None:
            click.echo(f"Wrote your goal card to {where}", err=True)
    keep_identity(journal, settings, shown_name)
    if message:
        click.echo(card_message(card))


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
    plan = journal.get_single(GroupPlan)
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
    settings = load_settings(journal)
    member_id = settings.member_id
    if out is not None:
        where = _write(out, plan_json(plan, member_id=member_id, shared_by=shown_name, now=now),
                       force)
        if where is not None:
            click.echo(f"Wrote the group plan to {where}", err=True)
    keep_identity(journal, settings, shown_name)
    if message:
        click.echo(plan_message(plan, member_id=member_id, shared_by=shown_name, now=now))


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
    outcome = import_shared(env.journal(), raw, env.now())
    click.echo(outcome.message)


def _peers(journal: Journal) -> list[PeerCard]:
    if journal.folder is not None and not journal.folder.exists():
        return []
    return sorted(journal.list(PeerCard), key=lambda p: p.card.shared_at, reverse=True)


def board_rows(peers: list[PeerCard], names: dict[str, str], today: date) -> list[dict[str, str]]:
    rows = []
    for peer in peers:
        card = peer.card
        goals = "; ".join(f"{g.what} ({g.done_this_week}/{g.target_this_week})"
                          for g in card.goals) or "no goals this week"
        rows.append({"member": names[peer.id],
                     "shared": shared_ago(card.shared_on, today).removeprefix("shared "),
                     "goals (days done/planned this week)": goals})
    return rows


@group_group.command("board")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@pass_env
def group_board(env: Env, as_json: bool) -> None:
    """Your group's cards: one row per member, newest first."""
    journal = env.journal()
    peers = _peers(journal)
    names = board_names(peers, load_settings(journal).display_name if peers else "")
    today = env.today()
    if as_json:
        docs = []
        for peer in peers:
            doc = record_json(peer)
            doc["shown_name"] = names[peer.id]
            doc["shared_days_ago"] = (today - peer.card.shared_on).days
            docs.append(doc)
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
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
    journal = env.journal()
    peers = _peers(journal)
    own_name = load_settings(journal).display_name
    peer = find_peer(peers, member, own_name)
    click.echo(card_text(peer.card))
    click.echo(f"(Shown on your board as {board_names(peers, own_name)[peer.id]}; member id "
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
    peers = _peers(journal)
    names = board_names(peers, load_settings(journal).display_name)
    peer = find_peer(peers, member, load_settings(journal).display_name)
    shown = names[peer.id]
    if not yes and not click.confirm(f"Remove {shown}'s card from your board?", default=False):
        click.echo("Kept it. Nothing was changed.")
        return
    journal.delete(PeerCard, peer.id)
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
    journal = env.journal()
    plan = None
    if journal.folder is None or journal.folder.exists():
        plan = journal.get_single(GroupPlan)
    if as_json:
        click.echo(json.dumps(record_json(plan) if plan else None, ensure_ascii=False, indent=2))
        return
    if plan is None:
        click.echo("No group plan yet. Make one with: paceapp group plan set --rhythm "
                   "'Every other Tuesday' --first 2026-12-01 --place 'The library'")
        return
    today = env.today()
    shared_on = plan.content_at.date() if plan.shared_by and plan.content_at else None
    click.echo(plan_text(plan, today, plan.shared_by, shared_on))
    click.echo(coordinator_words(plan, today))


@plan_group.command("set")
@click.option("--rhythm", default=None, help="When you meet, in words: 'Every other Tuesday'.")
@click.option("--first", "first", type=DAY, default=None,
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
    plan = journal.get_single(GroupPlan) or GroupPlan()
    changes = plan_edits(plan, env.today(), rhythm=rhythm, first=first, every=every,
                           time_text=time_, place=place, access=access,
                           keep_in_touch=keep_in_touch, coordinators=coordinator, rules=rule,
                           crisis_note=crisis_note)
    if not changes:
        raise ValidationError("Say what to change, e.g. --place 'The library'. "
                              "'paceapp group plan set --help' lists the parts.", "plan")
    saved = journal.put_single(dataclasses.replace(plan, **changes, shared_by="",
                                                   content_at=_moment()))
    click.echo("Saved the group plan. ('paceapp undo' puts the old one back.)")
    click.echo(plan_text(saved, env.today()))


def register(cli: click.Group) -> None:
    cli.add_command(share_group)
    cli.add_command(group_group)

