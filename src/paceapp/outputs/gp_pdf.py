"""The GP sheet as a print-ready PDF: exactly one A4 page, black on white, large clear type.

Body text is 11 pt DejaVu Sans (bundled in outputs/fonts, with its licence), which covers accents,
dashes, curly quotes and many symbols; a character the font lacks is shown as '□' (never dropped
silently, never an error). The layout is measured first; when the sheet would not fit, it is
shortened by the stated rules (core.gp_sheet.SHORTENING_RULES) and the page says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Container
from pathlib import Path

from paceapp.core.gp_sheet import LEVELS, Sheet, SheetItem, shortened_note
from paceapp.outputs.gp_sheet import HEADINGS, TITLE, SheetInputs, _med_line
from paceapp.outputs.pdf_page import FONT, PAGE_H, PAGE_W, new_a4, printable
from paceapp.outputs.pdf_writer import Document

MARGIN = 13.0
BOTTOM = 11.0
BODY_PT = 11.0
LINE = 4.7  # mm per body line (11 pt x about 1.21)
ANSWER_GAP = 7.5  # mm between the lines left for writing on
MIN_ANSWER_LINES = 3
HEADING = 8.2  # mm a section heading takes
#: Said at the foot of the list when even the shortest level had more than the page holds.
CLIPPED = "Some of the list did not fit on this page. The rest is on my list at home."
#: Where the list must stop so the last note, the notes heading and the writing space still fit.
CLIP_AT = PAGE_H - BOTTOM - MIN_ANSWER_LINES * ANSWER_GAP - HEADING - 2 * LINE - 1.0


def text_height(pdf: Document, width: float, line: float, text: str) -> float:
    """How tall `text` is, wrapped to `width` with `line` high lines (measured, not drawn)."""
    return pdf.text_height(width, line, text)


class _Page:
    """Draws (or, with measure=True, only measures) the sheet on one page."""

    def __init__(self, pdf: Document, cmap: Container[int], measure: bool,
                 limit: float | None = None) -> None:
        self.pdf, self.cmap, self.measure = pdf, cmap, measure
        #: With a limit, a block that would run past it (and all after it) is left off.
        self.limit = limit
        self.clipped = False

    def room_for(self, height: float) -> bool:
        if self.limit is None:
            return True
        if self.clipped or self.pdf.get_y() + height > self.limit:
            self.clipped = True
        return not self.clipped

    def safe(self, text: str) -> str:
        return printable(text, self.cmap)

    def text(self, text: str, size: float = BODY_PT, style: str = "", indent: float = 0.0,
             line: float = LINE, after: float = 0.0) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, style, size)
        pdf.set_x(MARGIN + indent)
        width = PAGE_W - 2 * MARGIN - indent
        if self.measure or self.limit is not None:
            height = text_height(pdf, width, line, self.safe(text))
            if not self.room_for(height):
                return
        if self.measure:
            pdf.set_y(pdf.get_y() + height)
        else:
            pdf.multi_cell(width, line, self.safe(text))
        if after:
            pdf.set_y(pdf.get_y() + after)

    def heading(self, text: str) -> None:
        pdf = self.pdf
        if not self.room_for(HEADING + LINE):
            return
        pdf.set_y(pdf.get_y() + 1.6)
        self.text(text, 12.5, "B", line=5.6)
        if not self.measure:
            pdf.set_line_width(0.3)
            pdf.line(MARGIN, pdf.get_y() + 0.3, PAGE_W - MARGIN, pdf.get_y() + 0.3)
        pdf.set_y(pdf.get_y() + 1.0)

    def bullet(self, text: str, style: str = "", mark: str = "•", size: float = BODY_PT) -> None:
        pdf = self.pdf
        y = pdf.get_y()
        if self.limit is not None:
            pdf.set_font(FONT, style, size)
            height = text_height(pdf, PAGE_W - 2 * MARGIN - 8, LINE, self.safe(text))
            if not self.room_for(height):
                return
        if not self.measure:
            pdf.set_font(FONT, style, size)
            pdf.set_xy(MARGIN + 1, y)
            pdf.cell(7, LINE, self.safe(mark))
        pdf.set_y(y)
        self.text(text, size, style, indent=8)

    def concern(self, number: int, item: SheetItem, top: bool) -> None:
        self.bullet(item.text, "B" if top else "", f"{number}.", 11.5 if top else BODY_PT)
        detail = item.detail
        if item.carried:
            detail = (detail + " " if detail else "") + f"(carried over, {item.carried})"
        if detail:
            self.text(detail, indent=8)
        self.pdf.set_y(self.pdf.get_y() + 0.5)

    def draw(self, sheet: Sheet) -> float:
        """Lay out the sheet; return the y (mm) where the space for notes starts."""
        pdf = self.pdf
        pdf.set_y(MARGIN - 3)
        self.text(f"{TITLE} – {sheet.when}", 17, "B", line=7.5)
        who = [f"Name: {sheet.name}" if sheet.name else "",
               f"Practice: {sheet.practice}" if sheet.practice else "",
               f"Seeing: {sheet.clinician}" if sheet.clinician else ""]
        if any(who):
            self.text("   ·   ".join(w for w in who if w))
        note = shortened_note(sheet)
        if note:
            self.text(note, BODY_PT, "B")
        self.heading(HEADINGS["top"])
        if not sheet.concerns:
            self.text("(none written yet)", indent=8)
        for number, item in enumerate(sheet.top, 1):
            self.concern(number, item, top=True)
        if sheet.also:
            self.text(f"{HEADINGS['also']}:", style="B")
            for number, item in enumerate(sheet.also, len(sheet.top) + 1):
                self.concern(number, item, top=False)
        if sheet.more_concerns:
            self.text(f"+ {sheet.more_concerns} more on my full list", indent=8)
        self.heading(f"{HEADINGS['health']}")
        self.text(sheet.period_text)
        for line in sheet.health:
            self.bullet(line)
        self.heading(HEADINGS["doing"])
        for line in sheet.doing:
            self.bullet(line)
        if sheet.tried:
            self.bullet(f"{HEADINGS['tried']}: {sheet.tried}")
        self.heading(HEADINGS["meds"])
        if not sheet.medicines:
            self.text("(none listed)", indent=8)
        for med in sheet.medicines:
            self.bullet(_med_line(med))
        if sheet.more_medicines:
            self.text(f"+ {sheet.more_medicines} more on my full list", indent=8)
        self.heading(HEADINGS["questions"])
        if not sheet.questions:
            self.text("(none yet)", indent=8)
        for question in sheet.questions:
            self.bullet(question)
        if sheet.more_questions:
            self.text(f"+ {sheet.more_questions} more on my full list", indent=8)
        self.heading(HEADINGS["matters"])
        if sheet.what_matters:
            self.text(sheet.what_matters)
        else:
            self.rules(2)
        if sheet.last_agreed:
            self.heading(HEADINGS["agreed"])
            self.text(sheet.last_agreed)
        if self.clipped:
            self.limit = None
            pdf.set_y(max(pdf.get_y(), 0) + 1.0)
            self.text(CLIPPED, style="B")
        self.limit = None
        self.heading(HEADINGS["notes"])
        return pdf.get_y()

    def rules(self, count: int) -> None:
        pdf = self.pdf
        for _ in range(count):
            pdf.set_y(pdf.get_y() + ANSWER_GAP)
            if not self.measure:
                pdf.set_line_width(0.2)
                pdf.line(MARGIN, pdf.get_y(), PAGE_W - MARGIN, pdf.get_y())


def fits_room(end_y: float) -> bool:
    return end_y + MIN_ANSWER_LINES * ANSWER_GAP <= PAGE_H - BOTTOM


def render_pdf(inputs: SheetInputs) -> tuple[bytes, Sheet]:
    """The PDF bytes (exactly one A4 page) and the sheet content that is on it.

    The sheet in full is drawn straight away (most lists fit); only when it does not fit is a
    fresh page measured level by level (core.gp_sheet.SHORTENING_RULES) and the first that fits drawn.
    """
    pdf, cmap = _started()
    sheet = inputs.sheet(0)
    page = _Page(pdf, cmap, measure=False)
    end = page.draw(sheet)
    if not fits_room(end):
        pdf, cmap = _started()
        fits, too_tall = False, sheet
        for level in range(1, LEVELS):
            sheet = inputs.sheet(level)
            if dataclasses.replace(sheet, level=too_tall.level) == too_tall:
                continue  # this level shortened nothing: the same page, just as tall
            too_tall = sheet
            fits = fits_room(_Page(pdf, cmap, measure=True).draw(sheet))
            if fits:
                break
        # Even the shortest level may be too tall for text with very wide letters: then the
        # list stops where the page does, and the page says so (CLIPPED).
        page = _Page(pdf, cmap, measure=False, limit=None if fits else CLIP_AT)
        end = page.draw(sheet)
    room = int((PAGE_H - BOTTOM - end) // ANSWER_GAP)
    page.rules(max(room, 0))
    return pdf.output(), sheet


def _started() -> tuple[Document, frozenset[int]]:
    pdf, drawable = new_a4(TITLE, MARGIN)
    pdf.add_page()
    return pdf, drawable


def write_pdf(inputs: SheetInputs, path: Path) -> Sheet:
    from paceapp.outputs.gp_sheet import save_file

    data, sheet = render_pdf(inputs)
    save_file(path, data)
    return sheet
