"""Opening the app from the command line."""

from __future__ import annotations

import os
from pathlib import Path

from paceapp.app.folder import open_folder


def run_tui(data_dir: Path, *, demo: bool = False) -> int:
    """Open the journal (refusing a damaged one before any screen is drawn), then run the app."""
    journal = open_folder(data_dir)
    from paceapp.tui.app import PaceApp

    # The first-start welcome (shown once); PACEAPP_NO_WELCOME=1 skips it (scripts, tests).
    app = PaceApp(journal, demo=demo, welcome=not os.environ.get("PACEAPP_NO_WELCOME"))
    app.run()
    return app.return_code or 0
