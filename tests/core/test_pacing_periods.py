"""Pacing over a period (issue 17, item 5): goes from before a baseline was set are counted apart
the same way in the sentence and in the table beside it; figures hand-worked and rounded once."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.pacing import ActivityLog, set_baseline
from paceapp.core.pacing_review import go_status, summarise_pacing, week_summary_rows

SUN = date(2026, 11, 1)
MON = date(2026, 11, 2)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def walk(day: date, hour: int, amount: int, name: str = "Walking") -> ActivityLog:
    return ActivityLog(name=name, amount=amount, at=at(day, hour))


def test_goes_before_a_baseline_are_counted_apart_in_sentence_and_table() -> None:
    # Baseline 10 min at a time, set Mon 2 Nov 09:00. Goes:
    #   Sun 1 Nov 10:00 15 min - before it; Mon 2 Nov 08:00 12 min - before it (same day, earlier);
    #   Mon 2 Nov 10:00 7 min - within; Tue 3 Nov 10:00 11 min - over.
    # Days: Sun only-before (counted apart); Mon within (its before-go is not counted); Tue over.
    # Sentence: logged on 3 of 7 days; within on 1 of the 2 with a baseline to compare.
    # Table: 4 goes, average (15 + 12 + 7 + 11) / 4 = 45 / 4 = 11.25 -> 11.3 (half up; Python's
    # round(11.25, 1) gives 11.2); within 1 of 2 compared; 2 before a baseline.
    base, _ = set_baseline("Walking", "gentle", [20], at(MON, 9))
    logs = [walk(SUN, 10, 15), walk(MON, 8, 12), walk(MON, 10, 7),
            walk(MON + timedelta(days=1), 10, 11)]
    summary = summarise_pacing([base], logs, SUN, SUN + timedelta(days=6))
    assert (summary.days_logged, summary.days_within, summary.days_before,
            summary.sessions_compared, summary.sessions_within) == (3, 1, 1, 2, 1)
    assert summary.sentence() == (
        "Pacing, Sun 1 Nov – Sat 7 Nov: 1 activity with baselines; activity logged on 3 of 7 "
        "days, within baseline on 1 of the 2 days with a baseline to compare (1 day with only goes "
        "from before a baseline was set, not counted).")
    assert week_summary_rows([base], logs, SUN, SUN + timedelta(days=6)) == [
        {"activity": "Walking", "sessions": "4", "average": "11.3 min",
         "within baseline": "1 of 2", "before a baseline": "2"}]


def test_an_activity_with_no_baseline_at_all_is_treated_the_same() -> None:
    # Reading never had a baseline: its go is "before a baseline was set" in both places.
    base, _ = set_baseline("Walking", "gentle", [20], at(SUN, 8))
    logs = [walk(MON, 10, 10), walk(MON + timedelta(days=1), 10, 30, "Reading")]
    summary = summarise_pacing([base], logs, MON, MON + timedelta(days=6))
    assert (summary.days_logged, summary.days_within, summary.days_before) == (2, 1, 1)
    rows = week_summary_rows([base], logs, MON, MON + timedelta(days=6))
    assert [(r["activity"], r["within baseline"], r["before a baseline"]) for r in rows] == [
        ("Reading", "-", "1"), ("Walking", "1 of 1", "0")]


def test_all_goes_before_a_baseline() -> None:
    base, _ = set_baseline("Walking", "gentle", [20], at(MON, 9))
    summary = summarise_pacing([base], [walk(SUN, 10, 5)], SUN, SUN)
    assert summary.sentence() == ("Pacing, Sun 1 Nov – Sun 1 Nov: 1 activity with baselines; "
                                  "activity logged on 1 of 1 day, all before a baseline was set, "
                                  "so none to compare.")


@pytest.mark.parametrize(("amount", "status"), [(10, "within"), (11, "over")])
def test_within_baseline_boundary(amount: int, status: str) -> None:
    # Baseline 10: a go of exactly 10 is within; 11 is over.
    base, _ = set_baseline("Walking", "gentle", [20], at(SUN, 8))
    assert go_status(walk(MON, 10, amount), base) == status


def test_baseline_set_at_the_very_moment_of_the_go_counts() -> None:
    base, _ = set_baseline("Walking", "gentle", [20], at(MON, 10))
    assert go_status(walk(MON, 10, 10), base) == "within"
    assert go_status(ActivityLog(name="Walking", amount=10, at=at(MON, 9, 59)), base) == "before"


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 23), st.integers(1, 40)),
                max_size=20), st.integers(0, 6), st.integers(0, 23))
def test_sentence_and_table_always_agree(goes: list[tuple[int, int, int]], set_day: int,
                                         set_hour: int) -> None:
    # Whatever the goes and whenever the baseline was set: the table's "within" and "before"
    # counts add up to the summary's, and a go is in exactly one of within / over / before.
    base, _ = set_baseline("Walking", "gentle", [20], at(SUN + timedelta(days=set_day), set_hour))
    logs = [walk(SUN + timedelta(days=d), h, a) for d, h, a in goes]
    end = SUN + timedelta(days=6)
    summary = summarise_pacing([base], logs, SUN, end)
    rows = week_summary_rows([base], logs, SUN, end)
    before = sum(int(r["before a baseline"]) for r in rows)
    within = sum(int(r["within baseline"].split(" of ")[0]) for r in rows
                 if r["within baseline"] != "-")
    assert before == summary.sessions_before
    assert within == summary.sessions_within
    assert summary.sessions_compared + summary.sessions_before == len(logs)
    assert summary.days_within + summary.days_before <= summary.days_logged
