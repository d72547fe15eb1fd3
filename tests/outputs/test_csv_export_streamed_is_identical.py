"""The CSV export is written one data file at a time (memory independent of history): its files
must be byte for byte those of the whole-history CSV export, for a folder of several years
holding every kind, through `paceapp data export --format csv` and the Data section alike."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from paceapp.app.data import export_csv
from paceapp.app.folder import open_folder
from paceapp.core.kinds import all_kinds
from paceapp.outputs.export import csv_files
from paceapp.store.maintenance import export_records
from tests.store.helpers import SAMPLE_DAY, make_sample


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paceapp.demo import write_demo

    root = tmp_path_factory.mktemp("csv") / "data"
    make_sample(root)
    write_demo(root, 3 * 365, SAMPLE_DAY, seed=11)  # several years in every busy kind
    return root


def test_streamed_csv_is_byte_for_byte_the_whole_export(years: Path, tmp_path: Path,
                                                         cli) -> None:  # noqa: ANN001
    expected = csv_files(all_kinds(), export_records(open_folder(years)))
    assert sum(payload.count(b"\r\n") for payload in expected.values()) > 3000
    out = tmp_path / "csv"
    ran = cli("data", "export", "--format", "csv", "--out", str(out), data=years)
    assert ran.code == 0, ran.err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == expected
    for path in out.iterdir():
        assert os.stat(path).st_mode & 0o777 == 0o600
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_the_csv_export_never_holds_a_whole_kind(years: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the whole history nor a whole kind is read at once: only file by file."""
    import paceapp.store.maintenance as maintenance
    from paceapp.store.journal import Journal

    def whole(*_args: object, **_kw: object) -> None:
        raise AssertionError("the whole history was read at once")

    monkeypatch.setattr(maintenance, "export_records", whole)
    monkeypatch.setattr(Journal, "list", whole)
    total, files = export_csv(open_folder(years), tmp_path / "csv")
    assert total > 3000 and len(files) == len(all_kinds())


def test_an_empty_folder_gives_the_headers_only(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    expected = csv_files(all_kinds(), export_records(open_folder(root)))
    total, files = export_csv(open_folder(root), tmp_path / "csv")
    assert total == 0 and {p.name: p.read_bytes() for p in files} == expected
    assert not root.exists()  # exporting writes nothing into the data folder


def test_a_csv_export_over_a_link_writes_nothing(tmp_path: Path, cli) -> None:  # noqa: ANN001
    root = tmp_path / "data"
    assert cli("log", "pain", "4", data=root).code == 0
    out = tmp_path / "csv"
    out.mkdir()
    (out / "pain.csv").symlink_to(tmp_path / "elsewhere.csv")
    ran = cli("data", "export", "--format", "csv", "--out", str(out), "--force", data=root)
    assert ran.code == 1 and "ordinary file" in ran.err and "Traceback" not in ran.err
    assert not (tmp_path / "elsewhere.csv").exists()
    assert [p.name for p in out.iterdir()] == ["pain.csv"]
