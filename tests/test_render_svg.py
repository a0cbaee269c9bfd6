"""The renderer: SVG structure, determinism, escaping, pagination, brand chrome, layouts, pixels."""
from __future__ import annotations

import re

import pytest

from studio import render
from studio.brand import BrandProfile
from studio.layouts import LAYOUTS
from studio.outro import OutroCTA
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
from studio.text import words
from studio.theme import THEMES, rgb
from studio.typography import MIN_BODY_SIZE, Typography

from core_matrix import covering
from render_helpers import NS, body_text, carousel_of, parse, png_pixels, runs, sample_carousel
from tests_images import tiny_jpeg


@pytest.fixture(scope="module")
def sample_svgs():
    return render.render_slides(sample_carousel())


def test_every_page_parses_with_design_viewbox_and_scaled_size(sample_svgs):
    assert len(sample_svgs) == 9
    for svg in sample_svgs:
        root = parse(svg)
        assert root.get("viewBox") == "0 0 540 675"
        assert (root.get("width"), root.get("height")) == ("1080", "1350")
    big = render.render_slide(sample_carousel(format="instagram-story"), 0, scale=3)
    assert parse(big).get("viewBox") == "0 0 540 960" and parse(big).get("width") == "1620"


def test_same_input_gives_identical_bytes(sample_svgs):
    again = render.render_slides(sample_carousel())
    assert again == sample_svgs
    render.clear_cache()
    assert render.render_slides(sample_carousel()) == sample_svgs


def test_ids_are_unique_within_a_page(sample_svgs):
    for svg in sample_svgs:
        ids = re.findall(r' id="([^"]+)"', svg)
        assert len(ids) == len(set(ids))


def test_page_numbers_and_swipe_hint(sample_svgs):
    for i, svg in enumerate(sample_svgs, 1):
        rs = runs(svg)
        assert any(r.role == "page-number" and r.text == f"{i}/9" for r in rs)
        has_swipe = any(r.role == "swipe" for r in rs)
        assert has_swipe == (i < 9)


def test_every_word_of_the_thread_is_drawn(sample_svgs):
    c = sample_carousel()
    expected = []
    for s in c.slides[1:-1]:
        expected += words(s.title) + words(s.body)
    drawn = "".join(body_text(sample_svgs[1:-1]).split())
    assert drawn.replace("01", "1)").replace("02", "2)") .count("Lead") == 1
    for w in expected:
        if not re.fullmatch(r"\d\)|-", w):  # "1)" is drawn as the number badge, "- " as a bullet
            assert w in drawn


def test_markup_is_never_printed_or_executed():
    evil = 'Click <a href="javascript:x">here</a> & <script>alert(1)</script> "quotes" \x01\x0b\ud800 ok'
    svg = render.render_slides(carousel_of(["Hook.", evil]))[1]
    root = parse(svg)
    assert not list(root.iter(NS + "script")) and not list(root.iter(NS + "a"))
    text = body_text([svg])
    assert "<script>alert(1)</script>" in text and "&" in text
    assert "\x01" not in svg and "\x0b" not in svg


def test_images_are_data_uris_only():
    c = carousel_of(["Hook.", "A post with a photo"])
    c.slides[1].image = tiny_jpeg()
    c.layout = "image-focus"
    for svg in render.render_slides(c):
        for node in parse(svg).iter(NS + "image"):
            assert node.get("href").startswith("data:image/")


def test_long_post_continues_on_extra_pages_without_losing_words():
    long = " ".join(f"word{i}" for i in range(420))
    c = carousel_of(["Hook.", "My heading\n" + long])
    counts = render.pages_per_slide(c)
    assert counts[1] >= 2 and render.page_count(c) == sum(counts)
    pages = render.paginate(c)
    assert all(p.body_size >= MIN_BODY_SIZE for p in pages)
    svgs = render.render_slides(c)
    drawn = body_text(svgs[1:1 + counts[1]]).split()
    assert [w for w in drawn if w.startswith("word")] == long.split()
    assert any(r.role == "running-head" for r in runs(svgs[2]))


def test_auto_fit_shrinks_before_adding_a_page():
    medium = " ".join(["A sentence that fills the slide with plain words."] * 20)
    c = carousel_of(["Hook.", medium])
    pages = render.paginate(c)
    assert render.pages_per_slide(c)[1] == 1
    assert MIN_BODY_SIZE <= pages[1].body_size < 18
    c.typography = Typography(auto_fit=False)
    assert render.pages_per_slide(c)[1] >= 2


@pytest.mark.parametrize("fmt, layout", covering(["linkedin-portrait", "linkedin-square", "instagram-story",
                                                  "instagram-tall"], list(LAYOUTS)))
