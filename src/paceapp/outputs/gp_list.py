"""The GP appointment list as plain text (`paceapp gp list`)."""

from __future__ import annotations

from datetime import date

from paceapp.core.gp import SHARED_DECISION_QUESTIONS, TOP, Appointment, ItemState, Medicine, when_text
from paceapp.core.timeparse import show_date
from paceapp.outputs.gp_sheet import wrap


def list_lines(current: Appointment | None, previous: Appointment | None,
               medicines: list[Medicine], today: date, width: int = 80) -> list[str]:
    """The list being prepared (concerns with the top ones starred, questions, what matters,
    medicines) and what was agreed last time, wrapped to `width`."""
    appt = current
    lines: list[str] = []
    if appt is None:
        lines += wrap("No GP appointment being prepared. Start one: paceapp gp date WHEN", width)
    else:
        who = f" with {appt.clinician}" if appt.clinician else ""
        lines += wrap(f"GP appointment: {when_text(appt, today)}{who}", width, "", "  ")
        for attr, title in (("concerns", f"Concerns (most important first; the top {TOP} stand "
                                         "out)"), ("questions", "Questions")):
            items = getattr(appt, attr)
            lines += ["", *wrap(title + ":", width)]
            if not items:
                lines.append("  (none yet)")
            shown = 0
            for number, item in enumerate(items, 1):
                mark = ""
                if item.state is not ItemState.DEALT:
                    shown += 1
                    mark = "*" if attr == "concerns" and shown <= TOP else ""
                state_words = "" if item.state is ItemState.OPEN else f" [{item.state.words}]"
                carried = (f" (carried over from {show_date(item.carried_from, today)})"
                           if item.carried_from else "")
                lines += wrap(f"{item.text}{state_words}{carried}", width, f"{mark:>2}{number:>2}. ",
                              "      ")
                if item.detail:
                    lines += wrap(item.detail, width, "      ")
        lines += ["", "What matters to me:", *(wrap(appt.what_matters, width, "  ")
                                              if appt.what_matters else ["  (not written yet)"])]
        if appt.tried:
            lines += ["", "What else I do or have tried:", *wrap(appt.tried, width, "  ")]
        have = {q.text.casefold() for q in appt.questions}
        if not all(q.casefold() in have for q in SHARED_DECISION_QUESTIONS):
            lines += ["", *wrap("Tip: 'paceapp gp question shared' adds three questions "
                                "that help you and your GP decide together (What are my "
                                "options? ...), only if you want them.", width)]
    lines += ["", "Medicines:"]
    if not medicines:
        lines += wrap("(none yet: paceapp gp med add NAME --dose ... --how-often ...)", width,
                      "  ", "   ")
    for number, med in enumerate(medicines, 1):
        parts = ", ".join(p for p in (med.dose, med.how_often) if p)
        text = med.name + (f": {parts}" if parts else "")
        if med.what_for:
            text += f". For: {med.what_for}"
        if med.worries:
            text += f". Worries: {med.worries}"
        lines += wrap(text, width, f"  {number:>2}. ", "      ")
    if previous is not None:
        lines += ["", *wrap(f"Last appointment: {when_text(previous, today)}", width, "", "  ")]
        if previous.outcome:
            lines += wrap(f"We agreed: {previous.outcome}", width, "  ")
    return lines
