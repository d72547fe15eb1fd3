"""app.share: sharing my card and the group plan, and importing what a peer sent.

Each write reads the journal fresh inside its lock, so a change made through another window (a
second Journal on the same folder) between the front end's read and the write is kept; a failed
write or a rejected import stores nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.app.share import (
    import_shared,
    keep_identity,
    load_card_inputs,
    own_identity,
    share_card,
    share_plan,
)
from paceapp.core.errors import ValidationError
from paceapp.core.goals import new_plan
from paceapp.core.settings import Settings
from paceapp.core.share_document import card_document
from paceapp.core.sharing import GoalCard, GroupPlan, PeerCard, SharedGoal
from paceapp.outputs.share import card_json, card_message, plan_message, read_shared
from paceapp.store.journal import Journal
from paceapp.store.settings import update_settings
from tests.conftest import folder_bytes

NOW = datetime(2026, 11, 21, 14, 5, tzinfo=UTC)
TODAY = date(2026, 11, 21)


def card(name: str = "Robin", member: str = "7c2e9b1d0f3a4e58", at: datetime = NOW) -> GoalCard:
    return GoalCard(member_id=member, display_name=name, shared_at=at,
                    week_start=date(2026, 11, 16),
                    goals=(SharedGoal(what="Walk", how_much="10 minutes", when="morning",
                                      days_per_week=3, confidence=8, done_this_week=1,
                                      target_this_week=3),))


def written() -> tuple[list[tuple[str, str]], object]:
    calls: list[tuple[str, str]] = []

    def write(*args: object) -> str:
        calls.append((str(args[-2]), str(args[-1])))
        return "done"

    return calls, write


# -- sharing ------------------------------------------------------------------------------------
def test_load_card_inputs_reads_this_weeks_plans(journal: Journal) -> None:
    journal.add(new_plan("Walk", "10 minutes", "morning", 3, 8, start=TODAY - timedelta(days=2)))
    inputs = load_card_inputs(journal, TODAY)
    assert [g.what for g in inputs.goals] == ["Walk"]
    assert inputs.today == TODAY and inputs.week_start == date(2026, 11, 16)
    assert inputs.pain.days_logged == 0 and inputs.sleep is not None


def test_share_card_writes_then_keeps_the_name_and_member_id(journal: Journal) -> None:
    inputs = load_card_inputs(journal, TODAY)
    calls, write = written()
    assert share_card(journal, inputs, name="Robin", now=NOW, include=("pain",),
                      write=write) == "done"  # type: ignore[arg-type]
    [(document, message)] = calls
    stored = journal.get_single(Settings)
    assert stored is not None and stored.display_name == "Robin"
    assert json.loads(document)["member_id"] == stored.member_id  # the id kept is the card's
    parsed = read_shared(message.encode(), now=NOW)
    assert isinstance(parsed.value, GoalCard) and parsed.value.pain is not None
    assert parsed.value.sleep is None  # only what was ticked


def test_share_card_stores_nothing_when_the_write_fails(journal: Journal, data_dir: Path) -> None:
    inputs = load_card_inputs(journal, TODAY)
    before = folder_bytes(data_dir)

    def fail(*_args: object) -> None:
        raise ValidationError("Could not write card.json.", "path")

    with pytest.raises(ValidationError):
        share_card(journal, inputs, name="Robin", now=NOW, write=fail)
    assert folder_bytes(data_dir) == before
    assert journal.get_single(Settings) is None


def test_share_card_keeps_a_settings_change_made_meanwhile(journal: Journal,
                                                            data_dir: Path) -> None:
    inputs = load_card_inputs(journal, TODAY)  # the share window opens with this
    other = Journal.open(data_dir)  # another window changes the settings meanwhile
    kept = update_settings(other, real_name="Robin Smith", week_starts=6)
    calls, write = written()
    share_card(journal, inputs, name="Robin", now=NOW, write=write)  # type: ignore[arg-type]
    stored = Journal.open(data_dir).get_single(Settings)
    assert stored is not None
    assert (stored.real_name, stored.week_starts, stored.display_name) == ("Robin Smith", 6,
                                                                           "Robin")
    assert stored.member_id == kept.member_id == json.loads(calls[0][0])["member_id"]


def test_share_plan_carries_the_kept_member_id(journal: Journal) -> None:
    keep_identity(journal, Settings(), "Jo")
    member = own_identity(journal).member_id
    calls, write = written()
    plan = GroupPlan(rhythm="Weekly", place="Library")
    share_plan(journal, plan, name="Sam", now=NOW, write=write)  # type: ignore[arg-type]
    [(document, message)] = calls
    assert json.loads(document)["member_id"] == member
    assert "shared by Sam" in message
    assert own_identity(journal).display_name == "Sam"
    assert own_identity(journal).member_id == member


def test_keep_identity_changes_only_the_name(journal: Journal, data_dir: Path) -> None:
    update_settings(journal, theme="high-contrast", real_name="Jo Bloggs")
    keep_identity(journal, Settings(), "Jo")
    stored = journal.get_single(Settings)
    assert stored is not None
    assert (stored.theme, stored.real_name, stored.display_name) == ("high-contrast",
                                                                    "Jo Bloggs", "Jo")
    before = folder_bytes(data_dir)
    keep_identity(journal, Settings(), "Jo")  # the same name: nothing is written
    assert folder_bytes(data_dir) == before


# -- importing ------------------------------------------------------------------------------------
def test_import_adds_then_updates_then_keeps_older_out(journal: Journal, data_dir: Path) -> None:
    first = card(at=NOW - timedelta(days=7))
    assert import_shared(journal, card_message(first).encode(), NOW).action == "added"
    assert import_shared(journal, card_json(card()).encode(), NOW).action == "updated"
    before = folder_bytes(data_dir)
    assert import_shared(journal, card_json(first).encode(), NOW).action == "older"
    assert import_shared(journal, card_json(card()).encode(), NOW).action == "same"
    assert folder_bytes(data_dir) == before


def test_import_checks_against_what_is_stored_now(journal: Journal, data_dir: Path) -> None:
    """The board the front end read is stale: the card another window imported meanwhile is
    found inside the lock, so a second card with its member id updates it (never a duplicate),
    and a look-alike of its member id is refused."""
    other = Journal.open(data_dir)
    import_shared(other, card_json(card(at=NOW - timedelta(days=3))).encode(), NOW)
    outcome = import_shared(journal, card_json(card()).encode(), NOW)
    assert outcome.action == "updated"
    assert len(Journal.open(data_dir).list(PeerCard)) == 1
    before = folder_bytes(data_dir)
    forged = card(name="Robin", member="7C2E9B1D0F3A4E58")  # Robin's id in capitals
    with pytest.raises(ValidationError) as raised:
        import_shared(journal, card_json(forged).encode(), NOW)
    assert str(raised.value).startswith("Not imported - nothing was changed.")
    assert folder_bytes(data_dir) == before


def test_import_of_my_own_card_is_refused(journal: Journal, data_dir: Path) -> None:
    keep_identity(journal, Settings(member_id="a1b2c3d4e5f60718"), "Jo")
    before = folder_bytes(data_dir)
    with pytest.raises(ValidationError):
        import_shared(journal, card_json(card(member="a1b2c3d4e5f60718")).encode(), NOW)
    assert folder_bytes(data_dir) == before


def test_a_rejected_import_changes_nothing(journal: Journal, data_dir: Path) -> None:
    import_shared(journal, card_json(card(at=NOW - timedelta(days=1))).encode(), NOW)
    before = folder_bytes(data_dir)
    bad = card_document(card())
    bad["goals"] = "lots"
    for raw in (json.dumps(bad).encode(), b"", b"paceapp:1:!!!:end", b"\xff\xfe\x00"):
        with pytest.raises(ValidationError):
            import_shared(journal, raw, NOW)
    assert folder_bytes(data_dir) == before


def test_plan_import_newest_wins_over_the_stored_plan(journal: Journal, data_dir: Path) -> None:
    older = plan_message(GroupPlan(rhythm="Weekly", place="Library"),
                         member_id="a1b2c3d4e5f60718", shared_by="Jo", now=NOW - timedelta(days=1))
    newer = plan_message(GroupPlan(rhythm="Weekly", place="Café"),
                         member_id="a1b2c3d4e5f60718", shared_by="Jo", now=NOW)
    assert import_shared(Journal.open(data_dir), newer.encode(), NOW).action == "plan"
    assert import_shared(journal, older.encode(), NOW).action == "plan-older"
    stored = journal.get_single(GroupPlan)
    assert stored is not None and stored.place == "Café"
