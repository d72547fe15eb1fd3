"""The report's naps sentence: after the sleep sentence, only when there were naps, and once even
when the GP sheet's summary already carries it (issue 17, item 7)."""

from __future__ import annotations

from paceapp.outputs.report import with_naps

NAPS = "Naps (not counted in the nights): 2 over 14 days, 1 h 10 min in all."
SUMMARY = ["Pain: ...", "Sleep, 8 Nov – 21 Nov: on average 7 h 00 min asleep ...", "Pacing: ..."]


def test_after_the_sleep_sentence() -> None:
    assert with_naps(SUMMARY, NAPS) == [SUMMARY[0], SUMMARY[1], NAPS, SUMMARY[2]]


def test_none_without_naps_and_never_twice() -> None:
    assert with_naps(SUMMARY, "") == SUMMARY
    already = [SUMMARY[0], SUMMARY[1], NAPS, SUMMARY[2]]
    assert with_naps(already, NAPS) == already


def test_at_the_end_when_there_is_no_sleep_sentence() -> None:
    assert with_naps(["Pain: ..."], NAPS) == ["Pain: ...", NAPS]
