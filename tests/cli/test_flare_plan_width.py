"""`paceapp flare-plan` follows the terminal width (up to 80), like the other prose commands."""

from __future__ import annotations

import pytest

LONG = ("# First steps\n" + " ".join(["Lie on my side with a pillow between my knees"] * 4) + "\n"
        "# When to get help\nIf my legs go numb or I cannot pass water: 999 straight away.\n")


@pytest.mark.parametrize("columns", [40, 50, 64, 80, 200])
def test_plan_lines_fit_the_terminal(cli, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                     columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert cli("flare-plan", "--set", "-", input=LONG).code == 0
    shown = cli("flare-plan")
    assert shown.code == 0 and "Lie on my side" in shown.out
    lines = shown.out.splitlines()
    most = min(columns, 80) - 2  # two cells spare, as the other prose commands leave
    assert max(len(line) for line in lines) <= most
    # it does wrap to the width, not far narrower (a fixed 40 would pass the check above)
    assert max(len(line) for line in lines) >= most - 12
