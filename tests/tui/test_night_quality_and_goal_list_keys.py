"""QA findings in the app (sleep, flare-ups, goals), each pinned by a Pilot test:

- "Log a night" when this morning is logged opens that night; changing the morning there logs a
  new night for the other morning and leaves this morning's night where it was.
- The quality buttons keep their words when one is chosen by typing 1-5.
- Goals opens with the plan list focused, so the arrow keys choose a plan.
- In the weekly review, Enter on the chosen outcome saves ("Save (Enter)").
- "Make it smaller?" puts the cursor in the box that needs a number.
- An empty diary invites the first step instead of "none logged" three times.
- Ending a flare-up the minute it started says how to undo it.
- Esc in the flare-up plan editor asks before dropping what was typed.
- With no plan yet, the plan window points to its own key (e), not to shell commands.
- Today's PEG line does not ask for this week's check-in when it is done.
- In bad-day mode the number and quality buttons stay visible (they vanished), and the
  Diary and Goals action buttons get the room their bigger size needs.
- Help lists paceapp's keys (both keys of one action on one line), not Textual's editing keys.
- After an early weekly review, the rest of that week can still be marked (card and g).
"""

from __future__ import annotations

import asyncio
from datetime import date, time
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Static, TextArea

from paceapp.core.flare import Flare, FlarePlan
from paceapp.core.goals import ActionPlan, GoalDay, Review, new_plan
from paceapp.core.pain import new_peg
from paceapp.core.sleep import Quality, SleepNight, new_sleep
from paceapp.store.journal import Journal
from paceapp.tui.app import PaceApp
from paceapp.tui.screens.confirm import ConfirmScreen
from paceapp.tui.screens.diary import NO_FLARES, NO_NIGHTS
from paceapp.tui.screens.flare_form import FlareForm
from paceapp.tui.screens.flare_plan import FlarePlanEditor, FlarePlanView
from paceapp.tui.screens.goal_form import SmallerForm
from paceapp.tui.screens.goal_review import ReviewForm
from paceapp.tui.screens.sleep_form import SleepForm
from tests.tui.pilot_helpers import settle

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACEAPP_NOW", "2026-11-21T09:00")


def this_morning(journal: Journal) -> SleepNight:
    night = new_sleep(TODAY, TODAY, bed=time(22, 30), tried=time(22, 45), woke=time(6, 10),
                      up=time(6, 30), quality=Quality.FAIR, note="this morning")
    journal.add(night)
    return night


@pytest.mark.parametrize("where", ["1", "2"])  # Today's card and the Diary
async def test_changing_the_morning_in_log_a_night_adds_a_night(data_dir: Path, where: str) -> None:
    kept = this_morning(Journal.open(data_dir))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(where)
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, SleepForm)
        assert "change the morning" in str(form.query_one(".hint", Static).content)
        form.query_one("#date", Input).value = "2026-11-18"
        form.query_one("#woke", Input).value = "05:10"
        form.query_one("#note", Input).value = "a missed night"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, SleepForm)

    nights = Journal.open(data_dir).list(SleepNight)
    assert [(n.date, n.note) for n in nights] == [(date(2026, 11, 18), "a missed night"),
                                                   (TODAY, "this morning")]
    assert nights[1] == kept  # this morning's night is untouched
    assert nights[0].id != kept.id and nights[0].woke == time(5, 10)


