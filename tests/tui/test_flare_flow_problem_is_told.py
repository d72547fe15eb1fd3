"""The flare-up keys on Today (f and w) read the journal first: when that read fails in a way
paceapp did not expect, the person is told in calm words (and it is logged) rather than the key
seeming to do nothing; and no form or plan opens on a failed read."""

from __future__ import annotations

from pathlib import Path

import pytest

from paceapp.app import flare as flare_app
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.flare_form import FlareForm
from paceapp.tui.screens.flare_plan import FlarePlanView
from tests.tui.pilot_helpers import settle


@pytest.mark.parametrize(("key", "reader"), [("f", "going"), ("w", "load_plan")])
async def test_a_failed_read_is_told(data_dir: Path, monkeypatch: pytest.MonkeyPatch, key: str,
                               reader: str) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(flare_app, reader, broken)
    told: list[str] = []

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(app, "tell_problem", told.append)
        await pilot.press(key)
        await settle(app, pilot)
        assert not isinstance(app.screen, (FlareForm, FlarePlanView))

    assert len(told) == 1 and "did not expect" in told[0], told