def test_text_stays_inside_the_safe_area(fmt, layout):
    c = sample_carousel(format=fmt, layout=layout)
    img = tiny_jpeg()
    for s in c.slides[2:5]:
        s.image = img
    safe = render.make_context(c).safe
    for svg in render.render_slides(c):
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.text, r.x, r.width)
            assert safe.y - 0.5 <= r.y - r.size * 0.8 and r.y + r.size * 0.25 <= safe.bottom + 0.5, r.text


def test_story_keeps_top_and_bottom_clear():
    c = sample_carousel(format="instagram-story")
    for svg in render.render_slides(c):
        for r in runs(svg):
            assert 960 * 0.14 <= r.y - r.size and r.y + r.size * 0.3 <= 960 * 0.86


def test_post_card_shows_meta_only_when_the_post_has_it():
    post = Post("p", "Real post text", author_name="Grace Hopper", handle="grace",
                created_at="2026-03-03T10:00:00+00:00", likes=1234, reposts=5)
    thread = Thread("t", [Post("h", "Hook."), post])
    c = carousel_from_thread(thread, layout="post-card", brand=BrandProfile(name="Me", handle="me"))
    svg = render.render_slides(c)[1]
    meta = [r.text for r in runs(svg) if r.role == "post-meta"]
    assert "".join(meta).replace(" ", "") == "Mar3,2026·1.2Klikes·5reposts"
    assert [r.text for r in runs(svg) if r.role == "author"] == ["Grace", "Hopper"] or \
        " ".join(r.text for r in runs(svg) if r.role == "author") == "Grace Hopper"
    assert any(r.text == "@grace" for r in runs(svg) if r.role == "handle")
    c.show_post_meta = False
    assert not [r for r in runs(render.render_slides(c)[1]) if r.role == "post-meta"]
    post.likes = post.reposts = None
    post.created_at = ""
    c.show_post_meta = True
    assert not [r for r in runs(render.render_slides(c)[1]) if r.role == "post-meta"]


def test_post_card_without_any_author_has_no_empty_avatar_row():
    thread = Thread("t", [Post("h", "Hook."), Post("p", "Pasted text with no author at all.")])
    svg = render.render_slides(carousel_from_thread(thread, layout="post-card", pattern="none"))[1]
    assert not [r for r in runs(svg) if r.role in ("author", "handle")]
    assert "<circle" not in svg  # no placeholder avatar
    assert " ".join(body_text([svg]).split()) == "Pasted text with no author at all."
    branded = carousel_from_thread(thread, layout="post-card", brand=BrandProfile(name="Me Myself", handle="me"))
    svg = render.render_slides(branded)[1]  # the creator's own pasted thread: their identity on the card
    assert " ".join(r.text for r in runs(svg) if r.role == "author") == "Me Myself"


def test_someone_elses_post_is_credited():
    thread = Thread("t", [Post("h", "Hook."), Post("p", "Their idea.", author_name="Ada L", handle="ada")])
    c = carousel_from_thread(thread, brand=BrandProfile(name="Me", handle="me"))
    credit = " ".join(r.text for r in runs(render.render_slides(c)[1]) if r.role == "credit")
    assert "Ada L" in credit and "@ada" in credit


@pytest.mark.parametrize("placement", ["header-footer", "header", "footer", "none"])
def test_brand_placements(placement):
    c = sample_carousel(brand=BrandProfile(name="Maya", handle="maya", website="maya.design", placement=placement))
    svg = render.render_slides(c)[0]
    roles = {r.role for r in runs(svg)}
    if placement == "none":
        assert not roles & {"brand", "page-number", "swipe"}
    else:
        assert {"brand", "page-number", "swipe"} <= roles
    ys = [r.y for r in runs(svg) if r.role == "brand"]
    if placement == "footer":
        assert min(ys) > 500
    elif placement != "none":
        assert max(ys) < 100


@pytest.mark.parametrize("variant", [1, 2, 3])
def test_outro_variants_are_distinct(variant):
    c = sample_carousel(cta=OutroCTA.default(variant, link="maya.design/guide"))
    svg = render.render_slides(c)[-1]
    rs = runs(svg)
    texts = " ".join(r.text for r in rs)
    default = OutroCTA.default(variant)
    assert default.button in texts
    assert "maya.design/guide" in texts
    paths = [p.get("d") for p in parse(svg).iter(NS + "path")]
    from studio.layouts.outro import ICONS
    assert ICONS[variant] in paths and not any(ICONS[v] in paths for v in (1, 2, 3) if v != variant)
    assert any(r.role == "button" for r in rs)


