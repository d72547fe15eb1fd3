"""Fixtures shared by the storage tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paceapp.store import storage


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the data files parsed while the test runs (in the order they were parsed)."""
    names: list[str] = []
    real = storage.decode

    def decode(payload: bytes, path: Path) -> Any:
        names.append(path.name)
        return real(payload, path)

    monkeypatch.setattr(storage, "decode", decode)
    return names
