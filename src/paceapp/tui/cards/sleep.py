"""Today's sleep card: last night's time asleep and sleep efficiency; `s` logs (or changes) it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.core.sleep import SleepNight, SleepSummary, summarise_sleep
from paceapp.core.timeparse import show_minutes
from paceapp.store.journal import Journal
from paceapp.tui.cards.base import TodayCard


class SleepCardData(NamedTuple):
    today: date
    last_night: SleepNight | None
    latest: SleepNight | None
    week: SleepSummary


def load_sleep(journal: Journal, today: date) -> SleepCardData:
    """Last night (this morning's entry), the latest night before it and the last 7 nights."""
    recent = journal.list(SleepNight, since=today - timedelta(days=60), until=today)
    last_night = next((n for n in recent if n.date == today), None)
    earlier = [n for n in recent if n.date < today]
    week = summarise_sleep(recent, today - timedelta(days=6), today)
    return SleepCardData(today, last_night, earlier[-1] if earlier else last_night, week)


class SleepCard(TodayCard):
    KEYS = (("s", "log_sleep", "Sleep diary"),)
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("Sleep diary", classes="card-title")
        yield Static("Loading…", id="sleep-text", markup=False)

    def load(self, journal: Journal, today: date) -> SleepCardData:
        return load_sleep(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, SleepCardData)
        self.data = data
        lines = []
        night = data.last_night
        if night is None:
            filled = " - your last times are filled in" if data.latest is not None else ""
            lines.append(f"Last night is not logged yet. Press s{filled}.")
        elif night.tst_min is None:  # logged without the times (e.g. only how it felt)
            quality = f" ({night.quality.words})" if night.quality else ""
            lines.append(f"Last night is logged{quality}. To see time asleep, press s and add "
                         "the times.")
        else:
            se = night.se_pct
            efficiency = f", sleep efficiency {se:.1f}%" if se is not None else ""
            quality = f", {night.quality.words}" if night.quality else ""
            lines.append(f"Last night: asleep {show_minutes(night.tst_min)}{efficiency}"
                         f"{quality}. Press s to change it.")
        if data.week.nights_logged > 1:
            lines.append(data.week.sentence())
        self.query_one("#sleep-text", Static).update("\n".join(lines))

    def action_log_sleep(self) -> None:
        from paceapp.tui.screens.sleep_form import SleepForm, add_or_update_night, describe_night

        data: SleepCardData | None = getattr(self, "data", None)
        editing = data.last_night if data else None
        defaults = data.latest if data else None

        def saved(night: SleepNight | None) -> None:
            if night is not None:
                new = editing is None or night.id != editing.id  # another morning: a new night
                self.pace.save(lambda j: add_or_update_night(j, night, new=new),
                               f"Saved: {describe_night(night)}.")

        self.app.push_screen(SleepForm(editing, defaults=defaults, other_morning_is_new=True), saved)


CARD = SleepCard
