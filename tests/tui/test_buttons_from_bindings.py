"""Buttons are made from BINDINGS: each says the binding's description and key, and pressing it
does what the key does, so the buttons, the footer, Help and the palette cannot disagree."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button

from paceapp.tui.widgets import ActionButtons, bindings_of, button_label


class Sample(App[None]):
    BINDINGS = [Binding("e", "note('edit')", "Change", id="edit"),
                Binding("delete,x", "note('delete')", "Delete", id="delete", key_display="x"),
                Binding("f5", "note('other')", "Other", id="other")]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield ActionButtons(self, bindings_of(self, "edit", "delete"), primary="edit")

    def action_note(self, what: str) -> None:
        self.done.append(what)


async def test_a_button_says_its_binding_and_does_what_its_key_does() -> None:
    app = Sample()
    async with app.run_test() as pilot:
        buttons = list(app.query(Button))
        assert [str(b.label) for b in buttons] == ["Change (e)", "Delete (x)"]
        assert [b.id for b in buttons] == ["edit", "delete"]
        assert buttons[0].variant == "primary"
        await pilot.click("#delete")
        await pilot.press("e")
        await pilot.click("#edit")
        await pilot.pause()
        assert app.done == ["delete", "edit", "edit"]


def test_a_missing_binding_is_an_error() -> None:
    with pytest.raises(LookupError, match="no-such"):
        bindings_of(Sample, "edit", "no-such")


def test_a_label_shows_the_first_key_as_a_person_reads_it() -> None:
    assert button_label(Binding("escape,q,f2", "close", "Close")) == "Close (Esc)"
    assert button_label(Binding("f2", "support", "Support")) == "Support (F2)"
    assert button_label(Binding("y", "answer(True)", "Yes"), "Leave") == "Leave (y)"


def test_every_card_button_matches_a_today_key() -> None:
    """Each card's buttons come from its KEYS, which are also Today's keys for it."""
    from paceapp.tui.cards import card_classes
    from paceapp.tui.screens.today import TodayScreen

    today = {b.key: b.description for b in bindings_of(TodayScreen, *(
        b.id for b in Binding.make_bindings(TodayScreen.BINDINGS) if b.id))}
    for card in card_classes():
        for binding in card.key_bindings():
            assert today[binding.key] == binding.description, card.__name__
            assert binding.id == f"key-{binding.action}"
