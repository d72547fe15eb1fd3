"""Goal cards, the group plan and the board: the pure rules, hand-worked."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.share_document import card_document, parse_document, plan_document
from paceapp.core.sharing import (
    CARD_FORMAT,
    FORMAT_VERSION,
    HISTORY_KEPT,
    GoalCard,
    GroupPlan,
    PainWeek,
    PeerCard,
    RotaTurn,
    SharedGoal,
    SharedPlan,
    board_names,
    check_include,
    coordinator_on,
    crisis_steps,
    find_peer,
    merge_card,
    next_meeting,
    next_turn,
    parse_rota,
    plan_edits,
    progress_words,
    shared_ago,
)

NOW = datetime(2026, 11, 21, 14, 5, tzinfo=UTC)


def card(member: str = "a1b2c3d4e5f60718", name: str = "Robin", at: datetime = NOW,
         **changes: object) -> GoalCard:
    base = dict(member_id=member, display_name=name, shared_at=at, week_start=date(2026, 11, 16),
                goals=(SharedGoal(what="Walk", how_much="10 minutes", when="after lunch",
                                  days_per_week=5, confidence=8, done_this_week=3,
                                  target_this_week=5),),
                note="Resting early helped")
    base.update(changes)
    return GoalCard(**base)  # type: ignore[arg-type]


def encode(doc: object) -> bytes:
    return json.dumps(doc).encode()


# -- the meeting rhythm and the rota ------------------------------------------------------------
@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 1), date(2026, 11, 3)),    # before the first meeting: the first meeting
    (date(2026, 11, 3), date(2026, 11, 3)),    # on the day
    (date(2026, 11, 4), date(2026, 11, 17)),   # fortnightly: 3 Nov + 14 days
    (date(2026, 11, 17), date(2026, 11, 17)),
    (date(2026, 11, 21), date(2026, 12, 1)),
])
def test_next_meeting_fortnightly(today: date, expected: date) -> None:
    plan = GroupPlan(first_meeting=date(2026, 11, 3), every_weeks=2)
    assert next_meeting(plan, today) == expected


def test_next_meeting_without_rhythm_or_date() -> None:
    assert next_meeting(GroupPlan(), date(2026, 11, 21)) is None
    one_off = GroupPlan(first_meeting=date(2026, 11, 3), every_weeks=0)
    assert next_meeting(one_off, date(2026, 11, 4)) is None
    assert next_meeting(one_off, date(2026, 11, 2)) == date(2026, 11, 3)


def test_coordinator_rota() -> None:
    plan = GroupPlan(rota=(RotaTurn(name="Ali", start=date(2026, 12, 1)),
                           RotaTurn(name="Jo", start=date(2026, 11, 1))))
    assert coordinator_on(plan, date(2026, 10, 31)) is None
    assert coordinator_on(plan, date(2026, 11, 21)).name == "Jo"  # type: ignore[union-attr]
    assert coordinator_on(plan, date(2026, 12, 1)).name == "Ali"  # type: ignore[union-attr]
    assert next_turn(plan, date(2026, 11, 21)).name == "Ali"  # type: ignore[union-attr]
    assert next_turn(plan, date(2026, 12, 1)) is None


def test_parse_rota_forms_and_order() -> None:
    turns = parse_rota(["Mary Ann from 2026-12-01", "Jo: 2026-11-01", "  ", "Ali 2027-01-05"],
                       date(2026, 11, 21))
    assert [(t.name, t.start) for t in turns] == [
        ("Jo", date(2026, 11, 1)), ("Mary Ann", date(2026, 12, 1)), ("Ali", date(2027, 1, 5))]
    with pytest.raises(ValidationError, match="name and a date"):
        parse_rota(["2026-11-01"], date(2026, 11, 21))
    with pytest.raises(ValidationError, match="not a"):
        parse_rota(["Jo from someday"], date(2026, 11, 21))


def test_plan_edits_checks_what_is_typed() -> None:
    changes = plan_edits(GroupPlan(), date(2026, 11, 21), place="  The  library ", every=1,
                         time_text="10:30", coordinators=("Jo from 2026-11-01",),
                         rules=("Be kind",))
    assert changes == {"place": "The library", "every_weeks": 1, "meet_time": time(10, 30),
                       "rota": (RotaTurn(name="Jo", start=date(2026, 11, 1)),),
                       "ground_rules": ("Be kind",)}
    with pytest.raises(ValidationError, match="1 to 8 weeks"):
        plan_edits(GroupPlan(), date(2026, 11, 21), every=9)
    with pytest.raises(ValidationError, match="not a time"):
        plan_edits(GroupPlan(), date(2026, 11, 21), time_text="half ten")


def test_crisis_steps_come_from_safety_wording() -> None:
    steps = " ".join(crisis_steps())
    for needed in ("999", "111", "116 123", "85258", "GP", "should not carry a crisis alone"):
        assert needed in steps


# -- privacy of sections ---------------------------------------------------------------------
def test_include_refuses_medicines_and_unknown_sections() -> None:
    assert check_include(["sleep", " Pain ", "sleep", ""]) == ("sleep", "pain")
    with pytest.raises(ValidationError, match="never"):
        check_include(["medicines"])
    with pytest.raises(ValidationError, match="not a section"):
        check_include(["weight"])


# -- the board ------------------------------------------------------------------------------
def test_merge_card_latest_wins_and_history_is_kept() -> None:
    first = card(at=NOW - timedelta(days=7))
    action, stored = merge_card(None, first)
    assert action == "added" and stored is not None and stored.card == first
    newer = card(at=NOW)
    action, updated = merge_card(stored, newer)
    assert action == "updated" and updated is not None
    assert updated.id == stored.id and updated.card == newer and updated.history == (first,)
    assert merge_card(updated, first) == ("older", None)
    assert merge_card(updated, newer) == ("same", None)


def test_history_is_capped() -> None:
    _, peer = merge_card(None, card(at=NOW))
    for n in range(1, HISTORY_KEPT + 5):
        _, peer = merge_card(peer, card(at=NOW + timedelta(hours=n)))
    assert peer is not None and len(peer.history) == HISTORY_KEPT
    assert peer.history[0].shared_at == NOW + timedelta(hours=HISTORY_KEPT + 3)


def test_names_that_collide_are_told_apart() -> None:
    peers = [PeerCard(member_id=m, card=card(member=m, name=n)) for m, n in
             (("aaaa1111bbbb", "Jo"), ("cccc2222dddd", "jo"), ("eeee3333ffff", "Sam"),
              ("9999888877776666", "Ali"))]
    names = board_names(peers, own_name="sam")
    assert [names[p.id] for p in peers] == ["Jo (#aaaa11)", "jo (#cccc22)", "Sam (#eeee33)",
                                            "Ali"]
    assert find_peer(peers, "Ali", "sam").member_id == "9999888877776666"
    assert find_peer(peers, "jo (#cccc22)").member_id == "cccc2222dddd"
    assert find_peer(peers, "#aaaa").member_id == "aaaa1111bbbb"
    with pytest.raises(ValidationError, match="More than one"):
        find_peer(peers, "jo")
    with pytest.raises(ValidationError, match="no member"):
        find_peer(peers, "Kim")


def test_shared_ago_and_progress_words() -> None:
    today = date(2026, 11, 21)
    assert shared_ago(today, today) == "shared today"
    assert shared_ago(date(2026, 11, 20), today) == "shared yesterday"
    assert shared_ago(date(2026, 11, 11), today) == "shared 10 days ago"
    goal = card().goals[0]
    assert progress_words(goal) == "3 of 5 days so far"
    done = SharedGoal(what="x", days_per_week=2, confidence=7, done_this_week=3,
                      target_this_week=2)
    assert progress_words(done) == "3 of 2 days - done for this week"


def test_peer_card_is_read_only_for_edit() -> None:
    from paceapp.core.edits import editable_fields

    assert editable_fields(PeerCard) == []


# -- reading documents ------------------------------------------------------------------------
def test_card_document_round_trip() -> None:
    original = card(pain=PainWeek(start=date(2026, 11, 15), end=date(2026, 11, 21),
                                  days_logged=6, average=4.5))
    parsed = parse_document(encode(card_document(original)), now=NOW)
    assert parsed.problems == []
    assert parsed.value == original


def test_plan_document_round_trip_ignores_crisis_steps_from_the_sender() -> None:
    plan = GroupPlan(rhythm="Every other Tuesday", first_meeting=date(2026, 11, 3),
                     every_weeks=2, meet_time=time(10, 30), place="Café", access="Step-free",
                     keep_in_touch="WhatsApp", rota=(RotaTurn(name="Jo", start=date(2026, 11, 1)),),
                     crisis_note="Ring the café")
    doc = plan_document(plan, member_id="a1b2c3d4e5f60718", shared_by="Jo", shared_at=NOW)
    doc["crisis_steps"] = ["Call 0900 123 456 (premium)"]
    parsed = parse_document(encode(doc), now=NOW)
    assert parsed.problems == []
    assert isinstance(parsed.value, SharedPlan)
    got = parsed.value.plan
    assert (got.rhythm, got.first_meeting, got.meet_time, got.rota, got.crisis_note) == (
        plan.rhythm, plan.first_meeting, plan.meet_time, plan.rota, plan.crisis_note)
    assert got.shared_by == "Jo" and got.content_at == NOW
    assert "0900" not in json.dumps(got.__dict__, default=str)


safe_text = st.text(alphabet=st.characters(whitelist_categories=("L", "N"),
                                           whitelist_characters=" -.,!'[]"),
                    max_size=60).map(lambda s: unicodedata.normalize("NFC", " ".join(s.split())))


@settings(max_examples=60, deadline=None)
@given(name=safe_text.filter(bool), what=safe_text.filter(bool), note=safe_text,
       days=st.integers(1, 7), confidence=st.integers(0, 10), done=st.integers(0, 7))
def test_any_sensible_card_reads_back_the_same(name: str, what: str, note: str, days: int,
                                               confidence: int, done: int) -> None:
    original = card(name=name[:40].strip(), note=note,
                    goals=(SharedGoal(what=what, days_per_week=days, confidence=confidence,
                                      done_this_week=done, target_this_week=days),))
    parsed = parse_document(encode(card_document(original)), now=NOW)
    assert parsed.value == original


def doc(**changes: object) -> dict[str, object]:
    base = card_document(card())
    base.update(changes)
    return base


@pytest.mark.parametrize(("data", "expected"), [
    (b"x" * (64 * 1024 + 1), "too big"),
    (b"\xff\xfe{}", "UTF-8"),
    (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    (encode({"a": [[[[[[[[1]]]]]]]]} | doc()), "nested too deeply"),
    (b"{not json", "not valid JSON"),
    (b'{"format": "paceapp-goal-card", "format": "x"}', "appears twice"),
    (b'{"x": NaN}', "not valid JSON"),
    (encode([doc()]), "one JSON object"),
    (encode(doc(format="something-else")), "format is 'something-else'"),
    (encode({k: v for k, v in doc().items() if k != "format"}), "format is missing"),
    (encode(doc(version=2)), "newer paceapp"),
    (encode(doc(version="1")), "version is missing or not a whole number"),
    (encode(doc(version=0)), "not one paceapp ever wrote"),
    (encode(doc(display_name="x" * 100_00)), "'display_name' is 10,000 characters long"),
    (encode(doc(member_id="../../etc")), "member_id"),
    (encode(doc(shared_at="2026-11-21T14:05:00")), "UTC offset"),
    (encode(doc(shared_at="2099-01-01T00:00:00+00:00")), "in the future"),
    (encode(doc(goals=[{"what": "x"}] * 13)), "the most is 12"),
    (encode(doc(goals=["walk"])), "'goals[0]' should be an object"),
    (encode(doc(goals=[{"what": "", "days_per_week": 9, "confidence": True,
                        "done_this_week": 0, "target_this_week": 1}])), "'goals[0].what' is empty"),
    (encode(doc(sections={"pain": {"from": "2026-11-15", "to": "2026-11-21",
                                   "days_logged": 3, "average": 11}})), "sections.pain.average"),
    (encode(doc(sections=[])), "'sections' should be an object"),
])
def test_hostile_documents_are_refused(data: bytes, expected: str) -> None:
    parsed = parse_document(data, now=NOW)
    assert parsed.value is None
    assert any(expected in problem for problem in parsed.problems), parsed.problems


def test_every_problem_is_listed() -> None:
    bad = doc(display_name="", member_id="x", goals=[{"what": "ok", "days_per_week": 0,
                                                       "confidence": 11, "done_this_week": -1,
                                                       "target_this_week": 1}])
    problems = parse_document(encode(bad), now=NOW).problems
    assert len(problems) == 5, problems
    assert any("days_per_week" in p for p in problems)
    assert any("confidence" in p for p in problems)
    assert any("done_this_week" in p for p in problems)


def test_own_card_is_refused() -> None:
    parsed = parse_document(encode(doc()), now=NOW, own_member_id="a1b2c3d4e5f60718")
    assert parsed.value is None and "your own card" in parsed.problems[0]


def test_text_is_neutralised_not_interpreted() -> None:
    hostile = ("\x1b[31mRed\x1b[0m \u202eevil\u202c [b]bold[/b] [link=http://x]y[/link] "
               "\x07bell\x00")
    parsed = parse_document(encode(doc(display_name="Jo\x1b]0;title\x07", note=hostile)),
                            now=NOW)
    assert parsed.problems == []
    got = parsed.value
    assert isinstance(got, GoalCard)
    assert got.display_name == "Jo"
    assert got.note == "Red evil [b]bold[/b] [link=http://x]y[/link] bell"
    assert not any(ch in got.note for ch in "\x1b\u202e\u202c\x07\x00")


def test_unknown_fields_are_ignored() -> None:
    extra = doc(colour="green", goals=[{**card_document(card())["goals"][0], "emoji": "x"}])
    parsed = parse_document(encode(extra), now=NOW)
    assert parsed.problems == [] and parsed.value == card()


def test_format_constants() -> None:
    assert card_document(card())["format"] == CARD_FORMAT == "paceapp-goal-card"
    assert card_document(card())["version"] == FORMAT_VERSION == 1


def test_a_section_that_does_not_exist_is_dropped_not_stored() -> None:
    sneaky = doc(sections={"medicines": [{"name": "x", "dose": "5 mg"}],
                           "pain": {"from": "2026-11-15", "to": "2026-11-21", "days_logged": 2,
                                    "average": 3}})
    parsed = parse_document(encode(sneaky), now=NOW)
    assert parsed.problems == []
    got = parsed.value
    assert isinstance(got, GoalCard) and got.sections() == ["pain"]
    assert "medicines" not in json.dumps(card_document(got))
