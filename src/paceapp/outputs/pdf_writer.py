"""A small PDF writer for pages of text: the few drawing calls paceapp's printed pages use.

Positions are in millimetres from the top-left corner, as in fpdf2 (which paceapp used before),
and text is laid out the way fpdf2 laid it out (`multi_cell`: word wrap at the cell width measured
with the font's advance widths, a word longer than the line broken where the line ends, a cell
margin of 1 mm each side), so pages break and shorten where they did.

Fonts are TrueType files (`outputs.truetype`) embedded as Type0 / CIDFontType2 fonts with
Identity-H encoding, a /W widths array and a ToUnicode map (so text can be copied, searched and
read back), each SUBSET to the glyphs the document uses. Streams are compressed with zlib.
Standard library only: importing this costs about a millisecond, against about 0.2 s for fpdf2.
"""

from __future__ import annotations

import zlib
from typing import NamedTuple

from paceapp.outputs.truetype import TrueTypeFont

K = 72 / 25.4  # points per millimetre
#: The cell margin fpdf2 used: 1/10 of its 1 cm default page margin (1 mm, computed as fpdf2 did).
C_MARGIN = (7200 / 254) / K / 10.0
DEFAULT_LINE_WIDTH = 0.567 / K  # mm (0.2 mm), as fpdf2
#: Characters a line may break at (the space itself is dropped at the break).
BREAKING_SPACES = frozenset(" \u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009"
                            "\u200a\u205f\u3000\t")
NBSP = "\u00a0"
#: In `cell` text (never in a person's words, which go through `multi_cell`): the page count.
TOTAL_PAGES = "{nb}"


class Line(NamedTuple):
    text: str
    ends_with_newline: bool


def wrap(text: str, font: TrueTypeFont, size: float, width: float) -> list[Line]:
    """`text` broken into lines that fit a cell `width` mm wide at `size` pt.

    Breaks at a new line; else before the character that would run past the width (cell
    margins left): at that character when it is a space, else at the last space on the line
    (that space dropped), else inside the word. Exactly as fpdf2's `multi_cell` did.
    """
    text = text.replace("\r", "")
    room = width - C_MARGIN - C_MARGIN
    widths = font.char_width
    space = widths(" ")
    lines: list[Line] = []
    i, n = 0, len(text)
    while i < n:
        start, used, last_space = i, 0, -1
        while i < n:
            char = text[i]
            if char in "\n\f":
                lines.append(Line(text[start:i], char == "\n"))
                i += 1
                break
            char_w = widths(char)
            if used * size * 0.001 / K + char_w * size * 0.001 / K - room > 1e-9:
                if char in BREAKING_SPACES:
                    lines.append(Line(text[start:i], False))
                    i += 1
                elif last_space >= 0:
                    lines.append(Line(text[start:last_space], False))
                    i = last_space + 1
                elif i > start:
                    lines.append(Line(text[start:i], False))
                else:  # a single character wider than the cell: on a line of its own
                    lines.append(Line(char, False))
                    i += 1
                break
            if char in BREAKING_SPACES:
                last_space = i
            used += space if char == NBSP else char_w
            i += 1
        else:
            if used:
                lines.append(Line(text[start:i], False))
    return lines


class _Font(NamedTuple):
    resource: str  # /F1, /F2…
    font: TrueTypeFont


class _Text(NamedTuple):
    font: _Font
    size: float  # pt
    x: float  # the cell's left edge, mm
    width: float  # the cell's width, mm
    y: float  # the cell's top, mm from the top of the page
    height: float  # the cell's height, mm
    text: str
    align: str  # "L" or "C"
    total_pages: bool  # TOTAL_PAGES in the text is the page count


class _Rule(NamedTuple):
    width: float  # line width, mm
    x1: float
    y1: float
    x2: float
    y2: float


