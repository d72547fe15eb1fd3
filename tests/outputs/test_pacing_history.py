"""A baseline's history shows workings that add up as displayed, also for ones stored before."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from paceapp.core.pacing import set_baseline_change, step_up_change
from paceapp.outputs.pacing import history_lines

NOW = datetime(2026, 11, 2, 9, 0).astimezone()


def test_an_old_stored_working_is_shown_worked_again() -> None:
    # Stored by an earlier version: "(12 + 15 + 10) / 3 = 12.3; x 0.8 = 9.9" - but 12.3 x 0.8 is
    # 9.84. Worked again from the stored inputs: 37 ÷ 3 = 12.333…, × 0.8 = 9.866… -> 10.
    base, _, first = set_baseline_change("Walking", "three-day", [12, 15, 10], NOW)
    old = dataclasses.replace(first, working=(
        "3-day average - 20%: (12 + 15 + 10) / 3 = 12.3; x 0.8 = 9.9; rounded to 10 min."))
    [line] = history_lines(base, [old])
    assert line.endswith("Set to 10 min - 3-day average - 20%: (12 + 15 + 10) ÷ 3 = 12.33…; "
                         "× 0.8 = 9.86…; rounded to 10 min.")


def test_step_ups_keep_their_stored_working() -> None:
    # 10 + 10% = 11 exactly.
    base, _, first = set_baseline_change("Walking", "gentle", [20], NOW)
    stepped, step = step_up_change(base, NOW + timedelta(days=7), [])
    lines = history_lines(stepped, [step, first])  # shown by time, however they were read
    assert lines[-1].endswith("Stepped up to 11 min - step-up: 10 + 10% = 11; so 11 min.")


def test_a_stored_working_that_does_not_match_its_amount_is_left_as_stored() -> None:
    # If the stored amount differs from what the inputs give now, the stored text is shown as is.
    base, _, first = set_baseline_change("Walking", "gentle", [20], NOW)
    odd = dataclasses.replace(first, amount=9, working="as it was")
    assert history_lines(base, [odd])[0].endswith("- as it was")
