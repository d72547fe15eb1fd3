"""The day record ('what I could do today', issue 20 item 1): reading what people type, the checks
on one day, one record per date, and storing it unchanged."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from paceapp.cli.hints import cli_words
from paceapp.core.day import (
    DIFFICULTY_FORMS,
    EVERYDAY_ACTIVITIES,
    RATING_FORMS,
    DayActivities,
    DayRecord,
    Difficulty,
    HardActivity,
    Rating,
    check_one_per_date,
    describe_day,
    match_activity,
    new_activities,
    new_day,
    parse_difficulty,
    parse_hard,
    parse_rating,
    person_activities,
)
from paceapp.core.errors import ValidationError
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize("typed, how", [
    ("slowly", Difficulty.SLOWLY), ("Only slowly or with pain", Difficulty.SLOWLY),
    ("with pain", Difficulty.SLOWLY), ("help", Difficulty.HELP), ("Needed help", Difficulty.HELP),
    ("could not", Difficulty.COULD_NOT), ("could-not", Difficulty.COULD_NOT),
    ("couldn't", Difficulty.COULD_NOT), ("Couldn\u2019t", Difficulty.COULD_NOT),
    ("  CANNOT ", Difficulty.COULD_NOT), ("can't", Difficulty.COULD_NOT),
])
def test_difficulty_words_people_type(typed: str, how: Difficulty) -> None:
    assert parse_difficulty(typed) is how


def test_every_listed_form_and_stored_value_reads_back() -> None:
    for how, forms in DIFFICULTY_FORMS.items():
        assert parse_difficulty(how.value) is how
        for form in forms:
            assert parse_difficulty(form) is how
    for rating, forms in RATING_FORMS.items():
        assert parse_rating(rating.value) is rating
        for form in forms:
            assert parse_rating(form) is rating


@pytest.mark.parametrize("typed", ["fine", "", "sort of", "helpp", "slowly!"])
def test_unknown_difficulty_lists_the_accepted_forms(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_difficulty(typed)
    for word in ("slowly", "help", "could not", "couldn't"):
        assert word in str(caught.value)


def test_unknown_rating_names_the_three() -> None:
    with pytest.raises(ValidationError, match="good, so-so or bad"):
        parse_rating("meh")


def test_activity_names_match_in_any_case_or_by_a_unique_start() -> None:
    assert match_activity("dressing", EVERYDAY_ACTIVITIES) == "Dressing"
    assert match_activity("PREP", EVERYDAY_ACTIVITIES) == "Preparing food"
    with pytest.raises(ValidationError, match="could be"):
        match_activity("Re", ("Reading", "Resting"))
    with pytest.raises(ValidationError, match="not in your list.*day-activities --add"):
        match_activity("Gardening", EVERYDAY_ACTIVITIES)


def test_hard_activity_text_with_and_without_words() -> None:
    item = parse_hard("Dressing=help:my partner did my buttons: all of them", EVERYDAY_ACTIVITIES)
    assert item == HardActivity(activity="Dressing", how=Difficulty.HELP,
                                words="my partner did my buttons: all of them")
    assert parse_hard(" eating = could not ", EVERYDAY_ACTIVITIES).activity == "Eating and drinking"
    with pytest.raises(ValidationError, match="ACTIVITY=HOW"):
        parse_hard("Dressing help", EVERYDAY_ACTIVITIES)


def test_a_day_in_the_future_is_refused_and_today_is_not() -> None:
    assert new_day(TODAY, TODAY, rating=Rating.BAD).date == TODAY
    with pytest.raises(ValidationError, match="future"):
        new_day(date(2026, 11, 22), TODAY, rating=Rating.BAD)


def test_the_same_activity_twice_in_a_day_is_refused() -> None:
    twice = (HardActivity(activity="Dressing", how=Difficulty.HELP),
             HardActivity(activity="dressing", how=Difficulty.SLOWLY))
    with pytest.raises(ValidationError, match="twice"):
        new_day(TODAY, TODAY, hard=twice)


def test_one_record_per_date_but_a_record_may_be_checked_against_itself() -> None:
    first = new_day(TODAY, TODAY, rating=Rating.GOOD)
    check_one_per_date([first], first)  # changing the one there is fine
    check_one_per_date([first], new_day(date(2026, 11, 20), TODAY))
    with pytest.raises(ValidationError) as caught:
        check_one_per_date([first], new_day(TODAY, TODAY, rating=Rating.BAD))
    assert "paceapp" not in str(caught.value)  # each front end adds its own hint
    assert f"paceapp edit day {first.id[:8]}" in cli_words(caught.value)
    moved = dataclasses.replace(new_day(date(2026, 11, 20), TODAY), date=TODAY)
    with pytest.raises(ValidationError):
        moved.check_across(lambda cls, since, until: [first])


def test_edit_of_hard_reads_semicolon_separated_items_and_empty_clears() -> None:
    day = new_day(TODAY, TODAY, rating=Rating.BAD, hard=[
        HardActivity(activity="My own thing", how=Difficulty.SLOWLY)])
    changed = day.edit_field("hard", "my own=help:words, with a comma; Eating=couldn't",
                             EVERYDAY_ACTIVITIES)
    assert [(h.activity, h.how, h.words) for h in changed.hard] == [
        ("My own thing", Difficulty.HELP, "words, with a comma"),
        ("Eating and drinking", Difficulty.COULD_NOT, "")]
    assert day.edit_field("hard", "  ", EVERYDAY_ACTIVITIES).hard == ()


def test_describe_says_the_rating_and_what_was_hard() -> None:
    day = new_day(TODAY, TODAY, rating=Rating.BAD,
                  hard=[HardActivity(activity="Dressing", how=Difficulty.COULD_NOT)])
    assert describe_day(day, TODAY) == ("day record for Sat 21 Nov: a bad day, hard: Dressing "
                                        "(could not)")
    assert "nothing hard" in describe_day(new_day(TODAY, TODAY), TODAY)


def test_activity_list_defaults_and_cleaning() -> None:
    assert person_activities(None) == EVERYDAY_ACTIVITIES
    chosen = new_activities(["  Dressing ", "dressing", "Walking   the dog", ""])
    assert chosen.activities == ("Dressing", "Walking the dog")
    with pytest.raises(ValidationError, match="empty"):
        new_activities(["", " "])
    with pytest.raises(ValidationError, match="the most is"):
        new_activities([f"Thing {n}" for n in range(21)])


def test_day_record_and_list_round_trip_through_the_journal() -> None:
    journal = Journal.in_memory()
    day = new_day(TODAY, TODAY, rating=Rating.SO_SO, note="a long day\nbut ok", hard=[
        HardActivity(activity="Dressing", how=Difficulty.HELP, words="buttons — ünïcode"),
        HardActivity(activity="Reading", how=Difficulty.SLOWLY)])
    journal.add(day)
    [back] = journal.list(DayRecord)
    assert back == dataclasses.replace(day, created=back.created, updated=back.updated)
    journal.put_single(new_activities(["Dressing", "Gardening"]))
    assert journal.get_single(DayActivities).activities == ("Dressing", "Gardening")
