"""Group: the board of peers' cards, paste-to-import, sharing my card, and the group plan.

Everything a peer wrote is shown as plain text (`markup=False`, `plain()`), never as markup.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from paceapp.app.group import BoardView, load_board, remove_peer
from paceapp.app.supporter import remove_copy
from paceapp.core.sharing import (
    GroupPlan,
    PeerCard,
    coordinator_words,
    next_meeting,
    progress_words,
    shared_ago,
)
from paceapp.core.supporter import SupporterCopy
from paceapp.core.timeparse import local_day, local_now, show_date
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of

#: The row key prefix of a supporter page on the board.
COPY_ROW = "supporter:"
#: The board's keys, each also a button, in this order.
KEYS = ("group-import", "group-share", "group-plan", "group-view", "group-remove",
        "group-calendar", "group-supporter")


def plan_summary(plan: GroupPlan | None, today: date) -> str:
    if plan is None:
        return "Group plan: none yet. Press p to write when and where you meet, and who coordinates."
    upcoming = next_meeting(plan, today)
    when = f"next meeting {show_date(upcoming)}" if upcoming else f"meeting: {plan.rhythm or 'not set'}"
    if upcoming and plan.meet_time:
        when += f" at {plan.meet_time:%H:%M}"
    where = f", {plan.place}" if plan.place else ""
    return f"Group plan: {when}{where}. {coordinator_words(plan, today)}"


class GroupScreen(SectionScreen):
    MODE = "group"
    BINDINGS = [
        Binding("i", "import", "Paste a card", id="group-import"),
        Binding("s", "share", "Share my card", id="group-share"),
        Binding("p", "plan", "Group plan", id="group-plan"),
        Binding("v", "view", "View card", id="group-view"),
        Binding("delete,x", "remove", "Remove", id="group-remove", key_display="x"),
        Binding("k", "calendar", "Add to calendar", id="group-calendar"),
        Binding("h", "supporter", "How to help me", id="group-supporter"),
    ]
    CSS_PATH = "group.tcss"

    view: BoardView | None = None

    def compose_body(self) -> ComposeResult:
        yield Static("Group", id="group-title", classes="section-title", markup=False)
        yield ListTable(id="board")
        yield Static("", id="member-detail", markup=False)
        yield Static("", id="plan-summary", markup=False)
        yield ActionButtons(self, bindings_of(self, *KEYS), compact=True, id="group-buttons")

    def on_mount(self) -> None:
        table = self.query_one("#board", DataTable)
        table.add_columns("Member", "Shared", "This week")
        table.focus()
        self.reload()

    def reload(self) -> None:
        journal = self.journal
        today = local_now().date()
        self.load_then(lambda: load_board(journal, today), self.show_view)

    def show_view(self, view: BoardView) -> None:
        self.view = view
        count = len(view.peers)
        self.query_one("#group-title", Static).update(
            f"Group · {count} member{'s' if count != 1 else ''} on your board (peers' cards are "
            "read-only)")
        table = self.query_one("#board", DataTable)
        chosen = self.selected()
        table.clear()
        for peer in view.peers:
            card = peer.card
            week = "; ".join(f"{g.what} {g.done_this_week}/{g.target_this_week}"
                             for g in card.goals) or "no goals this week"
            table.add_row(plain(view.names[peer.id]),
                          plain(shared_ago(card.shared_on, view.today).removeprefix("shared ")),
                          plain(week), key=peer.id)
        for copy in view.copies:  # pages people shared with me: read-only, Enter to read
            table.add_row(plain(f"How to help {(view.copy_names or {}).get(copy.id, copy.name)}"),
                          plain(shared_ago(local_day(copy.shared_at), view.today)
                                .removeprefix("shared ")),
                          plain("their supporter page (read-only): Enter to read"),
                          key=COPY_ROW + copy.id)
        if not view.peers and not view.copies:
            table.add_row(plain("No cards yet"), plain(""),
                          plain("Press i and paste a message a group member sent you."),
                          key="empty")
        elif chosen is not None and chosen.id in {p.id for p in view.peers}:
            table.move_cursor(row=[p.id for p in view.peers].index(chosen.id))
        self.query_one("#plan-summary", Static).update(plan_summary(view.plan, view.today))
        self.show_detail()

    def selected(self) -> PeerCard | None:
        if self.view is None:
            return None
        table = self.query_one("#board", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.view.peers if p.id == key), None)

    def selected_copy(self) -> SupporterCopy | None:
        if self.view is None:
            return None
        table = self.query_one("#board", DataTable)
        if table.row_count == 0:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((c for c in self.view.copies if COPY_ROW + c.id == key), None)

    @on(DataTable.RowHighlighted, "#board")
    def show_detail(self) -> None:
        peer = self.selected()
        detail = self.query_one("#member-detail", Static)
        copy = self.selected_copy()
        if copy is not None and self.view is not None:
            name = (self.view.copy_names or {}).get(copy.id, copy.name)
            detail.update(Content(f"How to help {name}: the page they shared with you. "
                                  "Enter or v reads it; x removes it."))
            return
        if peer is None or self.view is None:
            detail.update("Share your card with s; paste a peer's message with i.")
            return
        card = peer.card
        goals = "; ".join(f"{g.what}: {progress_words(g)}" for g in card.goals)
        text = f"{self.view.names[peer.id]}: {goals or 'no goals this week'}."
        if card.note:
            text += f" Note: {card.note}"
        detail.update(text)

    # -- actions ---------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#board")
    def row_chosen(self) -> None:
        self.action_view()

    def action_import(self) -> None:
        from paceapp.tui.screens.group_import import ImportScreen

        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False, timeout=6)
                self.reload()

        self.app.push_screen(ImportScreen(), done)

    def action_share(self) -> None:
        from paceapp.tui.screens.group_share import open_card_share

        open_card_share(self)

    def action_plan(self) -> None:
        from paceapp.tui.screens.group_plan import GroupPlanScreen

        plan = self.view.plan if self.view else None
        own_name = self.view.own_name if self.view else ""
        self.app.push_screen(GroupPlanScreen(plan, own_name), lambda _result: self.reload())

    def action_supporter(self) -> None:
        from paceapp.tui.screens.supporter import open_supporter

        open_supporter(self)

    def action_view(self) -> None:
        copy = self.selected_copy()
        if copy is not None and self.view is not None:
            from paceapp.tui.screens.supporter import SupporterCopyScreen

            name = (self.view.copy_names or {}).get(copy.id, copy.name)
            self.app.push_screen(SupporterCopyScreen(copy, name))
            return
        peer = self.selected()
        if peer is None or self.view is None:
            self.notify("Choose a member in the list first (arrow keys or click).", markup=False)
            return
        from paceapp.tui.screens.group_card import PeerCardScreen

        self.app.push_screen(PeerCardScreen(peer, self.view.names[peer.id], self.view.today))

    def action_remove(self) -> None:
        copy = self.selected_copy()
        if copy is not None and self.view is not None:
            self.remove_copy(copy)
            return
        peer = self.selected()
        if peer is None or self.view is None:
            self.notify("Choose a member in the list first (arrow keys or click).", markup=False)
            return
        from paceapp.tui.screens.confirm import ConfirmScreen

        name = self.view.names[peer.id]

        def answered(yes: bool | None) -> None:
            if yes:
                self.pace.save(lambda j: remove_peer(j, peer.id),
                               f"Removed {name}'s card from your board. Ctrl+Z brings it back.")

        self.app.push_screen(ConfirmScreen(f"Remove {name}'s card (and the earlier ones) from "
                                           "your board?"), answered)

    def remove_copy(self, copy: SupporterCopy) -> None:
        from paceapp.tui.screens.confirm import ConfirmScreen

        name = (self.view.copy_names or {}).get(copy.id, copy.name) if self.view else copy.name

        def answered(yes: bool | None) -> None:
            if yes:
                self.pace.save(lambda j: remove_copy(j, copy.id),
                               f"Removed the page 'How to help {name}'. Ctrl+Z brings it back.")

        self.app.push_screen(ConfirmScreen(f"Remove the page 'How to help {name}'?"), answered)

    def action_calendar(self) -> None:
        """Save the group's next meeting as a calendar file in the documents folder."""
        from paceapp.tui.calendar_save import meeting_calendar_event, save_event, saved_message

        journal = self.journal
        now = local_now()

        def show(where: Path) -> None:
            self.notify(saved_message("the group's next meeting", where), markup=False, timeout=12)

        self.load_then(lambda: save_event(meeting_calendar_event(journal, now.date()), now), show,
                       group="group-calendar")
