"""Names never lose a word a reader sees: a keycap is its digit, a drawn format sign stays; invisible characters
are one rule for names and the PDF Title; download names hold no stray emoji part."""
from __future__ import annotations

import unicodedata

import pytest

from studio.naming import _INVISIBLE, _is_emoji_part, document_info, file_stem, hook_name, visible

from render_helpers import carousel_of


@pytest.mark.parametrize("text, name", [
    ("5\ufe0f\u20e3 mistakes founders make", "5 mistakes founders make"),
    ("0\ufe0f\u20e3 to 100 in a year", "0 to 100 in a year"),
    ("2\ufe0f\u20e3 2\ufe0f\u20e3 doubled", "2 2 doubled"),
    ("#\ufe0f\u20e3 hashtags that work", "# hashtags that work"),
])
def test_a_leading_keycap_is_its_digit(text, name):
    assert hook_name(text) == name


@pytest.mark.parametrize("sign", ["\u0600", "\u06dd", "\u180e"])
def test_a_drawn_format_sign_stays_in_the_name_and_the_title(sign):
    text = f"Arabic {sign}\u0661\u0662 sign"
    assert hook_name(text) == text
    c = carousel_of(["Words."], format="linkedin-portrait")
    c.name = text
    assert document_info(c)["title"] == text


def test_names_and_the_title_share_one_rule_for_invisible_characters():
    for code in range(0x110000):
        ch = chr(code)
        if unicodedata.category(ch) == "Cf" and ch not in "\u200c\u200d":
            assert _is_emoji_part(ch) == (visible(ch) == ""), hex(code)


@pytest.mark.parametrize("name, stem", [
    ("Emoji \u2764\ufe0f love", "emoji-love"),
    ("1\ufe0f\u20e3 Lesson one", "1-lesson-one"),
    ("Rate it *\ufe0f\u20e3 now", "rate-it-now"),
    ("keycap 1\u20e3 plain", "keycap-1-plain"),
    ("Cafe\u0301 na\u0308ive", "café-näive"),
    ("हिन्दी पाठ", "हिन्दी-पाठ"),  # a vowel sign belongs to its letter
])
def test_a_download_name_keeps_marks_only_on_their_letters(name, stem):
    assert file_stem(name) == stem
