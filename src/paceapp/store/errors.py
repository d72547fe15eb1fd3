"""Storage failures, each with a message that says what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from paceapp.core.errors import PaceError


class StoreError(PaceError):
    """Something went wrong reading or writing the data folder. Nothing was lost."""

    exit_code = 1


class CorruptFileError(StoreError):
    """A data file does not parse. It is never overwritten."""

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        if backup is not None:
            fix = (f"The newest backup that has a good copy is {backup}.\n"
                   f"To put it back: paceapp data restore {backup.name}")
        else:
            fix = "There is no backup of it yet. Please keep a copy of the file before changing it."
        super().__init__(
            f"The data file {path} cannot be read ({reason}).\n"
            f"paceapp has not changed it, and will not write to it.\n{fix}")


class NewerFormatError(StoreError):
    """The data folder was written by a newer paceapp."""


class WriteFailedError(StoreError):
    """A write did not complete (disk full, read-only folder...). The previous file is intact."""


class BusyError(StoreError):
    """Another paceapp held the data folder's lock for too long."""
