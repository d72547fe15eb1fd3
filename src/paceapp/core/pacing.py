"""Pacing: activity baselines, gentle step-ups, day plans in chunks, and how a day went.

Domain facts (DOMAIN.md, Pacing):

- A **baseline** is how much of an activity (minutes, or a count such as stairs) can be done at a
  time on a good and a bad day without a flare. Three named methods:
  *3-day average - 20%* (mean of three tries x 0.8, the common PMP teaching), *good/bad average*
  ((good + bad) / 2) and *gentle* (50% of the comfortable most, as in ME/CFS pacing).
- Amounts are whole minutes or counts, **rounded half up** (20.5 -> 21, 20.4 -> 20), never below 1;
  the working is kept with the baseline so a person can check it.
- **Step-ups** raise by the step (10% by default) at most once per period (7 days by default),
  always by at least 1, and are held in a week with a flare-up. After a flare-up a **restart**
  lowers the baseline to the bad-day amount or a chosen percentage.
- A **day plan** lists activities in the order the person wants; each is split into equal chunks
  no longer than its baseline, with a rest between chunks.
- A **boom-and-bust signal** compares like with like: one go with the per-go baseline, a day's
  total with that day's plan (else the person's usual day of it); well above is 1.5x by default,
  followed within 48 hours by a pain rise (2 points over the recent median, by default) or a
  flare-up. The exact rules are in `core.pacing_review` and docs/figures.md.

Looking back (boom-and-bust signals, period summaries) is in `core.pacing_review`. Everything
here is pure: no I/O, no clock (callers pass `now` / `today`).
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.figures import decimal_text, whole
from paceapp.core.flare import had_flare_between, open_flare
from paceapp.core.pain import check_not_future
from paceapp.core.records import Record, utc_now
from paceapp.core.text import NOTE, SHORT, clean_text
from paceapp.core.timeparse import show_date, show_time
from paceapp.core.value import Value

if TYPE_CHECKING:
    from paceapp.core.flare import Flare

# -- units and limits ------------------------------------------------------------------------
UNITS = ("min", "count")
UNIT_WORDS = {"min": "min", "count": "times"}
#: The most one entry or baseline can hold: a whole day of minutes, or 10,000 of a count.
MAX_AMOUNT = {"min": 24 * 60, "count": 10_000}

METHODS = ("three-day", "good-bad", "gentle")
METHOD_NAMES = {
    "three-day": "3-day average - 20%",
    "good-bad": "good/bad average",
    "gentle": "gentle (50% of comfortable most)",
    "step": "step-up",
    "restart": "restart after a flare-up",
}

#: Short names for narrow tables.
METHOD_SHORT = {"three-day": "3-day average minus 20%", "good-bad": "good and bad day average",
                "gentle": "gentle 50%"}

#: Changes that change the amount (a "step-size" change does not).
AMOUNT_ACTIONS = ("set", "step", "restart")

DEFAULT_STEP_PCT = 10
DEFAULT_STEP_DAYS = 7
DEFAULT_RESTART_PCT = 50


def name_key(name: str) -> str:
    """How activity names are compared: case and spacing do not matter."""
    return " ".join(name.casefold().split())


def show_amount(amount: int | float, unit: str) -> str:
    """'12 min', '1 time', '30 times'."""
    if unit == "count":
        return f"{amount:g} time" if amount == 1 else f"{amount:g} times"
    return f"{amount:g} min"


def show_exact(value: Fraction, places: int = 2) -> str:
    """A worked number that adds up as shown: in full when it ends within `places` decimals
    ('20.5', '9.6', '13.25'), else cut (not rounded) after them with '…' ('12.33…', '9.86…'),
    so every digit shown is right and '…' says more follow."""
    scale = 10**places
    whole = math.floor(value * scale)
    text = f"{whole // scale}.{whole % scale:0{places}d}"
    if whole == value * scale:
        return text.rstrip("0").rstrip(".")
    return text + "…"


def show_one_decimal(value: Fraction) -> str:
    """A figure to one decimal, rounded once and half up from the exact value, without a
    trailing '.0' ('1.7', '2.5', '3'): `core.figures`' rule."""
    return decimal_text(value, 1).removesuffix(".0")


def round_half_up(value: Fraction) -> int:
    """Round as people do by hand: halves go up (20.5 -> 21); `core.figures.whole`."""
    return whole(value)


def check_unit(unit: str) -> str:
    cleaned = unit.strip().lower()
    aliases = {"minutes": "min", "mins": "min", "minute": "min", "m": "min", "counts": "count",
               "times": "count", "reps": "count"}
    cleaned = aliases.get(cleaned, cleaned)
    if cleaned not in UNITS:
        raise ValidationError(f"The unit must be 'min' (minutes) or 'count' (like stairs); "
                              f"'{unit}' is not one of those.", "unit")
    return cleaned


