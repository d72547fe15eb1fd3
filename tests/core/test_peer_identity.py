"""No peer can pass for someone else: names, member codes, look-ups, and which card wins.

docs/sharing.md, "The group board" and "Member ids". The rules are checked as classes: any
names, any ids, any order - not one example each.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.lookalike import look_alike_keys
from paceapp.core.share_document import card_document, parse_document
from paceapp.core.sharing import (
    FUTURE_SLACK,
    MARK_MIN,
    GoalCard,
    PeerCard,
    SharedGoal,
    board_names,
    check_member_id,
    find_peer,
    merge_card,
)
from tests.core.test_lookalike import INVISIBLE, base_names, invisible_chars

NOW = datetime(2026, 11, 21, 14, 5, tzinfo=UTC)


def card(member: str = "7c2e9b1d0f3a4e58", name: str = "Sam", at: datetime = NOW,
         what: str = "Walk") -> GoalCard:
    return GoalCard(member_id=member, display_name=name, shared_at=at,
                    week_start=date(2026, 11, 16),
                    goals=(SharedGoal(what=what, days_per_week=5, confidence=8, done_this_week=1,
                                      target_this_week=5),))


def peer(member: str, name: str, at: datetime = NOW) -> PeerCard:
    return PeerCard(member_id=member, card=card(member, name, at))


def imported(name: str, member: str = "7c2e9b1d0f3a4e58") -> GoalCard:
    """A card as an import reads it (the name cleaned as untrusted input)."""
    parsed = parse_document(json.dumps(card_document(card(member, "x")) | {
        "display_name": name}).encode(), now=NOW)
    assert parsed.problems == [] and isinstance(parsed.value, GoalCard)
    return parsed.value


# -- invisible characters in names ----------------------------------------------------------------
@pytest.mark.parametrize("hidden", list(INVISIBLE))
def test_every_invisible_character_is_removed_from_an_imported_name(hidden: str) -> None:
    for name in (f"Sam{hidden}", f"{hidden}Sam", f"S{hidden}am", f"Sam{hidden * 5}"):
        assert imported(name).display_name == "Sam"


def test_a_name_of_only_invisible_characters_is_refused() -> None:
    doc = card_document(card()) | {"display_name": "\u200b\u2060\U000e0041"}
    parsed = parse_document(json.dumps(doc).encode(), now=NOW)
    assert parsed.value is None
    assert any("no visible characters" in p for p in parsed.problems)


@settings(max_examples=150, deadline=None)
@given(base=base_names, extra=st.lists(st.tuples(st.integers(0, 20), invisible_chars),
                                       min_size=1, max_size=6))
def test_a_disguised_name_is_cleaned_to_its_base_or_marked(base: str,
                                                           extra: list[tuple[int, str]]) -> None:
    """Imported beside a member called `base` (and with your own name `base`), a card whose name
    is `base` plus invisible characters is never shown as the plain name."""
    name = base
    for position, char in extra:
        at = position % (len(name) + 1)
        name = name[:at] + char + name[at:]
    doc = card_document(card("a1b2c3d4e5f60718", "x")) | {"display_name": name}
    parsed = parse_document(json.dumps(doc).encode(), now=NOW)
    assert isinstance(parsed.value, GoalCard), parsed.problems
    disguised = PeerCard(member_id="a1b2c3d4e5f60718", card=parsed.value)
    genuine = peer("7c2e9b1d0f3a4e58", base)
    for peers, own in (([genuine, disguised], ""), ([disguised], base)):
        shown = board_names(peers, own)[disguised.id]
        assert shown == base or shown.startswith(f"{base} (#a1b2c3")
        assert shown != base or (len(peers) == 1 and not own)  # cleaned *and* marked here


# -- the board: names that look alike are always told apart -------------------------------------
look_alike_names = st.sampled_from([
    "Sam", "sam", "SAM", "S\u0430m", "Sam\u200b", "\u0405am", "5am", "Sarn", "Ian", "lan", "ian",
    "Jo", "J\u043e", "JO", "J0", "Jo (#7c2e9b)", "Jo (#7c2e9b) (#7c2e9b)", "Zoe", "Zo\u00eb",
    "Ali", "A1i", "Al\u0131", "\uff33am", "Sam\ufe0f",
])
ids = st.text(alphabet="0123456789abcdefABCDEFoOlI", min_size=8, max_size=16)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(ids, look_alike_names), min_size=1, max_size=8,
                     unique_by=lambda r: r[0]),
       own=st.sampled_from(["", "Sam", "Jo", "ian"]))
def test_no_two_names_on_the_board_look_alike(rows: list[tuple[str, str]], own: str) -> None:
    peers = [PeerCard(member_id=m, card=card(m, n)) for m, n in rows]
    names = board_names(peers, own)
    assert set(names) == {p.id for p in peers}
    shown = list(names.values())
    for i, first in enumerate(shown):
        for second in shown[i + 1:]:
            assert look_alike_keys(first).isdisjoint(look_alike_keys(second)), (first, second)
        if own:
            assert look_alike_keys(first).isdisjoint(look_alike_keys(own)), (first, own)
    # and each shown name finds its own member
    for p in peers:
        assert find_peer(peers, names[p.id], own).id == p.id


def test_markers_are_long_enough_not_to_collide() -> None:
    """Ids alike in their first 4 (the old marker) or 6 characters still show different codes."""
    peers = [peer("7c2e9b1d0f3a4e58", "Jo"), peer("7c2e9b1dffff0000", "Jo"),
             peer("7c2e0000aaaa1111", "Jo")]
    names = board_names(peers)
    assert sorted(names.values()) == ["Jo (#7c2e00)", "Jo (#7c2e9b1d0f)", "Jo (#7c2e9b1dff)"]
    assert all(len(n.split("#")[1]) - 1 >= MARK_MIN for n in names.values())


def test_two_records_with_the_same_member_id_are_still_told_apart() -> None:
    """Cannot come from an import (one record per member id), but a restored folder might hold
    it: neither hides the other, each is shown and found."""
    peers = [peer("7c2e9b1d0f3a4e58", "Jo"), peer("7c2e9b1d0f3a4e58", "Jo")]
    names = board_names(peers)
    assert len(set(names.values())) == 2
    for p in peers:
        assert find_peer(peers, names[p.id]).id == p.id


# -- look-ups ---------------------------------------------------------------------------------
def test_look_up_by_full_id_any_unambiguous_start_and_shown_name() -> None:
    jo, forged, priya = (peer("7c2e9b1d0f3a4e58", "Jo"), peer("7c2e9b1dffff0000", "Jo"),
                         peer("e5d4c3b2a1f09876", "Priya"))
    peers = [jo, forged, priya]
    assert find_peer(peers, "7c2e9b1d0f3a4e58").id == jo.id
    assert find_peer(peers, "#7c2e9b1d0f3a4e58").id == jo.id
    assert find_peer(peers, "#7c2e9b1d0").id == jo.id
    assert find_peer(peers, "#7c2e9b1dF").id == forged.id  # other case, still one
    assert find_peer(peers, "Jo (#7c2e9b1dff)").id == forged.id
    assert find_peer(peers, "#e5").id == priya.id
    assert find_peer(peers, "e5d4c3b2").id == priya.id
    assert find_peer(peers, "PRIYA").id == priya.id
    assert find_peer(peers, "Pri").id == priya.id
    assert find_peer(peers, "\u0420riya").id == priya.id  # a look-alike finds the one member
    for ambiguous in ("Jo", "jo", "J\u043e", "#7c2e", "7c2e9b1d", "Jo (#7c2e9b1d)"):
        with pytest.raises(ValidationError, match="More than one member") as error:
            find_peer(peers, ambiguous)
        assert "Jo (#7c2e9b1d0f)" in str(error.value) and "Jo (#7c2e9b1dff)" in str(error.value)
    with pytest.raises(ValidationError, match="No member on your board has the code #abc"):
        find_peer(peers, "#abc")
    with pytest.raises(ValidationError, match="is Priya on your board, not Jo"):
        find_peer(peers, "Jo (#e5d4)")


# -- which card wins: one member id, one row ------------------------------------------------------
def test_a_card_from_the_future_is_refused_at_import() -> None:
    for ahead in (FUTURE_SLACK + timedelta(seconds=1), timedelta(hours=1), timedelta(hours=23),
                  timedelta(days=400)):
        doc = card_document(card(at=NOW + ahead))
        parsed = parse_document(json.dumps(doc).encode(), now=NOW)
        assert parsed.value is None
        assert any("in the future" in p and "ahead of this computer's clock" in p
                   for p in parsed.problems), parsed.problems
    near = parse_document(json.dumps(card_document(card(at=NOW + FUTURE_SLACK))).encode(),
                          now=NOW)
    assert near.problems == []  # a clock a few minutes fast is fine


def test_a_stored_future_card_never_holds_off_the_real_one() -> None:
    """From before future dates were refused: the member's real next card replaces it."""
    _, stored = merge_card(None, card(at=NOW + timedelta(hours=20), what="Forged"))
    assert stored is not None
    action, record = merge_card(stored, card(at=NOW - timedelta(minutes=1), what="Real"), NOW)
    assert action == "updated" and record is not None
    assert record.card.goals[0].what == "Real" and record.history[0].goals[0].what == "Forged"
    # without the clock (or once that moment has passed) the newest still wins as before
    assert merge_card(stored, card(at=NOW, what="Real"))[0] == "older"


