"""The cross-record rule for flare-ups (core.flare.check_flares, declared as Flare.check_among for
the Journal to run in its write transaction): at most one going, none overlapping. The messages
name the field and what to do, without any front end's words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.errors import ValidationError
from paceapp.core.flare import (
    Flare,
    FlareGoingError,
    NoFlareGoingError,
    check_flares,
    end_flare,
    start_flare,
)

BASE = datetime(2026, 11, 1, tzinfo=UTC)


def at(hours: int) -> datetime:
    return BASE + timedelta(hours=hours)


spans = st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(1, 30)))


@given(stored=st.lists(spans, max_size=4), candidate=spans)
def test_refused_exactly_when_a_second_would_be_going_or_two_would_overlap(
        stored: list[tuple[int, int | None]], candidate: tuple[int, int | None]) -> None:
    flares: list[Flare] = []
    for start, length in stored:  # keep only a valid stored set
        flare = Flare(started=at(start), ended=None if length is None else at(start + length))
        try:
            check_flares(flares, flare)
        except ValidationError:
            continue
        flares.append(flare)
    start, length = candidate
    new = Flare(started=at(start), ended=None if length is None else at(start + length))
    far = at(10_000)

    def overlap(a: Flare, b: Flare) -> bool:
        return a.started < (b.ended or far) and b.started < (a.ended or far)

    second_going = new.ended is None and any(f.ended is None for f in flares)
    expected = second_going or any(overlap(new, f) for f in flares)
    try:
        new.check_among(flares)
    except ValidationError as error:
        assert expected
        assert error.field in {"started", "ended"} and "paceapp" not in str(error)
    else:
        assert not expected
    # A stored flare-up checked against the set it is in (its own old copy) is not refused.
    for flare in flares:
        flare.check_among(flares)


def test_the_going_one_is_named_and_the_words_are_the_front_ends_to_add() -> None:
    going = start_flare([], at(0), at(1))
    with pytest.raises(FlareGoingError) as caught:
        start_flare([going], at(2), at(3))
    assert caught.value.going == going and caught.value.field == "started"
    with pytest.raises(NoFlareGoingError) as none:
        end_flare([], at(2), at(3))
    assert none.value.field == "ended" and "nothing to end" in str(none.value)
    assert "paceapp" not in str(caught.value) + str(none.value)