def test_log_a_night_refuses_a_morning_that_has_one_in_plain_app_words(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    this_morning(journal)
    journal.add(new_sleep(date(2026, 11, 18), TODAY, bed=time(23, 0), tried=time(23, 0),
                          woke=time(7, 0), up=time(7, 0)))

    async def scenario() -> None:
        app = PaceApp(Journal.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("2", "s")
            await settle(app, pilot)
            app.screen.query_one("#date", Input).value = "2026-11-18"
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, SleepForm)
            problem = str(app.screen.query_one("#problem", Static).content)
            assert "already a night logged for the morning of Wed 18 Nov" in problem
            assert "press e" in problem and "paceapp edit" not in problem

    before = journal.list(SleepNight)
    asyncio.run(scenario())
    assert Journal.open(data_dir).list(SleepNight) == before


async def test_changing_a_chosen_row_still_moves_that_night(data_dir: Path) -> None:
    """e on a row is "change this night": a new morning moves it (the old behaviour stays)."""
    kept = this_morning(Journal.open(data_dir))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "e")
        await settle(app, pilot)
        assert isinstance(app.screen, SleepForm)
        app.screen.query_one("#date", Input).value = "2026-11-19"
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    nights = Journal.open(data_dir).list(SleepNight)
    assert [(n.id, n.date) for n in nights] == [(kept.id, date(2026, 11, 19))]


async def test_quality_buttons_keep_their_words_when_chosen_by_typing(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        form = app.screen
        widths = [form.query_one(f"#q-{n}", Button).size.width for n in range(1, 6)]
        form.query_one("#quality", Input).focus()
        await pilot.press("2")
        await pilot.pause()
        button = form.query_one("#q-2", Button)
        assert str(button.label) == "▸2 poor"
        # the label fits its button, so "poor" is on screen (it was cut off before)
        assert button.size.width == widths[1]
        assert button.size.width >= len("▸2 poor")
        assert str(form.query_one("#q-1", Button).label) == " 1 very poor"



async def test_empty_diary_invites_the_first_step(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        summary = str(app.screen.query_one("#diary-summary", Static).content)
        assert summary.splitlines() == [NO_NIGHTS, NO_FLARES]
        assert "none logged" not in summary and "Press s" in summary



async def test_ending_a_flare_up_the_minute_it_started_says_how_to_undo(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "f")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # started now
        await settle(app, pilot)
        await pilot.press("escape")  # close the plan
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, FlareForm)
        await pilot.press("ctrl+s")  # ended now, the same minute
        await settle(app, pilot)
        problem = str(app.screen.query_one("#problem", Static).content)
        assert "only started at 09:00" in problem and "Ctrl+Z" in problem
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+z")
        await settle(app, pilot)

    assert Journal.open(data_dir).list(Flare) == []


def two_plans(data_dir: Path) -> list[ActionPlan]:
    journal = Journal.open(data_dir)
    plans = [new_plan("walk", "10 minutes", "after lunch", 3, 8, date(2026, 11, 16)),
             new_plan("stretch", "5 minutes", "before bed", 4, 9, date(2026, 11, 16))]
    for plan in plans:
        journal.add(plan)
    return plans


async def test_goals_open_with_the_list_focused_so_arrows_choose(data_dir: Path) -> None:
    two_plans(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        table = app.screen.query_one("#plans", DataTable)
        assert app.screen.focused is table
        await pilot.press("down")
        await pilot.pause()
        assert "stretch" in str(app.screen.query_one("#plan-detail", Static).content)



async def test_enter_on_the_chosen_outcome_saves_the_review(data_dir: Path) -> None:
    walk, stretch = two_plans(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "r")
        await settle(app, pilot)
        await pilot.press("y")  # review now (Saturday: the week ends on Sunday)
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewForm)
        await pilot.press("p", "enter")  # choose "partly" with its key, then Enter saves
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewForm)  # the second plan's review
        assert "stretch" in str(app.screen.query_one("#review-plan", Static).content)
        # arrows then Enter only choose (nothing is saved that was not picked) ...
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#outcome").pressed_index == 1
        assert isinstance(app.screen, ReviewForm)
        # ... and Enter again saves
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, ReviewForm)

    reviews = {r.plan_id: r.outcome for r in Journal.open(data_dir).list(Review)}
    assert reviews == {walk.id: "partly", stretch.id: "partly"}


