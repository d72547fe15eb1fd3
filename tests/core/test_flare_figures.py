"""Flare-up durations: real elapsed time, rounded once, half up, when shown (issue 17)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from paceapp.core.flare import Flare, show_duration, summarise_flares
from paceapp.core.timeparse import parse_when

NOW = datetime(2026, 11, 21, 12).astimezone()


def flare(start: str, minutes: int) -> Flare:
    began = parse_when(start, NOW)
    return Flare(started=began, ended=began + timedelta(minutes=minutes))


@pytest.mark.parametrize(("minutes", "shown"), [
    (2 * 1440 + 150, "2 days 3 h"),     # 2 days 2 h 30 min: the half hour goes up
    (2 * 1440 + 149, "2 days 2 h"),     # 2 days 2 h 29 min
    (1440 + 23 * 60 + 30, "2 days"),    # 1 day 23 h 30 min -> 48 h
    (1439.5, "1 day"),                  # half a minute short of a day: 1440 min
    (1439.4, "23 h 59 min"),
    (60.5, "1 h 01 min"),               # round() would give 60 (ties to even)
    (0.5, "1 min"),
])
def test_show_duration_rounds_once_half_up(minutes: float, shown: str) -> None:
    assert show_duration(minutes) == shown


def test_median_of_an_even_count_is_shown_half_up() -> None:
    # lengths 60 and 61 min: median 60.5 -> 61 min = "1 h 01 min" (round() gave "1 h 00 min")
    flares = [flare("2026-11-02T09:00", 60), flare("2026-11-05T09:00", 61)]
    summary = summarise_flares(flares, date(2026, 11, 1), date(2026, 11, 21))
    assert summary.median_duration_min == 60.5
    assert "(median length 1 h 01 min, longest 1 h 01 min)" in summary.sentence()


def test_flares_across_both_uk_change_nights_last_real_time() -> None:
    # Spring: 00:30 GMT (00:30 UTC) to 03:30 BST (02:30 UTC) on 29 Mar = 2 h (clock: 3 h).
    spring = Flare(started=parse_when("2026-03-29T00:30", NOW),
                   ended=parse_when("2026-03-29T03:30", NOW))
    # Autumn: 00:30 BST (23:30 UTC) to 03:30 GMT (03:30 UTC) on 25 Oct = 4 h (clock: 3 h).
    autumn = Flare(started=parse_when("2026-10-25T00:30", NOW),
                   ended=parse_when("2026-10-25T03:30", NOW))
    assert (spring.duration_min, autumn.duration_min) == (120, 240)
    assert spring.summary()["lasted"] == "2 h 00 min" and autumn.summary()["lasted"] == "4 h 00 min"
