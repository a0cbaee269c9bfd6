"""Session 24: a word of circled letters ("Ⓒⓘⓡⓒⓛⓔⓓ") is drawn by one face: Inter has "Ⓒ" (beside "©") but not
the other circled letters, and its "Ⓒ" came out twice the size of the rest of the word."""
from __future__ import annotations

import pytest

from render_helpers import NS, carousel_of, parse
from studio import fonts, render

ENCLOSED = {chr(c) for c in range(0x2460, 0x2500)}


@pytest.mark.parametrize("theme", ["paper", "terminal", "editorial"])
@pytest.mark.parametrize("text", ["Ⓒⓘⓡⓒⓛⓔⓓ ⓦⓞⓡⓓⓢ are cute.", "ⒸⒾⓇⒸⓁⒺⒹ ①②③ ⑴⑵ ⒜⒝ too."])
def test_circled_letters_are_drawn_by_one_face(theme, text):
    svg = render.render_slides(carousel_of(["Intro", text, "End"], layout="headline-body", format="instagram-square",
                                           theme=theme))[1]
    faces = set()
    for node in parse(svg).iter(NS + "text"):
        for t in node.iter(NS + "tspan"):
            if t.text and set(t.text) & ENCLOSED:
                faces.add(fonts.family_from_css(t.get("font-family") or node.get("font-family")))
    assert len(faces) == 1, faces
