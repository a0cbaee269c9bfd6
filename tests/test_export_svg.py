"""A slide as a standalone .svg: the faces it uses embedded as subset WOFF, pixels unchanged in cairo."""
from __future__ import annotations

import base64
import io
import re

from defusedxml import ElementTree
from fontTools.ttLib import TTFont

from studio import DATA_DIR
from studio.export import pages, slide_svg
from studio.export.drawing import render_pixels
from studio.export.svg_file import used_faces
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

_FACE = re.compile(r'@font-face\{font-family:"([^"]+)";font-weight:(\d+);src:url\(data:font/woff;base64,([^)]+)\)')


def sample_carousel():
    text = (DATA_DIR / "sample-thread.txt").read_text(encoding="utf-8")
    posts = [Post(str(i + 1), p.strip()) for i, p in enumerate(text.split("\n\n")) if p.strip()]
    return carousel_from_thread(Thread("sample", posts), theme="editorial")


def test_every_face_on_the_slide_is_embedded_with_its_characters():
    carousel = sample_carousel()
    svg = slide_svg(carousel, 4)
    ElementTree.fromstring(svg.encode("utf-8"))  # still well-formed
    faces = used_faces(svg)
    embedded = {(family, int(weight)): data for family, weight, data in _FACE.findall(svg)}
    assert set(embedded) == set(faces) and len(faces) >= 2  # title and body faces at least
    for (family, weight), data in embedded.items():
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff"
        assert family.removeprefix("CS ") in font["name"].getDebugName(1)
        cmap = font.getBestCmap()
        assert {ord(c) for c in faces[(family, weight)] if not c.isspace()} <= set(cmap)
        assert len(cmap) < 120  # a subset, not the whole font
    assert len(svg) < 120_000


def test_embedding_fonts_changes_nothing_cairo_draws():
    carousel = sample_carousel()
    pages.prepare()
    plain, standalone = slide_svg(carousel, 0, embed_fonts=False), slide_svg(carousel, 0)
    assert "@font-face" not in plain and "@font-face" in standalone
    assert render_pixels(plain, 540, 675).tobytes() == render_pixels(standalone, 540, 675).tobytes()
