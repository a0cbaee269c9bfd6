"""Share mode: a whole-text box's rebase when more than ``COMPARED`` characters lie between two changes (two people
editing a long text at once, far apart). ``changes`` used to fall back to one change over everything between, so a
rebase put back what the other person deleted there and doubled what they typed there. Now unchanged runs are
anchored: the text between two changes is kept, in linear time (bounded by counted steps, not by the clock: every
character sliced or compared counts). Anchors are found once in both texts and kept in order: a paragraph copied
to the top anchored at its first place in the new text made the whole body one delete and rewrite."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.share.document import ANCHOR, COMPARED, Steps, changes, rebase
from studio.share.sync import patch

INSERTS = st.lists(st.sampled_from(["NEW", "WORDS", "here", "é", "👍🏽", "🇫🇷", "\n", "long " * 120]),
                   max_size=8).map(" ".join)


def _bounded(old: str, new: str) -> list[tuple[int, int, str]]:
    """``changes(old, new)``, checked to take steps linear in the texts' sizes (each sliced stretch of ``ANCHOR``
    characters, each character compared, and a close comparison's product of sizes: all counted)."""
    steps = Steps()
    found = changes(old, new, steps)
    assert steps.n <= (ANCHOR + 8) * (len(old) + len(new)) + ANCHOR * COMPARED
    return found


@st.composite
def two_peoples_edits(draw):
    """A long text of words found once each, and four far-apart edits of its words: two people's two each."""
    count = draw(st.integers(2_000, 3_500))
    words = [f"w{n}" for n in range(count)]
    eighth = count // 8
    cuts = [draw(st.integers(k * eighth + eighth // 4, (k + 1) * eighth - eighth // 4)) for k in range(8)]
    regions = [(cuts[2 * k], cuts[2 * k + 1], draw(INSERTS)) for k in range(4)]
    mine = draw(st.sampled_from([(0, 3), (0, 2), (1, 3), (0, 1), (2, 3), (1, 2)]))
    return words, [regions[k] for k in mine], [regions[k] for k in range(4) if k not in mine]


def _edited(words: list[str], regions: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, insert in sorted(regions):
        out += words[at:start] + ([insert] if insert else [])
        at = end
    return " ".join(out + words[at:])


@settings(max_examples=examples(60), deadline=None)
@given(two_peoples_edits())
def test_two_people_editing_a_long_text_far_apart_keep_every_word_of_both_once(edits):
    words, mine, theirs = edits
    base, my_text, their_text = _edited(words, []), _edited(words, mine), _edited(words, theirs)
    both = _edited(words, mine + theirs)
    for one, other in ((my_text, their_text), (their_text, my_text)):
        assert patch(base, _bounded(base, one)) == one
        assert rebase(base, one, other) == both


def test_the_text_between_two_changes_of_a_long_text_is_no_change():
    base = " ".join(f"w{n}" for n in range(3_000))
    edited = "Start " + base.replace(" w2999", " end")
    found = _bounded(base, edited)
    assert "".join(insert for _s, _e, insert in found) == "Start end"
    assert sum(end - start for start, end, _insert in found) == len("w2999")


@settings(max_examples=examples(40), deadline=None)
@given(st.text(alphabet="ab \n", min_size=COMPARED, max_size=6_000),
       st.text(alphabet="ab \n", min_size=COMPARED, max_size=6_000))
def test_changes_of_long_repetitive_texts_make_the_new_text_in_linear_steps(old, new):
    assert patch(old, _bounded(old, new)) == new


def test_a_paragraph_copied_to_the_top_of_a_long_text_is_one_insertion_and_merges_with_an_edit_in_the_middle():
    paragraphs = [" ".join(f"p{p}w{n}" for n in range(60)) for p in range(12)]
    base = "\n\n".join(paragraphs)
    bob = paragraphs[-1] + "\n\n" + base + " BOBEND"  # Bob copies the last paragraph to the top, adds a word
    ada = base.replace(" p6w30 ", " ADAWORD ")  # Ada meanwhile replaces a word in the middle
    want = paragraphs[-1] + "\n\n" + ada + " BOBEND"
    found = _bounded(base, bob)
    assert patch(base, found) == bob
    assert [(start == end, len(insert)) for start, end, insert in found] == [
        (True, len(paragraphs[-1]) + 2), (True, len(" BOBEND"))]  # two insertions: nothing deleted, nothing rewritten
    assert rebase(base, bob, ada) == want
    assert rebase(base, ada, bob) == want
