"""The small TrueType reader behind the PDFs: both Unicode character maps a font may carry
(format 4 and format 12) read the same characters, and a subset keeps every glyph asked for and
every part of a composite glyph (é is 'e' plus an accent), with glyph ids unchanged."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from paceapp.outputs.pdf_page import font_path
from paceapp.outputs.truetype import TrueTypeFont

FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]


def subtable(font: TrueTypeFont, platform: int, encoding: int) -> int:
    cmap = font.table("cmap")
    for i in range(struct.unpack_from(">H", cmap, 2)[0]):
        p, e, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if (p, e) == (platform, encoding):
            return offset
    raise LookupError


@pytest.mark.parametrize("name", FONTS)
def test_format_4_and_format_12_maps_agree(name: str) -> None:
    font = TrueTypeFont(Path(font_path(name)).read_bytes())
    cmap = font.table("cmap")
    bmp = TrueTypeFont._cmap_4(cmap, subtable(font, 3, 1))
    full = TrueTypeFont._cmap_12(cmap, subtable(font, 3, 10))
    assert bmp == {c: g for c, g in full.items() if c <= 0xFFFF}
    assert len(bmp) > 5000 and font.cmap == full  # the fuller map is the one used
    for char in "aé£€ŵŷ“—□":
        assert ord(char) in font.cmap


def glyph_parts(data: bytes) -> list[int]:
    """The glyph ids a composite glyph is made of ([] for a simple glyph)."""
    if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
        return []
    parts, pos, flags = [], 10, 0x20
    while flags & 0x20:
        flags, part = struct.unpack_from(">HH", data, pos)
        parts.append(part)
        pos += 4 + (4 if flags & 1 else 2)
        pos += 2 if flags & 8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
    return parts


@pytest.mark.parametrize("name", FONTS)
def test_a_subset_keeps_the_glyphs_and_the_parts_of_composite_glyphs(name: str) -> None:
    font = TrueTypeFont(Path(font_path(name)).read_bytes())
    wanted = {font.cmap[ord(c)] for c in "éŵ£"}
    small = TrueTypeFont(font.subset(wanted))  # readable by the same reader
    loca, small_loca = font._loca(), small._loca()
    composite = [g for g in wanted if glyph_parts(font._glyph_data(loca, g))]
    assert composite, "é is a composite glyph in DejaVu"
    for gid in wanted:
        original = font._glyph_data(loca, gid)
        assert small._glyph_data(small_loca, gid).rstrip(b"\0") == original.rstrip(b"\0")
        for part in glyph_parts(original):
            assert small._glyph_data(small_loca, part), f"part {part} of glyph {gid} kept"
    assert small.advance(max(wanted)) == font.advance(max(wanted))
    assert not small._glyph_data(small_loca, font.cmap[ord("x")])  # others left out
    assert len(font.subset(wanted)) < len(font.data) / 10
