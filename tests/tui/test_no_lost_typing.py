"""No lost typing (issue 18, item 1): every form with changes asks before Esc or Cancel throws
them away ("Keep writing" is the default); an untouched form closes at once; what was typed and
not saved comes back as a draft when the form opens again - also in a new app on the same data
folder - with a line saying so, and Ctrl+L clears it; saving forgets the draft.

Every form that takes typing is walked the same way, so a form that forgets is caught.
"""

from __future__ import annotations

import asyncio
import functools
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from paceapp.core.errors import ValidationError
from paceapp.core.goals import new_plan
from paceapp.core.pacing import set_baseline
from paceapp.core.pain import PainEntry, new_pain
from paceapp.core.sleep import SleepNight
from paceapp.core.timeparse import local_now
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.activity_form import ActivityForm
from paceapp.tui.screens.confirm import LeaveQuestion
from paceapp.tui.screens.draft_form import DraftForm
from paceapp.tui.screens.flare_form import FlareForm
from paceapp.tui.screens.flare_plan import FlarePlanEditor
from paceapp.tui.screens.goal_form import GoalForm, LongerGoalForm, SmallerForm
from paceapp.tui.screens.gp_forms import Field, GpForm
from paceapp.tui.screens.pacing_forms import BaselineForm, PlanForm, RestartForm
from paceapp.tui.screens.pain_form import PainForm, PegForm
from paceapp.tui.screens.record_form import RecordForm
from paceapp.tui.screens.sleep_form import SleepForm
from tests.tui.pilot_helpers import settle

NOW = "2026-11-21T09:00"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", NOW)


@functools.cache
def a_pain_entry() -> PainEntry:
    """One entry for the whole module: a draft belongs to a record's id."""
    now = local_now()
    return new_pain(4, now, now, where="knee")


@functools.cache
def a_baseline() -> Any:
    return set_baseline("Walking", "gentle", [40], local_now())[0]


def a_plan() -> Any:
    return new_plan("walk to the postbox", "10 minutes", "after lunch", 3, 5, date(2026, 11, 16))


def concern_form() -> GpForm:
    def build(values: dict[str, str]) -> str:
        if not values["text"].strip():
            raise ValidationError("The concern is empty. Please write a few words.", "text")
        return values["text"]

    return GpForm("Add a concern", [Field("text", "The concern"), Field("detail", "Detail")],
                  build)


#: Every form that takes typing, made afresh each time (as the app does).
FORMS: dict[str, Callable[[], DraftForm[Any]]] = {
    "pain": PainForm,
    "peg": PegForm,
    "activity": lambda: ActivityForm(units={"Walking": "min"}),
    "flare-start": FlareForm,
    "flare-plan": lambda: FlarePlanEditor(None),
    "goal": GoalForm,
    "longer-goal": LongerGoalForm,
    "gp-concern": concern_form,
    "baseline": lambda: BaselineForm([]),
    "day-plan": lambda: PlanForm([], (), date(2026, 11, 21)),
    "restart": lambda: RestartForm(a_baseline()),
    "record": lambda: RecordForm(a_pain_entry()),
}


def boxes(screen: Screen[Any]) -> list[Input | TextArea]:
    return [w for w in screen.query("Input, TextArea") if isinstance(w, (Input, TextArea))]


def text_of(box: Input | TextArea) -> str:
    return box.text if isinstance(box, TextArea) else box.value


async def fill(app: PaceApp, pilot: Any, screen: Screen[Any]) -> dict[str, str]:
    """Type a digit at the end of every box (digits go into every kind of box)."""
    for box in boxes(screen):
        box.focus()
        await pilot.pause()
        if isinstance(box, TextArea):
            box.move_cursor(box.document.end)
        else:
            box.cursor_position = len(box.value)
        await pilot.press("7")
    await pilot.pause()
    return {box.id or "": text_of(box) for box in boxes(screen)}


async def open_form(app: PaceApp, pilot: Any, form: DraftForm[Any]) -> DraftForm[Any]:
    app.push_screen(form)
    await settle(app, pilot)
    assert app.screen is form
    return form


def note_of(screen: Screen[Any]) -> str:
    notes = screen.query("#draft-note")
    return str(notes.first(Static).content) if notes else ""


def draft_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "drafts"
    return sorted(folder.iterdir()) if folder.exists() else []


#: Every form at 80x24; the tallest and the most used again at 60x20.
CASES = [*((kind, (80, 24)) for kind in FORMS),
         *((kind, (60, 20)) for kind in ("pain", "goal", "flare-plan", "gp-concern", "baseline"))]


@pytest.mark.parametrize(("kind", "size"), CASES,
                         ids=[f"{kind}-{w}x{h}" for kind, (w, h) in CASES])
