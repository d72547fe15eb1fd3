"""Sharing my goal card and the group plan, and importing what a peer sent.

Both front ends call these: `paceapp share card|plan` and `paceapp group import` (CLI), and the
Group screen's share and paste windows (TUI). Where the document goes (a named file, standard
output, the documents folder) is the front end's choice: it passes a `write` callable, and the
use-case makes the document, calls `write`, then keeps the name and member id - so a failed write
stores nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from paceapp.core.errors import ValidationError
from paceapp.core.settings import Settings
from paceapp.core.sharing import (
    FUTURE_SLACK,
    GoalCard,
    GroupPlan,
    PainWeek,
    PeerCard,
    SharedGoal,
    SharedPlan,
    SleepWeek,
    board_names,
    check_member_id,
    merge_card,
)
from paceapp.core.supporter import SupporterCopy
from paceapp.core.timeparse import local_day, show_date, week_start
from paceapp.core.value import Value
from paceapp.outputs.share import (
    CardInputs,
    card_json,
    card_message,
    make_card,
    plan_json,
    plan_message,
    problems_error,
    read_shared,
)
from paceapp.store.journal import Journal
from paceapp.store.settings import load_settings

T = TypeVar("T")

__all__ = ["CardInputs", "ImportOutcome", "import_shared", "keep_identity", "load_card_inputs",
           "own_identity", "share_card", "share_plan"]


def own_identity(journal: Journal) -> Settings:
    """The settings that carry the person's display name and member id (defaults when none are
    stored yet: the member id is stored once something is shared)."""
    return load_settings(journal)


# -- making a card from the person's own data -----------------------------------------------
def load_card_inputs(journal: Journal, today: date,
                     settings: Settings | None = None) -> CardInputs:
    """Read only what a card needs: active plans, this week's goal days, the last 7 days.

    Reads nothing older than a week, so it is fast on ten years of data.
    """
    from paceapp.core.goals import ActionPlan, GoalDay, Review, plans_this_week, progress_this_week
    from paceapp.core.pain import PainEntry, summarise_pain
    from paceapp.core.sleep import SleepNight, summarise_sleep

    settings = settings or load_settings(journal)
    first = week_start(today, settings.week_starts)
    since = min(first, today - timedelta(days=6))
    days = journal.list(GoalDay, since=first, until=today)
    goals = []
    # The plans of this week: one reviewed early stays on the card until its week ends; the
    # plan carried on to next week is not on it until it starts.
    for plan in plans_this_week(journal.list(ActionPlan), journal.list(Review), today):
        done, target = progress_this_week(plan, days, today, week_starts=settings.week_starts)
        goals.append(SharedGoal(what=plan.what, how_much=plan.how_much, when=plan.when,
                                days_per_week=plan.days_per_week, confidence=plan.confidence,
                                done_this_week=min(done, 7), target_this_week=min(target, 7)))
    week_ago = today - timedelta(days=6)
    pain = summarise_pain(journal.list(PainEntry, since=since, until=today), week_ago, today)
    pain_week = PainWeek(start=week_ago, end=today, days_logged=pain.days_logged,
                         average=pain.average)
    nights = journal.list(SleepNight, since=week_ago, until=today)
    summary = summarise_sleep(nights, week_ago, today)
    sleep_week = SleepWeek(start=week_ago, end=today, nights_logged=summary.nights_logged,
                           average_tst_min=summary.average_tst_min,
                           average_se_pct=summary.average_se_pct)
    return CardInputs(settings.member_id, settings.display_name, today, first, tuple(goals),
                      pain_week, sleep_week)


def keep_identity(journal: Journal, settings: Settings, name: str) -> None:
    """Store the member id a card was just made with (so every card carries the same one) and
    the display name. Called only after the card or plan was written, so a failed write stores
    nothing. Only the display name changes on the settings as stored now."""
    with journal.transaction():
        stored = journal.get_single(Settings)
        base = stored or settings
        if stored is None or stored.display_name != name:
            journal.put_single(dataclasses.replace(base, display_name=name))


def share_card(journal: Journal, inputs: CardInputs, *, name: str, now: datetime,
               include: Sequence[str] = (), note: str = "",
               write: Callable[[GoalCard, str, str], T]) -> T:
    """Make the card (with the member id kept for this person), hand it to `write` with its
    file text and chat message, then keep the name and member id. Returns what `write` did."""
    with journal.transaction():
        settings = load_settings(journal)
        card = make_card(dataclasses.replace(inputs, member_id=settings.member_id), name=name,
                         now=now, include=include, note=note)
        result = write(card, card_json(card), card_message(card))
        keep_identity(journal, settings, name)
    return result


def share_plan(journal: Journal, plan: GroupPlan, *, name: str, now: datetime,
               write: Callable[[str, str], T]) -> T:
    """Hand the plan's file text and chat message (shared by `name`) to `write`, then keep the
    name and member id. Returns what `write` did."""
    with journal.transaction():
        settings = load_settings(journal)
        document = plan_json(plan, member_id=settings.member_id, shared_by=name, now=now)
        message = plan_message(plan, member_id=settings.member_id, shared_by=name, now=now)
        result = write(document, message)
        keep_identity(journal, settings, name)
    return result


# -- importing into the journal ---------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class ImportOutcome(Value):
    """What an import did, in words, and what was stored (None when nothing changed)."""

    action: str  # added / updated / same / older / plan / plan-older / supporter-...
    message: str
    record: PeerCard | GroupPlan | SupporterCopy | None


def import_shared(journal: Journal, raw: bytes, now: datetime) -> ImportOutcome:
    """Check `raw` fully, then store it; a rejected import raises and changes nothing.

    The bytes are read and checked first (pure, outside the lock); the checks against what is
    stored (member ids, names, newer or older) run on the journal as it is inside the lock."""
    parsed = read_shared(raw, now=now, own_member_id=own_identity(journal).member_id)
    if parsed.problems or parsed.value is None:
        raise problems_error(parsed.problems or ["It could not be read."])
    value = parsed.value
    with journal.transaction():
        settings = load_settings(journal)
        if isinstance(value, SharedPlan):
            return _import_plan(journal, value, now)
        if isinstance(value, SupporterCopy):
            from paceapp.app.supporter import store_copy

            try:
                action, words = store_copy(journal, value, now)
            except ValidationError as error:
                raise problems_error([str(error)]) from None
            return ImportOutcome(f"supporter-{action}", words, value
                                 if action in ("added", "updated") else None)
        return _import_card(journal, value, settings, now)


def _import_card(journal: Journal, card: GoalCard, settings: Settings,
                 now: datetime) -> ImportOutcome:
    peers = journal.list(PeerCard)
    existing = next((p for p in peers if p.member_id == card.member_id), None)
    try:
        check_member_id(peers, card.member_id, settings.member_id)
        action, record = merge_card(existing, card, now)
    except ValidationError as error:
        raise problems_error([str(error)]) from None
    name, when = card.display_name, show_date(card.shared_on)
    if action == "added":
        assert record is not None
        journal.add(record)
        shown = board_names([*peers, record], settings.display_name)[record.id]
        marked = (f" It is shown as {shown}: its name looks like another member's or yours, "
                  "or mixes alphabets." if shown != name else "")
        return ImportOutcome(action, f"Added {name}'s card (shared {when}, "
                             f"{len(card.goals)} goal{'s' if len(card.goals) != 1 else ''}) "
                             f"to your group board.{marked}", record)
    if action == "updated":
        assert record is not None and existing is not None
        journal.update(record)
        return ImportOutcome(action, f"Updated {name}'s card to the one shared {when}. The one "
                             f"from {show_date(existing.card.shared_on)} is kept as history.",
                             record)
    if action == "same":
        return ImportOutcome(action, f"You already have {name}'s card from {when}. "
                             "Nothing was changed.", None)
    assert existing is not None
    return ImportOutcome(action, f"This card from {name} ({when}) is older than the one on your "
                         f"board ({show_date(existing.card.shared_on)}), so it was not added. "
                         "Nothing was changed.", None)


def _import_plan(journal: Journal, shared: SharedPlan, now: datetime) -> ImportOutcome:
    stored = journal.get_single(GroupPlan)
    when = show_date(local_day(shared.shared_at))
    # A stored plan dated ahead of the clock (kept from before such dates were refused) does not
    # hold off a real one.
    if stored is not None and stored.content_at is not None \
            and stored.content_at >= shared.shared_at and stored.content_at <= now + FUTURE_SLACK:
        return ImportOutcome("plan-older", f"The group plan {shared.shared_by} shared on {when} is "
                             "not newer than yours, so yours was kept. Nothing was changed.", None)
    saved = journal.put_single(shared.plan)
    return ImportOutcome("plan", f"Saved the group plan {shared.shared_by} shared on {when}"
                         + (" in place of yours ('paceapp undo' puts yours back)." if stored
                            else "."), saved)
