"""The demo person naps now and then (a few times a month), every nap valid and apart from the
nights (issue 17, item 7)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from paceapp.core.nap import Nap, check_nap_in
from paceapp.core.records import Record
from paceapp.demo import build

TODAY = date(2026, 11, 21)


def reader(records: list[Record]):  # noqa: ANN201 - a stand-in for Journal.list
    def read(cls: type[Record], since: date | None = None,
             until: date | None = None) -> list[Record]:
        return [r for r in records if isinstance(r, cls) and r.day is not None
                and (since is None or r.day >= since) and (until is None or r.day <= until)]
    return read


def test_a_few_naps_a_month_each_valid_and_apart_from_the_nights(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T14:00")
    records = build(365, TODAY).records
    naps = [r for r in records if isinstance(r, Nap)]
    assert 12 <= len(naps) <= 60, len(naps)          # 1 to 5 a month
    read = reader(records)
    for nap in naps:
        nap.validate()
        check_nap_in(read, nap)                         # no overlap with a night or a nap
        assert 20 <= nap.minutes <= 90
        assert nap.ended <= datetime(2026, 11, 21, 14).astimezone()
    assert len({n.day for n in naps}) == len(naps)      # at most one a day


def test_the_same_naps_for_the_same_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T14:00")

    def naps() -> list[tuple[datetime, datetime, str]]:
        return [(r.started, r.ended, r.note) for r in build(120, TODAY).records
                if isinstance(r, Nap)]

    assert naps() == naps() and naps()
