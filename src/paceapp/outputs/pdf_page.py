"""What every printed page shares: A4 in millimetres, black on white, the bundled DejaVu Sans
(regular and bold, with its licence in outputs/fonts) and how a character the font lacks is shown.

Accents, dashes, curly quotes and many symbols print as written; a character the font lacks is
shown as '□' (never dropped silently, never an error). The pages are written by our own small
writer (`outputs.pdf_writer`, standard library only), which lays text out as fpdf2 did.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Container
from functools import cache

from paceapp.outputs import truetype
from paceapp.outputs.pdf_writer import Document

FONT = "DejaVu"
MISSING = "□"
PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm


def font_path(name: str) -> str:
    """A bundled font file (next to this module: paceapp is installed as plain files, and
    importlib.resources would cost more to import than the whole PDF writer)."""
    return os.path.join(os.path.dirname(__file__), "fonts", name)


def new_a4(title: str, margin: float, doc_class: type[Document] = Document,
           ) -> tuple[Document, frozenset[int]]:
    """A new A4 document (no page yet) with both font styles added, and the characters both
    styles can draw."""
    regular, bold = _fonts()
    pdf = doc_class(width=PAGE_W, height=PAGE_H, margin=margin, title=title, creator="paceapp")
    pdf.add_font(FONT, "", regular)
    pdf.add_font(FONT, "B", bold)
    return pdf, _drawable()


@cache
def _fonts() -> tuple[truetype.TrueTypeFont, truetype.TrueTypeFont]:
    return (truetype.load(font_path("DejaVuSans.ttf")),
            truetype.load(font_path("DejaVuSans-Bold.ttf")))


@cache
def _drawable() -> frozenset[int]:
    regular, bold = _fonts()
    return frozenset(regular.cmap.keys() & bold.cmap.keys())


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
