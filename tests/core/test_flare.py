"""Flare-ups: start/end rules, durations, summaries, trigger suggestions and the plan's text form."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.codec import from_data, to_data
from paceapp.core.errors import ValidationError
from paceapp.core.flare import (
    PLAN_SECTIONS,
    Flare,
    FlarePlan,
    check_flares,
    end_flare,
    had_flare_between,
    new_plan,
    open_flare,
    parse_plan_text,
    plan_to_text,
    show_duration,
    start_flare,
    summarise_flares,
    trigger_suggestions,
)

NOW = datetime(2026, 11, 21, 12, 0).astimezone()


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute).astimezone()


def ended(start: datetime, end: datetime, **kw: object) -> Flare:
    return Flare(started=start, ended=end, **kw)  # type: ignore[arg-type]


def test_start_then_end_gives_duration() -> None:
    flare = start_flare([], at(19, 9, 30), NOW, peak=8, triggers=["stress", " cold weather ", ""])
    assert flare.ongoing and flare.duration_min is None
    assert flare.derived() == {"duration_min": None}
    assert flare.triggers == ("stress", "cold weather")
    done = end_flare([flare], at(21, 11, 45), NOW, helped="heat pad")
    # 19 Nov 09:30 -> 21 Nov 11:45 = 2 days 2 h 15 min = 2880 + 135 = 3015 min
    assert done.id == flare.id and done.duration_min == 3015
    assert done.helped == "heat pad"
    assert show_duration(done.duration_min) == "2 days 2 h"
    assert done.summary()["lasted"] == "2 days 2 h"


def test_second_open_flare_is_refused() -> None:
    first = start_flare([], at(20), NOW)
    with pytest.raises(ValidationError) as caught:
        start_flare([first], at(21, 8), NOW)
    assert caught.value.field == "started" and "already going" in str(caught.value)


def test_ending_when_none_is_going_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        end_flare([], NOW, NOW)
    assert caught.value.field == "ended" and "nothing to end" in str(caught.value)
    done = ended(at(10), at(12))
    with pytest.raises(ValidationError):
        end_flare([done], NOW, NOW)


def test_end_before_start_is_refused() -> None:
    flare = start_flare([], at(20), NOW)
    with pytest.raises(ValidationError) as caught:
        end_flare([flare], at(19), NOW)
    assert caught.value.field == "ended"
    with pytest.raises(ValidationError) as caught:
        ended(at(20), at(20)).validate()
    assert caught.value.field == "ended"


def test_future_start_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        start_flare([], NOW + timedelta(hours=2), NOW)
    assert caught.value.field == "started"


def test_overlap_with_an_earlier_flare_is_refused() -> None:
    earlier = ended(at(10), at(14))
    with pytest.raises(ValidationError) as caught:
        start_flare([earlier], at(12), NOW)
    assert "overlaps" in str(caught.value)
    # touching is fine: one ends as the next starts
    start_flare([earlier], at(14), NOW)
    # an edit that stretches a past flare into the open one is refused too
    current = start_flare([earlier], at(18), NOW)
    with pytest.raises(ValidationError):
        check_flares([earlier, current], ended(at(10), at(19), id=earlier.id))


def test_peak_range_and_triggers() -> None:
    with pytest.raises(ValidationError) as caught:
        start_flare([], at(20), NOW, peak=11)
    assert caught.value.field == "peak"
    flare = start_flare([], at(20), NOW, triggers=["Stress, poor sleep", "stress"])
    assert flare.triggers == ("Stress", "poor sleep")


def test_codec_round_trip() -> None:
    flare = ended(at(10), at(12), peak=7, triggers=("garden",), helped="rest", note="n")
    assert from_data(Flare, to_data(flare)) == flare
    assert from_data(Flare, to_data(start_flare([], at(20), NOW))).ended is None


def test_open_flare_and_had_flare_between() -> None:
    done = ended(at(3, 20), at(5, 8))
    going = ended(at(18), at(19))
    assert open_flare([done, going]) is None
    current = start_flare([done], at(18), NOW)
    assert open_flare([done, current]) is current
    assert had_flare_between([done], date(2026, 11, 5), date(2026, 11, 11))
    assert had_flare_between([done], date(2026, 10, 30), date(2026, 11, 3))
    assert not had_flare_between([done], date(2026, 11, 6), date(2026, 11, 12))
    # an open flare-up counts for every day from its start on
    assert had_flare_between([current], date(2026, 11, 23), date(2026, 11, 29))
    assert not had_flare_between([current], date(2026, 11, 9), date(2026, 11, 15))


def test_summary_hand_worked() -> None:
    flares = [
        ended(at(1, 8), at(2, 8)),            # 1 day = 1440
        ended(at(5, 10), at(5, 16)),          # 6 h = 360
        ended(at(10, 9), at(13, 21)),         # 3 days 12 h = 5040
        ended(at(15, 7), at(15, 9)),          # 2 h = 120
        Flare(started=at(20, 15)),            # still going
    ]
    s = summarise_flares(flares, date(2026, 11, 1), date(2026, 11, 21))
    assert (s.count, s.ongoing) == (5, True)
    assert s.median_duration_min == 900.0     # median of 120, 360, 1440, 5040 = (360+1440)/2
    assert s.longest_duration_min == 5040
    assert s.total_duration_min == 6960
    assert s.sentence() == ("Flare-ups, 1 Nov – 21 Nov: 5 (median length 15 h 00 min, longest "
                            "3 days 12 h); one is still going.")
    part = summarise_flares(flares, date(2026, 11, 3), date(2026, 11, 11))
    assert (part.count, part.median_duration_min, part.ongoing) == (2, 2700.0, False)


def test_summary_empty_and_only_ongoing() -> None:
    assert summarise_flares([], date(2026, 11, 1), date(2026, 11, 21)).sentence() == (
        "Flare-ups, 1 Nov – 21 Nov: none logged.")
    s = summarise_flares([Flare(started=at(20))], date(2026, 11, 1), date(2026, 11, 21))
    assert (s.count, s.median_duration_min, s.longest_duration_min) == (1, None, None)
    assert s.sentence() == "Flare-ups, 1 Nov – 21 Nov: 1, still going."


@given(st.lists(st.integers(1, 20000), min_size=1, max_size=12))
def test_summary_properties(lengths: list[int]) -> None:
    flares, start = [], at(1)
    for length in lengths:
        flares.append(ended(start, start + timedelta(minutes=length)))
        start += timedelta(minutes=length + 60)
    s = summarise_flares(flares, date(2026, 1, 1), date(2027, 12, 31))
    assert s.count == len(lengths)
    assert min(lengths) <= s.median_duration_min <= s.longest_duration_min == max(lengths)
    assert s.total_duration_min == sum(lengths)


def test_trigger_suggestions_most_used_first() -> None:
    flares = [ended(at(5), at(6), triggers=("Stress",)),
              ended(at(1), at(2), triggers=("cold weather", "stress")),
              ended(at(9), at(10), triggers=("long car journey",))]
    # stress twice (the latest spelling wins), then the most recent of the rest
    assert trigger_suggestions(flares) == ["Stress", "long car journey", "cold weather"]


def test_show_duration() -> None:
    assert show_duration(45) == "45 min"
    assert show_duration(320) == "5 h 20 min"
    assert show_duration(1440) == "1 day"
    assert show_duration(1440 * 3 + 61) == "3 days 1 h"
    assert show_duration(None) == "still going"


# -- the plan -------------------------------------------------------------------------------------

def test_plan_text_round_trip() -> None:
    plan = new_plan(warning_signs="stiff neck\nshort temper", first_steps="lie on my side",
                    get_help="if my legs go numb: 111")
    text = plan_to_text(plan)
    assert text.startswith("# Early warning signs\nstiff neck\nshort temper\n")
    back = parse_plan_text(text)
    assert [back.__dict__[n] for n, _h, _w in PLAN_SECTIONS] == [
        plan.__dict__[n] for n, _h, _w in PLAN_SECTIONS]


def test_plan_headings_are_forgiving() -> None:
    plan = parse_plan_text("first steps:\n  breathe slowly\n\n## WHEN TO GET HELP\ncall 111\n")
    assert plan.first_steps == "breathe slowly"
    assert plan.get_help == "call 111"
    assert plan.warning_signs == ""


def test_plan_text_problems() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_plan_text("lie down\n# First steps\nrest")
    assert "Line 1" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        parse_plan_text("")
    assert "none of the headings" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        parse_plan_text("# First steps\na\n# First steps\nb")
    assert "twice" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        new_plan(first_steps="x" * 3000)
    assert caught.value.field == "first_steps"


def test_plan_is_single_and_empty_by_default() -> None:
    assert FlarePlan.SINGLE and FlarePlan.KIND == "flareplan"
    assert FlarePlan().is_empty
    assert not new_plan(restart="half my usual walk").is_empty


def test_check_among_for_edits() -> None:
    past = ended(at(2), at(4))
    current = start_flare([past], at(20), NOW)
    reopened = Flare(id=past.id, started=past.started)
    with pytest.raises(ValidationError):
        reopened.check_among([past, current])
    past.check_among([past, current])  # unchanged is fine