def test_a_filled_form_asks_keeps_a_draft_and_gives_it_back(kind: str, size: tuple[int, int],
                                                            data_dir: Path) -> None:
    make = FORMS[kind]
    typed: dict[str, str] = {}

    async def first_app() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            form = await open_form(app, pilot, make())
            typed.update(await fill(app, pilot, form))
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, LeaveQuestion), "Esc in a filled form asks first"
            question = str(app.screen.query_one("#question", Static).content)
            assert "Leave without saving?" in question and "draft" in question
            assert "Keep writing" in str(app.screen.focused.label)  # type: ignore[union-attr]
            await pilot.press("escape")  # Esc again: keep writing
            await settle(app, pilot)
            assert app.screen is form
            assert {b.id: text_of(b) for b in boxes(form)} == typed
            await pilot.press("escape")
            await settle(app, pilot)
            await pilot.press("enter")  # Enter on the focused default: keep writing
            await settle(app, pilot)
            assert app.screen is form
            await pilot.press("escape", "y")  # leave without saving
            await settle(app, pilot)
            assert form not in app.screen_stack
            assert len(draft_files(data_dir)) == 1
            again = await open_form(app, pilot, make())
            assert {b.id: text_of(b) for b in boxes(again)} == typed
            note = note_of(again)
            assert "unsaved words from Sat 21 Nov 09:00 are back" in note and "Ctrl+L" in note

    async def second_app() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            form = await open_form(app, pilot, make())
            assert {b.id: text_of(b) for b in boxes(form)} == typed, "kept after the app closed"
            assert "are back" in note_of(form)
            await pilot.press("ctrl+l")  # clear the draft: the form as it opens afresh
            await settle(app, pilot)
            assert note_of(form) == ""
            assert all(text_of(b) != typed[b.id or ""] for b in boxes(form))
            await pilot.press("escape")  # nothing changed now: closes at once
            await settle(app, pilot)
            assert form not in app.screen_stack and not isinstance(app.screen, LeaveQuestion)
    asyncio.run(first_app())
    asyncio.run(second_app())
    assert draft_files(data_dir) == []


@pytest.mark.parametrize("kind", list(FORMS))
async def test_an_untouched_form_closes_at_once_and_leaves_no_draft(kind: str, data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, FORMS[kind]())
        await pilot.press("escape")
        await settle(app, pilot)
        assert form not in app.screen_stack
        assert not isinstance(app.screen, LeaveQuestion)
    assert draft_files(data_dir) == []


async def test_typing_back_to_how_it_was_is_no_change(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, PainForm())
        await pilot.press("5", "backspace", "escape")
        await settle(app, pilot)
        assert form not in app.screen_stack


async def test_cancel_button_asks_too(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, concern_form())
        await pilot.press(*"Knee")
        await pilot.click("#cancel")
        await settle(app, pilot)
        assert isinstance(app.screen, LeaveQuestion)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert form not in app.screen_stack
    assert len(draft_files(data_dir)) == 1


async def test_saving_forgets_the_draft(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("6", "tab", *"knee", "escape", "y")
        await settle(app, pilot)
        assert len(draft_files(data_dir)) == 1
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, PainForm)
        assert app.screen.query_one("#score", Input).value == "6"
        assert app.screen.query_one("#where", Input).value == "knee"
        await pilot.press("enter")  # saves
        await settle(app, pilot)
        assert not isinstance(app.screen, PainForm)
        assert draft_files(data_dir) == []
        await pilot.press("p")
        await settle(app, pilot)
        assert app.screen.query_one("#score", Input).value == ""
        assert note_of(app.screen) == ""
    saved = Journal.open(data_dir).list(PainEntry)
    assert [(e.score, e.where) for e in saved] == [(6, "knee")]


def test_the_draft_survives_quitting_with_the_form_open(data_dir: Path) -> None:
    async def typing() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("p")
            await settle(app, pilot)
            await pilot.press("8", "tab", *"hip")
            await pilot.press("ctrl+q")  # at once, before the draft's own moment to be written
            await pilot.pause()

    async def reopening() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("p")
            await settle(app, pilot)
            assert app.screen.query_one("#score", Input).value == "8"
            assert app.screen.query_one("#where", Input).value == "hip"
    asyncio.run(typing())
    asyncio.run(reopening())


