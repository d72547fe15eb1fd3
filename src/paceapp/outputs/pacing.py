"""Pacing as text, for the command line and the app: baselines, day plans, signals.

The functions here turn core results (read by `paceapp.app.pacing`) into plain lines, table rows
and JSON documents. No markup: callers show these as plain text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from paceapp.core.errors import ValidationError
from paceapp.core.flare import Flare
from paceapp.core.pacing import (
    CHANGE_FIELDS,
    METHOD_NAMES,
    METHOD_SHORT,
    METHODS,
    UNIT_WORDS,
    ActivityDay,
    Baseline,
    BaselineChange,
    PlanItem,
    Schedule,
    name_key,
    show_amount,
    step_refusal,
    stepped_amount,
    unknown_message,
    work_out,
)
from paceapp.core.pacing_period import DayView
from paceapp.core.timeparse import show_date, show_when

if TYPE_CHECKING:  # looking back is imported only when asked for (not on the way to Today)
    from paceapp.core.pacing_period import Insights
    from paceapp.core.pacing_review import BoomBust


# -- baselines --------------------------------------------------------------------------------
def next_step_text(baseline: Baseline, today: date, flares: list[Flare]) -> str:
    """'22 min from Mon 9 Nov', '22 min now', or 'held: flare-up this week'."""
    new = show_amount(stepped_amount(baseline.amount, baseline.step_pct), baseline.unit)
    reason = step_refusal(baseline, today, flares)
    if reason and "flare-up" in reason:
        return f"{new}, held (flare-up)"
    allowed = baseline.next_step_day()
    return f"{new} now" if allowed <= today else f"{new} from {show_date(allowed)}"


def baseline_rows(baselines: list[Baseline], today: date, flares: list[Flare]) -> list[dict[str, str]]:
    return [{"activity": b.name, "baseline": show_amount(b.amount, b.unit),
             "method": METHOD_SHORT.get(b.method, b.method), "unit": b.unit,
             "next step": next_step_text(b, today, flares),
             "changed": show_date(b.changed.date(), today)} for b in baselines]


def baseline_json(baseline: Baseline, today: date, flares: list[Flare]) -> dict[str, Any]:
    from paceapp.outputs.tables import record_json

    data = record_json(baseline)
    data["next_step"] = next_step_text(baseline, today, flares)
    data["step_held"] = step_refusal(baseline, today, flares)
    return data


def change_working(baseline: Baseline, change: BaselineChange) -> str:
    """The working for one change. A baseline set by a method is worked again from its inputs,
    so one stored before the workings were made to add up as shown reads the same as a new one."""
    if change.action == "set" and change.method in METHODS:
        try:
            fresh = work_out(change.method, change.inputs, baseline.unit)
        except ValidationError:
            return str(change.working)
        if fresh.amount == change.amount:
            return fresh.text
    return str(change.working)


def history_lines(baseline: Baseline, changes: Sequence[BaselineChange],
                  today: date | None = None) -> list[str]:
    """Every change, oldest first (by time, then as made), with its working."""
    words = {"set": "Set", "step": "Stepped up", "restart": "Restarted lower"}
    lines = []
    for change in sorted(changes, key=BaselineChange.order):
        when = show_when(change.at, today)
        if change.action == "step-size":
            lines.append(f"{when}  Changed the step - {change.working}")
            continue
        lines.append(f"{when}  {words.get(change.action, change.action)} to "
                     f"{show_amount(change.amount, baseline.unit)} - "
                     f"{change_working(baseline, change)}")
    return lines


def history_json(changes: Sequence[BaselineChange]) -> list[dict[str, Any]]:
    """`pace history --json`: the changes, oldest first, each with the fields a change had
    inside its baseline before format 3 (the same shape as then)."""
    from paceapp.core.codec import to_data

    out = []
    for change in sorted(changes, key=BaselineChange.order):
        data = to_data(change)
        out.append({name: data[name] for name in CHANGE_FIELDS})
    return out


def set_message(baseline: Baseline, working_text: str, again: bool) -> str:
    verb = "Changed" if again else "Set"
    return (f"{verb}: {baseline.name} baseline {show_amount(baseline.amount, baseline.unit)} at a "
            f"time, by {METHOD_NAMES[baseline.method]}.\nWorking: {working_text}")


# -- day plans --------------------------------------------------------------------------------
def schedule_lines(schedule: Schedule) -> list[str]:
    """The plan as numbered lines: chunks and rests, in order."""
    if not schedule.steps:
        return ["No plan for this day yet. Choose activities with: paceapp pace plan set "
                "walking:30  (with your own baselines' names, from paceapp pace list; or in "
                "the app: Pacing, then l)."]
    source = {"day": "the plan for this day", "default": "your usual plan"}[schedule.source]
    lines = [f"{show_date(schedule.date)} - {source}:"]
    number = 0
    for step in schedule.steps:
        if step.kind == "rest":
            lines.append(f"      rest {step.amount} min")
        else:
            number += 1
            part = f" (part {step.chunk} of {step.chunks})" if step.chunks > 1 else ""
            lines.append(f"  {number:>2}. {step.name} {show_amount(step.amount, step.unit)}{part}")
    total = f"Activity {schedule.planned_min} min, rests {schedule.rest_min_total} min"
    if schedule.budget is not None:
        total += f"; day budget {schedule.budget} min"
    lines.append(total + ".")
    lines += list(schedule.notes)
    return lines


def plan_summary_lines(view: DayView) -> list[str]:
    """The day's plan in a few lines: one per activity, with chunks, rests and what is done."""
    sched = view.schedule
    if not sched.steps:
        return ["No plan for today yet. Press l to choose activities, in the order you want."]
    done = {name_key(r.name): r for r in view.rows}
    lines = []
    for number, item in enumerate(sched.items, 1):
        chunks = [s for s in sched.steps
                  if s.kind == "do" and name_key(s.name) == name_key(item.name)]
        unit = chunks[0].unit
        low, high = min(c.amount for c in chunks), max(c.amount for c in chunks)
        size = show_amount(low, unit) if low == high else f"{low}-{high} {UNIT_WORDS[unit]}"
        goes = f"in {len(chunks)} goes of {size}" if len(chunks) > 1 else "in one go"
        row = done.get(name_key(item.name))
        status = f"; {show_amount(row.logged, unit)} done, {row.status()}" if row and row.logged \
            else ""
        lines.append(f"{number}. {item.name} {show_amount(item.amount, unit)} {goes}{status}")
    source = "your usual plan" if sched.source == "default" else "today's own plan"
    lines.append(f"Rest {sched.steps[1].amount if len(sched.steps) > 1 else 0} min between goes "
                 f"({source}). Activity {sched.planned_min} min"
                 + (f" of a {sched.budget} min budget." if sched.budget else "."))
    lines += list(sched.notes)
    extra = [r for r in view.rows if r.planned is None and r.logged]
    for row in extra:
        lines.append(f"Also: {row.name} {show_amount(row.logged, row.unit)} ({row.status()}).")
    return lines


