"""Where paceapp keeps data and saves files: the one module that knows.

Tests patch `default_data_dir`, and set $PACEAPP_DOCUMENTS_DIR so nothing lands in a real
documents folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "PACEAPP_DATA_DIR"
ENV_DOCUMENTS_DIR = "PACEAPP_DOCUMENTS_DIR"


def default_data_dir() -> Path:
    """The platform's user data folder for paceapp (created only when something is saved)."""
    import platformdirs  # deferred: only needed when no folder was given

    return platformdirs.user_data_path("paceapp", appauthor=False)


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    """--data-dir, else $PACEAPP_DATA_DIR, else the platform default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def documents_dir() -> Path:
    """Where the app saves the files a person will look for (GP sheets, cards, exports).

    $PACEAPP_DOCUMENTS_DIR, else the person's documents folder (e.g. ~/Documents), as a full
    path. Nothing is created here: the folder is made only when something is saved into it.
    """
    env = os.environ.get(ENV_DOCUMENTS_DIR)
    if env:
        return Path(env).expanduser().absolute()
    import platformdirs  # deferred: only the app's save dialogs need it

    return platformdirs.user_documents_path().expanduser().absolute()
