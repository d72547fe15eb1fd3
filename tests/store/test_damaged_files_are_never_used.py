"""A file paceapp calls damaged is never written - nor read - until it is repaired or restored,
`data check` finds every case (file and record named), odd records never crash a command, and
every message gives the real reason (cut short, a bad record, a link, a link to nothing, a file
paceapp may not read, a newer format).

The class tests put many kinds of bad value into every field of a record of every kind and
check that reading, writing and `data check` agree, with the files byte-identical (sha256)
whenever something is refused.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from paceapp.core.kinds import all_kinds
from paceapp.core.pain import PainEntry
from paceapp.core.records import new_id
from paceapp.store import integrity
from paceapp.store.errors import DataFileError, NewerFormatError
from paceapp.store.integrity import check_file
from paceapp.store.journal import Journal
from paceapp.store.maintenance import check_folder
from tests.store.helpers import SAMPLE_DAY, make_sample, sha_tree, write_raw

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_damaged_files_are_never_used")


#: Values that are never a good stored value for any field (JSON has no NaN or infinity).
NEVER_GOOD: list[tuple[str, Any]] = [("NaN", math.nan), ("infinity", math.inf),
                                      ("minus infinity", -math.inf)]
#: Values that are wrong for most fields; whether they fit is for the kind's rules to say.
ODD: list[tuple[str, Any]] = [("text '7'", "7"), ("a huge number", 10**30), ("true", True),
                              ("null", None), ("a list", [1, "x"]), ("an object", {"x": 1}),
                              ("not a date", "yesterday"),
                              ("year 9999", "9999-12-31T23:59:00+14:00"),
                              ("year 1", "0001-01-01"), ("empty text", "")]
if os.environ.get("PACEAPP_HOSTILE_EXPLORE"):
    ODD += [("minus one", -1), ("a half", 0.5), ("a nested list", [[[[]]]]),
            ("a long text", "x" * 100_000), ("a time", "25:61"), ("zero", 0)]

CONTEXT = "Traceback", "did not expect"


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is tested elsewhere (test_write_errors, the kill -9 tests); here thousands of
    small saves need not wait for the disk."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sample(tmp_path_factory.mktemp("sample") / "data")


@pytest.fixture
def sample(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(template, root, symlinks=True)
    return root


def kind_file(root: Path, kind: str) -> Path:
    cls = all_kinds()[kind]
    pattern = f"{kind}-*.json" if cls.SHARDED else f"{kind}.json"
    return sorted((root / "records").glob(pattern))[-1]


def first_record(path: Path, kind: str) -> tuple[dict[str, Any], str, dict[str, Any]]:
    tables = json.loads(path.read_bytes())
    tables.pop("_checked", None)
    entry, doc = next(iter(tables[kind].items()))
    return tables, entry, doc


def one_write(journal: Journal, kind: str, sample: Any) -> None:
    """A write to the file that holds `sample` (a record of `kind`): a copy, stored as a bulk
    import stores records (the rules across records would refuse a second night that morning)."""
    cls = all_kinds()[kind]
    if cls.SINGLE:
        journal.put_single(sample)
    else:
        journal.add_many([dataclasses.replace(sample, id=new_id())])


def put_back(root: Path, saved: dict[str, bytes]) -> None:
    """Make records/ hold exactly `saved` again (after a write that was allowed)."""
    for path in (root / "records").iterdir():
        if path.name not in saved:
            path.unlink()
        elif path.read_bytes() != saved[path.name]:
            path.write_bytes(saved[path.name])


def verdict(root: Path, path: Path) -> list[str]:
    """What `data check` says about `path` (its problems, as text)."""
    return [str(p) for p in check_folder(root).problems if p.file == f"records/{path.name}"]


# -- the class: every kind, every field, many bad values ------------------------------------
@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_reading_writing_and_the_check_agree_for_every_field_of_every_kind(
        kind: str, sample: Path) -> None:
    cls = all_kinds()[kind]
    path = kind_file(sample, kind)
    tables, entry, doc = first_record(path, kind)
    good = Journal.open(sample, today=lambda: SAMPLE_DAY).get(cls, doc["id"])
    tables[kind] = {entry: doc}  # one record in the file keeps each case quick
    saved = {p.name: p.read_bytes() for p in (sample / "records").iterdir()}
    refused = passed = 0
    wrote: set[str] = set()
    for field in sorted(doc):
        for label, value in NEVER_GOOD + ODD:
            case = f"{kind}.{field} = {label}"
            changed = json.loads(json.dumps(tables))
            changed[kind][entry][field] = value
            write_raw(path, changed)
            before = sha_tree(sample, backups=False)
            problems = [str(p) for p in check_file(path).problems]
            journal = Journal.open(sample, today=lambda: SAMPLE_DAY)
            if problems:
                refused += 1
                assert any(doc["id"][:8] in p or f"entry {entry}" in p for p in problems), case
                with pytest.raises(DataFileError) as read_error:
                    journal.list(cls)
                assert str(path) in str(read_error.value), case
                with pytest.raises(DataFileError):
                    one_write(journal, kind, good)
                assert sha_tree(sample, backups=False) == before, case
            else:
                passed += 1
                assert label not in dict(NEVER_GOOD), f"{case}: NaN/infinity must never pass"
                journal.list(cls)  # reads, and (once a field: reading and writing use one check)
                if field not in wrote:
                    one_write(journal, kind, good)  # writes, without a problem
                    wrote.add(field)
                    put_back(sample, saved)
    assert refused >= len(doc) and passed >= 0


# -- the cases in the issue, through the command line ---------------------------------------
def pain_with(root: Path, change: Any) -> Path:
    [path] = (root / "records").glob("pain-*.json")
    tables = json.loads(path.read_bytes())
    tables.pop("_checked", None)
    change(tables["pain"])
    write_raw(path, tables)
    return path


def first(docs: dict[str, Any]) -> dict[str, Any]:
    return docs[next(iter(docs))]


ATTACKS: dict[str, Any] = {
    "score as text": lambda d: first(d).update(score="7"),
    "score NaN": lambda d: first(d).update(score=math.nan),
    "score 1e999": lambda d: first(d).update(score=math.inf),
    "a bad 'at'": lambda d: first(d).update(at="2026-13-45T99:00"),
    "'at' in year 9999": lambda d: first(d).update(at="9999-12-31T23:59:00-12:00"),
    "a record key that is not a number": lambda d: d.update({"x": d.pop(next(iter(d)))}),
    "a record that is a bare string": lambda d: d.update({next(iter(d)): "hello"}),
    "a record without id": lambda d: first(d).pop("id"),
    "a record with a list for an id": lambda d: first(d).update(id=["a"]),
    "two records with one id": lambda d: d.update({"99": dict(first(d))}),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_no_command_writes_a_file_it_calls_damaged(attack: str, cli, data_dir: Path) -> None:  # noqa: ANN001
    for score in ("3", "4"):
        assert cli("log", "pain", score).code == 0
    path = pain_with(data_dir, ATTACKS[attack])
    before = sha_tree(data_dir, backups=False)
    damaged = path.read_bytes()
    for argv in (("show", "pain"), ("log", "pain", "5"), ("undo",), ("data", "export"),
                 ("edit", "pain", "ffff", "score=2"), ("delete", "pain", "ffff", "--yes")):
        ran = cli(*argv)
        assert ran.code == 1, (argv, ran.out, ran.err)
        assert str(path) in ran.err, (argv, ran.err)
        assert not any(word in ran.err for word in CONTEXT), (argv, ran.err)
        assert "will not write to it" in ran.err
        assert path.read_bytes() == damaged and sha_tree(data_dir, backups=False) == before, argv
    check = cli("data", "check")
    assert check.code == 1 and "records/pain-2026.json" in check.out, check.out
    assert "record " in check.out or "entry " in check.out
    assert sha_tree(data_dir, backups=False) == before


def test_a_file_nested_100k_deep_is_named_not_a_recursion_error(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    [path] = (data_dir / "records").glob("pain-*.json")
    path.write_text('{"pain":' + "[" * 100_000 + "]" * 100_000 + "}\n")
    before = sha_tree(data_dir)
    for argv in (("show", "pain"), ("log", "pain", "5"), ("data", "check"), ("data", "backups")):
        ran = cli(*argv)
        text = ran.out + ran.err
        assert "RecursionError" not in text and not any(w in text for w in CONTEXT), argv
        if argv != ("data", "backups"):
            assert ran.code == 1 and path.name in text and "nested" in text, (argv, text)
    assert sha_tree(data_dir) == before


def test_an_odd_record_never_crashes_the_commands_that_read_it(cli, data_dir: Path) -> None:  # noqa: ANN001
    """Values that pass the type check but are absurd (a huge latency) are refused by the
    kind's rules in the check, so a summary never meets them."""
    assert cli("log", "sleep", "--bed", "22:30", "--tried", "22:45", "--woke", "06:10",
               "--up", "06:30").code == 0
    [path] = (data_dir / "records").glob("sleep-*.json")
    tables = json.loads(path.read_bytes())
    tables.pop("_checked")
    first(tables["sleep"]).update(latency=10**30, waso=10**30)
    write_raw(path, tables)
    for argv in (("show", "sleep"), ("report",), ("log", "sleep", "--date", "yesterday")):
        ran = cli(*argv)
        assert ran.code == 1 and not any(w in ran.err for w in CONTEXT), (argv, ran.err)
        assert path.name in ran.err


