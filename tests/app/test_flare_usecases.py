"""Flare-up use-cases (paceapp.app.flare): one flare-up going at most and none overlapping,
checked against the flare-ups as stored now, inside the transaction that writes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.app import flare as flare_app
from paceapp.core.errors import ValidationError
from paceapp.core.flare import Flare, new_plan
from paceapp.store.journal import Journal

NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal.open(tmp_path / "data")


def test_start_then_end_with_the_plan_and_triggers_to_show(journal: Journal) -> None:
    flare_app.save_plan(journal, new_plan(first_steps="Heat pad"))
    old = flare_app.start_flare(journal, NOW - timedelta(days=9), NOW, triggers=["Stress"])
    flare_app.end_flare(journal, NOW - timedelta(days=8), NOW)
    started = flare_app.start_flare(journal, NOW - timedelta(hours=2), NOW, peak=7, note="bad")
    assert started.plan is not None and started.plan.first_steps == "Heat pad"
    assert started.known_triggers == ["Stress"]
    assert flare_app.going(journal) == started.flare
    assert flare_app.load_card(journal, TODAY) == (started.flare, started.plan)
    ended = flare_app.end_flare(journal, NOW, NOW, helped="rest", peak=8)
    assert (ended.flare.id, ended.flare.ended, ended.flare.helped, ended.flare.peak) == (
        started.flare.id, NOW, "rest", 8)
    assert flare_app.going(journal) is None
    assert [f.id for f in flare_app.load_flares(journal)] == [old.flare.id, started.flare.id]


def test_a_second_one_going_is_refused_and_nothing_is_written(journal: Journal) -> None:
    flare_app.start_flare(journal, NOW - timedelta(hours=3), NOW)
    with pytest.raises(ValidationError) as caught:
        flare_app.start_flare(journal, NOW - timedelta(hours=1), NOW)
    assert caught.value.field == "started"
    assert len(flare_app.load_flares(journal)) == 1


def test_ending_with_none_going_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        flare_app.end_flare(journal, NOW, NOW)
    assert caught.value.field == "ended"


@pytest.mark.parametrize("hours", [(5, 3), (7, 5), (4.5, 4), (8, 2)])
def test_a_form_cannot_add_one_overlapping_another(journal: Journal,
                                                    hours: tuple[float, float]) -> None:
    flare_app.start_flare(journal, NOW - timedelta(hours=6), NOW)
    flare_app.end_flare(journal, NOW - timedelta(hours=4), NOW)
    start, end = (NOW - timedelta(hours=h) for h in hours)
    with pytest.raises(ValidationError):
        flare_app.add_flare(journal, Flare(started=start, ended=end))
    assert len(flare_app.load_flares(journal)) == 1


# -- fresh data inside the lock -------------------------------------------------------------------
def test_one_started_elsewhere_after_the_form_read_is_seen_when_saving(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    shown = flare_app.going(here)  # the card: none going
    flare_app.start_flare(Journal.open(tmp_path / "data"), NOW - timedelta(hours=1), NOW)
    assert shown is None
    with pytest.raises(ValidationError):
        flare_app.add_flare(here, Flare(started=NOW - timedelta(minutes=30)))
    assert len(flare_app.load_flares(here)) == 1


def test_ending_in_a_form_keeps_a_note_written_elsewhere_meanwhile(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    opened = flare_app.start_flare(here, NOW - timedelta(hours=5), NOW, note="first").flare
    elsewhere = Journal.open(tmp_path / "data")
    elsewhere.update(dataclasses.replace(opened, note="written in the shell"))
    ended = dataclasses.replace(opened, ended=NOW, helped="rest")
    flare_app.change_flare(here, ended, opened)
    (stored,) = flare_app.load_flares(Journal.open(tmp_path / "data"))
    assert (stored.ended, stored.helped, stored.note) == (NOW, "rest", "written in the shell")


def test_the_plan_editor_applies_only_the_parts_changed_in_it(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    opened = flare_app.save_plan(here, new_plan(first_steps="Heat", restart="Slowly"))
    flare_app.set_plan_text(Journal.open(tmp_path / "data"),
                            "# First steps\nHeat\n# How to restart\nBad-day amounts\n")
    flare_app.save_plan(here, new_plan(first_steps="Heat and rest", restart="Slowly"), opened)
    plan = flare_app.load_plan(here)
    assert plan is not None and (plan.first_steps, plan.restart) == ("Heat and rest",
                                                                     "Bad-day amounts")


def test_the_card_finds_the_one_going_started_over_a_year_ago(journal: Journal) -> None:
    long_ago = NOW - timedelta(days=400)
    flare_app.start_flare(journal, long_ago, NOW)
    card = flare_app.load_card(journal, TODAY)
    assert card.current is not None and card.current.started == long_ago and card.plan is None
    assert flare_app.load_card(journal, date(2026, 11, 21)).current == card.current
