"""Cleaning free text a person (or a peer) typed, before it is stored or shown."""

from __future__ import annotations

import re
import unicodedata

from paceapp.core.errors import ValidationError

#: Usual caps for free text, in characters.
SHORT = 120
LINE = 300
NOTE = 2000

# C0/C1 controls (keeps \n and \t handled separately), ANSI escapes, and bidi overrides/isolates
# that could make text display differently from how it reads.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))

#: Why text with half a character is refused, and what to do (the end of a sentence).
UNREADABLE = ("could not be read as text (perhaps it was pasted from somewhere with a different "
              "character set). Please type it again.")


def has_half_characters(text: str) -> bool:
    """True when `text` holds half a character (a lone surrogate), as arrives when a terminal
    passes on bytes it could not decode. Such text cannot be saved as UTF-8."""
    return any("\ud800" <= char <= "\udfff" for char in text)


#: Any character strip_controls would change or drop: C0 and C1 controls (ESC, so every ANSI
#: escape, and tab, CR, LF among them), half characters (surrogates) and the bidi characters.
_NEEDS_WORK = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e"
                         "\u2066-\u2069]")


def strip_controls(text: str, keep_newlines: bool = False) -> str:
    """Remove ANSI escapes, control characters and bidi overrides; normalise to NFC."""
    if _NEEDS_WORK.search(text) is None:  # plain text (nearly all of it): nothing to remove
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    text = _ANSI.sub("", text).translate(_BIDI)
    out = []
    for char in text:
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char in "\t\r\n":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs"):
            continue
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def clean_text(value: str | None, field: str, limit: int = LINE, *, required: bool = False,
               label: str | None = None, multiline: bool = False) -> str:
    """Trim and clean `value`; raise ValidationError if it is required and empty or too long."""
    name = label or field
    text = strip_controls(value or "", keep_newlines=multiline).strip()
    if not multiline:
        text = " ".join(text.split())
    if required and not text:
        raise ValidationError(f"The {name} is empty. Please write a few words.", field)
    if len(text) > limit:
        raise ValidationError(
            f"The {name} is {len(text)} characters long; the most is {limit}. "
            "Please shorten it.", field)
    return text


def check_score(value: object, field: str, label: str, low: int = 0, high: int = 10) -> int:
    """A whole-number score in [low, high], or a ValidationError that says the range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"The {label} must be a whole number from {low} to {high}.", field)
    if not low <= value <= high:
        raise ValidationError(
            f"The {label} must be from {low} to {high}; {value} is outside that.", field)
    return value


def parse_int(text: str, field: str, label: str) -> int:
    """Read a whole number typed as text."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        raise ValidationError(
            f"The {label} must be a number written in digits, like 5; '{cleaned}' is not.",
            field) from None


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 record', '3 records' ('2 flare-ups', or `many` where adding 's' is wrong)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
