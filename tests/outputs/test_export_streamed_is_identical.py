"""The JSON export is written kind by kind as it is read (export_chunks); its bytes must be
exactly those of the whole-document export, for a folder of several years holding every kind,
through the file and through standard output alike."""

from __future__ import annotations

import json
import os
from pathlib import Path

from paceapp.outputs.export import export_document, render_export
from paceapp.store.journal import Journal
from paceapp.store.maintenance import export_records, parse_import
from tests.store.helpers import SAMPLE_DAY, make_sample


def test_streamed_export_is_byte_for_byte_the_document(tmp_path: Path, cli) -> None:  # noqa: ANN001
    from paceapp.demo import write_demo

    root = tmp_path / "data"
    make_sample(root)
    write_demo(root, 3 * 365, SAMPLE_DAY, seed=11)  # several years in every busy kind
    expected = render_export(export_document(export_records(Journal.open(root)))).encode()
    out = tmp_path / "e.json"
    ran = cli("data", "export", "--out", str(out), data=root)
    assert ran.code == 0, ran.err
    assert out.read_bytes() == expected
    assert os.stat(out).st_mode & 0o777 == 0o600
    shown = cli("data", "export", data=root)
    assert shown.code == 0 and shown.out.encode() == expected
    doc = json.loads(expected)
    assert len({r["id"] for rs in doc["records"].values() for r in rs}) > 3000
    assert sum(1 for rs in doc["records"].values() if rs) == len(doc["records"])  # every kind
    batch = parse_import(expected, out)  # and it still loads back
    assert sum(batch.counts().values()) == sum(len(v) for v in doc["records"].values())


def test_an_empty_folder_exports_as_before(tmp_path: Path, cli) -> None:  # noqa: ANN001
    root = tmp_path / "empty"
    expected = render_export(export_document(export_records(Journal.open(root)))).encode()
    shown = cli("data", "export", data=root)
    assert shown.code == 0 and shown.out.encode() == expected


def test_an_export_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path, cli) -> None:  # noqa: ANN001
    root = tmp_path / "data"
    assert cli("log", "pain", "4", data=root).code == 0
    target = tmp_path / "link.json"
    target.symlink_to(tmp_path / "elsewhere.json")
    ran = cli("data", "export", "--out", str(target), "--force", data=root)
    assert ran.code == 1 and "ordinary file" in ran.err and "Traceback" not in ran.err
    assert not (tmp_path / "elsewhere.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
