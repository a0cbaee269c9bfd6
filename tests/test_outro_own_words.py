"""The last post's ask shows once: an ask-only last post is the outro's own text (editable there), a longer
last post keeps its slide and the outro does not repeat its sentence; CTA variant, brand and preset
switches never replace the creator's words."""
from __future__ import annotations

import copy

from defusedxml import ElementTree as ET

from studio.app import Studio
from studio.brand import BrandProfile
from studio.export.pages import page_svgs
from studio.outro import OutroCTA
from studio.project_file import carousel_from_json, carousel_to_json
from studio.slide import Slide
from ui_helpers import click, open_panel, trigger, until
from render_helpers import carousel_of

SVG_TEXT = "{http://www.w3.org/2000/svg}text"
ASK = "Follow me for more threads like this."
POSTS = ["Three habits that made my mornings calm 🧵", "1) Put the phone in another room.",
         "2) Walk before you check anything. Ten minutes is enough."]


def squashed(text: str) -> str:
    """Text without any white space: a sentence broken over lines is still found."""
    return "".join(text.split())


def page_words(svg: str) -> str:
    return squashed("".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(SVG_TEXT)))


def pages_with(carousel, sentence: str) -> list[int]:
    """The pages (0-based) whose drawn text holds ``sentence``, once per time it occurs."""
    want = squashed(sentence)
    return [i for i, svg in enumerate(page_svgs(carousel, scale=1)) for _ in range(page_words(svg).count(want))]


def test_an_ask_only_last_post_is_the_outros_own_text_shown_once():
    carousel = carousel_of([*POSTS, ASK])
    assert [s.kind for s in carousel.slides] == ["cover", "content", "content", "outro"]
    outro = carousel.slides[-1]
    assert (outro.body, outro.post_ids) == (ASK, ["3"])  # the card shows the post is on the outro
    assert carousel.cta == OutroCTA.default(1) and ASK not in carousel.cta.subline
    assert pages_with(carousel, ASK) == [len(carousel.slides) - 1]


def test_a_last_post_with_more_than_its_ask_keeps_its_slide_and_the_outro_does_not_repeat_it():
    last = f"That is the whole routine. {ASK}"
    carousel = carousel_of([*POSTS, last])
    assert [s.kind for s in carousel.slides] == ["cover", "content", "content", "content", "outro"]
    assert carousel.slides[-1].body == "" and carousel.cta == OutroCTA.default(1)
    assert pages_with(carousel, ASK) == [3]
    assert pages_with(carousel, "That is the whole routine.") == [3]


def test_the_ask_of_another_kind_than_the_chosen_variant_keeps_its_slide():
    carousel = carousel_of([*POSTS, ASK], cta=OutroCTA.default(2))
    assert [s.kind for s in carousel.slides][-2:] == ["content", "outro"]
    assert carousel.slides[-1].body == "" and pages_with(carousel, ASK) == [3]


def test_a_subline_the_creator_wrote_is_not_covered_by_the_ask():
    own = OutroCTA(1, "Found this useful?", "Join 2,000 bakers on my list.", "Follow")
    carousel = carousel_of([*POSTS, ASK], cta=own)
    assert [s.kind for s in carousel.slides][-2:] == ["content", "outro"] and carousel.slides[-1].body == ""
    assert pages_with(carousel, ASK) == [3]
    assert pages_with(carousel, own.subline) == [4]


def laid_out(tmp_path) -> Studio:
    studio = Studio(tmp_path / "data")
    thread = studio.imports.paste("\n\n".join([*POSTS, ASK])).threads[0]
    if not studio.imports.use_thread(thread):
        studio.imports.lay_out(thread)
    return studio


def test_variant_brand_and_preset_switches_keep_the_creators_words(tmp_path):
    studio = laid_out(tmp_path)
    doc = studio.document
    last = len(doc.carousel.slides) - 1
    assert pages_with(doc.carousel, ASK) == [last]
    doc.set_cta_variant(3)
    assert doc.carousel.cta.button == "Save" and pages_with(doc.carousel, ASK) == [last]
    doc.use_brand(BrandProfile(name="Client B", handle="clientb",
                               cta=OutroCTA(2, "Client B asks", "Client B's own subline", "Repost")))
    assert pages_with(doc.carousel, ASK) == [last]
    assert pages_with(doc.carousel, "Client B asks") == [last]
    preset = copy.deepcopy(doc.carousel)
    preset.cta = OutroCTA.default(1)
    preset.theme = "midnight"
    doc.apply_settings(preset)
    assert pages_with(doc.carousel, ASK) == [last]
    doc.undo()
    doc.undo()
    doc.undo()
    assert pages_with(doc.carousel, ASK) == [last]


def test_a_project_saved_before_opens_the_same():
    """Saved by the previous version: the ask on its own slide and copied into the CTA's subline."""
    before = carousel_of([*POSTS, "Intro. " + ASK])
    before.slides[-2].body = ASK
    before.cta = OutroCTA(1, "Found this useful?", ASK, "Follow")
    opened = carousel_from_json(carousel_to_json(before))
    assert [(s.kind, s.title, s.body, s.post_ids) for s in opened.slides] == \
        [(s.kind, s.title, s.body, s.post_ids) for s in before.slides]
    assert opened.cta == before.cta
    assert page_svgs(opened, scale=1) == page_svgs(before, scale=1)


def test_an_outro_without_own_words_keeps_the_cta_subline():
    carousel = carousel_of(POSTS)
    assert carousel.slides[-1] == Slide(kind="outro")
    assert pages_with(carousel, carousel.cta.subline) == [len(carousel.slides) - 1]


async def test_the_outro_shows_the_words_in_its_editor_and_they_stay_editable(studio, testid):
    doc = studio.shared.document
    (box,) = testid(studio, "source-input")
    box.value = "\n\n".join([*POSTS, ASK])
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: doc.carousel.slides[-1].body == ASK)
    await studio.should_see("on the outro")  # the ask's post card says where its words are
    last = len(doc.carousel.slides) - 1
    trigger(studio, testid(studio, "slide-thumb")[last], "click")
    await studio.should_see(f"Slide {last + 1} of")
    (body,) = testid(studio, "slide-body")
    await until(lambda: body.visible and body.value == ASK)
    assert body.props["label"].startswith("Subline")
    body.value = "Follow me for one habit a week."
    assert doc.carousel.slides[last].body == "Follow me for one habit a week."
    (preview,) = testid(studio, "slide-preview")
    await until(lambda: "habitaweek." in page_words(preview.content))
    open_panel(studio, "Outro Slide CTA")
    (note,) = testid(studio, "cta-own-words")
    (cta_subline,) = testid(studio, "cta-subline")
    assert note.visible and not cta_subline.visible
    click(studio, next(t for t in testid(studio, "cta-option") if t.props["data-key"] == "2"))
    assert doc.carousel.cta.button == "Repost"
    assert doc.carousel.slides[last].body == "Follow me for one habit a week."
    await until(lambda: "Repost" in page_words(preview.content) and "habitaweek." in page_words(preview.content))
    assert body.value == "Follow me for one habit a week."
