"""What every printed page shares: A4 in millimetres, black on white, the bundled DejaVu Sans
(regular and bold, with its licence in outputs/fonts) and how a character the font lacks is shown.

fpdf2's built-in fonts are Latin-1 only, so the TTF is always used: accents, dashes, curly quotes
and many symbols print as written; a character the font lacks is shown as '□' (never dropped
silently, never an error). fpdf2 is imported inside `new_a4` (it costs about 0.2 s), so quick
commands stay quick.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "DejaVu"
MISSING = "□"
PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm


def font_path(name: str) -> str:
    return str(resources.files("paceapp.outputs").joinpath("fonts", name))


def new_a4(title: str, margin: float, pdf_class: type[FPDF] | None = None) -> tuple[FPDF, set[int]]:
    """A new A4 document (no page yet) with both font styles added, and the characters both
    styles can draw."""
    from fpdf.fonts import TTFFont

    if pdf_class is None:
        from fpdf import FPDF

        pdf_class = FPDF
    pdf = pdf_class(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(margin, margin, margin)
    pdf.add_font(FONT, "", font_path("DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", font_path("DejaVuSans-Bold.ttf"))
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_title(title)
    pdf.set_creator("paceapp")
    regular, bold = pdf.fonts[FONT.lower()], pdf.fonts[FONT.lower() + "B"]
    assert isinstance(regular, TTFFont) and isinstance(bold, TTFFont)  # both added from TTFs above
    return pdf, set(regular.cmap) & set(bold.cmap)


def printable(text: str, drawable: Container[int]) -> str:
    """`text` as the font can draw it: new lines kept, joiners and variation selectors dropped
    (nothing to show on their own), any other missing character shown as `MISSING`."""
    out = []
    for char in text:
        if char == "\n" or ord(char) in drawable:
            out.append(char)
        elif unicodedata.category(char) in ("Mn", "Me", "Cf") or char == "\ufe0f":
            continue
        else:
            out.append(MISSING)
    return "".join(out)
