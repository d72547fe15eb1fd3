"""app.pain: logging pain scores and PEG check-ins, and what the check-in card shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from paceapp.app import pain as app_pain
from paceapp.core.pain import PainEntry, new_pain, new_peg
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 18, 0).astimezone()


def test_logged_scores_and_peg_show_on_the_card(journal: Journal) -> None:
    app_pain.log_pain(journal, new_pain(4, NOW - timedelta(hours=2), NOW))
    app_pain.log_pain(journal, new_pain(6, NOW, NOW))
    app_pain.log_pain(journal, new_pain(2, NOW - timedelta(days=1), NOW))
    peg = app_pain.log_peg(journal, new_peg(5, 4, 6, TODAY, TODAY))
    view = app_pain.load_checkin(journal, TODAY)
    assert [e.score for e in view.today_entries] == [4, 6]
    assert view.week_average == Fraction(7, 2)  # the mean of the daily means: (5 + 2) / 2
    assert view.week_days == 2 and view.last_peg == peg and view.today == TODAY


def test_a_score_logged_is_kept_with_one_logged_elsewhere(data_dir: Path) -> None:
    mine, shell = Journal.open(data_dir), Journal.open(data_dir)
    app_pain.log_pain(shell, new_pain(3, NOW, NOW))
    app_pain.log_pain(mine, new_pain(7, NOW, NOW))
    assert sorted(e.score for e in Journal.open(data_dir).list(PainEntry)) == [3, 7]
