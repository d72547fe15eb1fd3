"""app.sleep: the read models the sleep card and the Diary show, and logging or changing nights
and naps - each write in its own transaction, on the data as stored when it writes."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from paceapp.app import sleep as app_sleep
from paceapp.core.errors import ChangedElsewhereError, ValidationError
from paceapp.core.flare import Flare
from paceapp.core.nap import Nap
from paceapp.core.records import ClashError
from paceapp.core.sleep import SleepNight, new_sleep
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 18, 0).astimezone()


def night(day: date = TODAY, **changes: object) -> SleepNight:
    return dataclasses.replace(new_sleep(day, TODAY, bed=time(22, 30), tried=time(22, 45),
                                         woke=time(6, 10), up=time(6, 30)), **changes)


def nap(start: str, minutes: int = 40) -> Nap:
    started = datetime.fromisoformat(start).astimezone()
    return Nap(started=started, ended=started + timedelta(minutes=minutes))


def test_save_night_logs_and_the_card_shows_it(journal: Journal) -> None:
    saved = app_sleep.save_night(journal, night(), now=NOW)
    app_sleep.save_night(journal, night(TODAY - timedelta(days=1)), now=NOW)
    app_sleep.save_nap(journal, nap("2026-11-21T14:00"), now=NOW)
    view = app_sleep.load_sleep_card(journal, TODAY)
    assert view.last_night == saved and view.latest is not None
    assert view.latest.date == TODAY - timedelta(days=1)
    assert view.week.nights_logged == 2
    assert view.naps_today is not None and view.naps_today.count == 1
    assert app_sleep.last_week(journal, TODAY).nights_logged == 2
    assert app_sleep.naps_last_week(journal, TODAY).total_min == 40


def test_a_change_applies_only_the_changed_fields_to_the_night_as_stored_now(
        data_dir: Path) -> None:
    """The form's copy was read before the shell changed the note: the note is kept."""
    journal = Journal.open(data_dir)
    base = app_sleep.save_night(journal, night(), now=NOW)
    shell = Journal.open(data_dir)
    shell.update(dataclasses.replace(base, note="pain woke me"))
    changed = app_sleep.save_night(journal, dataclasses.replace(base, up=time(7, 0)), now=NOW,
                                   new=False, base=base)
    stored = Journal.open(data_dir).get(SleepNight, base.id)
    assert (stored.up, stored.note) == (time(7, 0), "pain woke me") == (changed.up, changed.note)


def test_the_same_field_changed_in_both_places_is_refused_and_nothing_written(
        data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    base = app_sleep.save_night(journal, night(), now=NOW)
    Journal.open(data_dir).update(dataclasses.replace(base, up=time(8, 0)))
    with pytest.raises(ChangedElsewhereError):
        app_sleep.save_night(journal, dataclasses.replace(base, up=time(7, 0)), now=NOW,
                             new=False, base=base)
    assert Journal.open(data_dir).get(SleepNight, base.id).up == time(8, 0)


def test_a_night_logged_elsewhere_after_the_forms_check_is_refused_when_saving(
        data_dir: Path) -> None:
    """Read fresh inside the lock: the check before saving passed, then another window logged
    the same morning; the save refuses and names that night."""
    journal = Journal.open(data_dir)
    mine = night()
    app_sleep.check_night(journal, mine)  # the form's check: nothing in the way yet
    theirs = Journal.open(data_dir).add(night(note="logged in the shell"))
    with pytest.raises(ClashError) as caught:
        app_sleep.save_night(journal, mine, now=NOW)
    assert caught.value.other_id == theirs.id and caught.value.day == TODAY
    assert [n.id for n in Journal.open(data_dir).list(SleepNight)] == [theirs.id]


def test_check_night_and_check_nap_write_nothing(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    app_sleep.save_night(journal, night(), now=NOW)
    files = sorted(p.name for p in (data_dir / "records").iterdir())
    with pytest.raises(ValidationError):
        app_sleep.check_night(journal, night(note="another"))
    with pytest.raises(ValidationError):
        app_sleep.check_nap(journal, nap("2026-11-21T01:00"))
    app_sleep.check_nap(journal, nap("2026-11-21T14:00"))
    assert sorted(p.name for p in (data_dir / "records").iterdir()) == files


def test_save_nap_refuses_a_nap_in_the_future_and_an_overlap(journal: Journal) -> None:
    with pytest.raises(ValidationError) as future:
        app_sleep.save_nap(journal, nap("2026-11-21T19:00"), now=NOW)
    assert future.value.field in ("started", "ended")
    first = app_sleep.save_nap(journal, nap("2026-11-21T14:00"), now=NOW)
    with pytest.raises(ValidationError):
        app_sleep.save_nap(journal, nap("2026-11-21T14:20"), now=NOW)
    moved = app_sleep.save_nap(journal, dataclasses.replace(first, note="sofa"), now=NOW,
                               new=False, base=first)
    assert journal.list(Nap) == [moved]


def test_load_diary_gives_the_lists_and_summaries(journal: Journal) -> None:
    app_sleep.save_night(journal, night(), now=NOW)
    app_sleep.save_nap(journal, nap("2026-11-21T14:00"), now=NOW)
    view = app_sleep.load_diary(journal, TODAY)
    assert [n.date for n in view.nights] == [TODAY] and len(view.naps) == 1
    assert view.sleep[7].nights_logged == 1 and view.nap_summary.count == 1
    assert view.flare_summary is None and view.flares == []
    journal.add(Flare(started=datetime(2026, 11, 20, 8).astimezone(),
                      ended=datetime(2026, 11, 20, 12).astimezone()))
    assert app_sleep.load_diary(journal, TODAY).flare_summary is not None
