"""Our PDF writer breaks lines exactly where fpdf2 (which paceapp used before) broke them, so
every page keeps the same lines and a long sheet shortens at the same level: word wrap at the cell
width measured with the font's advance widths (1 mm cell margin each side), a long word broken
where the line ends, a no-break space never a break. The expected lines below were made by fpdf2
2.8.9's `multi_cell`; when fpdf2 is installed, random text is compared with it directly."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.outputs.pdf_page import FONT, new_a4
from paceapp.outputs.pdf_writer import Document, wrap

LINE = 5.0

#: (style, size pt, cell width mm, text, the lines fpdf2 made)
PINNED = [
    ("", 11, 40.0, "Pain wakes me most nights and I am tired all day after",
     ["Pain wakes me", "most nights and I", "am tired all day", "after"]),
    ("B", 11, 40.0, "Pain wakes me most nights and I am tired all day after",
     ["Pain wakes me", "most nights and", "I am tired all day", "after"]),
    ("", 11, 30.0, "Supercalifragilisticexpialidocious antidisestablishmentarianism",
     ["Supercalifragi", "listicexpialido", "cious", "antidisestablis", "hmentarianis", "m"]),
    ("", 11, 40.0, "two  spaces   three    four     spaces here and there again",
     ["two  spaces   three", "   four     spaces", "here and there", "again"]),
    ("", 11, 184.0, "first line\nsecond line\n\nafter an empty line",
     ["first line", "second line", "", "after an empty line"]),
    ("", 12.5, 25.0, "non\u00a0breaking\u00a0space keeps\u00a0words together",
     ["non break", "ing space", "keeps wor", "ds", "together"]),
    ("", 17, 60.0, "My GP appointment – Fri 11 Dec 10:20",
     ["My GP", "appointment – Fri", "11 Dec 10:20"]),
    ("", 11, 26.4, "aaaa bbbb cccc dddd", ["aaaa bbbb", "cccc dddd"]),
]


def document() -> Document:
    pdf, _drawable = new_a4("Test", 13.0)
    pdf.add_page()
    return pdf


def our_lines(pdf: Document, style: str, size: float, width: float, text: str) -> list[str]:
    pdf.set_font(FONT, style, size)
    return [line.text.replace("\u00a0", " ") for line in wrap(text, pdf.font, size, width)]


@pytest.mark.parametrize(("style", "size", "width", "text", "expected"), PINNED)
def test_lines_break_where_fpdf2_broke_them(style: str, size: float, width: float, text: str,
                                            expected: list[str]) -> None:
    pdf = document()
    assert our_lines(pdf, style, size, width, text) == expected
    pdf.set_font(FONT, style, size)
    assert pdf.text_height(width, LINE, text) == pytest.approx(len(expected) * LINE)


def test_heights_and_positions_follow_the_lines() -> None:
    pdf = document()
    pdf.set_font(FONT, "", 11)
    assert pdf.text_height(100, LINE, "") == LINE  # an empty cell is still one line high
    pdf.set_y(50)
    assert pdf.multi_cell(40, LINE, PINNED[0][3]) == pytest.approx(4 * LINE)
    assert pdf.get_y() == pytest.approx(50 + 4 * LINE) and pdf.get_x() == 13.0
    pdf.multi_cell(100, LINE, "ends with a new line\n")  # as fpdf2: an empty line after it
    assert pdf.get_y() == pytest.approx(50 + 6 * LINE)
    pdf.set_xy(30, 10)
    pdf.cell(7, LINE, "•")
    assert (pdf.get_x(), pdf.get_y()) == (37, 10)


TEXT = st.text(st.sampled_from(list("abcdefghij klmnop  ÉéŵŷЖ–—“”‘’…£€.,\n\u00a0\u2009WMi")),
               max_size=400)


@cache
def fpdf2_page() -> Any:
    """fpdf2 set up as paceapp used it (parsing its fonts is slow: once)."""
    fpdf = pytest.importorskip("fpdf")
    from paceapp.outputs.pdf_page import font_path

    theirs = fpdf.FPDF(unit="mm", format="A4")
    theirs.add_font(FONT, "", font_path("DejaVuSans.ttf"))
    theirs.add_font(FONT, "B", font_path("DejaVuSans-Bold.ttf"))
    theirs.add_page()
    return theirs


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["", "B"]), st.sampled_from([9, 11, 12.5, 17]),
       st.sampled_from([12.0, 40.0, 100.5, 176.0, 184.0]))
def test_random_text_breaks_as_fpdf2_breaks_it(text: str, style: str, size: float,
                                               width: float) -> None:
    theirs = fpdf2_page()
    theirs.set_font(FONT, style, size)
    expected = theirs.multi_cell(width, LINE, text, dry_run=True, output="LINES")
    height = theirs.multi_cell(width, LINE, text, dry_run=True, output="HEIGHT")
    pdf = document()
    assert (our_lines(pdf, style, size, width, text) or [""]) == [
        line.replace("\u00a0", " ") for line in expected]
    pdf.set_font(FONT, style, size)
    assert pdf.text_height(width, LINE, text) == pytest.approx(height)
