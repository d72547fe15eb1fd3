"""Opening the app from the command line."""

from __future__ import annotations

import gc
import os
from pathlib import Path


def pause_collection() -> None:
    """Pause Python's cycle collector until the app's first frame is on screen.

    Opening the app makes hundreds of thousands of objects that live as long as it does
    (modules, classes, widgets, the year's records) and almost no garbage. While they are being
    made, the collector keeps walking all of them looking for garbage that is not there: about
    a tenth of the time to the first frame. `start_up_done` (on the app's Ready event) turns it
    back on, so the rest of the session collects as usual; this is the pattern the `gc.freeze`
    documentation describes for objects made at start-up.
    """
    gc.disable()


def start_up_done() -> None:
    """The first frame is drawn: set aside what start-up made (`gc.freeze`, so later
    collections do not walk it again) and turn the collector back on. Does nothing if the
    collector was not paused (an app a test started), so nothing is frozen there."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_tui(data_dir: Path, *, demo: bool = False) -> int:
    """Open the journal (refusing a damaged one before any screen is drawn), then run the app."""
    pause_collection()  # before the imports below, which make most of what start-up makes
    try:
        from paceapp.app.folder import open_folder

        journal = open_folder(data_dir)
        from paceapp.tui.app import PaceApp

        # The first-start welcome (shown once); PACEAPP_NO_WELCOME=1 skips it (scripts, tests).
        app = PaceApp(journal, demo=demo, welcome=not os.environ.get("PACEAPP_NO_WELCOME"))
        app.run()
    finally:
        gc.enable()  # whatever happened on the way (an error before the first frame)
    return app.return_code or 0
