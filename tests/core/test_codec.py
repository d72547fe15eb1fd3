from __future__ import annotations

from datetime import date, datetime

import pytest

from paceapp.core.codec import DataError, from_data, to_data
from paceapp.core.kinds import all_kinds
from paceapp.core.pain import PainEntry, PegEntry


def test_round_trip_keeps_every_field() -> None:
    entry = PainEntry(at=datetime(2026, 11, 21, 14, 5).astimezone(), score=6, where="back",
                      note="stairs – “again”")
    assert from_data(PainEntry, to_data(entry)) == entry
    peg = PegEntry(date=date(2026, 11, 21), pain=5, enjoyment=6, activity=7)
    assert from_data(PegEntry, to_data(peg)) == peg


@pytest.mark.parametrize(("change", "message"), [
    ({"score": "6"}, "whole number"),
    ({"score": True}, "whole number"),
    ({"at": "yesterday"}, "ISO 8601"),
    ({"at": "2026-11-21T14:05:00"}, "no UTC offset"),
])
def test_wrong_types_are_named(change: dict, message: str) -> None:
    data = to_data(PainEntry(at=datetime(2026, 11, 21, 14, 5).astimezone(), score=6))
    data.update(change)
    with pytest.raises(DataError, match=message):
        from_data(PainEntry, data)


def test_missing_required_field_is_named() -> None:
    data = to_data(PainEntry(at=datetime(2026, 11, 21, 14, 5).astimezone(), score=6))
    del data["score"]
    with pytest.raises(DataError, match="'score' is missing"):
        from_data(PainEntry, data)


def test_unknown_keys_are_ignored_for_forward_compatibility() -> None:
    data = to_data(PainEntry(at=datetime(2026, 11, 21, 14, 5).astimezone(), score=6))
    data["mood"] = 5
    assert from_data(PainEntry, data).score == 6


def test_every_registered_kind_round_trips_its_defaults_where_possible() -> None:
    kinds = all_kinds()
    assert {"pain", "peg", "settings"} <= set(kinds)
    for cls in kinds.values():
        assert cls.KIND and cls.LABEL


def test_field_types_match_get_type_hints_for_every_kind() -> None:
    """The codec's cheaper annotation reader gives what typing.get_type_hints gives, including
    fields a record inherits from Record (annotated in another module)."""
    import dataclasses
    import typing

    from paceapp.core.codec import field_types

    for cls in all_kinds().values():
        names = {f.name for f in dataclasses.fields(cls)}
        expected = {k: v for k, v in typing.get_type_hints(cls).items() if k in names}
        assert field_types(cls) == expected, cls.__name__
        assert set(field_types(cls)) == names


def test_unreadable_text_names_the_field_with_half_a_character() -> None:
    from paceapp.core.codec import unreadable_text

    assert unreadable_text({"a": "fine", "b": ["ok", {"c": "x\udc80y"}]}) == "b.1.c"
    assert unreadable_text({"a": "fine ✓ – ü", "n": 3, "none": None}) is None
    assert unreadable_text("\ud800") == ""
