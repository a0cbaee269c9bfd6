"""A page's header and footer are kept once drawn (studio/render.py ``_chrome``): a change to anything they
show is drawn at once, and a kept one is the very drawing made without keeping."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from studio import render
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

SVG = "{http://www.w3.org/2000/svg}"


def carousel():
    thread = Thread("t", [Post(f"p{i}", f"{i}) Point {i}\nSome words about point {i}.", author_name="Ada Lovelace",
                               handle="ada") for i in range(1, 5)])
    return carousel_from_thread(thread)


def brand_words(svg: str) -> str:
    """The words drawn in the page's brand group (name, handle, page number, website)."""
    group = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "brand")
    return " ".join(" ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text")).split())


@pytest.mark.parametrize("change, shown", [
    (lambda c: setattr(c.brand, "name", "Grace Hopper"), "Grace Hopper"),
    (lambda c: setattr(c.brand, "handle", "grace"), "grace"),
    (lambda c: setattr(c.brand, "website", "example.org"), "example.org"),
])
def test_a_brand_change_is_drawn_on_the_next_page(change, shown):
    c = carousel()
    before = brand_words(render.render_slide(c, 1))
    assert shown not in before
    change(c)
    assert shown in brand_words(render.render_slide(c, 1))


def test_each_page_number_has_its_own_header_and_footer():
    c = carousel()
    c.brand.show_slide_numbers = True
    total = render.page_count(c)
    assert f"2/{total}" in brand_words(render.render_slide(c, 1))
    assert f"3/{total}" in brand_words(render.render_slide(c, 2))
    c.brand.show_slide_numbers = False
    assert f"2/{total}" not in brand_words(render.render_slide(c, 1))


def test_a_kept_header_is_the_drawing_made_without_keeping():
    c = carousel()
    first = render.render_slides(c)
    assert render.render_slides(c) == first  # drawn from what was kept
    render.clear_cache()
    assert render.render_slides(c) == first  # drawn anew
