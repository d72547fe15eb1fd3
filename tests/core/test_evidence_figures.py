"""The assessment summary's figures, worked by hand (issue 20 item 2): every count with its basis
(days logged, days not logged), a logged day with nothing hard, a period with no day records, the
hardest and the typical day, and the period rules."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from paceapp.app.evidence import load_evidence
from paceapp.core.day import DayActivities, DayRecord, Difficulty, HardActivity, Rating
from paceapp.core.errors import ValidationError
from paceapp.core.evidence import (
    EvidencePeriod,
    build_evidence,
    evidence_period,
    flare_sentence,
    hardest_day,
    pain_sentence,
    sleep_sentence,
    typical_day,
)
from paceapp.core.flare import Flare
from paceapp.core.pain import PainEntry
from paceapp.core.sleep import SleepNight
from paceapp.outputs.evidence import render_text
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
SLOW, HELP, NOT = Difficulty.SLOWLY, Difficulty.HELP, Difficulty.COULD_NOT


def day(offset: int, rating: Rating | None, *hard: tuple[str, Difficulty, str],
        note: str = "") -> DayRecord:
    return DayRecord(date=TODAY - timedelta(days=offset), rating=rating, note=note,
                     hard=tuple(HardActivity(activity=a, how=h, words=w) for a, h, w in hard))


# A period of 14 days (8 Nov - 21 Nov) with 5 days logged, so 9 not logged:
RECORDS = [
    day(0, Rating.SO_SO, ("Dressing", SLOW, "took 40 minutes")),
    day(1, Rating.GOOD),  # logged, nothing hard: counts as logged, not as hard
    day(3, Rating.BAD, ("Dressing", HELP, "Sam did my buttons"),
        ("Preparing food", NOT, "could not stand at the cooker"), note="awful night first"),
    day(5, Rating.BAD, ("Dressing", NOT, ""), ("Washing", HELP, "")),
    day(9, None, ("Preparing food", SLOW, "sat on a stool")),
    day(20, Rating.BAD, ("Dressing", NOT, "outside the period")),  # before 8 Nov: left out
]
PERIOD = EvidencePeriod(TODAY - timedelta(days=13), TODAY, "the last 2 weeks")


def test_each_activity_counted_on_the_days_logged_with_its_basis() -> None:
    ev = build_evidence(RECORDS, PERIOD, TODAY, ["Dressing", "Reading"])
    assert (ev.days_logged, ev.days_not_logged) == (5, 9)
    dressing, food, washing = ev.activities
    # Dressing: hard on 3 of the 5 logged days (21, 18, 16 Nov): slowly 1, help 1, could not 1
    assert (dressing.activity, dressing.days_hard) == ("Dressing", 3)
    assert dressing.by_how == {NOT: 1, HELP: 1, SLOW: 1}
    assert [q.words for q in dressing.words[HELP]] == ["Sam did my buttons"]
    assert dressing.words[NOT] == ()  # no words that day: nothing invented
    assert (food.days_hard, food.by_how[NOT], food.by_how[SLOW]) == (2, 1, 1)
    assert (washing.days_hard, washing.by_how[HELP]) == (1, 1)
    assert ev.never_hard == ("Reading",)
    assert ev.basis(dressing.days_hard) == "on 3 of 5 days logged; 9 days not logged"
    assert ev.ratings == {Rating.SO_SO: 1, Rating.GOOD: 1, Rating.BAD: 2, None: 1}
    text = " ".join(render_text(ev).split())  # read as words, not as wrapped lines
    assert "Dressing: hard on 3 of 5 days logged; 9 days not logged" in text
    assert "Days logged: 5 of the 14 days (Sun 8 Nov – Sat 21 Nov); 9 days not logged" in text
    assert "2 bad, 1 so-so, 1 good (of 5 days logged, 1 not rated)" in text
    assert "outside the period" not in text


def test_activities_ordered_most_limited_first_and_names_matched_without_case() -> None:
    records = [day(0, None, ("reading", SLOW, "")), day(1, None, ("Reading", NOT, "")),
               day(2, None, ("Dressing", SLOW, ""))]
    ev = build_evidence(records, PERIOD, TODAY, ["Dressing", "Reading"])
    assert [(a.activity, a.days_hard) for a in ev.activities] == [("Reading", 2), ("Dressing", 1)]


def test_a_day_with_nothing_hard_is_logged_and_not_hard() -> None:
    ev = build_evidence([day(0, Rating.GOOD), day(1, Rating.GOOD)], PERIOD, TODAY, ["Dressing"])
    assert (ev.days_logged, ev.days_not_logged, ev.activities) == (2, 12, ())
    assert ev.worst is None  # nothing hard and no bad day: no 'hardest day'
    assert ev.typical is not None and ev.typical.day == TODAY and ev.typical_count == 0
    text = " ".join(render_text(ev).split())  # read as words, not as wrapped lines
    assert "No activity was marked hard on any of the 2 days logged." in text
    assert "Not marked hard on any day I logged: Dressing." in text


def test_a_period_with_no_day_records_says_so_plainly() -> None:
    ev = build_evidence(RECORDS[-1:], PERIOD, TODAY, ["Dressing"])
    assert (ev.days_logged, ev.days_not_logged) == (0, 14)
    assert ev.worst is None and ev.typical is None and ev.never_hard == ()
    text = " ".join(render_text(ev).split())  # read as words, not as wrapped lines
    assert "No day records in this period (Sun 8 Nov – Sat 21 Nov, 14 days)" in text
    assert "hard on" not in text and "My hardest day" not in text


def test_hardest_day_bad_first_then_could_not_then_help_ties_to_the_most_recent() -> None:
    ev = build_evidence(RECORDS, PERIOD, TODAY)
    # 18 Nov (bad; could not 1, help 1) beats 16 Nov (bad; could not 1, help 1)? Equal key up
    # to the count of hard activities (2 each): the most recent wins.
    assert ev.worst is not None and ev.worst.day == date(2026, 11, 18)
    assert ev.worst.note == "awful night first"
    # A bad day beats a so-so one with more that could not be done.
    a = day(0, Rating.SO_SO, ("A", NOT, ""), ("B", NOT, ""), ("C", NOT, ""))
    b = day(4, Rating.BAD, ("A", SLOW, ""))
    assert hardest_day([a, b]) == b
    # Among bad days: more 'could not' beats more 'needed help'.
    c = day(1, Rating.BAD, ("A", HELP, ""), ("B", HELP, ""))
    d = day(2, Rating.BAD, ("A", NOT, ""))
    assert hardest_day([c, d]) == d
    # Same key: the most recent.
    e = day(3, Rating.BAD, ("A", NOT, ""))
    assert hardest_day([e, d]) == d
    assert hardest_day([]) is None


def test_typical_day_is_the_middle_count_lower_for_even_most_recent_with_it() -> None:
    # counts by day: 21 Nov 1, 20 Nov 0, 18 Nov 2, 16 Nov 2, 12 Nov 1 -> sorted 0 1 1 2 2: middle 1
    typical, count = typical_day([r for r in RECORDS if r.date >= PERIOD.start])
    assert count == 1 and typical is not None and typical.date == TODAY  # most recent with 1
    # even number of days: counts 0 0 3 3 -> the lower middle, 0; the most recent day with 0
    four = [day(0, None, ("A", NOT, ""), ("B", NOT, ""), ("C", NOT, "")), day(1, None),
            day(2, None), day(3, None, ("A", NOT, ""), ("B", NOT, ""), ("C", NOT, ""))]
    typical, count = typical_day(four)
    assert count == 0 and typical is not None and typical.date == TODAY - timedelta(days=1)
    assert typical_day([]) == (None, None)


def test_one_record_per_day_the_latest_change_wins() -> None:
    early = datetime(2026, 11, 21, 9, tzinfo=datetime.now().astimezone().tzinfo)
    first = DayRecord(date=TODAY, rating=Rating.GOOD, created=early, updated=early)
    later = DayRecord(date=TODAY, rating=Rating.BAD, created=early,
                      updated=early + timedelta(hours=2))
    ev = build_evidence([later, first], PERIOD, TODAY)
    assert ev.days_logged == 1 and ev.ratings == {Rating.BAD: 1}


def test_the_period_rules() -> None:
    p = evidence_period(TODAY)
    assert (p.start, p.end, p.days, p.why) == (date(2026, 8, 30), TODAY, 84, "the last 12 weeks")
    p = evidence_period(TODAY, weeks=2, end=date(2026, 11, 14))
    assert (p.start, p.end, p.days) == (date(2026, 11, 1), date(2026, 11, 14), 14)
    p = evidence_period(TODAY, start=date(2026, 11, 1))
    assert (p.start, p.end, p.days) == (date(2026, 11, 1), TODAY, 21)
    for kwargs in ({"end": TODAY + timedelta(days=1)}, {"start": TODAY + timedelta(days=1)},
                   {"start": date(2026, 11, 10), "end": date(2026, 11, 9)},
                   {"weeks": 0}, {"weeks": 105}, {"weeks": 2, "start": date(2026, 11, 1)},
                   {"start": TODAY - timedelta(days=7 * 104)}):
        with pytest.raises(ValidationError):
            evidence_period(TODAY, **kwargs)  # type: ignore[arg-type]
    assert evidence_period(TODAY, start=TODAY - timedelta(days=7 * 104 - 1)).days == 728


def test_other_sentences_worked_by_hand() -> None:
    # Flare-ups: lengths 60 and 3015 minutes (2 days 2 h 15 min), one still going.
    assert flare_sentence(3, [60, 3015], True, PERIOD, TODAY) == (
        "Flare-ups (Sun 8 Nov – Sat 21 Nov): 3 logged; the longest lasted 2 days 2 h, "
        "2 days 3 h in all (of the 2 that have ended); one is still going.")
    assert flare_sentence(0, [], False, PERIOD, TODAY).endswith(": none logged.")
    # Sleep: 4 nights logged, 3 with times 395, 420, 431 -> median 420 = 7 h 00 min
    assert sleep_sentence(4, [431, 395, 420], PERIOD, TODAY) == (
        "Sleep (Sun 8 Nov – Sat 21 Nov): 4 of 14 nights logged; 10 not logged. Median time "
        "asleep 7 h 00 min (over the 3 nights with all the times needed).")
    # Even number: 395 and 396 -> 395.5 -> half up 6 h 36 min (396), never 'banker's' rounding
    assert "Median time asleep 6 h 36 min." in sleep_sentence(2, [395, 396], PERIOD, TODAY)
    assert sleep_sentence(0, [], PERIOD, TODAY).endswith("no nights logged.")
    from fractions import Fraction

    assert pain_sentence(4, Fraction(17, 4), 6, PERIOD, TODAY) == (
        "Pain, 0 to 10 (Sun 8 Nov – Sat 21 Nov): a score on 4 of 14 days; 10 without one. "
        "Median of the daily averages 4.3; highest 6.")  # 4.25 -> 4.3 half up


def test_loaded_from_a_journal_with_flares_sleep_and_pain(journal: Journal) -> None:
    journal.put_single(DayActivities(id=DayActivities.KIND, activities=("Dressing", "Reading")))
    for record in RECORDS:
        journal.add(record)
    tz = datetime.now().astimezone().tzinfo

    def at(d: date, h: int) -> datetime:
        return datetime.combine(d, time(h), tzinfo=tz)

    journal.add(Flare(started=at(date(2026, 11, 10), 9), ended=at(date(2026, 11, 10), 10)))
    journal.add(Flare(started=at(date(2026, 11, 19), 9)))  # still going
    journal.add(Flare(started=at(date(2026, 10, 1), 9), ended=at(date(2026, 10, 2), 9)))  # before
    for d, scores in ((date(2026, 11, 16), (4, 5)), (date(2026, 11, 17), (4,)),
                      (date(2026, 11, 18), (4,)), (date(2026, 11, 19), (5,))):
        for hour, score in enumerate(scores, 9):
            journal.add(PainEntry(at=at(d, hour), score=score))
    journal.add(SleepNight(date=date(2026, 11, 20), bed=time(22, 30), tried=time(22, 45),
                           latency=20, awakenings=1, waso=30, woke=time(6, 10),
                           up=time(6, 30)))
    ev = load_evidence(journal, PERIOD, TODAY)
    assert ev.days_logged == 5
    flares, sleep, pain, *rest = ev.other
    assert flares == ("Flare-ups (Sun 8 Nov – Sat 21 Nov): 2 logged; the longest lasted 1 h "
                      "00 min, 1 h 00 min in all (of the 1 that have ended); one is still going.")
    # 22:45 -> 06:10 = 445 min, minus 20 and 30 = 395 = 6 h 35 min
    assert sleep.endswith("1 of 14 nights logged; 13 not logged. Median time asleep 6 h 35 min.")
    # daily means 4.5, 4, 4, 5 -> median 4.25 -> 4.3
    assert "a score on 4 of 14 days; 10 without one. Median of the daily averages 4.3; " \
           "highest 5." in pain
    assert rest[-1].startswith("Pacing")


def test_the_same_words_on_several_days_are_shown_once_with_every_day() -> None:
    records = [day(0, None, ("Dressing", HELP, "Jo did my buttons")),
               day(2, None, ("Dressing", HELP, "jo did  my buttons")),  # same words, typed again
               day(4, None, ("Dressing", HELP, "Sam helped")),
               day(6, None, ("Dressing", SLOW, "Jo did my buttons"))]  # another heading: apart
    ev = build_evidence(records, PERIOD, TODAY)
    [dressing] = ev.activities
    assert [(q.words, q.days) for q in dressing.words[HELP]] == [
        ("Jo did my buttons", (TODAY, TODAY - timedelta(days=2))),
        ("Sam helped", (TODAY - timedelta(days=4),))]
    assert dressing.by_how[HELP] == 3  # the days still count one by one
    text = " ".join(render_text(ev).split())
    assert "Needed help: on 3 days “Jo did my buttons” (Sat 21 Nov, Thu 19 Nov) “Sam helped”" \
           " (Tue 17 Nov)" in text
    assert "Only slowly or with pain: on 1 day “Jo did my buttons” (Sun 15 Nov)" in text
