"""Looking back at pacing (pure): boom-and-bust signals and summaries over a period.

Boom and bust, like with like (DOMAIN.md, Pacing; the rules are in docs/figures.md):

- **One go** is compared with the per-go baseline in force at that moment (exact time).
- **A day's total** of one activity is compared with that day's plan when the activity is in it
  (the day's own plan, else the usual plan), else with the person's **usual day** of it: the median
  of the daily totals on the days it was logged in the `USUAL_DAYS` (28) days before, when it was
  logged on at least `USUAL_MIN_DAYS` (5) of them. Otherwise no claim is made about the day.
- "Well above" is at least `boom_ratio` (1.5) times, compared on exact values (fractions).
- **One window**: after the first busy go of the day (exact time) up to and including
  `window_days` x 24 hours of elapsed time after the last one; the same day counts. A **pain rise**
  is a score in the window at least `pain_rise` (2) points over the median of the scores in the
  `median_days` (14) days before the window. That needs `MIN_PAIN_SCORES` (3) scores before and one
  in the window; without them (and no flare-up) it is "too few pain scores to tell". A flare-up that
  started in the window counts on its own.
- A **pattern** needs two or more occasions (busy days followed by different harder times); one
  is described as a single occasion. The wording notices; it never blames.

Baselines, plans and the day's rows are in `core.pacing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from paceapp.core.figures import exact, median
from paceapp.core.pacing import (
    ActivityLog,
    Baseline,
    BaselineAmounts,
    DayPlan,
    PaceSettings,
    name_key,
    plan_for,
    show_exact,
    show_one_decimal,
)
from paceapp.core.timeparse import show_date, show_time
from paceapp.core.value import Value

if TYPE_CHECKING:
    from paceapp.core.flare import Flare
    from paceapp.core.pain import PainEntry

#: A usual day of an activity is worked out over this many days before the day.
USUAL_DAYS = 28
#: ... and only when the activity was logged on at least this many of them.
USUAL_MIN_DAYS = 5
#: The usual pain needs at least this many scores before the busy day.
MIN_PAIN_SCORES = 3


# -- small helpers ----------------------------------------------------------------------------
def median_of(values: Sequence[int | Fraction]) -> Fraction:
    """The exact median: the middle value, or halfway between the two middle ones."""
    found = median(values)
    if found is None:
        raise ValueError("no values")
    return found


def exact_ratio(value: float | int) -> Fraction:
    """A setting such as 1.5 as the exact fraction the person typed (3/2), not the float's."""
    return exact(value)


def amount_text(value: int | Fraction, unit: str) -> str:
    """'12 min', '22.5 min', '1 time', '7.5 times' (exact, as in show_exact)."""
    shown = show_exact(Fraction(value))
    if unit == "count":
        return f"{shown} time" if value == 1 else f"{shown} times"
    return f"{shown} min"


def times_text(ratio: Fraction) -> str:
    """'2.5 times', 'about 1.7 times': rounded once, half up, to one decimal; 'about' if rounded."""
    shown = show_one_decimal(ratio)
    return f"{shown} times" if Fraction(shown) == ratio else f"about {shown} times"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _dates(days: Sequence[date], today: date | None = None, most: int = 5) -> str:
    shown = ", ".join(show_date(d, today) for d in days[:most])
    return shown + (f" and {len(days) - most} more" if len(days) > most else "")


# -- boom-and-bust ----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class Usual(Value):
    """A usual day of one activity: the median daily total and what it rests on."""

    amount: Fraction
    days: int  # days the activity was logged in the look-back
    look_back: int = USUAL_DAYS


def usual_day(key: str, unit: str, day: date,
              totals: dict[date, dict[tuple[str, str], int]]) -> Usual | None:
    """The median of the daily totals of one activity over the `USUAL_DAYS` days before `day`,
    from the days it was logged; None when that is fewer than `USUAL_MIN_DAYS` days."""
    found = []
    for back in range(1, USUAL_DAYS + 1):
        amount = totals.get(day - timedelta(days=back), {}).get((key, unit), 0)
        if amount:
            found.append(amount)
    if len(found) < USUAL_MIN_DAYS:
        return None
    return Usual(median_of(found), len(found))


