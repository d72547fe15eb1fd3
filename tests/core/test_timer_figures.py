"""The timer's logged minutes: real seconds from a monotonic clock, rounded once, half up."""

from __future__ import annotations

import pytest

from paceapp.core.timer import PaceTimer


@pytest.mark.parametrize(("stopped_after_s", "minutes"), [
    (90.0, 2),        # 1.5 min: the half goes up
    (89.999, 1),
    (150.0, 3),       # 2.5 min: up too (round() gives 2, ties to even)
    (29.9, 0), (30.0, 1),
    (600.0, 10),
])
def test_minutes_done_round_half_up(stopped_after_s: float, minutes: int) -> None:
    timer = PaceTimer.for_minutes(20, 5)
    timer.start(1000.0)
    timer.stop(1000.0 + stopped_after_s)
    assert timer.active_minutes(5000.0) == minutes


def test_paused_time_does_not_count() -> None:
    # 60 s active, 3600 s paused (an hour: as long as a clock change), 30 s active = 1.5 -> 2 min
    timer = PaceTimer.for_minutes(20, 5)
    timer.start(0.0)
    timer.pause(60.0)
    timer.resume(3660.0)
    timer.stop(3690.0)
    assert timer.active_minutes(9999.0) == 2
