"""Share mode: the changes of a long text (``document.changes``) and choosing the text a box typed on
(``document.closest``). A reworded paragraph keeps its unchanged words as anchors, so a co-editor's typing in it
stays by its word (it had no unchanged 32-character run: one delete and rewrite, the typing put at its edge).
Choosing among remembered texts runs the anchored search once at most (it ran it four times a keystroke). The
work is counted (characters sliced or compared, searches run), never timed."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.share import document
from studio.share.document import ANCHOR, COMPARED, Steps, changes, closest, rebase
from studio.share.sync import patch

VOCAB = ("the a of and to in is it that for on with as was we they this have from or by at be an not but all carousel "
         "slide post thread writer reader studio image layout brand colour number story people because however "
         "really simple better quickly every morning evening something nothing always").split()


def _words(r: random.Random, count: int) -> list[str]:
    return [r.choice(VOCAB) if r.random() < .7 else "".join(r.choice("klmnopqrstuvwxyz") for _ in range(r.randint(3, 9)))
            for _ in range(count)]


def _reworded(r: random.Random, words: list[str]) -> list[str]:
    """A word in every two or three replaced (by another, or with a comma): no unchanged run of 32 characters."""
    out, k = list(words), r.randint(0, 2)
    while k < len(out):
        out[k] = r.choice(["really", "simply", "bright", out[k] + ","])
        k += r.randint(2, 3)
    return out


def _searches(monkeypatch) -> list[int]:
    ran: list[int] = []
    search = document._anchored_changes

    def counted(a, b, steps=None):
        ran.append(len(a) + len(b))
        return search(a, b, steps)
    monkeypatch.setattr(document, "_anchored_changes", counted)
    return ran


def _bounded(old: str, new: str) -> list[tuple[int, int, str]]:
    """``changes``, checked to make ``new`` from ``old`` in steps linear in their sizes: every stretch sliced at
    both anchor sizes, each character compared growing a run, and the close comparisons' budget."""
    from studio.share.document import CLOSE_BUDGET, FINE_ANCHOR
    steps = Steps()
    found = changes(old, new, steps)
    assert patch(old, found) == new
    assert steps.n <= (ANCHOR + FINE_ANCHOR + 4) * (len(old) + len(new)) + CLOSE_BUDGET
    return found


@pytest.mark.parametrize("seed", range(6))
def test_typing_in_a_paragraph_someone_reworded_meanwhile_stays_after_its_word(seed):
    r = random.Random(seed)
    paragraphs = [_words(r, r.randint(60, 140)) for _ in range(6)]
    mine = _reworded(r, paragraphs[3])
    at = r.randrange(3, len(mine) - 3)
    while mine[at - 1] != paragraphs[3][at - 1] or mine[at] != paragraphs[3][at]:  # between two words kept
        at += 1
    body = lambda p: "\n\n".join(" ".join(words) for words in paragraphs[:3] + [p] + paragraphs[4:])  # noqa: E731
    theirs = paragraphs[3][:at] + ["TYPED"] + paragraphs[3][at:]
    both = mine[:at] + ["TYPED"] + mine[at:]
    base, reworded = body(paragraphs[3]), body(mine)
    assert max(len(run) for run in _unchanged_runs(base, reworded)) < ANCHOR  # nothing the old anchors could find
    _bounded(base, reworded)
    assert rebase(base, reworded, body(theirs)) == body(both)
    assert rebase(base, body(theirs), reworded) == body(both)


def _unchanged_runs(base: str, new: str) -> list[str]:
    """The unchanged stretches of the reworded paragraph (the texts' common start and end left out)."""
    start, end, insert = document.splice(base, new)
    return [base[start + i1:start + i2] for tag, i1, i2, _j1, _j2 in
            document.SequenceMatcher(None, base[start:end], insert, autojunk=False).get_opcodes() if tag == "equal"]