def check_amount(value: object, unit: str, field: str = "amount", label: str = "amount") -> int:
    """A whole amount above 0 and no more than a day of minutes (or 10,000 of a count)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"The {label} must be a whole number, like 15.", field)
    if value <= 0:
        raise ValidationError(f"The {label} must be more than 0; {value} is not.", field)
    most = MAX_AMOUNT[unit]
    if value > most:
        what = "a whole day" if unit == "min" else "the most paceapp keeps"
        raise ValidationError(f"The {label} is {value}: more than {what} "
                              f"({show_amount(most, unit)}). Please check the number.", field)
    return value


def check_name(name: str) -> str:
    return clean_text(name, "name", SHORT, required=True, label="activity name")


# -- baselines --------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class Working(Value):
    """A baseline worked out: the exact value, the rounded amount, and the sum in words."""

    method: str
    inputs: tuple[int, ...]
    exact: Fraction
    amount: int
    text: str


def _rounded(exact: Fraction, unit: str) -> tuple[int, str]:
    amount = max(1, round_half_up(exact))
    note = f"rounded to {show_amount(amount, unit)}" if amount != exact else (
        f"so {show_amount(amount, unit)}")
    if amount == 1 and exact < Fraction(1, 2):
        note = f"which is less than 1, so {show_amount(1, unit)} (the least paceapp sets)"
    return amount, note


def work_out(method: str, inputs: Sequence[int], unit: str = "min") -> Working:
    """Work out a baseline with one of the named methods (DOMAIN.md, Pacing).

    three-day: mean of three tries x 0.8; good-bad: (good + bad) / 2; gentle: most x 0.5.
    Every method's working has one form: the sum as typed, each step's exact result (cut with
    '…' when it goes on), then the whole amount, rounded once, half up, from the exact value.
    """
    unit = check_unit(unit)
    values = tuple(inputs)
    if method == "three-day":
        if len(values) != 3:
            raise ValidationError("The 3-day method needs three amounts, one for each try "
                                  "(like 20 25 30).", "inputs")
        for i, value in enumerate(values, 1):
            check_amount(value, unit, "inputs", f"amount for try {i}")
        mean = Fraction(sum(values), 3)
        exact = mean * Fraction(4, 5)
        amount, rounded = _rounded(exact, unit)
        text = (f"3-day average - 20%: ({' + '.join(map(str, values))}) ÷ 3 = "
                f"{show_exact(mean)}; × 0.8 = {show_exact(exact)}; {rounded}.")
    elif method == "good-bad":
        if len(values) != 2:
            raise ValidationError("The good/bad method needs two amounts: a good day's, then a "
                                  "bad day's (like 30 10).", "inputs")
        good, bad = values
        check_amount(good, unit, "inputs", "good-day amount")
        check_amount(bad, unit, "inputs", "bad-day amount")
        if bad > good:
            raise ValidationError(f"The bad-day amount ({bad}) is more than the good-day amount "
                                  f"({good}). Give the good day first, then the bad day.", "inputs")
        exact = Fraction(good + bad, 2)
        amount, rounded = _rounded(exact, unit)
        text = f"good/bad average: ({good} + {bad}) ÷ 2 = {show_exact(exact)}; {rounded}."
    elif method == "gentle":
        if len(values) != 1:
            raise ValidationError("The gentle method needs one amount: the most you can do "
                                  "comfortably.", "inputs")
        check_amount(values[0], unit, "inputs", "comfortable most")
        exact = Fraction(values[0], 2)
        amount, rounded = _rounded(exact, unit)
        text = f"gentle (50%): {values[0]} × 0.5 = {show_exact(exact)}; {rounded}."
    else:
        raise ValidationError(f"'{method}' is not a baseline method. Use one of: "
                              f"{', '.join(METHODS)}.", "method")
    return Working(method, values, exact, amount, text)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class BaselineChange(Record):
    """One change to a baseline: set (with a method), step, restart or a new step size.

    Stored apart from its baseline, one file per year (like logged activity), so a step-up
    writes one small record and "the baseline on day D" reads only the years it needs. Every
    field is fixed: a change is history, and `paceapp edit` may not rewrite it."""

    KIND: ClassVar[str] = "baselinechange"
    LABEL: ClassVar[str] = "baseline change"
    #: Part of its baseline's history, not an entry of its own: Today's list of what was logged
    #: today leaves it out (and reads no change file for it).
    PART_OF: ClassVar[str] = "baseline"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "at"
    FIXED_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"id", "created", "updated", "baseline_id", "at", "action", "method", "inputs", "amount",
         "working"})

    #: When it was made, to the microsecond: changes made in one minute (their `at`) keep the
    #: order they were made in.
    created: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))
    #: The id of the baseline it changed.
    baseline_id: str
    at: datetime
    action: str  # "set" | "step" | "restart" | "step-size"
    method: str
    inputs: tuple[int, ...] = ()
    amount: int
    working: str = ""

    @property
    def day(self) -> date:
        return self.at.date()

    def validate(self) -> None:
        if not self.baseline_id.strip():
            raise ValidationError("A baseline change needs the id of its baseline.",
                                  "baseline_id")
        if self.at.tzinfo is None:
            raise ValidationError("The time needs a UTC offset.", "at")
        if self.action not in CHANGE_ACTIONS:
            raise ValidationError(f"The action must be one of: {', '.join(CHANGE_ACTIONS)}.",
                                  "action")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise ValidationError("The amount must be a whole number above 0.", "amount")

    def summary(self) -> dict[str, str]:
        # The baseline's short id, as `show baseline` lists it: two baselines' changes made at
        # one moment (a restart after a flare-up) are told apart.
        return {"id": self.id[:8], "baseline": self.baseline_id[:8],
                "when": f"{show_date(self.day)} {show_time(self.at)}",
                "change": self.action, "amount": str(self.amount), "working": self.working}

    def order(self) -> tuple[datetime, datetime, str]:
        """A baseline's changes in the order they count: by time, then as made."""
        return (self.at, self.created, self.id)


