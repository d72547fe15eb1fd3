"""Where the GP sheet PDF's fixed cost goes: importing the PDF writer, reading each bundled font,
laying out text, and writing the file (font subsetting), each the median of fresh processes.

    .venv/bin/python bench/pdf_split.py [--runs N] [--fpdf]

With --fpdf, the same split for fpdf2 (which paceapp used before), measured interleaved, when it is
installed: for comparison only, paceapp no longer depends on it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile

TEXT = "Pain 5.2 on average over twelve weeks; sleep 6.1 h; 3 flare-ups. " * 2

OURS = r"""
import json, sys, time
t0 = time.perf_counter()
from paceapp.outputs import pdf_writer, truetype
t1 = time.perf_counter()
from paceapp.outputs.pdf_page import font_path
pdf = pdf_writer.Document(title="x", creator="paceapp")
pdf.add_font("DejaVu", "", truetype.load(font_path("DejaVuSans.ttf")))
t2 = time.perf_counter()
pdf.add_font("DejaVu", "B", truetype.load(font_path("DejaVuSans-Bold.ttf")))
t3 = time.perf_counter()
pdf.add_page()
pdf.set_font("DejaVu", "", 11)
for _ in range(35):
    pdf.multi_cell(180, 5, TEXT)
t4 = time.perf_counter()
with open(sys.argv[1], "wb") as f:
    f.write(pdf.output())
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "regular font": t2 - t1, "bold font": t3 - t2,
                  "35 paragraphs": t4 - t3, "output (subset, write)": t5 - t4}))
"""

FPDF2 = r"""
import json, sys, time
t0 = time.perf_counter()
import fpdf
t1 = time.perf_counter()
from paceapp.outputs.pdf_page import font_path
pdf = fpdf.FPDF(unit="mm", format="A4")
pdf.add_font("DejaVu", "", font_path("DejaVuSans.ttf"))
t2 = time.perf_counter()
pdf.add_font("DejaVu", "B", font_path("DejaVuSans-Bold.ttf"))
t3 = time.perf_counter()
pdf.add_page()
pdf.set_font("DejaVu", "", 11)
for _ in range(35):
    pdf.multi_cell(180, 5, TEXT, new_x="LMARGIN", new_y="NEXT")
t4 = time.perf_counter()
pdf.output(sys.argv[1])
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "regular font": t2 - t1, "bold font": t3 - t2,
                  "35 paragraphs": t4 - t3, "output (subset, write)": t5 - t4}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--fpdf", action="store_true", help="also fpdf2, interleaved")
    args = parser.parse_args(argv)
    writers = {"paceapp's writer": OURS}
    if args.fpdf:
        writers["fpdf2"] = FPDF2
    parts: dict[str, dict[str, list[float]]] = {name: {} for name in writers}
    with tempfile.TemporaryDirectory() as work:
        for _ in range(args.runs):
            for name, code in writers.items():
                out = subprocess.run([sys.executable, "-c", f"TEXT = {TEXT!r}\n" + code,
                                      f"{work}/x.pdf"], check=True, capture_output=True,
                                     text=True).stdout
                for key, seconds in json.loads(out).items():
                    parts[name].setdefault(key, []).append(seconds)
    for name, split in parts.items():
        print(name)
        for key, values in split.items():
            print(f"  {key:<24} {statistics.median(values) * 1000:7.1f} ms")
        total = sum(statistics.median(values) for values in split.values())
        print(f"  {'all':<24} {total * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
