"""Text captures for docs/guide.md: the real paceapp on the demo data, in tmux at 80x24.

    python scripts/guide_captures.py            # prints each capture under a heading

The clock is fixed (PACEAPP_NOW) so captures are the same on every run; paste each into the
guide's matching ```text block. Needs tmux.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-21T10:30"
#: name -> keys pressed after the app shows Today (tmux key names).
SCREENS: dict[str, list[str]] = {
    "Welcome (first start)": [],
    "Today": [],
    "Charts (7)": ["7"],
    "Pacing (3)": ["3"],
    "GP (5)": ["5"],
}


def paceapp() -> list[str]:
    exe = Path(sys.executable).with_name("paceapp")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "paceapp"]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", "guide", *args], check=True, capture_output=True,
                          text=True).stdout


def capture(data: Path, keys: list[str], welcome: bool = False) -> str:
    env = {**os.environ, "PACEAPP_NOW": NOW, "TERM": "xterm-256color", "NO_COLOR": "1",
           "PACEAPP_NO_WELCOME": "" if welcome else "1"}
    command = " ".join([*paceapp(), "--data-dir", str(data)])
    for _attempt in range(20):  # the last session's server may still be closing
        started = subprocess.run(["tmux", "-L", "guide", "new-session", "-d", "-s", "g", "-x",
                                  "80", "-y", "24", command], env=env, capture_output=True)
        if started.returncode == 0:
            break
        time.sleep(0.3)
    try:
        deadline = time.monotonic() + 20
        while "Support" not in tmux("capture-pane", "-p", "-t", "g"):
            if time.monotonic() > deadline:
                raise SystemExit("paceapp did not start")
            time.sleep(0.1)
        for key in keys:
            tmux("send-keys", "-t", "g", key)
            time.sleep(1.0)
        time.sleep(1.5)
        return tmux("capture-pane", "-p", "-t", "g").rstrip()
    finally:
        subprocess.run(["tmux", "-L", "guide", "kill-server"], capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "demo"
        env = {**os.environ, "PACEAPP_NOW": NOW}
        subprocess.run([*paceapp(), "demo", "--out", str(data)], check=True, env=env,
                       capture_output=True)
        for name, keys in SCREENS.items():
            print(f"=== {name}\n{capture(data, keys, welcome=name.startswith('Welcome'))}\n")
        for name, args in (("GP sheet (text)", ["gp", "sheet"]),
                           ("Flare-up plan, pocket", ["flare-plan", "--pocket"])):
            ran = subprocess.run([*paceapp(), "--data-dir", str(data), *args], env=env,
                                 capture_output=True, text=True)
            print(f"=== {name}\n{ran.stdout.rstrip() or ran.stderr.rstrip()}\n")


if __name__ == "__main__":
    main()
