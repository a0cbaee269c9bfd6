"""The archive listing's fast paths give exactly what the plain code gave.

Each reference below is the code as it was before its shortcut (ASCII text skipping the mojibake and
NFC passes, the "/end" mark tried only at the last "/" or "[", the label hint read without a case-blind
regex, items read ahead of a chunk's end); Hypothesis feeds both texts built from the characters and
words those shortcuts turn on.
"""
from __future__ import annotations

import json
import unicodedata
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from property_examples import ANY_CHARACTER, examples
from studio.sources import cleanup, paste, read_archive
from studio.sources.archive_files import iter_items
from studio.sources.cleanup import clean_text
from studio.sources.paste import strip_thread_labels

# ---------------------------------------------------------------- references (the code before)


def reference_clean_text(text: str, *, html_markup: bool = True, fold_blank_lines: bool = True) -> str:
    text = cleanup.remove_control_chars(cleanup._join_surrogates(text), keep_c1=True)
    if html_markup:
        text = cleanup.strip_html(text)
    if cleanup._SUSPECT_RE.search(text):
        text = cleanup.fix_greek_mojibake(text)
        text = cleanup._fix_mojibake()(text)
    text = cleanup.remove_control_chars(unicodedata.normalize("NFC", text))
    if " \n" in text or "\t\n" in text:
        text = cleanup._SPACES_RE.sub("\n", text)
    if fold_blank_lines:
        text = cleanup.fold_blanks(text)
    return text.strip()


def reference_strip_thread_labels(text: str) -> str:
    text = paste.fence_indented_code(text)
    if paste.THREAD_EMOJI not in text and not paste._LABEL_HINT_RE.search(text):
        return text.strip()
    code = paste.code_lines(text) if paste.has_code(text) else None
    lines = [line if code and code[i] or paste.THREAD_EMOJI not in line
             else paste._tidy_label(line)
             for i, line in enumerate(text.split("\n"))]
    text = paste._THREAD_LABEL_RE.sub("", "\n".join(lines), count=1)
    lines = text.split("\n")
    if lines and paste._LONE_LABEL_RE.match(lines[0]):
        lines = lines[1:]
    text = "\n".join(line.rstrip() for line in lines)
    end = paste._END_MARK_RE.search(text)
    if end is not None:
        mark = end.start() + len(end.group()) - len(end.group().lstrip())
        if not (text[mark] == "/" and text[mark - 1:mark].isdigit()):  # "3/ end" is post 3's word, not a mark
            text = text[:end.start()]
    return text.strip()


# ---------------------------------------------------------------- texts

# Pieces the shortcuts look at: marks in every case and spacing, slashes and brackets, controls, line ends,
# tabs, mojibake, combining marks, the Kelvin sign and long s (case-blind regexes match them), Turkish i's.
PIECES = ["thread", "Thread:", "THREAD", "tHrEaD", "a thread\n", "(thread)", "\U0001F9F5", "\U0001F447", "/end",
          "/ END", "/\tfin", "/Fin.", "[end]", "[END]!", "[ end]", "/", "[", "]", ".", "!", " ", "  ", "\t", "\n",
          "\n\n\n", "\r\n", "\r", "\x00", "\x1b[31m", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff",
          "\ud83e", "\udd14", "β†’", "πŸ‘‡", "cafΓ©", "Ã©", "e\u0301", "\u212a", "\u017f", "\u0130", "\u0131",
          "ﬁn", "Ｔhread", "```", "    indented = 1", "def f(x):", "https://example.org/a", "&amp;", "<b>", "word"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(ANY_CHARACTER, max_size=6)), max_size=14).map("".join)
ascii_texts = st.lists(st.one_of(st.sampled_from([p for p in PIECES if p.isascii()]),
                                 st.text(st.characters(max_codepoint=127), max_size=6)), max_size=14).map("".join)


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(texts, ascii_texts), st.booleans(), st.booleans())
def test_clean_text_is_the_reference(text, html_markup, fold):
    assert clean_text(text, html_markup=html_markup, fold_blank_lines=fold) == \
        reference_clean_text(text, html_markup=html_markup, fold_blank_lines=fold)


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(texts, ascii_texts))
def test_strip_thread_labels_is_the_reference(text):
    assert strip_thread_labels(text) == reference_strip_thread_labels(text)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(texts, ascii_texts))
