"""The assessment summary's use-cases (paceapp.app.evidence): the period from the words typed,
only that period's records read, and the summary written as a file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paceapp.app import evidence as evidence_app
from paceapp.core.day import DayRecord, Difficulty, HardActivity, Rating
from paceapp.core.errors import ValidationError
from paceapp.core.evidence import evidence_period
from paceapp.outputs.files import OutputExistsError
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)


def record(day: date, words: str) -> DayRecord:
    return DayRecord(date=day, rating=Rating.BAD,
                     hard=(HardActivity(activity="Dressing", how=Difficulty.HELP,
                                        words=words),))


@pytest.mark.parametrize(("typed", "expected"), [
    ({}, evidence_period(TODAY)),
    ({"weeks": "4"}, evidence_period(TODAY, weeks=4)),
    ({"weeks": 4}, evidence_period(TODAY, weeks=4)),
    ({"weeks": " ", "start": "", "end": ""}, evidence_period(TODAY)),
    ({"start": "1/11", "weeks": "4"}, evidence_period(TODAY, start=date(2026, 11, 1))),
    ({"end": "14/11", "weeks": "2"}, evidence_period(TODAY, end=date(2026, 11, 14), weeks=2)),
])
def test_the_period_from_the_words_typed(typed: dict[str, str | int],
                                         expected: object) -> None:
    assert evidence_app.read_period(TODAY, **typed) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", [{"weeks": "twelve"}, {"weeks": "0"}, {"start": "31/02"},
                                   {"end": "not a day"}])
def test_a_period_that_cannot_be_read_names_its_box(typed: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        evidence_app.read_period(TODAY, **typed)  # type: ignore[arg-type]
    assert caught.value.field in {"weeks", "from", "to"}


def test_only_the_periods_days_are_counted_and_written(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "data")
    journal.add(record(TODAY - timedelta(days=1), "inside the period"))
    journal.add(record(TODAY - timedelta(days=40), "before it"))
    period = evidence_app.read_period(TODAY, weeks="2")
    evidence = evidence_app.load_evidence(journal, period, TODAY)
    assert evidence.days_logged == 1
    text, note = evidence_app.render(evidence, "text")
    assert b"inside the period" in text and b"before it" not in text and note == ""
    markdown, _note = evidence_app.render(evidence, "markdown")
    assert markdown.startswith(b"#")
    pdf, _note = evidence_app.render(evidence, "pdf")
    assert pdf.startswith(b"%PDF")
    where, _note = evidence_app.write_evidence(evidence, tmp_path / "summary.txt", "text")
    assert "inside the period" in where.read_text()
    with pytest.raises(OutputExistsError):
        evidence_app.write_evidence(evidence, where, "pdf")
    evidence_app.write_evidence(evidence, where, "pdf", force=True)
    assert where.read_bytes().startswith(b"%PDF")


def test_a_day_logged_elsewhere_after_the_first_look_is_in_the_next(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    period = evidence_app.read_period(TODAY)
    assert evidence_app.load_evidence(here, period, TODAY).days_logged == 0
    Journal.open(tmp_path / "data").add(record(TODAY, "logged in the shell"))
    assert evidence_app.load_evidence(here, period, TODAY).days_logged == 1