@dataclass(frozen=True, eq=False, repr=False)
class Busy(Value):
    """One thing well above what it is compared with: one go, or a day's total of one activity."""

    name: str
    unit: str
    #: "go" (one go vs the baseline), "plan" (the day's own plan), "usual plan", or "usual"
    #: (the usual day of this activity).
    kind: str
    logged: int
    reference: Fraction
    first: datetime  # the first go counted
    last: datetime  # the last go counted
    goes: int = 1  # for "go": how many goes were well above (logged is the longest)
    usual: Usual | None = None

    @property
    def ratio(self) -> Fraction:
        return Fraction(self.logged) / self.reference

    def text(self) -> str:
        """'Walking 50 min that day, about 1.7 times the 30 min in your usual plan'."""
        amount, ref = amount_text(self.logged, self.unit), amount_text(self.reference, self.unit)
        times = times_text(self.ratio)
        if self.kind == "go":
            if self.goes == 1:
                return f"{self.name} {amount} in one go, {times} your baseline of {ref} at a time"
            return f"{self.name} in {self.go_text()}"
        if self.kind == "usual" and self.usual is not None:
            return (f"{self.name} {amount} that day, {times} your usual day of {ref} (the "
                    f"median of your daily totals on the {self.usual.days} days you logged "
                    f"{self.name} in the {self.usual.look_back} days before)")
        where = "the plan for that day" if self.kind == "plan" else "your usual plan"
        return f"{self.name} {amount} that day, {times} the {ref} in {where}"

    def go_text(self) -> str:
        """A go finding after a day's total: 'one go of 22 min, 2.2 times your baseline of ...'."""
        amount, ref = amount_text(self.logged, self.unit), amount_text(self.reference, self.unit)
        times = times_text(self.ratio)
        if self.goes == 1:
            return f"one go of {amount}, {times} your baseline of {ref} at a time"
        return (f"{self.goes} goes over your baseline of {ref} at a time (the longest {amount}, "
                f"{times})")

    def to_data(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "kind": self.kind, "logged": self.logged,
                "reference": float(self.reference), "ratio": float(show_one_decimal(self.ratio)),
                "ratio_exact": str(self.ratio), "goes": self.goes,
                "usual_days": self.usual.days if self.usual else None}


@dataclass(frozen=True, eq=False, repr=False)
class PainRise(Value):
    at: datetime
    score: int
    usual: Fraction  # the median of the scores before
    scores_before: int
    look_back: int = 14  # the days those scores were taken from

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True, eq=False, repr=False)
class FlareAfter(Value):
    started: datetime
    peak: int | None