def test_brand_accent_overrides_theme_accent():
    c = sample_carousel(brand=BrandProfile(name="M", handle="m", accent="#FFE14D"))
    svg = render.render_slides(c)[-1]
    assert 'fill="#FFE14D"' in svg  # the button keeps the exact brand colour
    assert THEMES["paper"].accent not in svg


def test_unknown_keys_raise_value_errors():
    for field, value in (("theme", "nope"), ("layout", "nope"), ("format", "nope"), ("pattern", "nope")):
        c = sample_carousel()
        setattr(c, field, value)
        with pytest.raises(ValueError, match="choose one of"):
            render.render_slides(c)


def test_render_slide_index_counts_pages():
    c = sample_carousel()
    assert render.render_slide(c, 3) == render.render_slides(c)[3]
    with pytest.raises(IndexError):
        render.render_slide(c, 99)


def test_pixels_background_and_coloured_emoji():
    c = carousel_of(["Hook.", "🎉🎉🎉"], theme="editorial", layout="big-statement")
    svg = render.render_slides(c)[1]
    img = png_pixels(svg)
    assert img.getpixel((3, 3)) == rgb(THEMES["editorial"].background[0])
    emoji_runs = [r for r in runs(svg) if r.role.startswith("emoji")]
    assert len(emoji_runs) == 3
    r = emoji_runs[0]
    box = img.crop((int(r.x), int(r.y - r.size * 0.8), int(r.x + r.width), int(r.y)))
    import numpy as np
    px = np.asarray(box).astype(int)
    coloured = int(((px.max(axis=2) - px.min(axis=2)) > 80).sum())
    assert coloured > 50  # a colour image, not a monochrome glyph or a tofu box


def test_gradient_theme_and_every_pattern_rasterise():
    from studio.pattern import PATTERNS
    for key in PATTERNS:
        c = sample_carousel(theme="sunset", pattern=key)
        svg = render.render_slide(c, 1)
        img = png_pixels(svg, 270)
        top, bottom = img.getpixel((2, 2)), img.getpixel((268, 335))
        assert top != bottom  # the gradient runs from one stop to the other


def test_drawing_a_page_again_lays_out_nothing(monkeypatch):
    """Laid-out pages are kept by their inputs: the studio redraws a page on every edit of another slide,
    and that costs no layout (the benchmark measures the time)."""
    c = sample_carousel()
    first = render.render_slide(c, 4)
    monkeypatch.setattr(render, "_run", lambda *a, **k: pytest.fail("laid out again"))
    assert render.render_slide(c, 4) == first
    assert len(render.render_slides(c)) == 9


@pytest.mark.parametrize("layout", list(LAYOUTS) + ["cover", "outro"])
def test_a_huge_title_continues_instead_of_overflowing(layout):
    title = " ".join(f"Title{i}" for i in range(160))
    c = carousel_of(["Hook.", "Body text."], layout=layout if layout in LAYOUTS else "headline-body",
                    format="linkedin-square")
    target = {"cover": 0, "outro": -1}.get(layout, 1)
    c.slides[target].title = title
    safe = render.make_context(c).safe
    svgs = render.render_slides(c)
    for svg in svgs:
        for r in runs(svg):
            assert safe.y - 0.5 <= r.y - r.size * 0.8 and r.y + r.size * 0.25 <= safe.bottom + 0.5, r.text
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, r.text
    drawn = body_text(svgs).split()
    assert [w for w in drawn if w.startswith("Title")] == title.split()


def test_cover_with_a_photo_stays_on_one_square_page():
    c = sample_carousel(format="linkedin-square", theme="terminal")
    c.slides[0].image = tiny_jpeg(900, 1200)
    assert render.pages_per_slide(c)[0] == 1


@pytest.mark.parametrize("fmt, layout", covering(["linkedin-portrait", "instagram-square"], list(LAYOUTS)))
def test_no_two_text_lines_collide(fmt, layout):
    c = sample_carousel(format=fmt, layout=layout, brand=BrandProfile(name="Maya", handle="maya",
                                                                      website="maya.design"))
    for svg in render.render_slides(c):
        boxes = [(r.x, r.y - r.size * 0.72, r.x + r.width, r.y + r.size * 0.2, r.y) for r in runs(svg)]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if abs(a[4] - b[4]) < 0.5:
                    continue  # runs of one line
                overlap_x = a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5
                overlap_y = a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
                assert not (overlap_x and overlap_y), (a, b)


