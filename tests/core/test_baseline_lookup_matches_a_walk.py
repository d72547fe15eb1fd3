"""Baseline.amount_on / amount_at are lookups (bisect on the change dates); on any history -
in time order, out of order, with several changes on one day or at one moment - they give
exactly what walking the history from the start gives (the code they replaced)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from paceapp.core.pacing import Baseline, BaselineChange


def walk_on(baseline: Baseline, day: date) -> int | None:
    found = None
    for change in baseline.history:
        if change.at.date() <= day:
            found = change.amount
    return found


def walk_at(baseline: Baseline, moment: datetime) -> int | None:
    found = None
    for change in baseline.history:
        if change.at <= moment:
            found = change.amount
    return found


def random_history(rng: random.Random) -> Baseline:
    start = datetime(2016, 1, 1, 9, tzinfo=UTC)
    moments: list[datetime] = []
    for _ in range(rng.randrange(1, 60)):
        if moments and rng.random() < 0.2:
            moment = rng.choice(moments)  # the same moment again
        elif moments and rng.random() < 0.2:
            moment = moments[-1] + timedelta(minutes=rng.randrange(90))  # the same day
        else:
            moment = start + timedelta(days=rng.randrange(3650), minutes=rng.randrange(1440))
        if rng.random() < 0.1:
            moment = moment.astimezone(timezone(timedelta(hours=rng.choice([-5, 1, 9]))))
        moments.append(moment)
    if rng.random() < 0.5:
        moments.sort()  # usually a history is in time order
    history = tuple(BaselineChange(at=m, action=rng.choice(["set", "step", "restart"]),
                                   method="gentle", amount=rng.randrange(1, 500))
                    for m in moments)
    return Baseline(name="walking", method="gentle", amount=history[-1].amount, history=history)


@pytest.mark.parametrize("seed", range(300))
def test_lookups_match_the_walk_on_random_histories(seed: int) -> None:
    rng = random.Random(seed)
    baseline = random_history(rng)
    moments = [c.at for c in baseline.history]
    days = {m.date() for m in moments}
    probes = {d + timedelta(days=k) for d in days for k in (-1, 0, 1)}
    probes |= {date(2015, 1, 1), date(2030, 1, 1)}
    for day in probes:
        assert baseline.amount_on(day) == walk_on(baseline, day), day
    for moment in moments:
        for delta in (timedelta(0), timedelta(microseconds=-1), timedelta(seconds=1)):
            probe = moment + delta
            assert baseline.amount_at(probe) == walk_at(baseline, probe), probe


def test_a_changed_copy_looks_up_its_own_history() -> None:
    """The lookup table is kept per record: a copy with a step added answers for the step."""
    import dataclasses

    first = BaselineChange(at=datetime(2026, 1, 1, 9, tzinfo=UTC), action="set",
                           method="gentle", amount=10)
    base = Baseline(name="walking", method="gentle", amount=10, history=(first,))
    assert base.amount_on(date(2026, 2, 1)) == 10
    step = BaselineChange(at=datetime(2026, 1, 20, 9, tzinfo=UTC), action="step",
                          method="step", amount=11)
    stepped = dataclasses.replace(base, amount=11, history=(first, step))
    assert stepped.amount_on(date(2026, 2, 1)) == 11 and base.amount_on(date(2026, 2, 1)) == 10
    assert stepped == dataclasses.replace(stepped)  # the table is not part of the record
