"""Demo records as their summaries with the random ids taken out, to compare two demo builds."""

from __future__ import annotations

from collections.abc import Iterable

from paceapp.core.records import Record


def summaries(records: Iterable[Record]) -> list[tuple[str, dict[str, str]]]:
    """Each record's kind and summary, without its own id; a value naming another record by its
    short id (a baseline change's baseline) names it by its place in the list instead, since ids
    are random but the order is not."""
    records = list(records)
    places = {r.id[:8]: f"record {n}" for n, r in enumerate(records)}
    return [(r.KIND, {k: places.get(v, v) for k, v in r.summary().items() if k != "id"})
            for r in records]
