"""The problems a use-case can report, for the front ends to phrase (re-exported from store)."""

from __future__ import annotations

from paceapp.store.errors import (
    BusyError,
    CorruptFileError,
    DataFileError,
    NewerFormatError,
    StoreError,
    UnusableFileError,
    WriteFailedError,
)

__all__ = ["BusyError", "CorruptFileError", "DataFileError", "NewerFormatError", "StoreError",
           "UnusableFileError", "WriteFailedError"]
