"""What the reviewer of session 19's second round found, each wrong before (reproducers in the review report)."""
from __future__ import annotations

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.templates import list_of
from studio.reading import headline_and_body, sentences, unflatten
from studio.text import accent_spans
from studio.text_patterns import link_end

STARTUP = ("Three things I learned shipping my startup.\n1. Users do not read your docs.\n"
           "2. Pricing is harder than code.\n3. Ship anyway.")


def _slide_text(texts: list[str], layout: str, slide: int = 0) -> str:
    c = carousel_of(texts, layout=layout)
    counts = render.pages_per_slide(c)
    start = sum(counts[:slide])
    return " ".join(r.text for svg in render.render_slides(c)[start:start + counts[slide]] for r in runs(svg))


def test_a_list_number_starts_its_sentence_and_its_full_stop_ends_none():
    # the number's full stop was no sentence end's start: "…this year. 1." was the headline, every item kept
    # the next item's number, and a hook followed by a list on its own lines had no headline at all
    assert headline_and_body(STARTUP) == ("Three things I learned shipping my startup.", STARTUP.split("\n", 1)[1])
    assert sentences("Here's what I learned. 1. Nobody cares. 2. Ship anyway.") == [
        "Here's what I learned.", "1. Nobody cares.", "2. Ship anyway."]
    assert headline_and_body("My three rules. 1. Ship. 2. Learn. 3. Repeat.")[0] == "My three rules."
    assert headline_and_body("Here's what I learned this year. 1. Nobody cares. 2. Ship anyway.")[0] == \
        "Here's what I learned this year."
    # a sentence of numbers still stays whole, and a number ending a sentence still ends it
    assert sentences("Pace per lap: 97. 98. 99. Getting slower.") == ["Pace per lap: 97. 98. 99. Getting slower."]
    assert sentences("My score was 97. Then I quit.") == ["My score was 97.", "Then I quit."]


def test_a_hook_over_a_numbered_list_is_the_cover_title_and_every_item_keeps_its_number():
    drawn = " ".join(_slide_text([STARTUP, "Second post."], "headline-body").split())
    assert "startup. 1." not in drawn and "docs. 2." not in drawn
    for word in ("Three things I learned shipping my startup.", "Users do not read your docs.", "Ship anyway."):
        assert all(w in drawn for w in word.split()), word


def test_a_list_with_one_creator_bulleted_item_keeps_a_mark_on_every_other_row():
    # one "✅" took every row's marker away: the other rows drew flush left with nothing, their "-" bullets gone
    text = "Steps:\n- ✅ Plan it on Sunday\n- Build it on Monday\n- Ship it on Friday"
    assert list_of(text) == ("Steps:", ["✅ Plan it on Sunday", "Build it on Monday", "Ship it on Friday"], ["", "•", "•"])
    svg = render.render_slides(carousel_of([text], layout="list"))[0]
    drawn = runs(svg)
    body = {r.text.split()[0]: r.x for r in drawn if r.role == "body" and r.text.split()[0] in ("Build", "Ship")}
    emoji = [r for r in drawn if r.role.startswith("emoji")]
    rows = [r.y for r in drawn if r.role == "body" and r.text.split()[0] in ("Build", "Ship")]
    bullets = [c for c in parse(svg).iter(NS + "circle") if any(abs(float(c.get("cy")) - y) < 30 for y in rows)]
    assert len(bullets) == 2  # a plain bullet beside each row the creator gave none
    assert body["Build"] > emoji[0].x + 10 and body["Ship"] == body["Build"]  # indented beside it
    assert "0•" not in " ".join(r.text for r in drawn)


def test_a_links_path_ends_where_a_letter_x_takes_into_no_link_starts():
    # "/wiki/中国了解更多…" was one path: the sentence after it the link's, cut off with its "…" and never drawn
    zh = "see https://zh.wikipedia.org/wiki/中国了解更多关于我们的产品和服务的信息。谢谢"
    assert accent_spans(zh) == [("see ", False), ("https://zh.wikipedia.org/wiki/", True),
                                ("中国了解更多关于我们的产品和服务的信息。谢谢", False)]
    assert accent_spans("ดูที่https://example.com/ข่าวนะครับ")[1:] == [("https://example.com/", True), ("ข่าวนะครับ", False)]
    for layout in ("headline-body", "post-card"):
        drawn = _slide_text(["Hook.", zh], layout, slide=1).replace(" ", "")
        assert "中国了解更多关于我们的产品和服务的信息。谢谢" in drawn and "…" not in drawn, layout


class _CountingText(str):
    calls = 0

    def count(self, *args):
        type(self).calls += 1
        return super().count(*args)


def test_a_run_of_closing_brackets_after_a_link_is_counted_once():
    # each ")" stripped counted the link's brackets again: 100 KB of ")" took seconds
    text = _CountingText("see https://x.com/a" + ")" * 2000 + " ok")
    start = text.index("https")
    end = text.index(" ok")
    assert link_end(text, start, end) == start + len("https://x.com/a")
    assert _CountingText.calls <= 6  # once per kind of bracket, not once per character
    assert link_end("(https://en.wikipedia.org/wiki/Foo_(bar)).", 1, 42) == 40


def test_a_split_panels_title_that_cannot_be_set_large_is_still_drawn(monkeypatch):
    # when the large quote could not be set, the sentence was neither in the block nor beside it: lost
    from studio.layouts import templates
    monkeypatch.setattr(templates, "fitted_title", lambda *a, **k: None)
    for texts in (["Hook.", "Ship small things every single day."],
                  ["Hook.", "Ship small things every single day.\n\nThen the body says why it matters."]):
        drawn = _slide_text(texts, "split", slide=1)
        assert all(w in drawn for w in texts[1].split()), drawn


def test_a_line_opening_with_one_and_a_second_item_after_a_full_stop_is_a_list():
    # the hook's list, once the hook is cut off: "1. Nobody cares… 2. Ship anyway" stayed one item
    assert unflatten("1. Nobody cares about your launch. 2. Ship anyway.") == \
        "1. Nobody cares about your launch.\n2. Ship anyway."
    assert unflatten("1. Ship it with 2. people") == "1. Ship it with 2. people"
    assert list_of(headline_and_body("Here's what I learned this year. 1. Nobody cares. 2. Ship anyway.")[1])[1] == \
        ["Nobody cares.", "Ship anyway."]


def test_a_creator_bulleted_line_amid_numbered_items_is_a_row_of_its_own():
    # "✅ Learn" was joined to the item above: "Ship ✅ Learn"
    assert list_of("Wins:\n1. Ship\n✅ Learn\n3. Repeat") == ("Wins:", ["Ship", "✅ Learn", "Repeat"], ["1", "", "3"])
