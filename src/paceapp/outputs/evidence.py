"""The assessment summary shown as plain text and Markdown.

`paceapp.app.evidence.load_evidence` reads only the period's records; `blocks` lays the
summary out as a list of `Block`s (title, headings, lines, the person's words) at a shortening
level, and the renderers here and in `outputs.evidence_pdf` show those same blocks. The person's
words are shown as the characters they typed (Markdown special characters escaped, nothing
interpreted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from paceapp.core.errors import PaceError
from paceapp.core.evidence import (
    ABOUT,
    HELP_HEADING,
    HELP_WITH_FORMS,
    ORDER,
    TITLE,
    Evidence,
    EvidencePeriod,
    activity_heading,
    day_heading,
    day_lines,
    how_heading,
)
from paceapp.core.safety import NOT_MEDICAL_ADVICE
from paceapp.core.text import plural
from paceapp.core.timeparse import show_date
from paceapp.core.value import Value

WIDTH = 80
FILE_STEM = "assessment-summary"


class OutputError(PaceError):
    """The summary could not be written (exit 1)."""


# -- the layout, and how it is shortened --------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class Shortening(Value):
    rule: str  # what was cut, said on the page ("" when nothing was cut)
    quotes: int | None = None  # at most this many of the person's words under each heading
    chars: int | None = None  # each of their words (and each day line) cut to this many
    no_quotes: bool = False
    #: The words run on after their heading in one paragraph (nothing cut, fewer lines).
    compact: bool = False


#: The levels, tried in this order until the PDF fits two pages (stated in docs/guide.md).
SHORTENING: tuple[Shortening, ...] = (
    Shortening(""),
    Shortening("", compact=True),
    Shortening("only my 3 most recent words under each heading", quotes=3, compact=True),
    Shortening("only my most recent words under each heading, cut to 100 characters", quotes=1,
               chars=100, compact=True),
    Shortening("the counts without my words under each activity, and each line of the hardest "
               "and typical days cut to 100 characters", no_quotes=True, chars=100),
)
LEVELS = len(SHORTENING)


def shortened_note(level: int) -> str:
    """What the page says when something was cut to fit ('' when nothing was)."""
    rule = SHORTENING[max(level, 0)].rule
    if not rule:
        return ""
    return (f"Shortened to fit two pages: {rule}. Everything is in the text version "
            "(paceapp evidence).")


@dataclass(frozen=True, eq=False, repr=False)
class Block(Value):
    """One piece of the summary. `kind`: title, note, heading, activity, how, quote, line,
    bullet, day."""

    kind: str
    text: str


def _cut(text: str, chars: int | None) -> str:
    text = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    if chars is not None and len(text) > chars:
        return text[:chars - 1].rstrip() + "…"
    return text



def period_words(period: EvidencePeriod, today: date) -> str:
    """'the last 8 weeks (Sun 27 Sep – Sat 21 Nov)'; a period given by its days says them once."""
    if period.why.startswith("from "):
        return period.why
    return f"{period.why} ({period.text(today)})"

def blocks(evidence: Evidence, level: int = 0) -> list[Block]:
    """The summary, top to bottom, at a shortening level (0 = everything in full)."""
    rule = SHORTENING[level]
    today = evidence.today
    period = evidence.period
    out = [Block("title", TITLE),
           Block("line", f"From my own day records, {period_words(period, today)}. "
                         f"Made on {show_date(today, today)} with paceapp.")]
    note = shortened_note(level)
    if note:
        out.append(Block("note", note))
    out.append(Block("line", evidence.logged_sentence()))
    if evidence.days_logged:
        out.append(Block("line", evidence.ratings_sentence()))
    out.append(Block("heading", "Everyday activities on the days I logged"))
    if not evidence.days_logged:
        out.append(Block("line", "No day records in this period."))
    elif not evidence.activities:
        out.append(Block("line", f"No activity was marked hard on any of the "
                                 f"{plural(evidence.days_logged, 'day')} logged."))
    for figures in evidence.activities:
        out.append(Block("activity", activity_heading(figures, evidence)))
        for how in ORDER:
            count = figures.by_how[how]
            if not count:
                continue
            heading = how_heading(how, count)
            quotes = () if rule.no_quotes else figures.words[how]
            shown = quotes if rule.quotes is None else quotes[:rule.quotes]
            said = [f"“{_cut(quote.words, rule.chars)}” "
                    f"({', '.join(show_date(d, today) for d in quote.days)})"
                    for quote in shown]
            if len(shown) < len(quotes):
                left = sum(len(q.days) for q in quotes[len(shown):])
                said.append(f"(and {plural(left, 'more day')} with words, in the text version)")
            if rule.compact and said:
                out.append(Block("how", f"{heading} – " + "; ".join(said)))
                continue
            out.append(Block("how", heading))
            out += [Block("quote", text) for text in said]
    if evidence.never_hard:
        out.append(Block("line", "Not marked hard on any day I logged: "
                                 + ", ".join(evidence.never_hard) + "."))
    if evidence.worst is not None:
        out.append(Block("heading", "My hardest day"))
        out.append(Block("line", "The most limiting day I logged: rated bad first, then the most "
                                 "I could not do, then needed help with."))
        out.append(Block("day", day_heading(evidence.worst, today)))
        out += [Block("bullet", _cut(line, rule.chars)) for line in day_lines(evidence.worst)]
    if evidence.typical is not None:
        out.append(Block("heading", "A typical day"))
        count = evidence.typical_count or 0
        many = plural(count, "activity", "activities") if count else "none"
        out.append(Block("line", f"The middle day by how many activities were hard "
                                 f"({many}); the most recent such day, as I logged it."))
        out.append(Block("day", day_heading(evidence.typical, today)))
        if evidence.worst is not None and evidence.typical.day == evidence.worst.day:
            out.append(Block("bullet", "The same day as my hardest day."))
        else:
            out += [Block("bullet", _cut(line, rule.chars))
                    for line in day_lines(evidence.typical)]
    out.append(Block("heading", "Flare-ups, sleep, pain and pacing"))
    out += [Block("bullet", line) for line in evidence.other]
    out.append(Block("line", ABOUT))
    out.append(Block("line", NOT_MEDICAL_ADVICE))
    out.append(Block("heading", HELP_HEADING))
    out += [Block("bullet", line) for line in HELP_WITH_FORMS]
    return out


# -- plain text and Markdown --------------------------------------------------------------------
INDENT = {"activity": ("", "  "), "how": ("  ", "    "), "quote": ("    ", "      "),
          "bullet": ("- ", "  "), "day": ("", "  "), "line": ("", ""), "note": ("", "")}


def render_text(evidence: Evidence, width: int = WIDTH) -> str:
    """The summary as plain text, wrapped to `width` columns (everything in full)."""
    from paceapp.outputs.gp_sheet import cell_width, wrap

    lines: list[str] = []
    for block in blocks(evidence):
        if block.kind == "title":
            lines += [*wrap(block.text, width), "=" * min(cell_width(block.text), width)]
        elif block.kind == "heading":
            lines += ["", *wrap(block.text, width), "-" * min(cell_width(block.text), width)]
        else:
            if block.kind == "activity" or (block.kind in ("line", "note") and lines
                                             and lines[-1] and not lines[-1].startswith("-")
                                             and not lines[-1].startswith("=")):
                lines.append("")
            first, rest = INDENT[block.kind]
            lines += wrap(block.text, width, first, rest)
    return "\n".join(lines) + "\n"


def render_markdown(evidence: Evidence) -> str:
    """The summary as Markdown (the person's words escaped: nothing in them is formatting)."""
    from paceapp.outputs.gp_sheet import md_escape

    lines: list[str] = []
    for block in blocks(evidence):
        text = md_escape(block.text)
        if block.kind == "title":
            lines += [f"# {text}", ""]
        elif block.kind == "heading":
            lines += ["", f"## {text}", ""]
        elif block.kind == "activity":
            lines += ["", f"**{text}**", ""]
        elif block.kind == "how":
            lines.append(f"- {text}")
        elif block.kind == "quote":
            lines.append(f"    - {text}")
        elif block.kind == "bullet":
            lines.append(f"- {text}")
        elif block.kind == "day":
            lines += [f"**{text}**", ""]
        elif block.kind == "note":
            lines += [f"*{text}*", ""]
        else:
            lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def save_file(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write the summary whole, private (0600); an existing file only with `force`."""
    from paceapp.outputs.files import write_output
    from paceapp.store.errors import WriteFailedError

    target = path.expanduser()
    try:
        if target.is_dir():
            raise OutputError(f"{target} is a folder. Please give a file name, like "
                              f"{target / (FILE_STEM + '.pdf')}.")
        return write_output(target, data, force=force)
    except (WriteFailedError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise OutputError(f"Could not write the summary to {target}: {reason}") from None
