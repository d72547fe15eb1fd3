"""The assessment summary (`paceapp evidence` and the Evidence screen): read only the period's
records and put the summary together, and write it as a file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from paceapp.core.day import DayActivities, DayRecord
from paceapp.core.errors import ValidationError
from paceapp.core.evidence import (
    Evidence,
    EvidencePeriod,
    build_evidence,
    evidence_period,
    flare_sentence,
    pain_sentence,
    sleep_sentence,
)
from paceapp.core.text import plural
from paceapp.core.timeparse import parse_date
from paceapp.store.journal import Journal

#: A flare-up that started this long before the period may still touch it.
FLARE_LOOKBACK = timedelta(days=120)


def read_period(today: date, *, start: str | None = None, end: str | None = None,
                weeks: int | str | None = None) -> EvidencePeriod:
    """The period from the words typed: a first day, a last day and/or a number of weeks
    (empty or None: not given). The weeks count only when no first day is given."""
    first = parse_date(start, today, "from") if start and start.strip() else None
    last = parse_date(end, today, "to") if end and end.strip() else None
    count: int | None = None
    if isinstance(weeks, str):
        if weeks.strip() and first is None:
            if not weeks.strip().isdigit():
                raise ValidationError("The weeks must be a whole number, like 12.", "weeks")
            count = int(weeks.strip())
    else:
        count = weeks
    return evidence_period(today, start=first, end=last, weeks=count)


def other_sentences(journal: Journal, period: EvidencePeriod, today: date) -> list[str]:
    """Flare-ups, sleep, pain and pacing over the same period, each with its basis."""
    from paceapp.core.flare import Flare, overlaps
    from paceapp.core.nap import Nap, nap_sentence
    from paceapp.core.pacing import ActivityLog, Baseline
    from paceapp.core.pacing_review import summarise_pacing
    from paceapp.core.pain import PainEntry, summarise_pain
    from paceapp.core.sleep import SleepNight

    start, end = period.start, period.end
    flares = [f for f in journal.list(Flare, since=start - FLARE_LOOKBACK, until=end)
              if overlaps(f, start, end, today)]
    ended = [d for f in flares if (d := f.duration_min) is not None]
    lines = [flare_sentence(len(flares), ended, any(f.ended is None for f in flares), period,
                            today)]
    nights = [n for n in journal.list(SleepNight, since=start, until=end) if start <= n.date <= end]
    lines.append(sleep_sentence(len(nights), [t for n in nights if (t := n.tst_min) is not None],
                                period, today))
    naps = nap_sentence(journal.list(Nap, since=start, until=end), start, end)
    if naps:
        lines.append(naps)
    pain = summarise_pain(journal.list(PainEntry, since=start, until=end), start, end)
    lines.append(pain_sentence(pain.days_logged, pain.exact_median, pain.highest, period, today))
    from paceapp.app.pacing import load_amounts

    baselines = journal.list(Baseline)
    pacing = summarise_pacing(baselines, journal.list(ActivityLog, since=start, until=end),
                              start, end, load_amounts(journal, baselines, start, end))
    text = pacing.sentence()
    if pacing.sessions:
        text += f" {plural(pacing.sessions, 'go', 'goes')} of activity logged in all."
    lines.append(text)
    return lines


def load_evidence(journal: Journal, period: EvidencePeriod, today: date) -> Evidence:
    """The summary of `period`, read from the journal (only that period's records)."""
    records = journal.list(DayRecord, since=period.start, until=period.end)
    chosen = journal.get_single(DayActivities)
    names = chosen.activities if chosen is not None else ()
    return build_evidence(records, period, today, names, other_sentences(journal, period, today))


def render(evidence: Evidence, fmt: str, width: int | None = None) -> tuple[bytes, str]:
    """The summary as a file's bytes in `fmt` (pdf, markdown or text), and the note saying how
    it was shortened to fit ('' when in full)."""
    from paceapp.outputs import evidence as out

    if fmt == "pdf":
        from paceapp.outputs.evidence_pdf import render_pdf

        data, level = render_pdf(evidence)
        return data, out.shortened_note(level)
    if fmt == "markdown":
        return out.render_markdown(evidence).encode(), ""
    text = out.render_text(evidence) if width is None else out.render_text(evidence, width)
    return text.encode(), ""


def write_evidence(evidence: Evidence, path: Path, fmt: str, *,
                   force: bool = False) -> tuple[Path, str]:
    """Write the summary to `path` (a file there is replaced only with `force`); the full path
    and the 'shortened' note."""
    from paceapp.outputs.evidence import save_file

    data, note = render(evidence, fmt)
    return save_file(path, data, force=force), note
