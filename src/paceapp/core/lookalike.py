"""Invisible characters and look-alike text: so that no peer can pass for someone else.

Two tools, used on everything a peer's card or plan carries (docs/sharing.md):

- :func:`remove_invisible` takes out characters that show as nothing: Unicode format characters
  (category Cf: zero-width spaces and joiners, the word joiner, bidi controls, the soft hyphen, tag
  characters), variation selectors, and the other default-ignorable characters (Hangul fillers,
  the combining grapheme joiner, ...). "Sam" followed by a zero-width space is simply "Sam".
- :func:`look_alike_keys` folds text to the forms a reader cannot tell apart: the same letters in
  another case, compatibility forms (full-width letters), accents, and the common Latin, Cyrillic
  and Greek look-alikes ("Sаm" with a Cyrillic "а", "0" and "O", capital "I" and small "l").
  Two names that share a key look alike on screen.
"""

from __future__ import annotations

import unicodedata

#: Default_Ignorable_Code_Point ranges (Unicode DerivedCoreProperties) that are not category Cf,
#: plus the blanks that render as nothing in most terminals (Hangul fillers, the braille blank).
_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x2800, 0x2800),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_ZWJ, _ZWNJ, _VS15, _VS16 = "\u200d", "\u200c", "\ufe0e", "\ufe0f"
_BLACK_FLAG = 0x1F3F4
_TAGS = range(0xE0020, 0xE0080)
_CANCEL_TAG = 0xE007F


def is_invisible(char: str) -> bool:
    """True for a character that shows as nothing (or only changes how others show)."""
    code = ord(char)
    if unicodedata.category(char) == "Cf":
        return True
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def remove_invisible(text: str, *, keep_emoji: bool = False) -> str:
    """`text` without invisible characters, normalised to NFC.

    With `keep_emoji` (free text such as notes, not names), the joiners and selectors that build
    emoji and joined letters are kept where they do that job: a zero-width (non-)joiner after a
    character that is not plain ASCII, a variation selector after a symbol, digit, '#' or '*', and
    the tag letters of a flag such as Wales or Scotland (after the black flag). Everywhere else,
    and always in names, they are removed.
    """
    out: list[str] = []
    in_flag = False
    for char in text:
        code = ord(char)
        if not is_invisible(char):
            out.append(char)
            in_flag = code == _BLACK_FLAG
            continue
        if keep_emoji and out:
            before = out[-1]
            if in_flag and code in _TAGS:
                out.append(char)
                in_flag = code != _CANCEL_TAG
                continue
            if char in (_ZWJ, _ZWNJ) and ord(before) > 0x7F and not is_invisible(before) \
                    or char == _ZWJ and before == _VS16:
                out.append(char)
                continue
            if char in (_VS15, _VS16) and (before in "#*0123456789" or ord(before) > 0x7F
                                           and unicodedata.category(before)[0] in "SN"
                                           or ord(before) >= 0x1F000):
                out.append(char)
                continue
        in_flag = False
    return unicodedata.normalize("NFC", "".join(out))


def has_invisible(text: str) -> bool:
    return any(is_invisible(char) for char in text)


# -- look-alikes ---------------------------------------------------------------------------------
#: Capital letters (before case folding: capital Cyrillic "Н" looks like "H", small "н" does not).
_CAPITALS = str.maketrans({
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J",
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "Ѕ": "S", "І": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W",
    "Һ": "H", "Ӏ": "l", "Ԍ": "G",
    # Cherokee
    "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭻ": "J", "Ꮶ": "K",
    "Ꮮ": "L", "Ꮇ": "M", "Ꮲ": "P", "Ꮪ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮃ": "W", "Ꮓ": "Z",
})
#: Small letters, digits and marks (after case folding).
_SMALL = str.maketrans({
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i",
    "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y", "к": "k", "ԍ": "g",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "υ": "u", "χ": "x", "γ": "y",
    "ω": "w", "ϲ": "c", "ϳ": "j", "β": "b",
    # Armenian
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "ա": "w", "զ": "q", "ք": "p",
    # Latin look-alikes
    "ı": "i", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʟ": "l", "ǀ": "l", "ɪ": "i", "ᴏ": "o",
    # digits and strokes
    "0": "o", "1": "l", "|": "l", "¦": "l",
    # dashes and quotes
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹘": "-", "﹣": "-",
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "ʹ": "'", "ʼ": "'", "ˈ": "'", "`": "'",
    "´": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
})
#: Pairs of letters that read as one letter.
_PAIRS = (("rn", "m"), ("vv", "w"))


def _bare(text: str) -> str:
    """Compatibility forms folded (NFKD) and accents and other combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    text = _bare(text.casefold()).translate(_SMALL)
    for pair, one in _PAIRS:
        text = text.replace(pair, one)
    return " ".join(text.split())


def look_alike_keys(text: str) -> frozenset[str]:
    """The forms `text` cannot be told apart from on screen; texts sharing a key look alike.

    Two keys, because capital "I" and small "l" look the same but "I" is also "i" in another case:
    "Ian" shares a key with "ian" and one with "lan".
    """
    base = _bare(remove_invisible(text)).translate(_CAPITALS)
    return frozenset({_fold(base), _fold(base.replace("I", "l"))})


#: Scripts with letters that pass for Latin ones: a name mixing two of them is suspect.
_LOOK_ALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})


def mixed_script(text: str) -> bool:
    """True when the letters of `text` come from more than one of the scripts whose letters look
    like Latin ones (e.g. a Latin "S" with a Cyrillic "а"): such a name may be mimicking another,
    even with a look-alike this module does not list."""
    scripts = set()
    for char in unicodedata.normalize("NFKC", remove_invisible(text)):
        if unicodedata.category(char)[0] == "L":
            script = unicodedata.name(char, "").split(" ")[0]
            if script in _LOOK_ALIKE_SCRIPTS:
                scripts.add(script)
    return len(scripts) > 1


def look_alike(first: str, second: str) -> bool:
    return bool(look_alike_keys(first) & look_alike_keys(second))


def _squashed(text: str) -> str:
    """A harsh fold for spotting wording however it is disguised: look-alikes folded, no spaces,
    and "i", "l" and "1" all the same."""
    return _fold(_bare(remove_invisible(text)).translate(_CAPITALS)).replace(" ", "").replace(
        "l", "i")


def find_disguised(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first of `phrases` that `text` contains, even written with look-alike letters, other
    case, invisible characters or extra spaces; None when it contains none."""
    squashed = _squashed(text)
    return next((phrase for phrase in phrases if _squashed(phrase) in squashed), None)
