"""paceapp's own crisis steps stand apart from the group's words, everywhere a plan is shown on
the command line (issue 16, item 6): `group plan`, `group plan set`, `share plan` (preview and
message), and the plan a peer imports from the message or the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paceapp.core.safety import CRISIS_CONTACTS
from paceapp.core.sharing import CRISIS_HEADING, GROUP_NOTE_HEADING, crisis_steps
from tests.conftest import folder_bytes

NOTE = "Ring the café on 01234 567890; the coordinator keeps it."


def assert_crisis_section(text: str, note: str | None) -> None:
    """paceapp's heading and steps, exactly and in order; then the group's note (if any) after
    them under its own heading, quoted - never as one of paceapp's lines."""
    lines = text.splitlines()
    assert lines.count(CRISIS_HEADING) == 1, text
    start = lines.index(CRISIS_HEADING)
    steps = [f"* {step}" for step in crisis_steps()]
    assert lines[start + 1:start + 1 + len(steps)] == steps, text
    after = lines[start + 1 + len(steps):]
    if note is None:
        assert GROUP_NOTE_HEADING not in lines
    else:
        assert after[:2] == [GROUP_NOTE_HEADING, f'  "{note}"'], text
        assert sum(note in line for line in lines) == 1  # nowhere else
    for who, _how, _when in CRISIS_CONTACTS:  # only paceapp's own lines start like its contacts
        assert [line for line in lines if line.lstrip("* ").startswith(f"{who}:")] == [
            f"* {step}" for step in crisis_steps() if step.startswith(f"{who}:")]


def test_every_plan_output_shows_paceapps_steps_first_then_the_groups_note(
        cli, tmp_path: Path) -> None:  # noqa: ANN001
    ran = cli("group", "plan", "set", "--rhythm", "Every other Tuesday", "--crisis-note", NOTE)
    assert ran.code == 0, ran.err
    assert_crisis_section(ran.out, NOTE)
    assert_crisis_section(cli("group", "plan").out, NOTE)
    assert_crisis_section(cli("group", "plan", "show").out, NOTE)
    preview = cli("share", "plan", "--name", "Jo")
    assert preview.code == 0, preview.err
    assert_crisis_section(preview.err, NOTE)
    message = cli("share", "plan", "--name", "Jo", "--message")
    assert message.code == 0, message.err
    assert_crisis_section(message.out, NOTE)
    plan_file = tmp_path / "plan.json"
    assert cli("share", "plan", "--name", "Jo", "--out", str(plan_file)).code == 0
    assert json.loads(plan_file.read_text())["crisis_steps"] == list(crisis_steps())
    for n, source in enumerate((message.out, plan_file.read_text())):
        other = tmp_path / f"other{n}"
        ran = cli("group", "import", "-", input=source, data=other)
        assert ran.code == 0, ran.err
        assert_crisis_section(cli("group", "plan", data=other).out, NOTE)


def test_without_a_note_there_is_no_group_heading(cli) -> None:  # noqa: ANN001
    assert cli("group", "plan", "set", "--place", "The library").code == 0
    assert_crisis_section(cli("group", "plan").out, None)


#: Text that tries to pass for paceapp's own crisis lines or headings.
IMITATIONS = [
    "Samaritans: call 0900 123 456 (premium rate) instead of 116 123",
    "* Emergency: call 0900 123 456 instead of 999",
    "S\u0430maritans\u200b : call 0900 123 456",
    "NHS 111 : call 0900 123 456",
    "shout: text 0900",
    "Your GP: do not call them, call 0900 123 456",
    "If someone is in crisis: call 0900 123 456",
    "What our group agreed: call 0900 123 456",
    "IF SOMEONE IN YOUR GROUP SAYS THEY CANNOT GO ON, call 0900",
    "paceapp's advice: call 0900 123 456",
]


@pytest.mark.parametrize("text", IMITATIONS)
@pytest.mark.parametrize("option", ["--crisis-note", "--rule", "--place", "--access",
                                    "--keep-in-touch", "--rhythm"])
def test_typing_paceapps_crisis_wording_into_the_plan_is_refused(
        cli, data_dir: Path, text: str, option: str) -> None:  # noqa: ANN001
    assert cli("group", "plan", "set", "--place", "The library").code == 0
    before = folder_bytes(data_dir)
    ran = cli("group", "plan", "set", option, text)
    assert ran.code == 2, (ran.out, ran.err)
    assert "paceapp's own crisis wording" in ran.err and "Traceback" not in ran.err
    assert folder_bytes(data_dir) == before


def test_the_crisis_note_cannot_speak_for_paceapp(cli) -> None:  # noqa: ANN001
    ran = cli("group", "plan", "set", "--crisis-note", "paceapp recommends calling 0900")
    assert ran.code == 2 and "paceapp's own crisis wording" in ran.err
    ok = cli("group", "plan", "set", "--crisis-note", "Ring Samaritans on 116 123 if unsure",
             "--keep-in-touch", "We share paceapp cards on WhatsApp")
    assert ok.code == 0, ok.err


def _plan_doc(**changes: object) -> dict:
    doc = {"format": "paceapp-group-plan", "version": 1, "member_id": "7c2e9b1d0f3a4e58",
           "shared_by": "Jo", "shared_at": "2026-11-01T10:00:00+00:00",
           "meetings": {"rhythm": "Tuesdays", "first": None, "every_weeks": 1, "time": None},
           "place": "Café", "access": "", "keep_in_touch": "", "rota": [],
           "ground_rules": ["Be kind"], "crisis_note": "Ring the café",
           "crisis_steps": ["Call 0900 123 456 instead of 999"]}
    doc.update(changes)
    return doc


#: The same, short enough for a name (a coordinator on the rota, or who shared the plan).
NAME_IMITATIONS = ["Samaritans: 0900 123 456", "Emergency: 0900", "S\u0430maritans\u200b:",
                   "NHS 111: 0900", "paceapp's helpline", "If someone is in crisis"]


@pytest.mark.parametrize(("where", "text"), [
    *((where, text) for where in ("crisis_note", "ground_rules", "place", "access",
                                  "keep_in_touch", "rhythm") for text in IMITATIONS),
    *((where, text) for where in ("rota", "shared_by") for text in NAME_IMITATIONS)])
def test_an_imported_plan_imitating_paceapps_crisis_lines_is_refused(
        cli, data_dir: Path, where: str, text: str) -> None:  # noqa: ANN001
    doc = _plan_doc()
    if where == "ground_rules":
        doc[where] = ["Be kind", text]
    elif where == "rota":
        doc[where] = [{"name": text, "from": "2026-11-01"}]
    elif where == "rhythm":
        doc["meetings"] = {**doc["meetings"], "rhythm": text}
    else:
        doc[where] = text
    before = folder_bytes(data_dir)
    ran = cli("group", "import", "-", input=json.dumps(doc))
    assert ran.code == 2, (ran.out, ran.err)
    assert ran.err.startswith("Not imported - nothing was changed.")
    assert "paceapp's own crisis wording" in ran.err
    assert folder_bytes(data_dir) == before


def test_crisis_steps_sent_with_a_plan_are_never_shown(cli) -> None:  # noqa: ANN001
    ran = cli("group", "import", "-", input=json.dumps(_plan_doc()))
    assert ran.code == 0, ran.err
    shown = cli("group", "plan").out
    assert "0900" not in shown
    assert_crisis_section(shown, "Ring the café")
