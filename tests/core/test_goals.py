"""Action plans: the confidence rule, weekly counting, reviews and carry-over, status changes."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.codec import from_data, to_data
from paceapp.core.errors import ValidationError
from paceapp.core.goal_progress import longer_progress, summarise_goals
from paceapp.core.goals import (
    ActionPlan,
    GoalDay,
    Review,
    active_plans,
    change_plan,
    mark_day,
    needs_smaller,
    new_longer_goal,
    new_plan,
    plans_to_review,
    progress_this_week,
    progress_words,
    review_plan,
    series,
    set_status,
    smaller_suggestion,
)
from paceapp.core.kinds import kind_class

# Sat 21 Nov 2026; the week (from Monday) began Mon 16 Nov.
TODAY = date(2026, 11, 21)
MONDAY = date(2026, 11, 16)


def plan(**changes: object) -> ActionPlan:
    base = new_plan("walk to the postbox", "10 minutes", "after lunch", 3, 8, MONDAY)
    return dataclasses.replace(base, **changes)


def marks(p: ActionPlan, *days: date) -> list[GoalDay]:
    return [GoalDay(plan_id=p.id, date=d, what=p.what) for d in days]


# -- the confidence rule -------------------------------------------------------------------
@pytest.mark.parametrize(("confidence", "smaller"), [(0, True), (5, True), (6, True), (7, False),
                                                     (8, False), (10, False)])
def test_needs_smaller_below_seven(confidence: int, smaller: bool) -> None:
    assert needs_smaller(confidence) is smaller
    assert bool(smaller_suggestion(confidence)) is smaller


def test_low_confidence_plan_is_still_saved_and_suggestion_is_kind() -> None:
    low = new_plan("walk to the shop", "20 minutes", "mornings", 5, 5, MONDAY)
    assert low.confidence == 5  # never blocked
    text = smaller_suggestion(5)
    assert "5 out of 10" in text and "smaller" in text and "saved" in text
    assert "fail" not in text.lower()
    assert low.derived() == {"needs_smaller": True}


def test_bad_plan_input_names_each_field() -> None:
    with pytest.raises(ValidationError) as caught:
        new_plan("  ", "", "", 8, 11, MONDAY)
    fields = [f for f, _m in caught.value.problems]
    assert fields == ["what", "days_per_week", "confidence"]
    message = str(caught.value)
    assert "1 to 7" in message and "0 to 10" in message and "empty" in message


@pytest.mark.parametrize("days", [0, 8, -1])
def test_days_per_week_outside_one_to_seven(days: int) -> None:
    with pytest.raises(ValidationError) as caught:
        new_plan("stretches", "", "", days, 8, MONDAY)
    assert caught.value.field == "days_per_week"


def test_stored_plan_validates_status() -> None:
    with pytest.raises(ValidationError):
        plan(status="failed").validate()


def test_plan_round_trips_through_codec() -> None:
    p = plan(goal_id="abc", previous_id="def")
    assert from_data(ActionPlan, to_data(p)) == p
    assert kind_class("goal") is ActionPlan and kind_class("goals") is ActionPlan


def test_describe_reads_as_a_sentence() -> None:
    assert plan().describe() == "walk to the postbox, 10 minutes, after lunch, 3 days a week"
    assert plan(days_per_week=1, how_much="", when="").describe() == "walk to the postbox, 1 day a week"


# -- weekly counting -----------------------------------------------------------------------
def test_progress_counts_only_this_week_from_monday() -> None:
    p = plan(start=date(2026, 11, 9))
    days = marks(p, date(2026, 11, 14), date(2026, 11, 15),  # Sat, Sun of last week
                 date(2026, 11, 16), date(2026, 11, 18))      # Mon, Wed of this week
    assert progress_this_week(p, days, TODAY) == (2, 3)
    # On Sunday 15 Nov, the week was 9-15 Nov: two days.
    assert progress_this_week(p, days, date(2026, 11, 15)) == (2, 3)
    # Monday 23 Nov starts a new week: nothing yet.
    assert progress_this_week(p, days, date(2026, 11, 23)) == (0, 3)


def test_progress_with_week_starting_sunday() -> None:
    p = plan(start=date(2026, 11, 9))
    days = marks(p, date(2026, 11, 14), date(2026, 11, 15), date(2026, 11, 16))
    # Weeks from Sunday: Sat 21 Nov is in the week Sun 15 - Sat 21.
    assert progress_this_week(p, days, TODAY, week_starts=6) == (2, 3)
    # Sat 14 Nov belongs to the week Sun 8 - Sat 14.
    assert progress_this_week(p, days, date(2026, 11, 14), week_starts=6) == (1, 3)


def test_progress_ignores_other_plans_and_double_marks() -> None:
    p, other = plan(), plan(id="other")
    days = marks(p, MONDAY, MONDAY) + marks(other, date(2026, 11, 17))
    assert progress_this_week(p, days, TODAY) == (1, 3)


def test_progress_over_the_plan_is_said_plainly() -> None:
    assert progress_words(2, 3) == "2 of 3 days this week"
    assert progress_words(4, 3) == "4 of 3 days this week - that is the plan done"
    assert progress_words(0, 1) == "0 of 1 day this week"


@given(st.lists(st.integers(min_value=0, max_value=60), max_size=40),
       st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=6))
def test_progress_is_distinct_days_in_one_week(offsets: list[int], today_offset: int,
                                               week_starts: int) -> None:
    origin = date(2026, 1, 1)
    p = plan(start=origin)
    today = origin + timedelta(days=today_offset)
    done, planned = progress_this_week(p, marks(p, *(origin + timedelta(days=o) for o in offsets)),
                                       today, week_starts)
    assert planned == 3
    assert 0 <= done <= 7
    # Every counted day is within 6 days of every other, and the same weekday start.
    in_week = {o for o in offsets
               if (origin + timedelta(days=o) - timedelta(days=((origin + timedelta(days=o)).weekday()
                                                                  - week_starts) % 7))
               == today - timedelta(days=(today.weekday() - week_starts) % 7)}
    assert done == len(in_week)


# -- marking days --------------------------------------------------------------------------
def test_mark_day_checks() -> None:
    p = plan()
    day = mark_day(p, TODAY, TODAY, [])
    assert (day.plan_id, day.date, day.what) == (p.id, TODAY, p.what)
    with pytest.raises(ValidationError, match="already marked"):
        mark_day(p, TODAY, TODAY, [day])
    with pytest.raises(ValidationError, match="not come yet"):
        mark_day(p, TODAY + timedelta(days=1), TODAY, [])
    with pytest.raises(ValidationError, match="before this plan started"):
        mark_day(p, MONDAY - timedelta(days=1), TODAY, [])
    with pytest.raises(ValidationError, match="paused"):
        mark_day(plan(status="paused"), TODAY, TODAY, [])


# -- status changes ------------------------------------------------------------------------
def test_status_changes() -> None:
    p = plan()
    paused = set_status(p, "paused")
    assert paused.status == "paused" and paused.id == p.id
    assert set_status(paused, "active").status == "active"
    assert set_status(p, "active") is p
    assert set_status(p, "done").status == "done"
    with pytest.raises(ValidationError, match="active, paused, done"):
        set_status(p, "failed")
    assert active_plans([paused, p, set_status(plan(), "done")]) == [p]


def test_change_plan_validates_and_keeps_identity() -> None:
    p = plan(confidence=5)
    smaller = change_plan(p, days_per_week=2, how_much="5 minutes", confidence=8)
    assert (smaller.id, smaller.start, smaller.days_per_week, smaller.how_much,
            smaller.confidence) == (p.id, p.start, 2, "5 minutes", 8)
    with pytest.raises(ValidationError):
        change_plan(p, confidence=12)
    with pytest.raises(ValidationError):
        change_plan(p, status="done")


# -- reviews and carry-over ----------------------------------------------------------------
def test_review_keep_carries_plan_into_next_week() -> None:
    p = plan()
    result = review_plan(p, "partly", week=TODAY, today=TODAY, got_in_way="rain on Thursday")
    assert result.plan.status == "done" and result.plan.id == p.id
    nxt = result.next_plan
    assert nxt is not None and nxt.id != p.id
    assert nxt.previous_id == p.id and nxt.status == "active"
    assert nxt.start == date(2026, 11, 23)  # the Monday after the week reviewed
    assert (nxt.what, nxt.how_much, nxt.when, nxt.days_per_week, nxt.confidence) == (
        p.what, p.how_much, p.when, p.days_per_week, p.confidence)
    review = result.review
    assert (review.plan_id, review.week, review.outcome, review.got_in_way, review.next_step,
            review.next_plan_id) == (p.id, MONDAY, "partly", "rain on Thursday", "keep", nxt.id)


def test_review_change_applies_changes_to_next_plan() -> None:
    p = plan()
    result = review_plan(p, "not this time", week=TODAY, today=TODAY,
                         changes={"days_per_week": 2, "how_much": "5 minutes"})
    assert result.review.next_step == "change"
    assert result.review.outcome == "not-this-time"
    assert result.next_plan is not None
    assert (result.next_plan.days_per_week, result.next_plan.how_much) == (2, "5 minutes")
    assert p.days_per_week == 3  # the reviewed plan keeps what it was


def test_review_pause_starts_nothing_new() -> None:
    result = review_plan(plan(), "done", week=TODAY, today=TODAY, next_step="pause")
    assert result.plan.status == "paused" and result.next_plan is None
    assert result.review.next_plan_id is None


def test_reviewing_a_past_week_starts_the_next_plan_this_week() -> None:
    p = plan(start=date(2026, 11, 2))
    result = review_plan(p, "done", week=date(2026, 11, 4), today=TODAY)
    assert result.review.week == date(2026, 11, 2)
    assert result.next_plan is not None and result.next_plan.start == MONDAY


def test_marks_on_the_old_plan_count_for_the_carried_on_plan() -> None:
    p = plan(start=date(2026, 11, 9))
    days = marks(p, date(2026, 11, 12), MONDAY, date(2026, 11, 17))
    nxt = review_plan(p, "done", week=date(2026, 11, 9), today=TODAY).next_plan
    assert nxt is not None and nxt.start == MONDAY
    assert progress_this_week(nxt, days, TODAY) == (2, 3)


def test_review_refusals() -> None:
    p = plan()
    with pytest.raises(ValidationError, match="outcome"):
        review_plan(p, "great", week=TODAY, today=TODAY)
    with pytest.raises(ValidationError, match="next step"):
        review_plan(p, "done", week=TODAY, today=TODAY, next_step="stop")
    with pytest.raises(ValidationError, match="not started yet"):
        review_plan(p, "done", week=TODAY + timedelta(days=7), today=TODAY)
    with pytest.raises(ValidationError, match="before this plan started"):
        review_plan(p, "done", week=MONDAY - timedelta(days=1), today=TODAY)
    done = review_plan(p, "done", week=TODAY, today=TODAY)
    with pytest.raises(ValidationError, match="reviewed"):
        review_plan(p, "done", week=TODAY, today=TODAY, reviews=[done.review])
    with pytest.raises(ValidationError, match="reviewed"):
        review_plan(done.plan, "done", week=TODAY, today=TODAY)


def test_plans_to_review_skips_reviewed_and_future() -> None:
    a, b, c = plan(), plan(id="b"), plan(id="c", start=date(2026, 11, 23))
    review = Review(plan_id="b", week=MONDAY, outcome="done")
    assert plans_to_review([a, b, c], [review], TODAY) == [a]


# -- longer goals --------------------------------------------------------------------------
def test_longer_goal_series_and_progress() -> None:
    goal = new_longer_goal("walk to the shop again by spring", date(2026, 11, 2))
    w1 = plan(start=date(2026, 11, 2), goal_id=goal.id, how_much="5 minutes")
    r1 = review_plan(w1, "done", week=w1.start, today=date(2026, 11, 8))  # on the Sunday
    assert r1.next_plan is not None
    w2 = change_plan(r1.next_plan, how_much="10 minutes")
    r2 = review_plan(w2, "partly", week=w2.start, today=date(2026, 11, 15),
                     got_in_way="flare-up")
    w3 = r2.next_plan
    assert w3 is not None and w3.goal_id == goal.id and w3.start == MONDAY
    plans = [r1.plan, r2.plan, w3, plan(id="unrelated")]
    days = (marks(w1, date(2026, 11, 3), date(2026, 11, 5), date(2026, 11, 6))
            + marks(w2, date(2026, 11, 10)) + marks(w3, MONDAY))
    assert [p.id for p in series(w3, plans)] == [w1.id, w2.id, w3.id]
    progress = longer_progress(goal, plans, days, [r1.review, r2.review], TODAY)
    assert (progress.weeks, progress.days_done, len(progress.plans)) == (3, 5, 3)
    assert progress.outcomes == {"done": 1, "partly": 1, "not-this-time": 0}
    text = progress.sentence()
    assert "3 weekly plans over 3 weeks since Mon 2 Nov; 5 days done" in text
    assert "reviews: 1 done, 1 partly" in text
    assert "Started with: walk to the postbox, 5 minutes" in text
    assert "Now: walk to the postbox, 10 minutes" in text


def test_longer_goal_with_no_plans() -> None:
    goal = new_longer_goal("garden again", TODAY, by_when="by summer")
    assert "no weekly plans yet" in longer_progress(goal, [], [], [], TODAY).sentence()
    with pytest.raises(ValidationError):
        new_longer_goal("", TODAY)


# -- period summary (issue 17: the header's period, nothing in the future) ------------------
def test_summary_hand_worked() -> None:
    # Period Sat 24 Oct - Sat 21 Nov (today), as the sheet's header says. Whole weeks inside it
    # that have ended: Mon 26 Oct, 2 Nov and 9 Nov (the week of 16 Nov ends Sun 22 Nov, tomorrow).
    walk1 = plan(what="walk to the postbox", start=date(2026, 10, 19), days_per_week=3)
    # Reviewed on Sun 1 Nov, so walk1 covered the weeks of 19 and 26 Oct.
    r1 = review_plan(walk1, "partly", week=date(2026, 11, 1), today=date(2026, 11, 1))
    walk2 = r1.next_plan
    assert walk2 is not None and walk2.start == date(2026, 11, 2)
    walk2 = change_plan(walk2, what="walk to the bench")  # the series' latest name
    stretch = plan(what="stretches", start=date(2026, 11, 9), days_per_week=2)
    plans = [r1.plan, walk2, stretch]
    days = (marks(walk1, date(2026, 10, 20), date(2026, 10, 27), date(2026, 10, 29))
            + marks(walk2, date(2026, 11, 3), date(2026, 11, 4), date(2026, 11, 10),
                    date(2026, 11, 17))
            + marks(stretch, date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 18)))
    summary = summarise_goals(plans, days, [r1.review], date(2026, 10, 24), TODAY)
    # done in the period: walk1 27, 29 Oct (2; 20 Oct is before it) + walk2 3, 4, 10, 17 Nov (4)
    #   + stretches 9, 16, 18 Nov (3) = 9
    # planned in the whole weeks: walk1 26 Oct (3) + walk2 2, 9 Nov (6) + stretches 9 Nov (2) = 11
    # done in those weeks: walk1 27, 29 Oct (2) + walk2 3, 4, 10 Nov (3) + stretches 9 Nov (1) = 6
    # (It used to start on Mon 26 Oct, dropping Sat 24 and Sun 25, and count the week of 16 Nov
    # whole, with Sun 22 Nov still to come: "9 of 16 over 4 weeks".)
    assert (summary.days_done, summary.days_planned, summary.weeks_done, summary.weeks) == (
        9, 11, 6, 3)
    assert summary.plans == ("walk to the bench", "stretches")
    assert (summary.start, summary.end) == (date(2026, 10, 24), TODAY)
    assert summary.sentence() == (
        "Goals, Sat 24 Oct – Sat 21 Nov: 2 weekly action plans on the go; 9 days done; "
        "in the 3 whole weeks Mon 26 Oct – Sun 15 Nov: 6 of 11 planned "
        "days done; weekly reviews of those weeks: 1 partly.")


def test_summary_when_none_set() -> None:
    summary = summarise_goals([], [], [], date(2026, 10, 24), TODAY)
    assert summary.sentence() == "Goals: no weekly action plan on the go Sat 24 Oct – Sat 21 Nov."


def test_summary_short_period_has_no_whole_week_to_compare() -> None:
    # Wed 18 - Sat 21 Nov: the mark on Tue 17 Nov is before the period; no whole week has ended.
    p = plan()
    summary = summarise_goals([p], marks(p, date(2026, 11, 17), date(2026, 11, 19)), [],
                              date(2026, 11, 18), TODAY)
    assert (summary.start, summary.weeks, summary.days_done, summary.days_planned) == (
        date(2026, 11, 18), 0, 1, 0)
    assert summary.sentence().endswith(
        "1 day done; no whole week in this period has ended yet, so nothing to compare with the "
        "days planned.")


def test_summary_paused_plan_stops_counting() -> None:
    # Paused on Wed 4 Nov: it covers only the week of 2 Nov; whole weeks 2 and 9 Nov (16 Nov is
    # still under way on Sat 21 Nov).
    p = set_status(plan(start=date(2026, 11, 2)), "paused")
    p = dataclasses.replace(p, updated=p.updated.replace(year=2026, month=11, day=4))
    summary = summarise_goals([p], [], [], date(2026, 11, 2), TODAY)
    assert (summary.days_planned, summary.weeks) == (3, 2)


@pytest.mark.parametrize(("end", "weeks", "planned"), [
    (date(2026, 11, 22), 4, 12),  # Sun 22 Nov: the week of 16 Nov has ended - counted
    (date(2026, 11, 21), 3, 9),  # Sat 21 Nov: it has one day to go - not counted
])
def test_summary_counts_a_week_only_once_it_has_ended(end: date, weeks: int, planned: int) -> None:
    p = plan(start=date(2026, 10, 19))
    summary = summarise_goals([p], [], [], date(2026, 10, 26), end)
    assert (summary.weeks, summary.days_planned) == (weeks, planned)


def test_summary_never_counts_after_today() -> None:
    # Asked up to Sat 28 Nov on Sat 21 Nov: the period ends today, and the mark "on" 25 Nov (which
    # mark_day would refuse) is not counted.
    p = plan(start=date(2026, 10, 19))
    days = marks(p, date(2026, 11, 20), date(2026, 11, 25))
    summary = summarise_goals([p], days, [], date(2026, 10, 26), date(2026, 11, 28), today=TODAY)
    assert (summary.end, summary.weeks, summary.days_done, summary.days_planned) == (
        TODAY, 3, 1, 9)


@given(st.sets(st.integers(min_value=0, max_value=48)), st.integers(min_value=0, max_value=20),
       st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=7),
       st.integers(min_value=0, max_value=6))
def test_summary_counts_whole_weeks_of_one_active_plan(offsets: set[int], start_offset: int,
                                                       length: int, per_week: int,
                                                       week_starts: int) -> None:
    origin = date(2026, 9, 1)
    p = plan(start=origin, days_per_week=per_week)
    start = origin + timedelta(days=start_offset)
    end = start + timedelta(days=length)
    days = marks(p, *(origin + timedelta(days=o) for o in offsets))
    summary = summarise_goals([p], days, [], start, end, week_starts)
    marked = {origin + timedelta(days=o) for o in offsets}
    # The header's period exactly: every marked day in it, none outside it.
    assert (summary.start, summary.end) == (start, end)
    assert summary.days_done == len({d for d in marked if start <= d <= end})
    # Whole weeks: begin on the week's first day inside the period and end by its last day.
    whole = [start + timedelta(days=n) for n in range(length + 1)
             if (start + timedelta(days=n)).weekday() == week_starts
             and start + timedelta(days=n + 6) <= end]
    assert summary.weeks == len(whole)
    assert summary.days_planned == len(whole) * per_week
    assert summary.weeks_done == len({d for d in marked
                                      if any(w <= d <= w + timedelta(days=6) for w in whole)})


def test_a_carried_on_plan_cannot_be_made_active_again() -> None:
    result = review_plan(plan(), "done", week=TODAY, today=TODAY)
    assert result.next_plan is not None
    with pytest.raises(ValidationError, match=result.next_plan.id[:8]):
        set_status(result.plan, "active", [result.review])
    paused = review_plan(plan(), "partly", week=TODAY, today=TODAY, next_step="pause")
    assert set_status(paused.plan, "active", [paused.review]).status == "active"
