"""A slide as a standalone SVG file: the fonts it uses travel inside it.

The renderer's SVG names the studio's own font families ("CS Inter"), which no
other program has. For a downloaded .svg the faces used are subset to the
characters on the slide and embedded as WOFF ``@font-face`` rules, so a browser
or design tool shows the slide as designed. CairoSVG ignores ``@font-face``, so
PNG and PDF exports are unaffected.
"""
from __future__ import annotations

import base64
import io
import re
from functools import lru_cache
from pathlib import Path

from defusedxml import ElementTree

from ..svg import el

_SVG_NS = "{http://www.w3.org/2000/svg}"
_ROOT_TAG = re.compile(r"<svg\b[^>]*>")  # attribute values never hold a raw ">" (the builder escapes it)


def standalone_svg(svg: str) -> str:
    """``svg`` with a <style> of subset @font-face rules for every face its text uses."""
    faces = used_faces(svg)
    rules = [_font_face(family, weight, "".join(sorted(chars))) for (family, weight), chars in sorted(faces.items())]
    rules = [rule for rule in rules if rule]
    match = _ROOT_TAG.search(svg)
    if not rules or not match:
        return svg
    style = el("style", text="\n".join(rules), attrs={"type": "text/css"}).to_string()
    return svg[:match.end()] + style + svg[match.end():]


def used_faces(svg: str) -> dict[tuple[str, int], set[str]]:
    """(CSS family, weight) -> characters drawn in it."""
    faces: dict[tuple[str, int], set[str]] = {}
    _walk(ElementTree.fromstring(svg.encode("utf-8")), "", 400, faces)
    return faces


def _walk(element, family: str, weight: int, faces: dict) -> None:
    family = (element.get("font-family") or family).split(",")[0].strip().strip("'\"")
    weight = _weight(element.get("font-weight"), weight)
    if element.tag in (f"{_SVG_NS}text", f"{_SVG_NS}tspan") and element.text and family:
        faces.setdefault((family, weight), set()).update(element.text)
    for child in element:
        _walk(child, family, weight, faces)
        if child.tail and element.tag in (f"{_SVG_NS}text", f"{_SVG_NS}tspan") and family:
            faces.setdefault((family, weight), set()).update(child.tail)


def _weight(value: str | None, inherited: int) -> int:
    if value is None:
        return inherited
    if value == "bold":
        return 700
    if value == "normal":
        return 400
    try:
        return int(float(value))
    except ValueError:
        return inherited


def _font_face(css_family: str, weight: int, text: str) -> str:
    from .. import fonts
    family = fonts.family_from_css(css_family)
    if family not in fonts.ALL_FAMILIES or not text.strip():
        return ""
    data = _subset_woff(fonts.face_path(family, weight), text)
    return (f'@font-face{{font-family:"{css_family}";font-weight:{weight};'
            f'src:url(data:font/woff;base64,{base64.b64encode(data).decode("ascii")}) format("woff")}}')


@lru_cache(maxsize=64)
def _subset_woff(path: Path, text: str) -> bytes:
    from fontTools import subset
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []  # the slide is laid out without kerning or ligatures
    options.name_IDs = ["*"]  # keep the family name and the licence notice
    options.notdef_outline = True
    font = subset.load_font(str(path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()
