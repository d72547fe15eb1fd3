"""One peer's card in full, with the earlier cards they shared. Read-only."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from paceapp.core.sharing import PeerCard, progress_words, shared_ago
from paceapp.core.timeparse import show_date
from paceapp.outputs.share import card_text
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import ActionButtons, bindings_of


def peer_text(peer: PeerCard, shown_name: str, today: date) -> str:
    lines = [card_text(peer.card), "",
             f"Shown on your board as {shown_name}; {shared_ago(peer.card.shared_on, today)}."]
    if peer.history:
        lines += ["", "Earlier cards:"]
        for old in peer.history:
            goals = "; ".join(f"{g.what}: {progress_words(g)}" for g in old.goals) or "no goals"
            lines.append(f"  {show_date(old.shared_on, today)} - {goals}")
    return "\n".join(lines)


class PeerCardScreen(FocusOnceLaidOut, ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "close", "Close", id="close", key_display="Esc")]

    def __init__(self, peer: PeerCard, shown_name: str, today: date) -> None:
        super().__init__()
        self.peer, self.shown_name, self.today = peer, shown_name, today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="peer-dialog"):
            yield Static(f"{self.shown_name}'s card (read-only)", classes="section-title",
                         markup=False)
            yield Static(peer_text(self.peer, self.shown_name, self.today), markup=False,
                         id="peer-text")
            yield ActionButtons(self, bindings_of(self, "close"), primary="close")

    def action_close(self) -> None:
        self.dismiss()
