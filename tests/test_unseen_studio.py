"""The studio's own import box with unseen page copies: pasted as a creator pastes them, they become the
author's posts on cards and slides, with the author credited, and nothing of X's page or of other people."""
from __future__ import annotations

from pathlib import Path

import pytest

from ui_helpers import click, until

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
ONE_LINE_HEADERS = ("Post\nConversation\nDana Kim @danakim_dev\nI spent 3 years building a SaaS. Here are 2 lessons 🧵\n"
                    "10:04 AM · May 28, 2024 · 1.2M Views\nDana Kim @danakim_dev · May 28\n1/ Charge more.\n"
                    "Dana Kim @danakim_dev · May 28\n2/ Ship on Fridays.\nSam Lee @samlee · May 29\n"
                    "Replying to @danakim_dev\nSo true!")


@pytest.mark.parametrize("text, posts, author", [
    (ONE_LINE_HEADERS, ["I spent 3 years building a SaaS. Here are 2 lessons", "Charge more.", "Ship on Fridays."],
     ("Dana Kim", "danakim_dev")),
    ((FIXTURES / "unseen-page-arabic-interface.txt").read_text(encoding="utf-8"),
     ["كيف بنيت شركة ناشئة في ١٢ شهراً", "ابدأ بالمشكلة، لا بالحل. Talk to users first.",
      "اختر فريقاً صغيراً — 3 people max.", "وأخيراً: لا تستسلم."], ("أحمد | Ahmed", "ahmed_builds")),
], ids=["one-line-headers", "arabic-interface"])
async def test_a_pasted_page_copy_becomes_the_authors_posts(studio, testid, text, posts, author):
    testid(studio, "source-input")[0].value = text
    click(studio, testid(studio, "source-import")[0])
    doc = studio.shared.document
    await until(lambda: doc.carousel.thread is not None and len(doc.carousel.thread.posts) == len(posts))
    await until(lambda: len(testid(studio, "post-card")) == len(posts))
    thread = doc.carousel.thread
    assert [p.text for p in thread.posts] == posts
    assert {(p.author_name, p.handle) for p in thread.posts} == {author}
    words = " ".join(f"{s.title} {s.body}" for s in doc.carousel.slides)
    assert "So true" not in words and "Replying" not in words and "ألف" not in words


async def test_a_pasted_thread_with_code_keeps_its_indentation_on_the_slides(studio, testid):
    from studio.render import render_slides
    code = ["def dedupe(items):", "    seen = set()", "    for item in items:", "        if item not in seen:",
            "            seen.add(item)", "    return list(seen)"]
    testid(studio, "source-input")[0].value = ("How to dedupe a list in Python and keep its order 🧵\n\nThe trick:\n" +
                                               "\n".join(code) +
                                               "\n\nIt keeps the first of each, in order.")
    click(studio, testid(studio, "source-import")[0])
    doc = studio.shared.document
    await until(lambda: doc.carousel.thread is not None and len(doc.carousel.thread.posts) == 3)
    assert doc.carousel.thread.posts[1].text == "The trick:\n```\n" + "\n".join(code) + "\n```"
    assert any("\n".join(code) in s.body for s in doc.carousel.slides)
    assert sum(svg.count('class="code-panel"') for svg in render_slides(doc.carousel)) == 1