@dataclass(frozen=True, eq=False, repr=False)
class BusyDay(Value):
    """A day with something well above its plan, baseline or usual, and what came after it."""

    day: date
    found: tuple[Busy, ...]
    window_start: datetime
    window_end: datetime
    usual_pain: Fraction | None
    scores_before: int
    scores_after: int
    pain_rise: PainRise | None
    flare: FlareAfter | None

    @property
    def followed(self) -> bool:
        """Followed by a harder time: a pain rise or a flare-up in the window."""
        return self.pain_rise is not None or self.flare is not None

    @property
    def too_few(self) -> bool:
        """Not followed as far as is known, but too few pain scores to tell."""
        return not self.followed and (self.usual_pain is None or self.scores_after == 0)

    @property
    def outcome(self) -> str:
        if self.followed:
            return "followed"
        return "too few pain scores to tell" if self.too_few else "not followed"

    @property
    def bust_at(self) -> datetime | None:
        """When the harder time began (the earlier of the pain rise and the flare-up)."""
        moments = [m for m in (self.pain_rise.at if self.pain_rise else None,
                               self.flare.started if self.flare else None) if m is not None]
        return min(moments, key=_utc) if moments else None

    def _when(self, moment: datetime, today: date | None) -> str:
        if moment.date() == self.day:
            return f"later that day at {show_time(moment)}"
        return f"on {show_date(moment.date(), today)} at {show_time(moment)}"

    def text(self, today: date | None = None) -> str:
        """One or two calm sentences that notice what happened (never blame). Dates carry their
        year when it is not `today`'s."""
        clauses = []
        for busy in self.found:
            if busy.kind == "go" and any(o.kind != "go" and (o.name, o.unit) == (busy.name, busy.unit)
                                         for o in self.found):
                continue  # said with the day's total
            go = next((o for o in self.found if o.kind == "go" and busy.kind != "go"
                       and (o.name, o.unit) == (busy.name, busy.unit)), None)
            clauses.append(busy.text() + (f", with {go.go_text()}" if go else ""))
        first = f"On {show_date(self.day, today)}: " + "; ".join(clauses) + "."
        after = []
        if self.pain_rise:
            rise = self.pain_rise
            after.append(f"{self._when(rise.at, today)} pain reached {rise.score}/10 (your usual was "
                         f"{show_exact(rise.usual)}: the median of your {rise.scores_before} "
                         f"scores in the {rise.look_back} days before)")
        if self.flare:
            peak = f", peak {self.flare.peak}/10" if self.flare.peak is not None else ""
            after.append(f"{self._when(self.flare.started, today)} a flare-up started{peak}")
        if not after:
            return first
        return first + " Then " + " and ".join(after) + "."

    def to_data(self, today: date | None = None) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "busy": [b.to_data() for b in self.found],
            "window": {"from": self.window_start.isoformat(), "to": self.window_end.isoformat()},
            "usual_pain": None if self.usual_pain is None else float(self.usual_pain),
            "pain_scores_before": self.scores_before, "pain_scores_after": self.scores_after,
            "pain_rise": None if self.pain_rise is None else {
                "at": self.pain_rise.at.isoformat(), "date": self.pain_rise.day.isoformat(),
                "score": self.pain_rise.score, "usual": float(self.pain_rise.usual)},
            "flare": None if self.flare is None else {
                "started": self.flare.started.isoformat(), "peak": self.flare.peak},
            "outcome": self.outcome,
            "text": self.text(today),
        }


#: What earlier code called a signal: a busy day followed by a harder time.
Signal = BusyDay


@dataclass(frozen=True, eq=False, repr=False)
class BoomBust(Value):
    """Boom and bust over a period: every busy day and what it rests on."""

    start: date | None
    end: date | None
    settings: PaceSettings
    days_logged: int
    days_compared: int  # days where at least one day's total had a plan or a usual day
    busy_days: tuple[BusyDay, ...]

    @property
    def signals(self) -> list[BusyDay]:
        return [d for d in self.busy_days if d.followed]

    @property
    def too_few(self) -> list[BusyDay]:
        return [d for d in self.busy_days if d.too_few]

    @property
    def not_followed(self) -> list[BusyDay]:
        return [d for d in self.busy_days if not d.followed and not d.too_few]

    @property
    def occasions(self) -> int:
        """Busy days followed by different harder times (two busy days before one flare-up are
        one occasion): a pattern needs two or more."""
        return len({_utc(d.bust_at) for d in self.signals if d.bust_at is not None})

    @property
    def window_hours(self) -> int:
        return self.settings.window_days * 24


