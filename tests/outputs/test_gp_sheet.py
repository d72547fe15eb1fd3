"""The GP sheet read back: the PDF with a real parser (one A4 page), text, Markdown and HTML."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paceapp.app.gp import load_sheet as load_inputs
from paceapp.app.gp_summary import gather, gather_summary
from paceapp.core.errors import PaceError
from paceapp.core.flare import Flare
from paceapp.core.gp import (
    CONCERN_MAX,
    DETAIL_MAX,
    MATTERS_MAX,
    MAX_ITEMS,
    MAX_MEDICINES,
    MED_FIELD_MAX,
    MED_NAME_MAX,
    MED_NOTE_MAX,
    QUESTION_MAX,
    TRIED_MAX,
    Appointment,
    GpItem,
    Medicine,
)
from paceapp.core.gp_sheet import Period
from paceapp.core.pain import PainEntry, PegEntry
from paceapp.core.settings import Settings
from paceapp.core.sleep import SleepNight
from paceapp.outputs.gp_html import render_html
from paceapp.outputs.gp_pdf import ANSWER_GAP, BOTTOM, MIN_ANSWER_LINES, render_pdf
from paceapp.outputs.gp_sheet import (
    TEXT_PAGE_LINES,
    WIDTH,
    cell_width,
    md_escape,
    render_markdown,
    render_text,
    save_file,
    wrap,
)
from paceapp.store.journal import Journal

TODAY = date(2026, 11, 21)
LAST_VISIT = date(2026, 11, 6)  # the summary covers 7 Nov - 21 Nov (15 days); before: 23 Oct - 6 Nov


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def fill(journal: Journal, concerns: list[GpItem] | None = None,
         questions: list[GpItem] | None = None, meds: list[Medicine] | None = None,
         matters: str = "Getting back to my allotment", tried: str = "") -> None:
    old = at(LAST_VISIT - timedelta(days=3))
    journal.add(Appointment(visit_date=LAST_VISIT, closed=True, outcome="Physio referral made.",
                            created=old, updated=old))
    journal.add(Appointment(
        visit_date=date(2026, 12, 1), visit_time=time(10, 20), clinician="Dr Okafor",
        concerns=tuple(concerns if concerns is not None else [
            GpItem(text="Knee swelling", detail="Worse on the stairs"),
            GpItem(text="Pain wakes me at night", detail="Two or three times"),
            GpItem(text="Low mood on bad weeks")]),
        questions=tuple(questions if questions is not None else [
            GpItem(text="What are my options?"), GpItem(text="Can I see the physio again?")]),
        what_matters=matters, tried=tried))
    for med in meds if meds is not None else [
            Medicine(name="Naproxen", dose="500 mg", how_often="twice a day",
                     what_for="back pain", worries="upset stomach")]:
        journal.add(med)
    journal.add_many([
        # this period: day means 5 (4, 6) and 7 -> 6.0 on 2 days; before: 3 and 5 -> 4.0 on 2 days
        PainEntry(at=at(date(2026, 11, 10)), score=4), PainEntry(at=at(date(2026, 11, 10), 20), score=6),
        PainEntry(at=at(date(2026, 11, 18)), score=7),
        PainEntry(at=at(date(2026, 10, 25)), score=3), PainEntry(at=at(date(2026, 11, 2)), score=5),
        # PEG: now 4.0 (4,4,4); before 6.0 (6,6,6) -> down 33.3%
        PegEntry(date=date(2026, 11, 15), pain=4, enjoyment=4, activity=4),
        PegEntry(date=date(2026, 11, 1), pain=6, enjoyment=6, activity=6),
        # flare-ups in the period: 2 days and 6 hours -> 2, longest 2 days
        Flare(started=at(date(2026, 11, 8), 10), ended=at(date(2026, 11, 10), 10), peak=8),
        Flare(started=at(date(2026, 11, 17), 10), ended=at(date(2026, 11, 17), 16), peak=7),
        # sleep: TST 6 h 00 (23:00-07:00 in bed, 30 min to sleep, 30 min awake) and 7 h 00
        SleepNight(date=date(2026, 11, 12), bed=time(23), tried=time(23), latency=30, waso=30,
                   awakenings=2, woke=time(7), up=time(7)),
        SleepNight(date=date(2026, 11, 13), bed=time(22), tried=time(22), latency=30, waso=30,
                   awakenings=1, woke=time(7), up=time(7)),
    ])


@pytest.fixture
def filled(journal: Journal) -> Journal:
    fill(journal)
    return journal


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def assert_one_a4_page(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842


def lowest_text(reader: pypdf.PdfReader) -> float:
    """The lowest baseline of any text on the page, in points from the bottom edge."""
    heights: list[float] = []

    def seen(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            heights.append(tm[5])

    reader.pages[0].extract_text(visitor_text=seen)
    return min(heights)


def above_the_writing_space(reader: pypdf.PdfReader) -> bool:
    """No text runs into the lines left for writing (or off the page)."""
    return lowest_text(reader) > (BOTTOM + MIN_ANSWER_LINES * ANSWER_GAP) * 72 / 25.4


def font_sizes(reader: pypdf.PdfReader) -> set[float]:
    """Every font size (pt) the page's text is set in."""
    data = reader.pages[0].get_contents().get_data()
    return {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", data)}


def in_order(text: str, parts: list[str]) -> bool:
    """Each part appears after the one before it."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


# -- the summary against hand-built records ------------------------------------------------------
def test_summary_figures_from_hand_built_records(filled: Journal) -> None:
    inputs = load_inputs(filled, TODAY)
    assert inputs.period == Period(date(2026, 11, 7), TODAY, "since my last appointment on Fri 6 Nov")
    pain, peg, flares, sleep = inputs.summary.health
    assert "average 6.0 out of 10 on the 2 days I logged (Sat 7 Nov – Sat 21 Nov, 15 days)" in pain
    assert "2.0 higher than the 15 days before (4.0, 2 days logged)" in pain
    assert "average 4.0 from 1 check-in" in peg and "so down 33.3%" in peg
    assert "real improvement" in peg
    assert "Flare-ups, 7 Nov – 21 Nov: 2" in flares and "longest 2 days" in flares
    # (8 h - 60 min) = 7 h and (9 h - 60 min) = 8 h -> 7 h 30; sleep efficiency from the totals
    # (as core.sleep now works it): 900 min asleep / 1020 min in bed = 88.235…% -> 88.2%
    assert "on average 7 h 30 min asleep; sleep efficiency (time asleep ÷ time in bed) 88.2% " \
           "from the totals (2 nights logged)" in sleep
    assert len(gather_summary(filled, date(2026, 11, 7), TODAY)) == 6


def test_summary_says_not_logged_when_there_is_nothing(journal: Journal) -> None:
    lines = gather(journal, Period(TODAY - timedelta(days=13), TODAY, "")).health
    assert lines[0].startswith("Pain: not logged") and "PEG): not logged" in lines[1]
    assert "none logged" in lines[2] and "not logged" in lines[3]
    assert not any(ch.isdigit() for ch in lines[0].split("(")[0])


def test_weeks_option_changes_the_period(filled: Journal) -> None:
    inputs = load_inputs(filled, TODAY, weeks=1)
    assert inputs.period.start == date(2026, 11, 15)
    assert "average 7.0 out of 10 on the 1 day I logged" in inputs.summary.health[0]


# -- the PDF -------------------------------------------------------------------------------------
def test_pdf_is_one_a4_page_with_everything_in_order(filled: Journal) -> None:
    data, sheet = render_pdf(load_inputs(filled, TODAY))
    reader, text = pdf_text(data)
    text = " ".join(text.split())
    assert_one_a4_page(reader)
    assert min(font_sizes(reader)) >= 11  # large clear type
    assert sheet.level == 0 and "Shortened" not in text
    assert above_the_writing_space(reader)
    assert in_order(text, ["My GP appointment – Tue 1 Dec 10:20", "Seeing: Dr Okafor",
                           "Knee swelling", "Worse on the stairs", "Pain wakes me at night",
                           "Low mood on bad weeks", "How pain affects my life",
                           "average 6.0 out of 10", "down 33.3%", "Flare-ups", "7 h 30 min",
                           "My medicines", "Naproxen: 500 mg, twice a day", "upset stomach",
                           "My questions", "What are my options?", "Can I see the physio again?",
                           "What matters to me", "Getting back to my allotment",
                           "Last time we agreed", "Physio referral made."])


def long_list(journal: Journal) -> None:
    fill(journal,
         concerns=[GpItem(text=f"Concern {n:02d} " + "w" * (CONCERN_MAX - 12),
                          detail=f"Detail {n:02d} " + "d " * ((DETAIL_MAX - 10) // 2))
                   for n in range(MAX_ITEMS)],
         questions=[GpItem(text=f"Question {n:02d} " + "q" * (QUESTION_MAX - 13))
                    for n in range(MAX_ITEMS)],
         meds=[Medicine(name=f"Med{n:02d} " + "m" * (MED_NAME_MAX - 6),
                        dose="5" * MED_FIELD_MAX, how_often="o" * MED_FIELD_MAX,
                        what_for="f " * (MED_NOTE_MAX // 2), worries="w " * (MED_NOTE_MAX // 2))
               for n in range(MAX_MEDICINES)],
         matters="m " * (MATTERS_MAX // 2), tried="t " * (TRIED_MAX // 2))


def test_an_over_long_list_still_fits_one_page_and_says_so(journal: Journal) -> None:
    long_list(journal)
    data, sheet = render_pdf(load_inputs(journal, TODAY))
    reader, text = pdf_text(data)
    assert_one_a4_page(reader)
    flat = " ".join(text.split())
    assert min(font_sizes(reader)) >= 11
    assert sheet.level > 0 and "Shortened to fit one page" in flat
    assert "top 3 of 20 concerns shown" in flat
    assert in_order(flat, ["Concern 00", "Concern 01", "Concern 02", "+ 17 more on my full list"])
    assert "Concern 03" not in flat
    assert in_order(flat, ["Med00", "Med03", "+ 21 more on my full list", "Question 00",
                           "Question 02", "+ 17 more on my full list"])
    assert "Med04" not in flat and "Question 03" not in flat
    assert above_the_writing_space(reader)
    assert "What matters to me" in flat and "Notes - what we agree today" in flat


def test_non_ascii_text_survives_in_the_pdf(journal: Journal) -> None:
    fill(journal, concerns=[
        GpItem(text="Café ‘après’ – “ça va?” — naïve façade", detail="Zoë’s knee… 3–4 times"),
        GpItem(text="Schmerz über Ärger: ŁÓDŹ ĘĄ", detail="Ελληνικά και русский"),
        GpItem(text="Emoji 😀 and 🫠 and 漢字", detail="<b>not bold</b> [red]x[/red] **no**")],
        meds=[Medicine(name="Paracétamol", dose="1 g", how_often="4× a day",
                       what_for="douleur – dos")])
    data, _sheet = render_pdf(load_inputs(journal, TODAY))
    reader, text = pdf_text(data)
    assert_one_a4_page(reader)
    assert above_the_writing_space(reader)
    for piece in ("Café ‘après’ – “ça va?” — naïve façade", "Zoë’s knee… 3–4 times",
                  "Schmerz über Ärger: ŁÓDŹ ĘĄ", "Ελληνικά και русский", "Emoji 😀",
                  "<b>not bold</b> [red]x[/red] **no**", "Paracétamol: 1 g, 4× a day"):
        assert piece in text, piece
    # characters the bundled font lacks degrade to a visible box, never to an error
    assert "and □ and □□" in text


# -- text, Markdown, HTML ------------------------------------------------------------------------
def test_text_sheet_fits_80_columns_and_one_page(journal: Journal) -> None:
    long_list(journal)
    text = render_text(load_inputs(journal, TODAY))
    lines = text.splitlines()
    assert all(cell_width(line) <= WIDTH for line in lines)
    assert len(lines) <= TEXT_PAGE_LINES
    assert "Shortened to fit one page" in text


def test_text_sheet_in_full(filled: Journal) -> None:
    text = render_text(load_inputs(filled, TODAY))
    assert in_order(text, ["MY GP APPOINTMENT - Tue 1 Dec 10:20", "1. Knee swelling",
                           "Worse on the stairs", "2. Pain wakes me", "3. Low mood",
                           "average 6.0", "Naproxen", "What are my options?",
                           "Getting back to my allotment", "Physio referral made."])
    assert "Shortened" not in text
    assert all(cell_width(line) <= WIDTH for line in text.splitlines())


def test_wide_characters_are_wrapped_by_columns(journal: Journal) -> None:
    fill(journal, concerns=[GpItem(text="痛み" * 50), GpItem(text="x" * 120)])
    lines = render_text(load_inputs(journal, TODAY)).splitlines()
    assert all(cell_width(line) <= WIDTH for line in lines)
    assert "".join(line.strip() for line in lines).count("痛み") == 50


def test_markdown_and_html_show_markup_as_text(journal: Journal) -> None:
    fill(journal, concerns=[GpItem(text="<script>alert(1)</script> *star* [link](x) & co")])
    md = render_markdown(load_inputs(journal, TODAY))
    assert r"\<script\>alert(1)\</script\> \*star\* \[link\](x) &amp; co" in md
    html = render_html(load_inputs(journal, TODAY))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *star* [link](x) &amp; co" in html
    assert "<script>" not in html
    assert "@page { size: A4" in html


def test_save_file_refuses_a_folder_and_an_unwritable_place(tmp_path: Path) -> None:
    with pytest.raises(PaceError, match="is a folder") as error:
        save_file(tmp_path, b"x")
    assert error.value.exit_code == 1
    with pytest.raises(PaceError, match="Could not write the sheet"):
        save_file(tmp_path / "missing" / "sheet.pdf", b"x")
    with pytest.raises(PaceError, match="Could not write the sheet"):
        save_file(tmp_path / ("x" * 300 + ".pdf"), b"x")  # a name too long for the file system
    written = save_file(tmp_path / "sheet.txt", b"hello")
    assert written.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.txt"]


def test_name_and_practice_come_from_the_settings(filled: Journal) -> None:
    filled.put_single(Settings(real_name="Sam Taylor", practice="Riverside Surgery"))
    inputs = load_inputs(filled, TODAY)
    assert "Name: Sam Taylor · Practice: Riverside Surgery · Seeing: Dr Okafor" in \
        render_text(inputs)
    _reader, text = pdf_text(render_pdf(inputs)[0])
    assert "Sam Taylor" in text and "Riverside Surgery" in text


@given(st.text(alphabet=st.sampled_from("ab cé–漢😀\u0301"), max_size=300),
       st.integers(min_value=12, max_value=100))
def test_wrap_keeps_every_word_within_the_width(text: str, width: int) -> None:
    lines = wrap(text, width, "  - ", "    ")
    assert all(cell_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "-" + "".join(text.split())  # nothing lost


def test_the_demo_list_fits_one_page_in_full(tmp_path: Path) -> None:
    from paceapp.demo import write_demo

    write_demo(tmp_path / "demo", 84, TODAY)
    data, sheet = render_pdf(load_inputs(Journal.open(tmp_path / "demo"), TODAY))
    reader, text = pdf_text(data)
    assert_one_a4_page(reader)
    assert sheet.level == 0 and len(sheet.concerns) == 4 and sheet.last_agreed
    assert above_the_writing_space(reader)
    flat = " ".join(text.split())
    assert in_order(flat, ["Pain wakes me most nights", "carried over, from Fri 16 Oct",
                           "Stomach upset from the naproxen", "Pain: average", "Sleep",
                           "Pacing", "Goals", "Also: Heat pad", "Naproxen", "Amitriptyline",
                           "What are my options?", "Physio referral made."])


@pytest.mark.parametrize(("typed", "shown"), [
    ("# not a heading", r"\# not a heading"), ("- not a list", r"\- not a list"),
    ("1. not a list", r"1\. not a list"), ("> not a quote", r"\> not a quote"),
    ("5.5 mg, 2-3 times (a day)", "5.5 mg, 2-3 times (a day)"),
])
def test_markdown_escapes_only_what_would_format(typed: str, shown: str) -> None:
    assert md_escape(typed) == shown


# -- every line uses the header's period, nothing in the future (issue 17, item 5) ----------------
def test_pacing_and_goals_lines_use_the_header_period(filled: Journal) -> None:
    from paceapp.app.report import load_report
    from paceapp.core.goals import GoalDay, new_plan
    from paceapp.core.pacing import ActivityLog, set_baseline
    from paceapp.outputs.report import render_report

    # Baseline 10 min at a time, set Sat 7 Nov 08:00. Goes: Sat 7 Nov 07:00 12 min (before the
    # baseline: counted apart), Mon 9 Nov 10 min (within), Tue 10 Nov 15 min (over).
    walk, _ = set_baseline("Walking", "gentle", [20], at(date(2026, 11, 7), 8))
    filled.add(walk)
    filled.add_many([ActivityLog(name="Walking", amount=12, at=at(date(2026, 11, 7), 7)),
                     ActivityLog(name="Walking", amount=10, at=at(date(2026, 11, 9), 10)),
                     ActivityLog(name="Walking", amount=15, at=at(date(2026, 11, 10), 10))])
    # A plan of 3 days a week from Mon 2 Nov, marked Sat 7 (the period's first day), Tue 10,
    # Thu 12, Mon 16 and Wed 18 Nov (and, stored by hand, Sun 22 Nov: tomorrow).
    # Period Sat 7 - Sat 21 Nov: 5 days done. The only whole week that has ended is Mon 9 - Sun 15:
    # 2 of 3 planned days done. The week of 16 Nov ends tomorrow: not counted as planned.
    # (Before: "Goals, 9 Nov - 21 Nov: ... days done 4 of 6 planned over 2 weeks".)
    plan = new_plan("walk to the postbox", "10 minutes", "after lunch", 3, 8, date(2026, 11, 2))
    filled.add(plan)
    filled.add_many([GoalDay(plan_id=plan.id, date=date(2026, 11, d), what=plan.what)
                     for d in (7, 10, 12, 16, 18, 22)])
    inputs = load_inputs(filled, TODAY)
    header = inputs.period.text(TODAY)
    assert header == "Sat 7 Nov – Sat 21 Nov"
    pacing, goals = inputs.summary.doing
    assert pacing == (
        f"Pacing, {header}: 1 activity with baselines; activity logged on 3 of 15 days, within "
        "baseline on 1 of the 2 days with a baseline to compare (1 day with only goes from before a "
        "baseline was set, not counted).")
    assert goals == (
        f"Goals, {header}: 1 weekly action plan on the go; 5 days done; "
        "in the whole week Mon 9 Nov – Sun 15 Nov: 2 of 3 planned days done.")
    text = " ".join(render_text(inputs).split())
    assert pacing in text and goals in text
    # The report over the last 2 weeks (Sun 8 - Sat 21 Nov) says its own period on both lines:
    # the go on Sat 7 and the mark on Sat 7 are outside it.
    report = " ".join(render_report(load_report(filled, TODAY, 2)).split())
    assert "(Sun 8 Nov – Sat 21 Nov)" in report
    assert ("Pacing, Sun 8 Nov – Sat 21 Nov: 1 activity with baselines; activity logged on 2 of "
            "14 days, within baseline on 1 of them.") in report
    assert ("Goals, Sun 8 Nov – Sat 21 Nov: 1 weekly action plan on the go; "
            "4 days done; in the whole week Mon 9 Nov – Sun 15 Nov: 2 of 3 planned days "
            "done.") in report