#: What a change may be.
CHANGE_ACTIONS = ("set", "step", "restart", "step-size")

#: The fields of a change as `pace history --json` shows them (as before format 3).
CHANGE_FIELDS = ("at", "action", "method", "inputs", "amount", "working")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Baseline(Record):
    """How much of one activity to do at a time and how it was worked out. Its changes are
    `BaselineChange` records of their own; `changed` is when the amount last changed, so the
    list and Today need none of them."""

    KIND: ClassVar[str] = "baseline"
    LABEL: ClassVar[str] = "baseline"
    FIXED_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"id", "created", "updated", "changed", "method", "inputs", "amount", "step_pct",
         "step_days"})

    name: str
    unit: str = "min"
    #: The method last used to set it ("three-day", "good-bad", "gentle").
    method: str
    #: The amounts typed for that method.
    inputs: tuple[int, ...] = ()
    #: The amount now (after any step-ups or a restart).
    amount: int
    step_pct: int = DEFAULT_STEP_PCT
    step_days: int = DEFAULT_STEP_DAYS
    #: What can be done on a bad day, if known (the good/bad method gives it): used for a restart.
    bad_day: int | None = None
    #: When the amount last changed (set, step-up or restart): `amount` is in force from then.
    changed: datetime = dataclasses.field(default_factory=utc_now)

    @property
    def key(self) -> str:
        return name_key(self.name)

    def validate(self) -> None:
        if check_name(self.name) != self.name:
            raise ValidationError("The activity name has characters that cannot be stored.", "name")
        check_unit(self.unit)
        if self.method not in METHODS:
            raise ValidationError(f"The method must be one of: {', '.join(METHODS)}.", "method")
        check_amount(self.amount, self.unit, "amount", "baseline")
        check_step(self.step_pct, self.step_days)
        if self.bad_day is not None:
            check_amount(self.bad_day, self.unit, "bad_day", "bad-day amount")
        if self.changed.tzinfo is None:
            raise ValidationError("The time it last changed needs a UTC offset.", "changed")

    def next_step_day(self) -> date:
        return self.changed.date() + timedelta(days=self.step_days)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "activity": self.name,
                "baseline": show_amount(self.amount, self.unit),
                "method": METHOD_SHORT.get(self.method, self.method),
                "step": f"{self.step_pct}%/{self.step_days} d",
                "changed": show_date(self.changed.date())}

    def derived(self) -> dict[str, Any]:
        return {"next_step_amount": stepped_amount(self.amount, self.step_pct),
                "next_step_from": self.next_step_day().isoformat(),
                "method_name": METHOD_NAMES.get(self.method, self.method)}


def _latest_lookup(keys: Sequence[Any], amounts: Sequence[int]) -> tuple[list[Any], list[int]]:
    """A table for "the amount of the last change (in the given order) whose key is at or
    before K": the keys sorted, and for each the amount of the latest change among those up to
    it. Changes come in the order they count (`BaselineChange.order`), but a day key can still
    go back (times in different UTC offsets): this gives what a walk from the start gives."""
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    best: list[int] = []
    latest = -1
    for index in order:
        latest = max(latest, index)
        best.append(amounts[latest])
    return [keys[i] for i in order], best


