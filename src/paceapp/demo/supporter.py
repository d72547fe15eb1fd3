"""Sam's supporter page ("How to help me"): Sam's own words for the parts the flare-up plan does
not cover, the rest following the plan. Fixed words, no random numbers, so every other demo record
stays as it was before the page was added.

The signs of a flare-up, what helps and who to call are left empty on purpose: an empty part
follows the flare-up plan (`core.supporter.page_words`), as it does for a person who has not
written their own. The private note is kept but not ticked, so it is not on the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from paceapp.core.records import Record
from paceapp.core.supporter import DEFAULT_PARTS, SupporterPage
from paceapp.demo.person import DemoPerson

#: Sam's own words (first person, no medical or benefits advice).
UNHELPFUL = ("Being asked if I am better yet\n"
             "Being told to push through it\n"
             "Plans changed at the last minute without asking me")
BAD_DAY = ("Help with the shopping and a quiet house\n"
           "A cup of tea brought to me, and no need to talk much\n"
           "Someone to take the dog out")
PRIVATE_NOTE = "Some days I hide how much it hurts, so please ask gently."

#: How many days ago Sam last changed the page (fewer in a shorter demo).
WRITTEN_DAYS_AGO = 20


def generate(person: DemoPerson) -> Iterator[Record]:
    day = max(person.days[0], person.today - timedelta(days=WRITTEN_DAYS_AGO))
    written = min(datetime.combine(day, time(18, 30)).astimezone(), person.now)
    yield SupporterPage(unhelpful=UNHELPFUL, bad_day=BAD_DAY, private_note=PRIVATE_NOTE,
                        parts=DEFAULT_PARTS, created=written, updated=written)
