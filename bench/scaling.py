"""Does paceapp stay as fast on a folder used for years as on a new one? (issue 19)

    python bench/scaling.py                    # 1, 10 and 20 years and a used 20-year folder
    python bench/scaling.py --years 1 10 20 40 # and forty years
    python bench/scaling.py --src /tmp/old/src # measure another copy of paceapp (before/after)
    python bench/scaling.py --quick            # one run on tiny folders (a smoke test)

Builds demo folders of each number of years, and a *used* twenty-year folder: the same data
after 100 changes, 10 of them changes to a baseline (each adds a step to its history) and 90
changed notes on recent pain scores - what undo keeps. Then measures, interleaved (1y, 10y,
20y, used, 1y, ...), the median wall time of fresh processes for: a quick log, `show pain
--days 30`, `report --weeks 52`, `report` (12 weeks), `gp sheet --format pdf`, `data check`,
`data export` (and its peak RSS, VmHWM), the TUI's first frame (bench/probe.py) and a change
to a baseline (`pace baseline walking --gentle N`, set again: a step-up's write, the baseline
and one change, without its once-a-week rule; measured last, as it changes the folder). Prints
each figure and the issue's ratios with their targets. It asserts nothing (a noisy machine is
no reason for a test to fail): it reports.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

#: Runs a paceapp command in this process and reports its own peak RSS (VmHWM) on stderr.
RSS_WRAPPER = r"""
import sys
from paceapp.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
finally:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("PEAK_KB " + line.split()[1] + "\n")
sys.exit(code or 0)
"""

#: Builds the used folder: 100 changes, every tenth adding a step to a baseline (to its history
#: before data format 3, as a change record of its own since), the others changing the note of
#: one of the last month's pain scores (so this year's file keeps its size and only the undo
#: log differs from the fresh folder). Works with a paceapp of either format (`--src`).
USED_BUILDER = r"""
import dataclasses, sys
from datetime import date, datetime, timedelta, UTC
from pathlib import Path
from paceapp.core.pacing import Baseline, BaselineChange
from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
journal = Journal.open(Path(sys.argv[1]))
now = datetime.now(UTC).replace(microsecond=0)
bases = journal.list(Baseline)
recent = journal.list(PainEntry, since=date.today() - timedelta(days=30))
apart = "history" not in {f.name for f in dataclasses.fields(Baseline)}
for n in range(100):
    if n % 10 == 0:
        base = bases[0]
        fields = dict(at=now - timedelta(minutes=100 - n), action="step", method="step",
                      inputs=(base.amount,), amount=base.amount, working="bench step.")
        if apart:
            with journal.transaction():
                base = journal.update(dataclasses.replace(base, changed=fields["at"]))
                journal.add(BaselineChange(baseline_id=base.id, **fields))
        else:
            base = journal.update(dataclasses.replace(
                base, history=(*base.history, BaselineChange(**fields))))
        bases = [base, *bases[1:]]
    else:
        entry = recent[n % len(recent)]
        journal.update(dataclasses.replace(entry, note=f"changed {n}"))
