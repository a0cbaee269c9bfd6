"""One set of platform facts: the studio's safe-zone overlay, the renderer and the export checks agree."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from studio import platform
from studio.canvas import FORMATS
from studio.carousel import Carousel
from studio.export.platforms import check_platform
from studio.render import make_context, render_slide
from studio.slide import Slide

SVG = "{http://www.w3.org/2000/svg}"
LONG = " ".join(["Every word of this slide must stay clear of what the app draws over it."] * 6)


def story_or_feed(key: str) -> str:
    return "story" if FORMATS[key].ratio == "9:16" else "feed"


@pytest.mark.parametrize("key", list(FORMATS))
def test_renderer_keeps_clear_what_the_overlay_marks(key):
    fmt = FORMATS[key]
    width, height = fmt.design_size
    ctx = make_context(Carousel(format=key))
    covered = platform.covered(fmt)
    assert ctx.safe.y >= math.ceil(height * covered.top) and ctx.safe.x >= math.ceil(width * covered.left)
    assert height - (ctx.safe.y + ctx.safe.h) >= math.ceil(height * covered.bottom)
    zone = platform.safe_zone(fmt)
    if fmt.platform == "linkedin":
        assert zone is None
    elif story_or_feed(key) == "story":  # the overlay shows exactly the bands the renderer keeps clear
        assert zone == covered and zone.percent() == (14.0, 0.0, 14.0, 0.0)
        assert (ctx.safe.y, height - ctx.safe.y - ctx.safe.h) == (math.ceil(height * 0.14),) * 2
    else:  # feed posts: the overlay shows the profile grid's 3:4 crop
        visible = (1 - zone.left - zone.right) * fmt.width_px / ((1 - zone.top - zone.bottom) * fmt.height_px)
        assert visible == pytest.approx(platform.GRID_RATIO)


def test_story_text_stays_out_of_the_covered_bands():
    carousel = Carousel(format="instagram-story", slides=[Slide(kind="content", title="A title", body=LONG)])
    root = ET.fromstring(render_slide(carousel, 0, scale=1))
    height = FORMATS["instagram-story"].design_size[1]
    lines = [(float(span.get("y")), float(text.get("font-size")))
             for text in root.iter(SVG + "text") for span in text.iter(SVG + "tspan")]
    assert len(lines) > 5  # the title, the body's lines, the footer
    assert all(height * 0.14 <= y - size * 0.8 and y <= height * 0.86 for y, size in lines)  # cap height to baseline


def test_export_checks_use_the_same_limits():
    carousel = Carousel(format="instagram-square")
    assert check_platform(carousel, "instagram", pages=platform.INSTAGRAM_API_MAX_SLIDES) == []
    assert any(str(platform.INSTAGRAM_API_MAX_SLIDES) in w
               for w in check_platform(carousel, "instagram", pages=platform.INSTAGRAM_API_MAX_SLIDES + 1))
    assert any(str(platform.INSTAGRAM_MAX_SLIDES) in w
               for w in check_platform(carousel, "instagram", pages=platform.INSTAGRAM_MAX_SLIDES + 1))
    linkedin = Carousel(format="linkedin-portrait")
    assert any(str(platform.LINKEDIN_MAX_PAGES) in w
               for w in check_platform(linkedin, "linkedin", pages=platform.LINKEDIN_MAX_PAGES + 1))
