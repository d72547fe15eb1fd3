"""The GP list: items, order, carry-over, the summary period and the pain/PEG sentences."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.core.codec import from_data, to_data
from paceapp.core.errors import ValidationError
from paceapp.core.gp import (
    SHARED_DECISION_QUESTIONS,
    Appointment,
    GpItem,
    ItemState,
    Medicine,
    add_item,
    check_words,
    current_appointment,
    edit_item,
    last_closed,
    move_item,
    new_medicine,
    offer_shared_questions,
    open_items,
    remove_item,
    set_state,
    start_appointment,
)
from paceapp.core.gp_sheet import (
    PegSummary,
    Period,
    build_sheet,
    pain_sentence,
    peg_sentence,
    shortened_note,
    summarise_peg,
    summary_period,
)
from paceapp.core.pain import PainEntry, PegEntry, summarise_pain

TODAY = date(2026, 11, 21)


def texts(appt: Appointment, attr: str = "concerns") -> list[str]:
    return [i.text for i in getattr(appt, attr)]


def with_concerns(*names: str) -> Appointment:
    appt = Appointment()
    for name in names:
        appt = add_item(appt, "concern", name)
    return appt


# -- words ---------------------------------------------------------------------------------------
def test_words_are_trimmed_and_markup_is_kept_as_typed() -> None:
    assert check_words("  <b>knee</b>   [red]x[/red] ", "t", "concern", 120) == \
        "<b>knee</b> [red]x[/red]"


@pytest.mark.parametrize("bad", ["knee\x1b[31m", "a\x00b", "x\x7f", "bell\x07", "rl\u202eo"])
def test_control_characters_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(ValidationError, match="invisible control character") as error:
        check_words(bad, "dose", "dose", 80)
    assert error.value.field == "dose"


def test_empty_and_too_long_are_refused() -> None:
    with pytest.raises(ValidationError, match="concern is empty"):
        add_item(Appointment(), "concern", "   ")
    with pytest.raises(ValidationError, match="10000 characters long; the most is 80"):
        new_medicine("Naproxen", dose="5" * 10_000)


def test_medicine_keeps_the_persons_words() -> None:
    med = new_medicine(" Naproxen ", "500 mg", "twice a day", "back pain", "upset stomach")
    assert (med.name, med.dose, med.how_often, med.what_for, med.worries) == (
        "Naproxen", "500 mg", "twice a day", "back pain", "upset stomach")
    assert isinstance(med, Medicine)


# -- order ---------------------------------------------------------------------------------------
def test_add_at_a_priority_and_at_the_end() -> None:
    appt = with_concerns("a", "b")
    appt = add_item(appt, "concern", "top", position=1)
    assert texts(appt) == ["top", "a", "b"]
    appt = add_item(appt, "concern", "middle", "some detail", 3)
    assert texts(appt) == ["top", "a", "middle", "b"]
    assert appt.concerns[2].detail == "some detail"
    with pytest.raises(ValidationError, match="from 1 \\(the top\\) to 5"):
        add_item(appt, "concern", "x", position=6)


def test_move_up_and_down_stop_at_the_ends() -> None:
    appt = with_concerns("a", "b", "c")
    assert texts(move_item(appt, "concern", 3, -1)) == ["a", "c", "b"]
    assert texts(move_item(appt, "concern", 1, 1)) == ["b", "a", "c"]
    assert texts(move_item(appt, "concern", 1, -1)) == ["a", "b", "c"]
    assert texts(move_item(appt, "concern", 3, 5)) == ["a", "b", "c"]
    assert texts(move_item(appt, "concern", 3, -9)) == ["c", "a", "b"]
    with pytest.raises(ValidationError, match="no concern number 4; the list has 3"):
        move_item(appt, "concern", 4, -1)


@given(st.lists(st.text(alphabet="abcdef", min_size=1, max_size=4), min_size=1, max_size=20),
       st.data())
def test_moving_keeps_every_item(names: list[str], data: st.DataObject) -> None:
    appt = with_concerns(*names)
    number = data.draw(st.integers(1, len(names)))
    steps = data.draw(st.integers(-25, 25))
    moved = move_item(appt, "concern", number, steps)
    assert sorted(texts(moved)) == sorted(names)
    expected = min(max(number - 1 + steps, 0), len(names) - 1)
    assert moved.concerns[expected] == appt.concerns[number - 1]


def test_edit_remove_and_states() -> None:
    appt = with_concerns("a", "b")
    appt = edit_item(appt, "concern", 2, text="b2", detail="more")
    assert (appt.concerns[1].text, appt.concerns[1].detail) == ("b2", "more")
    appt = set_state(appt, "concern", 1, ItemState.DEALT)
    assert [i.text for i in open_items(appt.concerns)] == ["b2"]
    question = add_item(Appointment(), "question", "physio?")
    with pytest.raises(ValidationError, match="has no line of detail"):
        edit_item(question, "question", 1, detail="soon")
    appt, removed = remove_item(appt, "concern", 2)
    assert removed.text == "b2" and texts(appt) == ["a"]


def test_list_holds_up_to_twenty() -> None:
    appt = with_concerns(*[f"c{n}" for n in range(20)])
    with pytest.raises(ValidationError, match="up to 20 concerns"):
        add_item(appt, "concern", "one more")


def test_shared_decision_questions_are_offered_once() -> None:
    appt = add_item(Appointment(), "question", "What are my options?")
    appt, added = offer_shared_questions(appt)
    assert added == 2
    assert texts(appt, "questions") == list(SHARED_DECISION_QUESTIONS)
    again, added = offer_shared_questions(appt)
    assert added == 0 and again == appt


# -- carry over ------------------------------------------------------------------------------------
def test_next_appointment_carries_what_was_not_dealt_with() -> None:
    visit = date(2026, 10, 16)
    old = Appointment(visit_date=visit, closed=True, outcome="physio referral", concerns=(
        GpItem(text="knee", state=ItemState.DEALT),
        GpItem(text="sleep", state=ItemState.CARRY),
        GpItem(text="mood")), questions=(GpItem(text="physio?", state=ItemState.DEALT),))
    new = start_appointment(old)
    assert texts(new) == ["sleep", "mood"]
    assert all(i.state is ItemState.OPEN and i.carried_from == visit for i in new.concerns)
    assert new.questions == () and not new.closed and new.visit_date is None
    assert start_appointment(None).concerns == ()


def test_current_and_last_closed() -> None:
    first = Appointment(visit_date=date(2026, 9, 1), closed=True,
                        created=datetime(2026, 8, 1, tzinfo=datetime.now().astimezone().tzinfo))
    second = Appointment(visit_date=date(2026, 10, 1), closed=True)
    now = Appointment(visit_date=date(2026, 12, 1))
    assert current_appointment([first, second, now]) == now
    assert current_appointment([first, second]) is None
    assert last_closed([second, first, now]) == second


def test_appointment_round_trips_through_the_codec() -> None:
    appt = Appointment(visit_date=TODAY, visit_time=time(10, 20), clinician="Dr Okafor",
                       concerns=(GpItem(text="knee", detail="stairs", state=ItemState.CARRY,
                                        carried_from=date(2026, 10, 1)),))
    assert from_data(Appointment, to_data(appt)) == appt


# -- the period ----------------------------------------------------------------------------------
def test_period_since_the_last_appointment() -> None:
    period = summary_period(TODAY, date(2026, 10, 16))
    assert (period.start, period.end, period.days) == (date(2026, 10, 17), TODAY, 36)
    assert "since my last appointment on Fri 16 Oct" in period.why
    assert period.before() == Period(date(2026, 9, 11), date(2026, 10, 16), "the period before")


def test_period_defaults_and_options() -> None:
    assert summary_period(TODAY, None).start == TODAY - timedelta(days=27)
    assert summary_period(TODAY, TODAY - timedelta(days=3)).why == "the last 4 weeks"
    assert summary_period(TODAY, None, weeks=2).start == date(2026, 11, 8)
    assert summary_period(TODAY, None, since=date(2026, 11, 1)).days == 21
    long_ago = summary_period(TODAY, date(2020, 1, 1))
    assert long_ago.days == 364 and long_ago.why == "the last 52 weeks"
    with pytest.raises(ValidationError, match="on or before today"):
        summary_period(TODAY, None, since=TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="from 1 to 52"):
        summary_period(TODAY, None, weeks=60)


# -- pain and PEG sentences (hand-worked) --------------------------------------------------------
def pain(day: date, score: int, hour: int = 9) -> PainEntry:
    return PainEntry(at=datetime.combine(day, time(hour)).astimezone(), score=score)


def test_pain_sentence_average_of_daily_means_and_change() -> None:
    period = Period(date(2026, 11, 15), TODAY, "the last week")
    entries = [pain(date(2026, 11, 16), 4), pain(date(2026, 11, 16), 6, 20),  # day mean 5
               pain(date(2026, 11, 20), 8),  # -> average of daily means (5 + 8) / 2 = 6.5
               pain(date(2026, 11, 10), 3)]  # the week before: 3.0 on 1 day
    before = period.before()
    text = pain_sentence(summarise_pain(entries, period.start, period.end),
                         summarise_pain(entries, before.start, before.end), period, TODAY)
    assert "average 6.5 out of 10 on the 2 days I logged (Sun 15 Nov – Sat 21 Nov, 7 days)" in text
    assert "3.5 higher than the 7 days before (3.0, 1 day logged)" in text


def test_pain_sentence_says_not_logged_and_no_change_without_basis() -> None:
    period = Period(date(2026, 11, 15), TODAY, "")
    empty = summarise_pain([], period.start, period.end)
    assert pain_sentence(empty, empty, period, TODAY) == \
        "Pain: not logged (Sun 15 Nov – Sat 21 Nov)."
    one = summarise_pain([pain(TODAY, 2)], period.start, period.end)
    assert "no change to show" in pain_sentence(one, empty, period, TODAY)


def peg(day: date, p: int, e: int, g: int) -> PegEntry:
    return PegEntry(date=day, pain=p, enjoyment=e, activity=g)


def test_peg_sentence_meaningful_fall() -> None:
    period = Period(date(2026, 11, 8), TODAY, "")
    before = period.before()  # 25 Oct - 7 Nov
    pegs = [peg(date(2026, 11, 1), 6, 6, 6), peg(date(2026, 11, 7), 7, 6, 5),  # 6.0, 6.0
            peg(date(2026, 11, 14), 4, 4, 4), peg(date(2026, 11, 21), 4, 5, 3)]  # 4.0, 4.0
    now_s, before_s = summarise_peg(pegs, period.start, period.end), summarise_peg(
        pegs, before.start, before.end)
    assert now_s == PegSummary(2, 4.0) and before_s == PegSummary(2, 6.0)
    text = peg_sentence(now_s, before_s, period, TODAY)
    assert "average 4.0 from 2 check-ins (Sun 8 Nov – Sat 21 Nov)" in text
    assert "6.0 from 2 check-ins, so down 33.3%" in text
    assert "30% or more is usually taken as a real improvement" in text


def test_peg_sentence_small_change_has_no_improvement_note() -> None:
    period = Period(date(2026, 11, 15), TODAY, "")
    text = peg_sentence(PegSummary(1, 5.0), PegSummary(1, 6.0), period, TODAY)
    assert "down 16.7%" in text and "30%" not in text
    assert "up 20.0%" in peg_sentence(PegSummary(1, 6.0), PegSummary(1, 5.0), period, TODAY)
    assert peg_sentence(PegSummary(0, None), PegSummary(1, 5.0), period, TODAY) == \
        "Weekly check-in (PEG): not logged (Sun 15 Nov – Sat 21 Nov)."


# -- shortening ----------------------------------------------------------------------------------
def sheet_at(appt: Appointment, level: int, meds: int = 0) -> object:
    medicines = [new_medicine(f"med{n}", what_for="x" * 100) for n in range(meds)]
    return build_sheet(appt, medicines, today=TODAY, period=Period(TODAY, TODAY, "today"),
                       health=["Pain: not logged."], doing=[], last_agreed="rest more", level=level)


def test_level_zero_is_in_full_and_says_nothing() -> None:
    appt = with_concerns(*[f"c{n}" for n in range(8)])
    appt = edit_item(appt, "concern", 6, detail="detail six")
    sheet = sheet_at(appt, 0, meds=10)
    assert len(sheet.concerns) == 8 and sheet.concerns[5].detail == "detail six"
    assert shortened_note(sheet) == "" and sheet.last_agreed == "rest more"


def test_each_level_says_what_it_left_off() -> None:
    appt = with_concerns(*[f"c{n}" for n in range(8)])
    appt = edit_item(appt, "concern", 6, detail="detail six")
    one = sheet_at(appt, 1)
    assert one.concerns[5].detail == "" and "details for the top 3 concerns only" in \
        shortened_note(one)
    two = sheet_at(appt, 2, meds=2)
    assert [c.text for c in two.concerns] == ["c0", "c1", "c2", "c3", "c4"]
    assert two.more_concerns == 3 and "top 5 of 8 concerns shown" in shortened_note(two)
    assert two.medicines[0].what_for.endswith("…") and len(two.medicines[0].what_for) == 60
    three = sheet_at(appt, 3, meds=10)
    assert three.last_agreed == "" and len(three.concerns) == 5 and three.more_medicines == 0
    assert "'last time we agreed' left off" in shortened_note(three)
    four = sheet_at(appt, 4, meds=10)
    assert [c.text for c in four.top] == ["c0", "c1", "c2"] and four.also == ()
    assert four.more_medicines == 2 and "first 8 of 10 medicines shown" in shortened_note(four)
    assert shortened_note(four).endswith("; more on my list at home.")
    five = sheet_at(edit_item(appt, "concern", 1, text="x" * 120), 5, meds=1)
    assert len(five.concerns[0].text) == 70 and five.concerns[0].text.endswith("…")
    assert len(five.medicines[0].what_for) == 25 and "long lines cut short" in \
        shortened_note(five)


def test_dealt_items_never_reach_the_sheet() -> None:
    appt = set_state(with_concerns("done", "still"), "concern", 1, ItemState.DEALT)
    assert [c.text for c in sheet_at(appt, 0).concerns] == ["still"]
