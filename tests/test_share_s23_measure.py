"""Share mode: choosing which remembered text a box typed on. A replace-all through a long body is many small
changes, so the text really edited beats a short remembered one (it lost, and the words were put in twice); and
one keystroke after a paragraph under 2,000 characters was reworded never compares a big stretch closely
(difflib's work is counted, not timed: it cost seconds a call)."""
from __future__ import annotations

import random

import pytest

from studio.app.sample import sample_carousel
from studio.share import document
from studio.share.document import SharedDocument
from studio.share.sync import type_into

WORDS = "the a of and to in is it that for on with as was he she they we be at by this have from or".split()


def _text(size: int, seed: int = 0) -> str:
    r = random.Random(seed)
    return " ".join(r.choice(WORDS + [f"word{r.randrange(500)}"]) for _ in range(size // 3))[:size]


def test_a_replace_all_through_a_long_body_is_merged_once_not_next_to_the_old_text():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = hub.slide_ids()[1]
    type_into(ada, slide, "body", "")
    ada.pull()
    type_into(ada, slide, "body", _text(5_000))
    ada.pull()
    bob.pull()
    fixed = bob.text(slide, "body").replace(" the ", " The ")
    type_into(bob, slide, "body", fixed)
    bob.pull()
    ada.pull()
    assert hub.text(slide, "body") == ada.text(slide, "body") == fixed


@pytest.fixture
def compared(monkeypatch):
    """The size (old × new characters) of every close comparison made."""
    sizes: list[int] = []
    close = document._close_changes

    def counted(a, b):
        sizes.append(len(a) * len(b))
        return close(a, b)
    monkeypatch.setattr(document, "_close_changes", counted)
    return sizes


def test_a_keystroke_after_a_paragraph_was_reworded_compares_no_big_stretch_closely(compared):
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide, body = hub.slide_ids()[1], _text(6_000, seed=1)
    for n in range(8):
        type_into(ada, slide, "body", body + "x" * n)
    bob.pull()
    current = bob.text(slide, "body")
    reworded = current[:2_000] + "".join("#" if i % 7 == 0 else ch for i, ch in enumerate(current[2_000:3_900]))
    reworded += current[3_900:]
    type_into(bob, slide, "body", reworded)
    ada.pull()
    assert ada.text(slide, "body") == reworded
    compared.clear()
    typed = reworded[:3_950] + "y" + reworded[3_950:]  # right after the paragraph: each remembered text differs
    type_into(ada, slide, "body", typed)  # from it by the reworded stretch (1,900 letters), not by the whole tail
    assert hub.text(slide, "body") == typed
    assert max(compared, default=0) <= 250_000  # (about 0.1 s; a 1,900-letter stretch both sides took ~2 s)


def test_typing_put_back_after_a_restart_lands_on_its_slide_after_a_replace_all_there():
    from components.shared_text import Made, Unanswered, put_back_plain
    from studio.app import Document
    text = _text(5_000)
    doc, made = Document(sample_carousel()), Made()
    doc.set_slide_text(2, body=text)
    before = [slide.body for slide in doc.carousel.slides]
    fixed = text.replace(" the ", " The ")
    doc.set_slide_text(2, body=fixed)  # saved before the restart; the box's typing was never heard
    lost = Unanswered(key="k", page="page-1", project=None, slide="", index=2, field="body", base=text, sent=None,
                      seq=0, value=text + " MORE")
    put_back_plain(doc, lost, made.heard_last(lost))
    after = [slide.body for slide in doc.carousel.slides]
    assert after[2] == fixed + " MORE"  # (nothing heard since the restart: merged onto the text now)
    assert after[:2] + after[3:] == before[:2] + before[3:]  # no other slide's words replaced
