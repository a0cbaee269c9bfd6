"""Share mode keeps the same caps as the studio: a CoDocument edit and a browser's shared-box keystroke
over a cap are refused with the studio's message, and nothing reaches the merged document or the others."""
from __future__ import annotations

import pytest

from studio import limits
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.sync import Channel

BIG = {
    "title": dict(title="a" * (limits.MAX_TITLE_CHARS + 1)),
    "words": dict(body=" ".join(["w"] * (limits.MAX_WORDS_PER_POST + 1))),
    "body chars": dict(body="x" * (limits.MAX_BODY_CHARS + 1)),
}


@pytest.mark.parametrize("kind", list(BIG))
def test_share_mode_refuses_a_slide_text_over_a_cap_with_the_studio_message(kind):
    messages = []
    for cls in (Document, CoDocument):
        doc = cls(sample_carousel())
        before = (doc.carousel.slides[1].title, doc.carousel.slides[1].body)
        with pytest.raises(EditError) as refused:
            doc.set_slide_text(1, origin="p1", **BIG[kind])
        assert (doc.carousel.slides[1].title, doc.carousel.slides[1].body) == before
        messages.append(str(refused.value))
    assert messages[0] == messages[1]


def test_share_mode_refuses_a_long_name_and_alt_text():
    doc = CoDocument(sample_carousel())
    name = doc.carousel.name
    with pytest.raises(EditError, match="at most 200"):
        doc.rename("n" * (limits.MAX_NAME_CHARS + 1), origin="p1")
    with pytest.raises(EditError, match="alt text"):
        doc.set_slide_alt_text(1, "x" * (limits.MAX_ALT_CHARS + 1), origin="p1")
    assert doc.carousel.name == name and len(doc.carousel.slides[1].alt_text) <= limits.MAX_ALT_CHARS


def test_a_browser_paste_over_the_cap_is_refused_and_never_reaches_the_others():
    doc = CoDocument(sample_carousel())
    slide = doc.slide_ids("ada")[1]
    ada = Channel(doc.replica("ada"), lambda message: None)
    ada.watch(slide, "body")
    base = next(reversed(ada.sent[(slide, "body")]))
    with pytest.raises(EditError, match="characters"):
        ada.edit(slide, "body", [(0, 0, "x" * (limits.MAX_BODY_CHARS + 1))], base, 1)
    assert len(doc.replica("bob").text(slide, "body")) <= limits.MAX_BODY_CHARS
    assert len(doc.replica("ada").text(slide, "body")) <= limits.MAX_BODY_CHARS
    ada.edit(slide, "body", [(0, 0, "Hi ")], base, 2)  # the next keystroke is made as usual
    doc.replica("bob").pull()
    assert doc.replica("bob").text(slide, "body").startswith("Hi ")


def test_the_body_character_cap_refuses_one_huge_word_in_the_studio():
    doc = Document(sample_carousel())
    with pytest.raises(EditError, match="40,000"):
        doc.set_slide_text(1, body="data:image/png;base64," + "A" * limits.MAX_BODY_CHARS)


def test_a_body_of_one_huge_word_from_an_old_project_is_drawn_as_its_problem_without_layout(monkeypatch):
    from studio import render
    from studio.carousel import Carousel
    from studio.slide import Slide

    c = Carousel(name="Old", slides=[Slide(title="Cover"), Slide(title="Pasted", body="A" * 900_000)])
    render.clear_cache()
    monkeypatch.setattr(render, "_lay_out", None)  # layout of a 900 KB word took seconds: none is tried
    laid = render.lay_out_slide(c, 1)
    assert laid.layout_key == render.TOO_LONG
    assert "900,000 characters" in render.slide_problem(c.slides[1])


@pytest.mark.parametrize("field, cap", [("name", limits.MAX_BRAND_NAME_CHARS), ("website", limits.MAX_WEBSITE_CHARS)])
def test_a_brand_name_or_website_over_its_cap_is_refused_at_the_edit_and_kept_whole_at_load(field, cap):
    import json

    from studio.project_file import carousel_from_json, carousel_to_json

    for cls in (Document, CoDocument):
        doc = cls(sample_carousel())
        before = getattr(doc.carousel.brand, field)
        with pytest.raises(EditError, match=f"the limit is {cap:,}"):
            doc.set_brand(origin="p1", **{field: "a" * (cap + 1)})
        assert getattr(doc.carousel.brand, field) == before
    data = json.loads(carousel_to_json(sample_carousel()))
    data["carousel"]["brand"][field] = "a" * 300_000  # an old file: it opens, the field whole (drawn cut)
    assert getattr(carousel_from_json(json.dumps(data)).brand, field) == "a" * 300_000


def test_an_over_cap_brand_name_or_website_is_drawn_cut_never_laid_out_whole(monkeypatch):
    from studio import render

    c = sample_carousel()
    c.brand.name = "N" * 50_000  # set past the dataclass's check, as a damaged store could
    c.brand.website = "w" * 50_000
    seen = {}
    real = render.draw_chrome

    def spy(ctx, *args, **kwargs):
        seen["name"], seen["website"] = ctx.brand_name, kwargs["website"]
        return real(ctx, *args, **kwargs)

    monkeypatch.setattr(render, "draw_chrome", spy)
    render.clear_cache()
    render.render_slide(c, 1)
    assert len(seen["name"]) <= limits.MAX_BRAND_NAME_CHARS and len(seen["website"]) <= limits.MAX_WEBSITE_CHARS
    render.clear_cache()


def test_the_word_cap_message_names_what_it_counts():
    doc = Document(sample_carousel())
    title_words = len(doc.carousel.slides[1].title.split())
    with pytest.raises(EditError) as refused:
        doc.set_slide_text(1, body=" ".join(["w"] * 5_100))
    assert f"title and text of slide 2 have {5_100 + title_words:,} words together" in str(refused.value)


def test_an_old_over_cap_title_may_only_shrink_and_the_refusal_says_so():
    c = sample_carousel()
    c.slides[1].title = "t" * (limits.MAX_TITLE_CHARS + 100)
    doc = Document(c)
    doc.set_slide_text(1, title="t" * (limits.MAX_TITLE_CHARS + 50))  # shorter: taken
    with pytest.raises(EditError, match="may only get shorter"):
        doc.set_slide_text(1, title="t" * (limits.MAX_TITLE_CHARS + 60))
    assert len(doc.carousel.slides[1].title) == limits.MAX_TITLE_CHARS + 50


def test_typing_put_back_after_a_reload_keeps_the_caps():
    doc = CoDocument(sample_carousel())
    slide = doc.slide_ids("ada")[1]
    body = doc.replica("ada").text(slide, "body")
    with pytest.raises(EditError, match="characters"):
        doc.put_back(slide, "body", [body], body + "x" * limits.MAX_BODY_CHARS, 1, origin="ada")
    assert doc.replica("bob").text(slide, "body") == body
