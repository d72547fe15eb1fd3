"""BaselineAmounts.on / .at are lookups (bisect on the change times); on any set of changes -
read in any order (files come year by year, records in no particular order), with several
changes on one day or at one moment, in different UTC offsets - they give exactly what walking
the changes in the order they count (by time, then as made) gives."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from paceapp.core.pacing import Baseline, BaselineAmounts, BaselineChange


def walk_on(changes: list[BaselineChange], day: date) -> int | None:
    found = None
    for change in sorted(changes, key=lambda c: (c.at, c.created, c.id)):
        if change.at.date() <= day:
            found = change.amount
    return found


def walk_at(changes: list[BaselineChange], moment: datetime) -> int | None:
    found = None
    for change in sorted(changes, key=lambda c: (c.at, c.created, c.id)):
        if change.at <= moment:
            found = change.amount
    return found


def random_changes(rng: random.Random) -> tuple[Baseline, list[BaselineChange]]:
    start = datetime(2016, 1, 1, 9, tzinfo=UTC)
    made = datetime(2026, 1, 1, tzinfo=UTC)
    changes: list[BaselineChange] = []
    for number in range(rng.randrange(1, 60)):
        if changes and rng.random() < 0.2:
            moment = rng.choice(changes).at  # the same moment again
        elif changes and rng.random() < 0.2:
            moment = changes[-1].at + timedelta(minutes=rng.randrange(90))  # the same day
        else:
            moment = start + timedelta(days=rng.randrange(3650), minutes=rng.randrange(1440))
        if rng.random() < 0.1:
            moment = moment.astimezone(timezone(timedelta(hours=rng.choice([-5, 1, 9]))))
        changes.append(BaselineChange(
            baseline_id="b1", at=moment, action=rng.choice(["set", "step", "restart"]),
            method="gentle", amount=rng.randrange(1, 500),
            created=made + timedelta(seconds=rng.randrange(5) if rng.random() < 0.3 else number)))
    last = max(changes, key=BaselineChange.order)
    baseline = Baseline(id="b1", name="walking", method="gentle", amount=last.amount,
                        changed=last.at)
    rng.shuffle(changes)  # as read: in no particular order
    return baseline, changes


@pytest.mark.parametrize("seed", range(300))
def test_lookups_match_the_walk_on_random_changes(seed: int) -> None:
    rng = random.Random(seed)
    baseline, changes = random_changes(rng)
    amounts = BaselineAmounts([baseline], changes)
    moments = [c.at for c in changes]
    days = {m.date() for m in moments}
    probes = {d + timedelta(days=k) for d in days for k in (-1, 0, 1)}
    probes |= {date(2015, 1, 1), date(2030, 1, 1)}
    for day in probes:
        assert amounts.on(baseline, day) == walk_on(changes, day), day
    for moment in moments:
        for delta in (timedelta(0), timedelta(microseconds=-1), timedelta(seconds=1)):
            probe = moment + delta
            assert amounts.at(baseline, probe) == walk_at(changes, probe), probe


def test_the_baseline_says_what_is_in_force_from_its_last_change() -> None:
    """From `changed` on the baseline's own amount counts, with or without its changes read (so
    a period after the last change reads none); before it, only the changes can say."""
    first = datetime(2026, 1, 1, 9, tzinfo=UTC)
    step = first + timedelta(days=20)
    changes = [BaselineChange(baseline_id="b1", at=first, action="set", method="gentle",
                              amount=10),
               BaselineChange(baseline_id="b1", at=step, action="step", method="step",
                              amount=11)]
    baseline = Baseline(id="b1", name="walking", method="gentle", amount=11, changed=step)
    for amounts in (BaselineAmounts([baseline], changes), BaselineAmounts([baseline])):
        assert amounts.at(baseline, step) == 11
        assert amounts.on(baseline, step.date()) == 11
        assert amounts.on(baseline, date(2030, 1, 1)) == 11
    full = BaselineAmounts([baseline], changes)
    assert full.at(baseline, step - timedelta(seconds=1)) == 10
    assert full.on(baseline, step.date() - timedelta(days=1)) == 10
    assert full.at(baseline, first - timedelta(seconds=1)) is None
    # A change of another baseline (or of one deleted) is never used.
    stray = BaselineChange(baseline_id="gone", at=first, action="set", method="gentle", amount=99)
    other = Baseline(id="b2", name="reading", method="gentle", amount=5, changed=step)
    mixed = BaselineAmounts([baseline, other], [*changes, stray])
    assert mixed.at(other, step - timedelta(days=1)) is None
    assert mixed.at(baseline, step - timedelta(days=1)) == 10
