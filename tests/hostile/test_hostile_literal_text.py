"""Pasted text keeps tag-like words literally; only the HTML of a copied page is turned into text."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from studio.sources import parse_paste
from studio.sources.cleanup import _SUSPECT_RE, clean_text, is_html_document


@pytest.mark.parametrize("typed", [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "<b>bold</b>",
    "&amp;xxe;",
    "&lt;p&gt; is a paragraph",
    "Use <br> for a line break and <p> for a paragraph",
    "<div> vs <span>: block vs inline",
    "List<T> and a <3 b",
])
def test_tag_like_words_stay_as_typed(typed):
    assert clean_text(typed) == typed
    posts = [p.text for p in parse_paste(f"HTML tips for developers\n\n{typed}").threads[0].posts]
    assert typed in "\n\n".join(posts)


def test_a_thread_about_html_keeps_every_word():
    text = ('1/ Never trust input: <script>alert("x")</script> runs in an unescaped page.\n\n'
            '2/ <img src=x onerror=alert(1)> needs no script tag at all.\n\n'
            '3/ Escape & as &amp; — so "&amp;xxe;" shows as typed.')
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    assert posts == ['Never trust input: <script>alert("x")</script> runs in an unescaped page.',
                     "<img src=x onerror=alert(1)> needs no script tag at all.",
                     'Escape & as &amp; — so "&amp;xxe;" shows as typed.']


def test_the_html_of_a_copied_page_becomes_text():
    page = ('<div><p>Shipping beats polish.<br>Every time.</p>'
            '<p>Read <a href="https://example.org/why">why</a> &amp; share.</p></div>')
    assert is_html_document(page)
    assert clean_text(page) == "Shipping beats polish.\nEvery time.\n\nRead why (https://example.org/why) & share."


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# Words of any script, without the characters mojibake is made of (those may be repaired on purpose). Its
# categories hold no lone surrogate, so every word is valid UTF-8 (codec="utf-8" said the same, and made each
# fresh checkout's test process test every code point with the codec first: ~6 s of CPU).
_WORD = st.text(st.characters(categories=("L", "N", "P", "S"),
                              exclude_characters=_SUSPECT_RE.pattern[1:-1].replace("\\", "")),
                min_size=1, max_size=12)


@given(st.lists(_WORD, min_size=1, max_size=30), st.sampled_from([" ", "\n", "\n\n"]))
def test_property_every_word_of_plain_text_survives(words, sep):
    text = sep.join(words)
    # The HTML of a page is converted on purpose; characters mojibake is made of may be repaired.
    assume(not is_html_document(text) and not _SUSPECT_RE.search(text))
    kept = clean_text(text).split()
    for word in words:
        # ligatures from copied PDFs ("ﬁ") are spelled out: the same word, as letters
        assert _nfkc(word) in map(_nfkc, kept), (word, kept)
