"""Pacing from the shell: baselines, steps, plans, logging, insights, and wrong input."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from paceapp.core.flare import Flare
from paceapp.core.timeparse import local_now
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes, run_paceapp


def test_each_method_prints_method_and_amount(cli) -> None:
    three = cli("pace", "baseline", "walking", "--three-day", "20", "25", "31")
    assert three.code == 0, three.err
    assert "walking baseline 20 min at a time, by 3-day average - 20%" in three.out
    # 76 ÷ 3 = 25.333…; × 0.8 = 20.266… -> 20. (It printed "25.3; x 0.8 = 20.3", but
    # 25.3 × 0.8 = 20.24: digits are now cut with '…', so the working adds up as shown.)
    assert "(20 + 25 + 31) ÷ 3 = 25.33…; × 0.8 = 20.26…; rounded to 20 min" in three.out
    good_bad = cli("pace", "baseline", "stairs", "--good-bad", "12", "5", "--unit", "count")
    assert "stairs baseline 9 times at a time, by good/bad average" in good_bad.out  # 8.5 -> 9
    gentle = cli("pace", "baseline", "Reading", "--gentle", "45")
    assert "Reading baseline 23 min" in gentle.out and "45 × 0.5 = 22.5" in gentle.out
    listed = json.loads(cli("pace", "list", "--json").out)
    assert [(b["name"], b["amount"], b["method"], b["unit"], b["inputs"]) for b in listed] == [
        ("Reading", 23, "gentle", "min", [45]), ("stairs", 9, "good-bad", "count", [12, 5]),
        ("walking", 20, "three-day", "min", [20, 25, 31])]
    assert all(b["next_step"] and b["id"] for b in listed)
    table = cli("pace", "list").out
    assert "next step" in table and "22 min from" in table


def test_setting_again_keeps_history(cli) -> None:
    cli("pace", "baseline", "walking", "--gentle", "20")
    again = cli("pace", "baseline", "WALKING", "--three-day", "10", "10", "10")
    assert again.code == 0 and again.out.startswith("Changed: walking baseline 8 min")
    history = json.loads(cli("pace", "history", "walking", "--json").out)
    assert [(h["action"], h["method"], h["amount"]) for h in history] == [
        ("set", "gentle", 10), ("set", "three-day", 8)]
    assert len(json.loads(cli("show", "baseline", "--json").out)) == 1


def _backdate(data_dir: Path, days: int) -> None:
    """Move every baseline change `days` into the past (as if set then)."""
    import dataclasses

    from paceapp.core.pacing import Baseline, BaselineChange

    journal = Journal.open(data_dir)
    for b in journal.list(Baseline):
        journal.update(dataclasses.replace(b, changed=b.changed - timedelta(days=days)))
    for change in journal.list(BaselineChange):
        journal.update(dataclasses.replace(change, at=change.at - timedelta(days=days)))


def test_step_up_once_a_week_then_held_in_a_flare_week(cli, data_dir: Path) -> None:
    cli("pace", "baseline", "walking", "--good-bad", "30", "10")  # 20
    too_soon = cli("pace", "step", "walking")
    assert too_soon.code == 2 and "at most once every 7 days" in too_soon.err
    _backdate(data_dir, 8)
    stepped = cli("pace", "step", "walking")
    assert stepped.code == 0, stepped.err
    assert "from 20 min to 22 min" in stepped.out
    _backdate(data_dir, 8)
    Journal.open(data_dir).add(Flare(started=local_now() - timedelta(days=3),
                                     ended=local_now() - timedelta(days=2), peak=8))
    before = folder_bytes(data_dir)
    held = cli("pace", "step", "walking")
    assert held.code == 2
    assert "flare-up in the last 7 days" in held.err and "pace restart walking" in held.err
    assert folder_bytes(data_dir) == before
    restarted = cli("pace", "restart", "walking")
    assert restarted.code == 0 and "at 10 min at a time (was 22 min)" in restarted.out
    assert "the bad-day amount" in restarted.out
    assert cli("pace", "set-step", "walking", "15", "--every", "10").code == 0
    history = cli("pace", "history", "walking").out
    assert "Set to 20 min" in history and "Stepped up to 22 min" in history
    assert "Restarted lower to 10 min" in history
    assert "Changed the step - step-ups changed from 10% every 7 days to 15% every 10 days" in history
    assert cli("edit", "baseline", "walk", "step_pct=30").code == 2  # only through set-step


def test_plan_default_and_day_with_logged_progress(cli) -> None:
    cli("pace", "baseline", "walking", "--gentle", "24")  # 12
    cli("pace", "baseline", "reading", "--gentle", "40")  # 20
    saved = cli("pace", "plan", "set", "walking:30", "reading", "--default")
    assert saved.code == 0, saved.err
    cli("log", "activity", "walking", "10")
    plan = json.loads(cli("pace", "plan", "--json").out)
    assert plan["source"] == "default"
    assert [(s["kind"], s["amount"]) for s in plan["steps"]] == [
        ("do", 10), ("rest", 10), ("do", 10), ("rest", 10), ("do", 10), ("rest", 10), ("do", 20)]
    assert plan["logged"][0] == {"name": "walking", "unit": "min", "logged": 10, "sessions": 1,
                                 "planned": 30, "baseline": 12, "status": "20 min to go",
                                 "goes_compared": 1, "goes_over_baseline": 0,
                                 "goes": "within baseline"}
    cli("pace", "plan", "set", "reading:20", "walking:12")
    text = cli("pace", "plan").out
    assert "the plan for this day" in text and text.index("reading") < text.index("walking")
    cli("pace", "settings", "--budget", "25")
    assert "more than your day budget of 25 min" in cli("pace", "plan").out


def test_log_activity_names_units_and_suggestions(cli) -> None:
    cli("pace", "baseline", "Stairs", "--gentle", "10", "--unit", "count")
    logged = cli("log", "activity", "stairs", "7", "--note", "to bed")
    assert logged.code == 0 and "Saved: Stairs 7 times" in logged.out
    over = cli("log", "activity", "stairs", "9")
    assert "more than your baseline of 5 times" in over.out
    close = cli("log", "activity", "stars", "3")
    assert close.code == 2 and "Did you mean 'Stairs'" in close.err and "--new" in close.err
    assert cli("log", "activity", "stars", "3", "--new").code == 0
    assert cli("log", "activity", "gardening", "30").code == 0  # nothing close: a new activity
    shown = json.loads(cli("show", "activity", "--json").out)
    assert [(a["name"], a["amount"], a["unit"]) for a in shown] == [
        ("Stairs", 7, "count"), ("Stairs", 9, "count"), ("stars", 3, "min"),
        ("gardening", 30, "min")]


@pytest.mark.parametrize("args", [
    ("log", "activity", "walking", "0"),
    ("log", "activity", "walking", "-5"),
    ("log", "activity", "walking", "ten"),
    ("log", "activity", "walkin", "5"),
    ("pace", "baseline", "walking", "--gentle", "0"),
    ("pace", "baseline", "walking", "--three-day", "20", "-5", "30"),
    ("pace", "baseline", "walking", "--three-day", "20", "x", "30"),
    ("pace", "baseline", "walking", "--good-bad", "5", "10"),
    ("pace", "baseline", "walking"),
    ("pace", "baseline", "walking", "--gentle", "10", "--good-bad", "10", "5"),
    ("pace", "step", "walkng"),
    ("pace", "step", "swimming"),
    ("pace", "timer", "walkng"),
    ("pace", "restart", "walking", "--to", "50"),
    ("pace", "plan", "set", "walking:2000"),
    ("pace", "plan", "set", "walking:900"),  # 900 min in 12s plus rests: longer than the day
    ("pace", "plan", "set", "walkng:10"),
    ("pace", "plan", "set", "walking:abc"),
    ("pace", "plan", "set", "walking:10", "--date", "2099-01-01"),
    ("pace", "settings", "--boom-ratio", "0.5"),
    ("pace", "set-step", "walking", "80"),
])
def test_wrong_input_exits_2_and_changes_nothing(cli, data_dir: Path, args) -> None:
    cli("pace", "baseline", "walking", "--gentle", "24")
    cli("log", "activity", "walking", "12")
    before = folder_bytes(data_dir)
    result = cli(*args)
    assert result.code == 2, (result.out, result.err)
    assert result.err.strip() and "Traceback" not in result.err
    assert folder_bytes(data_dir) == before


def test_insights_finds_a_boom_and_bust(cli, data_dir: Path) -> None:
    from paceapp.core.pacing import ActivityLog
    from paceapp.core.pain import PainEntry

    cli("pace", "baseline", "walking", "--gentle", "20")  # 10
    _backdate(data_dir, 30)
    cli("pace", "plan", "set", "walking:20", "--default")
    journal = Journal.open(data_dir)
    today = local_now().replace(hour=10, minute=0, second=0, microsecond=0)
    boom = today - timedelta(days=5)
    for d in range(20, 0, -1):
        day = today - timedelta(days=d)
        goes = 5 if day.date() == boom.date() else 2  # goes of 10 min: each within the baseline
        for n in range(goes):
            journal.add(ActivityLog(name="walking", amount=10, at=day.replace(hour=10 + n)))
        score = 7 if day.date() == (boom + timedelta(days=1)).date() else 4
        journal.add(PainEntry(at=day.replace(hour=20), score=score))
    result = cli("insights", "--days", "30", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert len(data["signals"]) == 1
    signal = data["signals"][0]
    # The day's 50 min against the usual plan's 20 (like with like): 2.5 times. The goes were
    # each 10 min, within the baseline, so no go is counted. (It used to compare the day's total
    # with the per-go baseline.)
    assert signal["date"] == boom.date().isoformat()
    assert [(b["kind"], b["logged"], b["reference"], b["ratio"]) for b in signal["busy"]] == [
        ("usual plan", 50, 20.0, 2.5)]
    assert signal["pain_rise"] == {"at": (boom + timedelta(days=1)).replace(hour=20).isoformat(),
                                   "date": (boom + timedelta(days=1)).date().isoformat(),
                                   "score": 7, "usual": 4.0}
    assert data["boom_bust"]["occasions"] == 1 and data["boom_bust"]["pattern"] is False
    text = " ".join(cli("insights", "--days", "30").out.split())
    assert "a single occasion, not a pattern" in text and "pain reached 7/10" in text
    assert "pattern to notice" not in text.lower()
    assert cli("insights", "--days", "3").out.count("No boom-and-bust pattern found") == 1


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.waits = 0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.waits += 1


def test_timer_runs_with_a_fake_clock_then_logs_real_minutes(cli, monkeypatch) -> None:
    from paceapp.cli import pace

    clock = FakeClock()
    monkeypatch.setattr(pace, "CLOCK", clock)
    monkeypatch.setattr(pace, "SLEEP", clock.sleep)
    cli("pace", "baseline", "walking", "--gentle", "24")  # 12
    result = cli("pace", "timer", "walking", "--rest", "5", input="\n")
    assert result.code == 0, result.err
    assert "Started: walking for 12:00, then rest 05:00" in result.out
    assert "\a*** Time to stop walking. *** Rest now for 5 min." in result.out
    assert "Rest is over" in result.out
    assert clock.now - 1000.0 == pytest.approx(17 * 60, abs=1)  # no real waiting
    assert "Saved: walking 12 min" in result.out
    minutes = json.loads(cli("show", "activity", "--json").out)
    assert [(m["name"], m["amount"], m["note"]) for m in minutes] == [("walking", 12, "timed")]


def test_timer_amount_can_be_corrected_or_skipped(cli, monkeypatch) -> None:
    from paceapp.cli import pace

    clock = FakeClock()
    monkeypatch.setattr(pace, "CLOCK", clock)
    monkeypatch.setattr(pace, "SLEEP", clock.sleep)
    cli("pace", "baseline", "walking", "--gentle", "24")
    assert "Saved: walking 9 min" in cli("pace", "timer", "walking", "--minutes", "3",
                                         "--rest", "0", input="9\n").out
    skipped = cli("pace", "timer", "walking", "--minutes", "1", "--rest", "1", input="0\n")
    assert "Not logged." in skipped.out
    assert len(json.loads(cli("show", "activity", "--json").out)) == 1


def test_timer_stopped_by_ctrl_c_offers_the_minutes_done(cli, monkeypatch) -> None:
    from paceapp.cli import pace

    clock = FakeClock()

    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        if clock.now >= 1000 + 4 * 60 + 20:
            raise KeyboardInterrupt

    monkeypatch.setattr(pace, "CLOCK", clock)
    monkeypatch.setattr(pace, "SLEEP", sleep)
    cli("pace", "baseline", "walking", "--gentle", "24")
    result = cli("pace", "timer", "walking", "--yes")
    assert "Stopped. walking: 4 min done." in result.out and "Saved: walking 4 min" in result.out


def test_real_process_sets_a_baseline_and_plans(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_paceapp("pace", "baseline", "walking", "--three-day", "20", "25", "30", data=data)
    assert first.code == 0 and "20 min" in first.out
    bad = run_paceapp("pace", "step", "walkng", data=data)
    assert bad.code == 2 and "Did you mean 'walking'" in bad.err and "Traceback" not in bad.err
    planned = run_paceapp("pace", "plan", "set", "walking:40", data=data)
    assert planned.code == 0 and "walking 20 min (part 2 of 2)" in planned.out
