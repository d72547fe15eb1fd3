"""The supporter page ("How to help me"): my words for it, sharing it, and the pages others shared.

Both front ends call these: `paceapp share supporter [set]` and `paceapp group how-to-help`
(CLI), and the supporter window and the Group board's supporter rows (TUI).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from paceapp.core.errors import ValidationError
from paceapp.core.lookalike import look_alike_keys
from paceapp.core.sharing import (
    FUTURE_SLACK,
    PeerCard,
    check_member_id,
    clean_peer_name,
)
from paceapp.core.supporter import (
    TEXT_PARTS,
    SupporterContent,
    SupporterCopy,
    SupporterPage,
    page_words,
)
from paceapp.core.timeparse import local_day, show_date
from paceapp.core.value import Value
from paceapp.outputs.supporter import SupporterInputs, shown_names
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

T = TypeVar("T")

__all__ = ["CopiesView", "SupporterInputs", "find_copies", "load_copies", "load_supporter",
           "remove_copy", "set_page", "share_page", "store_copy"]


def _exists(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


# -- my page ------------------------------------------------------------------------------------
def load_supporter(journal: Journal) -> SupporterInputs:
    """What the page is made from: my stored words, the flare-up plan, the settings."""
    from paceapp.core.flare import FlarePlan

    exists = _exists(journal)
    page = journal.get_single(SupporterPage) if exists else None
    plan = journal.get_single(FlarePlan) if exists else None
    settings = load_settings(journal)
    return SupporterInputs(page, page_words(page, plan), settings)


def set_page(journal: Journal, changes: Mapping[str, str | tuple[str, ...]]) -> SupporterPage:
    """Change only the given fields of my page (words already checked), on the page as stored
    now. ValidationError when there is nothing to change."""
    if not changes:
        raise ValidationError("Say what to change on the supporter page.", "supporter")
    with journal.transaction():
        page = journal.get_single(SupporterPage) or SupporterPage()
        return journal.put_single(dataclasses.replace(page, **changes))  # type: ignore[arg-type]


def keep_words(journal: Journal, inputs: SupporterInputs, words: Mapping[str, str],
               parts: tuple[str, ...]) -> None:
    """Store the words typed (a part still as the flare-up plan has it stays empty, so it keeps
    following the plan) and the ticks, on the page as stored now: a part the person left as it
    was is not written back."""
    opened = inputs.page or SupporterPage()
    changes: dict[str, str | tuple[str, ...]] = {}
    if parts != opened.parts:
        changes["parts"] = parts
    for key, _heading, _field in TEXT_PARTS:
        typed = words.get(key, "")
        own = getattr(opened, key)
        if (own or typed != inputs.words.get(key, "")) and typed != own:
            changes[key] = typed
    if not changes:
        return
    with journal.transaction():
        page = journal.get_single(SupporterPage) or SupporterPage()
        updated = dataclasses.replace(page, **changes)  # type: ignore[arg-type]
        if updated != page:
            journal.put_single(updated)


def share_page(journal: Journal, content: SupporterContent, *, now: datetime,
               write: Callable[[SupporterContent], T],
               keep: tuple[SupporterInputs, Mapping[str, str], tuple[str, ...]] | None = None
               ) -> T:
    """Give the page (with the member id kept for this person and this moment) to `write`, then
    keep the name and member id, and with `keep` (inputs, words, ticks) the words and ticks."""
    from paceapp.app.share import keep_identity

    with journal.transaction():
        settings = load_settings(journal)
        content = dataclasses.replace(content, member_id=settings.member_id, shared_at=now)
        result = write(content)
        if keep is not None:
            keep_words(journal, *keep)
        keep_identity(journal, settings, content.name)
    return result


# -- pages others shared with me ------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class CopiesView(Value):
    """The pages people shared with me (newest first), and the name to show for each."""

    copies: tuple[SupporterCopy, ...]
    names: dict[str, str]
    own_name: str = ""


def load_copies(journal: Journal, peers: Sequence[PeerCard] | None = None,
                own_name: str | None = None) -> CopiesView:
    """The pages kept, named as the board names them (with a member code for a look-alike)."""
    if not _exists(journal):
        return CopiesView((), {}, "")
    copies = sorted(journal.list(SupporterCopy), key=lambda c: c.shared_at, reverse=True)
    if own_name is None:
        own_name = load_settings(journal).display_name
    if peers is None:
        peers = journal.list(PeerCard)
    copy_ids = {c.member_id for c in copies}
    names = shown_names(copies, [p.card.display_name for p in peers
                                 if p.member_id not in copy_ids], own_name)
    return CopiesView(tuple(copies), names, own_name)


def find_copies(view: CopiesView, wanted: str) -> list[SupporterCopy]:
    """The pages `wanted` (a name as shown, a member id, or '#' and its start) names; failing
    those, the pages whose name looks like it. Empty when none does."""
    wanted = clean_peer_name(wanted)
    chosen = [c for c in view.copies if view.names[c.id].casefold() == wanted.casefold()
              or c.member_id == wanted.lstrip("#")
              or (wanted.startswith("#") and len(wanted) > 4
                  and c.member_id.startswith(wanted[1:]))]
    if not chosen:
        chosen = [c for c in view.copies if look_alike_keys(c.name) & look_alike_keys(wanted)]
    return chosen


def remove_copy(journal: Journal, copy_id: str) -> SupporterCopy:
    """Take a kept page away (undo brings it back)."""
    with journal.transaction():
        return journal.delete(SupporterCopy, copy_id)


def store_copy(journal: Journal, copy: SupporterCopy, now: datetime) -> tuple[str, str]:
    """Store an imported page (already checked): (action, message). The newest page from a
    member wins; the same or an older one changes nothing. A page carrying the member id of
    another name is refused (ValidationError), as for goal cards."""
    with journal.transaction():
        return _store_copy(journal, copy, now)


def _store_copy(journal: Journal, copy: SupporterCopy, now: datetime) -> tuple[str, str]:
    settings = load_settings(journal)
    copies = journal.list(SupporterCopy)
    existing = next((c for c in copies if c.member_id == copy.member_id), None)
    when = show_date(local_day(copy.shared_at))
    peers = [p for p in journal.list(PeerCard) if p.member_id != copy.member_id]
    check_member_id(peers, copy.member_id, settings.member_id)
    for other in copies:
        if other.member_id != copy.member_id and \
                look_alike_keys(other.member_id) & look_alike_keys(copy.member_id):
            raise ValidationError(f"This page's member id ({copy.member_id}) looks like the one "
                                  f"on {other.name}'s page but is not the same, so it was not "
                                  f"kept: no one can pass for {other.name}.", "member")
    if existing is None:
        shown = shown_names([*copies, copy], [p.card.display_name for p in peers],
                            settings.display_name)[copy.id]
        journal.add(copy)
        marked = (f" It is shown as {shown}: its name looks like another name you have, or "
                  "mixes alphabets." if shown != copy.name else "")
        return "added", (f"Kept 'How to help {copy.name}' (shared {when}), read-only: it is on "
                         f"your Group board, and 'paceapp group how-to-help' shows it.{marked}")
    stored_name = clean_peer_name(existing.name)
    if copy.name != stored_name:
        raise ValidationError(
            f"This page carries the member id of {stored_name}'s page, but the name "
            f"'{copy.name}'. A page cannot take another person's place, so it was not kept. If "
            f"{stored_name} really changed their name, remove their page first.", "member")
    if copy.shared_at == existing.shared_at:
        same = (copy.sections, copy.crisis) == (existing.sections, existing.crisis)
        if same:
            return "same", f"You already have 'How to help {copy.name}' from {when}. Nothing " \
                           "was changed."
        raise ValidationError(f"This page has the same moment as {stored_name}'s page you have, "
                              "but different content, so one of the two is not genuine. It was "
                              f"not kept. Ask {stored_name} to share it again.", "member")
    held_off = existing.shared_at > now + FUTURE_SLACK
    if copy.shared_at < existing.shared_at and not held_off:
        return "older", (f"This page from {copy.name} ({when}) is older than the one you have "
                         f"({show_date(local_day(existing.shared_at))}). Nothing was changed.")
    journal.update(SupporterCopy(id=existing.id, created=existing.created,
                                 member_id=copy.member_id, name=copy.name,
                                 shared_at=copy.shared_at, sections=copy.sections,
                                 crisis=copy.crisis))
    return "updated", (f"Updated 'How to help {copy.name}' to the page shared {when}. "
                       "It is on your Group board, read-only.")
