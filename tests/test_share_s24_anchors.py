"""Share mode, choosing the text a box typed on (``document.closest``): a text changed at many places (a replace-all
through a long body, punctuation made full-width) is measured again by the anchored search, so it beats a text
measured exactly but changed more (a guess from sampled stretches chose the wrong one and the body was doubled)."""
from __future__ import annotations

import random

import pytest

from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


class Person:
    def __init__(self, name: str) -> None:
        self.name = name


def _cjk_thread(r: random.Random, size: int) -> str:
    chars = [chr(0x4E00 + k) for k in range(2_500)]
    text = ""
    while len(text) < size:
        text += "".join(r.choices(chars, k=r.randint(6, 16))) + r.choice([",", ",", "."])
    return text


@pytest.mark.parametrize("seed", [1, 2])
def test_a_pasted_text_with_its_punctuation_changed_replaces_the_old_one_not_doubles_it(seed):
    thread = _cjk_thread(random.Random(seed), 3_000)
    doc, ada, bob = CoDocument(sample_carousel()), Person("ada"), Person("bob")
    doc.set_slide_text(1, body=thread, origin=ada)
    doc.replica(bob).pull()
    fixed = thread.replace(",", "，").replace(".", "。")
    doc.set_slide_text(1, body=fixed, origin=bob)
    assert doc.carousel.slides[1].body == fixed


def test_a_replace_all_through_a_long_english_body_replaces_it():
    r = random.Random(7)
    words = [r.choice(("the", "a", "of", "slide", "thread", "reader")) if r.random() < .6 else
             "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(2, 9))) for _ in range(700)]
    body = " ".join(words)
    doc, ada, bob = CoDocument(sample_carousel()), Person("ada"), Person("bob")
    doc.set_slide_text(1, body=body, origin=ada)
    doc.replica(bob).pull()
    replaced = body.replace("a", "A")
    doc.set_slide_text(1, body=replaced, origin=bob)
    assert doc.carousel.slides[1].body == replaced
