"""The GP sheet as one HTML file with print styles (A4, black on white, 11 pt and up).

Same content as the text sheet. Every piece of the person's text is HTML-escaped: markup they
typed is shown as the characters they typed, never run.
"""

from __future__ import annotations

from html import escape

from paceapp.core.gp_sheet import Sheet, shortened_note
from paceapp.outputs.gp_sheet import (
    ANSWER_LINES,
    HEADINGS,
    TEXT_PAGE_LINES,
    TITLE,
    SheetInputs,
    _med_line,
    fit,
    text_lines,
)

STYLE = """
@page { size: A4; margin: 14mm; }
html { background: #fff; color: #000; }
body { font: 11pt/1.35 "DejaVu Sans", Verdana, Arial, sans-serif; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 3mm 0 1mm; border-bottom: 0.3mm solid #000; }
ol, ul { margin: 0; padding-left: 8mm; }
li.top { font-weight: bold; font-size: 11.5pt; }
.detail { font-weight: normal; font-size: 11pt; }
.note { font-weight: bold; }
.line { border-bottom: 0.2mm solid #000; height: 8mm; }
@media print { body { max-width: none; } }
"""


def _items(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def html_document(sheet: Sheet) -> str:
    e = escape
    parts = [f"<h1>{e(TITLE)} – {e(sheet.when)}</h1>"]
    who = [f"Name: {sheet.name}" if sheet.name else "",
           f"Practice: {sheet.practice}" if sheet.practice else "",
           f"Seeing: {sheet.clinician}" if sheet.clinician else ""]
    if any(who):
        parts.append(f"<p>{e(' · '.join(w for w in who if w))}</p>")
    note = shortened_note(sheet)
    if note:
        parts.append(f'<p class="note">{e(note)}</p>')
    parts.append(f"<h2>{e(HEADINGS['top'])}</h2>")
    if not sheet.concerns:
        parts.append("<p>(none written yet)</p>")
    else:
        rows = []
        for number, item in enumerate(sheet.concerns, 1):
            detail = item.detail + (f" (carried over, {item.carried})" if item.carried else "")
            extra = f'<br><span class="detail">{e(detail.strip())}</span>' if detail.strip() else ""
            css = ' class="top"' if number <= len(sheet.top) else ""
            rows.append(f'<li value="{number}"{css}>{e(item.text)}{extra}</li>')
        parts.append("<ol>" + "".join(rows) + "</ol>")
    if sheet.more_concerns:
        parts.append(f"<p>+ {sheet.more_concerns} more on my full list</p>")
    parts.append(f"<h2>{e(HEADINGS['health'])}</h2><p>{e(sheet.period_text)}</p>")
    parts.append(_items(list(sheet.health)))
    doing = [*sheet.doing, *([f"{HEADINGS['tried']}: {sheet.tried}"] if sheet.tried else [])]
    parts.append(f"<h2>{e(HEADINGS['doing'])}</h2>" + _items(doing))
    parts.append(f"<h2>{e(HEADINGS['meds'])}</h2>")
    parts.append(_items([_med_line(m) for m in sheet.medicines]) if sheet.medicines
                 else "<p>(none listed)</p>")
    if sheet.more_medicines:
        parts.append(f"<p>+ {sheet.more_medicines} more on my full list</p>")
    parts.append(f"<h2>{e(HEADINGS['questions'])}</h2>")
    parts.append(_items(list(sheet.questions)) if sheet.questions else "<p>(none yet)</p>")
    if sheet.more_questions:
        parts.append(f"<p>+ {sheet.more_questions} more on my full list</p>")
    parts.append(f"<h2>{e(HEADINGS['matters'])}</h2>")
    parts.append(f"<p>{e(sheet.what_matters)}</p>" if sheet.what_matters
                 else '<div class="line"></div>' * 2)
    if sheet.last_agreed:
        parts.append(f"<h2>{e(HEADINGS['agreed'])}</h2><p>{e(sheet.last_agreed)}</p>")
    parts.append(f"<h2>{e(HEADINGS['notes'])}</h2>" + '<div class="line"></div>' * ANSWER_LINES)
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{e(TITLE)} – {e(sheet.when)}</title>\n<style>{STYLE}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def render_html(inputs: SheetInputs) -> str:
    """The sheet as HTML, shortened by the same rule as the text sheet."""
    sheet = fit(inputs, lambda s: len(text_lines(s)) <= TEXT_PAGE_LINES)
    return html_document(sheet)