class Document:
    """A PDF of A4 (by default) pages, drawn with fpdf2-like calls in millimetres.

    Subclass and override `footer` to draw something at the foot of every page (called before the
    next page starts and before the file is written); '{nb}' in text becomes the page count.
    """

    def __init__(self, *, width: float = 210.0, height: float = 297.0, margin: float = 10.0,
                 title: str = "", creator: str = "") -> None:
        self.w, self.h = width, height
        self.l_margin = self.t_margin = self.r_margin = margin
        self.title, self.creator = title, creator
        self.x, self.y = margin, margin
        self._fonts: dict[str, _Font] = {}
        self._font: _Font | None = None
        self.font_size_pt = 0.0
        self._line_width = DEFAULT_LINE_WIDTH
        self._pages: list[list[_Text | _Rule]] = []

    # -- set-up ------------------------------------------------------------------------------
    def add_font(self, family: str, style: str, font: TrueTypeFont) -> None:
        self._fonts[family.lower() + style.upper()] = _Font(f"/F{len(self._fonts) + 1}", font)

    def set_font(self, family: str, style: str = "", size: float = 0.0) -> None:
        self._font = self._fonts[family.lower() + style.upper()]
        if size:
            self.font_size_pt = size

    @property
    def font(self) -> TrueTypeFont:
        if self._font is None:
            raise ValueError("No font set: call set_font first.")
        return self._font.font

    # -- position ----------------------------------------------------------------------------
    def add_page(self) -> None:
        if self._pages:
            self.footer()
        self._pages.append([])
        self.x, self.y = self.l_margin, self.t_margin

    def footer(self) -> None:
        """Drawn at the foot of each page; nothing by default."""

    def page_no(self) -> int:
        return len(self._pages)

    def get_x(self) -> float:
        return self.x

    def get_y(self) -> float:
        return self.y

    def set_x(self, x: float) -> None:
        self.x = x if x >= 0 else self.w + x

    def set_y(self, y: float) -> None:
        """Move down (or up) to `y`, back at the left margin (as fpdf2)."""
        self.x = self.l_margin
        self.y = y if y >= 0 else self.h + y

    def set_xy(self, x: float, y: float) -> None:
        self.set_y(y)
        self.set_x(x)

    # -- drawing -----------------------------------------------------------------------------
    def _draw(self, op: _Text | _Rule) -> None:
        if not self._pages:
            raise ValueError("No page yet: call add_page first.")
        self._pages[-1].append(op)

    def set_line_width(self, width: float) -> None:
        self._line_width = width

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._draw(_Rule(self._line_width, x1, y1, x2, y2))

    def _text(self, x: float, y: float, width: float, height: float, text: str,
              align: str, total_pages: bool = False) -> None:
        if self._font is None:
            raise ValueError("No font set: call set_font first.")
        if text:
            self._draw(_Text(self._font, float(self.font_size_pt), x, width, y, height, text,
                             align, total_pages))

    def cell(self, w: float, h: float, text: str = "", align: str = "L") -> None:
        """One line of text in a cell `w` mm wide (0: to the right margin) from the current
        position; the position moves to the cell's right. '{nb}' in it is the page count."""
        if w == 0:
            w = self.w - self.r_margin - self.x
        self._text(self.x, self.y, w, h, text, align, total_pages=True)
        self.x += w

    def text_height(self, w: float, h: float, text: str) -> float:
        """How tall `multi_cell(w, h, text)` would be (nothing drawn)."""
        return max(len(wrap(text, self.font, self.font_size_pt, w)), 1) * h

    def multi_cell(self, w: float, h: float, text: str) -> float:
        """`text` wrapped to a cell `w` mm wide, left aligned, one line every `h` mm from the
        current position; then the position is the left margin under it. Returns its height."""
        lines = wrap(text, self.font, self.font_size_pt, w) or [Line("", False)]
        for line in lines:
            self._text(self.x, self.y, w, h, line.text, "L")
            self.y += h
        self.x = self.l_margin
        if lines[-1].ends_with_newline:
            self.y += h  # as fpdf2: text ending in a new line leaves an empty line after it
        return len(lines) * h

    # -- the file ----------------------------------------------------------------------------
    def output(self) -> bytes:
        """The whole document as PDF bytes."""
        if not self._pages:
            self.add_page()
        self.footer()
        return _Writer(self).write()


