"""The one-page GP sheet as plain text (80 columns, for the terminal and `lp`) and Markdown.

`paceapp.app.gp.load_sheet` reads what the sheet needs from the journal;
`core.gp_sheet.build_sheet` turns it into a `Sheet` at a shortening level; the renderers here
(and gp_pdf / gp_html) show that same content. The person's words are always shown as the
characters they typed: Markdown special characters are escaped, nothing is interpreted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from paceapp.core.errors import PaceError
from paceapp.core.gp import Appointment, Medicine
from paceapp.core.gp_sheet import (
    LEVELS,
    SHORTENING,
    Period,
    Sheet,
    SheetItem,
    SheetMedicine,
    SummaryLines,
    build_sheet,
    shortened_note,
)
from paceapp.core.value import Value

WIDTH = 80
#: A printed A4 page of plain text (`lp`, 6 lines an inch) holds about 66 lines.
TEXT_PAGE_LINES = 66
ANSWER_LINES = 4

TITLE = "My GP appointment"
HEADINGS = {
    "top": "My top concerns (most important first)",
    "also": "Also",
    "health": "How pain affects my life",
    "doing": "What I am doing about it",
    "tried": "Also",
    "meds": "My medicines",
    "questions": "My questions",
    "matters": "What matters to me",
    "agreed": "Last time we agreed",
    "notes": "Notes - what we agree today",
}


@dataclass(frozen=True, eq=False, repr=False)
class SheetInputs(Value):
    appointment: Appointment
    medicines: list[Medicine]
    period: Period
    summary: SummaryLines
    today: date
    name: str = ""
    practice: str = ""
    last_agreed: str = ""

    def sheet(self, level: int = 0) -> Sheet:
        return build_sheet(self.appointment, self.medicines, today=self.today, period=self.period,
                           health=self.summary.health, doing=self.summary.doing, name=self.name,
                           practice=self.practice, last_agreed=self.last_agreed, level=level)


def fit(inputs: SheetInputs, fits: Callable[[Sheet], bool]) -> Sheet:
    """The least-shortened sheet that `fits` (the most shortened one if none does)."""
    sheet = inputs.sheet(0)
    for level in range(LEVELS):
        sheet = inputs.sheet(level)
        if fits(sheet):
            return sheet
    return sheet


# -- plain text -----------------------------------------------------------------------------------
def cell_width(text: str) -> int:
    """Terminal columns `text` takes (wide characters such as most emoji take two)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, width: int = WIDTH, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy word wrap by terminal columns; a word longer than a line is split."""
    rest = first if rest is None else rest
    lines: list[str] = []
    line, room = first, width - cell_width(first)
    started = False
    for word in text.split():
        while cell_width(word) > width - cell_width(rest):  # a very long word: split it
            if started:
                lines.append(line)
                line, room, started = rest, width - cell_width(rest), False
            head = ""
            for char in word:
                if cell_width(head + char) > room:
                    break
                head += char
            lines.append(line + head)
            word = word[len(head):]
            line, room = rest, width - cell_width(rest)
        need = cell_width(word) + (1 if started else 0)
        if started and need > room:
            lines.append(line)
            line, room, started = rest, width - cell_width(rest), False
            need = cell_width(word)
        line += (" " if started else "") + word
        room -= need
        started = True
    if started or not lines:
        lines.append(line.rstrip())
    return lines


def _med_line(med: SheetMedicine) -> str:
    parts = [p for p in (med.dose, med.how_often) if p]
    text = med.name + (": " + ", ".join(parts) if parts else "") + "."
    if med.what_for:
        text += f" For: {med.what_for}."
    if med.worries:
        text += f" Worries or side effects: {med.worries}."
    return text


def _concern_lines(number: int, item: SheetItem, width: int) -> list[str]:
    lines = wrap(item.text, width, f"  {number}. ", "     ")
    detail = item.detail
    if item.carried:
        detail = (detail + " " if detail else "") + f"(carried over, {item.carried})"
    if detail:
        lines += wrap(detail, width, "     ")
    return lines


def text_lines(sheet: Sheet, width: int = WIDTH) -> list[str]:
    """The sheet as lines no wider than `width` columns (80 for print)."""
    out = wrap(f"{TITLE.upper()} - {sheet.when}", width)
    who = [f"Name: {sheet.name}" if sheet.name else "",
           f"Practice: {sheet.practice}" if sheet.practice else "",
           f"Seeing: {sheet.clinician}" if sheet.clinician else ""]
    if any(who):
        out += wrap(" · ".join(w for w in who if w), width)
    note = shortened_note(sheet)
    if note:
        out += wrap(note, width)
    out += ["", HEADINGS["top"]]
    if not sheet.concerns:
        out.append("  (none written yet)")
    for number, item in enumerate(sheet.top, 1):
        out += _concern_lines(number, item, width)
    if sheet.also:
        out.append(f"  {HEADINGS['also']}:")
        for number, item in enumerate(sheet.also, len(sheet.top) + 1):
            out += _concern_lines(number, item, width)
    if sheet.more_concerns:
        out.append(f"  + {sheet.more_concerns} more on my full list")
    out += ["", *wrap(f"{HEADINGS['health']} ({sheet.period_text})", width)]
    for line in sheet.health:
        out += wrap(line, width, "  - ", "    ")
    out += ["", HEADINGS["doing"]]
    for line in sheet.doing:
        out += wrap(line, width, "  - ", "    ")
    if sheet.tried:
        out += wrap(f"{HEADINGS['tried']}: {sheet.tried}", width, "  - ", "    ")
    out += ["", HEADINGS["meds"]]
    if not sheet.medicines:
        out.append("  (none listed)")
    for med in sheet.medicines:
        out += wrap(_med_line(med), width, "  - ", "    ")
    if sheet.more_medicines:
        out.append(f"  + {sheet.more_medicines} more on my full list")
    out += ["", HEADINGS["questions"]]
    if not sheet.questions:
        out.append("  (none yet)")
    for question in sheet.questions:
        out += wrap(question, width, "  - ", "    ")
    if sheet.more_questions:
        out.append(f"  + {sheet.more_questions} more on my full list")
    out += ["", HEADINGS["matters"]]
    out += wrap(sheet.what_matters, width, "  ") if sheet.what_matters else ["  " + "_" * (width - 20)]
    if sheet.last_agreed:
        out += ["", HEADINGS["agreed"], *wrap(sheet.last_agreed, width, "  ")]
    out += ["", HEADINGS["notes"]]
    out += ["  " + "_" * (width - 6)] * (2 if SHORTENING[sheet.level].line else ANSWER_LINES)
    return out


def render_text(inputs: SheetInputs, width: int = WIDTH) -> str:
    """The sheet as plain text, shortened (by the stated rules) to fit one printed page.

    `width` below 80 only re-wraps the same content (for a preview on a narrow screen).
    """
    sheet = fit(inputs, lambda s: len(text_lines(s)) <= TEXT_PAGE_LINES)
    return "\n".join(text_lines(sheet, width)) + "\n"


# -- Markdown -------------------------------------------------------------------------------------
_MD_INLINE = set("\\`*_[]<>|~")
_MD_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([#+-](?=\s|$)|>)")


def md_escape(text: str) -> str:
    """The person's words as literal Markdown text (nothing in them is read as formatting).

    Only what could start formatting is escaped, so the file still reads well as plain text.
    """
    out = []
    for char in text:
        if char == "&":
            out.append("&amp;")
        elif char in _MD_INLINE:
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, 1)


def markdown_lines(sheet: Sheet) -> list[str]:
    esc = md_escape
    out = [f"# {TITLE} – {esc(sheet.when)}", ""]
    who = [f"**Name:** {esc(sheet.name)}" if sheet.name else "",
           f"**Practice:** {esc(sheet.practice)}" if sheet.practice else "",
           f"**Seeing:** {esc(sheet.clinician)}" if sheet.clinician else ""]
    if any(who):
        out += [" · ".join(w for w in who if w), ""]
    note = shortened_note(sheet)
    if note:
        out += [f"*{esc(note)}*", ""]
    out += [f"## {HEADINGS['top']}", ""]
    if not sheet.concerns:
        out.append("(none written yet)")
    for number, item in enumerate(sheet.concerns, 1):
        text = f"**{esc(item.text)}**" if number <= len(sheet.top) else esc(item.text)
        if number == len(sheet.top) + 1:
            out += ["", f"{HEADINGS['also']}:", ""]
        out.append(f"{number}. {text}")
        detail = item.detail + (f" (carried over, {item.carried})" if item.carried else "")
        if detail.strip():
            out.append(f"   {esc(detail.strip())}")
    if sheet.more_concerns:
        out.append(f"\n\\+ {sheet.more_concerns} more on my full list")
    out += ["", f"## {HEADINGS['health']}", "", f"*{esc(sheet.period_text)}*", ""]
    out += [f"- {esc(line)}" for line in sheet.health]
    out += ["", f"## {HEADINGS['doing']}", ""]
    out += [f"- {esc(line)}" for line in sheet.doing]
    if sheet.tried:
        out.append(f"- {HEADINGS['tried']}: {esc(sheet.tried)}")
    out += ["", f"## {HEADINGS['meds']}", ""]
    if not sheet.medicines:
        out.append("(none listed)")
    for med in sheet.medicines:
        rest = _med_line(med)[len(med.name):]
        out.append(f"- **{esc(med.name)}**{esc(rest)}")
    if sheet.more_medicines:
        out.append(f"\n\\+ {sheet.more_medicines} more on my full list")
    out += ["", f"## {HEADINGS['questions']}", ""]
    if not sheet.questions:
        out.append("(none yet)")
    out += [f"- {esc(q)}" for q in sheet.questions]
    if sheet.more_questions:
        out.append(f"\n\\+ {sheet.more_questions} more on my full list")
    out += ["", f"## {HEADINGS['matters']}", "", esc(sheet.what_matters) or "&nbsp;"]
    if sheet.last_agreed:
        out += ["", f"## {HEADINGS['agreed']}", "", esc(sheet.last_agreed)]
    out += ["", f"## {HEADINGS['notes']}", "", *["&nbsp;  "] * ANSWER_LINES]
    return out


def render_markdown(inputs: SheetInputs) -> str:
    sheet = fit(inputs, lambda s: len(text_lines(s)) <= TEXT_PAGE_LINES)
    return "\n".join(markdown_lines(sheet)) + "\n"


# -- files ----------------------------------------------------------------------------------------
class OutputError(PaceError):
    """The sheet could not be written where asked (exit 1; nothing else changed)."""

    exit_code = 1


def save_file(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` whole (see outputs.files); return the full path.

    A file already there is replaced only with `force` (else OutputExistsError, exit 2).
    """
    from paceapp.outputs.files import write_output
    from paceapp.store.errors import WriteFailedError

    target = path.expanduser()
    try:
        if target.is_dir():
            raise OutputError(f"{target} is a folder. Please give a file name, like "
                              f"{target / 'gp-sheet.pdf'}.")
        return write_output(target, data, force=force)
    except (WriteFailedError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise OutputError(f"Could not write the sheet to {target}: {reason}") from None
