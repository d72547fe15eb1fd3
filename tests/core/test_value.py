"""Every frozen dataclass shares Value's equality, hash and repr, and they behave exactly as
dataclass's own would (see paceapp/core/value.py for why they are shared)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field, make_dataclass
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

import pytest

import paceapp
from paceapp.core.gp_sheet import PegSummary
from paceapp.core.pain import PainEntry
from paceapp.core.value import Value


def frozen_dataclasses() -> list[type]:
    """Every frozen dataclass defined in paceapp (each module imported)."""
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(paceapp.__path__, "paceapp."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and dataclasses.is_dataclass(value)
                    and value.__dataclass_params__.frozen):  # type: ignore[attr-defined]
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


FROZEN = frozen_dataclasses()


def test_the_scan_finds_the_classes_it_should() -> None:
    names = {cls.__name__ for cls in FROZEN}
    assert {"Record", "PainEntry", "PegSummary", "PegAverage", "SharedPlan"} <= names
    assert len(FROZEN) >= 100


@pytest.mark.parametrize("cls", FROZEN, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_frozen_dataclass_takes_its_methods_from_value(cls: type) -> None:
    """Declared `@dataclass(frozen=True, eq=False, repr=False)` on Value: a class that lets
    dataclass write these methods again pays for compiling them at every start."""
    assert issubclass(cls, Value)
    assert cls.__eq__ is Value.__eq__
    assert cls.__hash__ is Value.__hash__
    assert cls.__repr__ is Value.__repr__


def twin_fields() -> list[Any]:
    """The fields of Stock and Twin (made afresh for each: dataclass fills a field in)."""
    return [("name", str), ("score", int), ("tags", tuple, field(default=())),
            ("note", str, field(default="", compare=False)),
            ("secret", str, field(default="", repr=False))]


#: A frozen dataclass with dataclass's own methods, and its twin on Value: the same fields, one
#: of them not compared and one not shown.
Stock = make_dataclass("Stock", twin_fields(), frozen=True)
Twin = make_dataclass("Twin", twin_fields(), bases=(Value,), frozen=True, eq=False, repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class OtherTwin(Twin):  # type: ignore[misc,valid-type]
    """The same fields in another class."""


CASES = [
    (("Sam", 3), {}), (("Sam", 3), {"note": "tired"}), (("Sam", 4), {}),
    (("Sam", 3), {"tags": ("a",)}), (("Jo", 3), {"secret": "x"}), (("", 0), {"note": "n"}),
]


@pytest.mark.parametrize("first", CASES)
@pytest.mark.parametrize("second", CASES)
def test_equality_and_hash_are_dataclass_s_own(first: tuple, second: tuple) -> None:
    stock_equal = Stock(*first[0], **first[1]) == Stock(*second[0], **second[1])
    a, b = Twin(*first[0], **first[1]), Twin(*second[0], **second[1])
    assert (a == b) is stock_equal
    assert (a != b) is not stock_equal
    if stock_equal:
        assert hash(a) == hash(b)
    assert hash(a) == hash(Stock(*first[0], **first[1]))


@pytest.mark.parametrize("case", CASES)
def test_repr_is_dataclass_s_own(case: tuple) -> None:
    stock = repr(Stock(*case[0], **case[1]))
    assert repr(Twin(*case[0], **case[1])) == stock.replace("Stock(", "Twin(", 1)


def test_another_class_with_the_same_fields_is_not_equal() -> None:
    assert Twin("Sam", 3) != OtherTwin("Sam", 3)
    assert Twin("Sam", 3) != ("Sam", 3, ())
    assert Twin("Sam", 3) != None  # noqa: E711 - the comparison itself is what is tested


def test_records_compare_by_every_field() -> None:
    at = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    entry = PainEntry(score=5, at=at, where="back")
    assert entry == dataclasses.replace(entry)
    assert hash(entry) == hash(dataclasses.replace(entry))
    assert entry != dataclasses.replace(entry, score=6)
    assert entry != dataclasses.replace(entry, id="another")
    assert {entry, dataclasses.replace(entry)} == {entry}
    assert repr(entry).startswith(f"PainEntry(id={entry.id!r}, created=")


def test_a_field_left_out_of_comparison_stays_out() -> None:
    shown = PegSummary(2, 4.5, Fraction(9, 2))
    assert shown == PegSummary(2, 4.5, None)
    assert hash(shown) == hash(PegSummary(2, 4.5, None))
    assert shown != PegSummary(3, 4.5, Fraction(9, 2))


def test_frozen_still() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Twin("Sam", 3).score = 4
