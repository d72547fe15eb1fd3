"""The goals use-cases (`paceapp.app.goals`): each write reads the stored records inside the lock,
applies only the person's change, checks it and writes it as one change (one undo).

"Elsewhere" below is a second Journal on the same folder - the shell while the app is open.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paceapp.app.goals import (
    add_longer_goal,
    add_plan,
    change_plan,
    check_review,
    finish_longer_goal,
    load_goals,
    load_week_starts,
    mark_done,
    plan_series,
    save_review,
    set_plan_status,
    set_week_starts,
)
from paceapp.core.errors import ChangedElsewhereError, ValidationError
from paceapp.core.goals import (
    ActionPlan,
    GoalDay,
    LongerGoal,
    Review,
    new_longer_goal,
    new_plan,
)
from paceapp.core.goals import change_plan as changed_copy
from paceapp.store.journal import Journal

MON = date(2026, 11, 16)
SAT = MON + timedelta(days=5)
NEXT_MON = MON + timedelta(days=7)


def walk(**changes: object) -> ActionPlan:
    fields: dict[str, object] = {"what": "walk to the postbox", "how_much": "10 minutes",
                                 "when": "after lunch", "days_per_week": 3, "confidence": 8,
                                 "start": MON}
    fields.update(changes)
    return new_plan(**fields)  # type: ignore[arg-type]


@pytest.fixture
def stored(journal: Journal) -> ActionPlan:
    return journal.add(walk())


def elsewhere(data_dir: Path) -> Journal:
    return Journal.open(data_dir)


# -- reading -------------------------------------------------------------------------------
def test_a_folder_not_made_yet_reads_as_no_goals_and_stays_unmade(tmp_path: Path) -> None:
    root = tmp_path / "not-yet"
    journal = Journal.open(root)
    view = load_goals(journal, SAT)
    assert (view.plans, view.days, view.reviews, view.longer, view.week_starts) == (
        [], [], [], [], 0)
    assert load_week_starts(journal) == 0
    assert not root.exists()


@pytest.mark.parametrize("all_days", [True, False])
def test_the_view_holds_this_weeks_days_or_all(journal: Journal, stored: ActionPlan,
                                               all_days: bool) -> None:
    journal.add(GoalDay(plan_id=stored.id, date=MON - timedelta(days=1)))
    journal.add(GoalDay(plan_id=stored.id, date=MON))
    view = load_goals(journal, SAT, all_days=all_days)
    assert [d.date for d in view.days] == ([MON - timedelta(days=1), MON] if all_days
                                           else [MON])
    assert view.progress(stored) == (1, 3)
    assert view.week == MON


# -- adding a plan -------------------------------------------------------------------------
def test_a_plan_towards_new_words_makes_the_longer_goal_and_one_undo_takes_both(
        journal: Journal) -> None:
    added = add_plan(journal, walk(), towards="walk to the shop again", today=SAT)
    assert added.new_goal and added.goal is not None
    assert [g.what for g in journal.list(LongerGoal)] == ["walk to the shop again"]
    assert journal.list(ActionPlan)[0].goal_id == added.goal.id
    journal.undo()
    assert journal.list(ActionPlan) == [] and journal.list(LongerGoal) == []


def test_a_plan_towards_a_goal_stored_elsewhere_meanwhile_finds_it(journal: Journal,
                                                                    data_dir: Path) -> None:
    load_goals(journal, SAT)  # the front end read before the goal existed
    goal = elsewhere(data_dir).add(new_longer_goal("Walk to the shop again", SAT))
    for towards in ("walk to the  SHOP again", goal.id[:8]):
        added = add_plan(journal, walk(), towards=towards, today=SAT)
        assert (added.goal, added.new_goal) == (goal, False)
    assert len(journal.list(LongerGoal)) == 1


def test_a_new_goal_from_the_form_is_stored_with_the_plan(journal: Journal) -> None:
    goal = new_longer_goal("garden again", SAT)
    added = add_plan(journal, walk(), new_goal=goal)
    assert journal.get(ActionPlan, added.plan.id).goal_id == goal.id
    assert journal.list(LongerGoal) == [goal]


def test_a_wrong_longer_goal_stores_nothing(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        add_plan(journal, walk(), towards="x" * 500, today=SAT)
    assert journal.list(ActionPlan) == [] and journal.list(LongerGoal) == []


# -- changing a plan -----------------------------------------------------------------------
def test_a_change_keeps_what_was_changed_elsewhere_after_the_form_opened(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    shown = journal.get(ActionPlan, stored.id)  # the form opens with this copy
    other = elsewhere(data_dir)
    other.update(changed_copy(other.get(ActionPlan, stored.id), when="before tea"))
    changed = change_plan(journal, stored.id, {"days_per_week": 2}, base=shown)
    assert (changed.days_per_week, changed.when) == (2, "before tea")
    assert journal.get(ActionPlan, stored.id) == changed


def test_a_change_without_a_form_copy_applies_to_the_plan_as_stored(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    other = elsewhere(data_dir)
    other.update(changed_copy(other.get(ActionPlan, stored.id), confidence=9))
    changed = change_plan(journal, stored.id[:8], {"how_much": "5 minutes"})
    assert (changed.how_much, changed.confidence, changed.what) == (
        "5 minutes", 9, "walk to the postbox")


def test_the_same_field_changed_both_places_is_named_and_nothing_is_written(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    shown = journal.get(ActionPlan, stored.id)
    other = elsewhere(data_dir)
    kept = other.update(changed_copy(other.get(ActionPlan, stored.id), days_per_week=5))
    with pytest.raises(ChangedElsewhereError):
        change_plan(journal, stored.id, {"days_per_week": 2}, base=shown,
                    new_goal=new_longer_goal("garden again", SAT))
    assert journal.get(ActionPlan, stored.id) == kept
    assert journal.list(LongerGoal) == []  # the whole change, or none of it


@pytest.mark.parametrize("changes", [{"days_per_week": 0}, {"confidence": 11}, {"what": " "},
                                     {"start": NEXT_MON}])
def test_a_wrong_change_is_refused_and_changes_nothing(journal: Journal, stored: ActionPlan,
                                                       changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        change_plan(journal, stored.id, changes)
    assert journal.get(ActionPlan, stored.id) == stored


# -- status ----------------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["paused", "done"])
def test_a_status_change_reads_the_plan_fresh_and_a_repeat_writes_nothing(
        journal: Journal, stored: ActionPlan, data_dir: Path, status: str) -> None:
    other = elsewhere(data_dir)
    other.update(changed_copy(other.get(ActionPlan, stored.id), what="walk to the bench"))
    plan, changed = set_plan_status(journal, stored.id, status)
    assert changed and (plan.status, plan.what) == (status, "walk to the bench")
    again, changed_again = set_plan_status(journal, stored.id, status)
    assert not changed_again and again == journal.get(ActionPlan, stored.id)
    assert again.updated == plan.updated


def test_a_plan_carried_on_by_a_review_elsewhere_cannot_be_resumed(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    set_plan_status(journal, stored.id, "paused")
    set_plan_status(journal, stored.id, "active")
    save_review(elsewhere(data_dir), stored.id, "done", today=SAT)  # it is now "done"
    with pytest.raises(ValidationError):
        set_plan_status(journal, stored.id, "active")


# -- days done -------------------------------------------------------------------------------
def test_marking_a_day_counts_it_in_this_weeks_progress(journal: Journal,
                                                        stored: ActionPlan) -> None:
    first = mark_done(journal, stored.id, MON, SAT)
    second = mark_done(journal, stored.id, SAT, SAT)
    assert (first.done, second.done, second.planned) == (1, 2, 3)
    assert [d.date for d in journal.list(GoalDay)] == [MON, SAT]


def test_a_day_marked_elsewhere_meanwhile_is_not_marked_twice(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    load_goals(journal, SAT)  # the card showed "not done today"
    mark_done(elsewhere(data_dir), stored.id, SAT, SAT)
    with pytest.raises(ValidationError, match="already marked"):
        mark_done(journal, stored.id, SAT, SAT)
    assert len(journal.list(GoalDay)) == 1


@pytest.mark.parametrize("day", [SAT + timedelta(days=1), MON - timedelta(days=1)])
def test_a_day_to_come_or_before_the_plan_is_refused(journal: Journal, stored: ActionPlan,
                                                     day: date) -> None:
    with pytest.raises(ValidationError):
        mark_done(journal, stored.id, day, SAT)
    assert journal.list(GoalDay) == []


def test_after_an_early_review_a_day_of_that_week_counts_for_the_reviewed_plan(
        journal: Journal, stored: ActionPlan) -> None:
    saved = save_review(journal, stored.id, "partly", today=MON + timedelta(days=2))
    assert saved.result.next_plan is not None
    marked = mark_done(journal, saved.result.next_plan.id, SAT, SAT)  # next week's, chosen
    assert marked.plan.id == stored.id and marked.day.plan_id == stored.id


# -- the weekly review -----------------------------------------------------------------------
def test_a_review_is_one_change_one_undo_brings_it_all_back(journal: Journal,
                                                            stored: ActionPlan) -> None:
    journal.add(GoalDay(plan_id=stored.id, date=MON))
    goal = new_longer_goal("garden again", SAT)
    saved = save_review(journal, stored.id, "partly", today=SAT, got_in_way="rain",
                        next_step="change", changes={"days_per_week": 2, "goal_id": goal.id},
                        new_goal=goal)
    assert (saved.done, saved.planned) == (1, 3)
    nxt = saved.result.next_plan
    assert nxt is not None and (nxt.days_per_week, nxt.goal_id, nxt.start) == (
        2, goal.id, NEXT_MON)
    assert journal.get(ActionPlan, stored.id).status == "done"
    [review] = journal.list(Review)
    assert (review.outcome, review.got_in_way, review.next_step) == ("partly", "rain", "change")
    journal.undo()
    assert journal.list(Review) == [] and journal.list(LongerGoal) == []
    assert journal.list(ActionPlan) == [journal.get(ActionPlan, stored.id)]
    assert journal.get(ActionPlan, stored.id).status == "active"


@pytest.mark.parametrize(("next_step", "status", "has_next"),
                         [("keep", "done", True), ("change", "done", True),
                          ("pause", "paused", False)])
def test_each_next_step_leaves_the_plan_as_the_review_says(
        journal: Journal, stored: ActionPlan, next_step: str, status: str,
        has_next: bool) -> None:
    saved = save_review(journal, stored.id, "done", today=SAT, next_step=next_step)
    assert journal.get(ActionPlan, stored.id).status == status
    assert (saved.result.next_plan is not None) == has_next
    assert len(journal.list(ActionPlan)) == (2 if has_next else 1)


def test_check_review_stores_nothing(journal: Journal, stored: ActionPlan,
                                     data_dir: Path) -> None:
    before = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    result = check_review(journal, stored.id, "done", today=SAT)
    assert result.review.plan_id == stored.id
    assert journal.list(Review) == [] and journal.get(ActionPlan, stored.id) == stored
    assert sorted(p.name for p in data_dir.rglob("*") if p.is_file()) == before


def test_a_review_saved_elsewhere_after_the_check_is_not_saved_twice(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    check_review(journal, stored.id, "done", today=SAT)  # then "review now?" is asked
    save_review(elsewhere(data_dir), stored.id, "partly", today=SAT)
    with pytest.raises(ValidationError, match="reviewed or finished already"):
        save_review(journal, stored.id, "done", today=SAT)
    assert [r.outcome for r in journal.list(Review)] == ["partly"]
    assert len(journal.list(ActionPlan)) == 2


def test_the_week_start_set_elsewhere_is_the_one_a_review_uses(
        journal: Journal, stored: ActionPlan, data_dir: Path) -> None:
    set_week_starts(elsewhere(data_dir), 6)  # weeks from Sunday
    saved = save_review(journal, stored.id, "done", today=SAT)
    assert saved.result.review.week == MON - timedelta(days=1)
    assert load_week_starts(journal) == 6


# -- longer goals and series -----------------------------------------------------------------
def test_a_longer_goal_is_finished_once(journal: Journal) -> None:
    goal = add_longer_goal(journal, new_longer_goal("walk to the shop again", SAT))
    done, changed = finish_longer_goal(journal, goal.id[:8])
    assert changed and done.status == "done"
    again, changed_again = finish_longer_goal(journal, goal.id)
    assert not changed_again and again == done


def test_a_series_follows_the_plan_week_to_week(journal: Journal, stored: ActionPlan) -> None:
    other = journal.add(walk(what="stretches"))
    saved = save_review(journal, stored.id, "done", today=SAT)
    assert saved.result.next_plan is not None
    ids = [p.id for p in plan_series(journal, saved.result.next_plan.id[:8])]
    assert ids == [stored.id, saved.result.next_plan.id]
    assert other.id not in ids
