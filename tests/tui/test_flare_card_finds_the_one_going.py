"""Today's flare-up card reads only the last year when it can, and still finds a flare-up that
started longer ago and is going on (a long flare-up is exactly when the plan matters)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from paceapp.core.flare import Flare
from paceapp.store.journal import Journal
from paceapp.tui.cards.flare import FlareCard

TODAY = date(2026, 11, 21)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def test_a_flare_going_on_for_over_a_year_is_found(journal: Journal) -> None:
    started = TODAY - timedelta(days=400)
    journal.add(Flare(started=at(started - timedelta(days=30)),
                      ended=at(started - timedelta(days=20))))
    going = journal.add(Flare(started=at(started)))
    data = FlareCard().load(journal, TODAY)
    assert data.current is not None and data.current.id == going.id


def test_the_one_going_among_recent_and_old_flares(journal: Journal) -> None:
    journal.add(Flare(started=at(TODAY - timedelta(days=700)),
                      ended=at(TODAY - timedelta(days=690))))
    journal.add(Flare(started=at(TODAY - timedelta(days=40)), ended=at(TODAY - timedelta(days=35))))
    going = journal.add(Flare(started=at(TODAY - timedelta(days=3))))
    assert FlareCard().load(journal, TODAY).current.id == going.id


def test_no_flare_going(journal: Journal) -> None:
    journal.add(Flare(started=at(TODAY - timedelta(days=40)), ended=at(TODAY - timedelta(days=35))))
    assert FlareCard().load(journal, TODAY).current is None
