"""``**`` pairs as Markdown pairs them (nearest opener and closer), after an emoji and inside text written without
spaces too; stars in a `code span` or a link are the writer's; links are found in the text as typed. A cluster of
regional indicators is drawn as its flag or letters, never one letter for two."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.text import STYLE_BOLD, clean, emphasis_spans, graphemes, plain_letters, prepare


def drawn(text: str, links: bool = True) -> str:
    return "\n".join(p.text for p in prepare(text, links))


def bold(text: str) -> str:
    return "".join(c.text for p in prepare(text) for c in p.clusters if STYLE_BOLD in c.style)


def test_bold_after_an_emoji_with_a_selector_or_a_keycap():
    for text, words in [("➡️**Key point:** ship daily", "Key point:"), ("❤️**love** it", "love"),
                        ("⭐️**Star**", "Star"), ("1️⃣**Step one**", "Step one"), ("✅**Done**", "Done")]:
        assert "*" not in drawn(text), text
        assert bold(text) == words, text


def test_bold_inside_text_without_spaces():
    assert drawn("これは**重要**です。") == "これは重要です。" and bold("これは**重要**です。") == "重要"
    text = "**重要**なのは継続。**Tip:** 毎日"
    assert drawn(text) == "重要なのは継続。Tip: 毎日" and bold(text) == "重要Tip:"
    assert drawn("**Yes**/**No**") == "Yes/No" and bold("**Yes**/**No**") == "YesNo"
    assert drawn("**중요**합니다") == "중요합니다" and bold("**중요**합니다") == "중요"


def test_a_closer_pairs_with_the_nearest_opener():
    assert drawn("Use **kwargs here. **Done.**") == "Use **kwargs here. Done."
    assert bold("Use **kwargs here. **Done.**") == "Done."
    assert drawn("Python's **kwargs are **great**") == "Python's **kwargs are great"
    assert bold("Python's **kwargs are **great**") == "great"
    # a pair inside a word of an unspaced script holds no space; stars inside a spaced word end an open pair
    text = "Use **kwargs in Python. 我们**必须**学习。 **50%** off!"
    assert drawn(text) == "Use **kwargs in Python. 我们必须学习。 50% off!" and bold(text) == "必须50%"
    assert drawn("**a**.com 2**10 我们**必须**学习") == "**a**.com 2**10 我们必须学习"
    assert bold("**very important**.") == "very important" and bold("**Tip:**, then") == "Tip:"
    # no nesting: the inner pair is bold, the outer stars are drawn
    assert drawn("**a **b** c**") == "**a b c**" and bold("**a **b** c**") == "b"


def test_stars_of_a_path_or_a_glob_stay():
    for text in ["Glob src/**/*.py and src/**/*.md files.", "a/**b", "x**/**y", "f**k/**s", "see **x.com**/a"]:
        assert drawn(text) == clean(text), text


def test_stars_in_a_code_span_are_code():
    text = "Try `code **x**` and ``a **b** c`` then **bold**"
    assert drawn(text) == "Try `code **x**` and ``a **b** c`` then bold"
    assert bold(text) == "bold"
    assert plain_letters("`f(**kw)` **go**") == "`f(**kw)` go"


def test_links_are_found_in_the_typed_text():
    links = {c.link for p in prepare("**a**-b.com") for c in p.clusters if c.link}
    assert "https://a-b.com" not in links
    assert drawn("**a**-b.com") == "a-b.com" and bold("**a**-b.com") == "a"
    links = {c.link for p in prepare("**sub**-domain.example.com/a") for c in p.clusters if c.link}
    assert links == {"https://domain.example.com/a"}
    marked = [c for p in prepare("Read **https://ex.com/a** today") for c in p.clusters if c.link]
    assert "".join(c.text for c in marked) == "ex.com/a" and {c.link for c in marked} == {"https://ex.com/a"}
    mention = [c.text for p in prepare("ask **@ada** now") for c in p.clusters if c.accent]
    assert "".join(mention) == "@ada"


_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"


def _spec_pair(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` may be a marked pair: the looser reading (the studio may decline one, never see
    one this declines): "**" not after a spaced script's letter, a digit or a star, before a non-space; the closing
    one after a non-space, not before such a letter, digit or star; no run of three stars inside."""
    inside = line[start + 2:end - 2]
    before, after = line[start - 1:start], line[end:end + 1]
    spaced = rf"(?![{_UNSPACED}])[\p{{L}}\p{{N}}*]"
    return (line[start:start + 2] == line[end - 2:end] == "**" and inside.strip("*") != "" and "***" not in inside
            and not regex.match(spaced, before) and not regex.match(spaced, after)
            and not inside[0].isspace() and inside[0] != "*" and not inside[-1].isspace() and inside[-1] != "*")


_PIECES = st.sampled_from(["*", "**", "***", "a", "b", "2", " ", "/", ".", "(", ")", ",", "-", "`", "重要", "です",
                           "한", "❤️", "1️⃣", "😀", "x.com", "https://ex.com/", "@", "_", ":", "é"])


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_drawn_text_is_the_typed_text_less_marked_pairs(text):
    """Every star is drawn but those of the pairs found, each a pair the spec allows, none inside another; a text
    with no pair is drawn as typed."""
    line = " ".join(text.split())
    spans = emphasis_spans(line)
    kept, inner, pos = [], [], 0
    for start, end in spans:
        assert start >= pos and _spec_pair(line, start, end), (line, spans)
        kept += [line[pos:start], line[start + 2:end - 2]]
        inner.append(line[start + 2:end - 2])
        pos = end
    kept.append(line[pos:])
    assert plain_letters(line) == "".join(kept)
    assert drawn(line, links=False) == clean("".join(kept))
    assert drawn(line).count("*") == line.count("*") - 4 * len(spans)  # links drawn short keep their stars too
    assert "".join(c.text for p in prepare(line, False) for c in p.clusters if STYLE_BOLD in c.style) == "".join(inner)


def test_regional_indicators_are_never_lost():
    assert graphemes("🇫🇫\ufe0f") == ["🇫", "🇫\ufe0f"]
    assert graphemes("🇫🇫🏽") == ["🇫", "🇫", "🏽"]
    assert graphemes("🇫🇷🏽") == ["🇫🇷", "🏽"]
    assert graphemes("🇫🇷\ufe0f") == ["🇫🇷\ufe0f"] and graphemes("🇫🇷") == ["🇫🇷"]
    for text in ["🇫🇫\ufe0f", "🇫🇫🏽", "🇫🇷🏽", "ok 🇫🇫\ufe0f🇷 go"]:
        pictures = [c.emoji for p in prepare(text) for c in p.clusters if c.emoji]
        letters = regex.findall("[\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]", text)
        flags = sum(1 for name in pictures if name.count("-") == 1 and name.startswith("1f1"))
        assert len(pictures) + flags == len(letters), (text, pictures)
