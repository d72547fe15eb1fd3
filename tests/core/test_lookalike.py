"""Invisible characters and look-alike text (core.lookalike): the classes, not one example each."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paceapp.core.lookalike import (
    find_disguised,
    is_invisible,
    look_alike,
    look_alike_keys,
    mixed_script,
    remove_invisible,
)

#: Every kind of character that shows as nothing: category Cf (zero-width space, non-joiner,
#: joiner, word joiner, invisible operators, bidi marks and controls, soft hyphen, BOM), tag
#: characters, variation selectors (both blocks), and other default-ignorables and blanks.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206f\u2800\u3164\ufe00\ufe0e\ufe0f\ufeff\uffa0\ufff0"
    "\U0001bca0\U0001d173\U000e0001\U000e0020\U000e0041\U000e007f\U000e0100\U000e01ef"
)
invisible_chars = st.one_of(
    st.sampled_from(INVISIBLE),
    st.characters(whitelist_categories=("Cf",)),
    st.integers(0xE0000, 0xE007F).map(chr),   # tags
    st.integers(0xFE00, 0xFE0F).map(chr),     # variation selectors
    st.integers(0xE0100, 0xE01EF).map(chr),   # variation selectors supplement
    st.integers(0x200B, 0x200F).map(chr),     # zero-width and direction marks
)
base_names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"),
                                            max_codepoint=0x2FFF),
                     min_size=1, max_size=12).map(lambda s: unicodedata.normalize("NFC", s))


def test_every_kind_of_invisible_character_is_known() -> None:
    for char in INVISIBLE:
        assert is_invisible(char), hex(ord(char))
    for char in "Sam Jo-Ann O'Neil Zoë 李 👍🏽 ❤":
        assert not is_invisible(char), hex(ord(char))


@settings(max_examples=300, deadline=None)
@given(base=base_names, extra=st.lists(st.tuples(st.integers(0, 20), invisible_chars),
                                       min_size=1, max_size=8))
def test_a_name_with_invisible_characters_anywhere_is_the_name(
        base: str, extra: list[tuple[int, str]]) -> None:
    name = base
    for position, char in extra:
        at = position % (len(name) + 1)
        name = name[:at] + char + name[at:]
    assert remove_invisible(name) == base
    assert look_alike(name, base)
    assert not any(is_invisible(c) for c in remove_invisible(name))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_keeping_emoji_never_keeps_joiners_next_to_plain_letters(text: str) -> None:
    kept = remove_invisible(text, keep_emoji=True)
    for before, char in zip(kept, kept[1:], strict=False):
        if is_invisible(char) and before.isascii() and before.isalpha():
            pytest.fail(f"kept {hex(ord(char))} after {before!r}")


def test_emoji_keep_their_joiners_in_notes_but_not_in_names() -> None:
    wales = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
    fire_heart = "\u2764\ufe0f\u200d\U0001f525"
    keycap = "1\ufe0f\u20e3"
    for emoji in (wales, fire_heart, keycap):
        assert remove_invisible(f"Go {emoji}!", keep_emoji=True) == f"Go {emoji}!"
    assert remove_invisible(f"Jo {fire_heart}") == "Jo \u2764\U0001f525"
    assert remove_invisible("Sam\u200d\ufe0f", keep_emoji=True) == "Sam"
    assert remove_invisible("S\U000e0041am", keep_emoji=True) == "Sam"  # tags outside a flag


@pytest.mark.parametrize(("first", "second"), [
    ("Sam", "sam"), ("Sam", "SAM"),
    ("Sam", "S\u0430m"),            # Cyrillic a
    ("Paul", "\u0420aul"),          # Cyrillic capital Er
    ("Harry", "\u041darry"),        # Cyrillic capital En
    ("Kate", "\u039aate"),          # Greek capital Kappa
    ("Tom", "T\u03bfm"),            # Greek small omicron
    ("Joe", "J\u043e\u0435"),       # Cyrillic o and e
    ("Ian", "lan"), ("Ian", "ian"),  # capital I and small l
    ("Bob", "B0b"), ("Ali", "A1i"),
    ("Zoe", "Zo\u00eb"), ("Jose", "Jose\u0301"),  # accents
    ("Sam", "\uff33\uff41\uff4d"),  # full width
    ("Arnie", "Amie"), ("Owen", "Ovven"),
    ("Jo-Ann", "Jo\u2013Ann"), ("O'Neil", "O\u2019Neil"),
    ("Sam", "Sam\u200b"), ("Sam", "S\u2060am"), ("Sam", "Sam\U000e0020"), ("Sam", "Sam\ufe0f"),
    ("Jo", "J\u0585"), ("Sam", "\u13daam"),       # Armenian oh, Cherokee du
    ("Sam", "\U0001d412\U0001d41a\U0001d426"),   # mathematical bold
])
def test_names_that_look_alike_share_a_key(first: str, second: str) -> None:
    assert look_alike(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Sam", "Sim"), ("Jo", "Joe"), ("Ali", "Alex"), ("Jo Smith", "JoSmith"), ("Priya", "Dave"),
])
def test_different_names_do_not(first: str, second: str) -> None:
    assert not look_alike(first, second)
    assert look_alike_keys(first).isdisjoint(look_alike_keys(second))


@pytest.mark.parametrize("text", [
    "Samaritans: call 0900 123 456", "S\u0430m\u0430ritans : call", "SAMARlTANS:",
    "samari\u200btans:", "Sa\u00admaritans:", "* \uff33amaritans\uff1a call",
])
def test_wording_is_found_however_it_is_disguised(text: str) -> None:
    assert find_disguised(text, ("Samaritans:",)) == "Samaritans:"


def test_wording_not_there_is_not_found() -> None:
    assert find_disguised("Ring Samaritans on 116 123", ("Samaritans:",)) is None


@pytest.mark.parametrize(("name", "mixed"), [
    ("S\u0430m", True), ("\u0421am", True), ("Pa\u03bfl", True), ("J\u0585", True),
    ("Sam", False), ("\u0421\u0435\u0440\u0433\u0435\u0439", False),
    ("\u0394\u03ae\u03bc\u03b7\u03c4\u03c1\u03b1", False),
    ("Jo \u674e", False), ("\u3055\u304f\u3089 \u30b5\u30af\u30e9", False), ("Zo\u00eb", False),
])
def test_names_mixing_latin_with_look_alike_scripts_are_found(name: str, mixed: bool) -> None:
    assert mixed_script(name) is mixed
