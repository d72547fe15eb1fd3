"""Chaos: an app-like process and a command-line process change the same data folder at once -
logging, changing, deleting, undoing, restoring backups, importing - while one or the other is
killed with kill -9 at random moments. Afterwards every acknowledged record is in the live data
or a backup (unless the person deleted or undid it), `data check` finds nothing wrong, and every
backup can be put back.

About 20 kills by default (a few seconds); PACEAPP_CHAOS_KILLS=200 for a long run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

from paceapp.core.pain import PainEntry
from paceapp.store.journal import Journal
from paceapp.store.maintenance import check_folder, list_backups
from tests.store.helpers import ids_everywhere

KILLS = int(os.environ.get("PACEAPP_CHAOS_KILLS", "20"))

#: Like the app: one Journal kept open for the whole run (its clock moves on a day every few
#: changes, and need not agree with the command line's), changes made through the Journal.
#: Prints an intent before anything that may take a record away (so a kill right after it
#: cannot make the check expect the record), and an acknowledgement after anything it stores.
APP = textwrap.dedent("""
    import dataclasses, random, sys
    from datetime import UTC, date, datetime, timedelta
    from pathlib import Path
    from paceapp.core.errors import PaceError
    from paceapp.core.pain import PainEntry
    from paceapp.outputs.export import export_document, render_export
    from paceapp.store.folder import DataFolder
    from paceapp.store.journal import Journal
    from paceapp.store.maintenance import import_batch, parse_import, restore_backup

    root, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    clock = {"day": date(2026, 11, 1) + timedelta(days=rng.randint(0, 40))}
    journal = Journal.open(root, today=lambda: clock["day"])
    print("READY", flush=True)
    for n in range(100_000):
        if n % 6 == 5:
            clock["day"] += timedelta(days=1)
        day = clock["day"]
        at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC) + timedelta(minutes=n)
        roll = rng.random()
        try:
            if roll < 0.40:
                entry = journal.add(PainEntry(at=at, score=n % 11, note=f"app {seed} {n}"))
                print("ADD", entry.id, flush=True)
            elif roll < 0.50:
                live = journal.list(PainEntry)
                if live:
                    pick = rng.choice(live)
                    journal.update(dataclasses.replace(pick, score=(pick.score + 1) % 11))
            elif roll < 0.58:
                live = journal.list(PainEntry)
                if live:
                    pick = rng.choice(live)
                    print("DELETING", pick.id, flush=True)
                    journal.delete(PainEntry, pick.id)
            elif roll < 0.70:
                with journal.transaction():  # the lock: the change announced is the one undone
                    last = journal.last_change()
                    if last:
                        print("UNDOING", last["id"], flush=True)
                    journal.undo()
            elif roll < 0.82:
                backups = DataFolder(root).list_backups()
                if backups:
                    restore_backup(root, rng.choice(backups).name,
                                   now=datetime.now() + timedelta(seconds=n))
                    print("RESTORED", flush=True)
            else:
                entry = PainEntry(at=at, score=2, note=f"imported {seed} {n}")
                doc = render_export(export_document({"pain": [entry]})).encode()
                import_batch(root, parse_import(doc, Path("e.json")), merge=True,
                             now=datetime.now() + timedelta(seconds=n))
                print("ADD", entry.id, flush=True)
        except PaceError as error:  # a backup pruned meanwhile, "nothing to undo"...
            print("REFUSED", type(error).__name__, str(error).splitlines()[0][:80], flush=True)
""")

#: Like separate `paceapp` commands: each change through the command line's own entry point.
CLI = textwrap.dedent("""
    import contextlib, io, random, sys
    from pathlib import Path
    from paceapp.cli import main
    from paceapp.core.pain import PainEntry
    from paceapp.outputs.export import export_document, render_export
    from paceapp.store.folder import DataFolder

    root, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    spare = root.parent / f"import-{seed}.json"

    def run(*argv):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--data-dir", str(root), *argv])
        return code, out.getvalue()

    print("READY", flush=True)
    for n in range(100_000):
        roll = rng.random()
        if roll < 0.6:
            code, out = run("log", "pain", str(n % 11), "--note", f"cli {seed} {n}")
            if code == 0:
                print("ADD", out.split("(id ")[1].split(")")[0], flush=True)
        elif roll < 0.8:
            backups = DataFolder(root).list_backups()
            if backups:
                run("data", "restore", rng.choice(backups).name, "--yes")
        else:
            from datetime import datetime
            entry = PainEntry(at=datetime.now().astimezone(), score=4, note=f"file {seed} {n}")
            spare.write_text(render_export(export_document({"pain": [entry]})))
            code, _out = run("data", "import", str(spare), "--merge")
            if code == 0:
                print("ADD", entry.id, flush=True)
""")


def start(script: str, root: Path, seed: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", script, str(root), str(seed)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.stdout is not None
    first = proc.stdout.readline()  # wait until it is working (imports take a while)
    assert first.startswith("READY"), first + (proc.stderr.read() if proc.stderr else "")
    return proc


def stop(proc: subprocess.Popen[str]) -> list[str]:
    """kill -9, then the lines it completed (a line cut by the kill is not an acknowledgement)."""
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    assert "Traceback" not in err, err
    lines = out.split("\n")
    return [line for line in lines[:-1] if line]


def test_kill_9_during_restore_import_undo_and_writes_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(2026_16_08)
    root = tmp_path / "data"
    Journal.open(root).add(PainEntry(at=datetime.now().astimezone(), score=1))
    added: set[str] = set()
    taken_away: set[str] = set()
    seen: dict[str, int] = {}
    running = {"app": start(APP, root, rng.randrange(10**6)),
               "cli": start(CLI, root, rng.randrange(10**6))}
    for _kill in range(KILLS):
        time.sleep(rng.uniform(0.02, 0.35))
        victim = rng.choice(sorted(running))
        for line in stop(running[victim]):
            word, _sep, rest = line.partition(" ")
            seen[word] = seen.get(word, 0) + 1
            if word == "ADD":
                added.add(rest)
            elif word in ("DELETING", "UNDOING"):
                taken_away.add(rest)
        running[victim] = start(APP if victim == "app" else CLI, root, rng.randrange(10**6))
    for proc in running.values():
        for line in stop(proc):
            word, _sep, rest = line.partition(" ")
            if word == "ADD":
                added.add(rest)
            elif word in ("DELETING", "UNDOING"):
                taken_away.add(rest)

    everywhere = ids_everywhere(root)
    missing = {ack for ack in added
               if not any(i.startswith(ack) for i in everywhere)
               and not any(gone.startswith(ack) for gone in taken_away)}
    assert len(added) >= KILLS and seen.get("RESTORED", 0) >= 2, f"the workers hardly ran: {seen}"
    assert not missing, f"{len(missing)} acknowledged records are nowhere: {sorted(missing)[:5]}"
    report = check_folder(root)
    assert report.ok, [str(p) for p in report.problems]
    assert all(info.usable for info in list_backups(root)), \
        [(i.backup.name, i.why_not) for i in list_backups(root) if not i.usable]
    Journal.open(root).list(PainEntry)  # and the app opens on it
