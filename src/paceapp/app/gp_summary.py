"""The GP sheet's "how pain affects my life" part, gathered from the records of one period.

Reads only the period it needs (and the period of the same length before it, for the change), so a
ten-year diary is as quick as a new one. Each line is a plain sentence that names its period and
how many days (nights, check-ins) it rests on. Used by the sheet (`app.gp.load_sheet`) and the
report (`app.report`).
"""

from __future__ import annotations

from datetime import date, timedelta

from paceapp.core.flare import Flare, summarise_flares
from paceapp.core.goal_progress import summarise_goals
from paceapp.core.goals import ActionPlan, GoalDay, Review
from paceapp.core.gp_sheet import Period, SummaryLines, pain_sentence, peg_sentence, summarise_peg
from paceapp.core.nap import Nap, nap_sentence
from paceapp.core.pacing import ActivityLog, Baseline
from paceapp.core.pacing_review import summarise_pacing
from paceapp.core.pain import PainEntry, PegEntry, summarise_pain
from paceapp.core.sleep import SleepNight, summarise_sleep
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

__all__ = ["SummaryLines", "gather", "gather_summary"]

#: A flare-up that started this long before the period may still touch it.
FLARE_LOOKBACK = timedelta(days=120)


def _flares(journal: Journal, period: Period) -> str:
    flares = journal.list(Flare, since=period.start - FLARE_LOOKBACK, until=period.end)
    return summarise_flares(flares, period.start, period.end).sentence()


def _sleep(journal: Journal, period: Period) -> str:
    nights = journal.list(SleepNight, since=period.start, until=period.end)
    return summarise_sleep(nights, period.start, period.end).sentence()


def _pacing(journal: Journal, period: Period) -> str:
    from paceapp.app.pacing import load_amounts

    baselines = journal.list(Baseline)
    logs = journal.list(ActivityLog, since=period.start, until=period.end)
    amounts = load_amounts(journal, baselines, period.start, period.end)
    return summarise_pacing(baselines, logs, period.start, period.end, amounts).sentence()


def _goals(journal: Journal, period: Period) -> str:
    plans = journal.list(ActionPlan)
    days = journal.list(GoalDay, since=period.start, until=period.end)
    reviews = journal.list(Review)
    week_starts = load_settings(journal).week_starts  # weeks count as everywhere else
    return summarise_goals(plans, days, reviews, period.start, period.end,
                           week_starts=week_starts).sentence()


def _naps(journal: Journal, period: Period) -> tuple[str, ...]:
    """One sentence about naps over the period, kept apart from the nights (none: nothing)."""
    text = nap_sentence(journal.list(Nap, since=period.start, until=period.end),
                        period.start, period.end)
    return (text,) if text else ()


def gather(journal: Journal, period: Period, today: date | None = None) -> SummaryLines:
    """The summary sentences for `period`, from the journal."""
    before = period.before()
    pain = journal.list(PainEntry, since=before.start, until=period.end)
    pegs = journal.list(PegEntry, since=before.start, until=period.end)
    health = (
        pain_sentence(summarise_pain(pain, period.start, period.end),
                      summarise_pain(pain, before.start, before.end), period, today),
        peg_sentence(summarise_peg(pegs, period.start, period.end),
                     summarise_peg(pegs, before.start, before.end), period, today),
        _flares(journal, period),
        _sleep(journal, period),
        *_naps(journal, period),
    )
    return SummaryLines(health, (_pacing(journal, period), _goals(journal, period)))


def gather_summary(journal: Journal, start: date, end: date) -> list[str]:
    """The summary sentences for [start, end] as one list."""
    return gather(journal, Period(start, end, "")).all()