class BaselineAmounts:
    """"The baseline in force" at a moment or on a day: a lookup (bisect), not a scan.

    Built from the baselines and the changes read for a period. A baseline's own record says
    what is in force from `changed` on (so a period after its last change needs no changes at
    all); before that, the latest of its changes at or before the moment counts (by time, then
    as made). Changes of a baseline not given (deleted) are ignored."""

    def __init__(self, baselines: Iterable[Baseline] = (),
                 changes: Iterable[BaselineChange] = ()) -> None:
        self._baselines = {b.id: b for b in baselines}
        mine: dict[str, list[BaselineChange]] = {}
        for change in changes:
            if change.baseline_id in self._baselines:
                mine.setdefault(change.baseline_id, []).append(change)
        self._changes = {key: sorted(found, key=BaselineChange.order)
                         for key, found in mine.items()}
        #: (baseline id, by day?) -> the sorted keys and the amount in force from each.
        self._tables: dict[tuple[str, bool], tuple[list[Any], list[int]]] = {}

    def at(self, baseline: Baseline, moment: datetime) -> int | None:
        """The baseline in force at `moment` (exact time; None before it was first set)."""
        if moment >= baseline.changed:
            return baseline.amount
        return self._lookup(baseline, moment, by_day=False)

    def on(self, baseline: Baseline, day: date) -> int | None:
        """The baseline in force at the end of `day` (None before it was first set)."""
        if day >= baseline.changed.date():
            return baseline.amount
        return self._lookup(baseline, day, by_day=True)

    def _lookup(self, baseline: Baseline, key: Any, *, by_day: bool) -> int | None:
        table = self._tables.get((baseline.id, by_day))
        if table is None:
            found = self._changes.get(baseline.id, [])
            table = self._tables[baseline.id, by_day] = _latest_lookup(
                [c.at.date() if by_day else c.at for c in found], [c.amount for c in found])
        keys, amounts = table
        index = bisect.bisect_right(keys, key)
        return amounts[index - 1] if index else None


def check_step(step_pct: int, step_days: int) -> None:
    if isinstance(step_pct, bool) or not isinstance(step_pct, int) or not 1 <= step_pct <= 50:
        raise ValidationError("The step must be a whole percentage from 1 to 50 (10 is usual).",
                              "step_pct")
    if isinstance(step_days, bool) or not isinstance(step_days, int) or not 1 <= step_days <= 60:
        raise ValidationError("The time between steps must be from 1 to 60 days (7 is usual).",
                              "step_days")


def set_baseline(name: str, method: str, inputs: Sequence[int], now: datetime, *,
                 unit: str = "min", existing: Baseline | None = None,
                 step_pct: int | None = None, step_days: int | None = None,
                 bad_day: int | None = None) -> tuple[Baseline, Working]:
    """A new baseline, or `existing` set again (see `set_baseline_change`)."""
    baseline, working, _change = set_baseline_change(
        name, method, inputs, now, unit=unit, existing=existing, step_pct=step_pct,
        step_days=step_days, bad_day=bad_day)
    return baseline, working


def set_baseline_change(name: str, method: str, inputs: Sequence[int], now: datetime, *,
                        unit: str = "min", existing: Baseline | None = None,
                        step_pct: int | None = None, step_days: int | None = None,
                        bad_day: int | None = None) -> tuple[Baseline, Working, BaselineChange]:
    """A new baseline, or `existing` set again (same id: its changes are kept), with the change
    record that says so. A new one is made at `now`."""
    name = check_name(name)
    unit = check_unit(unit)
    working = work_out(method, inputs, unit)
    if method == "good-bad":
        bad_day = working.inputs[1]
    elif bad_day is not None:
        check_amount(bad_day, unit, "bad_day", "bad-day amount")
    elif existing is not None and existing.unit == unit:
        bad_day = existing.bad_day
    identity: dict[str, Any] = ({"id": existing.id, "created": existing.created} if existing
                                else {"created": now.astimezone(UTC)})
    record = Baseline(
        name=name, unit=unit, method=method, inputs=working.inputs, amount=working.amount,
        step_pct=step_pct if step_pct is not None else (existing.step_pct if existing else 10),
        step_days=step_days if step_days is not None else (existing.step_days if existing else 7),
        bad_day=bad_day, changed=now, **identity)
    record.validate()
    change = BaselineChange(baseline_id=record.id, at=now, action="set", method=method,
                            inputs=working.inputs, amount=working.amount, working=working.text)
    change.validate()
    return record, working, change


def stepped_amount(amount: int, step_pct: int) -> int:
    """The amount after one step: + step%, rounded half up, and always at least 1 more."""
    return max(amount + 1, round_half_up(Fraction(amount) * (100 + step_pct) / 100))


