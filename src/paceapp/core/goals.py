"""Goals as weekly action plans (Stanford self-management model, PMP goal setting).

An action plan is something the person wants, achievable this week: what, how much, when, how
often (days per week), with confidence 0-10. Below 7 the app invites making it smaller or easier;
it never blocks (DOMAIN.md, "Goals - action plans").

The model:

- An `ActionPlan` covers one week (or more, if its review is skipped: it simply carries on).
- Each day the person does it is a `GoalDay` (a missed day is simply not marked).
- A weekly `Review` says done / partly / not this time, what got in the way, and the next step:
  *keep* or *change* start next week's plan from this one (linked by `previous_id`, the old plan
  becomes "done"); *pause* pauses it. A review before the week's last day (the person chose
  "review now") ends the plan only when its week ends: until then it is still this week's plan,
  shown with its days and markable (`reviewed_week_holds`, `plans_this_week`), and next week's
  plan starts the day after the week's last day.
- A `LongerGoal` ("walk to the shop again by spring") holds the series of weekly plans.

No streaks and no "failed": progress is "days done this week" against the days planned. How goals
went over longer times (a longer goal's progress, goals over a period) is in `core.goal_progress`.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar, NamedTuple

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record, new_id, touched, utc_now
from paceapp.core.text import LINE, NOTE, SHORT, check_score, clean_text
from paceapp.core.timeparse import show_date, week_start
from paceapp.core.value import Value

#: Confidence from this number up is "confident enough"; below it the app suggests a smaller plan.
CONFIDENT_FROM = 7
STATUSES = ("active", "paused", "done")
OUTCOMES = ("done", "partly", "not-this-time")
NEXT_STEPS = ("keep", "change", "pause")
OUTCOME_WORDS = {"done": "done", "partly": "partly", "not-this-time": "not this time"}
NEXT_WORDS = {"keep": "keep it", "change": "change it", "pause": "pause it"}

SMALLER_SUGGESTION = (
    "Plans feel easier to keep when you are 7 or more out of 10 sure you can do them. "
    "Could you make this one a little smaller or easier - fewer days, less of it, or an easier "
    "time? It is saved as it is, so keeping it is fine too.")


EVERY_DAY_NOTE = ("Every day is a lot to keep up. A few days a week is often easier and leaves "
                  "room for bad days - keeping it as it is is fine too.")


def every_day_note(days_per_week: int) -> str:
    """A gentle note for a plan set for all 7 days (DOMAIN: how often, avoid "every day")."""
    return EVERY_DAY_NOTE if days_per_week >= 7 else ""


def needs_smaller(confidence: int) -> bool:
    """True when confidence is below 7: the app then invites a smaller or easier plan."""
    return confidence < CONFIDENT_FROM


def smaller_suggestion(confidence: int) -> str:
    """The kind invitation shown when confidence is below 7 ("" otherwise)."""
    if not needs_smaller(confidence):
        return ""
    return f"Your confidence is {confidence} out of 10. {SMALLER_SUGGESTION}"


def _check_text(value: str, field_name: str, label: str, limit: int = SHORT, *,
                required: bool = False) -> None:
    if clean_text(value, field_name, limit, required=required, label=label) != value:
        raise ValidationError(f"The {label} has characters that cannot be stored.", field_name)


def check_days_per_week(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 7:
        shown = value if isinstance(value, int) else f"'{value}'"
        raise ValidationError(
            f"Days per week must be from 1 to 7; {shown} is outside that. "
            "A few days a week is often easier to keep than every day.", "days_per_week")
    return value


def check_confidence(value: object) -> int:
    return check_score(value, "confidence", "confidence")


def check_choice(value: str, allowed: tuple[str, ...], field_name: str, label: str) -> str:
    cleaned = value.strip().lower().replace(" ", "-").replace("_", "-")
    if cleaned not in allowed:
        raise ValidationError(f"The {label} must be one of: {', '.join(allowed)}; "
                              f"'{value}' is not one of them.", field_name)
    return cleaned


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class LongerGoal(Record):
    """Something further off ("walk to the shop again by spring"), reached by weekly plans."""

    KIND: ClassVar[str] = "longgoal"
    LABEL: ClassVar[str] = "longer goal"

    what: str
    #: Free text: "by spring", "before my niece's wedding" (optional).
    by_when: str = ""
    start: date
    status: str = "active"
    note: str = ""

    @property
    def day(self) -> date:
        return self.start

    def validate(self) -> None:
        _check_text(self.what, "what", "longer goal", LINE, required=True)
        _check_text(self.by_when, "by_when", "'by when'")
        _check_text(self.note, "note", "note", NOTE)
        if self.status not in STATUSES:
            raise ValidationError(f"The status must be one of: {', '.join(STATUSES)}.", "status")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "longer goal": self.what, "by": self.by_when,
                "since": show_date(self.start), "status": self.status}


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ActionPlan(Record):
    """One week's action plan. `previous_id` links it to the plan it was carried on from."""

    KIND: ClassVar[str] = "goal"
    LABEL: ClassVar[str] = "action plan"

    what: str
    how_much: str = ""
    when: str = ""
    days_per_week: int
    confidence: int
    goal_id: str | None = None
    start: date
    status: str = "active"
    previous_id: str | None = None

    @property
    def day(self) -> date:
        return self.start

    def validate(self) -> None:
        _check_text(self.what, "what", "'what' of the plan", LINE, required=True)
        _check_text(self.how_much, "how_much", "'how much'")
        _check_text(self.when, "when", "'when'")
        check_days_per_week(self.days_per_week)
        check_confidence(self.confidence)
        if self.status not in STATUSES:
            raise ValidationError(f"The status must be one of: {', '.join(STATUSES)}; "
                                  f"'{self.status}' is not one of them.", "status")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "what": self.what, "how much": self.how_much,
                "when": self.when, "days/wk": str(self.days_per_week),
                "sure": f"{self.confidence}/10", "from": show_date(self.start),
                "status": self.status}

    def derived(self) -> dict[str, Any]:
        return {"needs_smaller": needs_smaller(self.confidence)}

    def describe(self) -> str:
        """'walk to the postbox, 10 minutes, after lunch, 3 days a week'."""
        days = "every day" if self.days_per_week == 7 else (
            f"{self.days_per_week} day{'s' if self.days_per_week != 1 else ''} a week")
        return ", ".join(p for p in (self.what, self.how_much, self.when, days) if p)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class GoalDay(Record):
    """A day the person did their plan. A missed day is simply not marked."""

    KIND: ClassVar[str] = "goalday"
    LABEL: ClassVar[str] = "action plan day"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    plan_id: str
    date: date
    #: The plan's "what" when the day was marked, so lists read well on their own.
    what: str = ""

    @property
    def day(self) -> datetime.date:  # (`date` here is the field)
        return self.date

    def validate(self) -> None:
        if not self.plan_id:
            raise ValidationError("Say which plan this day belongs to.", "plan_id")
        _check_text(self.what, "what", "'what'", LINE)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "when": show_date(self.date),
                "done": self.what or f"plan {self.plan_id[:8]}"}


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Review(Record):
    """The weekly review of one plan: how it went, what got in the way, and what next."""

    KIND: ClassVar[str] = "review"
    LABEL: ClassVar[str] = "weekly review"

    plan_id: str
    #: The first day of the week reviewed.
    week: date
    outcome: str
    got_in_way: str = ""
    next_step: str = "keep"
    note: str = ""
    #: The plan carried on from this one (keep / change), if any.
    next_plan_id: str | None = None

    @property
    def day(self) -> date:
        return self.week

    def validate(self) -> None:
        if not self.plan_id:
            raise ValidationError("Say which plan this review is about.", "plan_id")
        if self.outcome not in OUTCOMES:
            raise ValidationError(f"The outcome must be one of: {', '.join(OUTCOMES)}.", "outcome")
        if self.next_step not in NEXT_STEPS:
            raise ValidationError(f"The next step must be one of: {', '.join(NEXT_STEPS)}.",
                                  "next_step")
        _check_text(self.got_in_way, "got_in_way", "'what got in the way'", LINE)
        _check_text(self.note, "note", "note", NOTE)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "week from": show_date(self.week),
                "how it went": OUTCOME_WORDS.get(self.outcome, self.outcome),
                "in the way": self.got_in_way, "next": NEXT_WORDS.get(self.next_step, "")}


