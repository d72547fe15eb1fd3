"""app.supporter: my words for the supporter page, sharing it, and the pages others shared.

The writes read the page fresh inside the lock: words changed through another window (a second
Journal on the same folder) after the front end read them are kept; a failed write stores
nothing; a page that would pass for someone else is refused and changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from paceapp.app.share import import_shared
from paceapp.app.supporter import (
    find_copies,
    load_copies,
    load_supporter,
    remove_copy,
    set_page,
    share_page,
    store_copy,
)
from paceapp.core.errors import ValidationError
from paceapp.core.flare import new_plan
from paceapp.core.settings import Settings
from paceapp.core.supporter import (
    SupporterContent,
    SupporterCopy,
    SupporterPage,
    build_content,
)
from paceapp.outputs.supporter import make_content, supporter_message
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes

NOW = datetime(2026, 11, 21, 14, 30, tzinfo=UTC)


def shared_page(name: str, member: str, at: datetime = NOW,
                helps: str = "Tea, quiet") -> SupporterCopy:
    content = build_content({"helps": helps}, ("helps", "crisis"), name=name, shared_at=at,
                            member_id=member)
    return SupporterCopy(member_id=content.member_id, name=content.name,
                         shared_at=content.shared_at, sections=content.sections,
                         crisis=content.crisis)


def test_load_supporter_starts_from_the_flare_plan(journal: Journal) -> None:
    journal.put_single(new_plan(first_steps="Heat pack, lie down"))
    inputs = load_supporter(journal)
    assert inputs.page is None and inputs.words["helps"] == "Heat pack, lie down"
    set_page(journal, {"helps": "A hot water bottle"})
    assert load_supporter(journal).words["helps"] == "A hot water bottle"


def test_set_page_changes_only_the_given_parts(journal: Journal, data_dir: Path) -> None:
    set_page(journal, {"signs": "Quiet, pale"})
    set_page(Journal.open(data_dir), {"helps": "Tea"})  # another window
    page = set_page(journal, {"parts": ("signs", "helps")})
    assert (page.signs, page.helps, page.parts) == ("Quiet, pale", "Tea", ("signs", "helps"))
    with pytest.raises(ValidationError):
        set_page(journal, {})


def test_share_page_keeps_only_the_words_changed_here(journal: Journal, data_dir: Path) -> None:
    set_page(journal, {"signs": "Quiet", "helps": "Tea"})
    inputs = load_supporter(journal)  # the window opens with these words
    set_page(Journal.open(data_dir), {"helps": "Tea and a blanket"})  # changed meanwhile
    words = {**inputs.words, "signs": "Quiet, pale"}  # the person changed only the signs
    content = make_content(inputs, ("signs", "helps"), name="Robin", now=NOW)
    messages: list[str] = []

    def write(page: SupporterContent) -> str:
        messages.append(supporter_message(page))
        return "written"

    assert share_page(journal, content, now=NOW, write=write,
                      keep=(inputs, words, ("signs", "helps"))) == "written"
    page = Journal.open(data_dir).get_single(SupporterPage)
    assert page is not None
    assert (page.signs, page.helps, page.parts) == ("Quiet, pale", "Tea and a blanket",
                                                    ("signs", "helps"))
    settings = journal.get_single(Settings)
    assert settings is not None and settings.display_name == "Robin"
    copy = import_shared(Journal.open(data_dir.parent / "supporter"), messages[0].encode(),
                         NOW + timedelta(minutes=1)).record
    assert isinstance(copy, SupporterCopy) and copy.member_id == settings.member_id


def test_share_page_stores_nothing_when_the_write_fails(journal: Journal, data_dir: Path) -> None:
    set_page(journal, {"helps": "Tea"})
    inputs = load_supporter(journal)
    before = folder_bytes(data_dir)

    def fail(_page: SupporterContent) -> None:
        raise ValidationError("Could not write page.pdf.", "path")

    with pytest.raises(ValidationError):
        share_page(journal, make_content(inputs, ("helps",), name="Robin", now=NOW),
                   now=NOW, write=fail, keep=(inputs, {**inputs.words, "helps": "X"}, ("helps",)))
    assert folder_bytes(data_dir) == before


def test_copies_are_named_found_updated_and_removed(journal: Journal) -> None:
    assert store_copy(journal, shared_page("Jo", "7c2e9b1d0f3a4e58"), NOW)[0] == "added"
    assert store_copy(journal, shared_page("J\u043e", "0718293041526374"), NOW)[0] == "added"
    view = load_copies(journal)
    assert len(view.copies) == 2
    shown = sorted(view.names.values())
    assert all("#" in name for name in shown)  # two pages that read "Jo": both with codes
    assert len(find_copies(view, "Jo")) == 2  # look-alikes: the person must use the code
    [one] = find_copies(view, "#7c2e9b")
    assert one.member_id == "7c2e9b1d0f3a4e58"
    later = shared_page("Jo", "7c2e9b1d0f3a4e58", at=NOW + timedelta(hours=1), helps="Soup")
    assert store_copy(journal, later, NOW + timedelta(hours=2))[0] == "updated"
    assert store_copy(journal, shared_page("Jo", "7c2e9b1d0f3a4e58"),
                      NOW + timedelta(hours=2))[0] == "older"
    remove_copy(journal, one.id)
    assert [c.name for c in load_copies(journal).copies] == ["J\u043e"]


def test_a_page_that_would_pass_for_another_is_refused(journal: Journal,
                                                       data_dir: Path) -> None:
    store_copy(journal, shared_page("Jo", "7c2e9b1d0f3a4e58"), NOW)
    before = folder_bytes(data_dir)
    for forged in (shared_page("Sam", "7c2e9b1d0f3a4e58", at=NOW + timedelta(minutes=1)),
                   shared_page("Jo", "7C2E9B1D0F3A4E58", at=NOW + timedelta(minutes=1)),
                   shared_page("Jo", "7c2e9b1d0f3a4e58", helps="Something else")):
        with pytest.raises(ValidationError):
            store_copy(journal, forged, NOW + timedelta(minutes=2))
    assert folder_bytes(data_dir) == before
