"""Issue 18 item 3 in the forms: dates are shown as people read them ("Mon 23 Nov 14:05", the
year only when far), hints are examples (never YYYY-MM-DD), and what is typed is read with the UK
grammar. For the pain, activity, flare-up and group-plan forms:

* a form opened on a record saves it back unchanged: the date shown reads back as the same
  moment (property-style over many dates: year boundaries, the nights the clocks change);
* '30/11', 'yesterday', '9pm' work;
* a nonsense date shows the accepted forms and changes nothing; a time still to come is refused
  for things that already happened, and allowed (a weekday is the coming one) for plans.

Tests run in Europe/London (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TextArea

from paceapp.core.flare import Flare
from paceapp.core.pacing import ActivityLog
from paceapp.core.pain import PainEntry
from paceapp.core.sharing import GroupPlan, RotaTurn
from paceapp.core.timeparse import local_moment
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.activity_form import ActivityForm
from paceapp.tui.screens.flare_form import FlareForm
from paceapp.tui.screens.group_plan import GroupPlanForm
from paceapp.tui.screens.pain_form import PainForm
from tests.tui.pilot_helpers import settle

NOW = datetime(2027, 1, 3, 12, 0)  # a Sunday, just after a year boundary
NOW_TEXT = "2027-01-03T12:00"

ISO = re.compile(r"\d{4}-\d{2}-\d{2}|YYYY|HH:MM", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW_TEXT)


def past_moments() -> list[datetime]:
    """Moments before NOW: this week, last year's end, the clock-change nights (both of the
    repeated hour), far back (the year is then shown), and odd minutes."""
    naive = [datetime(2027, 1, 3, 9, 5), datetime(2027, 1, 1, 0, 0), datetime(2026, 12, 31, 23, 59),
             datetime(2026, 12, 25, 14, 30), datetime(2026, 11, 30, 21, 0),
             datetime(2026, 10, 25, 0, 30), datetime(2026, 10, 25, 2, 0),
             datetime(2026, 3, 29, 0, 59), datetime(2026, 3, 29, 2, 0), datetime(2026, 3, 29, 3, 1),
             datetime(2026, 8, 3, 7, 7), datetime(2026, 7, 1, 12, 0), datetime(2025, 2, 28, 18, 45),
             datetime(2024, 2, 29, 6, 15)]
    moments = [local_moment(n) for n in naive]
    # both of the hour the clocks repeated (01:30 BST, then 01:30 GMT)
    moments += [local_moment(datetime(2026, 10, 25, 1, 30), choice=0),
                local_moment(datetime(2026, 10, 25, 1, 30), choice=1)]
    return moments


def flare_spans() -> list[tuple[datetime, datetime]]:
    """(started, ended) pairs that do not overlap each other."""
    moments = sorted(past_moments())
    return [(start, (start + timedelta(minutes=20)).astimezone()) for start in moments[::2]]


async def open_form(app: PaceApp, pilot: Any, form: Any) -> list[Any]:
    results: list[Any] = []
    app.push_screen(form, results.append)
    await settle(app, pilot)
    assert app.screen is form
    return results


def shown_text(form: Any) -> str:
    """Every value and placeholder in the form's boxes, and its labels and hints."""
    parts = []
    for box in form.query(Input):
        parts += [box.value, box.placeholder]
    for box in form.query(TextArea):
        parts.append(box.text)
    for text in form.query(Static):
        parts.append(str(text.render()))
    return "\n".join(parts)


def problem_of(form: Any) -> str:
    return "\n".join(str(p.render()) for p in form.query("Problem"))


async def save_by_keyboard(pilot: Any, form: Any, box_id: str) -> None:
    form.query_one(f"#{box_id}", Input).focus()
    await pilot.pause()
    await pilot.press("enter" if not isinstance(form, FlareForm) else "ctrl+s")


def run(data_dir: Path, scenario: Any) -> None:
    async def go() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await scenario(app, pilot)
    asyncio.run(go())