def _pdf_string(text: str) -> bytes:
    """A PDF text string (UTF-16BE with a byte-order mark, hex-encoded: any character)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _subset_tag(glyphs: set[int], name: str) -> str:
    """Six capital letters naming this subset (the same glyphs give the same tag)."""
    number = zlib.crc32(f"{name}:{sorted(glyphs)}".encode())
    letters = []
    for _ in range(6):
        number, letter = divmod(number, 26)
        letters.append(chr(ord("A") + letter))
    return "".join(letters)


class _Writer:
    """Turns a Document's recorded drawing into PDF objects, fonts subset to what was drawn."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"")

    def stream(self, data: bytes, extra: bytes = b"") -> int:
        packed = zlib.compress(data)
        return self.add(b"<< /Filter /FlateDecode /Length %d%s >>\nstream\n%s\nendstream"
                        % (len(packed), extra, packed))

    def write(self) -> bytes:
        doc = self.doc
        pages_count = len(doc._pages)
        used: dict[str, tuple[_Font, dict[int, str]]] = {}  # resource -> font, glyph -> char
        contents: list[bytes] = []
        for ops in doc._pages:
            out: list[bytes] = []
            line_width = -1.0
            for op in ops:
                if isinstance(op, _Rule):
                    if op.width != line_width:
                        out.append(b"%.2f w" % (op.width * K))
                        line_width = op.width
                    out.append(b"%.2f %.2f m %.2f %.2f l S" % (
                        op.x1 * K, (doc.h - op.y1) * K, op.x2 * K, (doc.h - op.y2) * K))
                    continue
                font, size, x, width, y, height, text, align, total_pages = op
                if total_pages:
                    text = text.replace(TOTAL_PAGES, str(pages_count))
                text = text.replace(NBSP, " ")
                glyphs = used.setdefault(font.resource, (font, {}))[1]
                cmap = font.font.cmap
                ids = []
                for char in text:
                    glyph = cmap.get(ord(char), 0)
                    glyphs.setdefault(glyph, char)
                    ids.append(glyph)
                dx = C_MARGIN
                if align == "C":
                    units = sum(font.font.char_width(c) for c in text)
                    dx = (width - units * size * 0.001 / K) / 2
                out.append(b"BT %s %.2f Tf %.2f %.2f Td <%s> Tj ET" % (
                    font.resource.encode(), size, (x + dx) * K,
                    (doc.h - y - 0.5 * height - 0.3 * (size / K)) * K,  # as fpdf2 (same rounding)
                    "".join(f"{g:04X}" for g in ids).encode()))
            contents.append(b"\n".join(out))

        catalog, pages = self.reserve(), self.reserve()
        font_refs = {resource: self.font(font, glyphs) for resource, (font, glyphs)
                     in sorted(used.items())}
        fonts = b" ".join(b"%s %d 0 R" % (r.encode(), ref) for r, ref in font_refs.items())
        resources = self.add(b"<< /ProcSet [/PDF /Text] /Font << %s >> >>" % fonts)
        kids = []
        box = b"[0 0 %.2f %.2f]" % (doc.w * K, doc.h * K)
        for content in contents:
            stream = self.stream(content)
            kids.append(self.add(b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources %d 0 R"
                                 b" /Contents %d 0 R >>" % (pages, box, resources, stream)))
        self.objects[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        self.objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
        info = self.add(b"<< /Title %s /Creator %s /Producer %s >>" % (
            _pdf_string(doc.title), _pdf_string(doc.creator), _pdf_string(doc.creator)))
        return self.serialise(catalog, info)

    def font(self, font: _Font, glyphs: dict[int, str]) -> int:
        """The Type0 font object for `font`, with its subset embedded; returns its number."""
        ttf = font.font
        name = f"{_subset_tag(set(glyphs), ttf.name)}+{ttf.name}".encode()
        data = ttf.subset(set(glyphs))
        file = self.stream(data, b" /Length1 %d" % len(data))
        scale = ttf.scale
        flags = 4 | (1 if ttf.fixed_pitch else 0) | (64 if ttf.italic_angle else 0)
        flags |= 1 << 18 if ttf.weight >= 600 else 0
        x0, y0, x1, y1 = (round(v * scale) for v in ttf.bbox)
        descriptor = self.add(
            b"<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d]"
            b" /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d"
            b" /FontFile2 %d 0 R >>" % (
                name, flags, x0, y0, x1, y1, int(ttf.italic_angle), round(ttf.ascent * scale),
                round(ttf.descent * scale), round(ttf.cap_height * scale),
                round(50 + int(pow(ttf.weight / 65, 2))), ttf.missing_width, file))
        widths: list[bytes] = []
        run: list[int] = []
        previous = -2
        for glyph in sorted(glyphs):
            if glyph != previous + 1 and run:
                widths.append(b"%d [%s]" % (run[0], b" ".join(b"%d" % ttf.glyph_width(g)
                                                                for g in run)))
                run = []
            run.append(glyph)
            previous = glyph
        if run:
            widths.append(b"%d [%s]" % (run[0], b" ".join(b"%d" % ttf.glyph_width(g)
                                                            for g in run)))
        cid = self.add(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry"
            b" (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW %d"
            b" /W [%s] /CIDToGIDMap /Identity >>" % (
                name, descriptor, ttf.missing_width, b" ".join(widths)))
        to_unicode = self.stream(_to_unicode(glyphs))
        return self.add(b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"
                        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>"
                        % (name, cid, to_unicode))

    def serialise(self, root: int, info: int) -> bytes:
        out = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
        at = len(out[0])
        offsets = []
        for number, body in enumerate(self.objects, 1):
            chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
            offsets.append(at)
            out.append(chunk)
            at += len(chunk)
        size = len(self.objects) + 1
        whole = b"".join(out)
        ident = b"%08X%08X%016X" % (zlib.crc32(whole), zlib.adler32(whole), len(whole))
        out.append(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        out.append(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
        out.append(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
                   b"startxref\n%d\n%%%%EOF\n" % (size, root, info, ident, ident, at))
        return b"".join(out)


def _to_unicode(glyphs: dict[int, str]) -> bytes:
    """A ToUnicode CMap: each glyph id drawn -> the character it was drawn for."""
    entries = [b"<%04X> <%s>" % (glyph, char.encode("utf-16-be").hex().upper().encode())
               for glyph, char in sorted(glyphs.items()) if glyph]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start: start + 100]
        blocks.append(b"%d beginbfchar\n%s\nendbfchar" % (len(chunk), b"\n".join(chunk)))
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + b"\n".join(blocks)
            + b"\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")

