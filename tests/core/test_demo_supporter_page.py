"""The demo person has a supporter page (issue 20): Sam's own words for what does not help and a
bad day, the rest following the flare-up plan, the private note kept off the page; fixed words,
so every other demo record is as before."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import paceapp.demo as demo
from paceapp.core.supporter import SupporterPage
from paceapp.demo import build, write_demo
from paceapp.demo.person import DemoPerson
from paceapp.demo.supporter import BAD_DAY, PRIVATE_NOTE, UNHELPFUL
from tests.conftest import run_paceapp
from tests.core.demo_summaries import summaries

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T14:00")


@pytest.mark.parametrize("days", [1, 30, 365])
def test_sam_has_one_valid_supporter_page_written_in_the_past(days: int) -> None:
    pages = [s for s in build(days, TODAY).singles if isinstance(s, SupporterPage)]
    assert len(pages) == 1
    [page] = pages
    page.validate()
    assert page.unhelpful and page.bad_day and "private_note" not in page.parts
    assert page.created <= DemoPerson(days, TODAY).now
    assert page.created.date() >= TODAY - timedelta(days=days - 1)


def test_every_other_demo_record_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    def others() -> list[tuple[str, dict[str, str]]]:
        data = build(120, TODAY)
        return summaries(r for r in data.records + data.singles
                         if not isinstance(r, SupporterPage))

    with_page = others()
    monkeypatch.setattr(demo, "GENERATOR_MODULES",
                        tuple(m for m in demo.GENERATOR_MODULES if m != "paceapp.demo.supporter"))
    assert others() == with_page


def test_the_demo_page_shows_sams_words_and_the_plan_but_not_the_private_note(
        tmp_path: Path) -> None:
    write_demo(tmp_path, 60, TODAY)
    ran = run_paceapp("share", "supporter", "--name", "Sam", "--format", "text", "--out", "-",
                      data=tmp_path, env={"PACEAPP_NOW": "2026-11-21T14:00"})
    assert ran.code == 0, ran.err
    page = " ".join(ran.out.split())
    for words in (UNHELPFUL, BAD_DAY):
        assert all(line in page for line in words.splitlines())
    assert "Heat pad, 20 minutes at a time" in page  # what helps: from the flare-up plan
    assert "Stiff lower back" in page                # the signs: from the flare-up plan
    assert PRIVATE_NOTE not in page
