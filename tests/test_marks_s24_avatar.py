"""Avatar initials: plain letters every drawn face has, upper case where the script has it, never a box."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from render_helpers import NS, carousel_of, parse, png_pixels
from studio import fonts, render
from studio.layouts import base
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
from studio.text import has_glyph


def _initials(svg: str) -> list[tuple[str, str, float]]:
    """(text, face, x) of every run drawn inside the first avatar circle, left to right."""
    root = parse(svg)
    circle = next(root.iter(NS + "circle"))
    cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
    found = []
    for node in root.iter(NS + "text"):
        for t in node.iter(NS + "tspan"):
            x, y = float((t.get("x") or "0").split()[0]), float(t.get("y"))
            if abs(x - cx) < r and abs(y - cy) < r:
                face = fonts.family_from_css(t.get("font-family") or node.get("font-family"))
                found.append((t.text or "", face, x))
    return sorted(found, key=lambda f: f[2])


def _brand_slide(name: str) -> str:
    c = carousel_of(["Hello world.\n\nSecond para."])
    c.brand.name = name
    return render.render_slide(c, 0)


def _post_card_slide(name: str) -> str:
    thread = Thread("t", [Post("1", "First post of the thread.", author_name=name, handle="jane"),
                          Post("2", "Second post with some words.", author_name=name, handle="jane")])
    return render.render_slide(carousel_from_thread(thread, layout="post-card"), 1)


CASES = [("𝗔𝗰𝗺𝗲 Studio", "AS"), ("Ｆｕｌｌ Name", "FN"), ("ᴀᴄᴍᴇ Co", "AC"), ("Acme שלום", "A"),
         ("Maya אוקפור", "M"), ("山田 太郎", "山太"), ("דנה כהן", "כד"), ("Ama Ɓello", "AƁ"), ("🚀 launch", "L")]


@pytest.mark.parametrize("draw", [_brand_slide, _post_card_slide])
@pytest.mark.parametrize("name,drawn", CASES + [("𝐉𝐚𝐧𝐞 𝐃𝐨𝐞", "JD"), ("Дмитрий 山田", "Д")])
def test_initials_are_plain_letters_in_faces_that_draw_them(draw, name, drawn):
    runs = _initials(draw(name))
    assert "".join(text for text, _, _ in runs) == drawn  # a Hebrew name's first initial on the right
    for text, face, _ in runs:
        assert all(has_glyph(face, ch) for ch in text), (name, text, face)


def test_a_styled_brand_name_draws_the_same_avatar_as_the_plain_one():
    def avatar_pixels(name):
        svg = _brand_slide(name)
        root = parse(svg)
        circle = next(root.iter(NS + "circle"))
        scale = 1080 / float(root.get("viewBox").split()[2])
        cx, cy, r = (float(circle.get(k)) * scale for k in ("cx", "cy", "r"))
        image = png_pixels(svg, 1080)
        return image.crop((int(cx - r), int(cy - r), int(cx + r), int(cy + r)))
    assert avatar_pixels("𝗔𝗰𝗺𝗲 Studio").tobytes() == avatar_pixels("Acme Studio").tobytes()


FACES = ("Inter", "Fraunces", "Heebo", "Poppins")
LETTERS = hs.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "No", "So"), exclude_characters="\x00")


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.text(LETTERS, min_size=1, max_size=4), min_size=1, max_size=3), hs.sampled_from(FACES))
def test_no_name_gives_an_initial_no_face_draws(words, family):
    marks = base._initials(" ".join(words), family)
    assert len(marks) <= 2
    for ch, face in marks:
        assert len(ch) == 1 and ch.isalnum() and has_glyph(face, ch), (words, ch, face)
    if len(marks) == 2 and not any(ch.isdigit() for ch, _ in marks):
        assert base._script(marks[0][0]) == base._script(marks[1][0])
