"""The assessment summary of a small period, every figure worked by hand (issue 20, done-when):
five days, Mon 16 - Fri 20 Nov 2026, logged with `paceapp log day` as a person would (their own
list: Dressing, Preparing food, Washing and bathing, Reading), two of them
not logged, one logged with nothing hard, and a day on each side of the period that must not count.
The clock is fixed at Sat 21 Nov 2026 18:00.

By hand:
- logged: Mon 16 (bad), Wed 18 (so-so), Fri 20 (good, nothing hard) -> 3 of 5; 2 not logged;
- Dressing hard on 2 (could not Mon, slowly Wed); Preparing food on 1 (needed help Mon);
  Washing and bathing and Reading never (Reading was hard on Sun 15 Nov, before the period);
- hardest: Mon 16 (the only bad day); typical: hard counts 0 (Fri), 1 (Wed), 2 (Mon) -> the
  middle is 1 -> Wed 18;
- pain: Mon 6 and 7 (6.5), Wed 4 -> a score on 2 of 5 days, 3 without; median of 6.5 and 4 is
  5.25 -> 5.3 (half up); highest 7.
Then Thu 19 is logged too (good, nothing hard): counts 0, 0, 1, 2 -> the lower middle is 0 -> the
most recent day with none hard, Fri 20.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PERIOD = ("--from", "2026-11-16", "--to", "2026-11-20")


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T18:00")


@pytest.fixture
def five_days(cli) -> None:  # noqa: ANN001
    ran = cli("log", "day-activities", "--set", "Dressing; Preparing food; Washing and bathing; "
              "Reading")
    assert ran.code == 0, ran.err
    for args in (
        ["bad", "--date", "2026-11-15", "--hard", "Reading=could not:outside before"],
        ["bad", "--date", "2026-11-16", "--hard", "Dressing=could not:Stayed in my dressing gown",
         "--hard", "Preparing food=help:Jo cooked", "--note", "A day on the sofa"],
        ["so-so", "--date", "2026-11-18", "--hard", "Dressing=slowly:Socks took ages"],
        ["good", "--date", "2026-11-20"],
        ["bad", "--date", "2026-11-21", "--hard", "Dressing=could not:outside after"],
    ):
        ran = cli("log", "day", *args)
        assert ran.code == 0, ran.err
    for at, score in (("2026-11-16T09:00", "6"), ("2026-11-16T17:00", "7"),
                      ("2026-11-18T10:00", "4"), ("2026-11-21T09:00", "9")):
        assert cli("log", "pain", score, "--at", at).code == 0


def flat(text: str) -> str:
    return " ".join(text.split())


def summary(cli, fmt: str = "text") -> str:  # noqa: ANN001
    ran = cli("evidence", *PERIOD, "--format", fmt, "--out", "-")
    assert ran.code == 0, ran.err
    return flat(ran.out.replace("\\", ""))  # Markdown's escapes dropped: the words as typed


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_every_figure_of_five_days_worked_by_hand(cli, five_days: None, fmt: str) -> None:  # noqa: ANN001
    out = summary(cli, fmt)
    for expected in (
        "Days logged: 3 of the 5 days (Mon 16 Nov – Fri 20 Nov); 2 days not logged",
        "1 bad, 1 so-so, 1 good (of 3 days logged)",
        "Dressing: hard on 2 of 3 days logged; 2 days not logged",
        "Could not: on 1 day",
        "“Stayed in my dressing gown” (Mon 16 Nov)",
        "Only slowly or with pain: on 1 day",
        "“Socks took ages” (Wed 18 Nov)",
        "Preparing food: hard on 1 of 3 days logged; 2 days not logged",
        "Needed help: on 1 day",
        "“Jo cooked” (Mon 16 Nov)",
        "Mon 16 Nov, a bad day; 2 activities hard",
        "Dressing: could not – “Stayed in my dressing gown”",
        "Preparing food: needed help – “Jo cooked”",
        "My note: “A day on the sofa”",
        "The middle day by how many activities were hard (1 activity)",
        "Wed 18 Nov, a so-so day; 1 activity hard",
        "Dressing: only slowly or with pain – “Socks took ages”",
        "Flare-ups (Mon 16 Nov – Fri 20 Nov): none logged.",
        "Sleep (Mon 16 Nov – Fri 20 Nov): no nights logged.",
        "Pain, 0 to 10 (Mon 16 Nov – Fri 20 Nov): a score on 2 of 5 days; 3 without one. "
        "Median of the daily averages 5.3; highest 7.",
    ):
        assert expected in out, (expected, out)
    assert out.index("Dressing: hard on") < out.index("Preparing food: hard on")  # most first
    # Reading was hard only on Sun 15 Nov, before the period: not hard on any day logged in it
    assert "Not marked hard on any day I logged: Washing and bathing, Reading." in out
    assert "outside" not in out and "Reading: hard" not in out  # the days either side
    assert "9" not in out.split("Pain, 0 to 10")[1].split(".")[0]  # today's score is after Fri


def test_an_even_number_of_days_takes_the_lower_middle(cli, five_days: None) -> None:  # noqa: ANN001
    assert cli("log", "day", "good", "--date", "2026-11-19").code == 0
    out = summary(cli)
    assert "Days logged: 4 of the 5 days (Mon 16 Nov – Fri 20 Nov); 1 day not logged" in out
    assert "Dressing: hard on 2 of 4 days logged; 1 day not logged" in out
    assert "2 bad" not in out and "1 bad, 1 so-so, 2 good (of 4 days logged)" in out
    typical = out.split("A typical day")[1]
    assert "The middle day by how many activities were hard (none)" in typical
    assert "Fri 20 Nov, a good day; nothing hard" in typical
    assert "Nothing was hard that day." in typical


def test_no_day_logged_in_the_period_counts_nothing(cli, five_days: None) -> None:  # noqa: ANN001
    ran = cli("evidence", "--from", "2026-11-17", "--to", "2026-11-17")
    assert ran.code == 0, ran.err
    out = flat(ran.out)
    assert "No day records in this period (Tue 17 Nov, 1 day)" in out
    assert "hard on" not in out and "My hardest day" not in out and "A typical day" not in out
    assert "Pain, 0 to 10 (Tue 17 Nov): no scores logged." in out


def test_nothing_after_today_is_counted(cli, five_days: None, data_dir: Path) -> None:  # noqa: ANN001
    ran = cli("evidence", "--from", "2026-11-20", "--to", "2026-11-22")
    assert ran.code == 2 and "nothing after today is counted" in ran.err
    assert "Traceback" not in ran.err
