"""When the full GP sheet does not fit, each shortening level is measured only if it changes
the page: a level that shortened nothing draws the same page, just as tall (measuring it again
cost about 30 ms a level on twenty years of demo data). The level chosen is the one measuring
every level would choose."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta
from typing import Any

import pypdf
import pytest

from paceapp.core.gp import MAX_ITEMS, MAX_MEDICINES, Appointment, GpItem, Medicine
from paceapp.core.gp_sheet import LEVELS, Period, Sheet, SummaryLines
from paceapp.outputs import gp_pdf
from paceapp.outputs.gp_sheet import SheetInputs

TODAY = date(2026, 11, 21)
PERIOD = Period(TODAY - timedelta(days=27), TODAY, "the last 4 weeks")


def inputs(concerns: int, meds: int, sentence: str, letter: str = "a") -> SheetInputs:
    appt = Appointment(visit_date=TODAY, concerns=tuple(
        GpItem(text=f"{letter * 40} {n}", detail=letter * 120) for n in range(concerns)),
        questions=tuple(GpItem(text=f"{letter * 60} {n}?") for n in range(concerns)),
        what_matters=letter * 200, tried=letter * 200)
    medicines = [Medicine(name=f"{letter * 20} {n}", dose="10 mg", how_often="twice a day",
                          what_for=letter * 60) for n in range(meds)]
    return SheetInputs(appt, medicines, PERIOD, SummaryLines((sentence,) * 4, (sentence,) * 2),
                       TODAY, last_agreed=letter * 300)


CASES = {
    "long summary, short lists": inputs(2, 1, "Pain: " + "steady most days, " * 40),
    "every list full": inputs(MAX_ITEMS, MAX_MEDICINES, "Sleep: about seven hours."),
    "every list full, wide letters": inputs(MAX_ITEMS, MAX_MEDICINES, "Goals: " + "a plan, " * 60,
                                            "Ж"),
}


def chosen_by_measuring_every_level(given: SheetInputs) -> int:
    pdf, cmap = gp_pdf._started()
    for level in range(LEVELS):
        if gp_pdf.fits_room(gp_pdf._Page(pdf, cmap, measure=True).draw(given.sheet(level))):
            return level
    return LEVELS - 1


@pytest.mark.parametrize("name", list(CASES))
def test_each_different_page_is_measured_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    given = CASES[name]
    measured: list[Sheet] = []
    real_draw = gp_pdf._Page.draw

    def draw(page: Any, sheet: Sheet) -> float:
        if page.measure:
            measured.append(dataclasses.replace(sheet, level=0))
        return real_draw(page, sheet)

    monkeypatch.setattr(gp_pdf._Page, "draw", draw)
    data, sheet = gp_pdf.render_pdf(given)
    monkeypatch.undo()
    assert len(measured) == len(set(map(repr, measured))), "the same page was measured twice"
    assert sheet.level == chosen_by_measuring_every_level(given)
    assert sheet.level > 0  # each case needs shortening, so the measuring is exercised
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert "Shortened to fit one page" in " ".join(reader.pages[0].extract_text().split())
