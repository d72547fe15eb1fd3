"""Drive the real `paceapp` in tmux: send keys, read the screen (capture-pane)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest


def need_tmux() -> None:
    """Skip when tmux is missing on a developer's machine; in CI it must be there."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing in CI (.ci/run should install it)")
        pytest.skip("tmux is not installed")


class Tmux:
    """One detached tmux session running a command at a fixed size (default 80x24)."""

    def __init__(self, command: list[str], *, width: int = 80, height: int = 24,
                 env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        need_tmux()
        self.name = f"pace-{uuid.uuid4().hex[:8]}"
        self.socket = f"pace-{uuid.uuid4().hex[:8]}"
        full_env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
                    # COLUMNS and LINES (set in xdist workers: 80 and 24) would tell the app
                    # a size other than the pane's: it reads them before the terminal's own.
                    **{k: v for k, v in os.environ.items()
                       if k not in ("TMUX", "NO_COLOR", "COLUMNS", "LINES")},
                    **(env or {})}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        shell_command = f"env {exports} {shlex.join(command)}; echo '[exit '$?']'; sleep 30"
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-s", self.name,
                        "-x", str(width), "-y", str(height), shell_command],
                       check=True, env=full_env, cwd=cwd)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        """Send keys (tmux names: Enter, Escape, F2, C-q...) or literal text."""
        for key in keys:
            self._tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), key)
            # A key and the text after it can arrive in one read on a busy machine, which
            # Textual may take as a paste (a Tab then goes missing): leave a gap after keys.
            time.sleep(0.3 if key in ("Tab", "BTab", "Enter", "Escape") and not literal else 0.05)

    def type(self, text: str) -> None:
        self.send(text, literal=True)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Wait until `text` is on the screen; return the screen. Fails with the last screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"'{text}' did not appear within {timeout}s. Screen:\n{screen}")

    def tab_until(self, text: str, most: int = 30) -> str:
        """Press Tab, as a person moving through a form does, until `text` is on the screen
        (the form scrolls with the focus); return the screen. Fails after `most` presses."""
        for _ in range(most):
            screen = self.screen()
            if text in screen:
                return screen
            self.send("Tab")
        return self.wait_for(text, timeout=5.0)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def paceapp_command(data_dir: Path, *args: str) -> list[str]:
    """The real paceapp, from this interpreter's environment."""
    exe = Path(sys.executable).with_name("paceapp")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "paceapp"]
    return [*base, "--data-dir", str(data_dir), *args]
