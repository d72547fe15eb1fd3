"""The assessment summary's PDF read back with a real parser (pypdf): at most two A4 pages, the
full Unicode text of the person's words, shortening stated when the words must be cut, and the
help with forms always on it. Also Markdown escaping and the no-judgement wording of every output."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pypdf
import pytest

from paceapp.core.day import DayRecord, Difficulty, HardActivity, Rating
from paceapp.core.evidence import EvidencePeriod, build_evidence
from paceapp.outputs.evidence import SHORTENING, render_markdown, render_text, shortened_note
from paceapp.outputs.evidence_pdf import CLIPPED, render_pdf

TODAY = date(2026, 11, 21)
PERIOD = EvidencePeriod(TODAY - timedelta(days=83), TODAY, "the last 12 weeks")
A4 = (595.28, 841.89)  # points
WORDS = "Zoë's ✓ café — “arms” would not lift; ½ ‘ok’ … Łódź"


def read(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def records(days: int, activities: int, words: str = WORDS) -> list[DayRecord]:
    hows = list(Difficulty)
    return [DayRecord(date=TODAY - timedelta(days=i), rating=list(Rating)[i % 3],
                      hard=tuple(HardActivity(activity=f"Activity {a + 1}", how=hows[(i + a) % 3],
                                              words=f"{words} ({i})")
                                 for a in range(activities)))
            for i in range(days)]


def check_pages(reader: pypdf.PdfReader) -> None:
    assert 1 <= len(reader.pages) <= 2
    for number, page in enumerate(reader.pages, 1):
        assert f"Page {number} of {len(reader.pages)}" in page.extract_text()
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4


def test_a_short_summary_in_full_with_unicode_words() -> None:
    ev = build_evidence(records(3, 2), PERIOD, TODAY, ["Activity 1"])
    data, level = render_pdf(ev)
    reader, text = read(data)
    check_pages(reader)
    assert level == 0 and "Shortened" not in text
    assert WORDS in text  # every character of the person's words, as typed
    # a character the bundled font lacks is shown as a box, never dropped silently
    _reader, boxed = read(render_pdf(build_evidence(records(1, 1, "痛い ok"), PERIOD, TODAY))[0])
    assert "□□ ok" in boxed
    assert "Activity 1: hard on 3 of 3 days logged; 81 days not logged" in text
    assert "citizensadvice.org.uk" in text and "0800 144 8848" in text
    assert "scope.org.uk" in text and "0808 800 3333" in text


@pytest.mark.parametrize("days,activities", [(40, 6), (84, 12)])
def test_a_long_summary_is_shortened_to_two_pages_and_says_how(days: int, activities: int) -> None:
    ev = build_evidence(records(days, activities, "x" * 200), PERIOD, TODAY)
    data, level = render_pdf(ev)
    reader, text = read(data)
    check_pages(reader)
    assert level >= 2 and shortened_note(level)
    assert " ".join(shortened_note(level).split()) in text
    assert "0808 800 3333" in text  # the help with forms is never cut
    full = " ".join(render_text(ev).split())
    assert "Activity 1: hard on" in full and "Activity 1: hard on" in text


def test_even_the_last_level_too_long_stops_the_activities_and_keeps_the_help() -> None:
    # 60 differently named activities (each day may name its own): more than two pages of counts
    hard = [DayRecord(date=TODAY - timedelta(days=i), rating=Rating.BAD,
                      hard=tuple(HardActivity(activity=f"Everyday activity number {i}-{a}",
                                              how=Difficulty.HELP) for a in range(3)))
            for i in range(40)]
    data, level = render_pdf(build_evidence(hard, PERIOD, TODAY))
    reader, text = read(data)
    check_pages(reader)
    assert level == len(SHORTENING) - 1
    assert " ".join(CLIPPED.split()) in text and "0808 800 3333" in text


def test_words_run_on_after_their_heading_before_anything_is_cut() -> None:
    # about 3 short words a day over 30 days: too long as one line each, fits run on, nothing cut
    ev = build_evidence(records(30, 3, "slow"), PERIOD, TODAY)
    data, level = render_pdf(ev)
    reader, text = read(data)
    check_pages(reader)
    assert level == 1 and shortened_note(1) == "" and "Shortened" not in text
    for record in records(30, 3, "slow"):
        for item in record.hard:
            assert f"“{item.words}”" in text  # every word kept


def test_markdown_escapes_the_persons_words() -> None:
    ev = build_evidence(records(1, 1, "*bold* [link](http://x) <b>"), PERIOD, TODAY)
    md = render_markdown(ev)
    assert "\\*bold\\*" in md and "\\[link\\]" in md
    assert "# How my condition affects my everyday activities" in md


JUDGING = re.compile(r"\b(qualif\w*|points?|eligib\w*|entitle\w*|score[sd]?|award\w*|pass|fail\w*)\b",
                     re.IGNORECASE)


@pytest.mark.parametrize("days", [0, 5, 84])
def test_no_output_judges_or_scores(days: int) -> None:
    ev = build_evidence(records(days, 4, "my words"), PERIOD, TODAY, ["Reading"],
                        ["Pain, 0 to 10: a score on 3 of 84 days."])
    text = render_text(ev)
    md = render_markdown(ev)
    _reader, pdf = read(render_pdf(ev)[0])
    for output in (text, md, pdf):
        # the pain line names a pain 'score' as the person logged it; nothing else may judge
        found = [m.group(0) for m in JUDGING.finditer(output.replace("a score on", ""))]
        assert not found, found
    from tests.test_plain_words import hits

    assert hits(text) == [] and hits(md) == []
