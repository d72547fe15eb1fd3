"""Demo day records: what Sam could do, over the last eight weeks, in Sam's own words.

Sam chose a list of activities (the everyday ones without work, with the garden added). On most
evenings Sam logs the day - some days are not logged (more often in a flare-up), and a day not
logged is simply missing. More activities are hard, and harder, on days of more pain and during
flare-ups. The records come from a random stream of their own, so every other demo record stays
as it was before day records were added.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from paceapp.core.day import (
    EVERYDAY_ACTIVITIES,
    DayActivities,
    DayRecord,
    Difficulty,
    HardActivity,
    Rating,
)
from paceapp.core.records import Record
from paceapp.demo.person import DemoPerson

#: How many days back the day records go (eight weeks, today included).
DAY_RECORD_DAYS = 56

#: Sam's list: the everyday activities without work, with the garden added.
SAM_ACTIVITIES: tuple[str, ...] = (*[a for a in EVERYDAY_ACTIVITIES if a != "Work or caring"],
                                   "Gardening")

#: Sam's words, by activity and how it was hard ('' : no words that day).
WORDS: dict[str, dict[Difficulty, tuple[str, ...]]] = {
    "Preparing food": {
        Difficulty.SLOWLY: ("I had to sit on a stool to chop the veg",
                            "Took me an hour to make a sandwich and soup"),
        Difficulty.HELP: ("Jo cooked; I could only stir the pan",
                          "I needed Jo to lift the pan off the hob"),
        Difficulty.COULD_NOT: ("I couldn't stand at the cooker at all - toast in bed",
                               "Jo brought me a ready meal"),
    },
    "Eating and drinking": {
        Difficulty.SLOWLY: ("I ate lying on the sofa, very slowly",),
        Difficulty.HELP: ("Jo cut up my food",),
        Difficulty.COULD_NOT: ("Too sore to sit at the table, I skipped dinner",),
    },
    "Washing and bathing": {
        Difficulty.SLOWLY: ("A quick wash at the sink, resting halfway",
                            "I had to sit down in the shower"),
        Difficulty.HELP: ("Jo helped me in and out of the bath", "Jo washed my hair"),
        Difficulty.COULD_NOT: ("I didn't manage a wash today",),
    },
    "Dressing": {
        Difficulty.SLOWLY: ("Socks took ages; I used the grabber",
                            "Stayed in joggers, nothing with buttons"),
        Difficulty.HELP: ("Jo did my socks and shoes", "My partner did my buttons"),
        Difficulty.COULD_NOT: ("Stayed in my dressing gown all day",),
    },
    "Using the toilet": {
        Difficulty.SLOWLY: ("Getting up off the toilet hurt, I used the rail",),
        Difficulty.HELP: ("I needed Jo to help me up",),
        Difficulty.COULD_NOT: ("",),
    },
    "Managing medicines or treatment": {
        Difficulty.SLOWLY: ("Too foggy to sort my tablets, took ages",),
        Difficulty.HELP: ("Jo reminded me and read the packets",
                          "Forgot my evening tablets until Jo asked"),
        Difficulty.COULD_NOT: ("I couldn't do my exercises at all",),
    },
    "Talking with people": {
        Difficulty.SLOWLY: ("Kept losing my words on the phone",
                            "I had to stop the call after ten minutes"),
        Difficulty.HELP: ("Jo spoke to the surgery for me",),
        Difficulty.COULD_NOT: ("Couldn't face anyone; missed the group",
                               "Let the phone ring, too much pain to talk"),
    },
    "Reading": {
        Difficulty.SLOWLY: ("Read the same page three times", "Brain fog, a few lines only"),
        Difficulty.HELP: ("Jo read the letter from the hospital to me",),
        Difficulty.COULD_NOT: ("Couldn't take in any words today",),
    },
    "Going out and planning a journey": {
        Difficulty.SLOWLY: ("Got to the shop but had to rest on the wall twice",
                            "Planned the bus trip for an hour beforehand"),
        Difficulty.HELP: ("Jo drove me to the appointment and waited",
                          "I needed someone with me at the shops"),
        Difficulty.COULD_NOT: ("Didn't leave the house", "Cancelled the trip to town"),
    },
    "Moving about": {
        Difficulty.SLOWLY: ("Stairs one at a time, holding the rail",
                            "Walked with the stick, very slowly"),
        Difficulty.HELP: ("Jo helped me up from the chair",
                          "I needed an arm to get up the stairs"),
        Difficulty.COULD_NOT: ("Mostly in bed; couldn't manage the stairs",),
    },
    "Gardening": {
        Difficulty.SLOWLY: ("Ten minutes of weeding, then a rest",),
        Difficulty.HELP: ("My neighbour carried the watering can",),
        Difficulty.COULD_NOT: ("Couldn't go out to the garden at all",),
    },
}

NOTES: dict[Rating, tuple[str, ...]] = {
    Rating.GOOD: ("", "", "", "A better day - paced the jobs", "Rested before I needed to"),
    Rating.SO_SO: ("", "", "", "Up and down", "Tired after a poor night"),
    Rating.BAD: ("", "", "Everything hurt", "A day on the sofa", "Flare-up day - went by the plan"),
}


def _rating(level: float, flaring: bool, rng: random.Random) -> Rating:
    felt = level + rng.gauss(0, 0.6)
    if flaring or felt >= 6.3:
        return Rating.BAD
    return Rating.SO_SO if felt >= 5.0 else Rating.GOOD


def _how(rating: Rating, flaring: bool, rng: random.Random) -> Difficulty:
    weights = {Rating.GOOD: (9, 1, 0), Rating.SO_SO: (7, 2, 1),
               Rating.BAD: (3, 4, 3) if flaring else (4, 4, 2)}[rating]
    return rng.choices(list(Difficulty), weights=weights)[0]


def _hard(rating: Rating, flaring: bool, rng: random.Random) -> tuple[HardActivity, ...]:
    count = {Rating.GOOD: rng.choice([0, 0, 0, 1]), Rating.SO_SO: rng.randint(1, 3),
             Rating.BAD: rng.randint(4, 7) if flaring else rng.randint(3, 5)}[rating]
    chosen = rng.sample(SAM_ACTIVITIES, count)
    items = []
    for activity in sorted(chosen, key=SAM_ACTIVITIES.index):
        how = _how(rating, flaring, rng)
        words = rng.choice(WORDS[activity][how]) if rng.random() < 0.6 else ""
        items.append(HardActivity(activity=activity, how=how, words=words))
    return tuple(items)


def generate(person: DemoPerson) -> Iterator[Record]:
    rng = random.Random(f"days {person.seed}")
    chosen_at = datetime.combine(person.days[0], time(11, 0)).astimezone()
    yield DayActivities(activities=SAM_ACTIVITIES, created=chosen_at, updated=chosen_at)
    first = max(person.days[0], person.today - timedelta(days=DAY_RECORD_DAYS - 1))
    day = first
    while day <= person.today:
        record = _day(person, rng, day)
        if record is not None:
            yield record
        day += timedelta(days=1)


def _day(person: DemoPerson, rng: random.Random, day: date) -> DayRecord | None:
    flaring = person.in_flare(day) is not None
    logged = rng.random() >= (0.25 if flaring else 0.12)
    rating = _rating(person.pain_level(day), flaring, rng)
    hard = _hard(rating, flaring, rng)
    note = rng.choice(NOTES[rating])
    noted = datetime.combine(day, time(rng.randint(19, 21), rng.randint(0, 59))).astimezone()
    if not logged or noted > person.now:  # today, before the evening: not logged yet
        return None
    return DayRecord(date=day, rating=rating, hard=hard, note=note, created=noted,
                     updated=noted)
