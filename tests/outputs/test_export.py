"""The JSON export document and the CSV files (read back with Python's csv module)."""

from __future__ import annotations

import csv
import enum
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, ClassVar

from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.records import Record
from paceapp.core.settings import Settings
from paceapp.outputs.export import (
    FORMULA_STARTS,
    cell,
    columns,
    csv_files,
    csv_text,
    export_document,
    neutralise,
    render_export,
)

AT = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)


class Mood(enum.Enum):
    LOW = "low"
    OK = "ok"


@dataclass(frozen=True, kw_only=True)
class Sample(Record):
    """A record with every field type the codec supports (not registered as a kind)."""

    KIND: ClassVar[str] = "sample"
    day_of: date
    bed: time
    mood: Mood
    tags: tuple[str, ...] = ()
    minutes: float | None = None
    counts: dict[str, int] | None = None
    done: bool = False

    def derived(self) -> dict[str, Any]:
        return {"tag_count": len(self.tags), "change_pct": -12.5}


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_json_export_is_stable_and_one_record_per_line() -> None:
    records = {"pain": [PainEntry(at=AT, score=6, note="stairs\nand a bus", created=AT, updated=AT)],
               "settings": []}
    text = render_export(export_document(records))
    doc = json.loads(text)
    assert (doc["format"], doc["version"], doc["schema"]) == ("paceapp-export", 1, 3)
    assert doc["records"]["pain"][0]["note"] == "stairs\nand a bus"
    assert doc["records"]["settings"] == []
    assert text == render_export(export_document(records))
    assert text.count("\n") == 12 and text.endswith("}\n")


def test_csv_columns_and_values_read_back() -> None:
    pains = [PainEntry(at=AT, score=6, where="lower back", note="line one\nline two, with comma",
                       created=AT, updated=AT),
             PainEntry(at=AT, score=0, note='she said "rest"', created=AT, updated=AT)]
    rows = read_back(csv_text(PainEntry, pains))
    assert list(rows[0]) == ["id", "created", "updated", "at", "score", "where", "note"]
    for row, record in zip(rows, pains, strict=True):
        assert row["id"] == record.id
        assert row["at"] == "2026-11-20T14:05:00+00:00"
        assert int(row["score"]) == record.score
        assert row["note"] == record.note and row["where"] == record.where


def test_csv_includes_derived_values() -> None:
    peg = PegEntry(date=date(2026, 11, 15), pain=4, enjoyment=5, activity=7)
    [row] = read_back(csv_text(PegEntry, [peg]))
    assert row["date"] == "2026-11-15" and row["score"] == "5.3"


def test_every_field_type_in_csv() -> None:
    rec = Sample(day_of=date(2026, 1, 2), bed=time(22, 30), mood=Mood.LOW,
                 tags=("walk", "=cmd", "rest"), minutes=12.5, counts={"a": 1}, done=True)
    assert columns(Sample, [rec])[-2:] == ["tag_count", "change_pct"]
    [row] = read_back(csv_text(Sample, [rec]))
    assert row["day_of"] == "2026-01-02" and row["bed"] == "22:30" and row["mood"] == "low"
    assert row["tags"] == "walk; =cmd; rest"  # joined; does not start with a formula sign
    assert row["minutes"] == "12.5" and row["counts"] == '{"a": 1}' and row["done"] == "true"
    assert row["tag_count"] == "3"
    assert row["change_pct"] == "-12.5"  # a number the app worked out stays a number
    empty = Sample(day_of=date(2026, 1, 2), bed=time(7, 5), mood=Mood.OK)
    [row] = read_back(csv_text(Sample, [empty]))
    assert row["minutes"] == "" and row["tags"] == "" and row["done"] == "false"


def test_formula_cells_are_neutralised() -> None:
    notes = ["=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx",
             "fine", "a=b"]
    pains = [PainEntry(at=AT, score=1, note=n, created=AT, updated=AT) for n in notes]
    rows = read_back(csv_text(PainEntry, pains))
    got = [row["note"] for row in rows]
    assert got == ["'=HYPERLINK(\"http://x\",\"click\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx",
                   "'\rx", "fine", "a=b"]
    tagged = Sample(day_of=date(2026, 1, 2), bed=time(7, 5), mood=Mood.OK, tags=("-x", "y"))
    [row] = read_back(csv_text(Sample, [tagged]))
    assert row["tags"] == "'-x; y"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_no_text_cell_can_start_a_formula(text: str) -> None:
    out = cell(text)
    assert not out.startswith(FORMULA_STARTS)
    assert out == text or out == "'" + text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
                .map(str.strip), min_size=1, max_size=5))
def test_csv_round_trip_of_notes(notes: list[str]) -> None:
    pains = [PainEntry(at=AT, score=3, note=n, created=AT, updated=AT) for n in notes]
    rows = read_back(csv_text(PainEntry, pains))
    for row, note in zip(rows, notes, strict=True):
        expected = neutralise(note)
        assert row["note"] == expected


def test_csv_files_have_a_bom_and_one_file_per_kind() -> None:
    files = csv_files({"pain": PainEntry, "settings": Settings},
                      {"pain": [PainEntry(at=AT, score=2, note="café", created=AT, updated=AT)]})
    assert sorted(files) == ["pain.csv", "settings.csv"]
    assert files["pain.csv"].startswith(b"\xef\xbb\xbf")
    rows = read_back(files["pain.csv"].decode("utf-8-sig"))
    assert rows[0]["note"] == "café"
    assert files["settings.csv"].decode("utf-8-sig").startswith("id,created,updated,display_name")
