from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from paceapp.outputs.files import (
    OutputExistsError,
    ensure_folder,
    free_path,
    refuse_existing,
    write_output,
    write_outputs,
)
from paceapp.paths import ENV_DOCUMENTS_DIR, documents_dir
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


# -- never replacing a file without being asked ---------------------------------------------------
def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"the old sheet")
    with pytest.raises(OutputExistsError) as refused:
        write_output(target, b"new")
    assert refused.value.exit_code == 2
    assert str(target.resolve()) in str(refused.value) and "--force" in str(refused.value)
    assert target.read_bytes() == b"the old sheet"
    assert write_output(target, b"new", force=True).read_bytes() == b"new"


def test_files_written_together_are_all_or_none(tmp_path: Path) -> None:
    card, message = tmp_path / "card.json", tmp_path / "card.txt"
    message.write_bytes(b"mine")
    with pytest.raises(OutputExistsError) as refused:
        write_outputs({card: b"{}", message: b"hello"})
    assert refused.value.paths == [message.resolve()]
    assert not card.exists() and message.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.txt"]  # no temp file left
    with pytest.raises(WriteFailedError):  # one bad place: the other is not written either
        write_outputs({card: b"{}", tmp_path / "nope" / "x.txt": b"x"})
    assert not card.exists()


def test_refuse_existing_checks_before_anything_is_done(tmp_path: Path) -> None:
    there, free = tmp_path / "a.json", tmp_path / "b.json"
    there.write_text("x")
    refuse_existing([free])
    refuse_existing([there, free], force=True)
    with pytest.raises(OutputExistsError):
        refuse_existing([free, there])


# -- free names -----------------------------------------------------------------------------------
def test_free_path_counts_up_without_replacing(tmp_path: Path) -> None:
    names = []
    for _ in range(4):
        path = free_path(tmp_path, "gp-sheet", ".pdf")
        assert not path.exists()
        write_output(path, b"x")
        names.append(path.name)
    assert names == ["gp-sheet.pdf", "gp-sheet (2).pdf", "gp-sheet (3).pdf", "gp-sheet (4).pdf"]
    assert free_path(tmp_path / "not-made-yet", "x", ".pdf") == tmp_path / "not-made-yet" / "x.pdf"


def test_free_path_counts_links_folders_and_partner_files_as_taken(tmp_path: Path) -> None:
    (tmp_path / "card.json").symlink_to(tmp_path / "nowhere")  # a dangling link is still a name
    assert free_path(tmp_path, "card", ".json") == tmp_path / "card (2).json"
    (tmp_path / "export").mkdir()
    assert free_path(tmp_path, "export") == tmp_path / "export (2)"
    (tmp_path / "card (2).txt").write_text("a message")
    assert free_path(tmp_path, "card", ".json", also=(".txt",)) == tmp_path / "card (3).json"


# -- the documents folder -------------------------------------------------------------------------
def test_documents_dir_follows_the_environment_and_is_not_created(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_DOCUMENTS_DIR, "docs")
    assert documents_dir() == tmp_path / "docs"  # a full path, even from a relative setting
    assert not (tmp_path / "docs").exists()
    monkeypatch.delenv(ENV_DOCUMENTS_DIR)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    assert documents_dir().is_absolute()
    ensure_folder(tmp_path / "docs" / "deeper")
    assert (tmp_path / "docs" / "deeper").is_dir()