KINDS = (ActionPlan, LongerGoal, GoalDay, Review)


# -- building ------------------------------------------------------------------------------
def new_plan(what: str, how_much: str, when: str, days_per_week: int, confidence: int,
             start: date, goal_id: str | None = None, previous_id: str | None = None) -> ActionPlan:
    """Build and validate an action plan from what the person typed (text is cleaned)."""
    problems: list[tuple[str | None, str]] = []
    cleaned: dict[str, str] = {}
    for name, value, label, limit, required in (
            ("what", what, "'what' of the plan", LINE, True),
            ("how_much", how_much, "'how much'", SHORT, False),
            ("when", when, "'when'", SHORT, False)):
        try:
            cleaned[name] = clean_text(value, name, limit, required=required, label=label)
        except ValidationError as error:
            problems.append((name, str(error)))
    for check, number in ((check_days_per_week, days_per_week), (check_confidence, confidence)):
        try:
            check(number)
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError.many(problems)
    plan = ActionPlan(what=cleaned["what"], how_much=cleaned["how_much"], when=cleaned["when"],
                      days_per_week=days_per_week, confidence=confidence, start=start,
                      goal_id=goal_id, previous_id=previous_id)
    plan.validate()
    return plan


#: Fields a person may change on a plan (from the form, `goal change`, or a review's "change").
PLAN_FIELDS = ("what", "how_much", "when", "days_per_week", "confidence", "goal_id")


