"""The everyday goal verbs from the shell (issue 18, items 4 and 11).

`goal mark` is "I did it today"; `goal finish` ends a plan; `goal done` never ends one silently
(it asks, or without a terminal exits 2 unless --yes / --finish). A review before the week's last
day asks "review now, or on <last day>?" (or takes --now), and reviewing early never hides or
ends this week's progress: the week's days still count and today can still be marked.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from paceapp.core.goals import ActionPlan, GoalDay, Review
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

WED = "2026-12-02T10:00"  # the week runs Mon 30 Nov - Sun 6 Dec


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", WED)


def at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.setenv("PACEAPP_NOW", when)


def terminal(monkeypatch: pytest.MonkeyPatch, yes: bool = True) -> None:
    """Pretend a person is at a terminal to answer (CliRunner's input is never one)."""
    monkeypatch.setattr("paceapp.cli.goal.can_ask", lambda: yes)


def plans(cli) -> list[dict]:
    result = cli("goal", "list", "--json")
    assert result.code == 0, result.err
    return sorted(json.loads(result.out), key=lambda p: p["start"])


def add_walk(cli, start: str = "2026-11-30") -> str:
    added = cli("goal", "add", "walk to the postbox", "--days-per-week", "3", "--confidence", "8",
                "--start", start)
    assert added.code == 0, added.err
    return plans(cli)[0]["id"][:8]


def test_review_mid_week_without_a_terminal_names_now_and_the_last_day(cli, data_dir: Path
                                                                       ) -> None:
    pid = add_walk(cli)
    assert cli("goal", "mark").code == 0
    before = folder_bytes(data_dir)
    result = cli("goal", "review", pid, "partly")
    assert result.code == 2
    words = " ".join(result.err.split())
    assert "--now" in words and "Sun 6 Dec" in words and "Nothing was changed" in words
    assert "Traceback" not in result.err
    assert folder_bytes(data_dir) == before


def test_review_now_keeps_the_week_and_marking_still_works(cli, data_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_walk(cli)
    assert cli("goal", "mark", "--date", "2026-11-30").code == 0
    reviewed = cli("goal", "review", pid, "partly", "--now")
    assert reviewed.code == 0, reviewed.err
    words = " ".join(reviewed.out.split())
    assert "Next plan from Mon 7 Dec" in words and "still count" in words
    old, new = plans(cli)
    assert old["this_week"]["done"] == 1 and new["start"] == "2026-12-07"
    listed = cli("goal", "list").out
    assert "1 of 3 days this week" in listed and "starts Mon 7 Dec" in listed

    marked = cli("goal", "mark")  # no id: this week's plan, not next week's
    assert marked.code == 0, marked.err
    assert "2 of 3 days this week" in marked.out
    at(monkeypatch, "2026-12-03T10:00")
    by_new_id = cli("goal", "mark", new["id"][:8])  # next week's id: the day is this week's
    assert by_new_id.code == 0, by_new_id.err
    assert "3 of 3 days this week" in by_new_id.out
    days = Journal.open(data_dir).list(GoalDay)
    assert {d.plan_id for d in days} == {old["id"]}
    assert "3 of 3 days this week" in cli("goal", "list").out

    at(monkeypatch, "2026-12-07T10:00")  # the week is over: the next plan takes over
    old, new = plans(cli)
    assert new["this_week"]["done"] == 0 and new["this_week"]["week_start"] == "2026-12-07"
    listed = cli("goal", "list").out
    assert listed.count("walk to the postbox") == 1 and "0 of 3 days this week" in listed
    marked = cli("goal", "mark")
    assert marked.code == 0, marked.err
    assert {d.plan_id for d in Journal.open(data_dir).list(GoalDay)
            if d.date == date(2026, 12, 7)} == {new["id"]}
    late = cli("goal", "mark", pid, "--date", "2026-12-07")  # the reviewed plan has ended
    assert late.code == 2 and "finished" in late.err


@pytest.mark.parametrize(("answer", "reviews"), [("later\n", 0), ("now\n", 1), ("NOW\n", 1)])
def test_review_mid_week_on_a_terminal_asks(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                            answer: str, reviews: int) -> None:
    pid = add_walk(cli)
    terminal(monkeypatch)
    before = folder_bytes(data_dir)
    result = cli("goal", "review", pid, "done", input=answer)
    assert result.code == 0, result.err
    assert "Review now, or on Sun 6 Dec?" in result.out
    assert len(Journal.open(data_dir).list(Review)) == reviews
    if not reviews:
        assert folder_bytes(data_dir) == before
        assert "nothing was changed" in result.out and f"goal review {pid} done" in result.out


def test_an_unclear_or_missing_answer_changes_nothing(cli, data_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_walk(cli)
    terminal(monkeypatch)
    before = folder_bytes(data_dir)
    asked = cli("goal", "review", pid, "done", input="maybe\n\nl\n")  # 'l': later
    assert asked.code == 0 and asked.out.count("Please type one of: now, later.") == 2
    assert folder_bytes(data_dir) == before
    for command in (("goal", "review", pid, "done"), ("goal", "done", pid)):
        unanswered = cli(*command, input="")  # the input ends: no answer
        assert unanswered.code == 2 and "Nothing was changed" in unanswered.err, command
        assert folder_bytes(data_dir) == before


def test_no_question_on_the_last_day_or_for_a_past_week(cli, monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    first = add_walk(cli, "2026-11-23")
    at(monkeypatch, "2026-12-06T18:00")  # Sunday: the week's last day
    assert cli("goal", "review", first, "done").code == 0
    second = cli("goal", "add", "stretches", "--days-per-week", "2", "--confidence", "9",
                 "--start", "2026-11-23")
    assert second.code == 0
    at(monkeypatch, "2026-12-02T10:00")
    sid = [p for p in plans(cli) if p["what"] == "stretches"][0]["id"][:8]
    past = cli("goal", "review", sid, "partly", "--week", "2026-11-25")  # last week: it is over
    assert past.code == 0, past.err
    assert "Next plan from Mon 30 Nov" in past.out


def test_week_starting_on_wednesday_ends_on_tuesday(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("goal", "week-starts", "wednesday").code == 0
    pid = add_walk(cli, "2026-12-02")
    at(monkeypatch, "2026-12-07T10:00")  # Monday: the week Wed 2 - Tue 8 Dec is not over
    early = cli("goal", "review", pid, "partly")
    assert early.code == 2 and "Tue 8 Dec" in " ".join(early.err.split())
    assert "Wed 9 Dec" in " ".join(early.err.split())
    at(monkeypatch, "2026-12-08T10:00")  # Tuesday: its last day
    result = cli("goal", "review", pid, "partly")
    assert result.code == 0, result.err
    assert "Next plan from Wed 9 Dec" in " ".join(result.out.split())


def test_goal_done_never_ends_a_plan_silently(cli, data_dir: Path) -> None:
    pid = add_walk(cli)
    before = folder_bytes(data_dir)
    result = cli("goal", "done", pid)
    assert result.code == 2
    words = " ".join(result.err.split())
    assert "Did you mean: mark today done" in words and "finish this plan for good" in words
    assert f"paceapp goal mark {pid}" in words and f"paceapp goal finish {pid}" in words
    assert "--yes" in words
    assert folder_bytes(data_dir) == before
    # The commands it names exist and do what it says.
    assert cli("goal", "mark", pid).code == 0
    assert Journal.open(data_dir).list(GoalDay)[0].date == date(2026, 12, 2)


@pytest.mark.parametrize("flag", ["--yes", "--finish", "-y"])
def test_goal_done_with_yes_finishes_for_scripts(cli, data_dir: Path, flag: str) -> None:
    pid = add_walk(cli)
    result = cli("goal", "done", pid, flag)
    assert result.code == 0, result.err
    assert "Finished: walk to the postbox" in result.out and "paceapp undo" in result.out
    assert [p.status for p in Journal.open(data_dir).list(ActionPlan)] == ["done"]


@pytest.mark.parametrize(("answer", "status", "marked"), [
    ("mark\n", "active", 1), ("finish\n", "done", 0), ("neither\n", "active", 0)])
def test_goal_done_on_a_terminal_asks_which(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                            answer: str, status: str, marked: int) -> None:
    pid = add_walk(cli)
    terminal(monkeypatch)
    result = cli("goal", "done", pid, input=answer)
    assert result.code == 0, result.err
    assert "Did you mean: mark today done" in " ".join(result.out.split())
    journal = Journal.open(data_dir)
    assert [p.status for p in journal.list(ActionPlan)] == [status]
    assert len(journal.list(GoalDay)) == marked


def test_goal_finish_and_undo(cli, data_dir: Path) -> None:
    pid = add_walk(cli)
    finished = cli("goal", "finish", pid)
    assert finished.code == 0 and "Finished: walk to the postbox" in finished.out
    assert "already finished" in cli("goal", "finish", pid).out
    assert cli("undo").code == 0
    assert [p.status for p in Journal.open(data_dir).list(ActionPlan)] == ["active"]
    assert cli("goal", "pause", pid).code == 0  # the contract's other verb keeps working
    assert [p.status for p in Journal.open(data_dir).list(ActionPlan)] == ["paused"]


def test_goal_mark_is_the_everyday_verb(cli, data_dir: Path) -> None:
    add_walk(cli)
    marked = cli("goal", "mark")
    assert marked.code == 0, marked.err
    assert "Marked Wed 2 Dec done: walk to the postbox. 1 of 3 days this week." in marked.out
    helped = cli("goal", "--help").out
    for verb in ("goal mark", "goal finish", "goal review"):
        assert verb in helped
    for line in (line.strip() for line in helped.splitlines()):
        if line.startswith("paceapp goal "):  # every example names a command that exists
            verb = line.split()[2]
            assert cli("goal", verb, "--help").code == 0, line


def test_one_undo_reverses_a_review(cli, data_dir: Path) -> None:
    pid = add_walk(cli)
    assert cli("goal", "mark").code == 0
    before = [(p["id"], p["status"]) for p in plans(cli)]
    assert cli("goal", "review", pid, "done", "--now").code == 0
    undone = cli("undo")
    assert undone.code == 0 and "weekly review" in undone.out
    journal = Journal.open(data_dir)
    assert journal.list(Review) == []
    assert [(p["id"], p["status"]) for p in plans(cli)] == before
    assert len(journal.list(GoalDay)) == 1  # the mark before the review stays