def test_label_hint_is_the_case_blind_regex(text):
    assert paste._label_hint(text) == bool(paste._LABEL_HINT_RE.search(text))


def test_end_marks_still_go_and_words_stay():
    assert strip_thread_labels("Ship it. /END.") == "Ship it."
    assert strip_thread_labels("Ship it [End] !  ") == "Ship it"
    assert strip_thread_labels("a/b /end and more") == "a/b /end and more"
    assert strip_thread_labels("Thread: the cache /end /fin") == "the cache /end"
    assert strip_thread_labels("The /endpoint moved") == "The /endpoint moved"
    assert clean_text("caf\u00c3\u00a9 \x00 ok\r\n") == "café ok"
    assert clean_text("plain\tascii \x1b[1mbold\x1b[0m \n\n\n\nend") == "plain ascii bold\n\nend"


# ---------------------------------------------------------------- reading items across chunks


def _reference_items(text: str) -> list:
    return json.loads(text[text.index("["):])


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["id_str", "full_text", "n", "x"]),
                                st.one_of(st.text(ANY_CHARACTER, max_size=40), st.integers(), st.none(),
                                          st.lists(st.integers(), max_size=3)), max_size=4), max_size=30),
       st.integers(1, 64), st.sampled_from([None, 2]))
def test_items_read_ahead_are_the_array(items, chunk, indent):
    """Items cut anywhere by the chunks come out whole, in order, as the array holds them."""
    text = "window.YTD.tweets.part0 = " + json.dumps([{"tweet": i} for i in items], indent=indent)
    chunks = (text[i:i + chunk] for i in range(0, len(text), chunk))
    assert list(iter_items(chunks)) == _reference_items(text)


# ---------------------------------------------------------------- odd items read exactly as json reads them

# Values where JSON decoders part ways: integers past 64 bits, NaN and infinities, lone surrogates written as
# escapes, duplicate keys, ids as digits, braces in strings (a faster decoder must give these exactly).
ODD_VALUES = st.one_of(
    st.integers(), st.integers(min_value=2**63 - 4, max_value=2**64 + 4), st.integers(min_value=-2**63 - 4,
                                                                                      max_value=-2**63 + 4),
    st.integers(min_value=10**18, max_value=10**40).map(lambda n: -n), st.floats(allow_nan=True),
    st.sampled_from(["\ud800", "a\udfff", "\ud83d\ude00", "1600000000161973070", '"' + "9" * 40, "\n  }",
                     "}\n  },\n  {"]),
    st.text(ANY_CHARACTER, max_size=12), st.none(), st.booleans())


def _item_text(item) -> str:
    return json.dumps(item)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(["id_str", "full_text", "n", "x"]),
                                          st.one_of(ODD_VALUES, st.lists(ODD_VALUES, max_size=3)), max_size=4),
                          ODD_VALUES), max_size=25),
       st.integers(1, 5000), st.sampled_from([None, 0, 1, 2, 4, "\t"]), st.booleans())
def test_odd_items_are_json_items_exactly(items, chunk, indent, duplicate):
    """Items come out with json's very values, types included, however odd and however laid out."""
    text = "window.YTD.tweets.part0 = " + json.dumps([{"tweet": i} for i in items], indent=indent)
    if duplicate:  # a repeated key: both keep the last value in the first one's place
        text = text.replace('{"tweet": ', '{"tweet": 1, "tweet": ', 1).replace('"tweet": {', '"tweet": 0, "tweet": {', 1)
    chunks = (text[i:i + chunk] for i in range(0, len(text), chunk))
    assert repr(list(iter_items(chunks))) == repr(_reference_items(text))


@pytest.mark.parametrize("body, reason", [
    ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ('{"n": ' + "7" * 5000 + "}", "a number too long to read"),
])
def test_hostile_items_end_the_file_with_a_warning_not_a_crash(tmp_path, body, reason):
    path = tmp_path / "a.zip"
    good = {"tweet": {"id_str": "1", "full_text": "Hello."}}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = [\n  " + json.dumps(good) + ",\n  " + body + "\n]")
    result = read_archive(path)
    assert any(f"damaged JSON ({reason})" in w for w in result.warnings)
