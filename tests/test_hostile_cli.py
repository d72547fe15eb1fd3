"""Hostile input at every CLI command: arbitrary text, numbers, dates and option combinations.

The commands are found by walking the real click tree, so a command added later is covered
without changing this file. For each one, hypothesis builds argument lists from the command's own
parameters (values chosen by the parameter's type, plus junk), and runs `paceapp.cli.main` in this
process against a data folder holding a few weeks of sample data. The properties:

* never a traceback, and never the "did not expect" catch-all message;
* the exit code is 0, 1 or 2;
* when a command does not succeed, the data folder's files are byte-identical (backups/ aside:
  a backup is only ever added, never changed).

The app's TUI is replaced by a stub that returns at once, and the pacing timer gets a fake clock,
so nothing waits. Files a command writes go into a scratch working folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from paceapp.cli import main
from paceapp.cli.root import build_cli

#: Its module-wide fixture is built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_hostile_cli")


#: Examples per command (a hundred, the same every run; PACEAPP_HOSTILE_EXAMPLES=2000 with
#: PACEAPP_HOSTILE_EXPLORE=1 for a long search for new bugs).
EXAMPLES = int(os.environ.get("PACEAPP_HOSTILE_EXAMPLES", "100"))
#: The same examples on every run, so CI is repeatable; PACEAPP_HOSTILE_EXPLORE=1 draws new
#: ones each run to look for new bugs (two were found that way: docs/architecture.md, Tests).
EXPLORE = bool(os.environ.get("PACEAPP_HOSTILE_EXPLORE"))
UNEXPECTED = ("Traceback", "did not expect")
#: Bugs this suite found in other features' commands, reported to their owners; the test still
#: runs (and passes once fixed: not strict).
#: Commands with a known, reported bug (xfail, non-strict); empty when all are fixed.
KNOWN: dict[str, str] = {}


def leaf_commands() -> list[tuple[tuple[str, ...], click.Command]]:
    root = build_cli()
    found: list[tuple[tuple[str, ...], click.Command]] = []

    def walk(group: click.Group, path: tuple[str, ...], ctx: click.Context) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if command is None:
                continue
            if isinstance(command, click.Group):
                walk(command, (*path, name), click.Context(command, parent=ctx))
            else:
                found.append(((*path, name), command))

    walk(root, (), click.Context(root))
    return found


COMMANDS = leaf_commands()

# -- values ---------------------------------------------------------------------------------------
# Real argv cannot hold NUL; it can hold lone surrogates (undecodable bytes) and anything else.
TEXT = st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=60)
TRICKY = st.sampled_from([
    "", " ", "-", "--", "-1", "0", "00", "10", "11", "1e309", "nan", "inf", "-inf", "3.5", "٣", "¹", "2²",
    "½", "9" * 40, "=1+1", "@SUM(A1)", "\x1b[31mred\x1b[0m", "\u202egnp.exe", "a\nb", "a\rb",
    "today", "yesterday", "yesterday 25:61", "tomorrow", "2026-02-30", "2026-13-01", "0000-01-01",
    "9999-12-31", "9999-12-31T23:59", "2026-11-21T24:00", "24:00", "23:59", "7.30", "-5:00",
    "x" * 5000, "../../etc/passwd", "~", "pain", "flares", "settings", "1a2b", "ffffffff",
    "score=5", "note=", "at=yesterday", "=", "{}", "[]", "null", "true",
])
NUMBER = st.one_of(st.integers(-10**12, 10**12).map(str), st.integers(-3, 60).map(str),
                   st.floats(allow_nan=True, allow_infinity=True).map(repr))
DATEISH = st.one_of(
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
    st.builds(lambda d, h, m: f"{d.isoformat()}T{h:02d}:{m:02d}",
              st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 30), st.integers(0, 70)),
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(-2, 30), st.integers(0, 99)),
)
# Output paths stay inside the scratch folder: relative, no '~', no absolute paths.
SAFE_NAME = st.text(alphabet="abcxyzé-_.0123456789", min_size=1, max_size=12).filter(
    lambda s: s not in (".", ".."))
PATHISH = st.one_of(SAFE_NAME, st.builds(lambda a, b: f"{a}/{b}", SAFE_NAME, SAFE_NAME),
                    st.sampled_from(["", ".", "..", "out.json", "out.pdf", "x/", "a b.csv"]))


def value_for(param: click.Parameter) -> st.SearchStrategy[str]:
    kind = param.type
    junk = st.one_of(TEXT, TRICKY)
    if isinstance(kind, click.Path):
        return st.one_of(PATHISH, PATHISH, TRICKY.filter(lambda s: not s.startswith(("/", "~"))))
    if isinstance(kind, click.Choice):
        return st.one_of(st.sampled_from([str(c) for c in kind.choices]), junk)
    if isinstance(kind, click.types._NumberParamTypeBase) or type(kind).__name__ in (
            "WholeNumber",):
        return st.one_of(NUMBER, junk)
    if type(kind).__name__ in ("When", "Day", "Clock"):
        return st.one_of(DATEISH, junk)
    return st.one_of(junk, NUMBER, DATEISH)


def argv_for(path: tuple[str, ...], command: click.Command) -> st.SearchStrategy[list[str]]:
    """Argument lists for `command`: its own options (in any order) and arguments, with junk."""
    params = [(param, value_for(param)) for param in command.params]

    @st.composite
    def build(draw: st.DrawFn) -> list[str]:
        args: list[str] = list(path)
        options: list[list[str]] = []
        positionals: list[str] = []
        for param, values in params:
            if isinstance(param, click.Argument):
                count = draw(st.integers(0, 3)) if param.nargs == -1 else param.nargs
                if param.required and draw(st.integers(0, 9)) == 0:
                    count = 0  # sometimes leave it out
                positionals += [draw(values) for _ in range(count)]
            elif isinstance(param, click.Option) and draw(st.booleans()):
                flag = draw(st.sampled_from(param.opts))
                if param.is_flag or param.count:
                    options.append([flag])
                else:
                    options.append([flag, *(draw(values) for _ in range(max(param.nargs, 1)))])
        if len(options) > 1:
            options = draw(st.permutations(options))
        for group in options:
            args += group
        if positionals:
            args += ["--", *positionals] if draw(st.integers(0, 4)) == 0 else positionals
        if draw(st.integers(0, 9)) == 0:
            args.append(draw(EXTRA))
        return args

    return build()


EXTRA = st.one_of(TEXT, st.just("--no-such-option"), st.just("-h"))


# -- fixtures -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paceapp.demo import write_demo

    root = tmp_path_factory.mktemp("hostile") / "data"
    write_demo(root, 40, date.today())
    return root


@contextlib.contextmanager
def stand_ins() -> Iterator[None]:
    """No TUI, no real waiting, no terminal: commands that would block return at once."""
    import paceapp.tui.launch as launch

    saved_tui = launch.run_tui
    launch.run_tui = lambda *a, **k: 0  # type: ignore[assignment]
    pace = sys.modules.get("paceapp.cli.pace")
    try:
        import paceapp.cli.pace as pace  # type: ignore[no-redef]
    except ImportError:
        pace = None
    saved_clock = (pace.CLOCK, pace.SLEEP) if pace is not None and hasattr(pace, "CLOCK") else None
    if saved_clock is not None:
        now = [0.0]

        def sleep(seconds: float) -> None:
            now[0] += max(seconds, 1.0) * 60

        pace.CLOCK, pace.SLEEP = (lambda: now[0]), sleep
    try:
        yield
    finally:
        launch.run_tui = saved_tui
        if saved_clock is not None:
            pace.CLOCK, pace.SLEEP = saved_clock


def run(data: Path, argv: list[str]) -> tuple[int, str, str]:
    """main() with a terminal's streams: UTF-8 stdout (strict) with a .buffer, stderr that
    escapes what it cannot encode, and an empty stdin (so a question is answered 'no')."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    saved_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(data), *argv])
    finally:
        sys.stdin = saved_stdin
    out.flush()
    err.flush()
    return (code, out.buffer.getvalue().decode("utf-8", "replace"),  # type: ignore[attr-defined]
            err.buffer.getvalue().decode("utf-8", "replace"))  # type: ignore[attr-defined]


