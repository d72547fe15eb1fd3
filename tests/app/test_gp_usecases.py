"""The GP list's use-cases (paceapp.app.gp): each change is applied to the list as stored now,
inside one transaction, so a change made meanwhile elsewhere (another window, the shell) is kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from paceapp.app import gp as gp_app
from paceapp.core.errors import ValidationError
from paceapp.core.gp import MAX_MEDICINES, SHARED_DECISION_QUESTIONS, ItemState
from paceapp.store.journal import Journal

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal.open(tmp_path / "data")


def texts(journal: Journal, which: str = "concerns") -> list[str]:
    current = gp_app.load_state(journal).current
    assert current is not None
    return [item.text for item in getattr(current, which)]


def test_adding_starts_the_list_and_says_each_items_number(journal: Journal) -> None:
    assert gp_app.load_state(journal) == (None, None, [])
    _appt, first = gp_app.add_item(journal, "concern", "Back pain at night", "3-4 times")
    _appt, second = gp_app.add_item(journal, "concern", "Tired all day")
    appt, top = gp_app.add_item(journal, "concern", "Knee", priority=1)
    assert (first, second, top) == (1, 2, 1)
    assert [i.text for i in appt.concerns] == ["Knee", "Back pain at night", "Tired all day"]
    assert len(gp_app.appointments(journal)) == 1  # one appointment, changed in place


def test_edit_move_mark_and_remove_change_only_that_item(journal: Journal) -> None:
    for text in ("one", "two", "three"):
        gp_app.add_item(journal, "question", text)
    gp_app.edit_item(journal, "question", 2, text="TWO")
    gp_app.move_item(journal, "question", 3, -5)  # stops at the top
    gp_app.mark_item(journal, "question", 1, ItemState.DEALT)
    assert texts(journal, "questions") == ["three", "one", "TWO"]
    removed = gp_app.remove_item(journal, "question", 2)
    assert removed.text == "one"
    current = gp_app.load_state(journal).current
    assert current is not None
    assert [(i.text, i.state) for i in current.questions] == [("three", ItemState.DEALT),
                                                              ("TWO", ItemState.OPEN)]


@pytest.mark.parametrize("number", [0, 2, 9])
def test_a_number_not_on_the_list_is_named_and_nothing_changes(journal: Journal,
                                                                number: int) -> None:
    gp_app.add_item(journal, "concern", "only one")
    before = gp_app.load_state(journal)
    for change in (lambda: gp_app.edit_item(journal, "concern", number, text="x"),
                   lambda: gp_app.move_item(journal, "concern", number, 1),
                   lambda: gp_app.remove_item(journal, "concern", number)):
        with pytest.raises(ValidationError) as caught:
            change()
        assert caught.value.field == "number"
    assert gp_app.load_state(journal) == before


def test_editing_with_nothing_to_change_is_refused(journal: Journal) -> None:
    gp_app.add_item(journal, "concern", "only one")
    with pytest.raises(ValidationError):
        gp_app.edit_item(journal, "concern", 1)


def test_date_and_who_with(journal: Journal) -> None:
    appt = gp_app.set_date(journal, "tomorrow 9:50", NOW, "Dr Shah")
    assert (appt.visit_date, appt.visit_time, appt.clinician) == (date(2026, 11, 22),
                                                                   time(9, 50), "Dr Shah")
    appt = gp_app.set_date(journal, "25/11", NOW)  # who with: kept when not given
    assert (appt.visit_date, appt.visit_time, appt.clinician) == (date(2026, 11, 25), None,
                                                                   "Dr Shah")


def test_matters_and_tried_none_keeps_and_empty_clears(journal: Journal) -> None:
    gp_app.set_matters(journal, what_matters="Sleeping through", tried="heat pad")
    appt = gp_app.set_matters(journal, tried="")
    assert (appt.what_matters, appt.tried) == ("Sleeping through", "")


def test_shared_questions_are_added_once(journal: Journal) -> None:
    gp_app.add_item(journal, "question", SHARED_DECISION_QUESTIONS[0].upper())
    assert gp_app.add_shared_questions(journal) == 2
    assert gp_app.add_shared_questions(journal) == 0
    assert len(texts(journal, "questions")) == 3


def test_outcome_closes_the_list_and_the_next_starts_with_what_is_left(journal: Journal) -> None:
    with pytest.raises(gp_app.NoAppointmentError) as caught:
        gp_app.note_outcome(journal, "agreed", TODAY)
    assert caught.value.field == "outcome" and "paceapp" not in str(caught.value)
    gp_app.set_date(journal, "20/11", NOW)
    gp_app.add_item(journal, "concern", "dealt")
    gp_app.add_item(journal, "concern", "left over")
    gp_app.mark_item(journal, "concern", 1, ItemState.DEALT)
    closed = gp_app.note_outcome(journal, "More physio", TODAY)
    assert closed.closed and closed.outcome == "More physio"
    state = gp_app.load_state(journal)
    assert state.current is None and state.previous == closed
    appt, _n = gp_app.add_item(journal, "concern", "new")
    assert [(i.text, i.carried_from) for i in appt.concerns] == [
        ("left over", date(2026, 11, 20)), ("new", None)]


def test_outcome_before_the_visit_is_refused(journal: Journal) -> None:
    gp_app.set_date(journal, "30/11", NOW)
    with pytest.raises(ValidationError):
        gp_app.note_outcome(journal, "too soon", TODAY)
    assert gp_app.load_state(journal).current is not None


def test_medicines_by_number_or_id(journal: Journal) -> None:
    first = gp_app.add_medicine(journal, "Naproxen", "500 mg", "twice a day")
    gp_app.add_medicine(journal, "Sertraline")
    changed = gp_app.change_medicine(journal, 1, dose="250 mg", worries=None)
    assert (changed.id, changed.dose, changed.how_often) == (first.id, "250 mg", "twice a day")
    gp_app.change_medicine(journal, first.id, name="Naproxen EC")
    assert [m.name for m in gp_app.medicines(journal)] == ["Naproxen EC", "Sertraline"]
    assert gp_app.remove_medicine(journal, 2).name == "Sertraline"
    with pytest.raises(ValidationError):
        gp_app.remove_medicine(journal, 2)
    assert [m.name for m in gp_app.medicines(journal)] == ["Naproxen EC"]


def test_the_medicines_list_has_a_limit(journal: Journal) -> None:
    for number in range(MAX_MEDICINES):
        gp_app.add_medicine(journal, f"Medicine {number}")
    with pytest.raises(ValidationError) as caught:
        gp_app.add_medicine(journal, "one too many")
    assert caught.value.field == "name"
    assert len(gp_app.medicines(journal)) == MAX_MEDICINES


# -- fresh data inside the lock -------------------------------------------------------------------
def test_a_change_made_elsewhere_after_the_screen_read_the_list_is_kept(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    gp_app.add_item(here, "concern", "first")
    shown = gp_app.load_state(here)  # what the screen shows
    elsewhere = Journal.open(tmp_path / "data")
    gp_app.add_item(elsewhere, "concern", "from the shell")
    gp_app.set_matters(elsewhere, what_matters="Walking the dog")
    gp_app.move_item(here, "concern", 2, -1)  # as numbered on the list as stored now
    gp_app.add_item(here, "question", "What next?")
    assert shown.current is not None and len(shown.current.concerns) == 1
    current = gp_app.load_state(Journal.open(tmp_path / "data")).current
    assert current is not None
    assert [i.text for i in current.concerns] == ["from the shell", "first"]
    assert [i.text for i in current.questions] == ["What next?"]
    assert current.what_matters == "Walking the dog"


def test_a_medicine_form_applies_only_the_fields_changed_in_it(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    opened = gp_app.add_medicine(here, "Naproxen", "500 mg", "twice a day")
    elsewhere = Journal.open(tmp_path / "data")
    gp_app.change_medicine(elsewhere, opened.id, dose="250 mg")
    # The form sends every box; only the name was changed in it.
    gp_app.change_medicine(here, opened.id, base=opened, name="Naproxen EC", dose="500 mg",
                           how_often="twice a day", what_for="", worries="")
    (stored,) = gp_app.medicines(Journal.open(tmp_path / "data"))
    assert (stored.name, stored.dose, stored.how_often) == ("Naproxen EC", "250 mg",
                                                            "twice a day")


def test_matters_written_elsewhere_is_kept_when_only_tried_is_given(tmp_path: Path) -> None:
    here = Journal.open(tmp_path / "data")
    gp_app.set_matters(here, what_matters="old words")
    gp_app.set_matters(Journal.open(tmp_path / "data"), what_matters="new words")
    gp_app.set_matters(here, tried="TENS")
    current = gp_app.load_state(here).current
    assert current is not None and (current.what_matters, current.tried) == ("new words", "TENS")


# -- the sheet ------------------------------------------------------------------------------------------
def test_the_sheet_reads_the_list_and_writes_each_format(journal: Journal,
                                                          tmp_path: Path) -> None:
    gp_app.add_item(journal, "concern", "Back pain at night")
    gp_app.add_medicine(journal, "Naproxen", "500 mg")
    inputs = gp_app.load_sheet(journal, TODAY)
    assert [i.text for i in inputs.appointment.concerns] == ["Back pain at night"]
    assert [m.name for m in inputs.medicines] == ["Naproxen"]
    for fmt, start in (("pdf", b"%PDF"), ("html", b"<!DOCTYPE"), ("md", b"# "),
                       ("text", b"")):
        data, note = gp_app.render_sheet(inputs, fmt)
        assert data.startswith(start) and b"Back pain at night" in data or fmt == "pdf"
        assert note == ""
    where, _note = gp_app.write_sheet(inputs, tmp_path / "sheet.txt", "text")
    assert "Back pain at night" in where.read_text()
    from paceapp.outputs.files import OutputExistsError

    with pytest.raises(OutputExistsError):
        gp_app.write_sheet(inputs, tmp_path / "sheet.txt", "text")
    gp_app.write_sheet(inputs, tmp_path / "sheet.txt", "html", force=True)
    assert "<" in (tmp_path / "sheet.txt").read_text()
