"""Drafts: what was typed into a form and not saved, kept so it is there when the form opens again
(also after paceapp was closed, or the terminal with it).

One small file per form in ``DATA/drafts/`` (the file 0600, the folder 0700), each written whole
through the store's crash-safe writer (`atomic_write`): a draft is never half written. Drafts are
not records: they are not in the undo list, the backups or an export, and a damaged or odd draft
file is simply not used. A draft goes when its form is saved, or left with nothing changed.

Forms write drafts from a worker thread while the person types and once more, on the UI thread,
when the form closes. Every write carries a number from `next_order()`, taken when it was asked
for: a write that arrives after a newer one for the same form is skipped, so the last words typed
are the ones kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paceapp.core.value import Value
from paceapp.store.errors import WriteFailedError
from paceapp.store.storage import atomic_write, write_failure_message

if TYPE_CHECKING:
    from paceapp.store.journal import Journal

__all__ = ["Draft", "DraftStore", "Values", "drafts_for"]

#: A form's values: widget id -> text (Input, TextArea), the chosen value (Select) or on/off.
Values = dict[str, "str | bool | None"]

FOLDER_NAME = "drafts"
FOLDER_MODE = 0o700
#: Larger files are not drafts paceapp wrote (its forms hold a few thousand characters at most).
MOST_BYTES = 256 * 1024
VERSION = 1


@dataclass(frozen=True, eq=False, repr=False)
class Draft(Value):
    """Unsaved words: the form they belong to (`key`), when they were kept, what the form
    showed when it was opened (`start`) and what had been typed (`values`)."""

    key: str
    saved: datetime
    start: Values
    values: Values

    def to_json(self) -> bytes:
        data = {"version": VERSION, "key": self.key, "saved": self.saved.isoformat(),
                "start": self.start, "values": self.values}
        return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, payload: bytes) -> Draft | None:
        """The draft in `payload`, or None when it is not one paceapp could have written."""
        try:
            data = json.loads(payload)
            if not isinstance(data, dict) or data.get("version") != VERSION:
                return None
            saved = datetime.fromisoformat(data["saved"])
            key, start, values = data["key"], data["start"], data["values"]
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        if not isinstance(key, str) or not _is_values(start) or not _is_values(values):
            return None
        return cls(key, saved, start, values)


def _is_values(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(k, str) and (v is None or isinstance(v, (str, bool))) for k, v in data.items())


class DraftStore:
    """The drafts of one data folder (`folder` None: kept in memory, for an in-memory journal)."""

    def __init__(self, root: Path | None) -> None:
        self.folder = None if root is None else Path(root) / FOLDER_NAME
        self._memory: dict[str, Draft] = {}
        self._lock = threading.Lock()
        self._order = 0
        self._applied: dict[str, int] = {}

    def next_order(self) -> int:
        """A number for a write about to be asked for (see the module's notes)."""
        with self._lock:
            self._order += 1
            return self._order

    def path(self, key: str) -> Path:
        assert self.folder is not None
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        return self.folder / f"{digest}.json"

    def get(self, key: str) -> Draft | None:
        """The draft kept for `key`, if there is a usable one."""
        if self.folder is None:
            with self._lock:
                return self._memory.get(key)
        path = self.path(key)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MOST_BYTES:
                return None
            payload = path.read_bytes()
        except OSError:
            return None
        draft = Draft.from_json(payload)
        return draft if draft is not None and draft.key == key else None

    def put(self, draft: Draft, order: int) -> None:
        """Keep `draft` (unless a newer write for its form came first). Raises WriteFailedError."""
        self._write(draft.key, draft, order)

    def drop(self, key: str, order: int) -> None:
        """Forget the draft for `key` (unless a newer write for it came first)."""
        self._write(key, None, order)

    def _write(self, key: str, draft: Draft | None, order: int) -> None:
        with self._lock:
            if order < self._applied.get(key, 0):
                return
            self._applied[key] = order
            if self.folder is None:
                if draft is None:
                    self._memory.pop(key, None)
                else:
                    self._memory[key] = draft
                return
            path = self.path(key)
            try:
                if draft is None:
                    path.unlink(missing_ok=True)
                    return
                self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
                os.chmod(self.folder, FOLDER_MODE)
            except OSError as error:
                raise WriteFailedError(write_failure_message(path, error)) from error
            atomic_write(path, draft.to_json())  # 0600, synced, swapped in whole


_stores: weakref.WeakKeyDictionary[Journal, DraftStore] = weakref.WeakKeyDictionary()
_stores_lock = threading.Lock()


def drafts_for(journal: Journal) -> DraftStore:
    """The one DraftStore for `journal`'s data folder (one per journal, so write order holds)."""
    with _stores_lock:
        store = _stores.get(journal)
        if store is None:
            store = DraftStore(journal.folder.root if journal.folder is not None else None)
            _stores[journal] = store
        return store
