"""Any bytes, any JSON shaped like a supporter page, any damage to a real page's message:
reading it never raises, and importing it either stores a clean page or changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paceapp.app.share import import_shared
from paceapp.core.errors import ValidationError
from paceapp.core.supporter import PARTS, SUPPORTER_FORMAT, SupporterCopy, build_content, checksum
from paceapp.outputs.share import read_shared
from paceapp.outputs.supporter import supporter_message, supporter_text
from paceapp.store.journal import Journal

NOW = datetime(2026, 11, 21, 14, 30, tzinfo=UTC)
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
SECTION_KEYS = st.sampled_from(["signs", "helps", "unhelpful", "bad_day", "who_to_call",
                                "private_note", "crisis", "medicines", ""])


def page_doc(name: object, sections: object, crisis: object, version: object) -> dict:
    doc = {"format": SUPPORTER_FORMAT, "version": version, "member_id": "7c2e9b1d0f3a4e58",
           "name": name, "shared_at": "2026-11-20T10:00:00+00:00", "sections": sections,
           "crisis_contacts": crisis}
    doc["checksum"] = checksum(doc)
    return doc


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.one_of(st.text(max_size=60), VALUES),
       sections=st.one_of(st.dictionaries(SECTION_KEYS, st.one_of(st.text(max_size=700), VALUES),
                                          max_size=7), VALUES),
       crisis=st.one_of(st.booleans(), VALUES), version=st.one_of(st.just(1), VALUES))
def test_any_page_shaped_json_reads_cleanly_or_lists_problems(name: object, sections: object,
                                                             crisis: object,
                                                             version: object) -> None:
    parsed = read_shared(json.dumps(page_doc(name, sections, crisis, version)).encode(), now=NOW)
    if parsed.problems:
        assert parsed.value is None
        return
    copy = parsed.value
    assert isinstance(copy, SupporterCopy)
    copy.validate()
    text = supporter_text(copy.content())
    assert "\x1b" not in text and "\u202e" not in text
    assert all(s.key in PARTS and s.key != "crisis" for s in copy.sections)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_never_raise(data: bytes) -> None:
    read_shared(data, now=NOW)
    read_shared(b"How to help me\npaceapp:1:" + data + b":end", now=NOW)


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=2000), char=st.characters())
def test_a_damaged_real_message_is_refused_or_the_same_page(cut: int, char: str) -> None:
    content = build_content({"signs": "I go quiet", "helps": "Tea"}, PARTS, name="Robin",
                            shared_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
                            member_id="a1b2c3d4e5f60718")
    message = supporter_message(content)
    line_start = message.index("paceapp:1:") + len("paceapp:1:")
    at = line_start + cut % (len(message) - line_start)
    damaged = message[:at] + char + message[at + 1:]
    parsed = read_shared(damaged.encode("utf-8", "surrogatepass"), now=NOW)
    if parsed.value is not None:
        assert isinstance(parsed.value, SupporterCopy)
        assert parsed.value.sections == content.sections


def test_a_rejected_import_leaves_the_journal_as_it_was() -> None:
    journal = Journal.in_memory()
    doc = page_doc("Ali", {"helps": "Tea"}, True, 1)
    doc["sections"]["helps"] = "changed after the checksum"
    try:
        import_shared(journal, json.dumps(doc).encode(), NOW)
    except ValidationError as error:
        assert "checksum" in str(error)
    else:
        raise AssertionError("a changed page was imported")
    assert journal.list(SupporterCopy) == []
