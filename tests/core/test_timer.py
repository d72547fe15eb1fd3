"""The activity/rest timer with an injected clock: no real waiting."""

from __future__ import annotations

import pytest

from paceapp.core.errors import ValidationError
from paceapp.core.timer import Event, PaceTimer, Phase, clock_text, done_text


def test_counts_the_chunk_then_the_rest() -> None:
    timer = PaceTimer.for_minutes(10, 5)
    timer.start(1000.0)
    assert timer.tick(1000.0 + 599) == [] and timer.remaining(1599) == 1
    assert timer.tick(1600.0) == [Event.STOP]
    assert timer.phase is Phase.REST and timer.remaining(1600.0) == 300
    assert timer.active_minutes(1600.0) == 10
    assert timer.tick(1899.0) == []
    assert timer.tick(1900.0) == [Event.RESTED]
    assert timer.done and not timer.stopped_early


def test_a_late_tick_carries_time_into_the_rest() -> None:
    timer = PaceTimer.for_minutes(1, 1)
    timer.start(0.0)
    assert timer.tick(90.0) == [Event.STOP]
    assert timer.remaining(90.0) == 30
    timer2 = PaceTimer.for_minutes(1, 1)
    timer2.start(0.0)
    assert timer2.tick(500.0) == [Event.STOP, Event.RESTED]


def test_pause_and_resume_do_not_count_paused_time() -> None:
    timer = PaceTimer.for_minutes(10, 0)
    timer.start(0.0)
    timer.pause(120.0)
    assert timer.tick(5000.0) == [] and timer.remaining(5000.0) == 480
    timer.resume(5000.0)
    assert timer.tick(5479.0) == []
    assert timer.tick(5480.0) == [Event.STOP, Event.RESTED]  # no rest: done at once
    assert timer.active_minutes(5480.0) == 10


def test_stop_early_counts_what_was_done() -> None:
    timer = PaceTimer.for_minutes(12, 10)
    timer.start(0.0)
    timer.stop(7 * 60 + 31)  # 7.5 min -> 8 (half up)
    assert timer.done and timer.stopped_early
    assert timer.active_minutes(99999.0) == 8
    assert timer.tick(99999.0) == []


def test_stop_during_rest_keeps_the_whole_chunk() -> None:
    timer = PaceTimer.for_minutes(5, 10)
    timer.start(0.0)
    timer.tick(400.0)
    timer.toggle(420.0)
    assert timer.paused
    timer.stop(430.0)
    assert timer.done and not timer.stopped_early and timer.active_minutes(430.0) == 5


@pytest.mark.parametrize(("minutes", "rest"), [(0, 5), (-1, 5), (10, -1), (2000, 0)])
def test_bad_lengths_refused(minutes: float, rest: float) -> None:
    with pytest.raises(ValidationError):
        PaceTimer.for_minutes(minutes, rest)


def test_clock_text() -> None:
    assert [clock_text(s) for s in (720, 59.2, 0, 3900)] == ["12:00", "01:00", "00:00", "1:05:00"]


def test_done_text() -> None:
    assert (done_text(0), done_text(1), done_text(12)) == ("less than a minute", "1 min", "12 min")


@pytest.mark.parametrize(("seconds", "said"), [
    (0, ""), (6, " Rest now for 6 seconds."), (1, " Rest now for 1 second."),
    (59.4, " Rest now for 59 seconds."), (60, " Rest now for 1 min."), (89, " Rest now for 1 min."),
    (90, " Rest now for 2 min."), (600, " Rest now for 10 min."),
])
def test_rest_is_said_in_plain_words_never_a_fraction_of_a_minute(seconds: float, said: str) -> None:
    from paceapp.core.timer import rest_text

    assert rest_text(seconds) == said
