"""`paceapp goal ...`: add with low confidence, change it, mark days, review, longer goals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paceapp.core.goals import ActionPlan, GoalDay, LongerGoal, Review
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp

NOW = "2026-11-21T10:00"  # a Saturday; the week began Mon 16 Nov


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


def listed(cli) -> dict:
    result = cli("goal", "list", "--json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    assert isinstance(records, list) and all("id" in r for r in records)
    return {"plans": records}


def add_walk(cli, confidence: str = "8", *extra: str):
    return cli("goal", "add", "walk to the postbox", "--how-much", "10 minutes", "--when",
               "after lunch", "--days-per-week", "3", "--confidence", confidence, *extra)


def test_whole_journey_from_the_shell(cli) -> None:
    added = cli("goal", "add", "walk to the shop", "--how-much", "20 minutes", "--when", "mornings",
                "--days-per-week", "5", "--confidence", "5")
    assert added.code == 0, added.err
    assert "Saved: walk to the shop, 20 minutes, mornings, 5 days a week; confidence 5/10" in added.out
    words = " ".join(added.out.split())  # the suggestion is wrapped at 80 columns
    assert "Your confidence is 5 out of 10" in words and "smaller or easier" in words
    assert "paceapp goal change" in added.out
    plan = listed(cli)["plans"][0]
    assert (plan["confidence"], plan["needs_smaller"], plan["status"]) == (5, True, "active")
    pid = plan["id"][:8]

    changed = cli("goal", "change", pid, "--days-per-week", "3", "--how-much", "10 minutes",
                  "--confidence", "8")
    assert changed.code == 0, changed.err
    assert "Your confidence" not in changed.out
    plan = listed(cli)["plans"][0]
    assert (plan["days_per_week"], plan["how_much"], plan["confidence"],
            plan["needs_smaller"]) == (3, "10 minutes", 8, False)

    marked = cli("goal", "mark")  # the only active plan
    assert marked.code == 0, marked.err
    assert "Marked Sat 21 Nov done: walk to the shop. 1 of 3 days this week." in marked.out
    plan = listed(cli)["plans"][0]
    assert plan["this_week"]["done"] == 1 and plan["this_week"]["planned"] == 3
    assert plan["days_done"] == ["2026-11-21"]

    reviewed = cli("goal", "review", "--now", pid, "partly", "--got-in-way", "rain on Thursday")
    assert reviewed.code == 0, reviewed.err
    assert "Reviewed the week from Mon 16 Nov: walk to the shop - partly" in reviewed.out
    assert "Next plan from Mon 23 Nov" in reviewed.out
    data = listed(cli)
    old, new = sorted(data["plans"], key=lambda p: p["start"])
    assert old["status"] == "done" and old["review"]["outcome"] == "partly"
    assert old["review"]["got_in_way"] == "rain on Thursday"
    assert old["review"]["next_step"] == "keep" and old["review"]["next_plan_id"] == new["id"]
    assert new["previous_id"] == old["id"] and new["status"] == "active"
    assert new["start"] == "2026-11-23" and new["days_per_week"] == 3
    assert old["review"]["week"] == "2026-11-16"
    reviews = json.loads(cli("show", "review", "--json").out)
    assert [r["week"] for r in reviews] == ["2026-11-16"]


def test_text_list_shows_progress_without_streaks(cli) -> None:
    add_walk(cli)
    cli("goal", "mark")
    out = cli("goal", "list").out
    assert "walk to the postbox, 10 minutes, after lunch, 3 days a week" in out
    assert "1 of 3 days this week" in out
    lowered = out.lower()
    assert "streak" not in lowered and "fail" not in lowered


def test_low_confidence_is_saved_not_blocked(cli, data_dir: Path) -> None:
    result = add_walk(cli, "2")
    assert result.code == 0
    assert [p.confidence for p in Journal.open(data_dir).list(ActionPlan)] == [2]


def test_longer_goal_made_from_words_then_reused(cli, data_dir: Path) -> None:
    first = add_walk(cli, "8", "--goal", "walk to the shop again by spring")
    assert "New longer goal: walk to the shop again by spring" in first.out
    second = cli("goal", "add", "stretches", "--days-per-week", "2", "--confidence", "9", "--goal",
                 "Walk to the shop again by spring")
    assert "Towards: walk to the shop again by spring" in second.out
    journal = Journal.open(data_dir)
    goals = journal.list(LongerGoal)
    assert len(goals) == 1
    assert {p.goal_id for p in journal.list(ActionPlan)} == {goals[0].id}
    by_id = cli("goal", "add", "sit in the garden", "--days-per-week", "2", "--confidence", "9",
                "--goal", goals[0].id[:6])
    assert "Towards" in by_id.out
    shown = json.loads(cli("goal", "longer", "list", "--json").out)
    assert len(shown[0]["plans"]) == 3
    assert "3 weekly plans" in shown[0]["progress"]


def test_review_change_and_pause(cli) -> None:
    add_walk(cli)
    add_walk(cli)
    a, b = (p["id"][:8] for p in listed(cli)["plans"])
    changed = cli("goal", "review", "--now", a, "not-this-time", "--days-per-week", "2",
                  "--confidence", "6")
    assert changed.code == 0, changed.err
    words = " ".join(changed.out.split())  # lines wrap at 80 columns
    assert "not this time" in words and "2 days a week" in words
    assert "Your confidence is 6 out of 10" in " ".join(changed.out.split())
    paused = cli("goal", "review", "--now", b, "done", "--next", "pause")
    assert paused.code == 0 and "goal resume" in paused.out
    plans = {p["id"][:8]: p for p in listed(cli)["plans"]}
    assert plans[a]["review"]["next_step"] == "change"
    assert plans[b]["status"] == "paused" and plans[b]["review"]["next_plan_id"] is None
    assert len(plans) == 3


def test_status_commands(cli) -> None:
    add_walk(cli)
    pid = listed(cli)["plans"][0]["id"][:8]
    assert "Paused" in cli("goal", "pause", pid).out
    assert listed(cli)["plans"][0]["status"] == "paused"
    assert "already paused" in cli("goal", "pause", pid).out
    refused = cli("goal", "mark", pid)
    assert refused.code == 2 and "paused" in refused.err
    assert "Active again" in cli("goal", "resume", pid).out
    assert "Finished" in cli("goal", "finish", pid).out
    assert listed(cli)["plans"][0]["status"] == "done"
    assert "Finished:" in cli("goal", "list", "--all").out


def test_history_lists_series_with_reviews(cli) -> None:
    add_walk(cli)
    pid = listed(cli)["plans"][0]["id"][:8]
    cli("goal", "mark", pid)
    cli("goal", "review", "--now", pid, "done", "--got-in-way", "nothing much")
    out = cli("goal", "history", pid).out
    assert "days done: 1 (Sat 21 Nov)" in out
    assert "review: done; in the way: nothing much; next: keep" in out
    assert out.count("walk to the postbox") == 2


def test_week_start_setting_changes_counting(cli) -> None:
    add_walk(cli, "8", "--start", "2026-11-14")
    pid = listed(cli)["plans"][0]["id"][:8]
    cli("goal", "mark", pid, "--date", "2026-11-15")  # a Sunday
    cli("goal", "mark", pid, "--date", "2026-11-16")
    assert listed(cli)["plans"][0]["this_week"]["done"] == 1  # weeks from Monday
    assert "Sunday" in cli("goal", "week-starts", "sunday").out
    data = listed(cli)
    assert data["plans"][0]["this_week"]["week_start"] == "2026-11-15"
    assert data["plans"][0]["this_week"]["done"] == 2
    assert cli("goal", "week-starts", "someday").code == 2


@pytest.mark.parametrize("args", [
    ("goal", "add", "walk", "--days-per-week", "0", "--confidence", "8"),
    ("goal", "add", "walk", "--days-per-week", "8", "--confidence", "8"),
    ("goal", "add", "walk", "--days-per-week", "3", "--confidence", "11"),
    ("goal", "add", "walk", "--days-per-week", "3", "--confidence", "-1"),
    ("goal", "add", "walk", "--days-per-week", "three", "--confidence", "8"),
    ("goal", "add", "   ", "--days-per-week", "3", "--confidence", "8"),
    ("goal", "add", "", "--days-per-week", "3", "--confidence", "8", "--goal", "new longer"),
    ("goal", "review", "ffffffff", "done"),
    ("goal", "review", "{id}", "brilliant"),
    ("goal", "review", "{id}", "done", "--next", "stop"),
    ("goal", "review", "{id}", "done", "--week", "2026-11-30"),
    ("goal", "mark", "{id}", "--date", "2026-11-22"),
    ("goal", "mark", "{id}"),  # already marked today
    ("goal", "change", "{id}", "--days-per-week", "9"),
    ("goal", "done", "ffffffff"),
    ("goal", "done", "{id}"),  # no terminal to ask on, no --yes: nothing changed
    ("goal", "finish", "ffffffff"),
    ("goal", "review", "{id}", "partly"),  # mid-week, no terminal to ask on, no --now
    ("goal", "resume", "{reviewed}"),
    ("edit", "goal", "{id}", "confidence=12"),
])
def test_bad_input_exit_2_nothing_changed(cli, data_dir: Path, args: tuple[str, ...]) -> None:
    add_walk(cli)
    pid = listed(cli)["plans"][0]["id"][:8]
    cli("goal", "mark", pid)
    add_walk(cli)
    reviewed = listed(cli)["plans"][1]["id"][:8]
    assert cli("goal", "review", "--now", reviewed, "done").code == 0
    before = folder_bytes(data_dir)
    result = cli(*(a.replace("{id}", pid).replace("{reviewed}", reviewed) for a in args))
    assert result.code == 2, (result.out, result.err)
    assert result.err.strip() and "Traceback" not in result.err
    assert folder_bytes(data_dir) == before


def test_review_of_missing_plan_says_so_in_a_real_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"PACEAPP_NOW": NOW}
    added = run_paceapp("goal", "add", "stretches", "--days-per-week", "2", "--confidence", "5",
                        data=data, env=env)
    assert added.code == 0 and "smaller" in added.out
    before = folder_bytes(data)
    result = run_paceapp("goal", "review", "abcd1234", "done", data=data, env=env)
    assert result.code == 2
    assert "There is no action plan with an id starting 'abcd1234'" in result.err
    assert folder_bytes(data) == before


def test_mark_with_several_plans_asks_which(cli, data_dir: Path) -> None:
    add_walk(cli)
    cli("goal", "add", "stretches", "--days-per-week", "2", "--confidence", "9")
    result = cli("goal", "mark")
    assert result.code == 2 and "Which plan?" in result.err and "stretches" in result.err
    assert Journal.open(data_dir).list(GoalDay) == []


def test_generic_show_and_edit_work_for_goal_kinds(cli, data_dir: Path) -> None:
    add_walk(cli)
    pid = listed(cli)["plans"][0]["id"][:8]
    assert cli("edit", "goal", pid, "status=paused").code == 0
    assert "paused" in cli("show", "goal").out
    cli("goal", "resume", pid)
    cli("goal", "review", "--now", pid, "done")
    assert len(json.loads(cli("show", "review", "--json").out)) == 1
    assert Journal.open(data_dir).list(Review)[0].outcome == "done"
