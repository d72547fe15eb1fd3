"""Reading the settings with defaults (a fresh folder has none stored yet).

Changing them is a use-case: `paceapp.app.settings.change_settings`.
"""

from __future__ import annotations

from paceapp.core.settings import Settings
from paceapp.store.journal import Journal


def load_settings(journal: Journal) -> Settings:
    """The stored settings, or defaults (not stored until changed, except the member id)."""
    return journal.get_single(Settings) or Settings()


def ensure_member_id(journal: Journal) -> Settings:
    """Settings with a member id that is stored, so every card this person shares carries it."""
    stored = journal.get_single(Settings)
    if stored is not None:
        return stored
    return journal.put_single(Settings())
