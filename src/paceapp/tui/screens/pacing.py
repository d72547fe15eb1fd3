"""Pacing: baselines (set, step up, restart, history), today's plan, the timer, and the signals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from paceapp.app import pacing as app_pacing
from paceapp.app.folder import Journal
from paceapp.app.pacing import PacingView, load_pacing_view
from paceapp.core.pacing import METHOD_SHORT, Baseline, PaceSettings, show_amount, step_refusal
from paceapp.core.pacing_period import next_planned
from paceapp.core.timeparse import local_now, show_date
from paceapp.outputs.pacing import next_step_text, plan_summary_lines
from paceapp.tui.list_table import ListTable
from paceapp.tui.screens.base import SectionScreen
from paceapp.tui.text import plain
from paceapp.tui.widgets import ActionButtons, bindings_of


class PacingScreen(SectionScreen):
    MODE = "pacing"
    BINDINGS = [
        Binding("n", "set_baseline", "Set baseline", id="pacing-set"),
        Binding("u", "step_up", "Step up", id="pacing-step"),
        Binding("r", "restart", "Restart lower", id="pacing-restart"),
        Binding("h", "history", "History", id="pacing-history"),
        Binding("l", "plan", "Plan today", id="pacing-plan"),
        Binding("t", "timer", "Timer", id="pacing-timer"),
        Binding("a", "log", "Log activity", id="pacing-log"),
        Binding("o", "settings", "Settings", show=False, id="pacing-settings"),
    ]
    CSS_PATH = "pacing.tcss"
    #: The buttons take one row when they fit, else two rows of four, else four rows of two
    #: (on one row the last ones were cut off).
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (72, "-narrow"), (120, "-wide")]

    view: PacingView | None = None
    first_show: bool = True

    def compose_body(self) -> ComposeResult:
        yield Static("Pacing", id="pacing-title", classes="section-title", markup=False)
        with VerticalScroll(id="pacing-body"):
            yield ListTable(id="baselines")
            yield Static("", id="pacing-hint", classes="hint", markup=False)
            yield ActionButtons(self, bindings_of(
                self, "pacing-set", "pacing-step", "pacing-restart", "pacing-history",
                "pacing-plan", "pacing-timer", "pacing-log", "pacing-settings"),
                compact=True, classes="pace-buttons")
            with Vertical(classes="card", id="plan-card"):
                yield Static("Today's plan", classes="card-title")
                yield Static("Loading…", id="plan-text", markup=False)
            with Vertical(classes="card", id="signals-card"):
                yield Static("Boom and bust (last 90 days)", classes="card-title")
                yield Static("Loading…", id="signals-text", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#baselines", DataTable)
        table.add_columns("Activity", "Baseline", "Method", "Next step", "Changed")
        table.focus()
        self.reload()

    def reload(self) -> None:
        today = local_now().date()
        self.query_one("#pacing-title", Static).update(f"Pacing · {show_date(today)}")
        journal = self.journal
        self.load_then(lambda: load_pacing_view(journal, today), self.show_view)

    def show_view(self, view: PacingView) -> None:
        self.view = view
        table = self.query_one("#baselines", DataTable)
        keep = table.cursor_row
        table.clear()
        for b in view.data.baselines:
            table.add_row(plain(b.name), plain(show_amount(b.amount, b.unit)),
                          plain(METHOD_SHORT.get(b.method, b.method)),
                          plain(next_step_text(b, view.today, view.data.flares)),
                          plain(show_date(b.changed.date(), view.today)), key=b.id)
        if not view.data.baselines:
            table.add_row(plain("No baselines yet"), plain("press n"), plain(""), plain(""),
                          plain(""), key="empty")
        elif self.first_show and view.day is not None and next_planned(view.day):
            # Start on the next planned activity, so t times what comes next.
            name = next_planned(view.day)[0]  # type: ignore[index]
            row = next(i for i, b in enumerate(view.data.baselines) if b.name == name)
            table.move_cursor(row=row)
        elif 0 <= keep < table.row_count:
            table.move_cursor(row=keep)
        self.first_show = False
        held = any("held" in next_step_text(b, view.today, view.data.flares)
                   for b in view.data.baselines)
        hint = ("A flare-up this week: step-ups are held. To build back up from a lower level, "
                "choose an activity and press r (restart)." if held else "")
        self.query_one("#pacing-hint", Static).update(hint)
        self.query_one("#pacing-hint", Static).display = bool(hint)
        self.query_one("#plan-text", Static).update("\n".join(self.plan_lines(view)))
        self.query_one("#signals-text", Static).update("\n".join(view.signal_text))

    @staticmethod
    def plan_lines(view: PacingView) -> list[str]:
        if view.day is None:
            return [f"! {view.problem}", "Press l to plan a lighter day."]
        return plan_summary_lines(view.day)

    # -- choosing -------------------------------------------------------------------------
    def selected(self) -> Baseline | None:
        if self.view is None or not self.view.data.baselines:
            self.notify("Set a baseline first: press n.")
            return None
        table = self.query_one("#baselines", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        found = next((b for b in self.view.data.baselines if b.id == key), None)
        if found is None:
            self.notify("Choose an activity in the list first (arrow keys or click).")
        return found

    # -- actions --------------------------------------------------------------------------
    def action_set_baseline(self) -> None:
        from paceapp.tui.screens.pacing_forms import BaselineForm, BaselineResult

        baselines = self.view.data.baselines if self.view else []
        current = None

        def saved(result: BaselineResult | None) -> None:
            if result is None:
                return

            def change(journal: Journal) -> app_pacing.BaselineSet:
                return app_pacing.set_baseline(
                    journal, result.name, result.method, result.inputs, now=local_now(),
                    unit=result.unit, step_pct=result.step_pct, step_days=result.step_days)

            def message(done: app_pacing.BaselineSet) -> str:
                b = done.baseline
                return (f"Saved: {b.name} baseline {show_amount(b.amount, b.unit)}. "
                        f"{done.working.text}")

            self.pace.save(change, message)

        self.app.push_screen(BaselineForm(baselines, current), saved)

    def action_step_up(self) -> None:
        baseline = self.selected()
        if baseline is None:
            return
        today = local_now().date()
        flares = self.view.data.flares if self.view else []
        reason = step_refusal(baseline, today, flares)
        if reason:
            extra = " Press r to restart lower." if "flare-up" in reason else ""
            self.notify(reason + extra, title="Holding steady", markup=False, timeout=12)
            return

        def change(journal: Journal) -> Baseline:
            return app_pacing.step_up_baseline(journal, baseline.name, now=local_now()).after

        self.pace.save(change, lambda b: f"Stepped up: {b.name} now "
                                         f"{show_amount(b.amount, b.unit)} at a time.")

    def action_restart(self) -> None:
        from paceapp.tui.screens.pacing_forms import RestartForm

        baseline = self.selected()
        if baseline is None:
            return

        def chosen(percent: int | None) -> None:
            if percent is None:
                return
            pct = None if percent < 0 else percent

            def change(journal: Journal) -> Baseline:
                return app_pacing.restart_baseline(journal, baseline.name, now=local_now(),
                                                   percent=pct).after

            self.pace.save(change, lambda b: f"Restarted: {b.name} at "
                                             f"{show_amount(b.amount, b.unit)} at a time.")

        self.app.push_screen(RestartForm(baseline), chosen)

    def action_history(self) -> None:
        from paceapp.tui.screens.pacing_forms import HistoryScreen

        baseline = self.selected()
        if baseline is not None:  # the whole history: every year's changes (small records)
            changes = app_pacing.load_changes(self.journal, baseline)
            self.app.push_screen(HistoryScreen(baseline, changes))

    def action_plan(self) -> None:
        from paceapp.tui.screens.pacing_forms import PlanForm, PlanResult

        if self.view is None:
            return
        view = self.view
        if not view.data.baselines:
            self.notify("Set a baseline first (press n): a plan is made of baselines.")
            return
        items = view.day.schedule.items if view.day else ()

        def saved(result: PlanResult | None) -> None:
            if result is None:
                return

            def change(journal: Journal) -> app_pacing.PlanSaved:
                return app_pacing.plan_day(journal, view.today, result.texts, today=view.today,
                                           as_default=result.as_default)

            which = "your usual plan" if result.as_default else "today's plan"
            self.pace.save(change, f"Saved {which}.")

        self.app.push_screen(PlanForm(view.data.baselines, items, view.today), saved)

    def action_timer(self) -> None:
        from paceapp.tui.screens.timer import open_timer

        baseline = self.selected()
        if baseline is None or self.view is None:
            return
        minutes: float | None = float(baseline.amount) if baseline.unit == "min" else None
        if self.view.day is not None:
            upcoming = next_planned(self.view.day)
            if upcoming and upcoming[0] == baseline.name and baseline.unit == "min":
                minutes = float(upcoming[1])
        open_timer(self.app, baseline.name, baseline.unit, minutes,
                   float(self.view.data.settings.rest_min), log_default=baseline.amount)

    def action_log(self) -> None:
        from paceapp.tui.screens.activity_form import ActivityForm, save_new_activity

        units = {b.name: b.unit for b in self.view.data.baselines} if self.view else {}
        if self.view:
            for log in self.view.data.logs:
                units.setdefault(log.name, log.unit)
        baseline = None
        if self.view and self.view.data.baselines:
            table = self.query_one("#baselines", DataTable)
            if self.focused is table:
                baseline = self.selected()

        def saved(log: object) -> None:
            from paceapp.core.pacing import ActivityLog

            if isinstance(log, ActivityLog):
                save_new_activity(self.pace, log)

        self.app.push_screen(ActivityForm(units=units, name=baseline.name if baseline else ""),
                             saved)

    def action_settings(self) -> None:
        from paceapp.tui.screens.pacing_forms import PaceSettingsForm

        settings = self.view.data.settings if self.view else PaceSettings()

        def saved(changed: object) -> None:
            if isinstance(changed, PaceSettings):
                changes = app_pacing.settings_changes(settings, changed)
                self.pace.save(lambda j: app_pacing.change_settings(j, changes, base=settings),
                               "Saved the pacing settings.")

        self.app.push_screen(PaceSettingsForm(settings), saved)
