"""Alt text keeps the creator's words as typed: no full stop added, every word whole; a photo-only slide says
what is known of it (a photo, which slide), nothing invented."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from defusedxml import ElementTree as ET
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image as PILImage

from studio.app.slide_edits import PHOTO_LAYOUT
from studio.export import export_images, pages
from studio.export.alt_text import slide_alt_text
from studio.image import load_image
from studio.slide import Slide

from render_helpers import NS, carousel_of

# Words a creator types, ending in what a full stop would change: a hashtag, a handle, a link, a number, a letter.
_FIRST = "abcXYZ09#@$שלוםé"
_REST = "abcxyz019#@/.:-_?!,'()שלוםé👋"
word = st.builds(lambda a, b: a + b, st.sampled_from(_FIRST), st.text(_REST, max_size=8))
line = st.lists(word, min_size=1, max_size=5).map(" ".join)


def _read_alt_file(folder) -> dict[str, str]:
    blocks = (folder / "alt-text.txt").read_text("utf-8").strip().split("\n\n")
    return dict(block.split("\n", 1) for block in blocks)


@given(line, st.lists(st.tuples(st.sampled_from(["", "- ", "• "]), line), min_size=1, max_size=4))
def test_property_every_word_of_the_slide_is_in_its_alt_text_as_typed_and_nothing_else(title, rows):
    body = "\n".join(marker + text for marker, text in rows)
    carousel = carousel_of(["A hook", "x"])
    carousel.slides[1].title, carousel.slides[1].body = title, body
    alt = slide_alt_text(carousel, 1)
    typed = [title.split(), *(text.split() for _, text in rows)]
    assert [row.split() for row in alt.split("\n")] == typed  # every word whole, in order, a line per line
    assert set(alt) <= set(title + body) | {"\n"}  # no character the slide does not have


def test_a_hashtag_a_link_and_a_button_end_their_line_without_an_added_full_stop(tmp_path):
    carousel = carousel_of(["How we cut CI from 40 to 8 minutes", "Details: example.dev/blog/faster-ci\n#DevOps #CI"])
    export_images(carousel, tmp_path / "out", "png", scale=1)
    said = _read_alt_file(tmp_path / "out")
    assert said["01.png"] == "How we cut CI from 40 to 8 minutes"
    assert said["02.png"].split("\n")[-2:] == ["Details: example.dev/blog/faster-ci", "#DevOps #CI"]
    outro = said[f"{len(said):02d}.png"]
    assert outro.endswith(f"Button: {carousel.cta.button}") and not outro.endswith(".")


def _photo():
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), (40, 120, 200)).save(out, "PNG")
    return load_image(out.getvalue(), name="photo.png")


def test_a_photo_only_slide_is_named_a_photo_and_its_slide_not_no_text(tmp_path):
    carousel = carousel_of(["A hook", "Some words"])
    carousel.slides.insert(2, Slide(image=_photo(), layout=PHOTO_LAYOUT))
    export_images(carousel, tmp_path / "out", "png", scale=1)
    said = _read_alt_file(tmp_path / "out")
    assert said["03.png"] == "Photo on slide 3"
    assert "(no text on this slide)" not in said.values()
    carousel.slides[2].alt_text = "Our build graph, 14 min to 40 s"  # the creator's own description wins
    assert slide_alt_text(carousel, 2) == "Our build graph, 14 min to 40 s"
    carousel.slides[2].alt_text, carousel.slides[2].layout = "", "headline-body"  # a layout that hides the photo
    assert slide_alt_text(carousel, 2) == ""  # the page is blank: "(no text on this slide)", no photo claimed


def _drawn_words(svg: str) -> str:
    """The slide's words a page draws (title, text, list numbers), spaces left out, in drawing order."""
    root = ET.fromstring(svg)
    return "".join("".join(e.itertext()) for e in root.iter(f"{NS}text")
                   if e.get("class") in ("title", "body", "marker")).replace(" ", "")


@pytest.mark.parametrize("words", [
    [f"extraordinarily-long-hyphenated-word{i}" for i in range(80)],  # broken at hyphens between lines
    [w for i in range(300) for w in (f"מילה{i}", f"ו-{i}")],  # right to left: drawn in visual order
])
def test_a_continued_slide_gives_each_page_its_own_words_whole_and_as_typed(tmp_path, words):
    text = "Long one\n" + " ".join(words)
    carousel = carousel_of(["A hook", text], layout="headline-body")
    counts = pages.pages_per_slide(carousel)
    assert counts[1] >= 3
    export_images(carousel, tmp_path / "out", "png", scale=1)
    said = _read_alt_file(tmp_path / "out")
    parts = [said[f"{counts[0] + k + 1:02d}.png"] for k in range(counts[1])]
    assert [p.rsplit(" (part ", 1)[1] for p in parts] == [f"{k + 1} of {counts[1]})" for k in range(counts[1])]
    parts = [p.rsplit(" (part ", 1)[0] for p in parts]
    assert " ".join(parts).split() == text.split()  # every word once, whole, in order
    longest = max(map(len, words))
    for k, part in enumerate(parts):  # on the page that draws it (a word broken over two pages: on one of them)
        said_letters = Counter(part.replace(" ", "").replace("\n", ""))
        drawn = Counter(_drawn_words(pages.page_svg(carousel, counts[0] + k, 1)))
        assert (said_letters - drawn).total() + (drawn - said_letters).total() <= 2 * longest


def test_a_continued_numbered_list_gives_each_page_the_points_it_draws(tmp_path):
    # "3)" is drawn as a marker "3": the words' letters are not all drawn, and the digits recur on every page
    text = "Long one\n" + "\n".join(f"{i}) Point {i} with #tag{i} and example.dev/p/{i} 🚀" for i in range(60))
    carousel = carousel_of(["A hook", text], layout="headline-body")
    counts = pages.pages_per_slide(carousel)
    assert counts[1] >= 3
    export_images(carousel, tmp_path / "out", "png", scale=1)
    said = _read_alt_file(tmp_path / "out")
    for k in range(counts[1]):
        root = ET.fromstring(pages.page_svg(carousel, counts[0] + k, 1))
        drawn = [int("".join(e.itertext())) for e in root.iter(f"{NS}text") if e.get("class") == "marker"]
        part = said[f"{counts[0] + k + 1:02d}.png"].rsplit(" (part ", 1)[0]
        assert [int(line.split(")")[0]) for line in part.split("\n") if line != "Long one"] == drawn
