"""Writing a file the person asked for (a GP sheet, a card, an export): whole or not at all.

Uses the store's atomic writer, so the file is private (0600), never half-written, and a device
or link such as /dev/null is never replaced by an ordinary file.
"""

from __future__ import annotations

from pathlib import Path

from paceapp.store.errors import WriteFailedError
from paceapp.store.storage import atomic_write_many, write_failure_message


def write_output(path: Path, data: bytes) -> Path:
    """Write `data` to `path`; return the full path. WriteFailedError (exit 1) says why not."""
    target = Path(path).expanduser()
    try:
        if target.is_dir():
            raise WriteFailedError(f"{target} is a folder. Please give a file name inside it.")
        if not target.parent.is_dir():
            raise WriteFailedError(f"The folder {target.parent} does not exist. Please choose a "
                                   "folder that does, or create it first.")
    except OSError as error:  # e.g. a name too long for the file system
        raise WriteFailedError(write_failure_message(target, error)) from None
    atomic_write_many({target: data})
    return target.resolve()