def _day_findings(day: date, logs: Sequence[ActivityLog], baselines: dict[str, Baseline],
                  items_source: tuple[tuple[Any, ...], str], ratio: Fraction,
                  totals: dict[date, dict[tuple[str, str], int]],
                  amounts: BaselineAmounts) -> tuple[list[Busy], bool]:
    """What on `day` was well above its reference, and whether any day's total was compared."""
    items, source = items_source
    planned = {name_key(i.name): i.amount for i in items}
    by_activity: dict[tuple[str, str], list[ActivityLog]] = {}
    for log in sorted(logs, key=lambda g: _utc(g.at)):
        by_activity.setdefault((log.key, log.unit), []).append(log)
    found: list[Busy] = []
    compared = False
    for (key, unit), goes in by_activity.items():
        name = baselines[key].name if key in baselines else goes[0].name
        baseline = baselines.get(key)
        # One go against the baseline in force at that moment.
        if baseline is not None and baseline.unit == unit:
            then = {g.id: amounts.at(baseline, g.at) for g in goes}
            over = [g for g in goes if (amount := then[g.id]) is not None
                    and g.amount >= ratio * amount]
            if over:
                longest = max(over, key=lambda g: Fraction(g.amount, then[g.id] or 1))
                found.append(Busy(name, unit, "go", longest.amount,
                                  Fraction(then[longest.id] or 1), over[0].at,
                                  over[-1].at, len(over)))
        # The day's total against the plan, else the usual day, else no claim.
        total = sum(g.amount for g in goes)
        reference: Fraction | None = None
        kind, usual = "", None
        if key in planned and baseline is not None and baseline.unit == unit:
            reference, kind = Fraction(planned[key]), ("plan" if source == "day" else "usual plan")
        else:
            usual = usual_day(key, unit, day, totals)
            if usual is not None:
                reference, kind = usual.amount, "usual"
        if reference is None:
            continue
        compared = True
        if total >= ratio * reference:
            found.append(Busy(name, unit, kind, total, reference, goes[0].at, goes[-1].at,
                              usual=usual))
    return found, compared


def review_boom_bust(logs: Sequence[ActivityLog], baselines: Sequence[Baseline],
                     pain: Sequence[PainEntry], flares: Sequence[Flare],
                     settings: PaceSettings | None = None, plans: Sequence[DayPlan] = (),
                     start: date | None = None, end: date | None = None,
                     amounts: BaselineAmounts | None = None) -> BoomBust:
    """Every busy day in [start, end] and what followed it (the rules: module docstring).

    `logs` may reach back before `start`: the `USUAL_DAYS` before each day make its usual day.
    `amounts` holds the baselines' changes over the period (none needed when none changed).
    """
    amounts = amounts or BaselineAmounts(baselines)
    settings = settings or PaceSettings()
    ratio = exact_ratio(settings.boom_ratio)
    by_key = {b.key: b for b in baselines}
    by_day: dict[date, list[ActivityLog]] = {}
    totals: dict[date, dict[tuple[str, str], int]] = {}
    for log in logs:
        day_totals = totals.setdefault(log.day, {})
        day_totals[(log.key, log.unit)] = day_totals.get((log.key, log.unit), 0) + log.amount
        if (start is None or log.day >= start) and (end is None or log.day <= end):
            by_day.setdefault(log.day, []).append(log)
    scores = sorted(((_utc(p.at), p) for p in pain), key=lambda pair: pair[0])
    window = timedelta(hours=settings.window_days * 24)
    look_back = timedelta(days=settings.median_days)
    busy_days = []
    compared_days = 0
    for day in sorted(by_day):
        found, compared = _day_findings(day, by_day[day], by_key,
                                        plan_for(day, plans, settings), ratio, totals, amounts)
        compared_days += compared
        if not found:
            continue
        opens = min((b.first for b in found), key=_utc)
        closes = max((b.last for b in found), key=_utc)
        w_start, w_end = _utc(opens), _utc(closes) + window
        before = [p.score for at, p in scores if w_start - look_back <= at < w_start]
        after = [p for at, p in scores if w_start < at <= w_end]
        usual = median_of(before) if len(before) >= MIN_PAIN_SCORES else None
        rise = None
        if usual is not None:
            rise = next((PainRise(p.at, p.score, usual, len(before),
                                   settings.median_days) for p in after
                         if p.score >= usual + settings.pain_rise), None)
        flare = next((FlareAfter(f.started, getattr(f, "peak", None))
                      for f in sorted(flares, key=lambda f: _utc(f.started))
                      if w_start < _utc(f.started) <= w_end), None)
        busy_days.append(BusyDay(day, tuple(found), opens, w_end.astimezone(opens.tzinfo),
                                 usual, len(before), len(after), rise, flare))
    return BoomBust(start, end, settings, len(by_day), compared_days, tuple(busy_days))


