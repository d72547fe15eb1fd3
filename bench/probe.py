"""Run in a fresh process by run.py: open an app headless, print READY when it has drawn with data.

    python bench/probe.py bare
    python bench/probe.py paceapp DATA_DIR
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


def peak_rss_kb() -> int:
    """This process's own peak resident memory (VmHWM: reset by exec, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


async def bare() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from bare_app import BareApp

    app = BareApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print(f"READY {peak_rss_kb()}", flush=True)


async def paceapp(data_dir: str) -> None:
    try:
        from paceapp.tui.launch import pause_collection
    except ImportError:  # a checkout (--compare-src) from before run_tui paused the collector
        pass
    else:
        pause_collection()  # as run_tui does, before anything is opened or imported
    from paceapp.store.journal import Journal
    from paceapp.tui.app import PaceApp

    app = PaceApp(Journal.open(Path(data_dir)))
    async with app.run_test(size=(100, 32)) as pilot:
        # Ready = Today has shown its data (the first read) and a frame followed. The wait
        # only sleeps: a pilot.pause() here would make the app process and draw on each turn,
        # work a person's app does not do, and more of it the sooner the app is running.
        while not getattr(app.screen, "data_shown", False):
            await asyncio.sleep(0.002)
        await pilot.pause()
        print(f"READY {peak_rss_kb()}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        asyncio.run(bare())
    else:
        asyncio.run(paceapp(sys.argv[2]))
