"""paceapp's benchmark: is it fast on ten years of data? (docs/performance.md explains it.)

    python bench/run.py            # full run: ten years of demo data, medians of 11 runs, targets
    python bench/run.py --quick    # smoke run: tiny data, one run, no targets (used by the tests)
    python bench/run.py --compare-src ../main/src   # also the TUI first frame of another checkout

Every figure is measured in fresh processes and reported as a median; the targets are ratios (or
generous absolute limits) so they hold on a noisy 2-core machine. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
PACEAPP = [PY, "-m", "paceapp"]
MARKER = "Weekly check-in (PEG)"  # appears on Today once its data has loaded (and in bare_app)


@dataclass
class Figure:
    name: str
    seconds: float | None = None
    rss_mb: float | None = None


def run_once(argv: list[str], env: dict[str, str] | None = None,
             until: str | None = None) -> tuple[float, float]:
    """Wall time (s) of one fresh process (until it prints `until`, if given), and its peak RSS
    in MB when it reports it (probe.py does; ru_maxrss cannot be used: it survives exec)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    rss_kb = 0.0
    if until is not None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if until in line:
                # probe.py prints "READY <peak RSS in kB>" (its own VmHWM).
                parts = line.split()
                rss_kb = float(parts[1]) if len(parts) > 1 else 0.0
                break
        elapsed = time.perf_counter() - start
    _out, err = proc.communicate()
    if until is None:
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(argv)}\n{err}")
    return elapsed, rss_kb / 1024


def median_of(runs: int, argv: list[str], until: str | None = None,
              warmup: bool = True) -> tuple[float, float]:
    if warmup:
        run_once(argv, until=until)
    results = [run_once(argv, until=until) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results))


def interleaved(runs: int, named: dict[str, list[str]], until: str | None = None
                ) -> dict[str, tuple[float, float]]:
    """Medians for several commands run in turn (a, b, c, a, b, c…), so a busy moment on the
    machine falls on all of them alike instead of on whichever ran then."""
    for argv in named.values():
        run_once(argv, until=until)  # warm-up
    results: dict[str, list[tuple[float, float]]] = {key: [] for key in named}
    for _ in range(runs):
        for key, argv in named.items():
            results[key].append(run_once(argv, until=until))
    return {key: (statistics.median(r[0] for r in values), max(r[1] for r in values))
            for key, values in results.items()}