@pytest.mark.parametrize("n,text", [(7, "7"), (1234, "1.2K"), (12500, "12.5K"), (250000, "250K"), (3400000, "3.4M")])
def test_counts_read_like_x(n, text):
    from studio.layouts.templates import _count
    assert _count(n) == text


def test_outro_button_survives_a_long_headline():
    c = sample_carousel(format="instagram-square", typography=Typography(title_size=72))
    c.slides[-1].title = " ".join(["Follow me for more"] * 12)
    svgs = render.render_slides(c)
    last = runs(svgs[-1])
    assert any(r.role == "button" for r in last)
    assert render.pages_per_slide(c)[-1] >= 1


def test_title_lines_are_balanced(sample_svgs):
    lines: dict[float, float] = {}
    for r in runs(sample_svgs[0]):
        if r.role == "title":
            lines[r.y] = max(lines.get(r.y, 0.0), r.x + r.width) - 44
    widths = list(lines.values())
    assert len(widths) >= 2 and min(widths) / max(widths) > 0.6  # no lone last word


def test_arrow_in_a_serif_cover_is_drawn_not_tofu():
    """Fraunces has no "→": the cover draws it from a fallback face that has it, and it looks like an arrow."""
    import numpy as np
    c = carousel_of(["Ship faster → learn faster. Here is my playbook 👇", "Step one."], theme="paper")
    svg = render.render_slide(c, 0)
    arrow = [r for r in runs(svg) if r.role == "title" and r.text == "→"]
    assert len(arrow) == 1, [r.text for r in runs(svg) if r.role == "title"]
    a = arrow[0]
    root = parse(svg)
    families = {t.get("font-family") for t in root.iter(NS + "tspan") if t.text == "→"}
    assert families and "CS Fraunces" not in families
    px = np.asarray(png_pixels(svg).convert("L")).astype(int)
    box = px[int(a.y - a.size * 0.9):int(a.y + a.size * 0.3), int(a.x) - 1:int(a.x + a.width) + 2]
    ink = box < 128
    rows = np.nonzero(ink.any(axis=1))[0]
    assert rows.size, "nothing drawn where the arrow should be"
    # an arrow's densest row is its shaft, in the middle; a tofu box is hollow, densest at top and bottom
    per_row = ink.sum(axis=1)
    densest = int(np.argmax(per_row))
    assert rows[0] + 0.3 * (rows[-1] - rows[0]) < densest < rows[0] + 0.7 * (rows[-1] - rows[0])
    assert per_row[densest] > a.width * 0.6


SHORT = ["Short posts look designed.", "One idea per slide.",
         "Keep it short\nA slide with a heading and one body line.",
         "Three points:\n- fewer words\n- bigger type\n- one ask"]


def _ink_gaps(svg: str, box, background: str) -> tuple[float, float]:
    """Empty share of the content box above and below everything drawn in it (pixels, 1 px = 1 unit)."""
    import numpy as np
    px = np.asarray(png_pixels(svg)).astype(int)
    bg = np.array(rgb(background))
    band = px[int(box.y):int(box.bottom), int(box.x):int(box.right)]
    rows = np.nonzero((np.abs(band - bg).sum(axis=2) > 40).any(axis=1))[0]
    assert rows.size
    return rows[0] / box.h, (band.shape[0] - 1 - rows[-1]) / box.h


@pytest.mark.parametrize("fmt, layout", covering(["linkedin-portrait", "linkedin-square", "instagram-story"],
                                                 ["headline-body", "list", "big-statement", "post-card",
                                                  "image-focus", "split"]))
def test_short_content_sits_at_the_optical_centre(fmt, layout):
    """Not top-heavy: a short slide's content (photo included) is centred, at most a little above centre."""
    c = carousel_of(SHORT, format=fmt, layout=layout, theme="paper", pattern="none")
    for s in c.slides[1:3]:
        s.image = tiny_jpeg(400, 300) if layout in ("image-focus", "split") else None
    box = render.make_context(c).content
    svgs = render.render_slides(c)
    for page in (1, 2, 3):
        above, below = _ink_gaps(svgs[page], box, THEMES["paper"].background[0])
        assert above <= below + 0.02 and below - above <= 0.12, (page, round(above, 2), round(below, 2))


@pytest.mark.parametrize("fmt", ["linkedin-portrait", "linkedin-square", "instagram-story"])
@pytest.mark.parametrize("with_photo", [False, True])
def test_cover_sits_at_the_optical_centre(fmt, with_photo):
    c = carousel_of(SHORT, format=fmt, theme="paper", pattern="none")
    if with_photo:
        c.slides[0].image = tiny_jpeg(400, 300)
    box = render.make_context(c).content
    above, below = _ink_gaps(render.render_slide(c, 0), box, THEMES["paper"].background[0])
    assert above <= below + 0.02 and below - above <= 0.12, (round(above, 2), round(below, 2))


