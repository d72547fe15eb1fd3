"""The person's settings: reading them (with defaults) and changing some of them.

A change names only the fields the person changed; they are applied to the settings as stored
at the moment of writing (read inside the lock), so a change made meanwhile elsewhere - the app
open while `paceapp settings set` runs in another window - is never blanked by an old copy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from paceapp.core.errors import ValidationError
from paceapp.core.settings import WEEKDAYS, Settings
from paceapp.store.journal import Journal
from paceapp.store.settings import ensure_member_id, load_settings, update_settings

__all__ = ["Settings", "change_settings", "ensure_member_id", "load_settings", "weekday_number"]

#: The fields a person may change (the member id is made once and never changed).
CHANGEABLE = frozenset(f.name for f in dataclasses.fields(Settings)) - {
    "id", "created", "updated", "member_id"}


def weekday_number(text: str) -> int:
    """0 (Monday) ... 6 (Sunday) for a day written as 'Sunday', 'sun' or '6' (any case)."""
    cleaned = text.strip().lower()
    for number, name in enumerate(WEEKDAYS):
        if cleaned in (name.lower(), name.lower()[:3], str(number)):
            return number
    raise ValidationError(f"'{text}' is not a day of the week. Write Monday, Sunday, etc.",
                          "week_starts")


def _fields(current: Settings, changes: Mapping[str, Any], keys: Mapping[str, str],
            reset_keys: bool) -> dict[str, Any]:
    """The fields to change on `current`: `changes`, with `keys` added to its remapped keys
    (after clearing them all, with `reset_keys`)."""
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise TypeError(f"not a setting that can be changed: {', '.join(sorted(unknown))}")
    fields = dict(changes)
    if keys or reset_keys:
        keymap = {} if reset_keys else dict(fields.get("keymap", current.keymap))
        keymap.update(keys)
        fields["keymap"] = keymap
    return fields


def change_settings(journal: Journal, *, keys: Mapping[str, str] | None = None,
                    reset_keys: bool = False, **changes: Any) -> Settings:
    """Change only the named settings (and add `keys` to the remapped keys, or clear those first
    with `reset_keys`), on the settings as stored now; return the settings as stored after.

    A wrong value raises ValidationError (naming the field) and changes nothing - not even the
    day's backup. The change is one step for undo."""
    keys = dict(keys or {})
    # Checked first on the copy at hand, so a wrong value writes nothing at all ...
    current = load_settings(journal)
    dataclasses.replace(current, **_fields(current, changes, keys, reset_keys)).validate()
    with journal.transaction():
        # ... then applied to the settings as they are now, read under the lock.
        fields = _fields(load_settings(journal), changes, keys, reset_keys)
        return update_settings(journal, **fields)
