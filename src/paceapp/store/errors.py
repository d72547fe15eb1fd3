"""Storage failures, each with a message that says what happened and what to do."""

from __future__ import annotations

import shlex
from pathlib import Path

from paceapp.core.errors import PaceError


class StoreError(PaceError):
    """Something went wrong reading or writing the data folder. Nothing was lost."""

    exit_code = 1


class DataFileError(StoreError):
    """A data file cannot be used. paceapp neither reads nor writes it until it is put right."""

    path: Path


class CorruptFileError(DataFileError):
    """A data file does not parse, or a record in it does not check out. It is never written."""

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
            "paceapp has not changed it, and will not write to it until it is repaired or a "
            f"backup is put back.\n{fix}")


class UnusableFileError(DataFileError):
    """A data file paceapp may not read, or a link where a data file should be: nothing in the
    file is wrong, so the advice is how to give paceapp the file back, not to restore a backup."""

    def __init__(self, path: Path, reason: str, fix: str) -> None:
        self.path = path
        super().__init__(f"The data file {path} cannot be used: {reason}.\n"
                         f"paceapp has not changed anything.\n{fix}")


def advice(path: Path, kind: str, target: str | None = None) -> str:
    """What to do about a data file that cannot be used for `kind` (see storage.DAMAGED ...)."""
    where = shlex.quote(str(path))
    if kind == "not-allowed":
        return (f"If it is your file, this lets paceapp read it again: chmod 600 {where}\n"
                "(On a shared or synced folder, check who owns the file.)")
    if kind == "link":
        return ("To keep using that file, put it in place of the link: "
                f"rm {where} && cp {shlex.quote(target or '?')} {where}")
    if kind == "dangling":
        return ("If the file it pointed to is somewhere else now (an unplugged disk?), put it back "
                f"there. If it is gone for good, remove the link: rm {where}\n"
                "'paceapp data backups' lists backups that may hold a copy.")
    return "'paceapp data check' lists what is wrong."


class NewerFormatError(StoreError):
    """The data folder was written by a newer paceapp."""


class WriteFailedError(StoreError):
    """A write did not complete (disk full, read-only folder...). The previous file is intact."""


class BusyError(StoreError):
    """Another paceapp held the data folder's lock for too long."""