def change_plan(plan: ActionPlan, **changes: Any) -> ActionPlan:
    """A validated copy of `plan` with some of PLAN_FIELDS changed (text is cleaned)."""
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise ValidationError(f"'{sorted(unknown)[0]}' cannot be changed on an action plan.",
                              sorted(unknown)[0])
    values = {name: changes.get(name, getattr(plan, name)) for name in PLAN_FIELDS}
    built = new_plan(values["what"], values["how_much"], values["when"], values["days_per_week"],
                     values["confidence"], plan.start, values["goal_id"], plan.previous_id)
    return dataclasses.replace(plan, **{name: getattr(built, name) for name in PLAN_FIELDS})


def new_longer_goal(what: str, start: date, by_when: str = "", note: str = "") -> LongerGoal:
    goal = LongerGoal(what=clean_text(what, "what", LINE, required=True, label="longer goal"),
                      by_when=clean_text(by_when, "by_when", SHORT, label="'by when'"),
                      note=clean_text(note, "note", NOTE, multiline=True), start=start)
    goal.validate()
    return goal


def set_status(plan: ActionPlan, status: str, reviews: Iterable[Review] = ()) -> ActionPlan:
    """The plan with a new status (active, paused or done); unchanged if it already has it.

    A plan already carried on into a newer week's plan cannot be made active again: the newer
    plan is the one to carry on with (ValidationError names it).
    """
    status = check_choice(status, STATUSES, "status", "status")
    if plan.status == status:
        return plan
    if status == "active":
        carried = next((r for r in reviews if r.plan_id == plan.id and r.next_plan_id), None)
        if carried is not None and carried.next_plan_id:
            raise ValidationError(
                f"This plan was carried on into next week's plan (id {carried.next_plan_id[:8]}). "
                "Carry on with that one instead.", "status")
    return touched(plan, status=status)


def status_message(plan: ActionPlan, status: str) -> str:
    """What to tell the person after a status change (kind, never 'failed')."""
    if status == "paused":
        return f"Paused: {plan.what}. It is kept; resume it whenever suits you."
    if status == "done":
        return f"Finished: {plan.what}. Well done for giving it a go."
    return f"Active again: {plan.what}. Welcome back to it."


#: The status a review leaves its plan in, by next step.
_STATUS_AFTER = {"keep": "done", "change": "done", "pause": "paused"}


def reviewed_week_holds(plan: ActionPlan, day: date, reviews: Iterable[Review]) -> bool:
    """True when `plan` was reviewed for the week holding `day` and is still as that review left
    it (finished, or paused by it): the review ends the plan when that week ends, so the rest of
    the week still counts - its days done are shown and a day done after the review (say,
    Sunday's walk after Wednesday's review) can still be marked."""
    return plan.status != "active" and any(
        r.plan_id == plan.id and r.week <= day < r.week + timedelta(days=7)
        and _STATUS_AFTER.get(r.next_step) == plan.status for r in reviews)


def week_end(day: date, week_starts: int = 0) -> date:
    """The last day of the week holding `day` (weeks start on `week_starts`, 0 = Monday)."""
    return week_start(day, week_starts) + timedelta(days=6)


def review_is_early(week: date, today: date, week_starts: int = 0) -> bool:
    """True when the week holding `week` is this week and today is not yet its last day: the
    person is asked "review now, or on <last day>?" first."""
    return week_start(week, week_starts) == week_start(today, week_starts) \
        and today < week_end(today, week_starts)


