"""Goals: this week's action plans with days done, add/change, mark a day, the weekly review,
history, and longer goals with how far they have come.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.worker import WorkerFailed

from paceapp.app.folder import Journal
from paceapp.app.goals import (
    add_longer_goal,
    add_plan,
    change_plan,
    load_goals,
    mark_done,
    save_review,
    set_plan_status,
    set_week_starts,
)
from paceapp.core.errors import PaceError
from paceapp.core.goal_progress import longer_progress
from paceapp.core.goals import (
    OUTCOME_WORDS,
    PLAN_FIELDS,
    ActionPlan,
    GoalsView,
    LongerGoal,
    every_day_note,
    needs_smaller,
    plan_on_day,
    progress_words,
    review_is_early,
    smaller_suggestion,
    status_message,
    week_end,
)
from paceapp.core.settings import WEEKDAYS
from paceapp.core.timeparse import local_now, show_date
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of

#: Fixed widths for the Week, Sure and Status columns (their widest words). Fixed, not measured:
#: a measured column sometimes kept the width of the text it showed before (a plan marked done
#: then read "1 of 3 days" with its "✓ today" cut off), and it would grow with long text.
WIDTHS = {"Week": 21, "Sure": 5, "Status": 8}
#: Room those columns take (with each cell's padding, the scrollbar and the screen's edges): the
#: plan's name gets what is left, so the week's count stays in view on a narrow terminal (60
#: columns). The full plan is always shown under the list.
OTHER_COLUMNS = sum(WIDTHS.values()) + 2 * (len(WIDTHS) + 1) + 4
EMPTY = "No action plans yet - press a to add a small one."
#: The worker group of modal flows (a worker that waits for the person's answers on one
#: screen after another): tests that wait for the app's workers to finish leave these out.
FLOW_GROUP = "modal-flow"
#: The screen's buttons, rows of binding ids: each button says its binding's words and key.
#: Three to a row, so each row fits in 60 columns.
BUTTON_ROWS = (("goals-add", "goals-mark", "goals-review"),
               ("goals-change", "goals-pause", "goals-finish"),
               ("goals-history", "goals-longer", "goals-week-start"))


def what_width(screen_width: int) -> int:
    """How many characters of a plan's name fit in the list at this screen width (12-34)."""
    return max(12, min(34, screen_width - OTHER_COLUMNS))


def cut(text: str, width: int) -> str:
    """`text`, cut to `width` characters with an ellipsis when it is longer."""
    return text if len(text) <= width else text[:width - 1] + "…"


