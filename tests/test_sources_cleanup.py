"""clean_text: mojibake, HTML, control characters, NFC — and real text left alone."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import clean_text
from studio.sources.cleanup import fix_greek_mojibake, strip_html
from property_examples import ANY_CHARACTER, examples

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


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.tuples(st.one_of(_word, _word, _word, _numeral), _sep), min_size=1, max_size=25))
def test_property_greek_prose_is_unchanged(tokens):
    text = "".join(w + s for w, s in tokens).strip()
    assert fix_greek_mojibake(text) == text


@settings(max_examples=examples(200), deadline=None)
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
    assert strip_html("<p>a &lt;b&gt; tag</p>") == "a <b> tag"  # an escaped tag in a page is text
    assert strip_html("a &lt;b&gt; tag") == "a &lt;b&gt; tag"  # plain text keeps what was typed
    assert strip_html('<div><script>alert(1)</script>ok<!-- hidden --></div>') == "ok"
    assert strip_html('<script>alert(1)</script>ok') == '<script>alert(1)</script>ok'  # words about HTML
    assert clean_text("<ul><li>one</li><li>two</li></ul>") == "- one\n- two"  # a list, as a browser shows it


def test_control_characters_go_and_line_breaks_are_unified():
    assert clean_text("a\x00b\x1bc\x7fd\ufeffe") == "a b c de"  # a control between words is a space
    assert clean_text("Hello\x00world") == "Hello world"
    assert clean_text("\x00start, end\x07") == "start, end"
    assert clean_text("word\x00 next\x01\nline") == "word next\nline"  # no doubled space at a space or break
    assert clean_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"
    assert clean_text("tab\there") == "tab here"
    assert clean_text("lone \ud800 half, pair \ud83d\ude00") == "lone  half, pair 😀"


def test_terminal_colour_codes_are_removed_entirely():
    assert clean_text("bell\x1b[31m red \x1b[0mdone") == "bell red done"
    assert clean_text("\x1b[1;38;5;208mbold orange\x1b[m text") == "bold orange text"
    assert clean_text("clear\x1b[2J\x1b[Hscreen \x1b[?25lcursor") == "clearscreen cursor"
    assert clean_text("a \x1b]8;;https://example.org\x07link\x1b]8;;\x1b\\ b") == "a link b"  # OSC 8 hyperlink
    assert clean_text("x\x1b]0;title\x1b\\y") == "xy"
    out = clean_text((FIXTURES / "terminal-controls.txt").read_text(encoding="utf-8"))
    assert out.startswith("Hello world bell red")
    assert "[31m" not in out and "[0m" not in out and "\x1b" not in out
    assert "Helloworld" not in out


def test_joiners_and_variation_selectors_are_kept():
    persian = "می\u200cخواهم"                     # ZWNJ inside a Persian word
    devanagari = "क्\u200dष"                        # ZWJ inside an Indic conjunct
    for text in (persian, devanagari, "👩\u200d💻", "❤\ufe0f", "☺\ufe0e", "#\ufe0f\u20e3"):
        assert clean_text(f"x\x00{text}\x00y") == f"x {text} y"


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


@settings(max_examples=examples(300), deadline=None)
@given(st.text(ANY_CHARACTER, max_size=300))
def test_property_output_is_always_xml_safe_and_nfc(text):
    out = clean_text(text)
    assert not _XML_BAD.search(out)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", "café", "“q”", "it’s", "→", "👩‍💻", "🇬🇷", "日本",
                                 "Καλημέρα", "&amp;", "<b>b</b>", "€", "—", "½", "ﬁ"]), max_size=40))
def test_property_cleaning_twice_changes_nothing_more(pieces):
    once = clean_text("".join(pieces))
    assert clean_text(once) == once  # a re-opened project's text stays as it was


_CLEAN_WORD = st.sampled_from(["word", "café", "Καλημέρα", "日本語", "👩\u200d💻", "🇬🇷", "👍🏽", "❤\ufe0f",
                               "می\u200cخواهم", "क्\u200dष", "it’s", "→", "42", "x.y", "a-b"])
_CONTROL = st.sampled_from([chr(c) for c in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]])
_ANSI = st.sampled_from(["\x1b[0m", "\x1b[31m", "\x1b[1;32m", "\x1b[38;5;208m", "\x1b[48;2;1;2;3m", "\x1b[2J",
                         "\x1b[H", "\x1b[?25h", "\x1b[K", "\x1b]0;title\x07", "\x1b]8;;https://e.org\x1b\\"])


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(_CLEAN_WORD, st.lists(_CONTROL, min_size=1, max_size=3).map("".join)), min_size=1,
                max_size=12))
def test_property_a_control_between_words_is_a_space(pairs):
    with_controls = "".join(w + c for w, c in pairs)
    with_spaces = " ".join(w for w, _ in pairs)
    out = clean_text(with_controls)
    assert out == clean_text(with_spaces)
    # grapheme clusters (ZWJ emoji, ZWNJ/ZWJ in scripts, variation selectors) come through whole
    assert regex.findall(r"\X", out.replace(" ", "")) == regex.findall(r"\X", with_spaces.replace(" ", ""))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(_CLEAN_WORD, st.just(" "), st.just("\n"), _ANSI), max_size=30))
def test_property_terminal_escape_sequences_vanish_without_a_trace(pieces):
    plain = "".join(p for p in pieces if not p.startswith("\x1b"))
    out = clean_text("".join(pieces))
    assert out == clean_text(plain)
    assert "\x1b" not in out and not regex.search(r"\[[\d;?]*[A-Za-z]", out)


def test_controls_between_spaces_leave_one_space():
    assert clean_text("red \x1b[0m\x0b\x0c tab") == "red tab"
    assert clean_text("a \x00\x00 b") == "a b"
    assert clean_text("a  b") == "a  b"  # the author's own spaces are theirs
