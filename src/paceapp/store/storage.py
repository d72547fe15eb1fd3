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
* never writes over a file that failed to parse or holds a record that does not check out: a file
  is used only after :meth:`DataFolder.vouch` has checked it, or found its seal intact (below);
* seals each file it writes: the file starts with a ``_checked`` table holding the SHA-256 of the
  rest of the file. paceapp writes only checked records into files it checked, so a file whose
  seal matches is known to pass every check; one changed by anything else (an editor, a sync
  tool, an older paceapp) no longer matches and is checked in full before it is used.
* reads and writes only ordinary files: a data file that is a link (or a link to nothing) is
  refused, with that reason, for reading and writing alike.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from paceapp.store.errors import WriteFailedError

if TYPE_CHECKING:
    from paceapp.store.folder import DataFolder

FILE_MODE = 0o600
TRAILER = b"}\n"
#: The table at the start of a sealed file: {"_checked":{"1":{"sha256":"<64 hex>"}}, ...}.
SEAL_TABLE = "_checked"
SEAL_HEAD = b'{"_checked":{"1":{"sha256":"'
SEAL_TAIL = b'"}},'
_SEAL_LEN = len(SEAL_HEAD) + 64 + len(SEAL_TAIL)

FileKey = tuple[int, int, int]


#: Why a data file cannot be used, as `UnreadableFile.kind`: each has its own advice.
DAMAGED = "damaged"          # cut short, not JSON, or a record in it does not check out
NOT_ALLOWED = "not-allowed"  # the system does not let paceapp read it (permissions)
LINK = "link"                # a symbolic link to a file elsewhere
DANGLING = "dangling"        # a symbolic link to a file that is not there
ODD = "odd"                  # a folder, a device... where a data file should be


