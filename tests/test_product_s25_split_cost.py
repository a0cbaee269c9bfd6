"""Session 25: Split without a photo builds a body's blocks once per type size (the width test for a table or code
shared its build with the column beside the block, and the column grown to the body's largest size built it again
while only the title still grew)."""
from __future__ import annotations

from collections import Counter

import pytest

from render_helpers import carousel_of
from studio import render
from studio.layouts import templates

TEXTS = {
    "table": "Plans compared:\n| Plan | Price | Seats |\n|---|---|---|\n| Free | $0 | 1 |\n| Pro | $12 | 5 |",
    "code": "Run this:\n```\nnpm test\n```\nThen ship it.",
    "list": "Three habits:\n- Write daily\n- Ship weekly\n- Rest on Sundays",
}


@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_split_without_a_photo_builds_each_size_once(kind, monkeypatch):
    carousel = carousel_of(["Intro", TEXTS[kind], "End"], layout="split", format="instagram-square")
    before = render.render_slides(carousel)[1]
    render.clear_cache()
    built: Counter = Counter()
    original = templates.body_blocks

    def counting(ctx, text, size, colour=None):
        built[(text, ctx.body_style(size, colour))] += 1
        return original(ctx, text, size, colour)

    monkeypatch.setattr(templates, "body_blocks", counting)
    after = render.render_slides(carousel)[1]
    assert built and max(built.values()) == 1, [(k[0][:12], k[1].size, n) for k, n in built.items() if n > 1]
    assert after == before  # the same drawing
