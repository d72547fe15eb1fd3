"""kill -9 at random moments and two writers at once: nothing acknowledged is ever lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal

WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from pathlib import Path
    from paceapp.core.pain import PainEntry
    from paceapp.store.journal import Journal

    root, count, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    journal = Journal.open(root)
    for n in range(count):
        if mode == "fresh":          # like separate `paceapp log` commands
            journal = Journal.open(root)
        entry = journal.add(PainEntry(at=datetime.now().astimezone(), score=n % 11))
        print(entry.id, flush=True)  # acknowledged only after add() returned
""")


def start_writer(root: Path, count: int, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(root), str(count), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_at_random_moments_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    root = tmp_path / "data"
    rng = random.Random(20261121)
    acknowledged: set[str] = set()
    rounds = 0
    while len(acknowledged) < 150 or rounds < 12:
        rounds += 1
        writer = start_writer(root, 10_000, rng.choice(["fresh", "cached"]))
        time.sleep(rng.uniform(0.15, 0.6))
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate()
        # Only complete lines are acknowledgements (a line cut by the kill is not).
        lines = out.split("\n")
        acknowledged.update(line for line in lines[:-1] if line)
        stored = {e.id for e in Journal.open(root).list(PainEntry)}  # always loads
        missing = acknowledged - stored
        assert not missing, f"round {rounds}: lost {len(missing)} acknowledged writes"
    assert rounds >= 12 and len(acknowledged) >= 150


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    Journal.open(root)
    first = start_writer(root, 100, "cached")   # like the app, holding data in memory
    second = start_writer(root, 100, "fresh")   # like the CLI, opening each time
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    ids = set(out1.split()) | set(out2.split())
    stored = {e.id for e in Journal.open(root).list(PainEntry)}
    assert len(ids) == 200
    assert stored == ids