def plans_this_week(plans: Iterable[ActionPlan], reviews: Iterable[Review], today: date
                    ) -> list[ActionPlan]:
    """The plans of the week holding `today`, oldest start first: active plans that have
    started, and plans reviewed for this week (a review early in the week never hides the week's
    progress). These are the plans a day can be marked on today."""
    reviews = list(reviews)
    found = [p for p in plans
             if (p.status == "active" and p.start <= today)
             or reviewed_week_holds(p, today, reviews)]
    return sorted(found, key=lambda p: (p.start, p.created))


def plan_on_day(plan: ActionPlan, day: date, plans: Iterable[ActionPlan],
                reviews: Iterable[Review]) -> ActionPlan:
    """The plan of `plan`'s series that `day` belongs to: after an early review, next week's
    plan has not started yet, so a day of this week goes to the plan it was carried on from."""
    by_id = {p.id: p for p in plans}
    reviews = list(reviews)
    seen = {plan.id}
    current = plan
    while day < current.start and current.previous_id in by_id \
            and current.previous_id not in seen:
        current = by_id[current.previous_id]
        seen.add(current.id)
        if reviewed_week_holds(current, day, reviews):
            return current
    return plan


def mark_day(plan: ActionPlan, day: date, today: date, existing: Iterable[GoalDay],
             reviews: Iterable[Review] = ()) -> GoalDay:
    """A GoalDay for `plan` on `day`, or a ValidationError saying why not (nothing stored)."""
    if day > today:
        raise ValidationError("That day has not come yet. Mark a day once you have done it.",
                              "date")
    if day < plan.start:
        raise ValidationError(f"That day is before this plan started ({show_date(plan.start)}).",
                              "date")
    if plan.status != "active" and not reviewed_week_holds(plan, day, reviews):
        state = "finished" if plan.status == "done" else plan.status
        raise ValidationError(
            f"This plan is {state}. Resume it first, or mark a day on an active plan.", "id")
    if any(d.plan_id == plan.id and d.date == day for d in existing):
        raise ValidationError(f"{show_date(day)} is already marked done for {plan.what}. "
                              "Nothing was changed.", "date")
    return GoalDay(plan_id=plan.id, date=day, what=plan.what)


# -- counting ------------------------------------------------------------------------------
def active_plans(plans: list[ActionPlan]) -> list[ActionPlan]:
    """Plans with status 'active', oldest start first."""
    return sorted((p for p in plans if p.status == "active"), key=lambda p: (p.start, p.created))


def days_in_week(plan: ActionPlan, days: Iterable[GoalDay], any_day: date,
                 week_starts: int = 0) -> list[date]:
    """Distinct days marked for `plan` in the week holding `any_day`.

    Days marked on the plan it was carried on from (`previous_id`) count too once this plan has
    started, so a review done mid-week loses nothing already marked.
    """
    first = week_start(any_day, week_starts)
    last = first + timedelta(days=6)
    found = {d.date for d in days
             if first <= d.date <= last and (
                 d.plan_id == plan.id
                 or (plan.previous_id is not None and d.plan_id == plan.previous_id
                     and d.date >= plan.start))}
    return sorted(found)


def progress_this_week(plan: ActionPlan, days: list[GoalDay], today: date,
                       week_starts: int = 0) -> tuple[int, int]:
    """(days done this week, days per week). Weeks start on `week_starts` (0 = Monday)."""
    return len(days_in_week(plan, days, today, week_starts)), plan.days_per_week


def progress_words(done: int, planned: int) -> str:
    """'2 of 3 days this week' - plain, no judgement."""
    text = f"{done} of {planned} day{'s' if planned != 1 else ''} this week"
    if done >= planned:
        text += " - that is the plan done"
    return text


# -- reviews -------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class ReviewResult(Value):
    """What a review changes: the review to add, the plan updated, the next plan (if any)."""

    review: Review
    plan: ActionPlan
    next_plan: ActionPlan | None


