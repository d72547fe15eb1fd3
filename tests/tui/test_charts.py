from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from paceapp.demo import write_demo
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.charts import ChartsScreen
from tests.tui.pilot_helpers import settle


async def test_charts_open_cycle_and_show_numbers(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    write_demo(data, 84, date.today())

    app = PaceApp(Journal.open(data))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("7")
        await settle(app, pilot)
        assert isinstance(app.screen, ChartsScreen)
        chart = lambda: str(app.screen.query_one("#chart", Static).content)  # noqa: E731
        assert "Pain, last 4 weeks" in chart() and "pain, daily average" in chart()
        await pilot.press("w")
        await settle(app, pilot)
        assert "Pain, last 12 weeks" in chart()
        await pilot.press("t")
        await settle(app, pilot)
        assert chart().startswith("Pain, last 12 weeks") and "date " in chart()
        assert "┤" not in chart()  # the numbers, not the drawing
        await pilot.press("t", "n")
        await settle(app, pilot)
        assert "Sleep, last 12 weeks" in chart()
        await pilot.click("#chart-activity")
        await settle(app, pilot)
        assert "Activity, last 12 weeks" in chart()
