"""Session 21's rough items: each test fails on the code before it."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings, strategies as st

from studio.text import prepare, wrap_para

_THAI = ("กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮ", "เแโใไ", "ะาำ", "่้๊๋ิีึืุู็ั์")
_LAO = ("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ", "ເແໂໃໄ", "ະາຳ", "່້ິີຶືຸູັ")


@st.composite
def _syllables(draw):
    consonants, leading, following, marks = draw(st.sampled_from([_THAI, _LAO]))
    syllable = st.tuples(st.sampled_from(("",) + tuple(leading)), st.sampled_from(consonants),
                         st.sampled_from(("",) + tuple(marks)), st.sampled_from(("",) + tuple(following)),
                         st.sampled_from(("",) + tuple(consonants))).map("".join)
    return "".join(draw(st.lists(syllable, min_size=4, max_size=30))), leading, following


@settings(max_examples=150, deadline=None)
@given(_syllables(), st.sampled_from([40, 60, 90, 130]))
def test_a_thai_or_lao_word_wider_than_its_line_is_cut_between_syllables(found, width):
    # a made-up word (no dictionary knows it) cut at the edge left "แ" at a line's end, or started a line with
    # "ะ" or "า": a syllable cut in two ("ผแ" | "ผาห")
    word, leading, following = found
    lines = wrap_para(prepare(word)[0], "Inter", 400, 18, width)
    assert "".join(line.text for line in lines) == word
    for above, below in zip(lines, lines[1:]):
        assert above.text[-1] not in leading, (above.text, below.text)
        assert below.text[0] not in following and not unicodedata.category(below.text[0]).startswith("M"), \
            (above.text, below.text)