def review_plan(plan: ActionPlan, outcome: str, *, week: date, today: date, week_starts: int = 0,
                got_in_way: str = "", next_step: str = "keep", note: str = "",
                changes: dict[str, Any] | None = None,
                reviews: Iterable[Review] = ()) -> ReviewResult:
    """Review `plan` for the week holding `week`.

    keep / change: the plan is done and next week's plan starts from it (with `changes` applied);
    it starts the week after the one reviewed, or this week if that is already past.
    pause: the plan is paused. Raises ValidationError (nothing to store) when it cannot be done.
    """
    outcome = check_choice(outcome, OUTCOMES, "outcome", "outcome")
    next_step = check_choice(next_step, NEXT_STEPS, "next_step", "next step")
    if changes and next_step == "keep":
        next_step = "change"
    first = week_start(week, week_starts)
    this_week = week_start(today, week_starts)
    if plan.status == "done" or any(r.plan_id == plan.id for r in reviews):
        raise ValidationError(f"The plan '{plan.what}' has been reviewed or finished already. "
                              "Its next plan (if any) is in the list of plans.", "id")
    if first > this_week:
        raise ValidationError("That week has not started yet. Review a week once it is under way "
                              "or over.", "week")
    if first < week_start(plan.start, week_starts):
        raise ValidationError(
            f"That week is before this plan started ({show_date(plan.start)}).", "week")
    got_in_way = clean_text(got_in_way, "got_in_way", LINE, label="'what got in the way'")
    note = clean_text(note, "note", NOTE, multiline=True)
    next_plan = None
    if next_step == "pause":
        changed = touched(plan, status="paused")
    else:
        changed = touched(plan, status="done")
        start = max(first + timedelta(days=7), this_week)
        base = change_plan(plan, **(changes or {}))
        now = utc_now()
        next_plan = dataclasses.replace(base, id=new_id(), created=now, updated=now, start=start,
                                        status="active", previous_id=plan.id)
        next_plan.validate()
    review = Review(plan_id=plan.id, week=first, outcome=outcome, got_in_way=got_in_way,
                    next_step=next_step, note=note,
                    next_plan_id=next_plan.id if next_plan else None)
    review.validate()
    return ReviewResult(review, changed, next_plan)


def plans_to_review(plans: list[ActionPlan], reviews: Iterable[Review], today: date,
                    week_starts: int = 0) -> list[ActionPlan]:
    """Active plans that have started by this week and have no review yet."""
    reviewed = {r.plan_id for r in reviews}
    this_week = week_start(today, week_starts)
    return [p for p in active_plans(plans)
            if p.id not in reviewed and week_start(p.start, week_starts) <= this_week]


# -- series and longer goals ---------------------------------------------------------------
def chain_root(plan: ActionPlan, by_id: dict[str, ActionPlan]) -> ActionPlan:
    """The first plan of the series `plan` was carried on from."""
    seen = {plan.id}
    while plan.previous_id and plan.previous_id in by_id and plan.previous_id not in seen:
        plan = by_id[plan.previous_id]
        seen.add(plan.id)
    return plan


def series(plan: ActionPlan, plans: list[ActionPlan]) -> list[ActionPlan]:
    """Every plan in the same series as `plan`, oldest first."""
    by_id = {p.id: p for p in plans}
    root = chain_root(plan, by_id).id
    return sorted((p for p in plans if chain_root(p, by_id).id == root),
                  key=lambda p: (p.start, p.created))


# -- everything at one moment ---------------------------------------------------------------
class GoalsView(NamedTuple):
    """Everything about goals, read at one moment (`paceapp.app.goals.load_goals` reads it):
    what the Goals screen, the Today card and `paceapp goal ...` show."""

    today: date
    plans: list[ActionPlan]
    days: list[GoalDay]
    reviews: list[Review]
    longer: list[LongerGoal]
    week_starts: int

    @property
    def week(self) -> date:
        return week_start(self.today, self.week_starts)

    @property
    def active(self) -> list[ActionPlan]:
        return active_plans(self.plans)

    @property
    def markable(self) -> list[ActionPlan]:
        """Plans a day can be marked on today: active ones that have started, and ones
        reviewed for this week (the review ends a plan when its week ends; the rest of its week
        still counts)."""
        return plans_this_week(self.plans, self.reviews, self.today)

    def held(self, plan: ActionPlan) -> bool:
        """True for a plan reviewed early: its week is still under way, so it is still shown
        with this week's days and can still be marked."""
        return reviewed_week_holds(plan, self.today, self.reviews)

    @property
    def to_review(self) -> list[ActionPlan]:
        return plans_to_review(self.plans, self.reviews, self.today, self.week_starts)

    def progress(self, plan: ActionPlan, day: date | None = None) -> tuple[int, int]:
        """(days done, days planned) in the week holding `day` (default today)."""
        return progress_this_week(plan, self.days, day or self.today, self.week_starts)

    def marked_today(self, plan: ActionPlan) -> bool:
        return any(d.plan_id == plan.id and d.date == self.today for d in self.days)

    def review_of(self, plan: ActionPlan) -> Review | None:
        return next((r for r in self.reviews if r.plan_id == plan.id), None)

    def longer_of(self, plan: ActionPlan) -> LongerGoal | None:
        return next((g for g in self.longer if g.id == plan.goal_id), None)
