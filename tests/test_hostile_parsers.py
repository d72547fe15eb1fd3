"""Hostile input at every parser, and arbitrary bytes as a data file.

Every parser either returns a value or raises a `PaceError` (whose message the CLI shows in plain
words, exit 2); nothing else may escape. A data file holding arbitrary bytes stops every command
with a clear message naming the file, exit 1, and the file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from paceapp.core.errors import PaceError
from paceapp.core.kinds import all_kinds
from paceapp.store.storage import UnreadableFile, decode

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_hostile_parsers")


EXAMPLES = int(os.environ.get("PACEAPP_HOSTILE_EXAMPLES", "150"))
#: Repeatable examples unless PACEAPP_HOSTILE_EXPLORE=1 (see test_hostile_cli.py).
EXPLORE = bool(os.environ.get("PACEAPP_HOSTILE_EXPLORE"))
NOW = datetime(2026, 11, 21, 14, 30, tzinfo=UTC)
TODAY = NOW.date()

TEXT = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", " ", "today", "yesterday 23:59", "2026-02-29", "2024-02-29", "24:00",
                     "23:60", "-1", "1e9", "9" * 30, "=cmd|' /C calc'!A0", "\x1b[2J", "\u202e",
                     "monday", "every 2 weeks", "¹", "2²", "٣", "walk 10, rest 5", "x" * 10000]),
    st.dates().map(date.isoformat),
    st.builds(lambda h, m: f"{h}:{m}", st.integers(-5, 99), st.integers(-5, 99)),
)
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
              st.dates().map(date.isoformat), st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=20)


def optional(module: str, name: str) -> Callable[..., Any]:
    """A parser from a feature module; the test is skipped only if that feature is not built."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        pytest.skip(f"{module}.{name} is not there (feature not built)")


def only_pace_errors(call: Callable[[], Any]) -> None:
    """Run `call`; a PaceError, or another error class paceapp defines for its callers (such as the
    share module's MessageError), is a deliberate refusal. A built-in error (ValueError, KeyError,
    OverflowError...) escaping a parser is a bug."""
    try:
        call()
    except PaceError:
        pass
    except Exception as error:
        if not type(error).__module__.startswith("paceapp."):
            raise


TEXT_PARSERS: dict[str, Callable[[Callable[..., Any], str], Any]] = {
    "paceapp.core.text:parse_int": lambda f, t: f(t, "n", "number"),
    "paceapp.core.text:clean_text": lambda f, t: (f(t, "note", 120), f(t, "note", 2000, multiline=True,
                                                                     required=True)),
    "paceapp.core.timeparse:parse_clock": lambda f, t: f(t),
    "paceapp.core.timeparse:parse_date": lambda f, t: f(t, TODAY),
    "paceapp.core.timeparse:parse_when": lambda f, t: f(t, NOW),
    "paceapp.core.kinds:kind_class": lambda f, t: f(t),
    "paceapp.core.flare:parse_plan_text": lambda f, t: f(t),
    "paceapp.core.gp:parse_visit": lambda f, t: f(t, NOW),
    "paceapp.core.sharing:parse_rules": lambda f, t: f(t.splitlines()),
    "paceapp.core.sharing:parse_rota": lambda f, t: f(t.splitlines(), TODAY),
    "paceapp.core.pacing:parse_plan_items": lambda f, t: f(t.split(","), ()),
    "paceapp.core.sleep:parse_quality": lambda f, t: f(t),
    "paceapp.outputs.share:decode_payload": lambda f, t: f(t),
    "paceapp.cli.goal:parse_weekday": lambda f, t: f(t),
    "paceapp.store.conflicts:original_name": lambda f, t: f(t),
}


#: Bugs this suite found in other features' parsers, reported to their owners (not strict: the test
#: passes once fixed).
#: Parsers with a known, reported bug (xfail, non-strict); empty when all are fixed.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("target", [
    pytest.param(t, marks=[pytest.mark.xfail(reason=KNOWN[t], strict=False)] if t in KNOWN else [])
    for t in sorted(TEXT_PARSERS)])
def test_text_parsers_only_raise_plain_errors(target: str) -> None:
    module, name = target.split(":")
    parser = optional(module, name)
    call = TEXT_PARSERS[target]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not EXPLORE)
    @given(TEXT)
    def holds(text: str) -> None:
        only_pace_errors(lambda: call(parser, text))

    holds()


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not EXPLORE)
@given(st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.text(max_size=5)))
def test_check_score(value: object) -> None:
    from paceapp.core.text import check_score

    only_pace_errors(lambda: check_score(value, "score", "score"))


BYTES = st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                  JSONISH.map(lambda v: json.dumps(v).encode()))


@pytest.mark.parametrize("target", ["paceapp.store.maintenance:parse_import",
                                    "paceapp.core.share_document:parse_document",
                                    "paceapp.outputs.share:read_shared"])
