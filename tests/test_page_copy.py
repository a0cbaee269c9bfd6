"""A copied X thread page: flattened lists and numbered sections become real slides; the page's chrome
(Relevant people, Who to follow, trends, footer) stays out; a quoted post stays apart."""
from __future__ import annotations

from defusedxml import ElementTree as ET

from studio import render
from studio.reading import list_items
from studio.sources import parse_paste
from studio.structure import carousel_from_thread

NS = "{http://www.w3.org/2000/svg}"

# How a thread page reads after select-all + copy: each post's lines joined into one.
PAGE = """Post
Conversation
Maya Okafor
@mayamakes
How we cut our API latency in half without buying a single new server 🧵
10:04 AM · May 28, 2026
·
48.2K Views
Maya Okafor
@mayamakes
·
May 28
1) Measure First Most teams guess where the time goes. What we traced: - every request - every query - every cache miss
12
48
Maya Okafor
@mayamakes
·
May 28
Context windows grew fast: - GPT-3.5 → 4k - GPT-4 → 8k - Claude 2 → 100k
Maya Okafor
@mayamakes
·
May 28
2) Cache Warming This is the step most teams skip. What we warm: • sessions • feature flags • the pricing table
Maya Okafor
@mayamakes
·
May 28
Our rules now: 1. Trace before you tune 2. Cache what is read often 3. Batch anything in a loop
Quote
Sam Rivera
@samrivera
·
May 20
Caching is the root of all evil, change my mind.
Maya Okafor
@mayamakes
·
May 28
3) Delete Dead Code The fastest query is the one you never run. Gone last quarter: - 14 endpoints - 3 cron jobs - 1 whole service
Maya Okafor
@mayamakes
·
May 28
Checklist for your team: - add tracing - warm the cache - batch the loops - delete the dead code
Relevant people
Maya Okafor
@mayamakes
Follow
Building fast web apps. Notes on latency, caching and shipping small.
What's happening
Trending in Technology
#WWDC
12.5K posts
Who to follow
Sam Rivera
@samrivera
Follow
Terms of Service
|
Privacy Policy
|
Cookie Policy
© 2026 X Corp."""


def test_the_page_copy_gives_the_authors_posts_only():
    result = parse_paste(PAGE)
    thread, = result.threads
    texts = [p.text for p in thread.posts]
    assert len(texts) == 7
    assert not any("Building fast web apps" in t or "WWDC" in t or "Privacy Policy" in t for t in texts)
    assert not any("Caching is the root" in t for t in texts)  # the quoted post is never merged
    assert any("quoted post by @samrivera" in w for w in result.warnings)
    assert {p.handle for p in thread.posts} == {"mayamakes"}


def test_flattened_lists_in_five_posts_become_lists():
    thread, = parse_paste(PAGE).threads
    with_lists = [p for p in thread.posts if len(list_items(p.text)) >= 3]
    assert len(with_lists) >= 5


def _markers_and_titles(svg: str) -> tuple[int, list[str]]:
    root = ET.fromstring(svg)
    bullets = sum(1 for e in root.iter(NS + "circle"))
    titles = [" ".join(t.itertext()) for t in root.iter(NS + "text") if t.get("class") == "title"]
    return bullets, titles


def test_slides_of_the_page_draw_bullets_and_headlines_in_every_layout():
    thread, = parse_paste(PAGE).threads
    for layout in ("headline-body", "big-statement", "split", "image-focus", "list"):
        c = carousel_from_thread(thread, layout=layout)
        svg = render.render_slide(c, 1, scale=1)
        assert "- every" not in svg and "every request" in svg, layout
    card = render.render_slide(carousel_from_thread(thread, layout="post-card"), 1, scale=1)
    lines = [" ".join(t.itertext()) for t in ET.fromstring(card).iter(NS + "text") if t.get("class") == "body"]
    assert "- every request" in lines  # a post card shows the post's lines as posted
    c = carousel_from_thread(thread)
    bullets, titles = _markers_and_titles(render.render_slide(c, 1, scale=1))
    assert bullets >= 3 and " ".join(titles) == "Measure First"
    _, titles = _markers_and_titles(render.render_slide(c, 3, scale=1))
    assert " ".join(titles) == "Cache Warming"
