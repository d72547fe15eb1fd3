"""Drafts of forms (app/drafts.py): kept whole, the last words typed win, odd files unused,
one store per data folder handle, and no draft is ever a record."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from paceapp.app.drafts import MOST_BYTES, Draft, DraftStore, drafts_for
from paceapp.app.folder import Journal, open_folder
from tests.conftest import folder_bytes

SAVED = datetime(2026, 11, 20, 9, 30).astimezone()


def draft(key: str, text: str) -> Draft:
    return Draft(key, SAVED, {"note": ""}, {"note": text, "on": True, "pick": None})


@pytest.mark.parametrize("where", ["disk", "memory"])
def test_a_draft_is_kept_and_dropped(tmp_path: Path, where: str) -> None:
    store = DraftStore(tmp_path / "data" if where == "disk" else None)
    assert store.get("pain") is None
    store.put(draft("pain", "knee sore"), store.next_order())
    assert store.get("pain") == draft("pain", "knee sore")
    assert store.get("sleep") is None
    store.drop("pain", store.next_order())
    assert store.get("pain") is None


def test_a_write_asked_for_earlier_never_replaces_a_later_one(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    early, late = store.next_order(), store.next_order()
    store.put(draft("pain", "the last words"), late)
    store.put(draft("pain", "older words"), early)  # a worker that arrived late
    store.drop("pain", early)
    assert store.get("pain") == draft("pain", "the last words")


def test_drafts_are_private_and_not_records(data_dir: Path) -> None:
    journal = open_folder(data_dir)
    store = drafts_for(journal)
    assert drafts_for(journal) is store  # one store per handle, so write order holds
    store.put(draft("pain", "private words"), store.next_order())
    [file] = (data_dir / "drafts").iterdir()
    assert os.stat(file).st_mode & 0o777 == 0o600
    assert os.stat(data_dir / "drafts").st_mode & 0o777 == 0o700
    assert folder_bytes(data_dir) == {}  # drafts are not data: no record, no backup, no undo
    assert drafts_for(Journal.in_memory()).folder is None


@pytest.mark.parametrize("payload", [b"", b"{", b"[]", b'{"version": 2}', b"\xff\xfe",
                                     b'{"version": 1, "key": "pain", "saved": "x", '
                                     b'"start": {}, "values": {}}',
                                     b'{"version": 1, "key": "pain", "saved": '
                                     b'"2026-11-20T09:30:00", "start": {}, "values": {"a": 1}}',
                                     b" " * (MOST_BYTES + 1)])
def test_an_odd_or_damaged_draft_file_is_not_used(tmp_path: Path, payload: bytes) -> None:
    store = DraftStore(tmp_path)
    store.put(draft("pain", "words"), store.next_order())
    store.path("pain").write_bytes(payload)
    assert store.get("pain") is None


def test_a_draft_for_another_form_under_the_same_name_is_not_used(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.put(draft("sleep", "words"), store.next_order())
    store.path("pain").write_bytes(store.path("sleep").read_bytes())
    assert store.get("pain") is None