def step_refusal(baseline: Baseline, today: date, flares: Sequence[Flare]) -> str | None:
    """Why a step-up cannot happen today (None when it can).

    Held in a week with a flare-up (any flare-up touching the last 7 days, or one still going),
    and at most once per period (counted from the last change).
    """
    week_start = today - timedelta(days=6)
    if open_flare(list(flares)) is not None or had_flare_between(list(flares), week_start, today):
        return (f"There was a flare-up in the last 7 days ({show_date(week_start)} - "
                f"{show_date(today)}), so {baseline.name} stays at "
                f"{show_amount(baseline.amount, baseline.unit)} for now. Holding steady is part "
                f"of pacing. When you feel ready, 'restart' can set a lower level to build back up "
                f"from.")
    allowed = baseline.next_step_day()
    if today < allowed:
        return (f"{baseline.name} last changed on {show_date(baseline.changed.date())}. Steps are "
                f"at most once every {baseline.step_days} days, so the next one can be from "
                f"{show_date(allowed)}.")
    return None


def step_up_change(baseline: Baseline, now: datetime, flares: Sequence[Flare]
                   ) -> tuple[Baseline, BaselineChange]:
    """The baseline raised by its step, with the change record that says so; ValidationError
    (with the reason) when it must wait."""
    reason = step_refusal(baseline, now.date(), flares)
    if reason:
        raise ValidationError(reason, "step")
    new = stepped_amount(baseline.amount, baseline.step_pct)
    exact = Fraction(baseline.amount) * (100 + baseline.step_pct) / 100
    text = (f"step-up: {baseline.amount} + {baseline.step_pct}% = {show_exact(exact)}; "
            f"{'so' if exact == new else 'rounded to'} {show_amount(new, baseline.unit)}")
    if new > round_half_up(exact):
        text += " (a step is always at least 1)"
    change = BaselineChange(baseline_id=baseline.id, at=now, action="step", method="step",
                            inputs=(baseline.amount,), amount=new, working=text + ".")
    return _with_change(baseline, change), change


def _with_change(baseline: Baseline, change: BaselineChange) -> Baseline:
    changed = dataclasses.replace(baseline, amount=change.amount, changed=change.at)
    changed.validate()
    change.validate()
    return changed


def restart_amount(baseline: Baseline, percent: int | None = None,
                   to: int | None = None) -> tuple[int, str]:
    """The lower level to restart from after a flare-up, and how it was chosen.

    `to` (an amount), else `percent` of now, else the bad-day amount when known and lower,
    else 50% of now. Never below 1; always below the current baseline (unless it is already 1).
    """
    unit = baseline.unit
    if to is not None:
        check_amount(to, unit, "to", "restart amount")
        if to >= baseline.amount:
            raise ValidationError(
                f"A restart is a lower level: {show_amount(to, unit)} is not below "
                f"{show_amount(baseline.amount, unit)}. To set a new baseline, use 'baseline'.",
                "to")
        return to, f"restart: chosen amount {show_amount(to, unit)}."
    if percent is None and baseline.bad_day is not None and baseline.bad_day < baseline.amount:
        return baseline.bad_day, (f"restart: the bad-day amount, "
                                  f"{show_amount(baseline.bad_day, unit)}.")
    pct = DEFAULT_RESTART_PCT if percent is None else percent
    if isinstance(pct, bool) or not isinstance(pct, int) or not 10 <= pct <= 90:
        raise ValidationError("The restart percentage must be a whole number from 10 to 90 "
                              "(50 means half of now).", "percent")
    exact = Fraction(baseline.amount * pct, 100)
    amount = max(1, round_half_up(exact))
    return amount, (f"restart: {pct}% of {baseline.amount} = {show_exact(exact)}; "
                    f"{'so' if exact == amount else 'rounded to'} {show_amount(amount, unit)}.")


def restart_change(baseline: Baseline, now: datetime, percent: int | None = None,
                   to: int | None = None) -> tuple[Baseline, BaselineChange]:
    """The baseline lowered to build back up after a flare-up, with the change record that says
    so."""
    amount, text = restart_amount(baseline, percent, to)
    change = BaselineChange(baseline_id=baseline.id, at=now, action="restart", method="restart",
                            inputs=(baseline.amount,), amount=amount, working=text)
    return _with_change(baseline, change), change


def step_size_change(baseline: Baseline, step_pct: int, step_days: int | None = None,
                     now: datetime | None = None) -> tuple[Baseline, BaselineChange | None]:
    """A new step size (and period), with the change record for the history (None when
    nothing changed or no `now` was given)."""
    days = baseline.step_days if step_days is None else step_days
    check_step(step_pct, days)
    change = None
    if now is not None and (step_pct, days) != (baseline.step_pct, baseline.step_days):
        change = BaselineChange(
            baseline_id=baseline.id, at=now, action="step-size", method="step-size",
            inputs=(step_pct, days), amount=baseline.amount,
            working=(f"step-ups changed from {baseline.step_pct}% every {baseline.step_days} days "
                     f"to {step_pct}% every {days} days."))
        change.validate()
    changed = dataclasses.replace(baseline, step_pct=step_pct, step_days=days)
    changed.validate()
    return changed, change