def _brand_boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """(what, x0, y0, x1, y1) of every text run and picture the brand band draws."""
    root = parse(svg)
    brand = next(g for g in root.iter(NS + "g") if g.get("class") == "brand")
    out = []
    for node in brand.iter(NS + "image"):
        x, y, w, h = (float(node.get(k)) for k in ("x", "y", "width", "height"))
        out.append(("logo" if "logo" in (node.get("clip-path") or "") else "avatar", x, y, x + w, y + h))
    from xml.etree.ElementTree import tostring
    band_svg = ('<svg xmlns="http://www.w3.org/2000/svg">' + tostring(brand, encoding="unicode") + "</svg>")
    for r in runs(band_svg.replace("ns0:", "").replace(":ns0", "")):
        out.append((r.role, r.x, r.y - r.size * 0.8, r.x + r.width, r.y + r.size * 0.25))
    return out


@pytest.mark.parametrize("placement", ["header", "footer", "header-footer"])
@pytest.mark.parametrize("meta", [12.0, 20.0])
def test_every_placement_shows_website_and_logo_without_overflow(placement, meta):
    logo = tiny_jpeg(300, 100)
    c = sample_carousel(brand=BrandProfile(name="Maya Okafor-Whitfield", handle="mayamakesthings",
                                           website="studio.mayaokafor.design", logo=logo, placement=placement),
                        typography=Typography(meta_size=meta))
    safe = render.make_context(c).safe
    svg = render.render_slides(c)[1]
    boxes = _brand_boxes(svg)
    kinds = [b[0] for b in boxes]
    assert "logo" in kinds and "website" in kinds and "page-number" in kinds and "swipe" in kinds, kinds
    website = "".join(r.text for r in runs(svg) if r.role == "website")
    assert website == "studio.mayaokafor.design"
    for what, x0, y0, x1, y1 in boxes:
        assert safe.x - 0.5 <= x0 and x1 <= safe.right + 0.5 and safe.y - 0.5 <= y0 and y1 <= safe.bottom + 0.5, what
    items = [b for b in boxes if b[0] not in ("handle",)]  # name and handle stack: compare rows separately
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_row = a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5
            if a[0] == b[0] and a[0] in ("brand", "website", "swipe"):
                continue  # runs of one label (fallback faces, words)
            assert not same_row, (a, b)


def test_a_lone_short_post_reads_larger_than_body_text():
    c = carousel_of(["Hook.", "Step one: write it down.", "A longer post. " * 12])
    short = {r.size for r in runs(render.render_slide(c, 1)) if r.role == "body"}
    long = {r.size for r in runs(render.render_slide(c, 2)) if r.role == "body"}
    assert min(short) > c.typography.body_size * 1.3 and max(long) < min(short)  # both use the room, short more


def test_outro_button_draws_symbols_and_emoji_the_body_font_lacks():
    c = sample_carousel(cta=OutroCTA.default(3, link="maya.design"), typography=Typography(body_font="Poppins"))
    c.cta.button = "Get the guide → 🎁"
    svg = render.render_slides(c)[-1]
    root = parse(svg)
    arrow = [t.get("font-family") for t in root.iter(NS + "tspan") if "→" in (t.text or "")]
    assert arrow and "CS Poppins" not in arrow
    assert any(r.role == "emoji:button" for r in runs(svg))


def test_avatar_initials_use_a_face_that_has_them():
    c = sample_carousel(brand=BrandProfile(name="דנה כהן", handle="dana"))
    root = parse(render.render_slide(c, 1))
    initials = [t for t in root.iter(NS + "text") if t.get("class") == "meta" and t.get("text-anchor") == "middle"]
    assert initials and initials[0].get("font-family") == "CS Heebo"


def test_without_a_name_the_website_and_logo_go_to_the_footer():
    thread = Thread("t", [Post("a", "Hook. More words."), Post("b", "Body text.")])
    c = carousel_from_thread(thread, brand=BrandProfile(website="maya.design", logo=tiny_jpeg(300, 100)))
    svg = render.render_slides(c)[1]
    content = render.make_context(c).content
    site = [r for r in runs(svg) if r.role == "website"]
    assert "".join(r.text for r in site) == "maya.design" and all(r.y > content.bottom for r in site)
    logos = [n for n in parse(svg).iter(NS + "image") if "logo" in (n.get("clip-path") or "")]
    assert logos and all(float(n.get("y")) > content.bottom for n in logos)