def progress_rows(rows: list[ActivityDay]) -> list[dict[str, str]]:
    out = []
    for row in rows:
        out.append({"activity": row.name, "done": show_amount(row.logged, row.unit),
                    "sessions": str(row.sessions),
                    "planned": "-" if row.planned is None else show_amount(row.planned, row.unit),
                    "baseline": "-" if row.baseline is None else show_amount(row.baseline, row.unit),
                    "so far": row.status()})
    return out


def day_json(view: DayView) -> dict[str, Any]:
    sched = view.schedule
    return {
        "date": sched.date.isoformat(), "source": sched.source,
        "items": [dataclasses.asdict(i) for i in sched.items],
        "steps": [{"kind": s.kind, "name": s.name, "amount": s.amount, "unit": s.unit,
                   "chunk": s.chunk, "chunks": s.chunks} for s in sched.steps],
        "planned_min": sched.planned_min, "rest_min": sched.rest_min_total,
        "budget": sched.budget, "over_budget": sched.over_budget, "notes": list(sched.notes),
        "logged": [{"name": r.name, "unit": r.unit, "logged": r.logged, "sessions": r.sessions,
                    "planned": r.planned, "baseline": r.baseline, "status": r.status(),
                    "goes_compared": r.compared, "goes_over_baseline": r.over,
                    "goes": r.goes_status()}
                   for r in view.rows],
    }


