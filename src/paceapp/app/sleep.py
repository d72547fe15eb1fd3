"""The sleep diary and naps: what Today's sleep card, the Diary and `paceapp log sleep|nap` show,
and the writes (log or change a night, log or change a nap).

Each write owns its transaction. The rules across records (one night per morning, a night's
time in bed covers no nap, naps never overlap) are the records' own (`check_across`), run by the
Journal inside that transaction on fresh data; `check_night` / `check_nap` run the same rules
without writing, so a form can say a problem before it closes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from paceapp.core.day import DayRecord
from paceapp.core.flare import Flare, FlareSummary, summarise_flares
from paceapp.core.nap import Nap, NapSummary, summarise_naps
from paceapp.core.sleep import SleepNight, SleepSummary, recent_summaries, summarise_sleep
from paceapp.store.journal import Journal

#: How far back the Diary's nights, naps and days lists go (older: `show`).
DIARY_DAYS = 120
#: The Diary's flare-up summary covers this many days.
FLARE_SUMMARY_DAYS = 84
#: The Diary's naps line covers this many days (as the longest sleep summary).
NAP_SUMMARY_DAYS = 28


class SleepCardView(NamedTuple):
    """Today's sleep card: last night (this morning's entry), the latest night before it, the
    last 7 nights, and the naps today and over the same 7 days (apart from the nights)."""

    today: date
    last_night: SleepNight | None
    latest: SleepNight | None
    week: SleepSummary
    naps_today: NapSummary | None = None
    naps_week: NapSummary | None = None


def load_sleep_card(journal: Journal, today: date) -> SleepCardView:
    recent = journal.list(SleepNight, since=today - timedelta(days=60), until=today)
    last_night = next((n for n in recent if n.date == today), None)
    earlier = [n for n in recent if n.date < today]
    week_start = today - timedelta(days=6)
    week = summarise_sleep(recent, week_start, today)
    naps = journal.list(Nap, since=week_start, until=today)
    return SleepCardView(today, last_night, earlier[-1] if earlier else last_night, week,
                         summarise_naps(naps, today, today),
                         summarise_naps(naps, week_start, today))


class DiaryView(NamedTuple):
    """The Diary: the last DIARY_DAYS days of nights, naps and day records, every flare-up,
    and the summaries shown above the lists."""

    today: date
    nights: list[SleepNight]
    flares: list[Flare]
    naps: list[Nap]
    days: list[DayRecord]
    #: Sleep over the last 7, 14 and 28 mornings.
    sleep: dict[int, SleepSummary]
    #: Naps over the last NAP_SUMMARY_DAYS days.
    nap_summary: NapSummary
    #: Flare-ups over the last FLARE_SUMMARY_DAYS days (None when none was ever logged).
    flare_summary: FlareSummary | None


def load_diary(journal: Journal, today: date) -> DiaryView:
    since = today - timedelta(days=DIARY_DAYS - 1)
    nights = journal.list(SleepNight, since=since)
    naps = journal.list(Nap, since=since)
    days = journal.list(DayRecord, since=since)
    flares = journal.list(Flare)
    flare_summary = (summarise_flares(flares, today - timedelta(days=FLARE_SUMMARY_DAYS - 1),
                                      today) if flares else None)
    return DiaryView(today, nights, flares, naps, days, recent_summaries(nights, today),
                     summarise_naps(naps, today - timedelta(days=NAP_SUMMARY_DAYS - 1), today),
                     flare_summary)


def last_week(journal: Journal, today: date) -> SleepSummary:
    """Sleep over the last 7 mornings (today counts as one)."""
    return recent_summaries(journal.list(SleepNight, since=today - timedelta(days=6)), today,
                            (7,))[7]


def naps_last_week(journal: Journal, today: date) -> NapSummary:
    """Naps over the last 7 days (today counts as one)."""
    start = today - timedelta(days=6)
    return summarise_naps(journal.list(Nap, since=start), start, today)


# -- writes -----------------------------------------------------------------------------------
def check_night(journal: Journal, night: SleepNight) -> None:
    """The rules across records for `night`, against the data as stored now (nothing written)."""
    journal.check(night)


def save_night(journal: Journal, night: SleepNight, *, now: datetime, new: bool = True,
               base: SleepNight | None = None) -> SleepNight:
    """Log a new night, or change one: `base` is the copy the change was made from, so only the
    fields the person changed are applied to the night as stored now. Its times are checked on
    this computer's clock; one night per morning and no nap covered are checked by the Journal
    in the same transaction."""
    with journal.transaction():
        night.check_typed(now)
        return journal.add(night) if new else journal.update(night, base=base)


def check_nap(journal: Journal, nap: Nap) -> None:
    """The rules across records for `nap` (no overlap with a nap or a night), nothing written."""
    journal.check(nap)


def save_nap(journal: Journal, nap: Nap, *, now: datetime, new: bool = True,
             base: Nap | None = None) -> Nap:
    """Log a new nap, or change one (only the fields changed from `base` are applied). Not in
    the future by `now`; no overlap with a nap or a night (checked by the Journal)."""
    with journal.transaction():
        nap.check_typed(now)
        return journal.add(nap) if new else journal.update(nap, base=base)