def find_activity(name: str, known: Iterable[str], what: str = "activity") -> str:
    """The known name matching `name` (ignoring case); ValidationError suggesting close ones."""
    names = {name_key(k): k for k in known}
    key = name_key(name)
    if key in names:
        return names[key]
    raise ValidationError(unknown_message(name, list(names.values()), what), "name")


def close_matches(name: str, known: Sequence[str]) -> list[str]:
    keys = {name_key(k): k for k in known}
    found = difflib.get_close_matches(name_key(name), list(keys), n=3, cutoff=0.8)
    starts = [k for k in keys if k.startswith(name_key(name)) and k not in found] if name else []
    return [keys[k] for k in [*found, *starts][:3]]


def unknown_message(name: str, known: Sequence[str], what: str = "activity") -> str:
    close = close_matches(name, known)
    text = f"There is no {what} called '{name.strip()}'."
    if close:
        text += " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif known:
        text += f" Known: {', '.join(sorted(known, key=str.casefold))}."
    else:
        text += " Set a baseline first, e.g. paceapp pace baseline walking --gentle 20."
    return text


# -- logged activity --------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ActivityLog(Record):
    """Some activity done: how much (minutes or a count) and when."""

    KIND: ClassVar[str] = "activity"
    LABEL: ClassVar[str] = "activity"
    PLURAL: ClassVar[str] = "activities"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "at"

    name: str
    amount: int
    at: datetime
    unit: str = "min"
    note: str = ""

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def key(self) -> str:
        return name_key(self.name)

    def validate(self) -> None:
        if check_name(self.name) != self.name:
            raise ValidationError("The activity name has characters that cannot be stored.", "name")
        check_unit(self.unit)
        check_amount(self.amount, self.unit, "amount", "amount")
        if self.at.tzinfo is None:
            raise ValidationError("The time needs a UTC offset.", "at")
        if clean_text(self.note, "note", NOTE, multiline=True) != self.note:
            raise ValidationError("The note has characters that cannot be stored.", "note")

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "when": f"{show_date(self.day)} {show_time(self.at)}",
                "activity": self.name, "amount": show_amount(self.amount, self.unit),
                "note": self.note}


def new_activity(name: str, amount: int, at: datetime, now: datetime, *, unit: str = "min",
                 note: str = "") -> ActivityLog:
    """Build and validate a logged activity from what the person typed."""
    name = check_name(name)
    unit = check_unit(unit)
    check_amount(amount, unit, "amount", "amount")
    check_not_future(at, now)
    log = ActivityLog(name=name, amount=amount, at=at, unit=unit,
                      note=clean_text(note, "note", NOTE, multiline=True))
    log.validate()
    return log


# -- plans and settings -----------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PlanItem(Value):
    """One activity in a day plan: the day's total amount (split into chunks)."""

    name: str
    amount: int


#: `date` under another name, for DayPlan (whose field `date` hides the type in its body).
_Date = date


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class DayPlan(Record):
    """The plan for one date: activities in the order the person wants to do them."""

    KIND: ClassVar[str] = "dayplan"
    LABEL: ClassVar[str] = "day plan"
    SHARDED: ClassVar[bool] = True
    DAY_FIELD: ClassVar[str] = "date"

    date: date
    items: tuple[PlanItem, ...] = ()

    @property
    def day(self) -> _Date:
        return self.date

    def validate(self) -> None:
        check_items(self.items)

    def summary(self) -> dict[str, str]:
        return {"id": self.id[:8], "date": show_date(self.date),
                "plan": ", ".join(f"{i.name} {i.amount}" for i in self.items) or "(a rest day)"}


