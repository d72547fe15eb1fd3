"""app.group: the board, the Today card, finding and removing a member, the group plan.

The plan's writes read the plan fresh inside the lock: a change made through another window (a
second Journal on the same folder) after the front end read the plan is kept.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.app.group import (
    change_plan,
    find_member,
    load_board,
    load_group_card,
    load_peers,
    load_plan,
    remove_peer,
    save_plan,
)
from paceapp.app.share import import_shared, keep_identity
from paceapp.core.errors import ChangedElsewhereError, NotFoundError, ValidationError
from paceapp.core.settings import Settings
from paceapp.core.sharing import GoalCard, GroupPlan, PeerCard, plan_edits
from paceapp.outputs.share import card_json
from paceapp.store.journal import Journal

NOW = datetime(2026, 11, 21, 14, 5, tzinfo=UTC)
TODAY = date(2026, 11, 21)


def card(name: str, member: str, days_ago: int = 1) -> GoalCard:
    return GoalCard(member_id=member, display_name=name,
                    shared_at=NOW - timedelta(days=days_ago), week_start=date(2026, 11, 16),
                    goals=())


def add(journal: Journal, name: str, member: str, days_ago: int = 1) -> None:
    import_shared(journal, card_json(card(name, member, days_ago)).encode(), NOW)


def test_a_missing_folder_shows_an_empty_board(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "data")
    view = load_board(journal, TODAY)
    assert (view.peers, view.plan, view.copies) == ([], None, ())
    assert load_group_card(journal, TODAY).members == 0


def test_board_is_newest_first_and_marks_look_alikes(journal: Journal) -> None:
    keep_identity(journal, Settings(), "Sam")
    add(journal, "Ali", "7c2e9b1d0f3a4e58", days_ago=3)
    add(journal, "S\u0430m", "0718293041526374", days_ago=1)  # Cyrillic a: looks like me
    view = load_board(journal, TODAY)
    assert [p.card.display_name for p in view.peers] == ["S\u0430m", "Ali"]
    names = [view.names[p.id] for p in view.peers]
    assert names[1] == "Ali" and names[0] != "S\u0430m" and "#" in names[0]
    assert view.own_name == "Sam"
    data = load_group_card(journal, TODAY)
    assert data.members == 2 and data.newest is not None
    assert data.newest_name == names[0]  # Today never shows the look-alike plainly


def test_find_member_and_remove_peer(journal: Journal) -> None:
    add(journal, "Ali", "7c2e9b1d0f3a4e58")
    add(journal, "Jo", "0718293041526374")
    found = find_member(journal, "ali")
    assert found.peer.card.display_name == "Ali" and found.names[found.peer.id] == "Ali"
    with pytest.raises(ValidationError):
        find_member(journal, "Nobody")
    remove_peer(journal, found.peer.id)
    assert [p.card.display_name for p in load_peers(journal)] == ["Jo"]
    journal.undo()
    assert len(load_peers(journal)) == 2


def test_change_plan_applies_only_the_changes_to_the_plan_stored_now(journal: Journal,
                                                                     data_dir: Path) -> None:
    change_plan(journal, plan_edits(GroupPlan(), TODAY, rhythm="Every other Tuesday"), now=NOW)
    other = Journal.open(data_dir)  # another window sets the place meanwhile
    change_plan(other, plan_edits(GroupPlan(), TODAY, place="The library"), now=NOW)
    saved = change_plan(journal, plan_edits(GroupPlan(), TODAY, time_text="10:30"), now=NOW)
    assert (saved.rhythm, saved.place, f"{saved.meet_time:%H:%M}") == (
        "Every other Tuesday", "The library", "10:30")
    assert saved.shared_by == "" and saved.content_at == NOW
    with pytest.raises(ValidationError):
        change_plan(journal, {}, now=NOW)


def test_save_plan_keeps_a_change_made_after_the_form_opened(journal: Journal,
                                                             data_dir: Path) -> None:
    change_plan(journal, {"rhythm": "Weekly", "place": "Café"}, now=NOW)
    opened = load_plan(journal)
    assert opened is not None
    # Meanwhile a plan is imported elsewhere / `paceapp group plan set` changes the access notes.
    change_plan(Journal.open(data_dir), {"access": "Step-free"}, now=NOW)
    edited = dataclasses.replace(opened, place="The library")
    saved = save_plan(journal, edited, base=opened)
    assert (saved.rhythm, saved.place, saved.access) == ("Weekly", "The library", "Step-free")
    # The same field changed both here and there: nothing is written, and it is named.
    change_plan(Journal.open(data_dir), {"place": "Town hall"}, now=NOW)
    with pytest.raises(ChangedElsewhereError):
        save_plan(journal, dataclasses.replace(saved, place="Church"), base=saved)
    stored = load_plan(journal)
    assert stored is not None and stored.place == "Town hall"


def test_remove_peer_of_a_card_removed_meanwhile_says_so(journal: Journal,
                                                         data_dir: Path) -> None:
    add(journal, "Ali", "7c2e9b1d0f3a4e58")
    [peer] = journal.list(PeerCard)
    remove_peer(Journal.open(data_dir), peer.id)
    with pytest.raises(NotFoundError):
        remove_peer(journal, peer.id)
