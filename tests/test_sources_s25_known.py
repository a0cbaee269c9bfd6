"""Session 25, the known faults: a short unpunctuated line right under a list closes the list's post (never a
heading of the next post), and a creator's own full time line ("9:40 AM · 11/28/26 · 7.8K Views") typed inside a
post stays, with the counts under it still X's."""
from __future__ import annotations

import pytest
from page_copy_helpers import SHAPES, page

from studio.app.imports import Imports

STAMP = "9:40 AM · 11/28/26 · 7.8K Views"


def texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


@pytest.mark.parametrize("marker", ["{n}.", "-", "•", "{n})"])
@pytest.mark.parametrize("closing", ["All worth it", "That is the whole stack", "Nothing else"])
def test_a_short_line_under_a_list_closes_the_list_not_the_next_post(marker, closing):
    items = "\n".join(f"{marker.format(n=n)} {w}" for n, w in enumerate(("Deep Work", "Atomic Habits", "Range"), 1))
    body = "Now the lessons. First, read slowly and take notes on paper every day."
    got = texts(f"Books that changed my year:\n\n{items}\n\n{closing}\n\n{body}")
    assert got[-1] == body and got[-2].endswith(closing)


def test_under_a_list_a_closing_line_stays_and_a_marked_heading_still_opens_the_next_post():
    tail = "\n\nEverything else, and here is the full story of why it failed."
    lead = "Intro line that is long enough to stand alone as a post, sure.\n\n- One\n- Two\n\n"
    assert texts(lead + "## What failed" + tail)[-1].startswith("## What failed\n")
    assert texts(lead + "What failed" + tail)[-2].endswith("- Two\n\nWhat failed")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("where", ["top", "middle", "end"])
def test_a_full_time_line_typed_in_a_reply_is_the_creators_and_the_counts_stay_xs(where, shape):
    words = {"top": [STAMP, "That was the stamp on my best post."],
             "middle": ["This line went viral:", STAMP, "and it changed nothing."],
             "end": ["My best post ever was stamped", STAMP]}[where]
    result = Imports.paste(SHAPES[shape](page(["Opening post here."], words, ["Last post."])))
    got = [p.text for p in result.threads[0].posts]
    assert [t.split() for t in got] == [["Opening", "post", "here."], " ".join(words).split(), ["Last", "post."]]
    said = [w for w in result.warnings if STAMP in w]
    assert bool(said) == (where != "middle")  # at the words' edge, where X's own would sit: kept and said


def test_a_desktop_full_time_typed_mid_reply_keeps_the_words_under_it():
    got = texts(page(["Opening post here."], ["It said", "2:00 PM · Nov 21, 2026", "and nothing more."], ["Last."]))
    assert got[1] == "It said\n2:00 PM · Nov 21, 2026\nand nothing more."


@pytest.mark.parametrize("first", [True, False])
def test_the_opening_posts_own_stamp_stays_over_xs_time(first):
    words = [STAMP, "was my stamp."] if first else ["My best post was stamped", STAMP]
    lines = ["Post", "Maya Chen", "@mayachen_", "Follow", *words, STAMP, "12", "31", "402", "55",
             "Maya Chen", "@mayachen_", "·", "11h", "Second.", "2", "4", "77"]
    result = Imports.paste("\n".join(lines))
    assert [p.text for p in result.threads[0].posts] == ["\n".join(words), "Second."]
    assert any(STAMP in w for w in result.warnings)
    edited = ["Post", "Maya Chen", "@mayachen_", "Follow", "Words here.", "Last edited 10:31 AM · Nov 12, 2025",
              "9:40 AM · Nov 11, 2025", "·", "7,800", "Views", "12", "31", *lines[-8:]]
    assert texts("\n".join(edited)) == ["Words here.", "Second."]  # X's edited and first times still go


@pytest.mark.parametrize(("html", "lines"), [
    ("<ol><li>Deep Work</li><li>Range</li></ol>", ["1. Deep Work", "2. Range"]),
    ('<ol start="4"><li>Ship</li><li>Measure</li></ol>', ["4. Ship", "5. Measure"]),
    ("<ul><li>Tools<ol><li>Notion</li><li>Figma</li></ol></li><li>People</li></ul>",
     ["- Tools", "1. Notion", "2. Figma", "- People"]),
])
def test_a_numbered_list_copied_as_html_keeps_the_numbers_the_creator_saw(html, lines):
    text = "\n".join(texts(f"<html><body><p>My notes, one line each, as the page showed them:</p>{html}</body></html>"))
    assert [x.strip() for x in text.split("\n") if x.strip()][1:] == lines


def test_a_short_last_line_under_a_list_stays_the_closing_post():
    got = texts("Books that changed my year, in order of how often I reread them:\n\n- Deep Work\n- Range\n- The Mom Test"
                "\n\nAll worth it\n\nRead slowly and take notes on paper every day.\n\nFollow @janedoe for more tips")
    assert got[-1] == "Follow @janedoe for more tips" and got[-2] == "Read slowly and take notes on paper every day."
    assert got[-3].endswith("- The Mom Test\n\nAll worth it")


@pytest.mark.parametrize("shape", SHAPES)
def test_xs_show_more_over_a_polls_options_goes_and_is_said(shape):
    poll = ["Tea", "40%", "Coffee", "60%", "1,000 votes · Final results"]
    result = Imports.paste(SHAPES[shape](page(["Opening."], ["Which do you prefer, and why?", "Show more", *poll],
                                              ["Last."])))
    assert [p.text.split() for p in result.threads[0].posts][1] == "Which do you prefer, and why? Tea Coffee".split()
    assert any("Show more" in w for w in result.warnings)
    own = Imports.paste(SHAPES[shape](page(["Opening."], ["Under long posts you see:", "Show more", *poll], ["Last."])))
    assert "Show more" in own.threads[0].posts[1].text  # introduced by a colon: the author's


@pytest.mark.parametrize("bullet", ["- ", "✅ ", "→ ", "• "])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_short_line_between_two_lists_heads_the_second_and_one_under_the_last_list_closes_it(bullet, newline):
    body = "Why so small? Because every tool costs attention, and attention is what ships the product."
    text = (f"Intro that is a whole post on its own, long enough.\n\n{bullet}a one\n{bullet}b two\n\nPart two\n\n"
            f"{bullet}c three\n{bullet}d four\n\nNothing else\n\n{body}").replace("\n", newline)
    got = texts(text)
    assert got[-2].startswith("Part two\n") and got[-2].endswith("\n\nNothing else") and got[-1] == body
