"""Just enough of a TrueType font for a PDF of text: its character map, advance widths and the
figures a PDF font descriptor needs, and a subset of the font with only the glyphs used.

Standard library only (struct, array), read once per process: reading the character map and the
widths of a bundled DejaVu font takes about a millisecond, against about 50 ms for fontTools.
"""

from __future__ import annotations

import struct
import sys
from array import array
from functools import cache

#: Tables a PDF renderer never reads (layout, kerning, bitmaps, vertical metrics, glyph names…):
#: left out of a subset. `cmap` goes too: with Identity-H, PDF text is glyph ids already.
_DROPPED = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "FFTM", "cmap", "hdmx",
            "LTSH", "VDMX", "vhea", "vmtx", "DSIG", "EBDT", "EBLC", "EBSC", "PCLT", "morx", "feat"}

# Composite glyph component flags (the OpenType 'glyf' table).
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


def _ushorts(data: bytes) -> array[int]:
    """Big-endian unsigned 16-bit values as an array (one C-speed byte swap)."""
    values = array("H", data)
    if sys.byteorder == "little":
        values.byteswap()
    return values


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    values = array("I", data)
    if sys.byteorder == "little":
        values.byteswap()
    return sum(values) & 0xFFFFFFFF


class TrueTypeFont:
    """One TrueType font file, read for drawing text in a PDF."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        count = struct.unpack_from(">H", data, 4)[0]
        self.tables: dict[str, tuple[int, int]] = {}
        for i in range(count):
            tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = (offset, length)
        head = self.table("head")
        self.units_per_em = struct.unpack_from(">H", head, 18)[0]
        self.bbox = struct.unpack_from(">4h", head, 36)
        self.long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        hhea = self.table("hhea")
        self.ascent, self.descent = struct.unpack_from(">hh", hhea, 4)
        self.metric_count = struct.unpack_from(">H", hhea, 34)[0]
        self.glyph_count = struct.unpack_from(">H", self.table("maxp"), 4)[0]
        os2 = self.table("OS/2")
        version, _avg, self.weight = struct.unpack_from(">HhH", os2, 0)
        self.cap_height = struct.unpack_from(">h", os2, 88)[0] if version >= 2 else self.ascent
        post = self.table("post")
        self.italic_angle = struct.unpack_from(">i", post, 4)[0] / 65536
        self.fixed_pitch = struct.unpack_from(">I", post, 12)[0] != 0
        self.name = self._postscript_name()
        self._hmtx = _ushorts(self.table("hmtx"))
        #: Advance width of each glyph id, in font units.
        self.advances = self._hmtx[0: 2 * self.metric_count: 2]
        self.cmap = self._read_cmap()
        self.scale = 1000 / self.units_per_em
        #: The width (1/1000 em, rounded as fpdf2 did) of a character the font lacks.
        self.missing_width = round(self.scale * self.advances[0])
        self._widths: dict[str, int] = {}

    def table(self, tag: str) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset: offset + length]

    def advance(self, glyph: int) -> int:
        return self.advances[min(glyph, self.metric_count - 1)]

    def glyph_width(self, glyph: int) -> int:
        """A glyph's advance in 1/1000 em, rounded half up (the PDF /W figure)."""
        return round(self.scale * self.advance(glyph) + 0.001)

    def char_width(self, char: str) -> int:
        """A character's advance in 1/1000 em (the missing width for one the font lacks)."""
        width = self._widths.get(char)
        if width is None:
            glyph = self.cmap.get(ord(char))
            width = self.missing_width if glyph is None else self.glyph_width(glyph)
            self._widths[char] = width
        return width

    def _postscript_name(self) -> str:
        name = self.table("name")
        _format, count, strings = struct.unpack_from(">HHH", name, 0)
        found = ""
        for i in range(count):
            platform, _enc, _lang, name_id, length, offset = struct.unpack_from(
                ">6H", name, 6 + 12 * i)
            if name_id != 6:
                continue
            raw = name[strings + offset: strings + offset + length]
            if platform == 3:
                return raw.decode("utf-16-be")
            found = found or raw.decode("latin-1")
        return "".join(c for c in found if c.isalnum() or c == "-") or "Font"

    def _read_cmap(self) -> dict[int, int]:
        """Unicode code point -> glyph id, from the best Unicode subtable (format 12, else 4);
        none for a font without one (such as a subset made here)."""
        if "cmap" not in self.tables:
            return {}
        cmap = self.table("cmap")
        count = struct.unpack_from(">H", cmap, 2)[0]
        subtables: dict[tuple[int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
            subtables[(platform, encoding)] = offset
        for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
            offset = subtables.get(key)
            if offset is None:
                continue
            fmt = struct.unpack_from(">H", cmap, offset)[0]
            if fmt == 12:
                return self._cmap_12(cmap, offset)
            if fmt == 4:
                return self._cmap_4(cmap, offset)
        raise ValueError("This font has no Unicode character map this reader knows.")

    @staticmethod
    def _cmap_12(cmap: bytes, offset: int) -> dict[int, int]:
        groups = struct.unpack_from(">I", cmap, offset + 12)[0]
        values = array("I", cmap[offset + 16: offset + 16 + 12 * groups])
        if sys.byteorder == "little":
            values.byteswap()
        out: dict[int, int] = {}
        for i in range(0, 3 * groups, 3):
            start, end, glyph = values[i], values[i + 1], values[i + 2]
            out.update(zip(range(start, end + 1), range(glyph, glyph + end - start + 1), strict=True))
        return {char: glyph for char, glyph in out.items() if glyph}

    @staticmethod
    def _cmap_4(cmap: bytes, offset: int) -> dict[int, int]:
        length = struct.unpack_from(">H", cmap, offset + 2)[0]
        seg_x2 = struct.unpack_from(">H", cmap, offset + 6)[0]
        segs = seg_x2 // 2
        words = _ushorts(cmap[offset + 14: offset + length])
        ends = words[0:segs]
        starts = words[segs + 1: 2 * segs + 1]  # after the reserved pad
        deltas = words[2 * segs + 1: 3 * segs + 1]
        range_offsets = words[3 * segs + 1: 4 * segs + 1]
        out: dict[int, int] = {}
        for i in range(segs):
            start, end, delta, range_offset = starts[i], ends[i], deltas[i], range_offsets[i]
            if start == 0xFFFF:
                continue
            if range_offset == 0:
                out.update((c, (c + delta) & 0xFFFF) for c in range(start, end + 1))
                continue
            # glyphIdArray entry: counted in words from this segment's idRangeOffset word.
            base = 3 * segs + 1 + i + range_offset // 2 - start
            for c in range(start, end + 1):
                glyph = words[base + c] if base + c < len(words) else 0
                if glyph:
                    out[c] = (glyph + delta) & 0xFFFF
        return {char: glyph for char, glyph in out.items() if glyph}

    def _left_bearing(self, glyph: int) -> int:
        if glyph < self.metric_count:
            return self._hmtx[2 * glyph + 1]
        return self._hmtx[2 * self.metric_count + glyph - self.metric_count]

    def _glyph_data(self, loca: array[int], glyph: int) -> bytes:
        offset = self.tables["glyf"][0]
        return self.data[offset + loca[glyph]: offset + loca[glyph + 1]]

    def _loca(self) -> array[int]:
        raw = self.table("loca")
        if self.long_loca:
            values = array("I", raw)
            if sys.byteorder == "little":
                values.byteswap()
            return values
        return array("I", (2 * v for v in _ushorts(raw)))

    def subset(self, glyphs: set[int]) -> bytes:
        """A font file with only `glyphs` (plus .notdef and the parts of composite glyphs),
        glyph ids unchanged, and no tables a PDF renderer does not use."""
        loca = self._loca()
        keep = {0} | {g for g in glyphs if g < self.glyph_count}
        todo = list(keep)
        while todo:  # composite glyphs name their parts: keep those too (recursively)
            data = self._glyph_data(loca, todo.pop())
            if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
                continue
            pos, flags = 10, _MORE
            while flags & _MORE:
                flags, part = struct.unpack_from(">HH", data, pos)
                pos += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
                pos += 2 if flags & _HAVE_SCALE else 4 if flags & _XY_SCALE else (
                    8 if flags & _TWO_BY_TWO else 0)
                if part not in keep and part < self.glyph_count:
                    keep.add(part)
                    todo.append(part)
        count = max(keep) + 1
        glyf, offsets, at = [], array("I", [0]), 0
        hmtx = array("H", bytes(4 * count))
        for glyph in range(count):
            if glyph in keep:
                data = self._glyph_data(loca, glyph)
                data += b"\0" * (-len(data) % 4)
                glyf.append(data)
                at += len(data)
                hmtx[2 * glyph] = self.advance(glyph)
                hmtx[2 * glyph + 1] = self._left_bearing(glyph)
            offsets.append(at)
        if sys.byteorder == "little":
            offsets.byteswap()
            hmtx.byteswap()
        tables = {tag: self.table(tag) for tag in self.tables if tag not in _DROPPED}
        tables["glyf"] = b"".join(glyf)
        tables["loca"] = offsets.tobytes()
        tables["hmtx"] = hmtx.tobytes()  # glyphs left out: zero advance and bearing
        maxp = bytearray(tables["maxp"])
        struct.pack_into(">H", maxp, 4, count)
        tables["maxp"] = bytes(maxp)
        hhea = bytearray(tables["hhea"])
        struct.pack_into(">H", hhea, 34, count)
        tables["hhea"] = bytes(hhea)
        head = bytearray(tables["head"])
        struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
        struct.pack_into(">h", head, 50, 1)  # long loca
        tables["head"] = bytes(head)
        if "post" in tables:  # format 3: no glyph names
            tables["post"] = b"\x00\x03\x00\x00" + tables["post"][4:32]
        font, head_at = _assemble(tables)
        out = bytearray(font)
        struct.pack_into(">I", out, head_at + 8, (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF)
        return bytes(out)


def _assemble(tables: dict[str, bytes]) -> tuple[bytes, int]:
    """The font file from its tables, and where its 'head' table starts."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1,
                         count * 16 - power * 16)
    directory, body = [], []
    offset = head_at = 12 + 16 * count
    for tag in tags:
        if tag == "head":
            head_at = offset
        data = tables[tag]
        directory.append(struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), offset,
                                     len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    return header + b"".join(directory) + b"".join(body), head_at


@cache
def load(path: str) -> TrueTypeFont:
    """The font at `path`, read once per process (the bundled fonts never change)."""
    with open(path, "rb") as file:
        return TrueTypeFont(file.read())