def test_byte_parsers_only_raise_plain_errors(target: str) -> None:
    module, name = target.split(":")
    parser = optional(module, name)

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not EXPLORE)
    @given(BYTES)
    def holds(payload: bytes) -> None:
        if name == "parse_import":
            only_pace_errors(lambda: parser(payload, Path("export.json")))
        else:
            only_pace_errors(lambda: parser(payload, now=NOW))

    holds()


@st.composite
def export_like(draw: st.DrawFn) -> bytes:
    """Documents that look like an export, with records of real kinds made of arbitrary values."""
    kinds = sorted(all_kinds())
    records: dict[str, Any] = {}
    for kind in draw(st.lists(st.sampled_from(kinds), max_size=3)):
        records[kind] = draw(st.lists(st.dictionaries(
            st.sampled_from(["id", "created", "updated", "at", "date", "score", "note", "name",
                             "minutes", "pain", "peak", "member_id", "display_name", "x"]),
            JSONISH, max_size=8), max_size=3))
    doc = {"format": "paceapp-export", "version": draw(st.sampled_from([1, 1, 1, 2, 0, "1", None])),
           "records": records}
    return json.dumps(doc).encode()


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not EXPLORE)
@given(export_like())
def test_export_parser_on_export_shaped_junk(payload: bytes) -> None:
    from paceapp.store.maintenance import parse_import

    only_pace_errors(lambda: parse_import(payload, Path("e.json")))


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_codec_reads_any_json_for_every_kind(kind: str) -> None:
    from paceapp.core.codec import from_data

    cls = all_kinds()[kind]

    @settings(max_examples=EXAMPLES // 3, deadline=None, database=None, derandomize=not EXPLORE)
    @given(JSONISH)
    def holds(value: Any) -> None:
        def read() -> None:
            record = from_data(cls, value, kind)
            record.validate()

        only_pace_errors(read)

    holds()


def sample_records() -> dict[str, Any]:
    from paceapp.demo import build

    data = build(30, TODAY)
    found: dict[str, Any] = {}
    for record in [*data.records, *data.singles]:
        found.setdefault(record.KIND, record)
    return found


SAMPLES = sample_records()


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_edits_of_every_kind(kind: str) -> None:
    from paceapp.core.edits import apply_edits, editable_fields

    record = SAMPLES[kind]
    names = editable_fields(type(record)) + ["id", "created", "nope", ""]

    @settings(max_examples=EXAMPLES // 3, deadline=None, database=None, derandomize=not EXPLORE)
    @given(st.lists(st.tuples(st.sampled_from(names), TEXT), max_size=3),
           st.lists(TEXT, max_size=1))
    def holds(pairs: list[tuple[str, str]], raw: list[str]) -> None:
        only_pace_errors(lambda: apply_edits(record, [f"{k}={v}" for k, v in pairs] + raw, NOW))

    holds()


# -- arbitrary bytes as a data file ---------------------------------------------------------------
def cli_run(data: Path, *argv: str) -> tuple[int, str]:
    from paceapp.cli import main

    err = io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(data), *argv])
    finally:
        sys.stdin = saved
    return code, err.getvalue()


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paceapp.core.settings import Settings
    from paceapp.demo import write_demo
    from paceapp.store.journal import Journal

    root = tmp_path_factory.mktemp("bytes") / "data"
    write_demo(root, 20, TODAY)
    journal = Journal.open(root)
    if journal.get_single(Settings) is None:
        journal.put_single(Settings(display_name="Sam"))
    return root


@pytest.mark.parametrize("victim", ["pain", "_meta", "settings"])
def test_arbitrary_bytes_as_a_data_file(victim: str, healthy: Path, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import folder_bytes

    data = tmp_path / "data"
    shutil.copytree(healthy, data)
    [path] = [p for p in (data / "records").glob("*.json")
              if p.stem == victim or p.stem.startswith(f"{victim}-")][:1]

    @settings(max_examples=60, deadline=None, database=None, derandomize=not EXPLORE,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.binary(max_size=200), st.binary(max_size=200).map(lambda b: b + b"}\n"),
                     st.sampled_from([b"", b"\n", b"}\n", b"{}", b"[]\n", b'{"pain": []}\n',
                                      b"\xef\xbb\xbf{}\n", b"null\n"])))
    def holds(payload: bytes) -> None:
        try:
            tables = decode(payload, path)
        except UnreadableFile:
            tables = None
        assume(tables is None)
        path.write_bytes(payload)
        for argv in (("show", "pain"), ("log", "pain", "5"), ("undo",), ("data", "export"),
                     ("data", "check")):
            before = folder_bytes(data)
            code, err = cli_run(data, *argv)
            assert "Traceback" not in err and "did not expect" not in err, (argv, err)
            assert path.read_bytes() == payload, argv  # the damaged file is never touched
            reads_it = argv[0] == "data" or victim == "_meta" or (
                victim == "pain" and argv[0] in ("show", "log"))
            if reads_it:  # these commands read the damaged file
                assert code == 1, (argv, err)
            if code != 0:
                assert path.name in err or argv == ("data", "check"), (argv, err)
                assert folder_bytes(data) == before, argv
        code, _err = cli_run(data, "data", "check")
        assert code == 1

    holds()