# -- the undo log and the format version --------------------------------------------------------
UNDO_ATTACKS: dict[str, Any] = {
    "an unknown operation": lambda e: e.update(op="explode"),
    "an unknown kind": lambda e: e.update(kind="unicorn"),
    "a copy that is a bare string": lambda e: e.update(after="hello"),
    "a copy with a bad score": lambda e: e["after"].update(score="7"),
    "no copy to put back": lambda e: e.pop("after"),
    "an entry that is a list": None,
}


@pytest.mark.parametrize("attack", sorted(UNDO_ATTACKS))
def test_an_undo_entry_that_could_not_be_carried_out_is_damage(attack: str, cli,  # noqa: ANN001
                                                              data_dir: Path) -> None:
    """The undo log (one change per line) is checked before undo uses it: a change paceapp could
    not carry out stops undo naming the file, and `data check` lists it. A quick log appends to
    the log without reading it, so it still saves (and the damaged line stays for the person to
    repair or put back from a backup)."""
    assert cli("log", "pain", "3").code == 0
    path = data_dir / "records" / "_undo.jsonl"
    [entry] = [json.loads(line) for line in path.read_bytes().splitlines()]
    if UNDO_ATTACKS[attack] is None:
        entry = [1, 2]
    else:
        UNDO_ATTACKS[attack](entry)
    path.write_bytes(json.dumps(entry).encode() + b"\n")
    before = sha_tree(data_dir, backups=False)
    ran = cli("undo")
    assert ran.code == 1 and "_undo.jsonl" in ran.err, ran.err
    assert not any(w in ran.err for w in CONTEXT)
    assert sha_tree(data_dir, backups=False) == before
    check = cli("data", "check")
    assert check.code == 1 and "records/_undo.jsonl" in check.out
    assert cli("log", "pain", "5").code == 0
    assert path.read_bytes().startswith(json.dumps(entry).encode() + b"\n")
    assert cli("undo").code == 1