def detect_boom_bust(logs: Sequence[ActivityLog], baselines: Sequence[Baseline],
                     pain: Sequence[PainEntry], flares: Sequence[Flare],
                     settings: PaceSettings | None = None, plans: Sequence[DayPlan] = (),
                     start: date | None = None, end: date | None = None,
                     amounts: BaselineAmounts | None = None) -> list[BusyDay]:
    """Busy days followed by a pain rise or a flare-up (see `review_boom_bust`)."""
    return review_boom_bust(logs, baselines, pain, flares, settings, plans, start, end,
                            amounts).signals


def rule_text(settings: PaceSettings) -> str:
    """How boom and bust is looked for, in one plain sentence."""
    r = show_exact(exact_ratio(settings.boom_ratio))
    return (f"How this is worked out: one go at {r} times its baseline or more, or a day's total "
            f"at {r} times that day's plan (or, with no plan, your usual day: the median over the "
            f"{USUAL_DAYS} days before, from at least {USUAL_MIN_DAYS} days logged) or more; then, "
            f"after it and up to {settings.window_days * 24} hours later, a pain score "
            f"{settings.pain_rise} or more points above your usual (the median of your scores "
            f"in the {settings.median_days} days before, at least {MIN_PAIN_SCORES} of them) or a "
            f"flare-up.")


def boom_bust_lines(review: BoomBust, today: date | None = None) -> list[str]:
    """The boom-and-bust part of insights, in plain lines (no markup)."""
    hours = review.window_hours
    signals, few, quiet = review.signals, review.too_few, review.not_followed
    lines: list[str] = []
    if signals:
        occasions = review.occasions
        if occasions >= 2:
            lines.append(f"A pattern to notice: {occasions} times in this period, a busy day was "
                         f"followed by a harder time within {hours} hours. Busy days happen - "
                         "this is just something to see, not a mark against you.")
        else:
            lines.append(f"Once in this period, a busy day was followed by a harder time within "
                         f"{hours} hours - a single occasion, not a pattern. Busy days happen - "
                         "this is just something to see, not a mark against you.")
        lines += [f"- {signal.text(today)}" for signal in signals]
    elif not review.busy_days:
        lines.append("No boom-and-bust pattern found: no go or day in this period was well above "
                     "its baseline, plan or usual day.")
    elif quiet and not few:
        lines.append(f"No boom-and-bust pattern found: {_plural(len(quiet), 'busy day')} "
                     f"({_dates([d.day for d in quiet], today)}), none followed by a pain rise "
                     f"or a flare-up within {hours} hours.")
    if quiet and (signals or few):
        lines.append(f"No pain rise or flare-up followed {_plural(len(quiet), 'other busy day')} "
                     f"({_dates([d.day for d in quiet], today)}).")
    if few:
        lines.append(f"Too few pain scores to tell for {_plural(len(few), 'busy day')} "
                     f"({_dates([d.day for d in few], today)}): that needs {MIN_PAIN_SCORES} "
                     f"scores in the {review.settings.median_days} days before and one in the "
                     f"{hours} hours after.")
    skipped = review.days_logged - review.days_compared
    if review.days_logged and not review.days_compared:
        lines.append(f"No day's total could be compared: there was no plan and too little "
                     f"history for a usual day (that needs the activity logged on "
                     f"{USUAL_MIN_DAYS} of the {USUAL_DAYS} days before), so only single goes "
                     f"were compared.")
    elif skipped:
        lines.append(f"Days' totals were compared on {review.days_compared} of the "
                     f"{review.days_logged} days with activity logged; the other {skipped} had no "
                     f"plan and too little history for a usual day, so only single goes were "
                     f"compared on {'it' if skipped == 1 else 'them'}.")
    lines.append(rule_text(review.settings))
    return lines


# -- period summary ---------------------------------------------------------------------------
def go_status(log: ActivityLog, baseline: Baseline | None,
              amounts: BaselineAmounts | None = None) -> str:
    """'within' or 'over' the baseline in force when the go was logged (exact time), or
    'before' a baseline was set (or with none at all): never counted as within or over."""
    if baseline is None:
        return "before"
    amount = (amounts or BaselineAmounts((baseline,))).at(baseline, log.at)
    if amount is None:
        return "before"
    return "within" if log.amount <= amount else "over"


