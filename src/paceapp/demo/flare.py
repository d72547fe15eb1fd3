"""Demo flare-ups from the person's story (`person.flares`; the last may still be going) and
Sam's flare-up plan, in Sam's own words (no medicine is suggested: only "as prescribed")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from paceapp.core.flare import Flare, new_plan
from paceapp.core.records import Record
from paceapp.demo.person import DemoPerson

HELPED = ["heat pad and lying on my side", "slow breathing, rest in short bursts",
          "gentle stretches once the worst passed", "a warm bath", "talking to Jo from the group",
          "dropping the shopping trip and resting", ""]
NOTES = ["", "", "couldn't sit for long", "stayed in bed most of the morning",
         "cancelled coffee with the group", "scared it would not settle, but it did"]
EXTRA_TRIGGERS = ["poor sleep", "stress", "cold weather", ""]


def generate(person: DemoPerson) -> Iterator[Record]:
    rng = person.rng
    for story in person.flares:
        triggers = [story.trigger]
        extra = rng.choice(EXTRA_TRIGGERS)
        if extra and extra != story.trigger:
            triggers.append(extra)
        logged = story.start + timedelta(minutes=rng.randint(10, 90))
        done = story.end is not None
        updated = (story.end + timedelta(minutes=15)) if story.end is not None else logged
        yield Flare(started=story.start, ended=story.end, peak=story.peak,
                    triggers=tuple(triggers), helped=rng.choice(HELPED) if done else "",
                    note=rng.choice(NOTES), created=logged, updated=updated)
    yield new_plan(
        warning_signs="Stiff lower back first thing that does not ease by lunchtime\n"
                      "Snapping at people; sleeping badly two nights running",
        first_steps="Lie on my side with a pillow between my knees\n"
                    "Slow breathing: in for 4, out for 6, for five minutes\n"
                    "Heat pad, 20 minutes at a time\n"
                    "My medicines only as my GP prescribed them",
        drop_and_tell="Drop: the garden, the big shop, ironing\n"
                      "Tell: Jo (text), and the group on WhatsApp if I will miss Thursday",
        restart="Go back to my bad-day amounts (walk 5 min, stairs once)\n"
                "Build back up by about 10% a week, only if the last week went well",
        get_help="Numb legs or groin, or trouble passing water: 999\n"
                 "Pain much worse than my usual flare-ups after 3 days: GP or NHS 111")