class UnreadableFile(Exception):
    """A data file exists but cannot be used; carries the reason and its kind (see DAMAGED...)."""

    def __init__(self, path: Path, reason: str, kind: str = DAMAGED,
                 target: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.kind = kind
        #: Where a link points (LINK and DANGLING only).
        self.target = target
        super().__init__(f"{path}: {reason}")


def seal_intact(payload: bytes) -> bool:
    """True when `payload` starts with paceapp's seal and the rest of it is exactly what was
    sealed (cheap: one SHA-256, no parsing)."""
    if len(payload) <= _SEAL_LEN or not payload.startswith(SEAL_HEAD):
        return False
    if payload[_SEAL_LEN - len(SEAL_TAIL):_SEAL_LEN] != SEAL_TAIL:
        return False
    stated = payload[len(SEAL_HEAD):len(SEAL_HEAD) + 64]
    return hashlib.sha256(payload[_SEAL_LEN:]).hexdigest().encode("ascii") == stated


def file_key(path: Path) -> FileKey | None:
    """(inode, size, mtime_ns) of `path` itself (a link is not followed), or None when absent."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def link_trouble(path: Path) -> UnreadableFile:
    """The refusal for a data file that is a symbolic link (to a file, or to nothing)."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    if os.path.exists(path):
        return UnreadableFile(
            path, f"it is a link to {target}; paceapp keeps its data files as ordinary files, so "
                  "that a backup is a real copy and a save never changes a file outside the data "
                  "folder", LINK, target)
    return UnreadableFile(path, f"it is a link to {target}, which is not there", DANGLING, target)


def open_trouble(path: Path, error: OSError) -> UnreadableFile:
    """The refusal for a data file the system would not open, in plain words."""
    if isinstance(error, PermissionError):
        return UnreadableFile(path, "paceapp is not allowed to read it (its permissions do not let "
                                    "you read it)", NOT_ALLOWED)
    return UnreadableFile(path, f"the system could not read it ({error.strerror or error})",
                          NOT_ALLOWED)


def file_trouble(path: Path) -> UnreadableFile | None:
    """Cheap whole-file check (no parsing): why `path` cannot be used, or None when it can.

    Finds a link, a link to nothing, something that is not a file, a file paceapp may not read,
    and a file cut short (it does not end as every complete write does).
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return open_trouble(path, error)
    if stat.S_ISLNK(st.st_mode):
        return link_trouble(path)
    if not stat.S_ISREG(st.st_mode):
        return UnreadableFile(path, "it is not an ordinary file", ODD)
    try:
        # os-level calls (no buffered file object): this runs for every data file whenever a
        # folder is opened, so its cost grows with years of history.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.lseek(handle, 0, os.SEEK_END)
            os.lseek(handle, max(0, size - TAIL_READ), os.SEEK_SET)
            tail = os.read(handle, TAIL_READ)
        finally:
            os.close(handle)
    except FileNotFoundError:
        return None
    except OSError as error:
        return open_trouble(path, error)
    reason = ending_trouble(tail, size, lambda: path.read_bytes())
    return UnreadableFile(path, reason) if reason else None


#: How many bytes at the end of a file tell how it ends.
TAIL_READ = 16


def ending_trouble(tail: bytes, size: int, whole: Callable[[], bytes]) -> str | None:
    """Why a file ending in `tail` (of `size` bytes) cannot be taken as whole, or None.

    paceapp ends every file it writes with '}' and one newline, so that ending is enough. A file
    ending otherwise in '}' and spacing (saved by an editor, perhaps with Windows line ends) is
    whole if it parses (`whole` gives its bytes); anything else was cut short.
    """
    if tail.endswith(TRAILER):
        return None
    if size == 0:
        return "it is empty: it may have been cut short"
    if tail.rstrip(b" \t\r\n").endswith(b"}"):
        try:
            json.loads(whole())
        except (OSError, ValueError, RecursionError):
            pass
        else:
            return None
    return "it is incomplete: it may have been cut short"


def encode(data: Any, *, seal: bool = False) -> bytes:
    """Compact one-line JSON plus a final newline (the newline marks a complete file).

    With `seal` (only for tables known to pass every check) the file starts with the seal table:
    the SHA-256 of everything after it. Any seal in `data` is dropped first.
    """
    if isinstance(data, dict) and SEAL_TABLE in data:
        data = {k: v for k, v in data.items() if k != SEAL_TABLE}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    if not seal or not isinstance(data, dict) or not data:
        return body
    rest = body[1:]
    return SEAL_HEAD + hashlib.sha256(rest).hexdigest().encode("ascii") + SEAL_TAIL + rest


def sealed(payload: bytes, path: Path) -> bytes:
    """`payload` (a data file that passes every check) with a true seal."""
    return payload if seal_intact(payload) else encode(decode(payload, path), seal=True)


def decode(payload: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse a data file (its tables), or raise UnreadableFile with a plain reason."""
    try:
        data: Any = json.loads(payload)
    except RecursionError:
        raise UnreadableFile(path, "it is nested far too deeply to be a paceapp file") from None
    except ValueError as error:  # UnicodeDecodeError too
        if not payload.endswith(TRAILER):
            size = len(payload)
            raise UnreadableFile(path, ending_trouble(payload[-TAIL_READ:], size, lambda: b"")
                                 or "it is incomplete: it may have been cut short") from None
        if isinstance(error, UnicodeDecodeError):
            raise UnreadableFile(path, "it is not text") from None
        raise UnreadableFile(path, f"it is not valid JSON: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise UnreadableFile(path, "it does not hold paceapp tables")
    tables: dict[str, dict[str, Any]] = data  # checked just above
    tables.pop(SEAL_TABLE, None)  # the seal is checked on the bytes (seal_intact), not data
    return tables


def looks_complete(path: Path) -> bool:
    """Cheap check (two bytes) that a data file was written whole (and is an ordinary file)."""
    return file_trouble(path) is None and path.exists()


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


def atomic_write_many(files: dict[Path, bytes], *,
                      replace_links: frozenset[Path] = frozenset()) -> dict[Path, FileKey]:
    """Write several files all-or-nothing as far as the disk goes; return each new file's key.

    Every new file is written and synced beside its old one first; only when all are on disk are
    they swapped in (os.replace) and their folders synced. A failure while writing (disk full,
    file too large, no permission) leaves every old file exactly as it was and raises
    WriteFailedError. A path that is a link is refused, unless it is in `replace_links`: then the
    link itself is replaced by the new file (its target is never touched) - how a restore puts
    a real file back where a link was.
    """
    for path in files:
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        except OSError as error:
            raise WriteFailedError(write_failure_message(path, error)) from error
        if stat.S_ISLNK(mode) and path in replace_links:
            continue
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
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            self._data, self._key = None, None
            return None
        except OSError as error:
            raise open_trouble(self.path, error) from None
        if not stat.S_ISREG(st.st_mode):
            raise file_trouble(self.path) or UnreadableFile(self.path, "it is not an ordinary file",
                                                            ODD)
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        if key != self._key or self._data is None:
            try:
                payload = self.path.read_bytes()
            except FileNotFoundError:
                self._data, self._key = None, None
                return None
            except OSError as error:
                raise open_trouble(self.path, error) from None
            data = decode(payload, self.path)
            self.folder.vouch(self.path, payload, data)
            self._data, self._key = data, key
        return self._data

    def still_current(self) -> None:
        """Raise StoreError when the file changed on disk since it was read (say, a sync tool
        replaced it while paceapp was saving): the change would be made to an old copy."""
        if file_key(self.path) != self._key:
            from paceapp.store.errors import StoreError

            raise StoreError(f"The data file {self.path} was changed by another program while "
                             "paceapp was saving. Nothing was saved. Please try again.")

    def write(self, data: dict[str, Any]) -> None:
        self.folder.require_lock()
        if self.folder.staging is not None:
            self._pending = data
            self.folder.staging[self.path] = self
            return
        try:
            self._key = atomic_write(self.path, encode(data, seal=True))
            self._data = data
        except BaseException:
            self.forget()
            raise

    def pending_payload(self) -> bytes:
        """The staged data, sealed: it was read from this file (checked) and changed only with
        checked records."""
        assert self._pending is not None
        return encode(self._pending, seal=True)

    def committed(self, key: FileKey) -> None:
        """The staged data is now the file's content."""
        self._data, self._key, self._pending = self._pending, key, None

    def forget(self) -> None:
        """Drop the in-memory copy (after a failed change) so the next read uses the file."""
        self._data, self._key, self._pending = None, None, None

    def close(self) -> None:
        self.forget()
