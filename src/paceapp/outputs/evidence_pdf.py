"""The assessment summary as a print-ready PDF: at most two A4 pages, black on white, 11 pt.

The same bundled DejaVu Sans font as the GP sheet (outputs/fonts) covers accents, dashes, curly
quotes and many symbols; a character the font lacks is shown as '□' (never dropped silently). The
summary is drawn in full first; when it runs past two pages it is drawn again at the next
shortening level (`outputs.evidence.SHORTENING`), and the first page says what was shortened. If
even the last level is too long (a very long list of activities), the activities stop where the
second page does, the page says so, and the help with forms is always kept at the end.
"""

from __future__ import annotations

from pathlib import Path

from paceapp.core.evidence import ABOUT, TITLE, Evidence
from paceapp.outputs.evidence import LEVELS, Block, blocks, save_file
from paceapp.outputs.gp_pdf import text_height
from paceapp.outputs.pdf_page import FONT, PAGE_H, PAGE_W, new_a4, printable
from paceapp.outputs.pdf_writer import Document

MARGIN = 13.0
BOTTOM = 12.0
BODY_PT = 11.0
LINE = 4.6  # mm per body line (11 pt x about 1.18)
MAX_PAGES = 2
#: Said where the activities stop when even the shortest level is longer than two pages.
CLIPPED = ("Some activities did not fit on two pages. They are all in the text version "
           "(paceapp evidence).")

#: kind -> (size pt, style, indent mm, line mm, space before mm)
STYLE: dict[str, tuple[float, str, float, float, float]] = {
    "title": (16.0, "B", 0.0, 7.0, 0.0),
    "heading": (12.5, "B", 0.0, 5.8, 3.5),
    "activity": (BODY_PT, "B", 0.0, LINE, 1.8),
    "how": (BODY_PT, "", 5.0, LINE, 0.2),
    "quote": (BODY_PT, "", 11.0, LINE, 0.0),
    "bullet": (BODY_PT, "", 6.0, LINE, 0.4),
    "day": (BODY_PT, "B", 0.0, LINE, 1.0),
    "line": (BODY_PT, "", 0.0, LINE, 1.2),
    "note": (BODY_PT, "B", 0.0, LINE, 1.2),
}


class _Paged(Document):
    def footer(self) -> None:
        """'Page 1 of 2' at the foot, so printed pages that get apart can be matched."""
        self.set_y(PAGE_H - 9.5)
        self.set_font(FONT, "", 9)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")


class _Doc:
    """Draws blocks top to bottom over at most MAX_PAGES A4 pages."""

    def __init__(self, measure: bool = False) -> None:
        pdf, drawable = new_a4(TITLE, MARGIN, _Paged)
        pdf.add_page()
        pdf.set_y(MARGIN)
        self.pdf: Document = pdf
        self.cmap = drawable
        self.overflow = False
        #: Only measure (no drawing): finding the level that fits is then quick.
        self.measure = measure
        self.heights: dict[int, float] = {}

    def safe(self, text: str) -> str:
        return printable(text, self.cmap)

    def height(self, block: Block) -> float:
        known = self.heights.get(id(block))
        if known is not None:
            return known
        size, style, indent, line, before = STYLE[block.kind]
        self.pdf.set_font(FONT, style, size)
        height = text_height(self.pdf, PAGE_W - 2 * MARGIN - indent, line,
                             self.safe(block.text))
        self.heights[id(block)] = height + before
        return self.heights[id(block)]

    def put(self, block: Block, keep: float = 0.0, limit: float = PAGE_H - BOTTOM) -> bool:
        """Draw `block` (with `keep` mm of what follows on the same page); False when it would
        need a page past the last (nothing drawn, `overflow` set)."""
        if self.overflow:
            return False
        pdf = self.pdf
        size, style, indent, line, before = STYLE[block.kind]
        need = self.height(block)
        if pdf.get_y() + need + keep > limit:
            if pdf.page_no() >= MAX_PAGES:
                self.overflow = True
                return False
            pdf.add_page()
            pdf.set_y(MARGIN)
            before = 0.0
        pdf.set_y(pdf.get_y() + before)
        if self.measure:
            pdf.set_y(pdf.get_y() + need - STYLE[block.kind][4])
            if block.kind in ("heading", "title"):
                pdf.set_y(pdf.get_y() + 1.4)
            return True
        pdf.set_font(FONT, style, size)
        pdf.set_x(MARGIN + indent)
        pdf.multi_cell(PAGE_W - 2 * MARGIN - indent, line, self.safe(block.text))
        if block.kind in ("heading", "title"):
            pdf.set_line_width(0.3 if block.kind == "heading" else 0.5)
            pdf.line(MARGIN, pdf.get_y() + 0.4, PAGE_W - MARGIN, pdf.get_y() + 0.4)
            pdf.set_y(pdf.get_y() + 1.4)
        return True

    def draw(self, items: list[Block]) -> bool:
        """All the blocks; False when they do not fit on MAX_PAGES pages."""
        for index, block in enumerate(items):
            keep = 0.0
            if block.kind in ("heading", "activity", "day", "how") and index + 1 < len(items):
                keep = self.height(items[index + 1])  # a heading never ends a page
            if not self.put(block, keep):
                return False
        return True

    def draw_clipped(self, items: list[Block]) -> None:
        """The blocks up to where two pages end, then CLIPPED, then the tail (from ABOUT on:
        what this is, and the help with forms) always."""
        cut = next((i for i, b in enumerate(items) if b.text == ABOUT), len(items))
        body, tail = items[:cut], items[cut:]
        clipped = Block("note", CLIPPED)
        tail_height = sum(self.height(b) for b in [clipped, *tail]) + 4.0
        for index, block in enumerate(body):
            keep = 0.0
            if block.kind in ("heading", "activity", "day", "how") and index + 1 < len(body):
                keep = self.height(body[index + 1])
            last = self.pdf.page_no() >= MAX_PAGES
            if not self.put(block, keep, PAGE_H - BOTTOM - (tail_height if last else 0.0)):
                break
        self.overflow = False
        for block in [clipped, *tail]:
            self.put(block)

    def output(self) -> bytes:
        return self.pdf.output()


def render_pdf(evidence: Evidence) -> tuple[bytes, int]:
    """The PDF bytes (one or two A4 pages) and the shortening level used (0: in full)."""
    for level in range(LEVELS):
        items = blocks(evidence, level)
        if _Doc(measure=True).draw(items):
            doc = _Doc()
            doc.draw(items)
            return doc.output(), level
    doc = _Doc()
    doc.draw_clipped(blocks(evidence, LEVELS - 1))
    return doc.output(), LEVELS - 1


def write_pdf(evidence: Evidence, path: Path, *, force: bool = False) -> tuple[Path, int]:
    data, level = render_pdf(evidence)
    return save_file(path, data, force=force), level
