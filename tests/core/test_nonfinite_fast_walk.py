"""nonfinite_number first walks without building paths; the answer (the path of the number
that is not finite, or None) must be exactly that of the walk with paths alone."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

from paceapp.core.codec import nonfinite_number


def path_walk(data: Any, where: str = "") -> str | None:
    stack: list[tuple[Any, str]] = [(data, where)]
    while stack:
        value, here = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return here or "value"
        if isinstance(value, dict):
            stack.extend((v, f"{here}.{k}" if here else str(k)) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((v, f"{here}.{n}" if here else str(n)) for n, v in enumerate(value))
    return None


LEAVES = [0, 1.5, -2.0, True, None, "x", "nan", math.nan, math.inf, -math.inf, 10**30]


def build(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        leaf = rng.choice(LEAVES)
        return leaf if not isinstance(leaf, float) or rng.random() < 0.3 else 1.25
    if roll < 0.7:
        return {f"k{n}": build(rng, depth + 1) for n in range(rng.randrange(4))}
    items = [build(rng, depth + 1) for _ in range(rng.randrange(4))]
    return tuple(items) if rng.random() < 0.3 else items


@pytest.mark.parametrize("seed", range(400))
def test_same_answer_as_the_walk_with_paths(seed: int) -> None:
    data = build(random.Random(seed), 0)
    assert nonfinite_number(data) == path_walk(data)
    assert nonfinite_number(data, "rec") == path_walk(data, "rec")


def test_deep_nesting_does_not_overflow() -> None:
    data: Any = math.nan
    for _ in range(100_000):
        data = [data]
    assert nonfinite_number(data) is not None