@settings(max_examples=examples(40), deadline=None)
@given(st.text(alphabet="ab \n", min_size=1_000, max_size=5_000), st.data())
def test_a_reworded_stretch_of_a_repetitive_text_makes_the_new_text_in_linear_steps(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 2_000)))
    middle = data.draw(st.text(alphabet="ab \n", max_size=2_000))
    copied = data.draw(st.booleans())  # a paragraph copied elsewhere (anchors must be found once on each side)
    new = text[:start] + middle + (text[start:end] if copied else "") + text[end:]
    _bounded(text, new)


def test_close_comparisons_of_one_anchored_search_total_at_most_its_budget(monkeypatch):
    """``COMPARED`` bounds what one anchored search compares closely in all (×``ANCHOR``), not the length of a
    changed stretch that ``changes`` compares closely: a 600-character stretch (under ``COMPARED``) is anchored."""
    from studio.share.document import CLOSE_BUDGET, CLOSE_COST
    assert CLOSE_BUDGET == ANCHOR * COMPARED
    sizes: list[int] = []
    close = document._close_changes
    monkeypatch.setattr(document, "_close_changes", lambda a, b: sizes.append(len(a) * len(b)) or close(a, b))
    r = random.Random(3)
    words = _words(r, 3_000)
    reworded = [w if k % 50 else w.upper() + "!" for k, w in enumerate(words)]  # 60 far-apart changes
    old, new = " ".join(words), " ".join(reworded)
    _bounded(old, new)
    assert 0 < sum(sizes) <= CLOSE_BUDGET
    sizes.clear()
    paragraph = " ".join(_words(r, 100))[:600]
    long = " ".join(words)
    changes(long + paragraph, long + paragraph[::-1])
    assert max(sizes, default=0) <= CLOSE_COST  # never 600 × 600 at once


def test_choosing_the_text_a_replace_all_was_made_on_runs_the_anchored_search_once(monkeypatch):
    r = random.Random(4)
    body = " ".join(_words(r, 1_500))
    versions = [body + " more" * n for n in range(10)]  # what the box read lately, oldest first
    typed = versions[-1].replace(" the ", " The ")  # a replace-all in the box that read the last one
    candidates = ["", *versions][::-1]  # (a short text, measured exactly, that the long ones must beat)
    ran = _searches(monkeypatch)
    assert closest(candidates, lambda text: (text, typed)) == versions[-1]
    assert len(ran) <= 1
    ran.clear()
    assert closest(versions[::-1], lambda text: (text, typed)) == versions[-1]
    assert len(ran) <= 1


def test_a_keystroke_after_a_big_rewording_searches_once_while_choosing(monkeypatch):
    r = random.Random(5)
    words = _words(r, 1_500)
    versions = [" ".join(words) + "x" * n for n in range(20)]
    reworded = " ".join(w if k % 9 else w.upper() for k, w in enumerate(words))
    typed = reworded[:3_000] + "y" + reworded[3_000:] + "x" * 19  # typed in the reworded text
    older = [v[:2_000] + "z" + v[2_000:] for v in versions]  # and typed meanwhile in the old one
    candidates = [*versions, *older, reworded + "x" * 19][::-1]
    ran = _searches(monkeypatch)
    assert closest(candidates, lambda text: (text, typed)) == reworded + "x" * 19
    assert len(ran) <= 1


def test_the_one_search_goes_to_the_text_really_edited_not_an_unrelated_one_of_the_same_length(monkeypatch):
    """Which long-changed text gets the one anchored search is guessed from a few sampled stretches, not from the
    lengths alone: another slide's text exactly as long as the new one must not take it (regression guard)."""
    r = random.Random(6)
    seen = " ".join(_words(r, 1_200))
    typed = seen.replace(" the ", " THE ") + " and a few more words"
    unrelated = " ".join(_words(r, 1_300))[:len(typed)]
    ran = _searches(monkeypatch)
    pairs = [(unrelated, typed), (seen, typed), ("", typed)]
    assert closest(pairs, lambda pair: pair) == (seen, typed)
    assert len(ran) <= 1
