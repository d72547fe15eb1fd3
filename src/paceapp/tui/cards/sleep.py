"""Today's sleep card: last night's time asleep and sleep efficiency; `s` logs (or changes) it.

Naps (`n` logs one) are shown on their own line, never inside the night figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.sleep import SleepCardView, load_sleep_card, save_nap, save_night
from paceapp.core.figures import percent_text
from paceapp.core.nap import Nap, NapSummary
from paceapp.core.sleep import SE_NAME, SleepNight
from paceapp.core.timeparse import local_now, show_minutes
from paceapp.tui.cards.base import TodayCard
from paceapp.tui.hints import phrased


def nap_card_line(today: NapSummary | None, week: NapSummary | None) -> str:
    """'Naps (apart from the nights): 1 today (40 min); 2 in the last 7 days, 1 h 10 min in
    all.' ('' without naps in the last 7 days)."""
    if week is None or week.count == 0:
        return ""
    text = "Naps (apart from the nights): "
    if today is not None and today.count:
        text += f"{today.count} today ({show_minutes(today.total_min)}); "
    return f"{text}{week.count} in the last 7 days, {show_minutes(week.total_min)} in all."


class SleepCard(TodayCard):
    KEYS = (("s", "log_sleep", "Sleep diary"), ("n", "log_nap", "Log a nap"))
    ESSENTIAL = True

    def compose(self) -> ComposeResult:
        yield Static("Sleep diary", classes="card-title")
        yield Static("Loading…", id="sleep-text", markup=False)
        yield self.key_buttons()

    def load(self, journal: Journal, today: date) -> SleepCardView:
        return load_sleep_card(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, SleepCardView)
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
            se = night.se_exact
            efficiency = f", {SE_NAME} {percent_text(se)}" if se is not None else ""
            quality = f", {night.quality.words}" if night.quality else ""
            lines.append(f"Last night: asleep {show_minutes(night.tst_min)}{efficiency}"
                         f"{quality}. Press s to change it.")
        if data.week.nights_logged > 1:
            lines.append(data.week.sentence())
        if naps := nap_card_line(data.naps_today, data.naps_week):
            lines.append(naps)
        self.query_one("#sleep-text", Static).update("\n".join(lines))

    def action_log_sleep(self) -> None:
        from paceapp.tui.screens.sleep_form import SleepForm, describe_night

        data: SleepCardView | None = getattr(self, "data", None)
        editing = data.last_night if data else None
        defaults = data.latest if data else None

        def saved(night: SleepNight | None) -> None:
            if night is not None:
                new = editing is None or night.id != editing.id  # another morning: a new night
                self.pace.save(lambda j: phrased(save_night)(j, night, now=local_now(), new=new,
                                                             base=editing),
                               f"Saved: {describe_night(night)}.")

        self.app.push_screen(SleepForm(editing, defaults=defaults, other_morning_is_new=True), saved)

    def action_log_nap(self) -> None:
        from paceapp.tui.screens.nap_form import NapForm, nap_saved_message

        def saved(nap: Nap | None) -> None:
            if nap is not None:
                self.pace.save(lambda j: phrased(save_nap)(j, nap, now=local_now(), new=True),
                               nap_saved_message(nap, new=True))

        self.app.push_screen(NapForm(), saved)


CARD = SleepCard
