"""Writing a file the person asked for (a GP sheet, a card, an export): whole or not at all.

Uses the store's atomic writer, so the file is private (0600), never half-written, and a device
or link such as /dev/null is never replaced by an ordinary file. A file that is already there is
never replaced unless the caller says so (`force`, the CLI's --force): `OutputExistsError`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from paceapp.core.errors import ValidationError
from paceapp.store.errors import WriteFailedError
from paceapp.store.storage import atomic_write_many, write_failure_message


class OutputExistsError(ValidationError):
    """A file is already where the output would go, and replacing it was not asked for (exit 2;
    nothing was written). `paths` are the files that are there."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [_full(p) for p in paths]
        names = " and ".join(str(p) for p in self.paths)
        there = "already exists" if len(paths) == 1 else "already exist"
        super().__init__(f"{names} {there}, so nothing was written. Add --force to replace it, "
                         "or choose another name.", "out")


def _full(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _is_ordinary_file(path: Path) -> bool:
    """True when `path` is an ordinary file (not a folder, device or link); False when absent."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def refuse_existing(paths: Iterable[Path], *, force: bool = False) -> None:
    """OutputExistsError (exit 2) when any of `paths` is an ordinary file already, unless `force`.

    Lets a command stop before it asks anything or changes anything; `write_outputs` checks
    again as it writes.
    """
    if force:
        return
    there = []
    for path in paths:
        target = Path(path).expanduser()
        try:
            if _is_ordinary_file(target):
                there.append(target)
        except OSError:
            continue  # write_outputs says what is wrong with this name
    if there:
        raise OutputExistsError(there)


def write_outputs(files: dict[Path, bytes], *, force: bool = False) -> list[Path]:
    """Write every file whole, all or none; return their full paths.

    Refuses (OutputExistsError, exit 2) when any of them is already there, unless `force`.
    WriteFailedError (exit 1) says why a file could not be written (a folder, a missing folder,
    not an ordinary file, the disk full...). Nothing is written when any check fails.
    """
    targets = {Path(path).expanduser(): data for path, data in files.items()}
    there: list[Path] = []
    for target in targets:
        try:
            if target.is_dir():
                raise WriteFailedError(f"{target} is a folder. Please give a file name inside it.")
            if not target.parent.is_dir():
                raise WriteFailedError(f"The folder {target.parent} does not exist. Please choose "
                                       "a folder that does, or create it first.")
            if _is_ordinary_file(target):
                there.append(target)
        except OSError as error:  # e.g. a name too long for the file system
            raise WriteFailedError(write_failure_message(target, error)) from None
    if there and not force:
        raise OutputExistsError(there)
    atomic_write_many(targets)  # refuses devices and links itself ("not an ordinary file")
    return [target.resolve() for target in targets]


def write_output(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path`; return the full path.

    An existing file is replaced only with `force` (else OutputExistsError, exit 2);
    WriteFailedError (exit 1) says why it could not be written.
    """
    return write_outputs({path: data}, force=force)[0]


def free_path(folder: Path, stem: str, suffix: str = "", *, also: Iterable[str] = ()) -> Path:
    """A name in `folder` that is not taken yet: stem+suffix, else "stem (2)suffix", "stem (3)"...

    `also` lists other endings that must be free too, for files written side by side (a card's
    .json and its message's .txt).
    """
    endings = [suffix, *also]
    count = 1
    while True:
        name = stem if count == 1 else f"{stem} ({count})"
        candidate = folder / f"{name}{suffix}"
        if not any(os.path.lexists(folder / f"{name}{ending}") for ending in endings):
            return candidate
        count += 1


def ensure_folder(folder: Path) -> None:
    """Create `folder` (and any folders above it) to save into; WriteFailedError says why not.

    Used for the documents folder, which is made only when something is first saved there.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteFailedError(write_failure_message(folder / "x", error)) from None
