"""Session 23: a closing line after a list of short labels stands apart; a nested row keeps the creator's own
bullet ("‣"); an outro "link" that is no link is drawn as plain text, not in a link's colour and weight."""
from __future__ import annotations

import dataclasses

import pytest

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.app.sample import sample_carousel
from studio.reading import list_entries

SHIP = "How I ship:\n1. Draft\n2. Edit\n3. Publish\nThat's it. Follow for more."


def _slide(text: str, layout: str, fmt: str = "instagram-square") -> str:
    return render.render_slides(carousel_of(["Intro", text], layout=layout, format=fmt))[1]


def test_a_closing_line_after_short_labels_is_a_paragraph_not_the_last_item():
    assert list_entries(SHIP)[-2:] == [("3", "Publish"), ("¶", "That's it. Follow for more.")]
    bullets = "Tools I use:\n- Figma\n- Notion\n- Linear\nWhich one would you add? Tell me below."
    assert list_entries(bullets)[-1] == ("¶", "Which one would you add? Tell me below.")
    # a label that a sentence goes on after, or a lowercase line, still goes on in its item
    assert list_entries("Rules:\n1. Ship it\n2. Rest when\nYou can.")[-1] == ("2", "Rest when You can.")
    assert list_entries("Steps:\n1. Draft\n2. Edit\n3. Publish\nand repeat.")[-1] == ("3", "Publish and repeat.")


@pytest.mark.parametrize("layout", ["list", "headline-body", "big-statement", "split"])
def test_the_closing_line_is_drawn_on_a_line_of_its_own(layout):
    svg = _slide(SHIP, layout)
    drawn = [r for r in runs(svg) if r.role == "body"]
    publish = next(r for r in drawn if r.text.endswith("Publish"))
    closing = next(r for r in drawn if r.text.startswith("That's it"))
    assert publish.text in ("Publish", "3. Publish") and closing.y > publish.y + publish.size * 0.8
    if layout == "list":  # prose, not a row: on no band, at the text's left edge rather than the rows' indent
        assert len([n for n in parse(svg).iter(NS + "rect") if n.get("class") == "list-row"]) == 3
        assert closing.x < publish.x - publish.size


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


QUOTE = ('"The best time to plant a tree was 20 years ago. The second best time is now."\n— Chinese proverb\n'
         "Start today.")


def test_a_quotation_stays_one_point_and_a_line_ended_on_purpose_starts_the_next():
    from studio.layouts.templates import list_of
    _, points, _ = list_of(QUOTE)
    assert points == ['"The best time to plant a tree was 20 years ago. The second best time is now." — Chinese proverb',
                      "Start today."]
    svg = _slide(QUOTE, "list")
    assert len([n for n in parse(svg).iter(NS + "rect") if n.get("class") == "list-row"]) == 2  # not the quote cut
    assert "Start today." in [r.text for r in runs(svg) if r.role == "body"]
