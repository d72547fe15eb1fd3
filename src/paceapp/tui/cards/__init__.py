"""Cards on the Today screen. Each feature contributes one (its module's `CARD`)."""

from __future__ import annotations

from paceapp.tui.cards.base import TodayCard


def card_classes() -> list[type[TodayCard]]:
    """Today's cards, in the order Today shows them. Imported here by name (not from a list of
    strings), so a renamed card module fails loudly rather than its card quietly going missing;
    inside the function because each card module imports this package's `base`."""
    from paceapp.tui.cards import checkin, day, flare, goals, gp, group, pacing, sleep

    return [checkin.CARD, flare.CARD, sleep.CARD, day.CARD, pacing.CARD, goals.CARD, gp.CARD,
            group.CARD]
