"""clean_text: mojibake, HTML, control characters, NFC — and real text left alone."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import clean_text
from studio.sources.cleanup import fix_greek_mojibake, strip_html

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def garble_cp1253(text: str) -> str:
    """UTF-8 bytes read as Windows-1253, undefined bytes as Windows-1252 or C1 controls."""
    out = []
    for b in text.encode("utf-8"):
        for codec in ("cp1253", "cp1252"):
            try:
                out.append(bytes([b]).decode(codec))
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append(chr(b))
    return "".join(out)


def test_greek_mojibake_examples_from_the_issue():
    assert clean_text("Next β†’ step") == "Next → step"
    assert clean_text("Read this πŸ‘‡") == "Read this 👇"
    assert clean_text("price:Β\u00a010") == "price:\u00a010"
    assert clean_text("euro β‚¬5, “quoted” β€œtoo”") == "euro €5, “quoted” “too”"


def test_mojibake_fixture_is_fully_repaired():
    garbled = (FIXTURES / "mojibake-thread.txt").read_text(encoding="utf-8")
    fixed = (FIXTURES / "mojibake-thread.fixed.txt").read_text(encoding="utf-8")
    assert "β†’" in garbled and "πŸ‘‡" in garbled
    assert clean_text(garbled) == fixed.strip()


def test_accented_latin_is_repaired_only_beside_latin_letters():
    assert clean_text("cafΓ© Γ©tΓ© Γ‰cole") == "café été École"
    assert clean_text("Γ’ Λυκείου") == "Γ’ Λυκείου"


def test_real_greek_text_is_never_touched():
    text = (FIXTURES / "greek-real.txt").read_text(encoding="utf-8").strip()
    assert clean_text(text) == text
    for s in ("Β΄ Παγκόσμιος", "Β’ Παγκόσμιος", "Γ΄ τάξη", "Δ’ Δημοτικού", "και…»", "καλά…", "ΗΠΑ·"):
        assert clean_text(s) == s, s


_LOWER = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς"
_UPPER = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ"
_word = st.builds(lambda cap, rest: cap + rest, st.sampled_from(list(_UPPER) + [""]),
                  st.text(alphabet=_LOWER, min_size=2, max_size=9))
_numeral = st.sampled_from(["Α’", "Β’", "Γ’", "Δ’", "ΣΤ’", "Β΄", "Γ΄", "Ε΄"])
_sep = st.sampled_from([" ", ", ", ". ", "… ", "» ", " «", "· ", "; ", "’ ", " — ", "\n", "…»", "’»", " 25° ", " 3,50 € "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.one_of(_word, _word, _word, _numeral), _sep), min_size=1, max_size=25))
def test_property_greek_prose_is_unchanged(tokens):
    text = "".join(w + s for w, s in tokens).strip()
    assert fix_greek_mojibake(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abc xyz.,!?-") + ["→", "👇", "“", "”", "’", "—", "€", "café",
                                                      "\u00a0", "👩‍💻", "🇬🇷", "☕️", "•"]), max_size=40))
def test_property_garbled_symbols_come_back(pieces):
    text = "".join(pieces).strip()
    assert clean_text(garble_cp1253(text)) == clean_text(text)


def test_html_anchors_breaks_and_entities_become_plain_text():
    html = (FIXTURES / "html-paste.txt").read_text(encoding="utf-8")
    out = clean_text(html)
    assert out == ("Our launch thread is live: https://x.com/jane_builds/status/1175000000000000001\n"
                   "Read it & share it.\n\n"
                   "Q&A: what changed? See the notes (https://example.org/notes) — and thanks to @ana_ships.")
    assert "<" not in out and "&amp;" not in out


def test_html_stripping_keeps_text_that_only_looks_like_markup():
    assert strip_html("I <3 this, List<T> and AT&T, &notanentity") == "I <3 this, List<T> and AT&T, &notanentity"
    assert strip_html("a &lt;b&gt; tag") == "a <b> tag"  # an escaped tag is text, not markup
    assert strip_html('<script>alert(1)</script>ok<!-- hidden -->') == "ok"
    assert clean_text("<ul><li>one</li><li>two</li></ul>") == "- one\n\n- two"


def test_control_characters_go_and_line_breaks_are_unified():
    assert clean_text("a\x00b\x1bc\x7fd\ufeffe") == "abcde"
    assert clean_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"
    assert clean_text("tab\there") == "tab here"
    assert clean_text("lone \ud800 half, pair \ud83d\ude00") == "lone  half, pair 😀"


def test_nfc_and_grapheme_clusters_survive():
    decomposed = "Cafe\u0301 and e\u0301te\u0301"
    assert clean_text(decomposed) == unicodedata.normalize("NFC", decomposed)
    family, flag, skin = "👨‍👩‍👧‍👦", "🇬🇷", "👍🏽"
    out = clean_text(f"{family} {flag} {skin} ❤️")
    assert regex.findall(r"\X", out) == [family, " ", flag, " ", skin, " ", "❤️"]


def test_curly_quotes_and_cjk_punctuation_are_kept():
    assert clean_text("It’s “quoted” — ‘yes’") == "It’s “quoted” — ‘yes’"
    assert clean_text("日本語！（テスト）") == "日本語！（テスト）"


def test_ftfy_handles_latin1_mojibake_too():
    assert clean_text("cafÃ© â€” ok") == "café — ok"


_XML_BAD = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_property_output_is_always_xml_safe_and_nfc(text):
    out = clean_text(text)
    assert not _XML_BAD.search(out)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", "café", "“q”", "it’s", "→", "👩‍💻", "🇬🇷", "日本",
                                 "Καλημέρα", "&amp;", "<b>b</b>", "€", "—", "½", "ﬁ"]), max_size=40))
def test_property_cleaning_twice_changes_nothing_more(pieces):
    once = clean_text("".join(pieces))
    assert clean_text(once) == once  # a re-opened project's text stays as it was
