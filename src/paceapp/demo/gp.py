"""Demo GP list: last month's appointment (with what was agreed) and an upcoming one, ready."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from paceapp.core.gp import SHARED_DECISION_QUESTIONS, Appointment, GpItem, ItemState, Medicine
from paceapp.core.records import Record
from paceapp.demo.person import DemoPerson


def generate(person: DemoPerson) -> Iterator[Record]:
    today = person.today
    last_visit = today - timedelta(days=36)
    made = datetime.combine(last_visit - timedelta(days=5), time(19, 30)).astimezone()
    sleep_item = GpItem(text="Pain wakes me most nights",
                        detail="I am up two or three times; tired all day after.",
                        state=ItemState.CARRY)
    yield Appointment(
        visit_date=last_visit, visit_time=time(9, 40), clinician="Dr Okafor",
        concerns=(GpItem(text="Knee pain on the stairs", detail="Worse going down.",
                         state=ItemState.DEALT),
                  sleep_item),
        questions=(GpItem(text="Can I see the physio again?", state=ItemState.DEALT),),
        what_matters="Keeping up my allotment, a bit at a time.",
        outcome="Physio referral made. Keep pacing the garden jobs. Come back in about six "
                "weeks with a sleep diary.",
        closed=True, created=made, updated=made + timedelta(days=6))
    visit = today + timedelta(days=10)
    made = datetime.combine(today - timedelta(days=3), time(20, 15)).astimezone()
    yield Appointment(
        visit_date=visit, visit_time=time(10, 20), clinician="Dr Okafor",
        concerns=(
            GpItem(text=sleep_item.text, detail=sleep_item.detail, carried_from=last_visit),
            GpItem(text="Flare-ups after busy days",
                   detail="I keep a diary now: a flare often follows a day of doing too much."),
            GpItem(text="Low mood on bad weeks", detail="I stop seeing friends when it is bad."),
            GpItem(text="Stomach upset from the naproxen"),
        ),
        questions=(
            GpItem(text="Is there a pain clinic or group near me?"),
            GpItem(text=SHARED_DECISION_QUESTIONS[0]),
            GpItem(text=SHARED_DECISION_QUESTIONS[1]),
        ),
        what_matters="Sleeping through more nights, and getting back to my allotment "
                     "on good days without paying for it after.",
        tried="Heat pad, gentle stretches each morning, a relaxation recording at night.",
        created=made, updated=made)
    meds_made = datetime.combine(today - timedelta(days=40), time(18, 0)).astimezone()
    for n, (name, dose, often, what_for, worries) in enumerate((
            ("Naproxen", "500 mg", "twice a day with food", "back and knee pain",
             "upset stomach"),
            ("Omeprazole", "20 mg", "once a day", "to protect my stomach", ""),
            ("Amitriptyline", "10 mg", "at night", "sleep and nerve pain",
             "dry mouth; groggy in the morning"),
    )):
        moment = meds_made + timedelta(minutes=n)
        yield Medicine(name=name, dose=dose, how_often=often, what_for=what_for, worries=worries,
                       created=moment, updated=moment)
