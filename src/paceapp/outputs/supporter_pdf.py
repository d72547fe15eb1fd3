"""The supporter page as a PDF: exactly one A4 page, black on white, large clear type.

DejaVu Sans is bundled (outputs/fonts, with its licence), so accents, curly quotes and many
symbols print as written; a character the font lacks is shown as '□' (never dropped silently).
The type is 12 pt when the page fits, else a little smaller (down to 10 pt); when even that does
not fit, the page stops where the sheet does and says so (`CLIPPED`). Every part is capped
(`core.supporter.PART_MAX`), so that takes a very full page.
"""

from __future__ import annotations

from collections.abc import Container

from paceapp.core.supporter import CRISIS_LEAD, OWN_WORDS, SupporterContent, crisis_lines, whose
from paceapp.core.timeparse import local_day, show_date
from paceapp.outputs.pdf_page import FONT, PAGE_H, PAGE_W, new_a4, printable
from paceapp.outputs.pdf_writer import Document

MARGIN = 15.0
BOTTOM = 14.0
SIZES = (12.0, 11.0, 10.0)
CLIPPED = "Some of this page did not fit on one sheet; ask me for the rest."


def _new_pdf() -> tuple[Document, frozenset[int]]:
    pdf, drawable = new_a4("How to help me", MARGIN)
    pdf.add_page()
    return pdf, drawable


class _Layout:
    """Draws (or only measures) the page at one type size; with `limit`, stops at the foot."""

    def __init__(self, pdf: Document, cmap: Container[int], size: float, measure: bool,
                 limit: float | None = None) -> None:
        self.pdf, self.cmap, self.size, self.measure, self.limit = pdf, cmap, size, measure, limit
        self.line = size * 0.43  # mm per line
        self.clipped = False

    def safe(self, text: str) -> str:
        return printable(text, self.cmap)

    def text(self, text: str, *, size: float | None = None, bold: bool = False,
             indent: float = 0.0, after: float = 0.0) -> None:
        pdf = self.pdf
        size = size or self.size
        line = size * 0.43
        pdf.set_font(FONT, "B" if bold else "", size)
        width = PAGE_W - 2 * MARGIN - indent
        height = pdf.text_height(width, line, self.safe(text))
        if self.limit is not None and (self.clipped or pdf.get_y() + height > self.limit):
            self.clipped = True
            return
        if self.measure:
            pdf.set_y(pdf.get_y() + height)
        else:
            pdf.set_x(MARGIN + indent)
            pdf.multi_cell(width, line, self.safe(text))
        pdf.set_y(pdf.get_y() + after)

    def heading(self, text: str) -> None:
        if self.limit is not None and (self.clipped or self.pdf.get_y() + 3 * self.line
                                       > self.limit):
            self.clipped = True  # a heading is never left alone at the foot
            return
        self.pdf.set_y(self.pdf.get_y() + self.line * 0.5)
        self.text(text, size=self.size + 1.5, bold=True)
        if not self.measure and not self.clipped:
            y = self.pdf.get_y() + 0.3
            self.pdf.set_line_width(0.3)
            self.pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
        self.pdf.set_y(self.pdf.get_y() + 1.2)

    def draw(self, content: SupporterContent) -> float:
        pdf = self.pdf
        pdf.set_y(MARGIN)
        self.text(f"How to help {content.name}", size=self.size + 7, bold=True)
        self.text(f"Shared {show_date(local_day(content.shared_at))}", after=1.0)
        for section in content.sections:
            self.heading(section.heading)
            for raw in section.text.splitlines():
                self.text(raw, indent=4)
        self.limit = None  # the crisis contacts and the foot are always on the page
        if self.clipped:
            self.text(CLIPPED, bold=True)
        self.tail(content)
        return pdf.get_y()

    def tail(self, content: SupporterContent) -> None:
        """The crisis contacts (when ticked) and the own-words line: never left off."""
        if content.crisis:
            self.heading("Crisis contacts")
            self.text(CRISIS_LEAD.format(whose=whose(content.name)))
            for line in crisis_lines():
                self.text("• " + line, indent=4)
        if not content.sections and not content.crisis:
            self.text("(Nothing ticked.)")
        self.pdf.set_y(self.pdf.get_y() + self.line)
        self.text(OWN_WORDS.format(whose=whose(content.name)), size=max(self.size - 1, 9))


def render_pdf(content: SupporterContent) -> bytes:
    """The PDF bytes: exactly one A4 page."""
    foot = PAGE_H - BOTTOM
    for size in SIZES:
        pdf, cmap = _new_pdf()
        if _Layout(pdf, cmap, size, measure=True).draw(content) <= foot:
            pdf, cmap = _new_pdf()
            _Layout(pdf, cmap, size, measure=False).draw(content)
            return pdf.output()
    pdf, cmap = _new_pdf()
    measure = _Layout(pdf, cmap, SIZES[-1], measure=True)
    pdf.set_y(0)
    measure.text(CLIPPED, bold=True)
    measure.tail(content)
    reserve = pdf.get_y() + 2.0
    pdf, cmap = _new_pdf()
    _Layout(pdf, cmap, SIZES[-1], measure=False, limit=foot - reserve).draw(content)
    return pdf.output()
