"""The flare-up plan as text: in full (shown when a flare-up starts) and at pocket size.

The pocket plan is plain text no wider than 40 columns, to print and fold into a wallet
(e.g. ``paceapp flare-plan --pocket | lp -o cpi=12``). The person's own words only; the UK
contacts at the foot come from `core.safety`.
"""

from __future__ import annotations

import textwrap

from paceapp.core.flare import FlarePlan
from paceapp.core.text import strip_controls

POCKET_WIDTH = 40

NO_PLAN = ("You have not written a flare-up plan yet. When you feel well, write one: "
           "in the app, Diary then p (plan); or 'paceapp flare-plan --set FILE'.")


def _lines(text: str, width: int, indent: str = "") -> list[str]:
    """Each line the person wrote, wrapped to `width` (blank lines kept as one blank)."""
    out: list[str] = []
    for raw in strip_controls(text, keep_newlines=True).splitlines():
        line = raw.strip()
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        out.extend(textwrap.wrap(line, width=width, initial_indent=indent,
                                 subsequent_indent=" " * len(indent), break_long_words=True,
                                 break_on_hyphens=True) or [""])
    while out and not out[-1]:
        out.pop()
    return out


def plan_text(plan: FlarePlan | None, width: int = 78, *, title: bool = True) -> str:
    """The whole plan, heading by heading (empty sections are left out)."""
    if plan is None or plan.is_empty:
        return "\n".join(textwrap.wrap(NO_PLAN, width=width))
    out = ["My flare-up plan", ""] if title else []
    for heading, text in plan.sections():
        if not text.strip():
            continue
        out.append(heading)
        out.extend(_lines(text, width - 2, "  "))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def pocket_plan(plan: FlarePlan | None, width: int = POCKET_WIDTH) -> str:
    """The plan in a box at most `width` columns wide, ending with the UK help numbers."""
    inner = width - 4
    body: list[str] = ["MY FLARE-UP PLAN", ""]
    if plan is None or plan.is_empty:
        body += _lines(NO_PLAN, inner)
    else:
        for heading, text in plan.sections():
            if not text.strip():
                continue
            body += _lines(heading.upper(), inner)
            body += _lines(text, inner, "- ")
            body.append("")
    while body and not body[-1]:
        body.pop()
    body += ["", "Help: 999 emergency", "NHS 111 urgent", "Samaritans 116 123"]
    top = "+" + "-" * (width - 2) + "+"
    return "\n".join([top, *(f"| {line.ljust(inner)} |" for line in body), top]) + "\n"


def after_start_text(plan: FlarePlan | None, width: int = 78, *, title: bool = True) -> str:
    """What to show straight after a flare-up is logged: a kind word, then the plan."""
    intro = "Flare-ups pass. Here is the plan you wrote while you were well:"
    if plan is None or plan.is_empty:
        return "Flare-ups pass. Be kind to yourself.\n" + plan_text(plan, width)
    return intro + "\n\n" + plan_text(plan, width, title=title)
