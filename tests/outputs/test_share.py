"""The message form: the paceapp line, chat clutter, damaged and hostile messages; importing."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.app.share import import_shared
from paceapp.core.errors import ValidationError
from paceapp.core.share_document import card_document
from paceapp.core.sharing import GoalCard, GroupPlan, PainWeek, PeerCard, SharedGoal, SleepWeek
from paceapp.outputs.share import (
    END,
    MARKER,
    MessageError,
    card_json,
    card_message,
    card_text,
    decode_payload,
    encode_line,
    extract_payload,
    included_words,
    plan_message,
    read_shared,
)
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

NOW = datetime(2026, 11, 21, 14, 5, tzinfo=UTC)


def card(at: datetime = NOW, **changes: object) -> GoalCard:
    base = dict(member_id="a1b2c3d4e5f60718", display_name="Robin", shared_at=at,
                week_start=date(2026, 11, 16),
                goals=(SharedGoal(what="Walk to the post box", how_much="10 minutes",
                                  when="after lunch", days_per_week=5, confidence=8,
                                  done_this_week=3, target_this_week=5),),
                note="Resting early helped")
    base.update(changes)
    return GoalCard(**base)  # type: ignore[arg-type]


def payload_of(text: str) -> str:
    line = text.strip().splitlines()[-1]
    assert line.startswith(MARKER) and line.endswith(END)
    return line[len(MARKER):-len(END)]


def test_message_reads_well_and_ends_with_one_paceapp_line() -> None:
    message = card_message(card())
    lines = message.splitlines()
    assert lines[0] == "Goal card from Robin - Sat 21 Nov"
    assert ("* Walk to the post box - 10 minutes, after lunch, 5 days a week. 3 of 5 days so far. "
            "Confidence 8/10.") in lines
    assert "Note: Resting early helped" in lines
    assert sum(MARKER in line for line in lines) == 1 and lines[-1].startswith(MARKER)
    assert read_shared(message.encode(), now=NOW).value == card()


def test_file_and_message_hold_the_same_document() -> None:
    original = card()
    from_file = json.loads(card_json(original))
    from_line = json.loads(decode_payload(payload_of(card_message(original))))
    assert from_file == from_line == card_document(original)


@pytest.mark.parametrize("clutter", ["whatsapp", "name-prefix", "wrapped-quoted", "wrapped-chat",
                                     "crlf", "blank-lines"])
def test_pasted_message_with_chat_clutter_imports(clutter: str) -> None:
    message = card_message(card())
    body, line = message.rsplit("\n", 1)
    chunks = [line[i:i + 60] for i in range(0, len(line), 60)]
    if clutter == "whatsapp":
        text = f"[21/11/2026, 14:06] Robin: {body}\n{line}\n[21/11/2026, 14:07] Ann: thanks!"
    elif clutter == "name-prefix":
        text = "Robin: " + message.replace("\n", "\nRobin: ")
    elif clutter == "wrapped-quoted":
        text = body + "\n" + "\n".join(f"> {c}" for c in chunks) + "\n> \n> Sent from my phone"
    elif clutter == "wrapped-chat":
        text = body + "\n" + "\n".join(f"[14:06] Robin: {c}" for c in chunks)
    elif clutter == "crlf":
        text = message.replace("\n", "\r\n") + "\r\n"
    else:
        text = body + "\n" + chunks[0] + "\n\n" + "\n".join(chunks[1:])
    parsed = read_shared(text.encode(), now=NOW)
    assert parsed.problems == [] and parsed.value == card()


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, no card here", "no paceapp line"),
    (f"{MARKER}abc", "cut short"),
    (f"{MARKER}ab$c{END}", "do not belong"),
    (f"{MARKER}{END}", "empty"),
    (f"{MARKER}A{END}", "not valid base64"),
    (f"{MARKER}aGVsbG8gd29ybGQ{END}", "does not unpack"),
    (f"{MARKER}x{END}\n{MARKER}y{END}", "one at a time"),
])
def test_damaged_lines_give_clear_messages(text: str, expected: str) -> None:
    with pytest.raises(MessageError, match=expected):
        decode_payload(extract_payload(text))


def test_truncated_message_line_is_cut_short() -> None:
    message = card_message(card())
    cut = message[: len(message) - 30]
    parsed = read_shared(cut.encode(), now=NOW)
    assert parsed.value is None and "cut short" in parsed.problems[0]
    # cut inside the compressed data but keeping the ':end' marker
    payload = payload_of(message)
    parsed = read_shared(f"{MARKER}{payload[:-12]}{END}".encode(), now=NOW)
    assert parsed.value is None
    assert "cut short" in parsed.problems[0] or "damaged" in parsed.problems[0]


def test_zip_bomb_is_stopped_at_the_cap() -> None:
    bomb = zlib.compress(b'{"a":"' + b"0" * (20 * 1024 * 1024) + b'"}', 9)
    line = MARKER + base64.urlsafe_b64encode(bomb).decode().rstrip("=") + END
    assert len(line) < 64 * 1024
    with pytest.raises(MessageError, match="too big"):
        decode_payload(extract_payload(line))


def test_encode_line_is_one_line_of_url_safe_text() -> None:
    line = encode_line(card_document(card(note="é ✓ " * 50)))
    assert "\n" not in line and " " not in line
    assert set(line[len(MARKER):-len(END)]) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_sections_appear_only_when_chosen() -> None:
    plain = card_message(card())
    assert "Pain" not in plain and "Sleep" not in plain
    chosen = card(pain=PainWeek(start=date(2026, 11, 15), end=date(2026, 11, 21), days_logged=6,
                                average=4.5),
                  sleep=SleepWeek(start=date(2026, 11, 15), end=date(2026, 11, 21),
                                  nights_logged=5, average_tst_min=372.0, average_se_pct=81.4))
    text = card_text(chosen)
    assert "Pain, Sun 15 Nov to Sat 21 Nov: average 4.5/10 (6 days logged)." in text
    assert ("Sleep, Sun 15 Nov to Sat 21 Nov: on average 6 h 12 min asleep; sleep efficiency "
            "(time asleep ÷ time in bed) 81.4% from the totals (5 nights logged).") in text
    words = included_words(chosen)
    assert "pain summary" in words and "sleep summary" in words
    assert "Not included: medicines (never shared)." in words
    assert "Not included: pain, sleep, medicines" in included_words(card())


def test_plan_message_round_trip() -> None:
    plan = GroupPlan(rhythm="Every other Tuesday", first_meeting=date(2026, 11, 3), place="Café")
    message = plan_message(plan, member_id="a1b2c3d4e5f60718", shared_by="Jo", now=NOW)
    assert "Samaritans" in message
    assert "When we meet: Every other Tuesday. Next: Tue 1 Dec." in message  # 3 Nov + 2 x 14 days
    parsed = read_shared(message.encode(), now=NOW)
    assert parsed.problems == []


# -- importing into a data folder --------------------------------------------------------------
def test_import_adds_updates_and_keeps_older_out(journal: Journal, data_dir) -> None:  # noqa: ANN001
    first = card(at=NOW - timedelta(days=7))
    outcome = import_shared(journal, card_message(first).encode(), NOW)
    assert outcome.action == "added" and "Added Robin's card" in outcome.message
    newer = card(at=NOW, note="A better week")
    outcome = import_shared(journal, card_json(newer).encode(), NOW)
    assert outcome.action == "updated"
    [peer] = journal.list(PeerCard)
    assert peer.card == newer and peer.history == (first,)
    before = folder_bytes(data_dir)
    assert import_shared(journal, card_json(first).encode(), NOW).action == "older"
    assert import_shared(journal, card_json(newer).encode(), NOW).action == "same"
    assert folder_bytes(data_dir) == before


def test_rejected_import_leaves_the_store_byte_identical(journal: Journal, data_dir) -> None:  # noqa: ANN001
    import_shared(journal, card_json(card()).encode(), NOW)
    before = folder_bytes(data_dir)
    bad = card_document(card(at=NOW + timedelta(hours=1)))
    bad["version"] = 9
    bad["goals"] = "lots"
    with pytest.raises(ValidationError) as raised:
        import_shared(journal, json.dumps(bad).encode(), NOW)
    assert str(raised.value).startswith("Not imported - nothing was changed.")
    assert folder_bytes(data_dir) == before


def test_plan_import_newest_wins(journal: Journal) -> None:
    plan = GroupPlan(rhythm="Weekly", place="Library")
    older = plan_message(plan, member_id="a1b2c3d4e5f60718", shared_by="Jo",
                         now=NOW - timedelta(days=1))
    newer = plan_message(GroupPlan(rhythm="Weekly", place="Café"), member_id="a1b2c3d4e5f60718",
                         shared_by="Jo", now=NOW)
    assert import_shared(journal, newer.encode(), NOW).action == "plan"
    assert import_shared(journal, older.encode(), NOW).action == "plan-older"
    stored = journal.get_single(GroupPlan)
    assert stored is not None and stored.place == "Café" and stored.shared_by == "Jo"


@settings(max_examples=80, deadline=None)
@given(width=st.integers(len(MARKER) + 1, 200),
       prefix=st.sampled_from(["", "> ", ">> ", "[21/11/2026, 14:05] Jo: ", "14:05 - Jo Bloggs: ",
                               "Jo: ", "   "]),
       before=st.text(alphabet="abc XYZ:[]/,0123456789\n", max_size=80),
       after=st.text(alphabet="abc XYZ:[]/,0123456789\n", max_size=80))
def test_any_wrap_and_prefix_reads_back(width: int, prefix: str, before: str, after: str) -> None:
    line = encode_line(card_document(card()))
    chunks = [line[i:i + width] for i in range(0, len(line), width)]
    text = before + "\n" + "\n".join(prefix + c for c in chunks) + "\n" + after
    parsed = read_shared(text.encode(), now=NOW)
    assert parsed.problems == [] and parsed.value == card()
