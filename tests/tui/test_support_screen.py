"""F2 Support reads cleanly at 60x20, 80x24 and 160x48: every contact whole, no phrase split.

The page was once one block wrapped to 76 columns and wrapped again by a narrower dialog, so
lines broke mid-phrase ("that / is / not an emergency").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from paceapp.core.safety import CRISIS_CONTACTS
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from tests.tui.pilot_helpers import settle


def drawn_lines(widget: Static) -> list[str]:
    width, height = widget.region.width, widget.region.height
    return ["".join(segment.text for segment in strip).rstrip()
            for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 48)])
async def test_every_contact_is_whole_on_its_own_lines(data_dir: Path, size: tuple[int, int]) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        contacts = [drawn_lines(w) for w in screen.query(".support-contact").results(Static)]
        whens = [drawn_lines(w) for w in screen.query(".support-when").results(Static)]
        assert len(contacts) == len(whens) == len(CRISIS_CONTACTS)
        for (who, how, when), contact, said in zip(CRISIS_CONTACTS, contacts, whens,
                                                   strict=True):
            assert [line.strip() for line in contact] == [f"{who}: {how}"], contact
            assert [line.strip() for line in said] == [f"{when}."], said
            widget = screen.query(".support-when").results(Static)
            assert all(w.region.right <= size[0] for w in widget)
        numbers = " ".join(line for lines in contacts for line in lines)
        assert "999" in numbers and "116 123" in numbers and "85258" in numbers
