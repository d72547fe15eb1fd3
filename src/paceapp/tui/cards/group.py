"""Today: the group's next meeting, who coordinates, and the newest card from a peer."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from paceapp.app.folder import Journal
from paceapp.app.group import GroupData, load_group_card
from paceapp.core.sharing import coordinator_words, next_meeting, shared_ago
from paceapp.core.timeparse import show_date
from paceapp.tui.cards.base import TodayCard


def group_lines(data: GroupData) -> list[str]:
    lines = []
    plan = data.plan
    if plan is None:
        lines.append("No group plan yet. Press 6 for Group to write when and where you meet.")
    else:
        upcoming = next_meeting(plan, data.today)
        if upcoming is None:
            lines.append(f"Meeting: {plan.rhythm or 'no date set'}.")
        else:
            when = "today" if upcoming == data.today else show_date(upcoming)
            at = f" at {plan.meet_time:%H:%M}" if plan.meet_time else ""
            where = f", {plan.place}" if plan.place else ""
            lines.append(f"Next meeting: {when}{at}{where}.")
        lines.append(coordinator_words(plan, data.today))
    if data.newest is not None:
        card = data.newest.card
        lines.append(f"{data.members} card{'s' if data.members != 1 else ''} on your board; "
                     f"newest from {data.newest_name or card.display_name}, "
                     f"{shared_ago(card.shared_on, data.today).removeprefix('shared ')}.")
    return lines


class GroupCard(TodayCard):
    KEYS = ()

    def compose(self) -> ComposeResult:
        yield Static("Peer group", classes="card-title")
        yield Static("Loading…", id="group-card-text", markup=False)

    def load(self, journal: Journal, today: date) -> GroupData:
        return load_group_card(journal, today)

    def show(self, data: Any) -> None:
        assert isinstance(data, GroupData)
        self.query_one("#group-card-text", Static).update("\n".join(group_lines(data)))


CARD = GroupCard