def test_a_line_that_is_not_json_in_the_middle_is_damage_but_a_torn_last_line_is_not(
        cli, data_dir: Path) -> None:  # noqa: ANN001
    for score in (3, 4):
        assert cli("log", "pain", str(score)).code == 0
    path = data_dir / "records" / "_undo.jsonl"
    good = path.read_bytes()
    path.write_bytes(good + b'{"op":"add","kind":"pa')  # a crash cut the last line short
    assert cli("data", "check").code == 0
    assert cli("undo").code == 0
    assert cli("show", "pain", "--json").out.count('"score"') == 1  # the 4 went, the 3 stayed
    assert path.read_bytes().count(b"\n") == 1  # undo took one change off; the torn line went
    path.write_bytes(b"not json\n" + path.read_bytes())
    ran = cli("undo")
    assert ran.code == 1 and "_undo.jsonl" in ran.err and "line 1" in ran.err, ran.err
    assert cli("data", "check").code == 1


@pytest.mark.parametrize(("meta", "words"), [
    ({"meta": {"1": {"schema": 99}}}, "newer paceapp"),
    ({"meta": {"1": {"schema": "1"}}}, "version is missing"),
    ({"meta": {"1": {}}}, "version is missing"),
    ({"meta": {"1": "schema 1"}}, "version is missing"),
])
def test_a_bad_format_version_stops_every_command_naming_the_file(meta: dict[str, Any], words: str,
                                                                   cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    write_raw(data_dir / "records" / "_meta.json", meta)
    before = sha_tree(data_dir)
    for argv in (("show", "pain"), ("log", "pain", "5"), ("undo",)):
        ran = cli(*argv)
        assert ran.code == 1 and words in ran.err and "_meta.json" in ran.err, (argv, ran.err)
    ran = cli("data", "check")
    assert ran.code == 1 and "records/_meta.json" in ran.out and words in ran.out
    assert sha_tree(data_dir) == before


# -- reading is cheap: a file paceapp wrote is not checked again -----------------------------
def test_a_sealed_file_is_not_checked_again_and_an_edited_one_is(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = integrity.check_tables

    def counting(name: str, tables: dict[str, Any], file: str | None = None) -> Any:
        calls.append(name)
        return real(name, tables, file)

    monkeypatch.setattr(integrity, "check_tables", counting)
    journal = Journal.open(sample, today=lambda: SAMPLE_DAY)
    good = journal.list(PainEntry)
    journal.add(dataclasses.replace(good[0], id=new_id()))
    assert calls == []  # every file here was written (and sealed) by paceapp
    # An edit by hand that keeps the file good: it is checked once, in full, then sealed again.
    path = kind_file(sample, "pain")
    tables, entry, doc = first_record(path, "pain")
    doc["note"] = "changed by hand"
    write_raw(path, tables)
    journal = Journal.open(sample, today=lambda: SAMPLE_DAY)
    assert any(r.note == "changed by hand" for r in journal.list(PainEntry))
    assert calls == [path.name]
    journal.add(dataclasses.replace(good[0], id=new_id()))
    Journal.open(sample, today=lambda: SAMPLE_DAY).list(PainEntry)
    assert calls == [path.name]


def test_a_forged_seal_over_other_bytes_is_not_trusted(sample: Path) -> None:
    path = kind_file(sample, "pain")
    payload = path.read_bytes()
    broken = payload.replace(b'"score":', b'"score":"7","was":', 1)
    path.write_bytes(broken)  # the seal is now over different bytes
    with pytest.raises(DataFileError, match="expected a whole number"):
        Journal.open(sample).list(PainEntry)
    assert path.read_bytes() == broken


# -- links and permissions: the real reason, the same for every command ----------------------
def test_a_link_to_nothing_is_said_plainly_by_every_command(cli, data_dir: Path,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    assert cli("log", "pain", "3").code == 0
    link = data_dir / "records" / "pain-2025.json"
    link.symlink_to(tmp_path / "gone.json")
    before = sha_tree(data_dir)
    for argv in (("show", "pain"), ("log", "pain", "5"), ("undo",), ("data", "export")):
        ran = cli(*argv)
        assert ran.code == 1, argv
        assert str(link) in ran.err and "which is not there" in ran.err, (argv, ran.err)
        assert "cut short" not in ran.err and "data restore" not in ran.err
    check = cli("data", "check")
    assert check.code == 1 and "records/pain-2025.json" in check.out
    assert "which is not there" in check.out and "rm " in check.out
    assert sha_tree(data_dir) == before and link.is_symlink()


def test_a_linked_data_file_is_refused_for_reading_and_writing_alike(cli, data_dir: Path,  # noqa: ANN001
                                                                     tmp_path: Path) -> None:
    assert cli("log", "pain", "3").code == 0
    [live] = (data_dir / "records").glob("pain-*.json")
    elsewhere = tmp_path / "elsewhere.json"
    shutil.move(live, elsewhere)
    live.symlink_to(elsewhere)
    target_bytes = elsewhere.read_bytes()
    for argv in (("show", "pain"), ("log", "pain", "5"), ("data", "check")):
        ran = cli(*argv)
        text = ran.out + ran.err
        assert ran.code == 1 and "is a link to" in text and "ordinary files" in text, argv
        assert "new file name" not in text and "cut short" not in text
    assert elsewhere.read_bytes() == target_bytes and live.is_symlink()
    # Restoring a backup puts a real file back in place of the link; the target is untouched.
    backup = sorted((data_dir / "backups").iterdir())
    if backup:
        assert cli("data", "restore", backup[0].name, "--yes").code == 0
        assert not live.is_symlink() and elsewhere.read_bytes() == target_bytes


CHILD = r"""
import ctypes, os, sys
probe, *args = sys.argv[1:]
if os.geteuid() == 0:
    libc = ctypes.CDLL(None, use_errno=True)
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]
    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]
    header, data = Header(0x20080522, 0), (Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        sys.exit(77)
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    for part in ("effective", "permitted", "inheritable"):
        setattr(data[0], part, getattr(data[0], part) & keep)
    if libc.capset(ctypes.byref(header), data) != 0:
        sys.exit(77)
try:
    open(probe, "rb").close()
except PermissionError:
    pass
else:
    sys.exit(77)  # the file can still be read: the test cannot be made here
from paceapp.cli import main
sys.exit(main(args))
"""


@pytest.mark.parametrize("argv", [("show", "pain"), ("log", "pain", "5"), ("data", "check"),
                                  ("undo",)])
def test_a_file_paceapp_may_not_read_is_named_with_that_reason(argv: tuple[str, ...], cli,  # noqa: ANN001
                                                               data_dir: Path) -> None:
    assert cli("log", "pain", "3").code == 0
    [path] = (data_dir / "records").glob("pain-*.json")
    before = sha_tree(data_dir)
    path.chmod(0o000)
    try:
        ran = subprocess.run([sys.executable, "-c", CHILD, str(path), "--data-dir", str(data_dir),
                              *argv], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    finally:
        path.chmod(0o600)
    if ran.returncode == 77:
        pytest.skip("cannot make a file unreadable here (root, and capabilities cannot be dropped)")
    text = ran.stdout + ran.stderr
    assert ran.returncode == 1, text
    assert "not allowed to read" in text and "pain-2026.json" in text, text
    assert "cut short" not in text and "data restore 2" not in text and "chmod 600" in text
    assert not any(w in text for w in CONTEXT)
    assert sha_tree(data_dir) == before


# -- the clock ----------------------------------------------------------------------------------
def test_a_fixed_clock_at_the_end_of_time_is_not_an_overflow(cli, data_dir: Path,  # noqa: ANN001
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "9999-12-31T23:59")
    for argv in (("log", "pain", "5"), ("show", "pain"), ("report",)):
        ran = cli(*argv)
        assert "OverflowError" not in ran.err and not any(w in ran.err for w in CONTEXT), argv


def test_newer_format_message_names_the_file(data_dir: Path) -> None:
    Journal.open(data_dir).add(PainEntry(at=_now(), score=2))
    write_raw(data_dir / "records" / "_meta.json", {"meta": {"1": {"schema": 99}}})
    with pytest.raises(NewerFormatError) as error:
        Journal.open(data_dir)
    assert "_meta.json" in str(error.value) and "format 99" in str(error.value)


def _now() -> Any:
    from datetime import datetime

    return datetime(2026, 11, 21, 9, 0).astimezone()


def test_an_import_never_writes_into_a_damaged_file(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    other = tmp_path / "laptop"
    assert cli("log", "pain", "6", "--note", "from the laptop", data=other).code == 0
    export = tmp_path / "export.json"
    assert cli("data", "export", "--out", str(export), data=other).code == 0
    assert cli("log", "pain", "3").code == 0
    path = pain_with(data_dir, ATTACKS["score as text"])
    before = sha_tree(data_dir)
    for argv in (("data", "import", str(export), "--merge"),
                 ("data", "import", str(other / "records" / path.name))):
        ran = cli(*argv)
        assert ran.code == 1 and str(path) in ran.err and "whole number" in ran.err, ran.err
        assert sha_tree(data_dir) == before  # backups/ too: nothing was started


def test_a_folder_where_a_data_file_should_be_is_named_by_every_command(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    odd = data_dir / "records" / "pain-2025.json"
    odd.mkdir()
    for argv in (("show", "pain"), ("log", "pain", "5"), ("data", "check")):
        ran = cli(*argv)
        assert ran.code == 1 and "pain-2025.json" in ran.out + ran.err, argv
        assert "not an ordinary file" in ran.out + ran.err, argv


def test_a_quick_log_parses_only_the_files_it_changes(sample: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks cost a quick log nothing extra: the format version and this year's file are
    parsed once each, the undo history not at all (its line is appended), and no record is
    checked again (all are sealed)."""
    from paceapp.store import storage

    first = Journal.open(sample, today=lambda: SAMPLE_DAY)
    entry = first.list(PainEntry)[0]
    first.add(dataclasses.replace(entry, id=new_id()))  # the day's backup is taken here
    parsed: list[str] = []
    checked: list[str] = []
    real_decode, real_check = storage.decode, integrity.check_tables

    def decode(payload: bytes, path: Path) -> Any:
        parsed.append(path.name)
        return real_decode(payload, path)

    def check(name: str, tables: dict[str, Any], file: str | None = None) -> Any:
        checked.append(name)
        return real_check(name, tables, file)

    monkeypatch.setattr(storage, "decode", decode)
    monkeypatch.setattr(integrity, "check_tables", check)
    Journal.open(sample, today=lambda: SAMPLE_DAY).add(dataclasses.replace(entry, id=new_id()))
    assert sorted(parsed) == ["_meta.json", kind_file(sample, "pain").name]
    assert checked == []


@pytest.mark.parametrize(("name", "edit"), [
    ("Windows line ends", lambda b: b[:-1] + b"\r\n"),
    ("no final newline", lambda b: b[:-1]),
    ("a byte-order mark and Windows line ends", lambda b: b"\xef\xbb\xbf" + b[:-1] + b"\r\n"),
    ("pretty-printed", lambda b: json.dumps(json.loads(b), indent=2).encode()),
])
def test_a_whole_file_saved_by_an_editor_is_read_and_written(name: str, edit: Any, cli,  # noqa: ANN001
                                                             data_dir: Path) -> None:
    """Not every program ends a file as paceapp does: a file that parses whole is not 'cut
    short'. It is checked in full (its seal no longer matches), then used as usual."""
    assert cli("log", "pain", "3").code == 0
    [path] = (data_dir / "records").glob("pain-*.json")
    path.write_bytes(edit(path.read_bytes()))
    assert cli("show", "pain").code == 0, name
    assert cli("data", "check").code == 0, name
    assert cli("log", "pain", "4").code == 0, name
    assert path.read_bytes().endswith(b"}\n") and len(Journal.open(data_dir).list(PainEntry)) == 2


@pytest.mark.parametrize(("cut", "reason"), [
    (lambda b: b"", "it is empty"),
    (lambda b: b[: b.rindex(b"}", 0, len(b) - 4) + 1], "cut short"),
    (lambda b: b[:-9], "cut short"),
])
def test_a_file_cut_short_is_called_that(cut: Any, reason: str, cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    [path] = (data_dir / "records").glob("pain-*.json")
    path.write_bytes(cut(path.read_bytes()))
    for argv in (("show", "pain"), ("log", "pain", "5")):
        ran = cli(*argv)
        assert ran.code == 1 and reason in ran.err and str(path) in ran.err, ran.err
    ran = cli("data", "check")
    assert ran.code == 1 and reason in ran.out


def test_escape_sequences_in_a_damaged_file_never_reach_the_terminal(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "pain", "3").code == 0
    sneaky = "\x1b]0;owned\x07\x1b[2J"
    path = pain_with(data_dir, lambda d: (first(d).update(id=f"id{sneaky}", at=f"x{sneaky}"),
                                          d.update({f"k{sneaky}": "text"})))
    (data_dir / "records" / f"notes{sneaky}.json").write_text("{}\n")
    (data_dir / "records" / f"pain-2026 (conflicted copy{sneaky}).json").write_text("{}\n")
    (data_dir / "records" / f".pain-2026.json.{sneaky}.tmp").write_text("")
    (data_dir / "backups" / f"2026-01-01{sneaky}").mkdir(parents=True)
    for argv in (("show", "pain"), ("log", "pain", "5"), ("data", "check"), ("data", "backups")):
        ran = cli(*argv)
        assert ran.code == (0 if argv[-1] == "backups" else 1), argv
        assert "\x1b" not in ran.out + ran.err and "\x07" not in ran.out + ran.err, argv
    assert path.exists()
