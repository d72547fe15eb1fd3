"""Run code as if this computer were in another time zone (TZ + time.tzset), then put it back."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """Inside the block, local time follows `name` ('America/New_York'); the tests run in
    Europe/London otherwise (tests/conftest.py)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()
