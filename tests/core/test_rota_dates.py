"""A rota line as people write it: 'Sam from 7 Jan' (issue 18 item 3)."""

from __future__ import annotations

from datetime import date

import pytest

from paceapp.core.sharing import parse_rota

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("line", "name", "start"), [
    ("Sam from 7 Jan", "Sam", date(2027, 1, 7)),
    ("Ann Marie from 23 November 2026", "Ann Marie", date(2026, 11, 23)),
    ("Robin from Mon", "Robin", date(2026, 12, 7)),
])
def test_a_rota_line_with_a_date_as_people_write_it(line: str, name: str, start: date) -> None:
    (turn,) = parse_rota([line], TODAY)
    assert (turn.name, turn.start) == (name, start)


@pytest.mark.parametrize(("line", "name", "start"), [
    ("Jo from 2026-11-30", "Jo", date(2026, 11, 30)), ("Jo: 30/11", "Jo", date(2026, 11, 30)),
    ("Jo 30/11/2026", "Jo", date(2026, 11, 30)),
])
def test_a_rota_line_with_a_one_word_date(line: str, name: str, start: date) -> None:
    (turn,) = parse_rota([line], TODAY)
    assert (turn.name, turn.start) == (name, start)
