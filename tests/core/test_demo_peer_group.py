"""The demo peer group: 4-6 members, cards of different ages, history, and a plan."""

from __future__ import annotations

from datetime import date

from paceapp.core.sharing import GroupPlan, PeerCard, board_names, coordinator_on, next_meeting
from paceapp.demo import build
from paceapp.demo.group import generate
from paceapp.demo.person import DemoPerson

TODAY = date(2026, 11, 21)


def test_demo_group_has_members_of_different_ages_and_a_plan() -> None:
    made = list(generate(DemoPerson(days=84, today=TODAY)))
    peers = [r for r in made if isinstance(r, PeerCard)]
    [plan] = [r for r in made if isinstance(r, GroupPlan)]
    assert 4 <= len(peers) <= 6
    ages = sorted((TODAY - p.card.shared_on).days for p in peers)
    assert len(set(ages)) == len(ages) and ages[0] <= 1 and ages[-1] >= 21
    assert any(p.history for p in peers)
    for peer in peers:
        peer.validate()
        assert all(old.shared_at < peer.card.shared_at for old in peer.history)
    names = board_names(peers).values()
    assert len(set(names)) == len(peers)  # the two "Jo"s are told apart
    plan.validate()
    upcoming = next_meeting(plan, TODAY)
    assert upcoming is not None and 0 <= (upcoming - TODAY).days < 14
    assert coordinator_on(plan, TODAY) is not None


def test_demo_group_is_deterministic_and_fits_ten_years() -> None:
    first = build(3650, TODAY, seed=3)
    again = build(3650, TODAY, seed=3)
    def cards(data) -> list:  # noqa: ANN001
        return [(r.card, r.history) for r in data.records if isinstance(r, PeerCard)]

    assert cards(first) == cards(again) and len(cards(first)) == 5
    assert any(isinstance(r, GroupPlan) for r in first.singles)
