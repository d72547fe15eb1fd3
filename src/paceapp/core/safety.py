"""Crisis and safety wording, kept in one place so it can be reviewed and localised.

Shown from every screen of the TUI (Support) and in `paceapp --help`.
"""

from __future__ import annotations

NOT_MEDICAL_ADVICE = (
    "paceapp is a self-management diary, not medical advice. "
    "It never suggests treatments or doses."
)

#: (who, how to reach them, when) — UK contacts from DOMAIN.md.
CRISIS_CONTACTS: tuple[tuple[str, str, str], ...] = (
    ("Emergency", "call 999", "if your life or someone else's is in danger"),
    ("NHS 111", "call 111 or go to 111.nhs.uk", "for urgent medical help that is not an emergency"),
    ("Samaritans", "call 116 123", "free, any time, to talk about anything"),
    ("Shout", "text SHOUT to 85258", "free, any time, if you would rather text"),
    ("Your GP", "call your surgery", "for help that can wait a day or two"),
)

PEER_CRISIS_NOTE = (
    "If someone in your group says they cannot go on, help them contact one of these "
    "or their GP. Peers should not carry a crisis alone."
)


def support_text(width: int = 76) -> str:
    """The Support page as plain text, wrapped to `width` (used by the TUI and the CLI)."""
    import textwrap

    lines = ["If you need help now", ""]
    for who, how, when in CRISIS_CONTACTS:
        lines += textwrap.wrap(f"{who}: {how} - {when}.", width, initial_indent="  ",
                               subsequent_indent="    ")
    lines += ["", *textwrap.wrap(PEER_CRISIS_NOTE, width), "",
              *textwrap.wrap(NOT_MEDICAL_ADVICE, width)]
    return "\n".join(lines)
