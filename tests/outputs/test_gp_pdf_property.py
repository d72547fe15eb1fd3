"""Whatever the list holds (within its limits, in any script), the PDF is one A4 page and the
text sheet fits 80 columns - and what was left off is said on the page."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paceapp.core.gp import (
    CONCERN_MAX,
    DETAIL_MAX,
    MATTERS_MAX,
    MAX_ITEMS,
    MAX_MEDICINES,
    MED_FIELD_MAX,
    MED_NAME_MAX,
    MED_NOTE_MAX,
    QUESTION_MAX,
    TRIED_MAX,
    Appointment,
    GpItem,
    Medicine,
)
from paceapp.core.gp_sheet import LEVELS, Period, SummaryLines
from paceapp.outputs.gp_pdf import render_pdf
from paceapp.outputs.gp_sheet import WIDTH, SheetInputs, cell_width, text_lines
from tests.outputs.test_gp_sheet import above_the_writing_space

TODAY = date(2026, 11, 21)
# Letters from several scripts, digits, punctuation, wide characters and emoji, and spaces.
ALPHABET = st.sampled_from(list("abcdefghij ÉéñøßŁżΩωЖж漢字😀–—“”‘’…<>[]*_#&0123456789    "))


def words(limit: int, required: bool = False) -> st.SearchStrategy[str]:
    return st.text(ALPHABET, min_size=1 if required else 0, max_size=limit).map(
        lambda t: " ".join(t.split())).filter(lambda t: t or not required)


ITEMS = st.lists(st.builds(lambda t, d: GpItem(text=t, detail=d), words(CONCERN_MAX, True),
                           words(DETAIL_MAX)), max_size=MAX_ITEMS)
QUESTIONS = st.lists(st.builds(lambda t: GpItem(text=t), words(QUESTION_MAX, True)),
                     max_size=MAX_ITEMS)
MEDS = st.lists(st.builds(lambda n, d, o, f, w: Medicine(name=n, dose=d, how_often=o,
                                                         what_for=f, worries=w),
                          words(MED_NAME_MAX, True), words(MED_FIELD_MAX), words(MED_FIELD_MAX),
                          words(MED_NOTE_MAX), words(MED_NOTE_MAX)), max_size=MAX_MEDICINES)
SENTENCE = st.text(ALPHABET, min_size=20, max_size=700).map(lambda t: " ".join(t.split()) or "x")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(ITEMS, QUESTIONS, MEDS, words(MATTERS_MAX), words(TRIED_MAX),
       st.lists(SENTENCE, min_size=4, max_size=4), st.lists(SENTENCE, min_size=2, max_size=2))
def test_any_list_is_one_a4_page(concerns: list[GpItem], questions: list[GpItem],
                                 meds: list[Medicine], matters: str, tried: str,
                                 health: list[str], doing: list[str]) -> None:
    appt = Appointment(visit_date=TODAY + timedelta(days=3), concerns=tuple(concerns),
                       questions=tuple(questions), what_matters=matters, tried=tried)
    inputs = SheetInputs(appt, meds, Period(TODAY - timedelta(days=27), TODAY, "the last 4 weeks"),
                         SummaryLines(tuple(health), tuple(doing)), TODAY,
                         last_agreed="Physio referral made.")
    data, sheet = render_pdf(inputs)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(reader.pages[0].extract_text().split())
    if sheet.level > 0:
        assert "Shortened to fit one page" in text
    if sheet.more_concerns:
        assert f"+ {sheet.more_concerns} more on my full list" in text
    lines = text_lines(inputs.sheet(sheet.level))
    assert all(cell_width(line) <= WIDTH for line in lines)
    assert above_the_writing_space(reader)


def test_the_very_worst_case_is_still_one_page() -> None:
    """Every list full, every field at its limit in wide letters, very long summary sentences."""
    wide = "Ж"
    appt = Appointment(
        visit_date=TODAY, clinician=wide * 80,
        concerns=tuple(GpItem(text=wide * CONCERN_MAX, detail=wide * DETAIL_MAX)
                       for _ in range(MAX_ITEMS)),
        questions=tuple(GpItem(text=wide * QUESTION_MAX) for _ in range(MAX_ITEMS)),
        what_matters=wide * MATTERS_MAX, tried=wide * TRIED_MAX)
    meds = [Medicine(name=wide * MED_NAME_MAX, dose=wide * MED_FIELD_MAX,
                     how_often=wide * MED_FIELD_MAX, what_for=wide * MED_NOTE_MAX,
                     worries=wide * MED_NOTE_MAX) for _ in range(MAX_MEDICINES)]
    sentence = "Goals: " + "a long plan name, " * 60
    inputs = SheetInputs(appt, meds, Period(TODAY - timedelta(days=27), TODAY, "the last 4 weeks"),
                         SummaryLines((sentence,) * 4, (sentence,) * 2), TODAY,
                         name=wide * 120, practice=wide * 120, last_agreed=wide * 600)
    data, sheet = render_pdf(inputs)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 and sheet.level == LEVELS - 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Shortened to fit one page" in text and "Notes - what we agree today" in text
    assert "Some of the list did not fit on this page" in text  # the wide letters need it
    assert above_the_writing_space(reader)

