"""A page for supporters, "How to help me": the person's own words, ticked part by part.

Made from the flare-up plan (`core.flare.FlarePlan`) and the person's own words: the signs of a
flare-up, what helps, what does not help, what I may need on a bad day, who to call, and
paceapp's crisis contacts (always from `core.safety`, never from the page). A private note goes
in only when ticked. paceapp adds no medical or benefits advice: every part is the person's words.

The page is shared as a text or PDF page, or as a chat message in the card family
(docs/sharing.md, "The supporter page"); a supporter's paceapp keeps it read-only
(`SupporterCopy`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from paceapp.core.errors import ValidationError
from paceapp.core.records import Record
from paceapp.core.safety import CRISIS_CONTACTS
from paceapp.core.text import clean_text, strip_controls
from paceapp.core.timeparse import local_day, show_date
from paceapp.core.value import Value

SUPPORTER_FORMAT = "paceapp-supporter-page"
#: The supporter page's own version (the goal card and group plan have theirs).
SUPPORTER_VERSION = 1
#: Each part is at most this many characters and lines, so the page fits one A4 sheet.
PART_MAX = 600
PART_LINES = 10
NAME_MAX = 40

#: (key, heading, the flare-up plan field it starts from, or "" for the person's words only).
TEXT_PARTS: tuple[tuple[str, str, str], ...] = (
    ("signs", "Signs a flare-up is starting", "warning_signs"),
    ("helps", "What helps", "first_steps"),
    ("unhelpful", "What does not help", ""),
    ("bad_day", "What I may need on a bad day", "drop_and_tell"),
    ("who_to_call", "Who to call", "get_help"),
    ("private_note", "A private note", ""),
)
#: paceapp's own crisis contacts (from core.safety): a tick, not text.
CRISIS = "crisis"
PARTS: tuple[str, ...] = (*(key for key, _h, _f in TEXT_PARTS[:-1]), CRISIS, "private_note")
HEADINGS: dict[str, str] = {key: heading for key, heading, _f in TEXT_PARTS}
HEADINGS[CRISIS] = "Crisis contacts"
#: What is ticked until the person chooses: everything but the private note.
DEFAULT_PARTS: tuple[str, ...] = tuple(p for p in PARTS if p != "private_note")
#: The line that ends every page: the words are the person's, paceapp adds no advice.
OWN_WORDS = ("The words under each heading are {whose} own. paceapp gives no medical or "
             "benefits advice.")
#: Said over paceapp's crisis contacts.
CRISIS_LEAD = "If you are worried about {whose} safety, or your own:"
#: The name in a preview before the person has chosen one.
NO_NAME = "me"


def whose(name: str) -> str:
    """'Robin's', or 'my' in a preview with no name yet."""
    return "my" if name == NO_NAME else f"{name}'s"


def crisis_lines() -> tuple[str, ...]:
    """paceapp's crisis contacts, always this paceapp's own wording (core.safety)."""
    return tuple(f"{who}: {how} - {when}." for who, how, when in CRISIS_CONTACTS)


def part_name(key: str) -> str:
    """A part's key as typed on the command line ('who-to-call', 'not-helpful')."""
    return "not-helpful" if key == "unhelpful" else key.replace("_", "-")


def part_key(raw: str) -> str:
    """A part name as typed ('who-to-call', 'Bad day') as its key; ValidationError if unknown."""
    key = "_".join(raw.strip().lower().replace("-", " ").split())
    aliases = {"not_helpful": "unhelpful", "does_not_help": "unhelpful", "contacts": CRISIS,
               "crisis_contacts": CRISIS, "note": "private_note", "private": "private_note",
               "call": "who_to_call", "signs_of_a_flare": "signs"}
    key = aliases.get(key, key)
    if key not in PARTS:
        raise ValidationError(f"'{raw.strip()}' is not a part of the supporter page. The parts: "
                              f"{', '.join(part_name(p) for p in PARTS)}.", "include")
    return key


def check_parts(names: Iterable[str]) -> tuple[str, ...]:
    """The ticked parts, checked, in page order."""
    chosen = {part_key(n) for n in names if n.strip()}
    return tuple(p for p in PARTS if p in chosen)


