"""`paceapp share card|plan`: what is shared, and nothing more."""

from __future__ import annotations

import json
import re
from pathlib import Path

from paceapp.core.settings import Settings
from paceapp.outputs.share import MARKER
from paceapp.store.journal import Journal
from tests.conftest import folder_bytes


def add_goal(cli, what: str = "Walk to the post box") -> None:  # noqa: ANN001
    ran = cli("goal", "add", what, "--how-much", "10 minutes", "--when", "after lunch",
              "--days-per-week", "5", "--confidence", "8")
    assert ran.code == 0, ran.err


def test_share_card_needs_a_name_once_and_changes_nothing_without_it(cli, data_dir: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    before = folder_bytes(data_dir)
    ran = cli("share", "card", "--message")
    assert ran.code == 2
    assert "--name" in ran.err and "real name" in ran.err
    assert folder_bytes(data_dir) == before


def test_share_card_shows_first_then_prints_the_message(cli, data_dir: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    assert cli("goal", "mark").code == 0
    ran = cli("share", "card", "--name", "Robin", "--note", "Resting early helped", "--message")
    assert ran.code == 0, ran.err
    assert ran.err.startswith("This is what will be shared:")
    assert "Not included: pain, sleep, medicines (never shared)." in ran.err
    lines = ran.out.strip().splitlines()
    assert lines[0].startswith("Goal card from Robin - ")
    assert any("Walk to the post box - 10 minutes, after lunch, 5 days a week. 1 of 5 days so far"
               in line for line in lines)
    assert lines[-1].startswith(MARKER)
    # the name is kept: the next card needs no --name, and carries the same member id
    settings = Journal.open(data_dir).get_single(Settings)
    assert settings is not None and settings.display_name == "Robin"
    again = cli("share", "card", "--message")
    assert again.code == 0 and again.out.startswith("Goal card from Robin")


def test_share_card_preview_only_writes_nothing(cli, data_dir: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    before = folder_bytes(data_dir)
    ran = cli("share", "card", "--name", "Robin")
    assert ran.code == 0
    assert "Nothing was written" in ran.err and ran.out == ""
    assert folder_bytes(data_dir) == before


def test_share_card_file_is_the_documented_json(cli, tmp_path: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    out = tmp_path / "card.json"
    ran = cli("share", "card", "--name", "Robin", "--out", str(out))
    assert ran.code == 0, ran.err
    doc = json.loads(out.read_text())
    assert doc["format"] == "paceapp-goal-card" and doc["version"] == 1
    assert set(doc) == {"format", "version", "member_id", "display_name", "shared_at",
                        "week_start", "goals", "note", "sections"}
    assert doc["sections"] == {}
    assert doc["goals"][0]["what"] == "Walk to the post box"


def test_medicines_can_never_be_included(cli, data_dir: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    before = folder_bytes(data_dir)
    ran = cli("share", "card", "--name", "Robin", "--include", "pain,medicines", "--message")
    assert ran.code == 2 and "never" in ran.err
    assert ran.out == ""
    assert folder_bytes(data_dir) == before


def test_nothing_outside_the_chosen_sections_is_exported(cli, tmp_path: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    assert cli("log", "pain", "7", "--where", "zzleftknee", "--note", "zzpainnote").code == 0
    assert cli("log", "pain", "3").code == 0
    assert cli("log", "sleep", "--bed", "22:00", "--tried", "22:10", "--latency", "17",
               "--woke", "05:43", "--up", "06:00", "--note", "zzsleepnote").code == 0
    ran = cli("gp", "med", "add", "Zzmedicinol", "--dose", "987 zzmg", "--for", "zzwhatfor")
    assert ran.code == 0, ran.err
    secret = ["zzleftknee", "zzpainnote", "zzsleepnote", "Zzmedicinol", "987 zzmg", "zzwhatfor",
              "5.0/10", "average 5", "7/10", "7 h 16", "436", "90.8", "91%"]

    def exported(*include: str) -> str:
        out = tmp_path / f"card-{'-'.join(include) or 'none'}.json"
        args = ["share", "card", "--name", "Robin", "--message", "--out", str(out)]
        if include:
            args += ["--include", ",".join(include)]
        ran = cli(*args)
        assert ran.code == 0, ran.err
        from paceapp.outputs.share import decode_payload, extract_payload

        inside = decode_payload(extract_payload(ran.out)).decode()
        readable = ran.out.strip().rsplit("\n", 1)[0]  # the base64 line is checked decoded
        return "\n".join([readable, ran.err, out.read_text(), inside])

    def shows(value: str, text: str) -> bool:
        # On its own, not inside a random id or the base64 line (a hex id can hold "436").
        return re.search(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", text) is not None

    nothing = exported()
    for value in secret:
        assert not shows(value, nothing), value
    with_pain = exported("pain")
    assert "average 5.0/10 (1 day logged)" in with_pain  # (7 + 3) / 2 for the day
    for value in ["zzleftknee", "zzpainnote", "zzsleepnote", "Zzmedicinol", "987 zzmg", "zzwhatfor",
                  "7 h 16", "436", "90.8"]:
        assert not shows(value, with_pain), value
    with_sleep = exported("sleep")
    # tried 22:10, woke 05:43: 453 min - 17 min to fall asleep = 436 min; in bed 480 min:
    # 436 / 480 x 100 = 90.83...% -> 90.8% (rounded once, half up; it was '91%', rounded twice)
    assert ("7 h 16 min asleep; sleep efficiency (time asleep ÷ time in bed) 90.8% from the "
            "totals") in with_sleep
    for value in ["zzleftknee", "zzpainnote", "zzsleepnote", "Zzmedicinol", "987 zzmg", "zzwhatfor",
                  "5.0/10"]:
        assert not shows(value, with_sleep), value


def test_share_plan_needs_a_plan_then_shares_it(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ran = cli("share", "plan", "--name", "Jo", "--message")
    assert ran.code == 2 and "no group plan" in ran.err
    assert cli("group", "plan", "set", "--rhythm", "Every other Tuesday", "--first", "2026-11-03",
               "--place", "Riverside Café", "--coordinator", "Jo from 2026-11-01").code == 0
    out = tmp_path / "plan.json"
    ran = cli("share", "plan", "--name", "Jo", "--message", "--out", str(out))
    assert ran.code == 0, ran.err
    assert "Riverside Café" in ran.out and "Samaritans" in ran.out
    assert ran.out.strip().splitlines()[-1].startswith(MARKER)
    doc = json.loads(out.read_text())
    assert doc["format"] == "paceapp-group-plan" and doc["version"] == 1
    assert doc["rota"] == [{"name": "Jo", "from": "2026-11-01"}]


def test_a_bad_out_path_stores_nothing(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    assert cli("group", "plan", "set", "--place", "Library").code == 0
    before = folder_bytes(data_dir)
    for command in ("card", "plan"):
        ran = cli("share", command, "--name", "Robin", "--message",
                  "--out", str(tmp_path / "no-such-folder" / "x.json"))
        assert ran.code == 2 and "Could not write" in ran.err and ran.out == ""
        assert folder_bytes(data_dir) == before  # no member id or name stored either


def test_the_member_id_on_the_card_is_the_one_kept(cli, data_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    out = tmp_path / "card.json"
    assert cli("share", "card", "--name", "Robin", "--out", str(out)).code == 0
    first = json.loads(out.read_text())["member_id"]
    settings = Journal.open(data_dir).get_single(Settings)
    assert settings is not None and settings.member_id == first
    assert cli("share", "card", "--out", str(out), "--force").code == 0
    assert json.loads(out.read_text())["member_id"] == first


def test_preview_without_a_name_yet(cli, data_dir: Path) -> None:  # noqa: ANN001
    add_goal(cli)
    ran = cli("share", "card")
    assert ran.code == 0 and "Goal card from (your name)" in ran.err