async def test_the_draft_is_written_while_typing(data_dir: Path) -> None:
    """A draft is on disk a moment after typing, before the form closes (a killed terminal)."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, concern_form())
        await pilot.press(*"Pain at night")
        await asyncio.sleep(form.DRAFT_DELAY + 0.3)
        await settle(app, pilot)
        files = draft_files(data_dir)
        assert len(files) == 1 and "Pain at night" in files[0].read_text("utf-8")
        assert stat.S_IMODE(os.stat(files[0]).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(files[0].parent).st_mode) == 0o700


async def test_a_draft_belongs_to_its_record(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = local_now()
    first = journal.add(new_pain(3, now, now, where="neck"))
    second = journal.add(new_pain(5, now, now, where="back"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, PainForm(first))
        app.screen.query_one("#note", Input).focus()
        await pilot.press(*"after gardening", "escape", "y")
        await settle(app, pilot)
        other = await open_form(app, pilot, PainForm(second))
        assert other.query_one("#note", Input).value == ""
        await pilot.press("escape")
        await settle(app, pilot)
        same = await open_form(app, pilot, PainForm(first))
        assert same.query_one("#note", Input).value == "after gardening"
        new = await open_form(app, pilot, PainForm())  # a new entry is another form
        assert new.query_one("#note", Input).value == ""


async def test_a_draft_is_not_put_over_a_record_changed_since(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    now = local_now()
    entry = journal.add(new_pain(3, now, now, where="neck"))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, PainForm(entry))
        app.screen.query_one("#note", Input).focus()
        await pilot.press(*"typed", "escape", "y")
        await settle(app, pilot)
        changed = journal.update(dataclass_replace(entry, where="shoulder"))
        form = await open_form(app, pilot, PainForm(changed))
        assert form.query_one("#where", Input).value == "shoulder"
        assert form.query_one("#note", Input).value == ""
        assert note_of(form) == ""


def dataclass_replace(record: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(record, **changes)


def test_a_damaged_draft_is_not_used(data_dir: Path) -> None:
    async def leave_one() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("p")
            await settle(app, pilot)
            await pilot.press("4", "escape", "y")
            await settle(app, pilot)

    async def open_again() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("p")
            await settle(app, pilot)
            assert app.screen.query_one("#score", Input).value == ""
            await pilot.press("5", "enter")  # the form works as ever
            await settle(app, pilot)
            assert not isinstance(app.screen, PainForm)
    asyncio.run(leave_one())
    (path,) = draft_files(data_dir)
    path.write_bytes(path.read_bytes()[:20])  # cut short
    asyncio.run(open_again())
    assert [e.score for e in Journal.open(data_dir).list(PainEntry)] == [5]


async def test_the_smaller_step_asks_but_keeps_no_draft(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, SmallerForm(a_plan()))
        await pilot.press("backspace", *"5 minutes", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LeaveQuestion)
        assert "will not be kept" in str(app.screen.query_one("#question", Static).content)
        await pilot.press("y")
        await settle(app, pilot)
        assert form not in app.screen_stack
        again = await open_form(app, pilot, SmallerForm(a_plan()))
        assert again.query_one("#how_much", Input).value == "10 minutes"
    assert draft_files(data_dir) == []


def test_a_draft_time_is_shown_as_people_read_it(data_dir: Path) -> None:
    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await open_form(app, pilot, LongerGoalForm())
            await pilot.press(*"walk to the shop", "escape", "y")
            await settle(app, pilot)
            form = await open_form(app, pilot, LongerGoalForm())
            assert note_of(form) == ("Your unsaved words from Sat 21 Nov 09:00 are back. "
                                     "Ctrl+L clears them.")
    asyncio.run(scenario())


async def test_words_given_back_are_not_typed_over(data_dir: Path) -> None:
    """A box with its text selected would lose it to the next key: given-back words are not."""
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, concern_form())
        await pilot.press(*"Knee", "escape", "y")
        await settle(app, pilot)
        form = await open_form(app, pilot, concern_form())
        assert app.focused is form.query_one("#f-text", Input)
        await pilot.press(*" pain")
        await pilot.pause()
        assert form.query_one("#f-text", Input).value == "Knee pain"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_the_sleep_diary_asks_before_esc_and_keeps_the_night_as_a_draft(
        data_dir: Path, size: tuple[int, int]) -> None:
    """The sleep diary is the longest form people fill in half asleep (issue 18's first case)."""
    times = {"bed": "22:40", "tried": "23:05", "woke": "06:20", "up": "06:45"}

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            form = await open_form(app, pilot, SleepForm())
            for name, value in times.items():
                form.query_one(f"#{name}", Input).value = value
            await pilot.pause()
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, LeaveQuestion)
            await pilot.press("escape")  # Keep writing
            await settle(app, pilot)
            assert app.screen is form
            assert {n: form.query_one(f"#{n}", Input).value for n in times} == times
            await pilot.press("escape", "y")  # leave
            await settle(app, pilot)
            assert form not in app.screen_stack

    async def reopen() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            again = await open_form(app, pilot, SleepForm())
            assert {n: again.query_one(f"#{n}", Input).value for n in times} == times
            assert "are back" in note_of(again)
    asyncio.run(scenario())
    asyncio.run(reopen())
    assert Journal.open(data_dir).list(SleepNight) == []
