"""Demo peer group: five members' cards of different ages (some with history) and a group plan.

The group met on a pain management programme and keeps going on its own. Two members chose the
same display name ("Jo"), so the board shows how names that collide are told apart. One member
has not shared for a few weeks - people drift, and that is fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from paceapp.core.records import Record
from paceapp.core.sharing import DEFAULT_RULES, GoalCard, GroupPlan, PainWeek, PeerCard, RotaTurn, SharedGoal
from paceapp.core.timeparse import week_start
from paceapp.demo.person import DemoPerson

#: (display name, member id, days since their latest card, older cards, their goals, note)
MEMBERS: tuple[tuple[str, str, int, int, tuple[tuple[str, str, str, int, int], ...], str], ...] = (
    ("Jo", "a1f0c3e2d4b59687", 1, 3,
     (("Walk to the park gate", "12 minutes", "mid-morning", 5, 8),
      ("Stretches from the PMP sheet", "10 minutes", "before bed", 6, 9)),
     "Splitting the walk in two helped on the sore days."),
    ("Ali", "7c2e9b1d0f3a4e58", 3, 2,
     (("Sit in the garden with a book", "20 minutes", "afternoon", 4, 9),),
     "Said no to a long drive and did not regret it."),
    ("Priya", "e5d4c3b2a1f09876", 6, 1,
     (("Swim", "8 lengths", "Tuesday and Friday", 2, 7),
      ("Phone my sister", "", "Sunday", 1, 10)),
     ""),
    ("Jo", "3b9a7c5e1d2f4a60", 10, 0,
     (("Cook one meal sitting down", "", "evenings", 3, 7),),
     "New to the group - glad to be here."),
    ("Dave", "9f8e7d6c5b4a3921", 27, 1,
     (("Allotment", "30 minutes, then a rest", "weekends", 2, 6),),
     "Bad few weeks. Still here."),
)


def _card(name: str, member_id: str, shared: datetime, goals: tuple[tuple[str, str, str, int, int],
          ...], note: str, progress: list[int], pain: PainWeek | None) -> GoalCard:
    return GoalCard(
        member_id=member_id, display_name=name, shared_at=shared,
        week_start=week_start(shared.date()), note=note, pain=pain,
        goals=tuple(SharedGoal(what=what, how_much=how_much, when=when, days_per_week=days,
                               confidence=confidence, done_this_week=min(done, 7),
                               target_this_week=days)
                    for (what, how_much, when, days, confidence), done in zip(goals, progress,
                                                                               strict=True)))


def generate(person: DemoPerson) -> Iterator[Record]:
    rng = person.rng
    today = person.today
    for name, member_id, age, older, goals, note in MEMBERS:
        cards = []
        for n in range(older + 1):  # n = 0 is the latest card; older ones a week apart
            day = today - timedelta(days=age + 7 * n)
            shared = datetime.combine(day, time(rng.choice([9, 12, 18, 20]),
                                                rng.randint(0, 59))).astimezone()
            progress = [rng.randint(0, min(days, (day - week_start(day)).days + 1))
                        for _what, _much, _when, days, _conf in goals]
            pain = None
            if name == "Priya":  # one member chose to include her pain week
                average = round(rng.uniform(3.5, 6.5), 1)
                pain = PainWeek(start=day - timedelta(days=6), end=day,
                                days_logged=rng.randint(4, 7), average=average)
            cards.append(_card(name, member_id, shared, goals, note if n == 0 else "",
                               progress, pain))
        imported = cards[0].shared_at + timedelta(hours=2)
        yield PeerCard(member_id=member_id, card=cards[0], history=tuple(cards[1:]),
                       created=cards[-1].shared_at + timedelta(hours=2), updated=imported)
    yield _plan(today)


def _plan(today: date) -> GroupPlan:
    # A fortnightly Tuesday meeting; the rota changes every four weeks.
    last_tuesday = today - timedelta(days=(today.weekday() - 1) % 7)
    first = last_tuesday - timedelta(days=14 * 6)
    rota_start = week_start(today) - timedelta(days=14)
    rota = tuple(RotaTurn(name=who, start=rota_start + timedelta(days=28 * i))
                 for i, who in enumerate(("Ali", "Priya", "Jo", "Dave")))
    changed = datetime.combine(rota_start, time(19, 30)).astimezone()
    return GroupPlan(
        rhythm="Every other Tuesday morning", first_meeting=first, every_weeks=2,
        meet_time=time(10, 30), place="Riverside Community Café, Mill Lane",
        access="Step-free from the car park; quiet back room with firm chairs; "
               "toilet on the same floor; bus 12 stops outside.",
        keep_in_touch="WhatsApp group for quick news; email for anyone not on WhatsApp; "
                      "a phone call if someone has been quiet for two weeks.",
        rota=rota, ground_rules=DEFAULT_RULES,
        crisis_note="The coordinator keeps the café's phone number in case we need help there.",
        shared_by="Ali", content_at=changed, created=changed, updated=changed)
