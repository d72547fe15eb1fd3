"""The supporter page ("How to help me") as text, a chat message and a JSON file; importing one.

The text is exactly what is shown in the preview, written to a text file and put at the top of
the chat message; the message ends with the one paceapp line of the card family
(`outputs.share.encode_line`). The person's words are indented under each heading, so no line
they wrote can pass for a heading or one of paceapp's crisis lines. paceapp's crisis contacts
always come from the paceapp showing the page (`core.supporter.crisis_lines`), never from a file.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from paceapp.core.lookalike import look_alike_keys, mixed_script
from paceapp.core.settings import Settings
from paceapp.core.supporter import (
    CRISIS_LEAD,
    OWN_WORDS,
    SupporterContent,
    SupporterCopy,
    SupporterPage,
    build_content,
    crisis_lines,
    supporter_document,
    whose,
)
from paceapp.core.timeparse import local_day, show_date
from paceapp.core.value import Value

HOW_TO_KEEP = ("Paste this whole message into paceapp (Group screen, key i) to keep it. "
               "It stays read-only.")


def title(content: SupporterContent) -> str:
    return f"How to help {content.name}"


def supporter_lines(content: SupporterContent, width: int = 78) -> list[str]:
    """The page as lines of at most `width` columns (headings, then the words indented)."""
    lines = [f"{title(content)} - {show_date(local_day(content.shared_at))}", ""]
    wrap_at = max(width - 2, 20)
    for section in content.sections:
        lines.append(f"{section.heading}:")
        for raw in section.text.splitlines():
            lines += textwrap.wrap(raw, wrap_at, initial_indent="  ", subsequent_indent="  ",
                                   break_long_words=True) or [""]
        lines.append("")
    if content.crisis:
        lines += textwrap.wrap(CRISIS_LEAD.format(whose=whose(content.name)), width)
        for line in crisis_lines():
            lines += textwrap.wrap(line, width, initial_indent="* ", subsequent_indent="  ")
        lines.append("")
    if not content.sections and not content.crisis:
        lines += ["(Nothing ticked yet: tick at least one part.)", ""]
    lines += textwrap.wrap(OWN_WORDS.format(whose=whose(content.name)), width)
    return lines


def supporter_text(content: SupporterContent, width: int = 78) -> str:
    """The page as plain text (the preview, the text file, and the top of the message)."""
    return "\n".join(supporter_lines(content, width)) + "\n"


def supporter_message(content: SupporterContent) -> str:
    """The chat message: the page, how to keep it, and the one paceapp line."""
    from paceapp.outputs.share import encode_line

    return "\n".join([supporter_text(content, 70).rstrip("\n"), HOW_TO_KEEP,
                      encode_line(supporter_document(content))]) + "\n"


def supporter_json(content: SupporterContent) -> str:
    return json.dumps(supporter_document(content), ensure_ascii=False, indent=2) + "\n"


# -- making the page from the person's own data ----------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class SupporterInputs(Value):
    """What the page is made from: the stored words, the flare-up plan, the settings."""

    page: SupporterPage | None
    words: dict[str, str]
    settings: Settings

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts last ticked (everything but the private note the first time)."""
        return (self.page or SupporterPage()).parts


def make_content(inputs: SupporterInputs, parts: Sequence[str], *, name: str,
                 now: datetime) -> SupporterContent:
    return build_content(inputs.words, parts, name=name, shared_at=now,
                         member_id=inputs.settings.member_id)


# -- a supporter's copies --------------------------------------------------------------------
def shown_names(copies: Sequence[SupporterCopy], others: Sequence[str] = (),
                own_name: str = "") -> dict[str, str]:
    """record id -> the name to show: with a member code ('Jo (#7c2e9b)') when it looks like
    another page's name, a peer's, your own, mixes alphabets or holds '(#'."""
    own = look_alike_keys(own_name) if own_name.strip() else frozenset()
    keys = {c.id: look_alike_keys(c.name) for c in copies}
    other_keys = set().union(*(look_alike_keys(n) for n in others)) if others else set()
    shown: dict[str, str] = {}
    for copy in copies:
        clash = any(keys[copy.id] & keys[o.id] for o in copies if o.id != copy.id)
        if clash or keys[copy.id] & own or keys[copy.id] & other_keys or mixed_script(copy.name) \
                or "(#" in copy.name:
            shown[copy.id] = f"{copy.name} (#{copy.member_id[:6]})"
        else:
            shown[copy.id] = copy.name
    # codes that still read the same (made-up ids with one start) get the whole member id
    for copy in copies:
        if sum(1 for v in shown.values() if v == shown[copy.id]) > 1:
            shown[copy.id] = f"{copy.name} (#{copy.member_id})"
    return shown