async def test_smaller_form_puts_the_cursor_where_a_number_is_missing(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "a")
        await settle(app, pilot)
        await pilot.press(*"swim", "tab", "tab", "tab", "7", "tab", "5", "enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, SmallerForm)
        form.query_one("#days", Input).value = ""
        form.query_one("#confidence", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert form.focused is form.query_one("#days", Input)
        await pilot.press("3", "tab", "backspace", "8", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SmallerForm)
        detail = str(app.screen.query_one("#plan-detail", Static).content)
        assert "Every day" not in detail  # 3 days now

    plan = Journal.open(data_dir).list(ActionPlan)[0]
    assert (plan.what, plan.days_per_week, plan.confidence) == ("swim", 3, 8)


async def test_an_every_day_plan_gets_a_gentle_note(data_dir: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(new_plan("walk", "10 minutes", "after lunch", 7, 9, date(2026, 11, 16)))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        detail = str(app.screen.query_one("#plan-detail", Static).content)
        assert "A few days a week is often easier" in detail



async def test_escape_in_the_plan_editor_asks_before_dropping_what_was_typed(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "p")
        await settle(app, pilot)
        if not isinstance(app.screen, FlarePlanEditor):  # the plan view first: e to write
            await pilot.press("e")
            await settle(app, pilot)
        assert isinstance(app.screen, FlarePlanEditor)
        await pilot.press(*"sore", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # No: keep writing
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, FlarePlanEditor)
        assert editor.query_one("#plan-warning_signs", TextArea).text == "sore"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape")  # the saved plan's view
        await settle(app, pilot)
        # nothing typed: Esc closes at once
        await pilot.press("p")
        await settle(app, pilot)
        if not isinstance(app.screen, FlarePlanEditor):
            await pilot.press("e")
            await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, (FlarePlanEditor, ConfirmScreen))

    plan = Journal.open(data_dir).get_single(FlarePlan)
    assert plan is not None and plan.warning_signs == "sore"


async def test_no_plan_yet_points_to_the_key_right_here(data_dir: Path) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")  # Today: a flare-up starts
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        view = app.screen
        assert isinstance(view, FlarePlanView)
        text = str(view.query_one("#plan-text", Static).content)
        assert text.startswith("Flare-ups pass.") and "press e to write one" in text
        assert "paceapp flare-plan" not in text and "Diary then p" not in text
        assert str(view.query_one("#edit", Button).label) == "Write my plan (e)"
        await pilot.press("k", "k")  # pocket size and back
        assert str(view.query_one("#plan-text", Static).content) == text
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, FlarePlanEditor)



@pytest.mark.parametrize(("day", "words"), [(date(2026, 11, 19), "Done for this week."),
                                            (date(2026, 11, 13), "Press k for this week's.")])
async def test_the_peg_line_does_not_ask_again_in_the_same_week(data_dir: Path, day: date,
                                                          words: str) -> None:
    Journal.open(data_dir).add(new_peg(5, 4, 6, day, TODAY))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = str(app.screen.query_one("#checkin-text", Static).content)
        assert f"Weekly check-in (PEG): 5.0 on {day:%a} {day.day} Nov. {words}" in text



async def test_field_form_title_reads_well_and_save_names_its_key(data_dir: Path) -> None:
    from paceapp.tui.screens.record_form import RecordForm

    plan = new_plan("walk", "10 minutes", "after lunch", 3, 8, date(2026, 11, 16))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(RecordForm(plan))
        await settle(app, pilot)
        assert str(app.screen.query_one(".section-title", Static).content) == \
            "Change an action plan"
        assert str(app.screen.query_one("#save", Button).label) == "Save (Enter)"



@pytest.mark.parametrize(("section", "key", "selector"), [
    ("1", "p", ".scores Button"),              # pain 0-10
    ("2", "s", "#quality-buttons > Button"),   # sleep quality 1-5
    ("4", "a", "PickButton"),                  # days a week, how sure
])
async def test_number_buttons_stay_on_screen_in_bad_day_mode(data_dir: Path, section: str, key: str,
                                                       selector: str) -> None:
    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("b", section)
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        buttons = list(app.screen.query(selector))
        assert buttons
        for button in buttons:
            region = button.region
            assert region.height == 1 and region.right <= 79, (str(button.label), region)
            assert len(str(button.label).strip()) <= region.width
        # rows do not overlap: each row's buttons share one line
        assert len({b.region.y for b in buttons}) == len({id(b.parent) for b in buttons})



@pytest.mark.parametrize(("section", "selector"), [("2", "#diary-buttons Button"),
                                                   ("4", ".goals-buttons Button")])
async def test_section_buttons_show_in_bad_day_mode(data_dir: Path, section: str, selector: str) -> None:
    """Bad-day buttons are 3 rows tall; a 1-row button line hid every label (mouse users had no
    actions left)."""
    two_plans(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("b", section)
        await settle(app, pilot)
        for button in app.screen.query(selector):
            region = button.region
            row = button.parent.region
            assert region.height == 3 and row.height >= 3, (str(button.label), row)
            assert region.right <= 80 and region.bottom <= 23
        await pilot.press("b")  # and back: one line each again
        await settle(app, pilot)
        assert {b.region.height for b in app.screen.query(selector)} == {1}



async def test_help_lists_our_keys_not_textual_editing_keys(data_dir: Path) -> None:
    two_plans(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "s")  # a form with boxes
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        text = str(app.screen.query_one("#help-text", Static).content)
        assert "Ctrl+S       Save" in text and "Esc          Cancel" in text
        assert "In a box, c and b are just letters" in text  # the cursor is in a box
        for noise in ("Delete character", "Select all", "Ctrl+W", "pageup", "Cursor up"):
            assert noise not in text
        await pilot.press("escape", "escape", "escape")
        await settle(app, pilot)
        await pilot.press("2", "f1")
        await settle(app, pilot)
        text = str(app.screen.query_one("#help-text", Static).content)
        assert "x / Delete   Delete" in text  # both keys, one line
        assert "↑ ↓" in text and "c            Colours" in text
        assert "just letters" not in text  # the list has the cursor, not a box
        await pilot.press("escape", "4", "r")
        await settle(app, pilot)
        if type(app.screen).__name__ != "ReviewForm":  # mid-week: "Review now, or on …?"
            await pilot.press("y")
            await settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewForm"
        await pilot.press("f1")
        await settle(app, pilot)
        text = str(app.screen.query_one("#help-text", Static).content)
        assert "c            Change" in text and "Colours" not in text  # c means Change here



async def test_after_reviewing_the_week_today_can_still_be_marked(data_dir: Path) -> None:
    walk, _stretch = two_plans(data_dir)

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "r")
        await settle(app, pilot)
        await pilot.press("y")  # review now (Saturday: the week ends on Sunday)
        await settle(app, pilot)
        await pilot.press("p", "enter")  # walk: partly (its next plan starts Monday)
        await settle(app, pilot)
        await pilot.press("escape")     # stop before the second review
        await settle(app, pilot)
        await pilot.press("1")
        await settle(app, pilot)
        card = str(app.screen.query_one("#goals-card-text", Static).content)
        assert "walk: 0 of 3 days this week (reviewed)" in card
        assert "walk: starts Mon 23 Nov" in card
        await pilot.press("g")
        await settle(app, pilot)
        await pilot.press("1")          # the picker: walk is first
        await settle(app, pilot)

    days = Journal.open(data_dir).list(GoalDay)
    assert [(d.plan_id, d.date) for d in days] == [(walk.id, TODAY)]


@pytest.mark.parametrize(("times", "words"), [
    ({}, "Last night is logged (very poor). To see time asleep, press s and add the times."),
    ({"tried": time(23, 0), "woke": time(6, 0)},   # time asleep, but no SE without bed/up
     "Last night: asleep 7 h 00 min, very poor. Press s to change it."),
])
async def test_sleep_card_for_a_night_without_all_the_times(data_dir: Path, times: dict,
                                                       words: str) -> None:
    Journal.open(data_dir).add(new_sleep(TODAY, TODAY, quality=Quality.VERY_POOR, **times))

    app = PaceApp(Journal.open(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = str(app.screen.query_one("#sleep-text", Static).content)
        assert text.splitlines()[0] == words
        assert "not enough to work out" not in text

