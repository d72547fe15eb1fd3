"""The GP sheet's "how pain affects my life" part, gathered from the records of one period.

Reads only the period it needs (and the period of the same length before it, for the change), so a
ten-year diary is as quick as a new one. Each line is a plain sentence that names its period and
how many days (nights, check-ins) it rests on. A feature that is not installed says "not logged".
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, timedelta
from types import ModuleType

from paceapp.core.gp_sheet import Period, pain_sentence, peg_sentence, summarise_peg
from paceapp.core.pain import PainEntry, PegEntry, summarise_pain
from paceapp.store.journal import Journal

#: A flare-up that started this long before the period may still touch it.
FLARE_LOOKBACK = timedelta(days=120)


@dataclass(frozen=True)
class SummaryLines:
    health: tuple[str, ...]  # pain, PEG, flare-ups, sleep, naps (when any)
    doing: tuple[str, ...]  # pacing, goals

    def all(self) -> list[str]:
        return [*self.health, *self.doing]


def _module(name: str) -> ModuleType | None:
    full = f"paceapp.core.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            return None
        raise


def _flares(journal: Journal, period: Period) -> str:
    flare = _module("flare")
    if flare is None:
        return "Flare-ups: not logged."
    flares = journal.list(flare.Flare, since=period.start - FLARE_LOOKBACK, until=period.end)
    return str(flare.summarise_flares(flares, period.start, period.end).sentence())


def _sleep(journal: Journal, period: Period) -> str:
    sleep = _module("sleep")
    if sleep is None:
        return "Sleep: not logged."
    nights = journal.list(sleep.SleepNight, since=period.start, until=period.end)
    return str(sleep.summarise_sleep(nights, period.start, period.end).sentence())


def _pacing(journal: Journal, period: Period) -> str:
    pacing, review = _module("pacing"), _module("pacing_review")
    if pacing is None or review is None:
        return "Pacing: not logged."
    baselines = journal.list(pacing.Baseline)
    logs = journal.list(pacing.ActivityLog, since=period.start, until=period.end)
    return str(review.summarise_pacing(baselines, logs, period.start, period.end).sentence())


def _goals(journal: Journal, period: Period) -> str:
    goals, progress = _module("goals"), _module("goal_progress")
    if goals is None or progress is None:
        return "Goals: not logged."
    plans = journal.list(goals.ActionPlan)
    days = journal.list(goals.GoalDay, since=period.start, until=period.end)
    reviews = journal.list(goals.Review)
    from paceapp.store.settings import load_settings

    week_starts = load_settings(journal).week_starts  # weeks count as everywhere else
    return str(progress.summarise_goals(plans, days, reviews, period.start, period.end,
                                        week_starts=week_starts).sentence())


def _naps(journal: Journal, period: Period) -> tuple[str, ...]:
    """One sentence about naps over the period, kept apart from the nights (none: nothing)."""
    nap = _module("nap")
    if nap is None:
        return ()
    text = nap.nap_sentence(journal.list(nap.Nap, since=period.start, until=period.end),
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
