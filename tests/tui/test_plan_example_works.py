"""Issue 18 item 11: the day plan's example is one that works. A fixed 'Walking:30, Reading:20'
was refused without a Reading baseline; the form's example is made from the person's own
baselines (the demo's, and odd ones), and typing it in is accepted."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from paceapp.core.pacing import Baseline, parse_plan_items, set_baseline
from paceapp.core.plan_example import NO_BASELINES, plan_example
from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.pacing_forms import PlanForm
from tests.tui.pilot_helpers import settle

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_plan_example_works")


TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo_baselines(tmp_path_factory: pytest.TempPathFactory) -> list[Baseline]:
    folder = tmp_path_factory.mktemp("plan-example") / "demo"
    write_demo(folder, 56, TODAY)
    return Journal.open(folder).list(Baseline)


def odd_baselines() -> list[list[Baseline]]:
    at = datetime(2026, 11, 1, 9).astimezone()
    one = [set_baseline("Tai chi", "gentle", [20], at)[0]]
    counted = [set_baseline("Stairs", "gentle", [8], at, unit="count")[0],
               set_baseline("Ironing", "gentle", [600], at)[0]]
    return [one, counted, [*one, *counted]]


def test_the_example_is_accepted_for_every_set_of_baselines(demo_baselines: list[Baseline]) -> None:
    assert demo_baselines, "the demo has baselines"
    for baselines in [demo_baselines, *odd_baselines()]:
        example = plan_example(baselines)
        items = parse_plan_items([example], baselines)
        assert {i.name for i in items} <= {b.name for b in baselines}
        assert "Reading" not in example
    assert plan_example([]) == NO_BASELINES


async def test_the_form_shows_an_example_that_saves(demo_baselines: list[Baseline],
                                              data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for baselines in [demo_baselines, *odd_baselines()]:
            results: list[Any] = []
            form = PlanForm(baselines, (), TODAY)
            app.push_screen(form, results.append)
            await settle(app, pilot)
            box = form.query_one("#items", Input)
            example = box.placeholder
            hint = " ".join(str(s.render()) for s in form.query(Static))
            assert "Reading" not in hint + example
            assert example in hint, (example, hint)
            box.value = example
            box.focus()
            await pilot.press("enter")
            await settle(app, pilot)
            assert results and results[0] is not None, example
            assert {i.name for i in results[0].items} <= {b.name for b in baselines}
        empty = PlanForm([], (), TODAY)
        app.push_screen(empty)
        await settle(app, pilot)
        assert "Reading" not in empty.query_one("#items", Input).placeholder
