"""Post cards in the "Build Your Carousel" area: the spec's words, Apply Image for every photo,
alt text, keyboard use, and no post added twice to one slide without a word."""
from __future__ import annotations

import copy
import io

from PIL import Image as PILImage

from studio.image import load_image
from studio.post import Post, Thread
from ui_helpers import click, trigger


def photo(colour) -> object:
    out = io.BytesIO()
    PILImage.new("RGB", (320, 200), colour).save(out, "PNG")
    return load_image(out.getvalue(), name="photo")


async def test_a_post_with_two_photos_can_apply_either(studio, testid):
    doc = studio.shared.document
    blue, red = photo((20, 120, 220)), photo((220, 40, 40))
    doc.set_thread(Thread("t", [Post("a", "Two photos of the shop", author_name="Sam", images=[blue, red]),
                                Post("b", "No photo here")]))
    buttons = testid(studio, "apply-image")
    assert len(buttons) == 2
    assert [b.props["aria-label"] for b in buttons] == [
        "Apply post #1's photo 1 of 2 to the current slide", "Apply post #1's photo 2 of 2 to the current slide"]
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    click(studio, buttons[1])
    assert doc.carousel.slides[1].image == red
    click(studio, testid(studio, "apply-image")[0])
    assert doc.carousel.slides[1].image == blue


async def test_cards_carry_the_specs_words_and_alt_text(studio, testid):
    doc = studio.shared.document
    doc.set_thread(Thread("t", [Post("a", "First", author_name="Sam Baker", avatar=photo((1, 2, 3)),
                                     images=[photo((9, 9, 9))]), Post("b", "Second")]))
    await studio.should_see("Build Your Carousel")
    await studio.should_see("Drag Post #1")
    await studio.should_see("Drag Post #2")
    cards = testid(studio, "post-card")
    assert cards[0].props["tabindex"] == "0" and cards[0].props["aria-label"].startswith("Post #1 by Sam Baker")
    with studio:
        alts = sorted(e.props.get("alt") for e in studio.client.elements.values() if e.props.get("alt"))
    assert alts == ["Post #1, photo", "Sam Baker's picture"]


async def test_the_same_post_twice_on_a_slide_is_refused_and_enter_on_a_card_inserts_it(studio, testid):
    doc = studio.shared.document
    trigger(studio, testid(studio, "slide-thumb")[2], "click")  # the same post twice: refused with a notice
    post = doc.carousel.slides[2].post_ids[0]
    index = [p.id for p in doc.carousel.thread.posts].index(post)
    body = doc.carousel.slides[2].body
    click(studio, testid(studio, "add-to-slide")[index])
    await studio.should_see("This post is already on slide 3")
    assert doc.carousel.slides[2].body == body
    # Enter on a card inserts its post on the slide after the current one; Shift+Enter adds it to that slide
    count = len(doc.carousel.slides)
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    card = testid(studio, "post-card")[3]
    trigger(studio, card, "keydown.enter", {"shiftKey": False})
    assert len(doc.carousel.slides) == count  # the post's own slide moved there
    assert doc.carousel.slides[2].post_ids == [doc.carousel.thread.posts[3].id]
    trigger(studio, testid(studio, "post-card")[4], "keydown.enter", {"shiftKey": True})
    assert doc.carousel.thread.posts[4].id in doc.carousel.slides[2].post_ids
    assert len(doc.carousel.slides) == count - 1  # and the added post's own slide is gone: it moved too


async def test_a_copied_post_card_names_every_slide_it_is_on(studio, testid):
    doc = studio.shared.document
    post = doc.carousel.thread.posts[3]
    own = next(i for i, s in enumerate(doc.carousel.slides) if s.post_ids == [post.id])
    doc.set_slide_text(own, body=doc.carousel.slides[own].body + " My own note.")  # now the creator's slide
    trigger(studio, testid(studio, "slide-thumb")[0], "click")
    trigger(studio, testid(studio, "post-card")[3], "keydown.enter", {"shiftKey": False})
    await studio.should_see(f"on slide 2 and slide {own + 2}")


async def test_tiles_are_radio_groups_chosen_with_space_or_enter(studio, testid):
    tiles = testid(studio, "theme-option")
    assert all(t.props["role"] == "radio" and t.props["tabindex"] == "0" for t in tiles)
    assert [t.props["data-key"] for t in tiles if t.props["aria-checked"] == "true"] == ["paper"]
    electric = next(t for t in tiles if t.props["data-key"] == "electric")
    trigger(studio, electric, "keydown.space.prevent")
    assert studio.shared.document.carousel.theme == "electric"
    assert electric.props["aria-checked"] == "true"
    paper = next(t for t in tiles if t.props["data-key"] == "paper")
    trigger(studio, paper, "keydown.enter")
    assert studio.shared.document.carousel.theme == "paper" and electric.props["aria-checked"] == "false"
    for panel in ("panel-texture", "panel-campaign"):  # closed panels are built when first opened
        testid(studio, panel)[0].value = True
    with studio:
        groups = [e for e in studio.client.elements.values() if e.props.get("role") == "radiogroup"]
    assert {g.props.get("aria-label") for g in groups} >= {"Format", "Layout", "Theme", "Background pattern",
                                                             "Call to action"}