# -- a shown date reads back as the same moment ------------------------------------------------
def test_pain_form_saves_back_every_shown_moment(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        for at in past_moments():
            entry = PainEntry(score=4, at=at, where="knee")
            form = PainForm(entry)
            results = await open_form(app, pilot, form)
            shown = form.query_one("#when", Input).value
            assert not ISO.search(shown_text(form)), shown_text(form)
            assert re.match(r"^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}", shown), shown
            await save_by_keyboard(pilot, form, "when")
            await settle(app, pilot)
            assert results, (shown, problem_of(form))
            saved = results[0]
            assert saved.at == at and saved.at.utcoffset() == at.utcoffset(), (shown, saved.at)
    run(data_dir, scenario)


def test_activity_form_saves_back_every_shown_moment(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        for at in past_moments():
            log = ActivityLog(name="Walking", amount=10, unit="min", at=at)
            form = ActivityForm(log, units={"Walking": "min"})
            results = await open_form(app, pilot, form)
            shown = form.query_one("#when", Input).value
            assert not ISO.search(shown_text(form)), shown_text(form)
            await save_by_keyboard(pilot, form, "when")
            await settle(app, pilot)
            assert results, (shown, problem_of(form))
            assert results[0].at == at and results[0].at.utcoffset() == at.utcoffset(), shown
    run(data_dir, scenario)


def test_flare_form_saves_back_every_shown_moment(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        for started, ended in flare_spans():
            flare = Flare(started=started, ended=ended, peak=6)
            form = FlareForm(flare)
            results = await open_form(app, pilot, form)
            shown = (form.query_one("#started", Input).value, form.query_one("#ended", Input).value)
            assert not ISO.search(shown_text(form)), shown_text(form)
            await save_by_keyboard(pilot, form, "started")
            await settle(app, pilot)
            assert results, (shown, problem_of(form))
            assert (results[0].started, results[0].ended) == (started, ended), shown
            assert results[0].started.utcoffset() == started.utcoffset()
            assert results[0].ended.utcoffset() == ended.utcoffset()
    run(data_dir, scenario)


def plan_days() -> list[date]:
    today = NOW.date()
    return [today, today + timedelta(days=1), today + timedelta(days=6), today - timedelta(days=5),
            date(2026, 12, 31), date(2027, 1, 1), date(2026, 3, 29), date(2026, 10, 25),
            today + timedelta(days=149), today + timedelta(days=151), today - timedelta(days=151),
            date(2027, 12, 30), date(2028, 2, 29)]


def test_group_plan_form_saves_back_every_shown_day(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        days = plan_days()
        for day in days:
            plan = GroupPlan(first_meeting=day, every_weeks=2, meet_time=time(10, 30),
                             rota=(RotaTurn(name="Sam", start=day),
                                   RotaTurn(name="Jo", start=day + timedelta(days=14))))
            form = GroupPlanForm(plan)
            results = await open_form(app, pilot, form)
            assert not ISO.search(shown_text(form)), shown_text(form)
            rota = form.query_one("#plan-rota", TextArea).text
            assert rota.startswith("Sam from "), rota
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert results, (form.query_one("#plan-first", Input).value, rota, problem_of(form))
            saved = results[0]
            assert saved.first_meeting == day
            assert [(t.name, t.start) for t in saved.rota] == [
                ("Sam", day), ("Jo", day + timedelta(days=14))], rota
    run(data_dir, scenario)


# -- typing as people write -------------------------------------------------------------------
@pytest.mark.parametrize("typed, expected", [
    ("30/12", datetime(2026, 12, 30, 12, 0)),       # a day alone: midday
    ("yesterday", datetime(2027, 1, 2, 12, 0)),
    ("9am", datetime(2027, 1, 3, 9, 0)),
    ("yesterday 9pm", datetime(2027, 1, 2, 21, 0)),
    ("30/12 9:30pm", datetime(2026, 12, 30, 21, 30)),
    ("Fri 21:00", datetime(2027, 1, 1, 21, 0)),     # the last Friday
    ("31 Dec 11pm", datetime(2026, 12, 31, 23, 0)),  # across the year
])
def test_pain_and_activity_read_what_people_type(data_dir: Path, typed: str,
                                                 expected: datetime) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        form = PainForm()
        results = await open_form(app, pilot, form)
        form.query_one("#score", Input).value = "5"
        form.query_one("#when", Input).value = typed
        await save_by_keyboard(pilot, form, "when")
        await settle(app, pilot)
        assert results, problem_of(form)
        assert results[0].at == local_moment(expected)

        activity = ActivityForm(units={"Walking": "min"})
        results = await open_form(app, pilot, activity)
        activity.query_one("#name", Input).value = "Walking"
        activity.query_one("#amount", Input).value = "10"
        activity.query_one("#when", Input).value = typed
        await save_by_keyboard(pilot, activity, "when")
        await settle(app, pilot)
        assert results, problem_of(activity)
        assert results[0].at == local_moment(expected)
    run(data_dir, scenario)


def test_flare_start_reads_what_people_type(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        form = FlareForm()
        results = await open_form(app, pilot, form)
        form.query_one("#started", Input).value = "30/12 9pm"
        await save_by_keyboard(pilot, form, "started")
        await settle(app, pilot)
        assert results, problem_of(form)
        assert results[0].started == local_moment(datetime(2026, 12, 30, 21, 0))
    run(data_dir, scenario)


def test_group_plan_reads_weekdays_ahead(data_dir: Path) -> None:
    async def scenario(app: PaceApp, pilot: Any) -> None:
        form = GroupPlanForm(None)
        results = await open_form(app, pilot, form)
        form.query_one("#plan-first", Input).value = "Tue"
        form.query_one("#plan-time", Input).value = "10:30am"
        form.query_one("#plan-rota", TextArea).text = "Sam from 7 Jan\nJo from Tue 12 Jan"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert results, problem_of(form)
        assert results[0].first_meeting == date(2027, 1, 5)  # the coming Tuesday
        assert results[0].meet_time == time(10, 30)
        assert [(t.name, t.start) for t in results[0].rota] == [
            ("Sam", date(2027, 1, 7)), ("Jo", date(2027, 1, 12))]
    run(data_dir, scenario)


# -- refusals ---------------------------------------------------------------------------------
NONSENSE = ["yesterday whenever", "31/11", "soonish", "2027-13-01", "25pm"]


@pytest.mark.parametrize("typed", NONSENSE)
def test_nonsense_date_shows_the_forms_and_changes_nothing(data_dir: Path, typed: str) -> None:
    at = local_moment(datetime(2026, 12, 30, 8, 0))

    async def scenario(app: PaceApp, pilot: Any) -> None:
        forms = [(PainForm(PainEntry(score=4, at=at)), "when"),
                 (ActivityForm(ActivityLog(name="Walking", amount=10, unit="min", at=at),
                               units={"Walking": "min"}), "when"),
                 (FlareForm(Flare(started=at, peak=5)), "started"),
                 (FlareForm(), "started")]
        for form, box in forms:
            results = await open_form(app, pilot, form)
            form.query_one(f"#{box}", Input).value = typed
            await save_by_keyboard(pilot, form, box)
            await settle(app, pilot)
            assert results == [] and app.screen is form, typed
            problem = problem_of(form)
            assert "Write a day like" in problem or "not a time of day" in problem \
                or "not a real date" in problem, problem
            form.dismiss(None)
            await settle(app, pilot)
        plan = GroupPlanForm(None)
        results = await open_form(app, pilot, plan)
        plan.query_one("#plan-first", Input).value = typed
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert results == [] and app.screen is plan
        assert problem_of(plan).strip()
    run(data_dir, scenario)
    assert Journal.open(data_dir).list(PainEntry) == []


@pytest.mark.parametrize("typed", ["tomorrow", "9pm", "Sun 1pm", "1/1/2028"])
def test_a_time_still_to_come_is_refused_for_what_happened(data_dir: Path, typed: str) -> None:
    at = local_moment(datetime(2026, 12, 30, 8, 0))

    async def scenario(app: PaceApp, pilot: Any) -> None:
        forms = [(PainForm(), "when"), (PainForm(PainEntry(score=4, at=at)), "when"),
                 (ActivityForm(ActivityLog(name="Walking", amount=10, unit="min", at=at),
                               units={"Walking": "min"}), "when"),
                 (FlareForm(Flare(started=at, ended=at + timedelta(hours=1), peak=5)), "ended")]
        for form, box in forms:
            results = await open_form(app, pilot, form)
            if isinstance(form, PainForm) and form.entry is None:
                form.query_one("#score", Input).value = "5"
            form.query_one(f"#{box}", Input).value = typed
            await save_by_keyboard(pilot, form, box)
            await settle(app, pilot)
            assert results == [] and app.screen is form, (type(form).__name__, typed)
            assert "in the future" in problem_of(form)
            form.dismiss(None)
            await settle(app, pilot)
    run(data_dir, scenario)
