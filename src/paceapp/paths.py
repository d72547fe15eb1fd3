"""Where paceapp keeps data: the one module that knows (tests patch `default_data_dir`)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "PACEAPP_DATA_DIR"


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