@dataclass(frozen=True, eq=False, repr=False)
class PacingSummary(Value):
    """Pacing over a period, with what it rests on."""

    start: date
    end: date
    activities_with_baselines: int
    days: int
    days_logged: int
    days_within: int
    sessions: int
    sessions_compared: int
    sessions_within: int
    #: Days whose goes were all from before a baseline was set (counted apart).
    days_before: int = 0

    @property
    def days_compared(self) -> int:
        return self.days_logged - self.days_before

    @property
    def sessions_before(self) -> int:
        return self.sessions - self.sessions_compared

    def sentence(self) -> str:
        period = f"{show_date(self.start, self.end)} – {show_date(self.end)}"
        count = self.activities_with_baselines
        bases = f"{count} activit{'y' if count == 1 else 'ies'} with baselines"
        if not self.days_logged:
            return f"Pacing: no activity logged {period} ({bases})."
        text = (f"Pacing, {period}: {bases}; activity logged on {self.days_logged} of "
                f"{_plural(self.days, 'day')}")
        if not self.days_before:
            return text + f", within baseline on {self.days_within} of them."
        before = (f"{_plural(self.days_before, 'day')} with only goes from before a baseline "
                  "was set")
        if not self.days_compared:
            return text + ", all before a baseline was set, so none to compare."
        return (text + f", within baseline on {self.days_within} of the "
                f"{_plural(self.days_compared, 'day')} with a baseline to compare ({before}, "
                f"not counted).")


def summarise_pacing(baselines: list[Baseline], logs: list[ActivityLog], start: date,
                     end: date, amounts: BaselineAmounts | None = None) -> PacingSummary:
    """Days with activity logged in [start, end], and on how many every go compared stayed
    within the baseline in force then (a baseline is how much to do at a time). Goes from before
    a baseline was set are counted apart (`go_status`), here and in `week_summary_rows`."""
    by_key = {b.key: b for b in baselines}
    amounts = amounts or BaselineAmounts(baselines)
    days: dict[date, list[str]] = {}
    sessions = compared = within = 0
    for log in logs:
        if not start <= log.day <= end:
            continue
        sessions += 1
        status = go_status(log, by_key.get(log.key), amounts)
        days.setdefault(log.day, []).append(status)
        if status != "before":
            compared += 1
            within += status == "within"
    days_within = sum(1 for s in days.values() if "within" in s and "over" not in s)
    days_before = sum(1 for s in days.values() if set(s) == {"before"})
    return PacingSummary(start, end, len(baselines), (end - start).days + 1,
                         len(days), days_within, sessions, compared, within, days_before)


def week_summary_rows(baselines: Sequence[Baseline], logs: Sequence[ActivityLog], start: date,
                      end: date, amounts: BaselineAmounts | None = None) -> list[dict[str, str]]:
    """Per activity over a period: goes, the average go, how many of the goes compared were
    within the baseline in force then, and how many were before a baseline was set."""
    by_key = {b.key: b for b in baselines}
    amounts = amounts or BaselineAmounts(baselines)
    grouped: dict[str, list[ActivityLog]] = {}
    for log in logs:
        if start <= log.day <= end:
            grouped.setdefault(log.key, []).append(log)
    rows = []
    for key in sorted(grouped):
        mine = grouped[key]
        baseline = by_key.get(key)
        statuses = [go_status(log, baseline, amounts) for log in mine]
        compared = sum(1 for s in statuses if s != "before")
        inside = statuses.count("within")
        unit = baseline.unit if baseline else mine[0].unit
        average = Fraction(sum(log.amount for log in mine), len(mine))
        rows.append({"activity": baseline.name if baseline else mine[0].name,
                     "sessions": str(len(mine)),
                     "average": amount_text(Fraction(show_one_decimal(average)), unit),
                     "within baseline": f"{inside} of {compared}" if compared else "-",
                     "before a baseline": str(statuses.count("before"))})
    return rows