def check_items(items: Sequence[PlanItem]) -> None:
    seen: set[str] = set()
    for item in items:
        check_name(item.name)
        if name_key(item.name) in seen:
            raise ValidationError(f"{item.name} is in the plan twice. Give each activity once, "
                                  "with the day's total.", "items")
        seen.add(name_key(item.name))
        check_amount(item.amount, "count", "items", f"amount for {item.name}")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PaceSettings(Record):
    """Pacing settings: signal thresholds, rests, the day budget, and the default plan."""

    KIND: ClassVar[str] = "pacesettings"
    LABEL: ClassVar[str] = "pacing settings"
    SINGLE: ClassVar[bool] = True

    #: A day counts as "well above" at this many times the plan/baseline (DOMAIN.md: 1.5x).
    boom_ratio: float = 1.5
    #: A pain rise is this many points over the recent median (DOMAIN.md: 2).
    pain_rise: int = 2
    #: How long after the busy day's activity to look for a pain rise or flare-up, in days of
    #: 24 hours of elapsed time (DOMAIN.md: 48 h); the same day counts.
    window_days: int = 2
    #: Days of pain scores before the busy day that make "your usual" (the median).
    median_days: int = 14
    #: Rest between chunks, minutes.
    rest_min: int = 10
    #: Optional spoon-style budget: the most planned minutes in a day (None: no budget).
    daily_budget: int | None = None
    #: Waking hours: a plan (chunks and rests) may not be longer than this.
    day_hours: int = 16
    #: The plan used on days without a plan of their own.
    default_plan: tuple[PlanItem, ...] = ()

    def validate(self) -> None:
        checks = (
            (1.1 <= self.boom_ratio <= 5, "boom_ratio", "The 'well above' level must be from 1.1 "
             "to 5 times the plan (1.5 is usual)."),
            (1 <= self.pain_rise <= 6, "pain_rise", "The pain rise must be from 1 to 6 points "
             "(2 is usual)."),
            (1 <= self.window_days <= 4, "window_days", "Days to look ahead must be 1 to 4 "
             "(2 is usual)."),
            (3 <= self.median_days <= 60, "median_days", "Days for 'your usual' pain must be 3 "
             "to 60 (14 is usual)."),
            (0 <= self.rest_min <= 240, "rest_min", "The rest must be from 0 to 240 minutes."),
            (self.daily_budget is None or 1 <= self.daily_budget <= 24 * 60, "daily_budget",
             "The day budget must be from 1 to 1440 minutes (or off)."),
            (4 <= self.day_hours <= 24, "day_hours", "The waking day must be 4 to 24 hours."),
        )
        for ok, name, message in checks:
            if not ok:
                raise ValidationError(message, name)
        check_items(self.default_plan)

    def summary(self) -> dict[str, str]:
        return {"well above": f"{self.boom_ratio:g}x", "pain rise": f"+{self.pain_rise}",
                "rest": f"{self.rest_min} min",
                "budget": f"{self.daily_budget} min" if self.daily_budget else "off"}


def parse_plan_items(texts: Sequence[str], baselines: Sequence[Baseline]) -> tuple[PlanItem, ...]:
    """Read 'walking:30 stairs reading:20' (a name alone means one chunk: its baseline)."""
    by_key = {b.key: b for b in baselines}
    items = []
    for text in texts:
        for part in (p for p in text.split(",") if p.strip()):
            name, sep, amount_text = part.rpartition(":")
            if not sep:
                name, amount_text = part, ""
            name = find_activity(name, [b.name for b in baselines], "activity with a baseline")
            baseline = by_key[name_key(name)]
            if amount_text.strip():
                try:
                    amount = int(amount_text.strip())
                except ValueError:
                    raise ValidationError(
                        f"'{amount_text.strip()}' is not a number. Write each activity like "
                        f"walking:30 (the day's total, in {UNIT_WORDS[baseline.unit]}).",
                        "items") from None
                check_amount(amount, baseline.unit, "items", f"amount for {baseline.name}")
            else:
                amount = baseline.amount
            items.append(PlanItem(name=baseline.name, amount=amount))
    check_items(items)
    return tuple(items)


@dataclass(frozen=True, eq=False, repr=False)
class Step(Value):
    """One line of a day's schedule: a chunk of an activity, or a rest."""

    kind: str  # "do" | "rest"
    name: str
    amount: int
    unit: str
    chunk: int = 0  # 1-based chunk number for "do"
    chunks: int = 0


@dataclass(frozen=True, eq=False, repr=False)
class Schedule(Value):
    """A day plan worked out: its steps, the minutes it takes, and any gentle notes."""

    date: date
    source: str  # "day" | "default" | "none"
    items: tuple[PlanItem, ...]
    steps: tuple[Step, ...]
    planned_min: int
    rest_min_total: int
    budget: int | None
    notes: tuple[str, ...]

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.planned_min > self.budget