def tmux_first_frame(commands: dict[str, list[str]], runs: int) -> dict[str, float] | None:
    """Median time until MARKER shows in a real terminal (tmux) for each command, run in turn
    like `interleaved`; None without tmux."""
    if shutil.which("tmux") is None:
        return None
    env = {**{k: v for k, v in os.environ.items() if k not in ("TMUX", "NO_COLOR")},
           "TERM": "xterm-256color", "LANG": "C.UTF-8"}

    def once(command: list[str]) -> float:
        socket = f"bench-{os.getpid()}-{time.monotonic_ns()}"
        start = time.perf_counter()
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100",
                        "-y", "32", " ".join(command)], check=True, env=env)
        try:
            deadline = start + 30
            while time.perf_counter() < deadline:
                screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p"],
                                        capture_output=True, text=True).stdout
                if MARKER in screen:
                    return time.perf_counter() - start
                time.sleep(0.005)
            raise SystemExit(f"tmux: '{MARKER}' never appeared for {' '.join(command)}")
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)

    for command in commands.values():
        once(command)  # warm-up: the first run fills the disk cache
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(once(command))
    return {key: statistics.median(values) for key, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny data, one run, no targets")
    parser.add_argument("--runs", type=int, default=None, help="repetitions (default 11, quick 1)")
    parser.add_argument("--days", type=int, default=None, help="history (default 3650, quick 20)")
    parser.add_argument("--compare-src", type=Path, default=None, metavar="DIR",
                        help="also time the TUI first frame of the paceapp in DIR (another "
                             "checkout's src folder), interleaved with this one, e.g. "
                             "--compare-src ../main/src")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 11)
    days = args.days or (20 if args.quick else 3650)

    import paceapp
    from paceapp.demo import write_demo

    # An installed paceapp has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every start. Compile it, as an
    # install would, so the figures are what a person sees.
    subprocess.run([PY, "-m", "compileall", "-q", str(Path(paceapp.__file__).parent),
                    str(HERE)], check=True)
    other = args.compare_src.resolve() if args.compare_src else None
    if other is not None:
        if not (other / "paceapp" / "__init__.py").is_file():
            parser.error(f"--compare-src: no paceapp package in {other}")
        subprocess.run([PY, "-m", "compileall", "-q", str(other / "paceapp")], check=True)
    # The other checkout's paceapp, run the same way (env sets its PYTHONPATH; tmux runs a shell
    # command line, so the folder must not need quoting).
    as_other = ["env", f"PYTHONPATH={other}"] if other is not None else []
    work = Path(tempfile.mkdtemp(prefix="paceapp-bench-"))
    try:
        empty, full = work / "empty", work / "full"
        started = time.perf_counter()
        count = write_demo(full, days, date.today())
        print(f"Generated {count} records over {days} days in {time.perf_counter() - started:.1f} s"
              f" ({sum(p.stat().st_size for p in (full / 'records').iterdir()) / 1e6:.1f} MB).")
        figures: dict[str, Figure] = {}

        def record(key: str, name: str, value: tuple[float, float]) -> None:
            figures[key] = Figure(name, value[0], value[1])
            rss = f"   peak RSS {value[1]:6.1f} MB" if value[1] else ""
            print(f"  {name:<46} {value[0] * 1000:8.1f} ms{rss}")

        print(f"Medians of {runs} fresh process{'es' if runs > 1 else ''}:")
        quick = interleaved(runs, {
            "floor": [PY, "-c", "import click, tinydb, platformdirs"],
            "empty": [*PACEAPP, "--data-dir", str(empty), "log", "pain", "5"],
            "full": [*PACEAPP, "--data-dir", str(full), "log", "pain", "5"]})
        record("floor", "floor: import click, tinydb, platformdirs", quick["floor"])
        record("log_empty", "quick log: log pain 5 (empty folder)", quick["empty"])
        record("log_full", f"quick log: log pain 5 ({days} days)", quick["full"])
        probe = [PY, str(HERE / "probe.py")]
        tui = interleaved(runs, {"bare": [*probe, "bare"],
                                 "empty": [*probe, "paceapp", str(empty)],
                                 "full": [*probe, "paceapp", str(full)],
                                 **({"other": [*as_other, *probe, "paceapp", str(full)]}
                                    if other else {})}, until="READY")
        record("tui_bare", "TUI first frame: bare Textual app (headless)", tui["bare"])
        record("tui_empty", "TUI first frame: paceapp, empty (headless)", tui["empty"])
        record("tui_full", f"TUI first frame: paceapp, {days} days (headless)", tui["full"])
        if other:
            record("tui_other", f"  the same, paceapp in {other.parent.name}", tui["other"])
        tmux = tmux_first_frame({"bare": [PY, str(HERE / "bare_app.py")],
                                 "full": [*PACEAPP, "--data-dir", str(full)],
                                 **({"other": [*as_other, *PACEAPP, "--data-dir", str(full)]}
                                    if other else {})}, runs)
        if tmux:
            figures["tmux_bare"] = Figure("tmux", tmux["bare"])
            figures["tmux_full"] = Figure("tmux", tmux["full"])
            print(f"  {'TUI first frame in tmux: bare Textual app':<46} {tmux['bare'] * 1000:8.1f} ms")
            print(f"  {f'TUI first frame in tmux: paceapp, {days} days':<46} "
                  f"{tmux['full'] * 1000:8.1f} ms")
            if other:
                print(f"  {f'  the same, paceapp in {other.parent.name}':<46} "
                      f"{tmux['other'] * 1000:8.1f} ms")
        out = work / "out"
        out.mkdir()
        record("report", f"report --weeks 52 ({days} days)",
               median_of(runs, [*PACEAPP, "--data-dir", str(full), "report", "--weeks", "52"]))
        record("gp_pdf", f"gp sheet --format pdf ({days} days)",
               median_of(runs, [*PACEAPP, "--data-dir", str(full), "gp", "sheet", "--format",
                                "pdf", "--out", str(out / "gp.pdf"), "--force"]))
        record("card", f"share card --out FILE ({days} days)",
               median_of(runs, [*PACEAPP, "--data-dir", str(full), "share", "card", "--name",
                                "Sam", "--out", str(out / "card.json"), "--force"]))

        f = figures
        checks = [
            ("quick log, ten years / empty", f["log_full"].seconds / f["log_empty"].seconds, 1.25),
            ("quick log, ten years / floor", f["log_full"].seconds / f["floor"].seconds, 2.0),
            ("TUI first frame, ten years / bare app",
             f["tui_full"].seconds / f["tui_bare"].seconds, 1.3),
            ("report --weeks 52 (s)", f["report"].seconds, 1.5),
            ("gp sheet --format pdf (s)", f["gp_pdf"].seconds, 1.5),
            ("TUI peak RSS, ten years - bare app (MB)",
             f["tui_full"].rss_mb - f["tui_bare"].rss_mb, 60.0),
        ]
        if "tmux_full" in f:
            checks.append(("TUI first frame in tmux, ten years / bare app",
                           f["tmux_full"].seconds / f["tmux_bare"].seconds, 1.3))
        if other:
            checks.append((f"  the same, paceapp in {other.parent.name} (headless)",
                           f["tui_other"].seconds / f["tui_bare"].seconds, None))
            if tmux:
                checks.append((f"  the same, paceapp in {other.parent.name} (tmux)",
                               tmux["other"] / tmux["bare"], None))
        print("\nTargets:")
        missed = 0
        for name, value, limit in checks:
            if limit is None or args.quick:
                verdict = "(not checked)"
            elif value <= limit:
                verdict = f"met (<= {limit:g})"
            else:
                verdict = f"MISSED (target <= {limit:g})"
                missed += 1
            print(f"  {name:<58} {value:7.2f}  {verdict}")
        if missed:
            print(f"\n{missed} target(s) missed.")
            return 1
        print("\nAll targets met." if not args.quick else "\nQuick run: targets not checked.")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