def data_files(root: Path) -> dict[str, tuple[int, int, int]]:
    """Identity of every data file (backups aside): files are only ever replaced, so a changed
    file has a new inode, size or mtime. Cheaper than reading them for every example."""
    found = {}
    for folder in (root, root / "records"):
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_file() and entry.name != ".lock":
                st_ = entry.stat()
                found[f"{folder.name}/{entry.name}"] = (st_.st_ino, st_.st_size, st_.st_mtime_ns)
    return found


def _case(path: tuple[str, ...], command: click.Command) -> object:
    name = " ".join(path)
    marks = [pytest.mark.xfail(reason=KNOWN[name], strict=False)] if name in KNOWN else []
    return pytest.param(path, command, id=name, marks=marks)


@pytest.mark.parametrize(("path", "command"), [_case(p, c) for p, c in COMMANDS])
def test_hostile_arguments(path: tuple[str, ...], command: click.Command, sample: Path,
                           tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(sample, data)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    old_cwd = os.getcwd()
    os.chdir(scratch)
    try:
        with stand_ins():
            check_command(path, command, data)
    finally:
        os.chdir(old_cwd)


def check_command(path: tuple[str, ...], command: click.Command, data: Path) -> None:
    # A known bug is not shrunk again on every run (shrinking a slow command takes minutes).
    phases = [Phase.explicit, Phase.reuse, Phase.generate] if " ".join(path) in KNOWN else list(Phase)

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not EXPLORE, phases=phases,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(argv_for(path, command))
    def property_holds(argv: list[str]) -> None:
        before = data_files(data)
        code, _out, err = run(data, argv)
        assert not any(word in err for word in UNEXPECTED), (argv, err)
        assert code in (0, 1, 2), (argv, code, err)
        if code != 0:
            assert data_files(data) == before, (argv, code, err)

    property_holds()
