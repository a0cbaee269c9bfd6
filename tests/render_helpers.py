"""Helpers shared by the renderer tests: build the sample carousel, read text back out of SVG."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as ET

from studio import fonts
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
from studio.text import text_width

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent


def sample_posts() -> list[str]:
    return [p.strip() for p in (ROOT / "data" / "sample-thread.txt").read_text("utf-8").split("\n\n") if p.strip()]


def sample_carousel(**settings):
    thread = Thread("t", [Post(str(i), t, author_name="Maya Okafor", handle="mayamakes")
                          for i, t in enumerate(sample_posts())])
    return carousel_from_thread(thread, **settings)


def carousel_of(texts: list[str], **settings):
    thread = Thread("t", [Post(str(i), t, author_name="Maya Okafor", handle="mayamakes")
                          for i, t in enumerate(texts)])
    return carousel_from_thread(thread, **settings)


@dataclass
class Run:
    role: str
    text: str
    x: float
    y: float
    width: float
    size: float


def parse(svg: str):
    return ET.fromstring(svg)


def runs(svg: str) -> list[Run]:
    """Every text run (tspan) and emoji image with its extent, in document order."""
    root = parse(svg)
    out: list[Run] = []
    for node in root.iter():
        if node.tag == NS + "text":
            role = node.get("class", "")
            for t in node.iter(NS + "tspan"):
                if t.get("class") == "emoji-text":  # an emoji's characters for a PDF's text layer: its image is the run
                    continue
                size = float(t.get("font-size") or node.get("font-size"))  # a shaped word's text layer has its own
                family = fonts.family_from_css(t.get("font-family") or node.get("font-family"))
                weight = int(t.get("font-weight") or node.get("font-weight") or 400)
                xs = [float(v) for v in (t.get("x") or "0").split()]
                y = float(t.get("y"))
                text = t.text or ""
                width = text_width(text, family, weight, size)
                if node.get("text-anchor") == "middle":
                    xs[0] -= width / 2
                out.append(Run(role, text, xs[0], y, width, size))
        elif node.tag == NS + "image" and (node.get("class") or "").startswith("emoji"):
            w = float(node.get("width"))
            role = (node.get("class").split() + [""])[1]  # "emoji body": the line's role
            out.append(Run("emoji:" + role, node.get("aria-label"), float(node.get("x")),
                           float(node.get("y")) + w * 0.82, w, w))
    return out


def body_text(svgs: list[str], roles=("title", "body", "number", "credit")) -> str:
    """The words drawn as slide content (title and body, emoji included), page after page."""
    parts = []
    for svg in svgs:
        for r in runs(svg):
            if r.role in roles or r.role.removeprefix("emoji:") in roles:
                parts.append(r.text)
    return " ".join(parts)


def png_pixels(svg: str, width: int = 540):
    return cairosvg_pixels(svg, output_width=width)


def cairosvg_pixels(svg: str | bytes, *, scale: float = 1, output_width: int | None = None):
    """CairoSVG's drawing of ``svg`` as an RGB Pillow image: the pixels of ``cairosvg.svg2png``, the PNG
    decoded and ``convert("RGB")``-ed, read straight from CairoSVG's surface. Encoding and decoding the
    PNG was two thirds of that route's time (tests/test_raster_helper.py checks the pixels are the same)."""
    import numpy as np
    from cairosvg.parser import Tree
    from cairosvg.surface import PNGSurface
    from PIL import Image
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    surface = PNGSurface(Tree(bytestring=data), None, 96, scale=scale, output_width=output_width)
    image = surface.cairo
    image.flush()
    width, height, stride = image.get_width(), image.get_height(), image.get_stride()
    alpha_bytes = np.frombuffer(image.get_data(), np.uint8).reshape(height, stride)[:, 3:width * 4:4]
    if sys.byteorder == "little" and alpha_bytes.min() == 255:  # opaque: Pillow reads cairo's bytes as they are
        pixels = Image.frombuffer("RGB", (width, height), bytes(image.get_data()), "raw", "BGRX", stride, 1)
    else:  # cairo keeps colour multiplied by alpha; its PNG writer divides it out, rounding so
        argb = np.frombuffer(image.get_data(), dtype=np.uint32).reshape(height, stride // 4)[:, :width]
        alpha = (argb >> 24).astype(np.int64)
        channels = [((argb >> shift) & 0xFF).astype(np.int64) for shift in (16, 8, 0)]
        channels = [np.where(alpha == 0, 0, (c * 255 + alpha // 2) // np.maximum(alpha, 1)) for c in channels]
        pixels = Image.fromarray(np.stack(channels, axis=2).astype(np.uint8), "RGB")
    image.finish()
    return pixels
