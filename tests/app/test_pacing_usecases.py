"""The pacing use-cases: what the Pacing screen, Today's card and `paceapp pace` share.

Each write reads what it changes inside the Journal's lock, so a change made meanwhile through a
second Journal on the same folder (the shell while the app is open) is kept, never overwritten
by an old copy.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.app import pacing
from paceapp.core.errors import ChangedElsewhereError, ValidationError
from paceapp.core.flare import Flare
from paceapp.core.pacing import ActivityLog, Baseline, DayPlan, PaceSettings, PlanItem
from paceapp.store.journal import Journal

NOW = datetime(2026, 11, 2, 9, 0).astimezone()  # a Monday
TODAY = NOW.date()


def two_journals(folder: Path) -> tuple[Journal, Journal]:
    """Two handles on one folder: the app's, and the shell's meanwhile."""
    return Journal.open(folder), Journal.open(folder)


def walking(journal: Journal, *, days_ago: int = 10, amounts: tuple[int, ...] = (20, 25, 30),
            unit: str | None = None) -> Baseline:
    return pacing.set_baseline(journal, "Walking", "three-day", amounts,
                               now=NOW - timedelta(days=days_ago), unit=unit).baseline


# -- baselines --------------------------------------------------------------------------------
def test_set_baseline_adds_then_sets_again_keeping_history_and_unit(journal: Journal) -> None:
    first = pacing.set_baseline(journal, "Stairs", "gentle", [40], now=NOW, unit="count")
    assert first.is_new and first.baseline.amount == 20 and first.baseline.unit == "count"
    again = pacing.set_baseline(journal, "stairs", "gentle", [30], now=NOW + timedelta(hours=1))
    assert not again.is_new
    stored = journal.list(Baseline)
    assert len(stored) == 1
    assert stored[0].id == first.baseline.id and stored[0].name == "Stairs"
    assert stored[0].unit == "count" and stored[0].amount == 15
    assert [c.amount for c in pacing.load_changes(journal, stored[0])] == [20, 15]


def test_set_baseline_names_close_known_ones_for_a_new_activity(journal: Journal) -> None:
    walking(journal)
    assert pacing.set_baseline(journal, "Walkin", "gentle", [20], now=NOW).close == ["Walking"]
    assert pacing.set_baseline(journal, "Reading", "gentle", [20], now=NOW).close == []
    assert pacing.set_baseline(journal, "WALKING", "gentle", [20], now=NOW).close == []


def test_set_baseline_checks_the_step_and_writes_nothing_when_wrong(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        pacing.set_baseline(journal, "Walking", "gentle", [20], now=NOW, step_pct=80)
    assert caught.value.field == "step_pct"
    assert journal.list(Baseline) == []


def test_set_baseline_again_keeps_a_step_changed_meanwhile(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    walking(app)
    pacing.change_baseline_step(shell, "walking", 20, 14, now=NOW - timedelta(days=1))
    again = pacing.set_baseline(app, "Walking", "gentle", [40], now=NOW)
    assert (again.baseline.step_pct, again.baseline.step_days) == (20, 14)
    assert Journal.open(data_dir).list(Baseline)[0].step_pct == 20


def test_step_up_raises_by_the_step_at_most_once_a_period(journal: Journal) -> None:
    before = walking(journal)
    changed = pacing.step_up_baseline(journal, "walking", now=NOW)
    assert changed.before.amount == before.amount == 20
    assert changed.after.amount == 22 and journal.list(Baseline)[0].amount == 22
    with pytest.raises(ValidationError) as caught:
        pacing.step_up_baseline(journal, "walking", now=NOW + timedelta(days=1))
    assert caught.value.field == "step"
    assert journal.list(Baseline)[0].amount == 22


def test_step_up_is_held_in_a_week_with_a_flare_up(journal: Journal) -> None:
    walking(journal)
    journal.add(Flare(started=NOW - timedelta(days=3), ended=NOW - timedelta(days=2)))
    with pytest.raises(ValidationError, match="flare-up") as caught:
        pacing.step_up_baseline(journal, "Walking", now=NOW)
    assert caught.value.field == "step"
    assert journal.list(Baseline)[0].amount == 20


def test_step_up_uses_the_step_as_it_is_now_not_as_the_screen_saw_it(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    walking(app)
    shown = pacing.load_pacing_view(app, TODAY)  # the screen's copy: steps of 10%
    assert shown.data.baselines[0].step_pct == 10
    pacing.change_baseline_step(shell, "Walking", 50, now=NOW - timedelta(days=9))
    changed = pacing.step_up_baseline(app, "Walking", now=NOW)
    assert changed.after.amount == 30  # 20 + 50%
    assert [c.action for c in pacing.load_changes(app, changed.after)] == [
        "set", "step-size", "step"]


def test_unknown_baseline_names_close_ones(journal: Journal) -> None:
    walking(journal)
    with pytest.raises(ValidationError, match="Walking") as caught:
        pacing.step_up_baseline(journal, "Walkng", now=NOW)
    assert caught.value.field == "name"


@pytest.mark.parametrize(("percent", "to", "expected"), [(None, None, 10), (60, None, 12),
                                                         (None, 5, 5)])
def test_restart_lowers_the_baseline(journal: Journal, percent: int | None, to: int | None,
                                     expected: int) -> None:
    walking(journal)
    changed = pacing.restart_baseline(journal, "walking", now=NOW, percent=percent, to=to)
    assert (changed.before.amount, changed.after.amount) == (20, expected)
    assert journal.list(Baseline)[0].amount == expected


def test_change_step_records_it_in_the_history(journal: Journal) -> None:
    walking(journal)
    changed = pacing.change_baseline_step(journal, "Walking", 15, now=NOW)
    assert (changed.step_pct, changed.step_days, changed.amount) == (15, 7, 20)
    assert pacing.load_changes(journal, journal.list(Baseline)[0])[-1].action == "step-size"


# -- logging activity -------------------------------------------------------------------------
def test_log_activity_uses_the_known_name_and_the_baselines_unit(journal: Journal) -> None:
    pacing.set_baseline(journal, "Stairs", "gentle", [40], now=NOW - timedelta(days=3),
                        unit="count")
    done = pacing.log_activity(journal, "STAIRS", 25, at=NOW, now=NOW, unit="min")
    assert (done.log.name, done.log.unit, done.baseline) == ("Stairs", "count", 20)
    assert journal.list(ActivityLog) == [done.log]


def test_log_activity_questions_a_new_name_close_to_a_known_one(journal: Journal) -> None:
    walking(journal)
    with pytest.raises(pacing.CloseToKnownName) as caught:
        pacing.log_activity(journal, "Walkng", 10, at=NOW, now=NOW)
    assert caught.value.field == "name" and caught.value.known == ["Walking"]
    assert "--" not in str(caught.value) and "paceapp" not in str(caught.value)
    assert journal.list(ActivityLog) == []
    done = pacing.log_activity(journal, "Walkng", 10, at=NOW, now=NOW, new_name_ok=True)
    assert (done.log.name, done.log.unit, done.baseline) == ("Walkng", "min", None)


def test_log_activity_refuses_the_future(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        pacing.log_activity(journal, "Walking", 10, at=NOW + timedelta(hours=2), now=NOW)
    assert journal.list(ActivityLog) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(st.booleans(), min_size=7, max_size=7))
def test_any_case_of_a_known_name_is_logged_as_known(upper: list[bool]) -> None:
    journal = Journal.in_memory()
    walking(journal)
    typed = "".join(c.upper() if u else c.lower() for c, u in zip("walking", upper, strict=True))
    assert pacing.log_activity(journal, typed, 5, at=NOW, now=NOW).log.name == "Walking"


def test_log_activity_sees_a_baseline_set_meanwhile(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    pacing.load_pacing_card(app, TODAY)  # Today was shown before the baseline existed
    pacing.set_baseline(shell, "Stairs", "gentle", [40], now=NOW - timedelta(days=1),
                        unit="count")
    done = pacing.log_activity(app, "stairs", 30, at=NOW, now=NOW)
    assert (done.log.name, done.log.unit, done.baseline) == ("Stairs", "count", 20)


# -- day plans --------------------------------------------------------------------------------
def test_plan_day_adds_then_replaces_the_days_own_plan(journal: Journal) -> None:
    walking(journal)
    first = pacing.plan_day(journal, TODAY, ["walking:40"], today=TODAY)
    assert first.items == (PlanItem(name="Walking", amount=40),)
    assert [s.amount for s in first.schedule.steps if s.kind == "do"] == [20, 20]
    pacing.plan_day(journal, TODAY, ["walking"], today=TODAY)
    plans = journal.list(DayPlan)
    assert len(plans) == 1 and plans[0].items == (PlanItem(name="Walking", amount=20),)


def test_plan_day_refuses_a_plan_that_does_not_fit_and_writes_nothing(journal: Journal) -> None:
    walking(journal)
    with pytest.raises(ValidationError):
        pacing.plan_day(journal, TODAY, ["walking:2000"], today=TODAY)
    with pytest.raises(ValidationError) as caught:
        pacing.plan_day(journal, TODAY + timedelta(days=400), ["walking"], today=TODAY)
    assert caught.value.field == "date"
    assert journal.list(DayPlan) == []
    assert journal.get_single(PaceSettings) is None


def test_usual_plan_keeps_settings_changed_meanwhile(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    walking(app)
    shown = pacing.load_pacing_view(app, TODAY)
    assert shown.data.settings.rest_min == 10
    pacing.change_settings(shell, {"rest_min": 25, "daily_budget": 90})
    pacing.plan_day(app, TODAY, ["walking:40"], today=TODAY, as_default=True)
    stored = Journal.open(data_dir).get_single(PaceSettings)
    assert stored is not None
    assert stored.default_plan == (PlanItem(name="Walking", amount=40),)
    assert (stored.rest_min, stored.daily_budget) == (25, 90)


def test_plan_day_reads_a_name_alone_against_the_baseline_as_it_is_now(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    walking(app)
    pacing.step_up_baseline(shell, "Walking", now=NOW)
    saved = pacing.plan_day(app, TODAY, ["walking"], today=TODAY)
    assert saved.items == (PlanItem(name="Walking", amount=22),)


def test_clear_plan(journal: Journal) -> None:
    walking(journal)
    assert pacing.clear_plan(journal, TODAY, today=TODAY) is False
    pacing.plan_day(journal, TODAY, ["walking"], today=TODAY)
    pacing.plan_day(journal, TODAY, ["walking:40"], today=TODAY, as_default=True)
    assert pacing.clear_plan(journal, TODAY, today=TODAY) is True
    assert journal.list(DayPlan) == []
    assert pacing.load_settings(journal).default_plan == (PlanItem(name="Walking", amount=40),)
    assert pacing.clear_plan(journal, TODAY, today=TODAY, as_default=True) is True
    assert pacing.load_settings(journal).default_plan == ()


# -- settings ---------------------------------------------------------------------------------
def test_change_settings_changes_only_the_given_fields_and_checks(journal: Journal) -> None:
    assert pacing.change_settings(journal, {}).rest_min == 10
    assert journal.get_single(PaceSettings) is None  # showing writes nothing
    changed = pacing.change_settings(journal, {"pain_rise": 3})
    assert (changed.pain_rise, changed.rest_min) == (3, 10)
    with pytest.raises(ValidationError) as caught:
        pacing.change_settings(journal, {"rest_min": 999})
    assert caught.value.field == "rest_min"
    assert pacing.load_settings(journal).rest_min == 10


def test_a_settings_form_from_an_old_copy_keeps_changes_made_meanwhile(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    base = pacing.load_settings(app)  # the form opened
    pacing.change_settings(shell, {"rest_min": 25})
    typed = replace(base, pain_rise=4)  # what the form returns
    pacing.change_settings(app, pacing.settings_changes(base, typed), base=base)
    stored = pacing.load_settings(Journal.open(data_dir))
    assert (stored.pain_rise, stored.rest_min) == (4, 25)


def test_a_setting_changed_both_here_and_meanwhile_is_not_overwritten(data_dir: Path) -> None:
    app, shell = two_journals(data_dir)
    base = pacing.load_settings(app)
    pacing.change_settings(shell, {"rest_min": 25})
    with pytest.raises(ChangedElsewhereError):
        pacing.change_settings(app, {"rest_min": 5, "pain_rise": 4}, base=base)
    stored = pacing.load_settings(Journal.open(data_dir))
    assert (stored.rest_min, stored.pain_rise) == (25, 2)


@given(st.fixed_dictionaries({}, optional={
    "boom_ratio": st.sampled_from([1.2, 2.0]), "pain_rise": st.integers(1, 6),
    "rest_min": st.integers(0, 240), "daily_budget": st.none() | st.integers(1, 1440),
    "day_hours": st.integers(4, 24)}))
def test_settings_changes_are_exactly_the_fields_that_differ(changes: dict[str, object]) -> None:
    base = PaceSettings()
    found = pacing.settings_changes(base, replace(base, **changes))  # type: ignore[arg-type]
    assert found == {k: v for k, v in changes.items() if getattr(base, k) != v}


# -- reading ----------------------------------------------------------------------------------
def test_read_models_for_the_screen_the_card_and_the_commands(journal: Journal) -> None:
    empty = pacing.load_pacing_card(journal, TODAY)
    assert empty.data.baselines == [] and empty.view is not None and not empty.view.schedule.steps
    walking(journal)
    pacing.plan_day(journal, TODAY, ["walking:40"], today=TODAY)
    pacing.log_activity(journal, "walking", 20, at=NOW, now=NOW)
    card = pacing.load_pacing_card(journal, TODAY)
    assert card.view is not None and card.view.rows[0].logged == 20
    view = pacing.load_pacing_view(journal, TODAY)
    assert view.day is not None and view.problem == "" and view.signal_text
    assert pacing.load_day(journal, TODAY).schedule == view.day.schedule
    timer = pacing.load_timer(journal, "WALKING")
    assert (timer.baseline.name, timer.rest_min) == ("Walking", 10)
    assert pacing.activity_names(journal) == ["Walking"]
    assert pacing.load_insights(journal, TODAY, 7).data.start == TODAY - timedelta(days=6)


def test_a_usual_plan_that_no_longer_fits_is_shown_with_a_note(journal: Journal) -> None:
    walking(journal)
    pacing.plan_day(journal, TODAY, ["walking:300"], today=TODAY, as_default=True)
    pacing.change_settings(journal, {"day_hours": 4})
    view = pacing.load_pacing_view(journal, TODAY)
    card = pacing.load_pacing_card(journal, TODAY)
    assert view.day is not None and card.view is not None
    assert any("waking day of 4 hours" in note for note in view.day.schedule.notes)
    assert card.view.schedule.notes == view.day.schedule.notes


def test_loads_work_at_the_edges_of_the_calendar(journal: Journal) -> None:
    assert pacing.load_insights(journal, date(1, 1, 3), 90).data.start == date.min
