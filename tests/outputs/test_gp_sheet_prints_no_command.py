"""The GP sheet is read by a GP on paper: when it is shortened to fit one page it says the rest
is on the person's list at home, and never prints a command (issue 18, item 11)."""

from __future__ import annotations

import re

import pytest

from paceapp.app.gp import load_sheet as load_inputs
from paceapp.core.gp import GpItem
from paceapp.core.gp_sheet import MORE_AT_HOME
from paceapp.outputs.gp_html import render_html
from paceapp.outputs.gp_pdf import CLIPPED, render_pdf
from paceapp.outputs.gp_sheet import render_markdown, render_text
from paceapp.store.journal import Journal
from tests.outputs.test_gp_sheet import TODAY, fill, long_list, pdf_text

#: Anything that reads like a command to type: the program's name, an option, a shell prompt.
COMMAND = re.compile(r"\bpaceapp\s+[a-z]|(?<![\w-])--[a-z]|^\s*\$\s", re.MULTILINE)


def sheets(journal: Journal) -> dict[str, str]:
    inputs = load_inputs(journal, TODAY)
    return {"text": render_text(inputs), "markdown": render_markdown(inputs),
            "html": re.sub(r"<[^>]+>", " ", render_html(inputs)),
            "pdf": pdf_text(render_pdf(inputs)[0])[1]}


@pytest.mark.parametrize("how", ["long list", "many concerns"])
def test_a_shortened_sheet_points_to_the_list_at_home_not_a_command(journal: Journal,
                                                                    how: str) -> None:
    if how == "long list":
        long_list(journal)
    else:
        fill(journal, concerns=[GpItem(text=f"Worry number {n}", detail="d " * 40)
                              for n in range(20)])
    for name, text in sheets(journal).items():
        flat = " ".join(text.split())
        assert "Shortened to fit one page" in flat, name
        assert MORE_AT_HOME in flat, name
        assert not COMMAND.search(text), (name, COMMAND.search(text))


def test_a_sheet_in_full_prints_no_command_either(journal: Journal) -> None:
    fill(journal)
    for name, text in sheets(journal).items():
        assert "Shortened" not in text, name
        assert not COMMAND.search(text), name


def test_a_list_cut_by_the_page_says_so_without_a_command() -> None:
    assert not COMMAND.search(CLIPPED) and "at home" in CLIPPED
