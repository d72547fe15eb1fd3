"""What every command gets: the data folder, the Journal (opened on first use) and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import click

from paceapp.app.folder import Journal, open_folder
from paceapp.core.timeparse import local_now


@dataclass
class Env:
    data_dir: Path
    _journal: Journal | None = field(default=None, repr=False)

    def journal(self) -> Journal:
        """The data folder's Journal (checked and migrated when first opened)."""
        if self._journal is None:
            self._journal = open_folder(self.data_dir)
        return self._journal

    def now(self) -> datetime:
        return local_now()

    def today(self) -> date:
        return self.now().date()


pass_env = click.make_pass_decorator(Env)
