"""Issue 8's walk-through with the mouse (Pilot): log pain, sleep and an activity, mark a goal
day, open the chart and switch to high contrast - by clicking. Typing numbers uses the keys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from paceapp.core.goals import GoalDay, new_plan
from paceapp.core.pacing import ActivityLog
from paceapp.core.pain import PainEntry
from paceapp.core.sleep import SleepNight
from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from tests.tui.pilot_helpers import settle


def counts(folder: Path) -> dict[str, int]:
    journal = Journal.open(folder)
    return {cls.KIND: journal.count(cls) for cls in (PainEntry, SleepNight, ActivityLog, GoalDay)}


async def test_walk_through_with_the_mouse(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    write_demo(folder, 28, date.today())
    # A fresh plan, so there is one not yet done today whatever the demo person did.
    Journal.open(folder).add(new_plan("water the pots", "5 minutes", "after breakfast", 3, 8,
                                      start=date.today()))
    before = counts(folder)
    had_tonight = any(n.day == date.today() for n in Journal.open(folder).list(SleepNight))

    app = PaceApp(Journal.open(folder))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.click("#key-log_pain")
        await pilot.pause()
        await pilot.click("#score-4")
        await pilot.click("#save")
        await settle(app, pilot)

        await pilot.click("#key-log_sleep")
        await pilot.pause()
        await pilot.click("#q-4")
        await pilot.click("#save")
        await settle(app, pilot)

        await pilot.click("#key-log_activity")
        await pilot.pause()
        await pilot.press("5")
        await pilot.click("#save")
        await settle(app, pilot)

        # Today is taller than the window: scroll the goals card into view (as the wheel would)
        app.screen.query_one("#key-mark_goal").scroll_visible(animate=False)
        await settle(app, pilot)
        await pilot.click("#key-mark_goal")
        await pilot.pause()
        row = [p.what for p in app.screen.plans].index("water the pots")
        await pilot.click("#plans", offset=(4, row + 1))  # +1: the list's top border
        await settle(app, pilot)

        await pilot.click("#nav-charts")
        await settle(app, pilot)
        assert app.current_mode == "charts"

        await pilot.click("FooterKey")  # the first footer key is F1 Help
        await pilot.pause()
        await pilot.click("#help-colours")
        await settle(app, pilot)
        assert app.theme == "paceapp-high-contrast"

    after = counts(folder)
    assert after["pain"] == before["pain"] + 1
    assert after["sleep"] == before["sleep"] + (0 if had_tonight else 1)
    assert after["activity"] == before["activity"] + 1
    assert after["goalday"] == before["goalday"] + 1
