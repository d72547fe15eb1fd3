"""Pain scores and the weekly PEG check-in: what Today's check-in card shows, and logging them
(`paceapp log pain|peg` and the card's forms call the same functions)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from paceapp.core.pain import PainEntry, PegEntry, summarise_pain
from paceapp.store.journal import Journal


class CheckinView(NamedTuple):
    """Today's scores, the last 7 days (today counts as one) and the latest PEG (60 days)."""

    today_entries: list[PainEntry]
    #: The exact mean of the last 7 days' daily means (None when nothing was logged).
    week_average: Fraction | None
    week_days: int
    last_peg: PegEntry | None
    today: date | None = None


def load_checkin(journal: Journal, today: date) -> CheckinView:
    week = journal.list(PainEntry, since=today - timedelta(days=6))
    summary = summarise_pain(week, today - timedelta(days=6), today)
    pegs = journal.list(PegEntry, since=today - timedelta(days=60))
    return CheckinView([e for e in week if e.day == today], summary.exact_average,
                       summary.days_logged, pegs[-1] if pegs else None, today)


def log_pain(journal: Journal, entry: PainEntry) -> PainEntry:
    """Store a pain score made with `core.pain.new_pain` (checked there)."""
    with journal.transaction():
        return journal.add(entry)


def log_peg(journal: Journal, entry: PegEntry) -> PegEntry:
    """Store a weekly check-in made with `core.pain.new_peg` (checked there)."""
    with journal.transaction():
        return journal.add(entry)