async def test_strip_thumbnails_take_the_focus_and_move_with_alt_arrows(studio, testid):
    doc = studio.shared.document
    thumbs = testid(studio, "slide-thumb")
    assert all(t.props["tabindex"] == "0" for t in thumbs)
    second, third = doc.carousel.slides[1].body, doc.carousel.slides[2].body
    row = lambda: next(e for e in studio.current_layout.descendants() if "cs-strip" in e.classes)  # noqa: E731
    # Alt+Right on the second thumbnail, as assets/slide_strip.js sends it (the real keys: test_browser_strip_drag)
    trigger(studio, row(), "reorder", {"old_index": 1, "new_index": 2, "key": 1})
    assert (doc.carousel.slides[1].body, doc.carousel.slides[2].body) == (third, second)
    await studio.should_see("Slide 3 of")
    trigger(studio, row(), "reorder", {"old_index": 2, "new_index": 1, "key": 2})
    assert doc.carousel.slides[1].body == second
    trigger(studio, testid(studio, "slide-thumb")[4], "keydown.enter")
    await studio.should_see("Slide 5 of")


async def test_cards_move_with_alt_up_and_down_and_say_so(studio, testid):
    doc = studio.shared.document
    ids = [p.id for p in doc.carousel.thread.posts]
    slides = [s.post_ids for s in doc.carousel.slides]
    card = testid(studio, "post-card")[2]
    assert card.props["aria-label"].endswith("Alt+Up or Alt+Down moves it.")
    trigger(studio, card, "keydown.alt.up.stop.prevent")
    assert [p.id for p in doc.carousel.thread.posts] == ids[:1] + [ids[2], ids[1]] + ids[3:]
    assert testid(studio, "cards-status")[0].text == f"Moved: now post #2 of {len(ids)}."
    assert [s.post_ids for s in doc.carousel.slides] == slides  # the slides stay as they are
    trigger(studio, testid(studio, "post-card")[1], "keydown.alt.down.stop.prevent")
    assert [p.id for p in doc.carousel.thread.posts] == ids
    trigger(studio, testid(studio, "post-card")[0], "keydown.alt.up.stop.prevent")  # the first stays first
    assert [p.id for p in doc.carousel.thread.posts] == ids
    doc.undo()
    assert [p.id for p in doc.carousel.thread.posts] == ids[:1] + [ids[2], ids[1]] + ids[3:]


async def test_cards_are_drawn_again_only_for_what_a_card_shows(studio, testid):
    """A look or brand change leaves the cards as they are; the details shown, the thread and which slide has a
    post draw them again."""
    doc = studio.shared.document
    doc.set_thread(Thread("t", [Post("a", "First", author_name="Sam", likes=1200), Post("b", "Second")]))
    cards = testid(studio, "post-card")
    doc.set_setting("theme", "ocean")
    doc.set_typography(body_size=doc.carousel.typography.body_size + 2)
    doc.set_brand(name="Sam's bakery")
    doc.set_setting("format", "linkedin-square")
    styled = copy.deepcopy(doc.carousel)
    styled.theme, styled.layout = "midnight", "list"
    doc.apply_settings(styled)  # a preset applied
    assert doc.carousel.theme == "midnight"
    assert testid(studio, "post-card") == cards
    doc.set_setting("show_post_meta", not doc.carousel.show_post_meta)
    again = testid(studio, "post-card")
    assert len(again) == 2 and not set(again) & set(cards)
    shown = doc.carousel.show_post_meta
    with studio:
        assert any("1,200" in (e.text or "") for e in again[0].descendants() if hasattr(e, "text")) == shown
    trigger(studio, again[1], "keydown.enter", {"shiftKey": False})  # inserted: "on slide N" now
    with studio:
        assert any("on slide" in (e.text or "") for e in testid(studio, "post-card")[1].descendants()
                   if hasattr(e, "text"))


async def test_typing_the_project_name_leaves_the_strip_and_the_galleries_alone(studio, testid, monkeypatch):
    """No slide shows the project's name: renaming redraws neither the strip's thumbnails nor a gallery's tiles,
    and counts no page again, while the name box and a look change still do their part."""
    from components import view as view_module
    counted = []
    monkeypatch.setattr(view_module, "PAGE_COUNTS", lambda carousel: counted.append(carousel) or [1] * 99)
    doc = studio.shared.document
    thumbs, tiles = testid(studio, "slide-thumb"), testid(studio, "theme-option")
    with studio:
        tile_views = [e for t in tiles for e in t.descendants() if "cs-tile-svg" in e.classes]
    drawings = [v.thumbnail for v in tile_views]
    for name in ("B", "Ba", "Bakery notes"):
        doc.rename(name)
    assert testid(studio, "project-name")[0].value == "Bakery notes"
    assert testid(studio, "slide-thumb") == thumbs and [v.thumbnail for v in tile_views] == drawings
    assert counted == []
    doc.set_typography(body_size=doc.carousel.typography.body_size + 4)
    assert not set(testid(studio, "slide-thumb")) & set(thumbs)
    assert [v.thumbnail for v in tile_views] != drawings


async def test_a_card_whose_post_is_on_no_slide_says_so(studio, testid):
    doc = studio.shared.document
    post = doc.carousel.thread.posts[2]
    own = next(i for i, s in enumerate(doc.carousel.slides) if s.post_ids == [post.id])
    await studio.should_see(f"on slide {own + 1}")
    doc.delete_slide(own)
    await studio.should_see("not on a slide")
    metas = [e.text for card in testid(studio, "post-card") for e in card.descendants()
             if "cs-post-meta" in e.classes]
    assert metas.count("not on a slide") == 1  # only the post whose slide went
    doc.undo()
    await studio.should_not_see("not on a slide")
