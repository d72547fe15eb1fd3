"""A crash-safe, multi-process-safe tinydb Storage.

tinydb's stock JSONStorage rewrites the file in place (seek, write, truncate): a crash or a full disk
mid-write leaves a broken file, and two processes overwrite each other. This storage instead:

* writes the whole document to a temporary file in the same folder, flushes and fsyncs it, then
  ``os.replace``-s it over the old file and fsyncs the folder - so the file on disk is always either
  the old version or the new one, even after ``kill -9`` or power loss;
* refuses to write unless the data folder's exclusive lock is held (see :class:`DataFolder`), so a
  read-modify-write by one process never overwrites another's;
* keeps the parsed data in memory and re-reads the file only when its identity (inode, size,
  mtime) changed, so reads are cheap and a change by another process is always seen;
* writes compact JSON on one line ending in a newline: the final ``}\\n`` is the only newline in the
  file, so a truncated file is spotted by reading two bytes (see :func:`looks_complete`);
* never writes over a file that failed to parse.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from paceapp.store.errors import WriteFailedError

if TYPE_CHECKING:
    from paceapp.store.folder import DataFolder

FILE_MODE = 0o600
TRAILER = b"}\n"

FileKey = tuple[int, int, int]


class UnreadableFile(Exception):
    """Raised by read() when a file exists but does not parse; carries the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def file_key(path: Path) -> FileKey | None:
    """(inode, size, mtime_ns) of `path`, or None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def encode(data: Any) -> bytes:
    """Compact one-line JSON plus a final newline (the newline marks a complete file)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def decode(payload: bytes, path: Path) -> Any:
    """Parse a data file, or raise UnreadableFile with a plain reason."""
    if not payload.endswith(TRAILER):
        raise UnreadableFile(path, "it is incomplete: it may have been cut short")
    try:
        data = json.loads(payload)
    except UnicodeDecodeError:
        raise UnreadableFile(path, "it is not text") from None
    except ValueError as error:
        raise UnreadableFile(path, f"it is not valid JSON: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise UnreadableFile(path, "it does not hold paceapp tables")
    return data


def looks_complete(path: Path) -> bool:
    """Cheap check (two bytes) that a data file was written whole."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() < len(TRAILER):
                return False
            handle.seek(-len(TRAILER), os.SEEK_END)
            return handle.read() == TRAILER
    except OSError:
        return False


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:  # some filesystems cannot fsync a folder; the data file itself is synced
        if error.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def atomic_write_many(files: dict[Path, bytes]) -> dict[Path, FileKey]:
    """Write several files all-or-nothing as far as the disk goes; return each new file's key.

    Every new file is written and synced beside its old one first; only when all are on disk are
    they swapped in (os.replace) and their folders synced. A failure while writing (disk full,
    file too large, no permission) leaves every old file exactly as it was and raises
    WriteFailedError.
    """
    for path in files:
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        except OSError as error:
            raise WriteFailedError(write_failure_message(path, error)) from error
        if not stat.S_ISREG(mode):  # e.g. /dev/null or a link: replacing it would break it
            raise WriteFailedError(f"{path} is not an ordinary file, so paceapp will not write "
                                   "over it. Please give a new file name.")
    staged: list[tuple[str, Path]] = []
    keys: dict[Path, FileKey] = {}
    try:
        for path, payload in files.items():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp_name, path))
            with os.fdopen(fd, "wb") as handle:
                if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                    os.fchmod(handle.fileno(), FILE_MODE)
                else:
                    os.chmod(tmp_name, FILE_MODE)
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
                st = os.fstat(handle.fileno())
                keys[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
        while staged:
            tmp_name, path = staged[0]
            os.replace(tmp_name, path)
            staged.pop(0)
        for folder in {path.parent for path in files}:
            fsync_folder(folder)
    except OSError as error:
        where = staged[0][1] if staged else next(iter(files), Path("."))
        raise WriteFailedError(write_failure_message(where, error)) from error
    finally:
        for tmp_name, _path in staged:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass  # best effort: a stray temp file is harmless and is never read
    return keys


def atomic_write(path: Path, payload: bytes) -> FileKey:
    """Write `payload` to `path` atomically and durably; return the new file's key."""
    return atomic_write_many({path: payload})[path]


def write_failure_message(path: Path, error: OSError) -> str:
    """Plain words for a failed write."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.EFBIG: "the file would be larger than this system allows",
        errno.EROFS: "the folder is read-only",
        errno.EACCES: "paceapp is not allowed to write there",
        errno.EPERM: "paceapp is not allowed to write there",
    }
    reason = reasons.get(error.errno or 0, error.strerror or "the system refused the write")
    return (f"Could not save to {path.parent}: {reason}.\n"
            "Nothing you had saved before was lost. Free some space or fix the folder, "
            "then try again.")


class SafeJSONStorage(Storage):
    """tinydb Storage over one file, safe against crashes and other processes.

    Inside a Journal transaction, writes are staged (`folder.staging`) and written together when
    the transaction ends, so a change that touches two files (a record and the undo log) lands
    whole or not at all.
    """

    def __init__(self, path: Path, folder: DataFolder) -> None:
        self.path = Path(path)
        self.folder = folder
        self._data: dict[str, Any] | None = None
        self._key: FileKey | None = None
        self._pending: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        key = file_key(self.path)
        if key is None:
            self._data, self._key = None, None
            return None
        if key != self._key or self._data is None:
            try:
                payload = self.path.read_bytes()
            except FileNotFoundError:
                self._data, self._key = None, None
                return None
            self._data = decode(payload, self.path)
            self._key = key
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self.folder.require_lock()
        if self.folder.staging is not None:
            self._pending = data
            self.folder.staging[self.path] = self
            return
        try:
            self._key = atomic_write(self.path, encode(data))
            self._data = data
        except BaseException:
            self.forget()
            raise

    def pending_payload(self) -> bytes:
        assert self._pending is not None
        return encode(self._pending)

    def committed(self, key: FileKey) -> None:
        """The staged data is now the file's content."""
        self._data, self._key, self._pending = self._pending, key, None

    def forget(self) -> None:
        """Drop the in-memory copy (after a failed change) so the next read uses the file."""
        self._data, self._key, self._pending = None, None, None

    def close(self) -> None:
        self.forget()