def clean_part(text: str | None, key: str) -> str:
    """A part's words as stored: cleaned, at most `PART_MAX` characters and `PART_LINES` lines."""
    heading = HEADINGS[key]
    cleaned = clean_text(text, key, PART_MAX, multiline=True, label=f"'{heading}' text")
    lines = [" ".join(line.split()) for line in cleaned.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > PART_LINES:
        raise ValidationError(f"The '{heading}' text has {len(lines)} lines; the most is "
                              f"{PART_LINES}, so the page fits one sheet.", key)
    return "\n".join(lines)


def check_words(text: str | None, key: str) -> str:
    """Words the person typed for a part (or their name): cleaned, and refused when they imitate
    paceapp's own crisis wording, which a supporter's paceapp would refuse too."""
    from paceapp.core.sharing import check_not_imitating

    cleaned = clean_part(text, key)
    return check_not_imitating(cleaned, key, f"'{HEADINGS[key]}' text")


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SupporterPage(Record):
    """The person's own words for supporters and the parts last ticked (one per person).

    An empty part starts from the flare-up plan's matching section (`TEXT_PARTS`).
    """

    KIND: ClassVar[str] = "supporterpage"
    LABEL: ClassVar[str] = "supporter page"
    SINGLE: ClassVar[bool] = True

    signs: str = ""
    helps: str = ""
    unhelpful: str = ""
    bad_day: str = ""
    who_to_call: str = ""
    private_note: str = ""
    parts: tuple[str, ...] = DEFAULT_PARTS

    def validate(self) -> None:
        for key, _heading, _field in TEXT_PARTS:
            value = getattr(self, key)
            if clean_part(value, key) != value:
                raise ValidationError(f"The '{HEADINGS[key]}' text has characters that cannot be "
                                      "stored.", key)
        if check_parts(self.parts) != self.parts:
            raise ValidationError("The ticked parts are not known parts of the page.", "parts")

    def summary(self) -> dict[str, str]:
        written = sum(1 for key, _h, _f in TEXT_PARTS if getattr(self, key))
        return {"parts written": f"{written} of {len(TEXT_PARTS)}",
                "ticked": ", ".join(self.parts)}


def page_words(page: SupporterPage | None, plan: Any = None) -> dict[str, str]:
    """key -> the words for each text part: the page's own, else the flare-up plan's section."""
    words: dict[str, str] = {}
    for key, _heading, plan_field in TEXT_PARTS:
        own = getattr(page, key) if page is not None else ""
        if not own and plan_field and plan is not None:
            try:
                own = clean_part(getattr(plan, plan_field, "") or "", key)
            except ValidationError:  # a long plan section: shortened, and said so
                own = clean_text(strip_controls(getattr(plan, plan_field, ""), True), key,
                                 10 ** 6, multiline=True)
                own = "\n".join(own.splitlines()[:PART_LINES])[:PART_MAX - 1].rstrip() + "…"
        words[key] = own
    return words


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SupporterSection(Value):
    """One part of a supporter page as shared: its key and the person's words."""

    key: str
    text: str

    @property
    def heading(self) -> str:
        return HEADINGS.get(self.key, self.key)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SupporterContent(Value):
    """Exactly what a supporter page holds: the same in the preview, the files and the message."""

    name: str
    shared_at: datetime
    sections: tuple[SupporterSection, ...] = ()
    crisis: bool = True
    member_id: str = ""

    def parts(self) -> tuple[str, ...]:
        shown = {s.key for s in self.sections} | ({CRISIS} if self.crisis else set())
        return tuple(p for p in PARTS if p in shown)


def build_content(words: dict[str, str], parts: Sequence[str], *, name: str, shared_at: datetime,
                  member_id: str = "") -> SupporterContent:
    """The page for this choice of parts: nothing outside `parts` is on it; empty parts are
    left out. The private note only when it is ticked."""
    chosen = set(parts)
    sections = tuple(SupporterSection(key=key, text=words.get(key, ""))
                     for key, _h, _f in TEXT_PARTS if key in chosen and words.get(key, ""))
    return SupporterContent(name=name, shared_at=shared_at, sections=sections,
                            crisis=CRISIS in chosen, member_id=member_id)


def included_words(content: SupporterContent, ticked: Sequence[str] = ()) -> str:
    """What the page holds and what it leaves out (shown before anything is shared)."""
    def low(part: str) -> str:
        heading = HEADINGS[part]
        return heading[0].lower() + heading[1:]

    shown = content.parts()
    empty = [low(p) for p in PARTS if p in ticked and p not in shown]
    left = [low(p) for p in PARTS if p not in shown and p not in ticked]
    text = "Included: " + (", ".join(low(p) for p in shown) if shown else "only your name") + "."
    if empty:
        text += ("\nTicked but nothing written yet (so left out): " + ", ".join(empty) + ". "
                 "Write them in the app (Group, h) or with 'paceapp share supporter set'.")
    if left:
        text += "\nNot ticked: " + ", ".join(left) + "."
    return text + "\nNever included: medicines, pain or sleep scores, diary notes, GP details."


# -- the document (the file and the message line) --------------------------------------------
def checksum(doc: dict[str, Any]) -> str:
    """'sha256:<hex>' over the document without its checksum (sorted keys, compact JSON)."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def supporter_document(content: SupporterContent) -> dict[str, Any]:
    """The page as its versioned, checksummed JSON document (docs/sharing.md)."""
    doc: dict[str, Any] = {
        "format": SUPPORTER_FORMAT, "version": SUPPORTER_VERSION,
        "member_id": content.member_id, "name": content.name,
        "shared_at": content.shared_at.isoformat(),
        "sections": {s.key: s.text for s in content.sections},
        "crisis_contacts": content.crisis,
    }
    doc["checksum"] = checksum(doc)
    return doc


# -- a supporter's read-only copy -------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SupporterCopy(Record):
    """Someone's supporter page, imported: read-only; the newest from a member wins."""

    KIND: ClassVar[str] = "supportercopy"
    LABEL: ClassVar[str] = "supporter page from someone"
    FIXED_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"id", "created", "updated", "member_id", "name", "shared_at", "sections", "crisis"})

    member_id: str
    name: str
    shared_at: datetime
    sections: tuple[SupporterSection, ...] = ()
    crisis: bool = True

    def content(self) -> SupporterContent:
        return SupporterContent(name=self.name, shared_at=self.shared_at, sections=self.sections,
                                crisis=self.crisis, member_id=self.member_id)

    def validate(self) -> None:
        for section in self.sections:
            if section.key not in HEADINGS or section.key == CRISIS:
                raise ValidationError("A supporter page has a part paceapp does not know.",
                                      "sections")
            if len(section.text) > PART_MAX:
                raise ValidationError("A part of the supporter page is too long.", "sections")
        if not self.name or len(self.name) > NAME_MAX:
            raise ValidationError("A supporter page needs a short name.", "name")

    def summary(self) -> dict[str, str]:
        return {"how to help": self.name, "shared": show_date(local_day(self.shared_at)),
                "parts": str(len(self.sections) + int(self.crisis))}


KINDS = (SupporterPage, SupporterCopy)
