"""Session 24: a closing line after a list ("3. Publish" / "That's it.") is a line of its own, not the last item's
words, while a wrapped item ("2. Visit New" / "York City.") stays one item; a top-level "‣" bullet is drawn as
written, not swapped for the layout's dot."""
from __future__ import annotations

import pytest

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.templates import list_of

LAYOUTS = ["headline-body", "list", "big-statement", "split", "post-card", "image-focus"]


def _body(text: str, layout: str) -> tuple[list[str], str]:
    svg = render.render_slides(carousel_of(["Intro", text], layout=layout, format="instagram-square"))[1]
    return [r.text for r in runs(svg) if r.role == "body"], svg


@pytest.mark.parametrize("closing", ["That's it.", "That’s all.", "Done.", "And that's it.", "That's it. 🚀"])
def test_a_closing_line_after_an_unpunctuated_list_is_its_own_line(closing):
    lead, items, markers = list_of(f"How to ship:\n1. Write\n2. Edit\n3. Publish\n{closing}")
    assert items == ["Write", "Edit", "Publish", closing]
    assert markers[:3] == ["1", "2", "3"] and markers[3] == ""
    body, _ = _body(f"How to ship:\n1. Write\n2. Edit\n3. Publish\n{closing}", "list")
    assert "Publish" in body and closing.rstrip(" 🚀") in body  # the emoji is a run of its own


@pytest.mark.parametrize("text, last", [
    ("Trip:\n1. Fly to Paris\n2. Visit New\nYork City.", "Visit New York City."),
    ("Read:\n1. Deep Work\n2. Read\nThe Mom Test.", "Read The Mom Test."),
    ("Steps:\n1. Write\n2. Publish and\nThat's it.", "Publish and That's it."),  # "and" asks for more: one item
    ("Steps:\n1. Write\n2. Publish\nthat's it.", "Publish that's it."),  # a small letter goes on
    # a title on the next line is the item's words, not a closing line
    ("Films:\n1. Watch Home Alone\n2. Rewatch Elf\n3. Rewatch\nIt's a Wonderful Life.", "Rewatch It's a Wonderful Life."),
    ("Three things:\n1. Write daily\n2. Edit hard\n3. Watch\nThis is Spinal Tap.", "Watch This is Spinal Tap."),
    ("Read:\n1. Deep Work\n2. Read\nIt's Not How Good You Are…", "Read It's Not How Good You Are…"),
    ("Steps:\n1. Plan\n2. Ship\nEasy.", "Ship Easy."),
    ("Steps:\n1. Smile\n2. Say\nThat's it.", "Say That's it."),  # what to say
    ("Steps:\n1. Write\n2. Publish the thread you drafted\nThat's it.", "Publish the thread you drafted That's it."),
])
def test_a_wrapped_item_stays_one_item(text, last):
    _, items, _ = list_of(text)
    assert items[-1] == last


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_top_level_triangle_bullet_is_drawn_as_written(layout):
    body, svg = _body("Tools:\n‣ React\n‣ Vite\n‣ Django", layout)
    joined = " ".join(body)
    assert all(f"‣ {w}" in joined for w in ("React", "Vite", "Django")), body
    dots = [n for n in parse(svg).iter(NS + "circle") if "marker" in (n.get("class") or "")]
    assert not dots


def test_plain_bullets_still_get_the_layouts_dot():
    body, svg = _body("Tools:\n- React\n- Vite", "headline-body")
    assert "React" in body and not any("-" in b for b in body)


def test_a_triangle_bulleted_list_is_still_a_list():
    from studio.reading import list_entries
    text = "Tools:\n‣ Figma\n‣ Notion\n‣ Linear"
    assert [item for _, item in list_entries(text)] == ["‣ Figma", "‣ Notion", "‣ Linear"]
    body = {r.text: r.x for r in runs(render.render_slides(carousel_of(["Intro", text], layout="headline-body",
                                                                          format="linkedin-portrait"))[1])
            if r.role == "body"}
    assert set(body) == {"‣ Figma", "‣ Notion", "‣ Linear"} and len({round(x) for x in body.values()}) == 1
