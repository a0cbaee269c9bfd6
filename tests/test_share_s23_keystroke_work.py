"""Share mode: one keystroke in a long text box, after someone reworded it, searches the anchored changes a few
times in all, not once per remembered text. ``type_into`` (and a page's typing put back) chooses the text a box
typed on among up to 65 remembered ones; choosing by the anchored search made each keystroke cost ~1 s on a
39,000-character body. The work of the whole keystroke path is counted (anchored searches run), not timed."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples

from studio.app.sample import sample_carousel
from studio.share import document
from studio.share.codocument import CoDocument
from studio.share.document import REMEMBERED, SharedDocument, splice
from studio.share.sync import type_into


@pytest.fixture
def searches(monkeypatch):
    """How many anchored searches ran (a list: one entry per search)."""
    ran: list[int] = []
    search = document._anchored_changes

    def counted(a, b, steps=None):
        ran.append(len(a) + len(b))
        return search(a, b, steps)
    monkeypatch.setattr(document, "_anchored_changes", counted)
    return ran


def _body() -> str:
    r = random.Random(0)
    return " ".join("".join(r.choice("abcdefghij") for _ in range(r.randint(2, 8))) for _ in range(1_500))[:6_000]


def _reworded(text: str) -> str:
    return "".join("#" if i % 100 == 0 else ch for i, ch in enumerate(text))


def test_a_keystroke_after_a_rewording_searches_anchors_a_few_times_not_once_per_remembered_text(searches):
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide, body = hub.slide_ids()[1], _body()
    for n in range(REMEMBERED + 1):
        type_into(ada, slide, "body", body + "x" * n)
    bob.pull()
    reworded = _reworded(body) + "x" * REMEMBERED
    type_into(bob, slide, "body", reworded)
    ada.pull()
    assert ada.text(slide, "body") == reworded
    for n in range(1, 4):
        searches.clear()
        type_into(ada, slide, "body", ada.text(slide, "body") + "y")
        assert hub.text(slide, "body") == reworded + "y" * n
        assert len(searches) <= 3  # the chosen text's rebase and writing it: never one per remembered text


def test_typing_put_back_after_a_rewording_searches_anchors_a_few_times(searches):
    class Person:
        name, slide = "ada", 1
    doc, ada, bob = CoDocument(sample_carousel()), Person(), Person()
    bob.name = "bob"
    body = _body()
    for n in range(REMEMBERED + 1):
        doc.set_slide_text(1, body=body + "x" * n, origin=ada)
    reworded = _reworded(body) + "x" * REMEMBERED
    doc.set_slide_text(1, body=reworded, origin=bob)
    assert doc.carousel.slides[1].body == reworded
    slide_id = doc.replica(ada).slide_ids()[1]
    seen = [body + "x" * n for n in range(REMEMBERED + 1)] + [reworded]
    searches.clear()
    doc.put_back(slide_id, "body", seen, reworded + "z", near=1, origin=ada)
    assert doc.carousel.slides[1].body == reworded + "z"
    assert len(searches) <= 3


def _letter_by_letter(old: str, new: str) -> tuple[int, int, str]:
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    return start, end_old, new[start:end_new]


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet="ab\u0301👍", max_size=12), st.text(alphabet="ab\u0301👍", max_size=12))
def test_the_smallest_splice_found_by_halving_is_the_one_found_letter_by_letter(old, new):
    assert splice(old, new) == _letter_by_letter(old, new)
