"""Flare-ups and the flare-up plan: what the Today card, the flare-up form, the plan view and
`paceapp log flare ...` / `paceapp flare-plan` show, and every change to them.

"At most one flare-up going, and none overlapping" is a core rule (`core.flare.check_flares`,
declared as `Flare.check_among`); each write here checks it against the flare-ups as stored
now, inside the transaction that writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from paceapp.core import flare as core
from paceapp.core.flare import Flare, FlarePlan, check_flares, open_flare, trigger_suggestions
from paceapp.core.value import Value
from paceapp.store.journal import Journal, merge_change


class FlareCardView(NamedTuple):
    """What Today's flare-up card shows: the flare-up going (if any) and the plan."""

    current: Flare | None
    plan: FlarePlan | None


@dataclass(frozen=True, eq=False, repr=False)
class Started(Value):
    """A flare-up just started, with what to show next: the plan, and triggers noted before."""

    flare: Flare
    plan: FlarePlan | None
    known_triggers: list[str]


@dataclass(frozen=True, eq=False, repr=False)
class Ended(Value):
    flare: Flare
    plan: FlarePlan | None


def _exists(journal: Journal) -> bool:
    return journal.folder is None or journal.folder.exists()


def load_flares(journal: Journal) -> list[Flare]:
    """Every flare-up, oldest first (the form checks a change against them as it is typed)."""
    return journal.list(Flare)


def load_plan(journal: Journal) -> FlarePlan | None:
    """The person's flare-up plan (None before one is written)."""
    return journal.get_single(FlarePlan) if _exists(journal) else None


def load_card(journal: Journal, today: date) -> FlareCardView:
    # Flare-ups never overlap (check_flares), so one still going started after every other:
    # when the last year holds any, older years cannot hold the one still going.
    recent = journal.list(Flare, since=today - timedelta(days=365))
    return FlareCardView(open_flare(recent or journal.list(Flare)), load_plan(journal))


def going(journal: Journal) -> Flare | None:
    """The flare-up still going, if any."""
    return open_flare(journal.list(Flare))


def start_flare(journal: Journal, at: datetime, now: datetime, *, peak: int | None = None,
                triggers: list[str] | tuple[str, ...] = (), note: str = "") -> Started:
    """Log that a flare-up started at `at`, checked against the flare-ups stored now."""
    with journal.transaction():
        flare = journal.add(core.start_flare(journal.list(Flare), at, now, peak=peak,
                                             triggers=triggers, note=note))
    return Started(flare, load_plan(journal), trigger_suggestions(journal.list(Flare)))


def end_flare(journal: Journal, at: datetime, now: datetime, *, helped: str = "",
              peak: int | None = None) -> Ended:
    """End the flare-up that is going (what helped is added to what was noted before)."""
    with journal.transaction():
        ended = journal.update(core.end_flare(journal.list(Flare), at, now, helped=helped,
                                              peak=peak))
    return Ended(ended, load_plan(journal))


def add_flare(journal: Journal, flare: Flare) -> Flare:
    """Store a new flare-up a form built, checked against the flare-ups stored now."""
    with journal.transaction():
        check_flares(journal.list(Flare), flare)
        return journal.add(flare)


def change_flare(journal: Journal, changed: Flare, base: Flare) -> Flare:
    """Apply what a form changed from `base` (the copy it opened with) to the flare-up as
    stored now, check it against the others, and store it (ending one is a change too)."""
    with journal.transaction():
        merged = merge_change(journal.get(Flare, changed.id), base, changed)
        check_flares(journal.list(Flare), merged)
        return journal.update(merged)


def save_plan(journal: Journal, plan: FlarePlan, base: FlarePlan | None = None) -> FlarePlan:
    """Store the plan; with `base` (the copy the editor opened with) only the parts changed
    there are applied to the plan as stored now."""
    return journal.put_single(plan, base=base)


def set_plan_text(journal: Journal, text: str) -> FlarePlan:
    """Replace the plan with one read from plain text with the section headings."""
    return journal.put_single(core.parse_plan_text(text))
