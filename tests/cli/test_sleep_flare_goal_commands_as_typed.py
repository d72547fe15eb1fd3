"""QA of the sleep, flare-up and goal commands as a person would type them, wrong input included:
one plain line on stderr, exit 2, the data folder unchanged; plus the wording fixes from QA."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import folder_bytes, run_paceapp

NOW = "2026-11-21T10:00"  # a Saturday


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


NIGHT = ["--bed", "22:00", "--tried", "22:10", "--woke", "06:00", "--up", "06:30"]


@pytest.mark.parametrize("args", [
    ["log", "sleep", "--date", "2026-02-30", *NIGHT],
    ["log", "sleep", *NIGHT[:1], "25:00", *NIGHT[2:]],
    ["log", "sleep", "--latency", "-5", *NIGHT],
    ["log", "sleep", "--latency", "600", *NIGHT],
    ["log", "sleep", "--waso", "30", "--awakenings", "0", *NIGHT],
    ["log", "sleep", "--bed", "22:00", "--tried", "22:10", "--woke", "22:05", "--up", "22:30"],
    ["log", "sleep", "--bed", "22:00", "--tried", "21:10", "--woke", "06:00", "--up", "06:30"],
    ["log", "sleep", "--quality", "great", *NIGHT],
    ["log", "sleep", "--date", "2030-01-01", *NIGHT],
    ["log", "sleep", "--note", "x" * 100_000, *NIGHT],
    ["log", "sleep", "--bed", "10 in the evening", "--tried", "22:10", "--woke", "06:00", "--up", "06:30"],
    ["log", "flare", "start", "--peak", "11"],
    ["log", "flare", "start", "--peak", "-1"],
    ["log", "flare", "start", "--at", "25:00"],
    ["log", "flare", "start", "--at", "2026-11-25T10:00"],
    ["log", "flare", "start", "--trigger", "y" * 5000],
    ["log", "flare", "end"],
    ["goal", "add", "walk", "--days-per-week", "8", "--confidence", "5"],
    ["goal", "add", "walk", "--days-per-week", "3", "--confidence", "-1"],
    ["goal", "add", "", "--days-per-week", "3", "--confidence", "5"],
    ["goal", "add", "walk", "--days-per-week", "3", "--confidence", "5", "--start", "2026-02-30"],
    ["goal", "mark"],
    ["goal", "done", "abc"],
    ["goal", "review", "abcd1234", "maybe"],
])
def test_wrong_input_is_one_plain_line_exit_2_and_nothing_changes(cli, data_dir: Path,  # noqa: ANN001
                                                                   args: list[str]) -> None:
    cli("log", "sleep", "--date", "2026-11-20", *NIGHT)  # something already there
    before = folder_bytes(data_dir)
    ran = cli(*args)
    assert ran.code == 2, (args, ran.out, ran.err)
    assert "Traceback" not in ran.err and len(ran.err.strip().splitlines()) == 1
    assert not any(word in ran.err.lower() for word in ("failed", "error", "invalid input"))
    assert folder_bytes(data_dir) == before


def test_markup_and_escapes_are_stored_as_plain_words(cli) -> None:  # noqa: ANN001
    assert cli("log", "sleep", "--note", "\x1b[31mred\x1b[0m [b]bold[/b]", *NIGHT).code == 0
    shown = cli("show", "sleep").out
    # The note may wrap under its column: read it as words.
    assert "\x1b" not in shown and "red [b]bold[/b]" in " ".join(shown.split())


def test_ending_a_flare_up_the_minute_it_started_says_how_to_undo(cli, data_dir: Path) -> None:  # noqa: ANN001
    assert cli("log", "flare", "start").code == 0
    before = folder_bytes(data_dir)
    ran = cli("log", "flare", "end")
    assert ran.code == 2
    assert "only started at 10:00" in ran.err and "paceapp undo" in ran.err
    assert folder_bytes(data_dir) == before
    # a time well before the start keeps the plain "must be after the start"
    ran = cli("log", "flare", "end", "--at", "09:00")
    assert ran.code == 2 and "must be after the start" in ran.err


def test_goal_done_points_to_goal_mark_and_undo(cli) -> None:  # noqa: ANN001
    added = cli("goal", "add", "walk", "--days-per-week", "3", "--confidence", "8")
    plan_id = added.out.split("(id ")[1][:8]
    asked = cli("goal", "done", plan_id)  # no terminal to ask on: nothing is changed
    assert asked.code == 2 and f"paceapp goal mark {plan_id}" in asked.err
    assert f"paceapp goal finish {plan_id}" in asked.err
    ran = cli("goal", "done", plan_id, "--yes")  # scripts that mean it
    assert "Finished: walk" in ran.out
    assert f"paceapp goal mark {plan_id}" in ran.out and "paceapp undo" in ran.out
    again = cli("goal", "finish", plan_id)
    assert "already finished" in again.out and "goal mark" not in again.out


def test_an_every_day_plan_gets_a_gentle_note_once(cli) -> None:  # noqa: ANN001
    ran = cli("goal", "add", "swim", "--days-per-week", "7", "--confidence", "9")
    assert ran.code == 0 and "A few days a week is often easier" in ran.out
    assert "every day" in ran.out  # the plan itself
    low = cli("goal", "add", "stretch", "--days-per-week", "7", "--confidence", "5")
    assert "A few days a week" not in low.out  # the smaller-plan invitation already says it
    assert "--days-per-week 6 --confidence N" in low.out


def test_low_confidence_hint_does_not_pick_a_number_for_the_person(cli) -> None:  # noqa: ANN001
    ran = cli("goal", "add", "walk", "--days-per-week", "1", "--confidence", "4")
    assert "--confidence N" in ran.out and "--confidence 8" not in ran.out
    assert "--days-per-week" not in ran.out.split("To change it:")[1]  # 1 day cannot be fewer


def test_a_real_process_never_shows_a_traceback(data_dir: Path) -> None:
    ran = run_paceapp("log", "sleep", "--date", "2026-02-30", *NIGHT, data=data_dir,
                      env={"PACEAPP_NOW": NOW})
    assert ran.code == 2 and "not a real date" in ran.err and "Traceback" not in ran.err


def test_a_night_without_all_times_says_how_to_add_them(cli) -> None:  # noqa: ANN001
    ran = cli("log", "sleep", "--quality", "poor", "--bed", "22:00")
    assert ran.code == 0
    hint = ran.out.splitlines()[1]
    assert hint.startswith("To work them out, add the missing times (tried, woke, up)")
    command = hint.split(": ", 1)[1].split()
    assert command[:3] == ["paceapp", "edit", "sleep"]
    # the hint is a command that works, once the example times are replaced by the person's own
    filled = [part.split("=")[0] + "=" + time for part, time in
              zip(command[4:], ("22:10", "06:00", "06:30"), strict=True)]
    assert cli("edit", "sleep", command[3], *filled).code == 0
    assert "92.2%" in cli("show", "sleep").out
    full = cli("log", "sleep", "--date", "2026-11-20", *NIGHT)
    assert "To work them out" not in full.out


def test_goal_lists_fit_80_columns_and_say_finished_not_done(cli) -> None:  # noqa: ANN001
    long_what = "walk slowly to the corner shop and back with my stick and a rest on the bench"
    added = cli("goal", "add", long_what, "--how-much", "about twenty minutes with a rest",
                "--when", "after lunch when the sun is out", "--days-per-week", "3",
                "--confidence", "8", "--goal", "walk to the shop again by spring next year please")
    plan_id = added.out.split("(id ")[1][:8]
    cli("goal", "mark", plan_id)
    cli("goal", "review", plan_id, "partly", "--now", "--got-in-way", "a flare-up and then visitors " * 3)
    for args in (["goal", "list"], ["goal", "list", "--all"], ["goal", "history"],
                 ["goal", "longer", "list"]):
        out = cli(*args).out
        assert out.strip(), args
        assert max(len(line) for line in out.splitlines()) <= 80, (args, out)
    history = cli("goal", "history").out
    assert "finished)" in history and "on the go)" in history
    assert ", done)" not in history  # 'done' is a review outcome, not a plan's state


def test_after_an_early_review_the_rest_of_the_week_can_be_marked(cli, monkeypatch) -> None:  # noqa: ANN001
    added = cli("goal", "add", "walk", "--days-per-week", "3", "--confidence", "8",
                "--start", "2026-11-16")
    plan_id = added.out.split("(id ")[1][:8]
    assert cli("goal", "review", plan_id, "partly", "--now").code == 0  # on Saturday
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-22T18:00")     # Sunday's walk
    ran = cli("goal", "mark", plan_id)
    assert ran.code == 0 and "Marked Sun 22 Nov done: walk" in ran.out
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-23T18:00")     # the new week: the new plan
    again = cli("goal", "mark", plan_id)
    assert again.code == 2 and "This plan is finished" in again.err


def test_ending_a_flare_up_points_to_the_plan_only_when_there_is_one(cli) -> None:  # noqa: ANN001
    cli("log", "flare", "start", "--at", "07:00")
    ended = cli("log", "flare", "end", "--at", "08:00")
    assert "Restart gently." in ended.out and "flare-plan --template" in ended.out
    assert "your plan says how" not in ended.out
    cli("flare-plan", "--set", "-", input="# How to restart\nBad-day amounts first\n")
    assert cli("log", "flare", "start", "--at", "09:00").code == 0
    ended = cli("log", "flare", "end")
    assert "your plan says how ('paceapp flare-plan')" in ended.out


def test_review_next_change_needs_a_change_and_says_days_left_still_count(cli, data_dir: Path,  # noqa: ANN001
                                                                          monkeypatch) -> None:  # noqa: ANN001
    added = cli("goal", "add", "walk", "--days-per-week", "3", "--confidence", "8",
                "--start", "2026-11-16")
    plan_id = added.out.split("(id ")[1][:8]
    before = folder_bytes(data_dir)
    ran = cli("goal", "review", plan_id, "done", "--next", "change")
    assert ran.code == 2 and "Say what to change for next week" in ran.err
    assert folder_bytes(data_dir) == before
    ran = cli("goal", "review", plan_id, "partly", "--now")  # Saturday: Sunday is left
    assert f"Days left in this week still count: paceapp goal mark {plan_id}" in ran.out
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-22T20:00")  # the week's last day: nothing left
    other = cli("goal", "add", "stretch", "--days-per-week", "2", "--confidence", "9",
                "--start", "2026-11-16").out.split("(id ")[1][:8]
    assert "Days left" not in cli("goal", "review", other, "done").out


@pytest.mark.parametrize("where", ["data", "demo-out", "sheet-out"])
def test_a_path_the_system_refuses_is_one_plain_line_exit_2(tmp_path: Path, where: str) -> None:
    """A name longer than the file system allows (found by the hostile suite: `demo --out`
    and `--data-dir` showed the last-resort message)."""
    data, long_name = tmp_path / "data", "x" * 300
    run_paceapp("log", "pain", "4", data=data)
    before = folder_bytes(data)
    args = {"data": (tmp_path / long_name, ["log", "pain", "5"]),
            "demo-out": (data, ["demo", "--out", str(tmp_path / long_name)]),
            "sheet-out": (data, ["gp", "sheet", "--out", str(tmp_path / long_name)])}[where]
    ran = run_paceapp(*args[1], data=args[0])
    # A named output that cannot be written is a failed write (1), as for a full disk.
    assert ran.code == (1 if where == "sheet-out" else 2), ran
    assert "Traceback" not in ran.err and "did not expect" not in ran.err
    assert len(ran.err.strip().splitlines()) == 1 and "too long" in ran.err
    assert folder_bytes(data) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_half_a_character_in_gp_words_is_one_plain_line_exit_2(cli, data_dir: Path) -> None:  # noqa: ANN001
    """Found by the hostile suite: `gp tried -- '\\ud800'` reached the last-resort message."""
    before = folder_bytes(data_dir)
    ran = cli("gp", "tried", "--", "\ud800")
    assert ran.code == 2 and "could not be read as text" in ran.err, ran
    assert len(ran.err.strip().splitlines()) == 1
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize("args", [["demo", "--out", "{tmp}/\ud800"],
                                  ["gp", "sheet", "--out", "{tmp}/\ud800.pdf"],
                                  ["--data-dir", "{tmp}/\ud800", "log", "pain", "5"]])
def test_half_a_character_in_a_path_is_one_plain_line_exit_2(
        cli, data_dir: Path, tmp_path: Path, args: list[str]) -> None:  # noqa: ANN001
    cli("log", "pain", "4")
    before = folder_bytes(data_dir)
    ran = cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert ran.code == 2 and "could not be read as characters" in ran.err, ran
    assert "did not expect" not in ran.err
    assert folder_bytes(data_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