class GoalsScreen(SectionScreen):
    MODE = "goals"
    BINDINGS = [
        Binding("a", "add", "Add plan", id="goals-add"),
        Binding("m", "mark", "Day done", id="goals-mark"),
        Binding("r", "review", "Review week", id="goals-review"),
        Binding("e", "change", "Change", id="goals-change"),
        Binding("z", "pause", "Pause/resume", id="goals-pause"),
        Binding("g", "finish", "Finish plan", id="goals-finish"),
        Binding("l", "longer", "Longer goal", id="goals-longer"),
        Binding("h", "history", "History", id="goals-history"),
        Binding("w", "week_start", "Week starts", id="goals-week-start"),
    ]
    CSS_PATH = "goals.tcss"

    view: GoalsView | None = None
    showing_history = False

    def compose_body(self) -> ComposeResult:
        yield Static("Goals", id="goals-title", classes="section-title", markup=False)
        yield ListTable(id="plans")
        yield Static("", id="plan-detail", markup=False)
        yield Static("", id="longer-text", markup=False)
        for row in BUTTON_ROWS:
            yield ActionButtons(self, bindings_of(self, *row), compact=True,
                                classes="goals-buttons")

    def on_mount(self) -> None:
        table = self.query_one("#plans", DataTable)
        # Widths from the terminal's width when the screen opens.
        table.add_column("What", width=what_width(self.app.size.width))
        for label, width in WIDTHS.items():
            table.add_column(label, width=width)
        table.focus()  # arrow keys choose a plan straight away
        self.reload()

    # -- loading and showing ----------------------------------------------------------------
    def reload(self) -> None:
        journal = self.journal
        today = local_now().date()
        self.load_then(lambda: load_goals(journal, today), self.show_view)

    def show_view(self, view: GoalsView) -> None:
        self.view = view
        title = f"Goals · week from {show_date(view.week)}"
        if self.showing_history:
            title += " · history (h to go back)"
        self.query_one("#goals-title", Static).update(title)
        table = self.query_one("#plans", DataTable)
        chosen = self.selected()
        table.clear()
        plans = self.rows(view)
        for plan in plans:
            table.add_row(*[plain(cell) for cell in self.cells(view, plan)], key=plan.id)
        if not plans:
            # The detail line under the list says it in full.
            table.add_row(plain(cut(EMPTY, what_width(self.app.size.width))), plain(""),
                          plain(""), plain(""), key="empty")
        elif chosen is not None and chosen.id in {p.id for p in plans}:
            table.move_cursor(row=[p.id for p in plans].index(chosen.id))
        lines = [longer_progress(g, view.plans, view.days, view.reviews, view.today,
                                 view.week_starts).sentence()
                 for g in view.longer if g.status != "done" or self.showing_history]
        self.query_one("#longer-text", Static).update(
            ("Longer goals: " + "\n".join(lines)) if lines else
            "Longer goals: none yet (press l to add one, e.g. 'walk to the shop again').")
        self.show_detail()

    def rows(self, view: GoalsView) -> list[ActionPlan]:
        if self.showing_history:
            return sorted(view.plans, key=lambda p: (p.start, p.created), reverse=True)
        order = {"active": 0, "paused": 1}
        # A plan reviewed early stays with the active ones until its week ends.
        return sorted((p for p in view.plans if p.status in order or view.held(p)),
                      key=lambda p: (0 if view.held(p) else order[p.status], p.start, p.created))

    def cells(self, view: GoalsView, plan: ActionPlan) -> tuple[str, str, str, str]:
        what = plan.what + (f", {plan.how_much}" if plan.how_much else "")
        what = cut(what, what_width(self.app.size.width))  # the full plan is shown under the list
        if plan.status == "active" and plan.start > view.today:
            week = f"starts {show_date(plan.start)}"
        elif plan.status == "active":
            done, planned = view.progress(plan)
            week = f"{done} of {planned} days" + (" ✓ today" if view.marked_today(plan) else "")
        else:
            week = f"from {show_date(plan.start, view.today)}"
        review = view.review_of(plan)
        status = plan.status
        # Reviewed early: this week's days still show and count until the week ends.
        if view.held(plan) and not self.showing_history:
            done, planned = view.progress(plan)
            week = f"{done} of {planned} days" + (" ✓ today" if view.marked_today(plan) else "")
            status = "reviewed"
        elif review is not None:
            week = f"{show_date(review.week, view.today)}: {OUTCOME_WORDS[review.outcome]}"
        return what, week, f"{plan.confidence}/10", status

    def selected(self) -> ActionPlan | None:
        if self.view is None:
            return None
        table = self.query_one("#plans", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.view.plans if p.id == key), None)

    @on(DataTable.RowHighlighted, "#plans")
    def show_detail(self) -> None:
        view, plan = self.view, self.selected()
        detail = self.query_one("#plan-detail", Static)
        if view is None or plan is None:
            detail.update("Small steps count. Press a to add an action plan, r to review "
                          "the week.")
            return
        parts = [plan.describe() + f"; sure {plan.confidence}/10."]
        longer = view.longer_of(plan)
        if longer is not None:
            parts.append(f"Towards: {longer.what}.")
        review = view.review_of(plan)
        if review is not None:
            text = f"Reviewed: {OUTCOME_WORDS[review.outcome]}"
            if review.got_in_way:
                text += f"; in the way: {review.got_in_way}"
            parts.append(text + f"; next: {review.next_step}.")
            if view.held(plan):
                parts.append(progress_words(*view.progress(plan)) + " (days still count until "
                             f"{show_date(week_end(view.today, view.week_starts))}).")
        elif plan.status == "active" and plan.start <= view.today:
            parts.append(progress_words(*view.progress(plan)) + ".")
        if needs_smaller(plan.confidence) and plan.status == "active":
            parts.append("Below 7 out of 10: press e to make it smaller or easier, if you like.")
        elif every_day_note(plan.days_per_week) and plan.status == "active":
            parts.append(every_day_note(plan.days_per_week))
        detail.update(" ".join(parts))

    # -- actions ---------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#plans")
    def row_chosen(self) -> None:
        self.action_change()

    def action_add(self) -> None:
        self.add_plan_flow(self.view.longer if self.view else [])

    @work(exclusive=True, group=FLOW_GROUP)
    async def add_plan_flow(self, longer: list[LongerGoal]) -> None:
        """The plan form; once saved, below 7 out of 10, "make it smaller?"."""
        from paceapp.tui.screens.goal_form import GoalForm

        result = await self.app.push_screen_wait(GoalForm(longer=longer))
        if result is None:
            return
        plan = await self.save_and_wait(partial(add_plan, plan=result.plan,
                                                new_goal=result.new_goal))
        if plan is None:
            return
        self.notify(f"Saved: {result.plan.describe()}.", markup=False, timeout=4)
        self.pace.refresh_data()
        await self.offer_smaller(plan.plan)

    async def offer_smaller(self, plan: ActionPlan) -> None:
        """After saving: below 7, invite a smaller or easier plan (changeable in place). Awaited
        inside a modal flow."""
        if not needs_smaller(plan.confidence):
            return
        from paceapp.tui.screens.goal_form import SmallerForm

        changed = await self.app.push_screen_wait(SmallerForm(plan))
        if changed is None:
            self.notify("Kept as it is. You know best.", markup=False)
        else:
            message = f"Changed: {changed.describe()}; sure {changed.confidence}/10."
            self.pace.save(partial(change_plan, plan_id=plan.id, changes=plan_fields(changed),
                                   base=plan), message)

    def action_change(self) -> None:
        plan = self.selected()
        if plan is None:
            self.notify("Choose a plan in the list first (arrow keys or click).", markup=False)
            return
        from paceapp.tui.screens.goal_form import GoalForm, PlanFormResult

        def saved(result: PlanFormResult | None) -> None:
            if result is None:
                return
            changed, new_goal = result.plan, result.new_goal
            message = f"Changed: {changed.describe()}; sure {changed.confidence}/10."
            if needs_smaller(changed.confidence):
                message += " " + smaller_suggestion(changed.confidence)
            self.pace.save(lambda j: change_plan(j, plan.id, plan_fields(changed), base=plan,
                                                 new_goal=new_goal), message)

        self.app.push_screen(GoalForm(plan, longer=self.view.longer if self.view else []), saved)

    def action_mark(self) -> None:
        """Mark today done for the plan to act on: the chosen active row, the only active plan,
        or (several) the one the person picks."""
        view = self.view
        if view is None:
            return
        active = view.markable
        plan = self.selected()
        if plan is not None and plan not in active:  # next week's plan: this week's is its own
            plan = plan_on_day(plan, view.today, view.plans, view.reviews)
        if plan is not None and plan in active:
            self.mark(plan)
        elif len(active) == 1:
            self.mark(active[0])
        elif not active:
            self.notify("No active plan to mark yet. Press a to add one.", markup=False)
        else:
            notes = {p.id: progress_words(*view.progress(p))
                     + (", ✓ done today" if view.marked_today(p) else "") for p in active}
            self.pick_and_mark(active, notes)

    @work(exclusive=True, group=FLOW_GROUP)
    async def pick_and_mark(self, active: list[ActionPlan], notes: dict[str, str]) -> None:
        from paceapp.tui.screens.goal_pick import PlanPicker

        plan = await self.app.push_screen_wait(
            PlanPicker(active, "Which plan did you do today?", notes))
        if plan is not None:
            self.mark(plan)

    def mark(self, plan: ActionPlan) -> None:
        today = local_now().date()
        self.pace.save(partial(mark_done, plan_id=plan.id, day=today, today=today),
                       f"Marked today done: {plan.what}. Nice one.")

    def action_pause(self) -> None:
        plan = self.selected()
        if plan is None:
            self.notify("Choose a plan in the list first.", markup=False)
            return
        status = "active" if plan.status != "active" else "paused"
        self.pace.save(lambda j: set_plan_status(j, plan.id, status),
                       status_message(plan, status))

    def action_finish(self) -> None:
        plan = self.selected()
        if plan is None or plan.status == "done":
            self.notify("Choose an active or paused plan in the list first.", markup=False)
            return
        from paceapp.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.pace.save(lambda j: set_plan_status(j, plan.id, "done"),
                               status_message(plan, "done"))

        self.app.push_screen(ConfirmScreen(f"Finish this plan? It moves to history.\n"
                                           f"{plan.describe()}"), answered)

    def action_longer(self) -> None:
        from paceapp.tui.screens.goal_form import LongerGoalForm

        def saved(goal: LongerGoal | None) -> None:
            if goal is not None:
                self.pace.save(lambda j: add_longer_goal(j, goal), f"Saved longer goal: {goal.what}. "
                               "Link weekly plans to it when you add or change them.")

        self.app.push_screen(LongerGoalForm(), saved)

    def action_week_start(self) -> None:
        from paceapp.tui.screens.goal_week import WeekStartPicker

        def chosen(day: int | None) -> None:
            if day is not None:
                self.pace.save(lambda j: set_week_starts(j, day),
                               f"Weeks now start on {WEEKDAYS[day]}.")

        current = self.view.week_starts if self.view else 0
        self.app.push_screen(WeekStartPicker(current), chosen)

    def action_history(self) -> None:
        self.showing_history = not self.showing_history
        if self.view is not None:
            self.show_view(self.view)

    # -- the weekly review -----------------------------------------------------------------
    def action_review(self) -> None:
        view = self.view
        if view is None:
            return
        due = view.to_review
        if not due:
            self.notify("Nothing to review just now. Plans can be reviewed from the week they "
                        "start.", markup=False)
            return
        self.review_week(view, due)

    @work(exclusive=True, group=FLOW_GROUP)
    async def review_week(self, view: GoalsView, due: list[ActionPlan]) -> None:
        """Before the week's last day, "review now?"; then each plan due in turn: how it went,
        next week's plan when it is to change, and "make it smaller?" below 7 out of 10.
        Skipping a plan is fine; stopping leaves the rest as they are."""
        from paceapp.tui.screens.confirm import ConfirmScreen
        from paceapp.tui.screens.goal_form import GoalForm
        from paceapp.tui.screens.goal_review import SKIP, ReviewAnswer, ReviewForm

        if review_is_early(view.today, view.today, view.week_starts):
            last = show_date(week_end(view.today, view.week_starts))
            now = await self.app.push_screen_wait(ConfirmScreen(
                f"Review now, or on {last}?\nThis week runs until {last}. If you review now, "
                "this week's days still count and you can still mark them; next week's plan "
                "starts when this week ends.", yes="Review now", no=f"On {last}"))
            if not now:
                self.notify(f"Fine - nothing changed. Review it on {last} (press r then).",
                            markup=False)
                return
        for index, plan in enumerate(due):
            view = self.view or view
            done, planned = view.progress(plan)
            position = f"({index + 1} of {len(due)})" if len(due) > 1 else ""
            answer = await self.app.push_screen_wait(
                ReviewForm(plan, view.week, done, planned, position))
            if answer is None:
                self.notify("Stopped. Plans not reviewed carry on as they are.", markup=False)
                return
            if answer == SKIP or not isinstance(answer, ReviewAnswer):
                continue
            changes: dict[str, Any] | None = None
            new_goal: LongerGoal | None = None
            if answer.next_step == "change":
                result = await self.app.push_screen_wait(GoalForm(
                    plan, longer=view.longer, title="Next week's plan: change what you like"))
                if result is None:
                    self.notify("No changes: next week keeps the same plan.", markup=False)
                else:
                    changes, new_goal = plan_fields(result.plan), result.new_goal
            today = local_now().date()
            saved = await self.save_and_wait(partial(
                save_review, plan_id=plan.id, outcome=answer.outcome, today=today,
                got_in_way=answer.got_in_way, next_step=answer.next_step, changes=changes,
                new_goal=new_goal))
            if saved is None:
                return
            outcome, next_plan = saved.result.review.outcome, saved.result.next_plan
            text = f"Reviewed: {plan.what} - {OUTCOME_WORDS[outcome]}."
            if next_plan is not None:
                text += f" Next plan from {show_date(next_plan.start)}."
            else:
                text += " Paused for now."
            self.notify(text, markup=False, timeout=4)
            self.pace.refresh_data()
            if next_plan is not None:
                await self.offer_smaller(next_plan)
        self.notify("That's the review done. Well done for taking stock.", markup=False)

    async def save_and_wait(self, change: Callable[[Journal], Any]) -> Any:
        """`change(journal)` in a thread, awaited; None (and the problem told) when it fails."""
        journal = self.journal
        worker = self.run_worker(lambda: change(journal), thread=True, group="save",
                                 exit_on_error=False)
        try:
            return await worker.wait()
        except WorkerFailed as failed:
            if isinstance(failed.error, PaceError):
                self.pace.tell_problem(str(failed.error))
            else:
                self.log.error(failed.error)
                self.pace.tell_problem("That could not be saved. Nothing was changed.")
            return None


def plan_fields(plan: ActionPlan) -> dict[str, Any]:
    """The fields a person can change on a plan, as `plan` has them."""
    return {name: getattr(plan, name) for name in PLAN_FIELDS}
