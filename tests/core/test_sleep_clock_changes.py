"""Sleep diary nights across clock changes: real time in bed and asleep, and the times the clocks
skipped or repeated (issue 17, item 1). Tests run in Europe/London (tests/conftest.py).

UK 2026: spring forward Sun 29 Mar 01:00 GMT -> 02:00 BST; fall back Sun 25 Oct 02:00 BST ->
01:00 GMT. A night is dated by its morning.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from paceapp.core.codec import from_data, to_data
from paceapp.core.edits import apply_edits
from paceapp.core.errors import ValidationError
from paceapp.core.sleep import SleepNight, new_sleep, summarise_sleep
from paceapp.core.timeparse import ChosenTime, ClockChangeError, clock_change_at, parse_clock
from tests.zones import local_zone

AUTUMN = date(2026, 10, 25)
SPRING = date(2026, 3, 29)
LONDON = ZoneInfo("Europe/London")


def night(day: date, **kw: object) -> SleepNight:
    return new_sleep(day, date(2026, 11, 21), **kw)  # type: ignore[arg-type]


def test_autumn_night_is_an_hour_longer_than_the_clock_face() -> None:
    # bed 22:30 BST on Sat 24 Oct (21:30 UTC), up 07:00 GMT on Sun 25 Oct (07:00 UTC):
    # 9 h 30 min of real time in bed, not the 8 h 30 the clock face says.
    n = night(AUTUMN, bed=time(22, 30), tried=time(22, 30), woke=time(7), up=time(7))
    assert n.tib_min == 570 and n.tst_min == 570 and n.se_pct == 100.0


def test_autumn_night_worked_in_full() -> None:
    # bed 22:30 BST (21:30 UTC), tried 22:45 BST (21:45 UTC), SOL 20, WASO 30,
    # woke 06:10 GMT (06:10 UTC), up 06:30 GMT (06:30 UTC).
    # TIB = 06:30 - 21:30 UTC = 9 h 00 = 540 min (clock face: 8 h = 480)
    # TST = (06:10 - 21:45 UTC = 8 h 25 = 505) - 20 - 30 = 455 min (clock face: 395)
    # SE  = 455 / 540 x 100 = 84.259... -> 84.3
    n = night(AUTUMN, bed=time(22, 30), tried=time(22, 45), latency=20, awakenings=2, waso=30,
              woke=time(6, 10), up=time(6, 30))
    assert (n.tib_min, n.tst_min, n.se_pct) == (540, 455, 84.3)
    assert n.derived() == {"tib_min": 540, "tst_min": 455, "se_pct": 84.3}
    assert n.summary()["asleep"] == "7 h 35 min" and n.summary()["efficiency"] == "84.3%"


def test_spring_night_is_an_hour_shorter_than_the_clock_face() -> None:
    # bed 22:30 GMT on Sat 28 Mar (22:30 UTC), tried 22:45 GMT (22:45 UTC), SOL 20, WASO 30,
    # woke 06:10 BST (05:10 UTC), up 06:30 BST (05:30 UTC).
    # TIB = 05:30 - 22:30 UTC = 7 h 00 = 420 min (clock face: 480)
    # TST = (05:10 - 22:45 UTC = 6 h 25 = 385) - 50 = 335 min; SE = 335 / 420 = 79.76 -> 79.8
    n = night(SPRING, bed=time(22, 30), tried=time(22, 45), latency=20, awakenings=2, waso=30,
              woke=time(6, 10), up=time(6, 30))
    assert (n.tib_min, n.tst_min, n.se_pct) == (420, 335, 79.8)


@pytest.mark.parametrize("day", [date(2026, 3, 28), date(2026, 3, 30), date(2026, 10, 24),
                                 date(2026, 10, 26), date(2026, 11, 21)])
def test_nights_either_side_are_as_the_clock_says(day: date) -> None:
    n = night(day, bed=time(22, 30), tried=time(22, 45), latency=20, awakenings=2, waso=30,
              woke=time(6, 10), up=time(6, 30))
    assert (n.tib_min, n.tst_min, n.se_pct) == (480, 395, 82.3)


def test_a_night_after_the_change_started_before_it() -> None:
    # A late night on the spring morning: bed 00:30 GMT (00:30 UTC), up 09:00 BST (08:00 UTC)
    # = 7 h 30 of real time; the clock face says 8 h 30.
    n = night(SPRING, bed=time(0, 30), tried=time(0, 30), woke=time(9), up=time(9))
    assert n.tib_min == 450 and n.tst_min == 450


def test_a_time_the_clocks_skipped_is_refused_naming_the_box() -> None:
    with pytest.raises(ClockChangeError) as caught:
        night(SPRING, bed=time(1, 30), tried=time(1, 40), woke=time(9), up=time(9, 30))
    message = str(caught.value)
    assert caught.value.field == "bed"
    assert message.startswith("Into bed at 01:30 on Sun 29 Mar did not happen: the clocks went "
                              "forward an hour at 01:00")
    assert "write '02:30'" in message


def test_a_time_the_clocks_repeated_is_asked_about() -> None:
    with pytest.raises(ClockChangeError) as caught:
        night(AUTUMN, bed=time(22), tried=time(22), woke=time(1, 30), up=time(8))
    message = str(caught.value)
    assert caught.value.field == "woke"
    assert message.startswith("Final awakening at 01:30 on Sun 25 Oct happened twice")
    assert "'01:30 first'" in message and "'01:30 second'" in message


def test_the_answer_sets_the_time_and_is_kept() -> None:
    # bed/tried 22:00 BST on 24 Oct (21:00 UTC); woke 01:30, up 08:00 GMT (08:00 UTC)
    # first 01:30 = BST = 00:30 UTC: TST 3 h 30 = 210; second 01:30 = GMT = 01:30 UTC: 4 h 30 = 270
    # TIB = 08:00 - 21:00 UTC = 11 h = 660 either way.
    first = night(AUTUMN, bed=time(22), tried=time(22), woke=parse_clock("01:30 first"),
                  up=time(8))
    second = night(AUTUMN, bed=time(22), tried=time(22), woke=parse_clock("01:30 second"),
                   up=time(8))
    assert (first.tst_min, second.tst_min, first.tib_min, second.tib_min) == (210, 270, 660, 660)
    assert second.repeated_hour == ("woke 01:30 second",)
    assert type(second.woke) is time and second.woke == time(1, 30)  # stored as a plain time
    stored = to_data(second)
    assert stored["woke"] == "01:30" and stored["repeated_hour"] == ["woke 01:30 second"]
    again = from_data(SleepNight, stored)
    assert again == second and again.tst_min == 270
    again.check_clock()  # answered: nothing to ask


def test_changing_the_time_drops_the_old_answer_and_asks_again() -> None:
    second = night(AUTUMN, bed=time(22), tried=time(22), woke=parse_clock("01:30 second"),
                   up=time(8))
    moved = dataclasses.replace(second, woke=time(1, 45))
    assert moved.repeated_hour == ()
    with pytest.raises(ClockChangeError, match="01:45 on Sun 25 Oct happened twice"):
        moved.check_among([second])  # what `paceapp edit` calls
    kept = dataclasses.replace(second, up=time(8, 30))  # another box changed: the answer stays
    assert kept.repeated_hour == ("woke 01:30 second",)


def test_edit_with_the_word() -> None:
    stored = night(AUTUMN, bed=time(22), tried=time(22), woke=parse_clock("01:30 second"),
                   up=time(8))
    now = datetime(2026, 11, 21, 12).astimezone()
    changed = apply_edits(stored, ["woke=01:40 first"], now)
    changed.check_among([stored])
    assert changed.repeated_hour == ("woke 01:40 first",) and changed.tst_min == 220
    # 'repeated_hour' is not typed by hand: the word after the time sets it
    with pytest.raises(ValidationError, match="not something you can change"):
        apply_edits(stored, ["repeated_hour=woke 01:30 first"], now)


def test_first_then_second_across_the_repeated_hour() -> None:
    # woke 01:40 BST (00:40 UTC), up 01:10 GMT (01:10 UTC): back on the clock, 30 min later in
    # real time - not a midnight. bed/tried 22:40 BST (21:40 UTC): TIB 3 h 30 = 210, TST 3 h = 180
    n = night(AUTUMN, bed=time(22, 40), tried=time(22, 40), woke=parse_clock("01:40 first"),
              up=parse_clock("01:10 second"))
    assert (n.tib_min, n.tst_min) == (210, 180)
    # the other way round is 30 min *before* in real time: refused, saying why
    with pytest.raises(ValidationError) as caught:
        night(AUTUMN, bed=time(22, 40), tried=time(22, 40), woke=parse_clock("01:10 second"),
              up=parse_clock("01:40 first"))
    assert caught.value.field == "up" and "in real time" in str(caught.value)


def test_bad_stored_answer_is_refused() -> None:
    n = night(AUTUMN, bed=time(22), tried=time(22), woke=parse_clock("01:30 second"), up=time(8))
    with pytest.raises(ValidationError, match="not understood"):
        dataclasses.replace(n, repeated_hour=("woke at half one",)).validate()


def test_summary_over_the_autumn_week_uses_real_time() -> None:
    # 24 Oct: 480 in bed / 480 asleep; 25 Oct (clocks back): 540 / 540; 26 Oct: 480 / 420.
    # Mean asleep = (480 + 540 + 420) / 3 = 480 = 8 h 00 min (clock face: 460 = 7 h 40).
    # Sleep efficiency = (480 + 540 + 420) / (480 + 540 + 480) x 100 = 1440 / 1500 = 96.0%
    nights = [night(date(2026, 10, d), bed=time(23), tried=time(23), woke=time(7), up=time(7),
                    latency=60 if d == 26 else None)
              for d in (24, 25, 26)]
    summary = summarise_sleep(nights, date(2026, 10, 20), date(2026, 10, 26))
    assert summary.average_tst_min == 480 and summary.average_se_pct == 96.0
    assert "on average 8 h 00 min asleep;" in summary.sentence()
    assert "sleep efficiency (time asleep ÷ time in bed) 96.0%" in summary.sentence()


@pytest.mark.parametrize(("zone", "morning", "minutes"), [
    # New York, clocks back Sun 1 Nov 02:00 EDT -> 01:00 EST:
    # bed 22:30 EDT (02:30 UTC) to up 07:00 EST (12:00 UTC) = 9 h 30
    ("America/New_York", date(2026, 11, 1), 570),
    # New York, clocks forward Sun 8 Mar 02:00 EST -> 03:00 EDT:
    # bed 22:30 EST (03:30 UTC) to up 07:00 EDT (11:00 UTC) = 7 h 30
    ("America/New_York", date(2026, 3, 8), 450),
    # Sydney, clocks forward Sun 4 Oct 02:00 AEST -> 03:00 AEDT:
    # bed 22:30 AEST (12:30 UTC, 3 Oct) to up 07:00 AEDT (20:00 UTC) = 7 h 30
    ("Australia/Sydney", date(2026, 10, 4), 450),
    # Sydney, clocks back Sun 5 Apr 03:00 AEDT -> 02:00 AEST: 9 h 30
    ("Australia/Sydney", date(2026, 4, 5), 570),
    # ... and the UK nights are ordinary there: 8 h 30
    ("America/New_York", AUTUMN, 510),
    ("Australia/Sydney", SPRING, 510),
])
def test_other_zones_follow_their_own_rules(zone: str, morning: date, minutes: int) -> None:
    with local_zone(zone):
        n = night(morning, bed=time(22, 30), tried=time(22, 30), woke=time(7), up=time(7))
        assert n.tib_min == minutes and n.tst_min == minutes
    # an injected zone gives the same real moments
    moments = n.moments(ZoneInfo(zone))
    assert (moments["up"] - moments["bed"]) == timedelta(minutes=minutes)


def test_new_york_repeated_hour_is_asked_about() -> None:
    with local_zone("America/New_York"):
        with pytest.raises(ClockChangeError, match="EDT to EST"):
            night(date(2026, 11, 1), bed=time(22), tried=time(22), woke=time(1, 30), up=time(8))
        # the same night in London is ordinary
    night(date(2026, 11, 1), bed=time(22), tried=time(22), woke=time(1, 30), up=time(8))


# The class of defect: build a night from real durations that starts at any moment around the
# UK change nights, write it down as the clock on the wall showed it (with 'first'/'second' in
# the repeated hour), and get the same durations back.
@settings(max_examples=300, deadline=None)
@given(start=st.sampled_from([datetime(2026, 3, 28, 18, tzinfo=UTC),
                              datetime(2026, 10, 24, 18, tzinfo=UTC)]),
       offset=st.integers(0, 10 * 60), gap=st.integers(0, 90), sol=st.integers(0, 90),
       waso=st.integers(0, 120), asleep=st.integers(0, 600), lie_in=st.integers(0, 90))
def test_real_durations_come_back(start: datetime, offset: int, gap: int, sol: int, waso: int,
                                  asleep: int, lie_in: int) -> None:
    bed_at = start + timedelta(minutes=offset)
    moments = {"bed": bed_at, "tried": bed_at + timedelta(minutes=gap)}
    moments["woke"] = moments["tried"] + timedelta(minutes=sol + waso + asleep)
    moments["up"] = moments["woke"] + timedelta(minutes=lie_in)
    tib = gap + sol + waso + asleep + lie_in
    assume(0 < tib)
    times: dict[str, time] = {}
    for name, moment in moments.items():
        wall = moment.astimezone(LONDON)
        naive = wall.replace(tzinfo=None, fold=0)
        if clock_change_at(naive, LONDON) is not None:  # the repeated hour: say which
            times[name] = ChosenTime(wall.hour, wall.minute, fold=wall.fold)
        else:
            times[name] = time(wall.hour, wall.minute)
    morning = moments["up"].astimezone(LONDON).date()
    n = night(morning, latency=sol, waso=waso, awakenings=1 if waso else 0, **times)
    assert n.tib_min == tib
    assert n.tst_min == asleep
