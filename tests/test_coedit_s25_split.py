"""Newcomer (session 25): Split gave the half without the photo the photo's layout (its list drawn as a headline in
a dark box) and could end the first half on a heading with nothing under it."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings, strategies as st
from PIL import Image as PILImage

from studio.app import Document
from studio.app.sample import sample_carousel
from studio.app.slide_order import split_text
from studio.image import load_image
from studio.share.codocument import CoDocument
from studio.structure import PHOTO_LAYOUTS

BODY = ("Shards are balanced by last week's timings, not by file count. The slowest shard now finishes within 20 s "
        "of the fastest.\n\n2) Cache what doesn't change.\n\n- lockfile-keyed dependency cache\n- compiled assets "
        "keyed by source hash\n- test fixtures built once a day\n\nInstalls went from 14 min to 40 s.")


def photo():
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (120, 40, 160)).save(out, "PNG")
    return load_image(out.getvalue(), name="p.png")


def test_the_cut_never_leaves_a_heading_at_the_end_of_the_first_half():
    first, second = split_text(BODY)
    assert not first.endswith("2) Cache what doesn't change.")
    assert second.startswith("2) Cache what doesn't change.\n\n- lockfile-keyed")
    assert first.split() + second.split() == BODY.split()


def test_a_list_of_short_lines_still_splits_between_its_items():
    assert split_text("One idea\nTwo ideas\nThree ideas\nFour ideas") == ("One idea\nTwo ideas",
                                                                         "Three ideas\nFour ideas")


@pytest.mark.parametrize("make", [Document, CoDocument])
@pytest.mark.parametrize("layout, carousel_layout, expected", [
    ("image-focus", "headline-body", None), ("split", "list", None), (None, "image-focus", "headline-body"),
    ("image-focus", "split", "headline-body"), ("post-card", "headline-body", "post-card")])
def test_the_half_without_the_photo_gets_a_layout_for_text(make, layout, carousel_layout, expected):
    doc = make(sample_carousel())
    doc.set_setting("layout", carousel_layout)
    doc.set_slide_image(3, photo())
    doc.set_slide_layout(3, layout)
    doc.set_slide_text(3, body=BODY)
    twin = doc.split_slide(3)
    first, second = doc.carousel.slides[3], doc.carousel.slides[twin]
    assert first.image is not None and (first.layout or carousel_layout) in PHOTO_LAYOUTS  # the photo's, kept
    assert second.image is None and second.layout == expected


@given(st.text(alphabet=st.sampled_from("ab .!?\n-"), max_size=200))
@settings(max_examples=200, deadline=None)
def test_split_text_never_loses_words(text):
    first, second = split_text(text)
    assert first.split() + second.split() == text.split()
