"""The creator's own numbers: a layout never drops the word that says them, nor adds a count that contradicts them."""
from __future__ import annotations

import pytest

from render_helpers import body_text, carousel_of
from studio import render
from studio.layouts.templates import list_of

LAYOUTS = ("post-card", "headline-body", "big-statement", "list", "image-focus", "split")


def _slide_text(texts: list[str], layout: str) -> str:
    c = carousel_of(texts, layout=layout, format="instagram-square")
    counts = render.pages_per_slide(c)
    return body_text(render.render_slides(c)[counts[0]:counts[0] + counts[1]], roles=("title", "body", "number",
                                                                                        "marker"))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("post", ["Step 1: write.", "Step 1: write.\nThen keep going every day.",
                                  "Lesson 3: rest.\nSleep is part of the work."])
def test_a_step_heading_keeps_its_word_and_gets_no_number_of_its_own(layout, post):
    # "Step 1: write." drew a big 01 and "write.": the word "Step" was drawn nowhere
    drawn = _slide_text(["Hook.", post, "Last post."], layout)
    word, number = post.split()[:2]
    assert word in drawn.split(), drawn
    assert f"0{number.rstrip(':')}" not in drawn.split(), drawn


@pytest.mark.parametrize("text", ["Here is the plan. Step 2: write. Step 3: publish.",
                                  "We did three things. First we wrote. 2. We published. 3. We repeated.",
                                  "Rule 1: ship. Rule 2: rest. Rule 3: read."])
def test_points_the_creator_numbered_get_no_count_of_ours(text):
    _, points, markers = list_of(text)
    assert " ".join(points) == text
    assert not any(m.isdigit() for m in markers), markers


def test_plain_sentences_read_as_points_get_a_dot_not_a_count():
    # a count the creator did not write is ours (session 22: "Never invent copy or numbers")
    assert list_of("Ship fast. Rest well. Read more.")[2] == ["•", "•", "•"]


def test_the_list_layout_draws_no_number_beside_a_creators_step():
    drawn = _slide_text(["Hook.", "Here is the plan. Step 2: write. Step 3: publish.", "Last."], "list")
    assert "01" not in drawn.split() and "02" not in drawn.split(), drawn
    for word in "Here is the plan. Step 2: write. Step 3: publish.".split():
        assert word in drawn.split(), (word, drawn)


def test_title_pieces_break_where_lines_break():
    # the title fitting counted "?", "&" and "=" as word ends while line breaking no longer breaks there
    from studio.layouts.templates import unbreakable
    assert unbreakable("Q&A a=b why?not and/or") == ("Q&A", "a=b", "why?not", "and/", "or")


def test_rows_of_mixed_markers_start_their_text_aligned():
    # "•", "03" and a creator's "✅" rows started their text at three different indents
    from render_helpers import runs
    post = "Do this daily:\n- Sleep early\n✅ Walk outside\n3. Read a book\n4. Write a page"
    c = carousel_of(["Hook.", post, "Last."], layout="list", format="instagram-square")
    counts = render.pages_per_slide(c)
    svg = render.render_slides(c)[counts[0]]
    found = runs(svg)
    starts = {}
    for word in ("Sleep", "✅", "Read", "Write"):
        starts[word] = min(r.x for r in found if r.text.startswith(word))
    assert max(starts.values()) - min(starts.values()) < 3, starts  # (an emoji image sits centred in its advance)
