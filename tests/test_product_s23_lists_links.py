"""Session 23: a nested row keeps the creator's own bullet ("‣"); an outro "link" that is no link is drawn as plain
text, not in a link's colour and weight."""
from __future__ import annotations

import dataclasses

import pytest

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.app.sample import sample_carousel


def _slide(text: str, layout: str, fmt: str = "instagram-square") -> str:
    return render.render_slides(carousel_of(["Intro", text], layout=layout, format=fmt))[1]


@pytest.mark.parametrize("layout", ["headline-body", "list", "big-statement", "split"])
def test_a_nested_row_keeps_the_creators_own_bullet(layout):
    svg = _slide("Stack:\n- Frontend\n  ‣ React\n  ‣ Vite\n- Backend\n  - Django", layout)
    body = [r.text for r in runs(svg) if r.role == "body"]
    assert "‣ React" in body and "‣ Vite" in body and "Django" in body
    dots = [n for n in parse(svg).iter(NS + "circle") if n.get("class") == "sub-marker"]
    assert len(dots) == 1  # the layout's small dot only for the plain "-" nested row


BASE = sample_carousel()


def _link_text(link: str):
    carousel = dataclasses.replace(BASE, cta=dataclasses.replace(BASE.cta, link=link))
    root = parse(render.render_slides(carousel)[-1])
    [text] = [t for t in root.iter(NS + "text") if "link" in (t.get("class") or "").split()]
    hrefs = {node.get("data-href") for node in root.iter() if node.get("data-href")}
    return text, hrefs


@pytest.mark.parametrize("link", ["file:///etc/passwd", "javascript:alert(1)", "my site dot com"])
def test_an_outro_link_that_is_no_link_is_plain_text(link):
    text, hrefs = _link_text(link)
    real, _ = _link_text("example.com/guide")
    assert "".join(text.itertext()) == link and not hrefs
    assert text.get("fill") != real.get("fill")  # not the accent colour of a link
    weight = lambda t: {n.get("font-weight") for n in t.iter()}  # noqa: E731
    assert "700" in weight(real) and "700" not in weight(text)