def split_chunks(total: int, most: int) -> list[int]:
    """`total` in equal whole chunks, none longer than `most` (bigger ones first).

    30 with most 12 -> [10, 10, 10]; 25 with most 12 -> [9, 8, 8].
    """
    if total <= 0 or most <= 0:
        raise ValidationError("Amounts must be more than 0.", "amount")
    count = -(-total // most)
    size, extra = divmod(total, count)
    return [size + 1] * extra + [size] * (count - extra)


def build_schedule(day: date, items: Sequence[PlanItem], baselines: Sequence[Baseline],
                   settings: PaceSettings, source: str = "day", *, strict: bool = True) -> Schedule:
    """Split each planned activity into chunks no longer than its baseline, with rests between.

    Refuses a plan whose chunks and rests do not fit in the waking day (with `strict=False`, as
    when showing a stored plan after a baseline was lowered, it adds a note instead).
    """
    by_key = {b.key: b for b in baselines}
    steps: list[Step] = []
    planned = 0
    for item in items:
        baseline = by_key.get(name_key(item.name))
        if baseline is None:
            raise ValidationError(unknown_message(item.name, [b.name for b in baselines],
                                                  "activity with a baseline"), "items")
        chunks = split_chunks(item.amount, baseline.amount)
        for number, size in enumerate(chunks, 1):
            if steps:
                steps.append(Step("rest", "rest", settings.rest_min, "min"))
            steps.append(Step("do", baseline.name, size, baseline.unit, number, len(chunks)))
        if baseline.unit == "min":
            planned += item.amount
    rests = sum(s.amount for s in steps if s.kind == "rest")
    day_min = settings.day_hours * 60
    notes = []
    if planned + rests > day_min:
        too_long = (f"That plan needs {_hm(planned + rests)} ({_hm(planned)} of activity and "
                    f"{_hm(rests)} of rests), longer than your waking day of "
                    f"{settings.day_hours} hours.")
        if strict:
            raise ValidationError(too_long + " Please plan less for one day.", "items")
        notes.append(too_long + " You might plan less for this day.")
    if settings.daily_budget is not None and planned > settings.daily_budget:
        notes.append(f"This plan has {planned} min of activity, more than your day budget of "
                     f"{settings.daily_budget} min. You might move something to another day.")
    return Schedule(day, source, tuple(items), tuple(steps), planned, rests,
                    settings.daily_budget, tuple(notes))


def _hm(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def plan_for(day: date, plans: Sequence[DayPlan], settings: PaceSettings
             ) -> tuple[tuple[PlanItem, ...], str]:
    """The plan items for `day`: its own plan, else the default plan; and which it was."""
    for plan in plans:
        if plan.date == day:
            return plan.items, "day"
    if settings.default_plan:
        return settings.default_plan, "default"
    return (), "none"


# -- how a day went ---------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class ActivityDay(Value):
    """One activity on one day, like with like: the day's total against the day's plan, and
    each go against the baseline in force when it was logged (a baseline is per go, not per day).
    """

    name: str
    unit: str
    logged: int
    sessions: int
    baseline: int | None
    planned: int | None
    #: Goes with a baseline to compare (not before one was set), and how many of them were over it.
    compared: int = 0
    over: int = 0

    @property
    def reference(self) -> int | None:
        """What the day's total is compared with: the plan (None when not planned)."""
        return self.planned

    @property
    def reference_kind(self) -> str:
        return "plan"

    def goes_status(self) -> str:
        """'within baseline', 'over baseline', '1 of 3 goes over baseline', 'no baseline yet'."""
        if self.baseline is None and not self.compared:
            return "no baseline yet"
        if not self.compared:
            return "before a baseline was set" if self.sessions else "none yet"
        if self.compared == 1:
            return "over baseline" if self.over else "within baseline"
        if not self.over:
            return "every go within baseline"
        return f"{self.over} of {self.compared} goes over baseline"

    def status(self) -> str:
        """Plain words: 'on plan', '5 min to go', '8 min over plan'; without a plan, the goes."""
        ref = self.planned
        if ref is None:
            return self.goes_status()
        if self.logged == ref:
            return "on plan"
        if self.logged < ref:
            return f"{show_amount(ref - self.logged, self.unit)} to go"
        return f"{show_amount(self.logged - ref, self.unit)} over plan"


def day_activity(day: date, logs: Sequence[ActivityLog], baselines: Sequence[Baseline],
                 items: Sequence[PlanItem] = (), amounts: BaselineAmounts | None = None
                 ) -> list[ActivityDay]:
    """Each activity planned or logged on `day`: planned ones first, in plan order. `amounts`
    holds the baselines' changes around `day` (none needed when none changed since it began)."""
    amounts = amounts or BaselineAmounts(baselines)
    by_key = {b.key: b for b in baselines}
    planned = {name_key(i.name): i for i in items}
    logged: dict[str, list[ActivityLog]] = {}
    for log in logs:
        if log.day == day:
            logged.setdefault(log.key, []).append(log)
    order = [name_key(i.name) for i in items] + [k for k in logged if k not in planned]
    rows = []
    for key in order:
        baseline = by_key.get(key)
        entries = logged.get(key, [])
        item = planned.get(key)
        name = baseline.name if baseline else (item.name if item else entries[0].name)
        unit = baseline.unit if baseline else (entries[0].unit if entries else "min")
        limits = [(e.amount, amounts.at(baseline, e.at) if baseline else None)
                  for e in entries]
        compared = [(amount, most) for amount, most in limits if most is not None]
        rows.append(ActivityDay(name, unit, sum(e.amount for e in entries), len(entries),
                                amounts.on(baseline, day) if baseline else None,
                                item.amount if item else None, len(compared),
                                sum(1 for amount, most in compared if amount > most)))
    return rows


KINDS = (Baseline, BaselineChange, ActivityLog, DayPlan, PaceSettings)
