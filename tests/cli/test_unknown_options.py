"""A mistyped option is named as an unknown option, with the one the person probably meant.

Commands that accept negative numbers let unknown options through to their arguments, where
click used to say "Got unexpected extra argument (--when 9am)"; every command now says
"No such option '--when'. Did you mean '--at'?", exits 2 and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


@pytest.mark.parametrize("args, unknown, meant", [
    (("log", "pain", "5", "--when", "9am"), "--when", "--at"),
    (("log", "pain", "5", "--time=9am"), "--time", "--at"),
    (("log", "peg", "5", "5", "5", "--when", "monday"), "--when", "--date"),
    (("log", "activity", "Walking", "20", "--when", "9am"), "--when", "--at"),
    (("log", "pain", "5", "--nte", "stairs"), "--nte", "--note"),
    (("goal", "add", "walk", "--at", "9am"), "--at", "--when"),
    (("show", "pain", "--dayz", "3"), "--dayz", "--days"),
    (("log", "pain", "5", "--comment", "x"), "--comment", "--note"),
])
def test_unknown_option_names_the_nearest(cli, data_dir: Path, args: tuple[str, ...],
                                          unknown: str, meant: str) -> None:
    assert cli("log", "pain", "3").code == 0
    before = files_of(data_dir)
    ran = cli(*args)
    assert ran.code == 2
    assert f"No such option '{unknown}'. Did you mean '{meant}'?" in ran.err
    assert "unexpected extra" not in ran.err and "Traceback" not in ran.err
    assert files_of(data_dir) == before


def test_unknown_option_with_nothing_near_is_named_alone(cli) -> None:
    ran = cli("log", "pain", "5", "--zzzzzz")
    assert ran.code == 2
    assert "No such option '--zzzzzz'." in ran.err and "Did you mean" not in ran.err


@pytest.mark.parametrize("args", [("log", "pain", "-1"), ("log", "pain", "-2.5")])
def test_negative_numbers_still_reach_the_range_check(cli, args: tuple[str, ...]) -> None:
    ran = cli(*args)
    assert ran.code == 2
    assert "No such option" not in ran.err


def test_a_real_extra_argument_is_still_called_one(cli) -> None:
    ran = cli("log", "pain", "5", "6")
    assert ran.code == 2
    assert "unexpected extra argument (6)" in ran.err
