"""The flare-up plan as text: full, after a start, and pocket-size (at most 40 columns)."""

from __future__ import annotations

from paceapp.core.flare import new_plan
from paceapp.outputs.flare_plan import NO_PLAN, after_start_text, plan_text, pocket_plan


def test_pocket_plan_fits_40_columns_even_with_long_words() -> None:
    plan = new_plan(first_steps="Lie down\n" + "Supercalifragilisticexpialidocious" * 3,
                    get_help="Numb legs: 999 " * 20)
    text = pocket_plan(plan)
    lines = text.splitlines()
    assert all(len(line) == 40 for line in lines)
    assert lines[0] == "+" + "-" * 38 + "+" and lines[-1] == lines[0]
    assert "| FIRST STEPS" in text and "| - Lie down" in text
    assert "Early warning signs".upper() not in text          # empty parts are left out
    assert "| Samaritans 116 123" in text and "999 emergency" in text


def test_pocket_plan_other_widths_and_no_plan() -> None:
    text = pocket_plan(None, width=32)
    assert all(len(line) == 32 for line in text.splitlines())
    assert "| You have not written a" in text


def test_plan_text_keeps_the_persons_words_and_strips_controls() -> None:
    plan = new_plan(warning_signs="stiff neck\n\n\nshort temper", restart="[b]half[/b] my walk")
    text = plan_text(plan)
    assert text.startswith("My flare-up plan\n\nEarly warning signs\n  stiff neck\n\n  short temper")
    assert "[b]half[/b] my walk" in text
    assert "First steps" not in text


def test_after_start_text() -> None:
    assert after_start_text(new_plan(first_steps="rest")).startswith(
        "Flare-ups pass. Here is the plan you wrote while you were well:")
    assert NO_PLAN.split(".")[0] in after_start_text(None).replace("\n", " ")
