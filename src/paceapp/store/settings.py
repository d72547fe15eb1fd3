"""Reading the settings with defaults (a fresh folder has none stored yet), and changing some."""

from __future__ import annotations

import dataclasses
from typing import Any

from paceapp.core.settings import Settings
from paceapp.store.journal import Journal


def load_settings(journal: Journal) -> Settings:
    """The stored settings, or defaults (not stored until changed, except the member id)."""
    return journal.get_single(Settings) or Settings()


def update_settings(journal: Journal, **changes: Any) -> Settings:
    """Change only the named fields, on the settings as stored now (read under the lock), so a
    change made meanwhile elsewhere (`paceapp settings set` in another window) is kept.

    Front ends call the use-case `paceapp.app.settings.change_settings`, which is built on this."""
    # Checked first, so a wrong value changes nothing (not even the day's backup).
    dataclasses.replace(load_settings(journal), **changes).validate()
    with journal.transaction():
        current = load_settings(journal)
        return journal.put_single(dataclasses.replace(current, **changes))


def ensure_member_id(journal: Journal) -> Settings:
    """Settings with a member id that is stored, so every card this person shares carries it."""
    stored = journal.get_single(Settings)
    if stored is not None:
        return stored
    return journal.put_single(Settings())
