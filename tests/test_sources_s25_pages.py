"""Session 25: page copies of ten threads (English, Spanish, German) as Chrome, Edge, Firefox, Safari, an HTML
clipboard and a phone give them, each with three of: "Show more", "Translate post", a photo label, a quoted post,
a poll, a link card, an ad between posts, other people's replies, "Relevant people". The creator's words arrive
exactly, post by post, with none of X's; the creator's own lines shaped as X's ("9:40 AM · 11/28/26 · 7.8K Views",
"12K views" opening a reply, a full desktop time mid-reply) stay where they were typed. The "page-edge-" copies
put such lines at every edge of a post (first, last, alone under a colon), in a copy opened on a middle post, with
one-line headers, other people's replies between the creator's, and without X's counts."""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s25-sources"
PAGES = sorted(p.name for p in FIXTURES.glob("page-*.txt"))
X_LINES = {"Show more", "Translate post", "Image", "Quote", "Follow", "Views", "Ad", "Relevant people", "From",
           "Mostrar más", "Traducir post", "Imagen", "Cita", "Seguir", "visualizaciones", "Anuncio",
           "Mehr anzeigen", "Beitrag übersetzen", "Bild", "Zitat", "Folgen", "Mal angezeigt", "Anzeige",
           "Quoted words nobody in this thread wrote.", "Your wiki, docs & projects. Together.",
           "Great thread. Which tool did you use?", "Saved this 🙌", "example.com", "A linked page's own title",
           "From example.com", "From notion.so", "14", "38", "402", "212", "1.1K", "4.8K", "2.3K", "48.2K"}


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_there_are_a_hundred_copies_in_six_shapes_and_three_languages():
    shapes = collections.Counter(expected(n)["shape"] for n in PAGES)
    assert len(PAGES) >= 100 and len(shapes) == 6
    assert {n.split("-")[1] for n in PAGES if not n.startswith("page-edge-")} == {"en", "es", "de"}


@pytest.mark.parametrize("name", PAGES)
def test_every_word_of_the_creator_arrives_in_its_post_and_none_of_xs(name):
    want = expected(name)
    posts = Imports.paste((FIXTURES / name).read_text(encoding="utf-8")).threads[0].posts
    got = [p.text for p in posts]
    assert [t.split() for t in got] == [t.split() for t in want["posts"]]
    if want["shape"] in ("chrome", "edge", "phone"):
        assert got == want["posts"]
    assert {(p.author_name, p.handle) for p in posts} == {(want["name"], want["handle"])}
    mine = {x.strip() for t in want["posts"] for x in t.split("\n")}
    assert not {x.strip() for t in got for x in t.split("\n")} & (X_LINES - mine)
