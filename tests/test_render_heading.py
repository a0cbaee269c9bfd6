"""Headings keep their number badge at every size; short titles shrink before a word is broken."""
from __future__ import annotations

import pytest

from studio import render
from studio.carousel import Carousel
from studio.slide import Slide
from studio.typography import Typography

from render_helpers import runs

TITLES = ["1) Lead with the payoff", "4) Keep your brand quiet but constant", "6) End with one clear ask"]
BODY = ("Same fonts, same colours, your name and @handle on every slide. After three posts people recognise "
        "your work before they read the name 🎨")


@pytest.mark.parametrize("sizes", [(95, 47, 24), (95, 47, 12), (36, 18, 12), (72, 30, 20)])
@pytest.mark.parametrize("title", TITLES)
def test_a_numbered_heading_always_draws_its_badge(sizes, title):
    t, b, m = sizes
    c = Carousel(typography=Typography(title_size=t, body_size=b, meta_size=m),
                 slides=[Slide(title=title, body=BODY), Slide(kind="outro")])
    drawn = runs(render.render_slide(c, 0, 1))
    numbers = [r.text for r in drawn if r.role == "number"]
    assert numbers == ["0" + title[0]]
    words = " ".join(r.text for r in drawn if r.role in ("title", "body"))
    assert title[:2] not in words.split()  # never the raw "4)"
    assert title[3:].split()[0] in words


def _split_carousel(title, image, **typo):
    return Carousel(layout="split", theme="midnight", typography=Typography(**typo),
                    slides=[Slide(title=title, body="We timed every step for a week. 61% of the time was "
                                  "dependency installs, not tests.", image=image), Slide(kind="outro")])


@pytest.mark.parametrize("title", ["Measure first.", "Parallelise everything", "Observability matters"])
@pytest.mark.parametrize("wide", [True, False])
def test_split_shrinks_a_short_title_instead_of_breaking_a_word(title, wide):
    from tests_images import tiny_jpeg
    image = tiny_jpeg(1600, 900) if wide else tiny_jpeg(600, 900)
    drawn = runs(render.render_slide(_split_carousel(title, image, title_size=44), 0, 1))
    lines = [r.text.strip() for r in drawn if r.role == "title"]
    assert " ".join(lines).split() == title.split()
    for line in lines:
        assert set(line.split()) <= set(title.split()), lines  # every line holds whole words


def test_a_word_too_long_for_the_minimum_size_still_breaks_safely():
    from tests_images import tiny_jpeg
    word = "Supercalifragilisticexpialidocious" * 2
    drawn = runs(render.render_slide(_split_carousel(word, tiny_jpeg(600, 900)), 0, 1))
    assert "".join(r.text for r in drawn if r.role == "title") == word


def _photo_box(svg):
    from render_helpers import NS, parse
    for node in parse(svg).iter(NS + "image"):
        if (node.get("class") or "") != "emoji" and node.get("href", "").startswith("data:image/jpeg"):
            return float(node.get("width")), float(node.get("height"))
    raise AssertionError("no photo")


def test_split_keeps_most_of_a_landscape_photo():
    from tests_images import tiny_jpeg
    w, h = _photo_box(render.render_slide(_split_carousel("Measure first.", tiny_jpeg(1600, 900)), 0, 1))
    kept = min(w / h, 16 / 9) / max(w / h, 16 / 9)  # share of the picture the crop keeps
    assert kept >= 0.75, (w, h)


def test_split_keeps_a_portrait_photo_beside_the_text():
    from tests_images import tiny_jpeg
    w, h = _photo_box(render.render_slide(_split_carousel("Measure first.", tiny_jpeg(600, 900)), 0, 1))
    assert h > w


def test_a_cjk_cover_title_keeps_its_title_size():
    text = "日本語のテキストはスペースなしで続きます。これは長い文章で、改行の機会がたくさんあります。"
    c = Carousel(slides=[Slide(kind="cover", title=text), Slide(kind="outro")])
    sizes = {r.size for r in runs(render.render_slide(c, 0, 1)) if r.role == "title"}
    assert sizes and min(sizes) >= 28, sizes


def test_a_long_outro_headline_stays_larger_than_its_subline():
    from studio.outro import OutroCTA
    c = Carousel(slides=[Slide(title="Hi"), Slide(kind="outro")],
                 cta=OutroCTA(headline="Follow along for a brand new breakdown of building in public every single "
                              "week of the year, with numbers, screenshots and every mistake I make on the way",
                              subline="New breakdown every week."))
    drawn = runs(render.render_slide(c, 1, 1))
    title = min(r.size for r in drawn if r.role == "title")
    sub = max(r.size for r in drawn if r.role == "body")
    assert title >= sub * 1.2, (title, sub)
