"""Gallery thumbnails are drawn off the event loop, once per distinct input, and shared by every page."""
from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET

import pytest

from components import engine, offload, thumbnails
from components.svg_view import SvgView
from studio.app.sample import sample_carousel
from studio.slide import Slide
from ui_helpers import open_panel

GALLERIES = ("theme-option", "layout-option", "pattern-option")


async def _until(condition, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def _tile_svgs(user) -> dict[str, list[SvgView]]:
    with user:
        elements = list(user.client.elements.values())
    tiles = {name: [e for e in elements if e.props.get("data-testid") == name] for name in GALLERIES + ("slide-thumb",)}
    return {name: [svg for tile in group for svg in tile.descendants() if isinstance(svg, SvgView)]
            for name, group in tiles.items()}


def _all_drawn(user) -> bool:
    """Every thumbnail drawn: a strip view or a gallery tile (the tile wears the loading look) no longer loading."""
    with user:
        loading = [e for e in user.client.elements.values() if "cs-tile-loading" in e.classes]
    return not loading and all(svg.content for group in _tile_svgs(user).values() for svg in group)


@pytest.fixture
def counted(monkeypatch):
    """Count the drawings (in a worker thread here, so the counting function is the one that runs)."""
    thumbnails.THUMBNAILS.clear()
    calls: list[str] = []
    real, real_pages = thumbnails.draw, thumbnails.draw_pages

    def draw(variant):
        calls.append(thumbnails.key(variant))
        return real(variant)

    def draw_pages(carousel):
        calls.append(thumbnails.key(carousel) + ":all")
        return real_pages(carousel)

    monkeypatch.setattr(thumbnails, "draw", draw)
    monkeypatch.setattr(thumbnails, "draw_pages", draw_pages)
    with offload.in_this_process():  # a worker process would run the real functions, uncounted
        yield calls
    thumbnails.THUMBNAILS.clear()


async def test_every_tile_fills_in_and_a_second_page_draws_nothing_new(counted, studio):
    open_panel(studio, "Background Pattern")  # a closed panel is built when first opened
    await _until(lambda: _all_drawn(studio))
    groups = _tile_svgs(studio)
    assert {name: len(group) for name, group in groups.items()} == {
        "theme-option": len(engine.THEMES), "layout-option": len(engine.LAYOUTS),
        "pattern-option": len(engine.PATTERNS) + 1, "slide-thumb": len(studio.shared.document.carousel.slides)}
    for group in groups.values():
        for svg in group:
            assert ET.fromstring(svg.content).tag.endswith("svg")
    themes = [svg.content for svg in groups["theme-option"]]
    assert len(set(themes)) == len(themes)  # each tile shows its own theme
    strip = [ET.fromstring(svg.content) for svg in groups["slide-thumb"]]
    assert len(strip) >= 3 and all(root.tag.endswith("svg") for root in strip)
    assert len(counted) == len(set(counted))  # never the same drawing twice
    first = len(counted)

    await studio.open("/")  # another browser: every thumbnail comes from the cache at once
    open_panel(studio, "Background Pattern")
    assert _all_drawn(studio) and len(_tile_svgs(studio)["pattern-option"]) == len(engine.PATTERNS) + 1
    assert len(counted) == first


async def test_a_new_theme_redraws_the_layout_tiles_in_it(counted, studio):
    await _until(lambda: _all_drawn(studio))
    before = [svg.content for svg in _tile_svgs(studio)["layout-option"]]
    studio.shared.document.set_setting("theme", "midnight")
    await _until(lambda: _all_drawn(studio))
    after = [svg.content for svg in _tile_svgs(studio)["layout-option"]]
    assert all(a != b for a, b in zip(after, before))


def test_key_follows_what_is_drawn_and_ignores_posts_the_slide_does_not_show():
    carousel = sample_carousel()
    index = next(i for i, s in enumerate(carousel.slides) if s.kind == "content")
    same = thumbnails.key(engine.single(carousel, index, theme="noir"))
    assert thumbnails.key(engine.single(carousel, index, theme="noir")) == same
    assert thumbnails.key(engine.single(carousel, index, theme="paper")) != same
    edited = carousel.slides[index].body + " more"
    changed = type(carousel)(**{**carousel.__dict__, "slides": [
        Slide(**{**s.__dict__, "body": edited}) if i == index else s for i, s in enumerate(carousel.slides)]})
    assert thumbnails.key(engine.single(changed, index, theme="noir")) != same
    variant = engine.single(carousel, index)
    shown = set(carousel.slides[index].post_ids) | {carousel.thread.posts[0].id}
    assert {p.id for p in variant.thread.posts} <= shown


def test_a_photo_counts_in_a_key_by_its_bytes_and_is_not_copied_into_it(monkeypatch):
    from studio.image import Image
    from tests_images import tiny_jpeg
    carousel = sample_carousel()
    index = next(i for i, s in enumerate(carousel.slides) if s.kind == "content")

    def with_photo(photo):
        slides = [Slide(**{**s.__dict__, "image": photo}) if i == index else s for i, s in enumerate(carousel.slides)]
        return engine.single(type(carousel)(**{**carousel.__dict__, "slides": slides}), index)

    photo = tiny_jpeg(1600, 1200)
    same_bytes = Image(bytes(photo.data), photo.mime, photo.width, photo.height)  # another object, the same photo
    assert same_bytes is not photo
    assert thumbnails.key(with_photo(photo)) == thumbnails.key(with_photo(same_bytes))
    assert thumbnails.key(with_photo(tiny_jpeg(1600, 1200, colour=(200, 30, 30)))) != thumbnails.key(with_photo(photo))
    assert thumbnails.key(with_photo(None)) != thumbnails.key(with_photo(photo))
    hashed = []
    real = thumbnails.hashlib.blake2b
    monkeypatch.setattr(thumbnails.hashlib, "blake2b", lambda data, **kw: hashed.append(len(data)) or real(data, **kw))
    thumbnails.key(with_photo(photo))
    assert len(photo.data) > 10_000 and hashed[0] < len(photo.data) // 4  # the photo's bytes are not in what is hashed


def test_the_cache_is_bounded():
    cache = thumbnails.Thumbnails(budget_chars=100)
    for n in range(10):
        cache._keep(str(n), "x" * 30)
    assert cache.size <= 100 and cache.get("9") is not None and cache.get("0") is None


def test_only_the_last_few_carousels_keep_their_strip_pages():
    """Each edit makes a new carousel: the strips of superseded ones go, not the whole budget's worth."""
    from components.thumbnails import STRIPS_KEPT, Thumbnails, page_name
    cache = Thumbnails()
    cache._keep("gallery tile", "<svg/>")
    for version in range(STRIPS_KEPT + 3):
        cache.keep_strip(f"carousel{version}", [f"<svg>{version}:{page}</svg>" for page in range(5)])
    kept = {name.split(":")[0] for name in cache._done if name.startswith("carousel")}
    assert kept == {f"carousel{v}" for v in range(3, STRIPS_KEPT + 3)}
    assert cache.get(page_name(f"carousel{STRIPS_KEPT + 2}", 4)) == f"<svg>{STRIPS_KEPT + 2}:4</svg>"
    assert cache.get("gallery tile") == "<svg/>"  # gallery thumbnails are not strips
    cache.keep_strip(f"carousel{STRIPS_KEPT + 2}", ["<svg>again</svg>"])  # drawn again: counted once
    assert cache.size == sum(len(svg) for svg in cache._done.values())


def test_a_long_strip_is_shown_in_parts_of_bounded_size():
    """The first AT_ONCE thumbnails together (a usual strip, whole), then parts of at most SLICE_CHARS."""
    from components import slices
    sizes = [20_000] * 120 + [thumbnails.SLICE_CHARS + 1] + [30_000] * 40
    items = [(None, f"page {n}", "x" * size) for n, size in enumerate(sizes)]
    parts = thumbnails.in_parts(items)
    assert [item for part in parts for item in part] == items  # every one, in order
    assert len(parts[0]) == slices.AT_ONCE
    for part in parts[1:]:
        assert part and (len(part) == 1 or sum(len(svg) for _, _, svg in part) <= thumbnails.SLICE_CHARS)
    assert len(parts) > 10
    assert thumbnails.in_parts(items[:5]) == [items[:5]] and thumbnails.in_parts([]) == []


async def test_the_strips_thumbnails_reach_the_browser_in_parts_with_the_loop_free_between(studio, monkeypatch):
    """300 thumbnails (~6 MB of SVG) in one message held the event loop ~0.4 s while it was encoded."""
    slides = 120
    carousel = studio.shared.document.carousel
    carousel_key = thumbnails.key(carousel)
    drawn = [f"<svg>{n:06d}</svg>".ljust(40_000) for n in range(slides)]
    thumbnails.THUMBNAILS.keep_strip(carousel_key, drawn)
    with studio:
        views = [SvgView() for _ in range(slides)]
    events: list[object] = []
    loop = asyncio.get_running_loop()
    show = thumbnails.show

    def spy(svg, name, svg_text, marked=None):
        if not events or events[-1] == "loop turned":  # a callback that can run only once this part is done
            loop.call_soon(events.append, "loop turned")
        events.append(len(svg_text or ""))
        show(svg, name, svg_text, marked)

    monkeypatch.setattr(thumbnails, "show", spy)
    thumbnails.show_pages(views, carousel, list(range(slides)))
    assert [svg.content for svg in views[:25]] == drawn[:25]  # the first part at once
    await _until(lambda: all(svg.content for svg in views))
    assert [svg.content for svg in views] == drawn
    parts, part = [], []
    for event in events:
        if event == "loop turned":
            parts.append(part)
            part = []
        else:
            part.append(event)
    parts = [p for p in parts + [part] if p]
    assert len(parts) >= 2 and [len(p) for p in parts][0] == 25
    assert all(sum(p) <= thumbnails.SLICE_CHARS for p in parts[1:])
    assert sum(len(p) for p in parts) == slides
