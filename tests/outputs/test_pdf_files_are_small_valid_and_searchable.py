"""The PDFs paceapp writes (GP sheet, assessment summary, supporter page), read back as a PDF
reader would: the person's words come back exactly (accents, curly quotes, dashes, Welsh ŵ/ŷ,
£ and €), a character the font lacks prints as □, both DejaVu fonts are embedded as subsets with
widths that match the font, pages are A4 with a title, and the file is small and well formed
(pypdf in strict mode; qpdf --check when qpdf is installed)."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest

from paceapp.core.day import DayRecord, Difficulty, HardActivity, Rating
from paceapp.core.evidence import EvidencePeriod, build_evidence
from paceapp.core.gp import Appointment, GpItem, Medicine
from paceapp.core.gp_sheet import Period, SummaryLines
from paceapp.core.supporter import SupporterContent, SupporterSection
from paceapp.outputs import evidence_pdf, gp_pdf, supporter_pdf
from paceapp.outputs.gp_sheet import SheetInputs
from paceapp.outputs.pdf_page import FONT, MISSING, font_path, new_a4, printable

TODAY = date(2026, 11, 21)
WORDS = "Zoë's café — “arms” ‘ok’ – naïve … Dŵr a ŷd; £12.50 or €15 ✓ Łódź"
A4 = (595.28, 841.89)  # points


def gp_sheet(words: str = WORDS) -> bytes:
    appt = Appointment(visit_date=TODAY, concerns=(GpItem(text=words, detail="Nos da 痛"),),
                       questions=(GpItem(text="What next?"),), what_matters="Walking the dog")
    inputs = SheetInputs(appt, [Medicine(name="Naproxen", dose="500 mg")],
                         Period(TODAY - timedelta(days=27), TODAY, "the last 4 weeks"),
                         SummaryLines(("Pain: about 5 out of 10.",), ("Pacing.",)), TODAY)
    return gp_pdf.render_pdf(inputs)[0]


def evidence(days: int = 60) -> bytes:
    records = [DayRecord(date=TODAY - timedelta(days=i), rating=list(Rating)[i % 3],
                         hard=(HardActivity(activity="Stairs", how=list(Difficulty)[i % 3],
                                            words=f"{WORDS} ({i})"),))
               for i in range(days)]
    period = EvidencePeriod(TODAY - timedelta(days=83), TODAY, "the last 12 weeks")
    return evidence_pdf.render_pdf(build_evidence(records, period, TODAY, ["Stairs"]))[0]


def supporter() -> bytes:
    content = SupporterContent(name="Rhiannon", shared_at=datetime(2026, 11, 1, 10, tzinfo=UTC),
                               sections=(SupporterSection(key="helps", text=WORDS),))
    return supporter_pdf.render_pdf(content)


ALL = {"gp sheet": (gp_sheet, "My GP appointment"), "evidence": (evidence, None),
       "supporter page": (supporter, "How to help me")}


def text_of(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_persons_words_read_back_exactly_in_every_pdf() -> None:
    for make, _title in ALL.values():
        assert WORDS in text_of(make())


def test_a_character_the_font_lacks_prints_as_a_box() -> None:
    _pdf, drawable = new_a4("x", 10)
    assert printable("ok 痛 क ŵ€", drawable) == f"ok {MISSING} {MISSING} ŵ€"
    assert f"Nos da {MISSING}" in text_of(gp_sheet())


def test_text_drawn_straight_onto_a_page_reads_back() -> None:
    pdf, drawable = new_a4("Sample", 13.0)
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(184, 6, printable(WORDS + " {nb}", drawable))  # a person's words: as typed
    pdf.set_font(FONT, "", 9)
    pdf.cell(0, 4, "Page 1 of {nb}", align="C")
    assert text_of(pdf.output()) == WORDS + " {nb} Page 1 of 1"


def fonts_of(reader: pypdf.PdfReader) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def sfnt_tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode()] = data[offset: offset + length]
    return tables


def advances(data: bytes) -> tuple[int, list[int]]:
    """The font's units per em and each glyph's advance width (read here, independently)."""
    tables = sfnt_tables(data)
    units = struct.unpack_from(">H", tables["head"], 18)[0]
    metrics = struct.unpack_from(">H", tables["hhea"], 34)[0]
    return units, [struct.unpack_from(">H", tables["hmtx"], 4 * g)[0] for g in range(metrics)]


def glyph(data: bytes, gid: int) -> bytes:
    tables = sfnt_tables(data)
    long = struct.unpack_from(">h", tables["head"], 50)[0] == 1
    fmt, size = (">I", 4) if long else (">H", 2)
    start, end = (struct.unpack_from(fmt, tables["loca"], size * i)[0] * (1 if long else 2)
                  for i in (gid, gid + 1))
    return tables["glyf"][start:end]


def widths(cid_font: Any) -> dict[int, int]:
    out, items = {}, list(cid_font["/W"])
    for first, run in zip(items[0::2], items[1::2], strict=True):
        for offset, width in enumerate(run):
            out[int(first) + offset] = int(width)
    return out


@pytest.mark.parametrize("name", list(ALL))
def test_both_fonts_are_embedded_subset_with_the_fonts_widths(name: str) -> None:
    data = ALL[name][0]()
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = fonts_of(reader)
    assert {re.sub(r"^/[A-Z]{6}\+", "", f) for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(re.match(r"^/[A-Z]{6}\+", f) for f in fonts)  # the subset tag
    for base, font in fonts.items():
        original = Path(font_path("DejaVuSans-Bold.ttf" if "Bold" in base
                                  else "DejaVuSans.ttf")).read_bytes()
        assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H"
        cid = font["/DescendantFonts"][0].get_object()
        assert cid["/Subtype"] == "/CIDFontType2" and cid["/CIDToGIDMap"] == "/Identity"
        embedded = cid["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        assert len(embedded) < len(original) / 5  # a subset, not the whole font
        assert sum(struct.unpack(f">{len(embedded) // 4}I", embedded)) & 0xFFFFFFFF == 0xB1B0AFBA
        assert not {"GSUB", "GPOS", "GDEF", "kern"} & set(sfnt_tables(embedded))
        units, advance = advances(original)
        used = widths(cid)
        assert used  # the /W array lists the glyphs drawn
        for gid, width in used.items():
            assert width == round(advance[min(gid, len(advance) - 1)] * 1000 / units + 0.001)
            assert glyph(embedded, gid).rstrip(b"\0") == glyph(original, gid).rstrip(b"\0")


@pytest.mark.parametrize("name", list(ALL))
def test_pages_are_a4_with_a_title_and_the_file_is_well_formed(name: str) -> None:
    make, title = ALL[name]
    data = make()
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
    assert reader.metadata is not None and reader.metadata.title
    if title:
        assert reader.metadata.title == title
    assert reader.metadata.creator == "paceapp"
    assert len(data) < 100_000


def test_a_full_gp_sheet_is_well_under_100_kb() -> None:
    words = " ".join([WORDS] * 5)
    assert len(gp_sheet(words)) < 60_000


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("name", list(ALL))
def test_qpdf_finds_nothing_wrong(name: str, tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(ALL[name][0]())
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_making_a_pdf_loads_no_pdf_or_font_library() -> None:
    code = ("import sys\nimport paceapp.outputs.evidence_pdf, paceapp.outputs.supporter_pdf\n"
            "from paceapp.outputs.gp_pdf import new_a4\npdf, _ = new_a4('x', 13)\n"
            "pdf.add_page()\npdf.set_font('DejaVu', 'B', 11)\npdf.multi_cell(100, 5, 'Zoë')\n"
            "pdf.output()\nprint(' '.join(sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert not {"fpdf", "PIL", "fontTools"} & {name.split(".")[0] for name in loaded}
