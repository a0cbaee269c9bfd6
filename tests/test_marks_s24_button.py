"""The outro button: every word of its label in the colour that reads on it; a long label wraps, never a hairline."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from render_helpers import NS, carousel_of, parse, png_pixels
from studio import render
from studio.theme import THEMES, rgb
from studio.typography import MIN_BODY_SIZE


def _outro(label: str, **settings) -> tuple[str, object]:
    c = carousel_of(["Hello world.\n\nSecond para."], **settings)
    c.cta.button = label
    return render.render_slides(c)[-1], render.make_context(c).palette


def _button_spans(svg: str):
    """(tspan, its text's fill, font size) of every visible run of the button label."""
    for node in parse(svg).iter(NS + "text"):
        if node.get("class") == "button":
            for t in node.iter(NS + "tspan"):
                if t.get("fill-opacity") != "0":
                    yield t, t.get("fill") or node.get("fill"), float(t.get("font-size") or node.get("font-size"))


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("label", ["Follow 𝗡𝗢𝗪", "Follow **now**", "Visit example.com for #more"])
def test_every_run_of_the_button_label_is_drawn_on_accent(theme, label):
    svg, pal = _outro(label, theme=theme)
    spans = list(_button_spans(svg))
    assert "".join(t.text or "" for t, _, _ in spans).replace(" ", "") == \
        label.replace("𝗡𝗢𝗪", "NOW").replace("**", "").replace(" ", "")
    assert {fill for _, fill, _ in spans} == {pal.on_accent}


def _ink(svg: str, pal) -> int:
    """Pixels of the label's colour inside the button."""
    root = parse(svg)
    rect = next(r for r in root.iter(NS + "rect") if r.get("fill") == pal.accent_fill and float(r.get("height")) >= 50)
    scale = 1080 / float(root.get("viewBox").split()[2])
    box = [float(rect.get(k)) * scale for k in ("x", "y", "width", "height")]
    image = png_pixels(svg, 1080).crop((int(box[0]), int(box[1]), int(box[0] + box[2]), int(box[1] + box[3])))
    pixels = np.asarray(image, dtype=np.int32)
    return int((np.abs(pixels - np.array(rgb(pal.on_accent))).sum(axis=2) < 60).sum())


@pytest.mark.parametrize("theme", ["clean", "paper", "mono"])
def test_an_emphasised_word_shows_in_the_button_pixels(theme):
    plain = _ink(*_outro("Follow NOW", theme=theme))
    without = _ink(*_outro("Follow", theme=theme))
    for label in ("Follow 𝗡𝗢𝗪", "Follow **NOW**"):
        ink = _ink(*_outro(label, theme=theme))
        assert ink > without + (plain - without) * 0.9, label  # "NOW" in the label's colour, as when typed plain


LONG = "Grab the free thirty page guide to writing threads people finish, save and share with friends today"


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
@pytest.mark.parametrize("label", [LONG, "W" * 100])
def test_a_long_label_wraps_inside_its_button_at_a_readable_size(fmt, label):
    assert len(label) <= 100
    svg, pal = _outro(label, format=fmt)
    spans = list(_button_spans(svg))
    assert all(size >= MIN_BODY_SIZE for _, _, size in spans)
    assert "".join(t.text or "" for t, _, _ in spans).replace(" ", "") == label.replace(" ", "")  # no word cut
    baselines = sorted({float(t.get("y")) for t, _, _ in spans})
    assert len(baselines) >= 2
    root = parse(svg)
    rect = next(r for r in root.iter(NS + "rect") if r.get("fill") == pal.accent_fill and float(r.get("height")) >= 50)
    top, h = float(rect.get("y")), float(rect.get("height"))
    x0, w = float(rect.get("x")), float(rect.get("width"))
    assert top < baselines[0] - MIN_BODY_SIZE * 0.7 and baselines[-1] < top + h
    for t, _, size in spans:
        xs = [float(v) for v in t.get("x").split()]
        assert x0 < xs[0] and xs[-1] + size < x0 + w + 1


@settings(max_examples=15, deadline=None)
@given(hs.lists(hs.text("abcdefghijklmnopqrstuvwxyzW", min_size=1, max_size=14), min_size=1, max_size=12))
def test_any_label_up_to_its_cap_keeps_every_word_at_a_readable_size(words):
    label = " ".join(words)[:100].strip()
    svg, _ = _outro(label)
    spans = list(_button_spans(svg))
    assert all(size >= MIN_BODY_SIZE for _, _, size in spans)
    assert "".join(t.text or "" for t, _, _ in spans).replace(" ", "") == label.replace(" ", "")