def test_same_member_id_with_another_name_is_refused_not_merged() -> None:
    _, stored = merge_card(None, card(name="Jo"))
    for name in ("Sam", "J\u043e", "jo"):
        with pytest.raises(ValidationError, match="member id of Jo's card") as error:
            merge_card(stored, card(name=name, at=NOW + timedelta(hours=1)), NOW)
        assert "remove their card first" in str(error.value)
        with pytest.raises(ValidationError):
            merge_card(stored, card(name=name, at=NOW - timedelta(hours=1)), NOW)


def test_same_member_id_and_moment_with_other_content_is_refused() -> None:
    _, stored = merge_card(None, card(name="Jo"))
    assert merge_card(stored, card(name="Jo"), NOW) == ("same", None)
    with pytest.raises(ValidationError, match="not genuine"):
        merge_card(stored, card(name="Jo", what="Something else"), NOW)


def test_a_stored_name_with_invisible_characters_is_still_the_same_member() -> None:
    """A card kept by an older paceapp with a zero-width space in the name is still updated by
    the member's next card (the names are compared as cleaned today)."""
    old = PeerCard(member_id="7c2e9b1d0f3a4e58", card=card(name="Jo\u200b"))
    assert merge_card(old, card(name="Jo", at=NOW + timedelta(hours=1)), NOW)[0] == "updated"
    assert merge_card(old, imported("Jo"), NOW)[0] == "same"


