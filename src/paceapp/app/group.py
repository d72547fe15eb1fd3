"""The peer group: the board of peers' cards, the group plan and its rota, removing a peer.

Both front ends call these: `paceapp group board|show|remove|plan` (CLI), and the Group screen,
its plan window and the Today card (TUI).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from paceapp.core.errors import ValidationError
from paceapp.core.sharing import GroupPlan, PeerCard, board_names, find_peer
from paceapp.core.supporter import SupporterCopy
from paceapp.core.value import Value
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

__all__ = ["BoardView", "GroupData", "MemberView", "change_plan", "find_member", "load_board",
           "load_group_card", "load_peers", "load_plan", "remove_peer", "save_plan"]


def _exists(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


def load_peers(journal: Journal) -> list[PeerCard]:
    """The peers' cards on my board, newest first."""
    if not _exists(journal):
        return []
    return sorted(journal.list(PeerCard), key=lambda p: p.card.shared_at, reverse=True)


def load_plan(journal: Journal) -> GroupPlan | None:
    """The group plan, or None when there is none yet."""
    return journal.get_single(GroupPlan) if _exists(journal) else None


# -- the board --------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class BoardView(Value):
    """What the Group screen and `paceapp group board` show."""

    today: date
    peers: list[PeerCard]
    #: record id -> the name shown (with a member code when it looks like another's or mine).
    names: dict[str, str]
    plan: GroupPlan | None
    own_name: str = ""
    #: Supporter pages people shared with this person ("How to help ..."), read-only.
    copies: tuple[SupporterCopy, ...] = ()
    copy_names: dict[str, str] | None = None


def load_board(journal: Journal, today: date) -> BoardView:
    """The board: peers' cards newest first, the plan, and the supporter pages kept."""
    from paceapp.app.supporter import load_copies

    peers = load_peers(journal)
    plan = load_plan(journal)
    own = load_settings(journal).display_name if _exists(journal) else ""
    copies = load_copies(journal, peers, own)
    return BoardView(today, peers, board_names(peers, own), plan, own, copies.copies,
                     copies.names)


class GroupData(NamedTuple):
    """What the Today card shows: the plan, how many cards, and the newest."""

    today: date
    plan: GroupPlan | None
    members: int
    newest: PeerCard | None
    #: The newest card's name as the board shows it (with its member code when it looks like
    #: another member's or yours), so Today never shows a look-alike as plain "Sam".
    newest_name: str = ""


def load_group_card(journal: Journal, today: date) -> GroupData:
    if not _exists(journal):
        return GroupData(today, None, 0, None)
    peers = journal.list(PeerCard)
    newest = max(peers, key=lambda p: p.card.shared_at) if peers else None
    name = ""
    if newest is not None:
        name = board_names(peers, load_settings(journal).display_name)[newest.id]
    return GroupData(today, journal.get_single(GroupPlan), len(peers), newest, name)


class MemberView(NamedTuple):
    """One member found by what the person typed, with the board's names."""

    peer: PeerCard
    peers: list[PeerCard]
    names: dict[str, str]
    own_name: str


def find_member(journal: Journal, member: str) -> MemberView:
    """The member `member` names (as shown, by member id or '#code'); ValidationError when no one
    or more than one fits."""
    peers = load_peers(journal)
    own_name = load_settings(journal).display_name
    peer = find_peer(peers, member, own_name)
    return MemberView(peer, peers, board_names(peers, own_name), own_name)


def remove_peer(journal: Journal, peer_id: str) -> PeerCard:
    """Take a member's card (and its history) off the board; undo brings it back."""
    with journal.transaction():
        return journal.delete(PeerCard, peer_id)


# -- the group plan -----------------------------------------------------------------------------
def change_plan(journal: Journal, changes: Mapping[str, object], *, now: datetime) -> GroupPlan:
    """Apply checked changes (`core.sharing.plan_edits`) to the plan as stored now (or a new
    one): it becomes my own plan, dated `now`. ValidationError when there is nothing to change."""
    if not changes:
        raise ValidationError("Say what to change in the group plan.", "plan")
    with journal.transaction():
        plan = journal.get_single(GroupPlan) or GroupPlan()
        return journal.put_single(dataclasses.replace(plan, **changes,  # type: ignore[arg-type]
                                                      shared_by="", content_at=now))


def save_plan(journal: Journal, plan: GroupPlan, *, base: GroupPlan | None) -> GroupPlan:
    """Save the plan a form made from `base` (the copy it opened with): only what was changed in
    the form, on the plan as stored now, so an import or a change elsewhere meanwhile is kept."""
    with journal.transaction():
        return journal.put_single(plan, base=base)