def items_text(items: tuple[PlanItem, ...]) -> str:
    return ", ".join(f"{i.name}:{i.amount}" for i in items)


# -- signals and insights ---------------------------------------------------------------------
def signal_lines(review: BoomBust, today: date | None = None) -> list[str]:
    """Boom and bust in plain lines: what was found, what could not be told, and how."""
    from paceapp.core.pacing_review import boom_bust_lines

    return boom_bust_lines(review, today)


def activity_rows(result: Insights) -> list[dict[str, str]]:
    """Per activity over the period; the 'before a baseline' column only when any go was."""
    from paceapp.core.pacing_review import week_summary_rows

    data = result.data
    rows = week_summary_rows(data.baselines, data.logs, data.start, data.end,
                             data.amounts)
    if all(row["before a baseline"] == "0" for row in rows):
        rows = [{k: v for k, v in row.items() if k != "before a baseline"} for row in rows]
    return rows


def insights_lines(result: Insights, width: int | None = None) -> list[str]:
    from paceapp.outputs.tables import render_table

    lines = [result.summary.sentence(), ""]
    rows = activity_rows(result)
    if rows:
        lines += [render_table(rows, width), ""]
    lines += ["Boom and bust:"] + signal_lines(result.review, result.data.end)
    return lines


def wrap_lines(lines: list[str], width: int = 80) -> list[str]:
    """Long sentences folded to the terminal width, measured in terminal cells (a wide character
    counts two); '- ' items go on under their text; tables and short lines are left as they are."""
    from rich.cells import cell_len

    from paceapp.outputs.tables import wrap_cells

    out = []
    for line in lines:
        if cell_len(line) <= width or "  " in line.strip():
            out.append(line)
            continue
        if not line.startswith("- "):
            out += wrap_cells(line, width)
            continue
        flat = " ".join(line.split())
        first = wrap_cells(flat, width)[0]
        out.append(first)
        rest = flat[len(first):].strip()
        if rest:
            out += ["  " + part for part in wrap_cells(rest, max(width - 2, 2))]
    return out


def insights_json(result: Insights) -> dict[str, Any]:
    from paceapp.core.pacing_review import MIN_PAIN_SCORES, USUAL_DAYS, USUAL_MIN_DAYS, week_summary_rows

    data = result.data
    s = result.summary
    review = result.review
    return {
        "start": data.start.isoformat(), "end": data.end.isoformat(),
        "summary": {"sentence": s.sentence(), "days": s.days, "days_logged": s.days_logged,
                    "days_within": s.days_within, "days_before_baseline": s.days_before,
                    "sessions": s.sessions, "sessions_compared": s.sessions_compared,
                    "sessions_within": s.sessions_within,
                    "sessions_before_baseline": s.sessions_before,
                    "activities_with_baselines": s.activities_with_baselines},
        "activities": week_summary_rows(data.baselines, data.logs, data.start, data.end,
                                        data.amounts),
        "settings": {"boom_ratio": data.settings.boom_ratio, "pain_rise": data.settings.pain_rise,
                     "window_days": data.settings.window_days,
                     "window_hours": review.window_hours,
                     "median_days": data.settings.median_days,
                     "min_pain_scores": MIN_PAIN_SCORES, "usual_days": USUAL_DAYS,
                     "usual_min_days": USUAL_MIN_DAYS},
        "boom_bust": {"days_logged": review.days_logged, "days_compared": review.days_compared,
                      "busy_days": len(review.busy_days), "occasions": review.occasions,
                      "pattern": review.occasions >= 2, "too_few_to_tell": len(review.too_few),
                      "not_followed": len(review.not_followed),
                      "lines": signal_lines(review, data.end)},
        "signals": [sig.to_data(data.end) for sig in review.signals],
        "busy_days": [day.to_data(data.end) for day in review.busy_days],
    }


def unknown_log_name(name: str, known: list[str]) -> str:
    return (unknown_message(name, known) + f" To log a new activity called '{name.strip()}', "
            "add --new.")


def moment_text(moment: datetime) -> str:
    return show_when(moment)