@pytest.mark.parametrize("forged", ["7C2E9B1D0F3A4E58", "7c2e9b1dOf3a4e58", "7c2e9bld0f3a4e58"])
def test_a_member_id_that_only_looks_like_another_is_refused(forged: str) -> None:
    peers = [peer("7c2e9b1d0f3a4e58", "Jo")]
    with pytest.raises(ValidationError, match="looks like Jo's"):
        check_member_id(peers, forged)
    with pytest.raises(ValidationError, match="looks like your own"):
        check_member_id([], forged, own_member_id="7c2e9b1d0f3a4e58")
    check_member_id(peers, "7c2e9b1d0f3a4e58")  # the same id is the member's own next card
    check_member_id(peers, "e5d4c3b2a1f09876")


def test_a_name_mixing_latin_and_cyrillic_is_marked_even_alone() -> None:
    """A look-alike letter not in paceapp's list still cannot pass quietly: a name mixing
    Latin with Cyrillic, Greek, Armenian or Cherokee letters always shows its code."""
    sergei = "\u0421\u0435\u0440\u0433\u0435\u0439"  # all Cyrillic: left as it is
    peers = [peer("7c2e9b1d0f3a4e58", "S\u0430m"), peer("a1b2c3d4e5f60718", sergei)]
    names = board_names(peers)
    assert [names[p.id] for p in peers] == ["S\u0430m (#7c2e9b)", sergei]
