from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from paceapp.outputs.files import write_output
from paceapp.store.errors import WriteFailedError
from tests.conftest import run_paceapp


def test_writes_whole_private_file(tmp_path: Path) -> None:
    written = write_output(tmp_path / "sheet.pdf", b"%PDF-1.4 data")
    assert written.read_bytes() == b"%PDF-1.4 data"
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600


@pytest.mark.parametrize("where", ["folder", "missing-parent"])
def test_refuses_places_it_cannot_write(tmp_path: Path, where: str) -> None:
    target = tmp_path if where == "folder" else tmp_path / "nope" / "x.pdf"
    with pytest.raises(WriteFailedError):
        write_output(target, b"x")


@pytest.mark.parametrize("args", [
    ("gp", "sheet", "--format", "pdf", "--out", "/dev/null"),
    ("share", "card", "--name", "Sam", "--out", "/dev/null", "--yes"),
    ("data", "export", "--out", "/dev/null", "--force"),
])
def test_never_replaces_dev_null(tmp_path: Path, args: tuple[str, ...]) -> None:
    data = tmp_path / "d"
    assert run_paceapp("log", "pain", "4", data=data).code == 0
    result = run_paceapp(*args, data=data)
    assert result.code in (1, 2), result.err
    assert "not an ordinary file" in result.err
    assert Path("/dev/null").is_char_device()
