"""The demo person has eight weeks of day records (issue 20 item 1): plausible (more hard
activities on bad days and in flare-ups, some days not logged, words in the first person), each
valid and one per date, from a stream of their own (every other demo record is as before)."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import mean

import pytest

import paceapp.demo as demo
from paceapp.core.day import DayActivities, DayRecord, Rating, check_one_per_date
from paceapp.demo import build
from paceapp.demo.day import SAM_ACTIVITIES
from paceapp.demo.person import DemoPerson
from tests.core.demo_summaries import summaries

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T14:00")


def day_records(days: int = 365) -> list[DayRecord]:
    return [r for r in build(days, TODAY).records if isinstance(r, DayRecord)]


def test_eight_weeks_of_valid_day_records_some_days_not_logged() -> None:
    records = day_records()
    dates = [r.date for r in records]
    assert min(dates) >= TODAY - timedelta(days=55)
    assert min(dates) <= TODAY - timedelta(days=50)
    assert 36 <= len(records) <= 54, len(records)        # most days, never all
    assert TODAY not in dates                            # 14:00: today is logged in the evening
    assert max(dates) < TODAY
    for record in records:
        record.validate()
        check_one_per_date(records, record)
        assert record.created.date() == record.date
        assert {h.activity for h in record.hard} <= set(SAM_ACTIVITIES)
    assert {r.rating for r in records} == set(Rating)


def test_harder_days_have_more_hard_activities_and_flare_ups_most() -> None:
    records = day_records()
    person = DemoPerson(365, TODAY)
    by_rating = {rating: mean(len(r.hard) for r in records if r.rating is rating)
                 for rating in Rating}
    assert by_rating[Rating.GOOD] < by_rating[Rating.SO_SO] < by_rating[Rating.BAD]
    flaring = [r for r in records if person.in_flare(r.date)]
    assert flaring and all(r.rating is Rating.BAD for r in flaring)
    assert any(h.words.startswith(("I ", "I'", "My ", "Jo ")) for r in records for h in r.hard)


def test_sam_has_a_list_of_activities_of_their_own() -> None:
    [chosen] = [s for s in build(60, TODAY).singles if isinstance(s, DayActivities)]
    assert chosen.activities == SAM_ACTIVITIES and "Gardening" in chosen.activities


def test_a_short_demo_has_as_many_days_as_it_covers() -> None:
    records = day_records(10)
    assert records and min(r.date for r in records) >= TODAY - timedelta(days=9)


def test_every_other_demo_record_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    def others() -> list[tuple[str, dict[str, str]]]:
        data = build(200, TODAY)
        return summaries(r for r in data.records + data.singles
                         if not isinstance(r, DayRecord | DayActivities))

    with_days = others()
    monkeypatch.setattr(demo, "GENERATOR_MODULES",
                        tuple(m for m in demo.GENERATOR_MODULES if m != "paceapp.demo.day"))
    assert others() == with_days


def test_the_same_day_records_for_the_same_seed() -> None:
    def shown() -> list[dict[str, str]]:
        return [{k: v for k, v in r.summary().items() if k != "id"} for r in day_records(90)]

    assert shown() == shown()