"""


def env_for(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def timed(argv: list[str], env: dict[str, str], until: str | None = None
          ) -> tuple[float, float]:
    """Wall time of one fresh process (until it prints `until`), and its peak RSS in MB when
    it reports one."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    rss_kb = 0.0
    if until is not None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if until in line:
                parts = line.split()
                rss_kb = float(parts[1]) if len(parts) > 1 else 0.0
                break
        elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if until is None:
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(argv)}\n{out}\n{err}")
    for line in err.splitlines():
        if line.startswith("PEAK_KB "):
            rss_kb = float(line.split()[1])
    return elapsed, rss_kb / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 20])
    parser.add_argument("--runs", type=int, default=None, help="repetitions (default 7)")
    parser.add_argument("--src", type=Path, default=None,
                        help="the src/ folder of the paceapp to measure (default: installed)")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the folders here (built once, reused when present)")
    parser.add_argument("--quick", action="store_true", help="tiny folders, one run")
    parser.add_argument("--skip", nargs="*", default=[], help="figures to leave out "
                        "(log, show, report, report12, gp-pdf, check, export, tui, baseline)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 7)
    env = env_for(args.src)
    paceapp = [PY, "-m", "paceapp"]
    subprocess.run([PY, "-m", "compileall", "-q", str(args.src or HERE.parent / "src"),
                    str(HERE)], check=True, env=env)
    work = args.work or Path(tempfile.mkdtemp(prefix="paceapp-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        folders: dict[str, Path] = {}
        for years in args.years:
            days = 20 * years if args.quick else 365 * years
            folder = work / f"y{years}"
            if not folder.exists():
                started = time.perf_counter()
                subprocess.run([PY, "-c", "import sys; from pathlib import Path; from datetime "
                                "import date; from paceapp.demo import write_demo; "
                                "write_demo(Path(sys.argv[1]), int(sys.argv[2]), date.today())",
                                str(folder), str(days)], check=True, env=env)
                size = sum(p.stat().st_size for p in (folder / "records").iterdir()) / 1e6
                print(f"built {years} years ({size:.1f} MB) in "
                      f"{time.perf_counter() - started:.1f} s")
            folders[f"{years}y"] = folder
        biggest = max(args.years)
        used = work / f"used{biggest}"
        if not used.exists():
            shutil.copytree(folders[f"{biggest}y"], used, symlinks=True)
            subprocess.run([PY, "-c", USED_BUILDER, str(used)], check=True, env=env)
        undo_size = sum(p.stat().st_size for p in (used / "records").glob("_undo*"))
        print(f"used {biggest} years: undo log {undo_size / 1e3:.1f} kB")
        folders[f"used{biggest}"] = used
        out = work / "out"
        out.mkdir(exist_ok=True)

        gentle = itertools.cycle([20, 22])
        commands = {
            "log": lambda d: [*paceapp, "--data-dir", str(d), "log", "pain", "5"],
            "show": lambda d: [*paceapp, "--data-dir", str(d), "show", "pain", "--days", "30"],
            "report": lambda d: [*paceapp, "--data-dir", str(d), "report", "--weeks", "52"],
            "report12": lambda d: [*paceapp, "--data-dir", str(d), "report"],
            "gp-pdf": lambda d: [*paceapp, "--data-dir", str(d), "gp", "sheet", "--format", "pdf",
                                 "--out", str(out / f"{d.name}.pdf"), "--force"],
            "check": lambda d: [*paceapp, "--data-dir", str(d), "data", "check"],
            "export": lambda d: [PY, "-c", RSS_WRAPPER, "--data-dir", str(d), "data", "export",
                                 "--out", str(out / f"{d.name}.json"), "--force"],
            "tui": lambda d: [PY, str(HERE / "probe.py"), "paceapp", str(d)],
            "baseline": lambda d: [*paceapp, "--data-dir", str(d), "pace", "baseline", "walking",
                                   "--gentle", str(next(gentle))],
        }
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for name, make in commands.items():
            if name in args.skip:
                continue
            until = "READY" if name == "tui" else None
            for folder in folders.values():  # warm-up (disk cache)
                timed(make(folder), env, until)
            for _ in range(runs):
                for key, folder in folders.items():
                    results.setdefault((name, key), []).append(timed(make(folder), env, until))
            for key in folders:
                values = results[(name, key)]
                wall = statistics.median(v[0] for v in values)
                rss = max(v[1] for v in values)
                extra = f"   peak RSS {rss:6.1f} MB" if rss else ""
                print(f"  {name:<8} {key:<8} {wall * 1000:8.1f} ms{extra}", flush=True)

        def med(name: str, key: str) -> float | None:
            values = results.get((name, key))
            return statistics.median(v[0] for v in values) if values else None

        small = f"{min(args.years)}y"
        big = f"{biggest}y"
        print(f"\nRatios ({big} ÷ {small}, medians of {runs}, interleaved):")
        for name, target in (("log", 1.15), ("show", 1.15), ("tui", 1.15), ("report", 1.25),
                             ("report12", None), ("gp-pdf", None), ("check", None),
                             ("export", None), ("baseline", None)):
            a, b = med(name, big), med(name, small)
            if a and b:
                goal = f"(target <= {target})" if target else "(no target)"
                print(f"  {name:<8} {a / b:6.2f}  {goal}")
        a, b = med("log", f"used{biggest}"), med("log", big)
        if a and b:
            print(f"  quick log, used ÷ fresh {biggest} years: {a / b:6.2f}  (target <= 1.15)")
        if ("export", big) in results:
            print("Export peak RSS: " + ", ".join(
                f"{key} {max(v[1] for v in results[('export', key)]):.0f} MB"
                for key in folders) + "  (target <= 100 MB on twenty years, flat)")
        return 0
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
