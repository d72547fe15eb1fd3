"""The GP sheet's PEG line works from exact means: a fall of exactly 30% is one (issue 17)."""

from __future__ import annotations

from datetime import date

from paceapp.core.gp_sheet import Period, peg_sentence, summarise_peg
from paceapp.core.pain import PegEntry

TODAY = date(2026, 11, 21)
PERIOD = Period(date(2026, 11, 8), TODAY, "")  # before: Sun 25 Oct - Sat 7 Nov


def peg(day: date, p: int, e: int, g: int) -> PegEntry:
    return PegEntry(date=day, pain=p, enjoyment=e, activity=g)


def sentence(pegs: list[PegEntry]) -> str:
    before = PERIOD.before()
    return peg_sentence(summarise_peg(pegs, PERIOD.start, PERIOD.end),
                        summarise_peg(pegs, before.start, before.end), PERIOD, TODAY)


def test_an_exact_30_percent_fall_is_a_real_improvement() -> None:
    # Before (7 + 7 + 6) / 3 = 20/3 = 6.666…; now (5 + 5 + 4) / 3 = 14/3 = 4.666…
    # Change (14/3 - 20/3) / (20/3) = -2/6.666… = -30% exactly: "down 30.0%", with the note.
    # (From the shown 6.7 and 4.7 it was -29.85% -> "down 29.9%", and no note.)
    text = sentence([peg(date(2026, 11, 1), 7, 7, 6), peg(date(2026, 11, 14), 5, 5, 4)])
    assert "average 4.7 from 1 check-in" in text
    assert "The period before: 6.7 from 1 check-in, so down 30.0%." in text
    assert "A fall of 30% or more is usually taken as a real improvement" in text


def test_just_under_a_30_percent_fall_has_no_note() -> None:
    # Before 10; now (7 + 7 + 7), (7 + 7 + 7) and (7 + 7 + 8): (7 + 7 + 22/3) / 3 = 64/9 = 7.111…
    # Change (64/9 - 10) / 10 = -26/90 = -28.88…% -> "down 28.9%", not a 30% fall.
    pegs = [peg(date(2026, 11, 1), 10, 10, 10), peg(date(2026, 11, 9), 7, 7, 7),
            peg(date(2026, 11, 14), 7, 7, 7), peg(date(2026, 11, 20), 7, 7, 8)]
    text = sentence(pegs)
    assert "average 7.1 from 3 check-ins" in text and "so down 28.9%." in text
    assert "real improvement" not in text


def test_the_shown_average_is_rounded_once_half_up() -> None:
    # (4, 4, 5) = 13/3 and (5, 5, 5) = 5: mean (13/3 + 5) / 2 = 14/3 = 4.666… -> 4.7.
    # (4, 4, 5) = 13/3 and (4, 5, 5) = 14/3: mean 27/6 = 4.5 exactly -> 4.5.
    assert summarise_peg([peg(date(2026, 11, 9), 4, 4, 5), peg(date(2026, 11, 10), 5, 5, 5)],
                         PERIOD.start, PERIOD.end).average == 4.7
    assert summarise_peg([peg(date(2026, 11, 9), 4, 4, 5), peg(date(2026, 11, 10), 4, 5, 5)],
                         PERIOD.start, PERIOD.end).average == 4.5
