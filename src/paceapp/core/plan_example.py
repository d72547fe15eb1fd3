"""An example day plan that always works: made from the person's own baselines.

A fixed example ('Walking:30, Reading:20') is refused for anyone without a Reading baseline, so
forms and messages show one built from the baselines there are, checked with the same reader the
plan goes through, or plain words when there are none.
"""

from __future__ import annotations

from collections.abc import Sequence

from paceapp.core.errors import ValidationError
from paceapp.core.pacing import Baseline, parse_plan_items

#: Said when there are no baselines yet (a plan needs at least one).
NO_BASELINES = "set a baseline first, then list its name here"


def plan_example(baselines: Sequence[Baseline], separator: str = ", ") -> str:
    """'Walking:24, Housework:20' from the first two baselines (each two of its chunks, else one,
    else the name alone), always accepted by `parse_plan_items`; without baselines, `NO_BASELINES`."""
    chosen = list(baselines)[:2]
    for amounts in ((lambda b: b.amount * 2), (lambda b: b.amount), None):
        parts = [b.name if amounts is None else f"{b.name}:{amounts(b)}" for b in chosen]
        text = separator.join(parts)
        if not parts:
            break
        try:
            parse_plan_items([text.replace(separator, ", ")], baselines)
        except ValidationError:
            continue
        return text
    return NO_BASELINES
