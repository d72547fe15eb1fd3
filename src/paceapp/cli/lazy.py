"""Click groups that import a command's module only when that command runs.

`paceapp log pain 5` then imports the logging module alone, not the pacing, GP or sharing code
(measured: about 2.5x faster to start; see docs/performance.md). `--help` still lists everything.
A module named in a table that cannot be imported is an error, never a command quietly missing
(tests/test_registries.py imports every one).
"""

from __future__ import annotations

import importlib

import click


def load_module(name: str, root: click.Group) -> None:
    """Import paceapp.cli.NAME and let it add its commands (once)."""
    loaded: set[str] = root.__dict__.setdefault("_loaded_modules", set())
    if name in loaded:
        return
    module = importlib.import_module(f"paceapp.cli.{name}")
    module.register(root)
    loaded.add(name)


class LazyGroup(click.Group):
    """A group whose commands come from modules, imported on first use.

    `lazy` maps each command name to the module (under paceapp.cli) whose `register(root)` adds
    it: the one table of the group's lazy commands. `modules` (default: those in `lazy`) are
    imported for --help and for a name not in `lazy`.
    """

    def __init__(self, *args: object, lazy: dict[str, str],
                 modules: tuple[str, ...] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy
        self.modules = modules if modules is not None else tuple(dict.fromkeys(lazy.values()))

    def _root(self, ctx: click.Context) -> click.Group:
        root = ctx.find_root().command
        assert isinstance(root, click.Group)
        return root

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            root = self._root(ctx)
            if cmd_name in self.lazy:
                load_module(self.lazy[cmd_name], root)
            if cmd_name not in self.commands:
                for module in self.modules:
                    load_module(module, root)
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        root = self._root(ctx)
        for module in self.modules:
            load_module(module, root)
        return sorted(self.commands)
