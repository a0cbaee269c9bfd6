"""The outro's headline, subline, button text and link have caps, kept by the one rule every edit door calls
(the studio, share mode, a browser's shared box, the command line). An old project or kit holding a longer
outro text, brand name or website opens whole, is drawn cut, and says so once; nothing in it is lost."""
from __future__ import annotations

import json

import pytest

from studio import limits
from studio.app import Studio
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.project_file import carousel_from_json, carousel_to_json
from studio.share.codocument import CoDocument
from studio.share.sync import Channel

CTA_CAPS = [(field, cap) for (part, field), (cap, _) in limits.PART_CAPS.items() if part == "cta"]
HUGE = 600_000


@pytest.mark.parametrize("field, cap", CTA_CAPS)
def test_an_outro_text_over_its_cap_is_refused_with_a_message_in_the_studio_and_share_mode(field, cap):
    messages = []
    for cls in (Document, CoDocument):
        doc = cls(sample_carousel())
        before = getattr(doc.carousel.cta, field)
        with pytest.raises(EditError) as refused:
            doc.set_cta(origin="ada", **{field: "h" * HUGE})
        assert getattr(doc.carousel.cta, field) == before
        assert f"the limit is {cap:,}" in str(refused.value) and len(str(refused.value)) < 300
        messages.append(str(refused.value))
        doc.set_cta(origin="ada", **{field: "h" * cap})  # at the cap: taken
        assert getattr(doc.carousel.cta, field) == "h" * cap
    assert messages[0] == messages[1]


def test_a_600k_headline_typed_in_a_shared_box_is_refused_and_never_reaches_the_other_browser():
    doc = CoDocument(sample_carousel())
    ada = Channel(doc.replica("ada"), lambda message: None)
    ada.watch("cta", "headline")
    base = next(reversed(ada.sent[("cta", "headline")]))
    before = doc.replica("bob").text("cta", "headline")
    with pytest.raises(EditError, match="outro's headline"):
        ada.edit("cta", "headline", [(0, 0, "x" * HUGE)], base, 1)
    doc.replica("bob").pull()
    assert doc.replica("bob").text("cta", "headline") == before
    assert doc.carousel.cta.headline == before
    ada.edit("cta", "headline", [(0, 0, "Hi ")], base, 2)  # the next keystroke is made as usual
    doc.replica("bob").pull()
    assert doc.replica("bob").text("cta", "headline") == "Hi " + before


def _old_project(**fields: str) -> str:
    data = json.loads(carousel_to_json(sample_carousel()))
    for key, value in fields.items():
        part, field = key.split("_", 1)
        data["carousel"][part][field] = value
    return json.dumps(data)


def test_an_old_project_with_a_600k_headline_opens_whole_is_drawn_cut_and_says_so_once(tmp_path):
    from studio import render

    carousel = carousel_from_json(_old_project(cta_headline="H" * HUGE, brand_name="N" * 5_000))
    assert carousel.cta.headline == "H" * HUGE and carousel.brand.name == "N" * 5_000
    render.clear_cache()
    assert len(render.make_context(carousel).cta.headline) == limits.MAX_CTA_HEADLINE_CHARS
    svg = render.render_slide(carousel, len(carousel.slides) - 1)
    assert "H" * (limits.MAX_CTA_HEADLINE_CHARS + 1) not in svg and "N" * 201 not in svg
    render.clear_cache()
    studio = Studio(tmp_path / "data")
    studio.projects.open_file(carousel)
    studio.projects.open_file(carousel)
    told = [n for n in studio.notices if "outro's headline (600,000 characters; the limit is 300)" in n]
    assert len(told) == 1 and "brand's name (5,000 characters" in told[0] and "Nothing was lost" in told[0]
    assert studio.carousel.cta.headline == "H" * HUGE  # kept until the person shortens it
    with pytest.raises(EditError, match="only get shorter"):
        studio.document.set_cta(headline="X" + "H" * (HUGE - 1))
    studio.document.set_cta(headline="H" * (HUGE - 10))  # deleting is taken
    studio.document.set_cta(headline="Short")
    assert studio.carousel.cta.headline == "Short"
    studio.close()


@pytest.mark.parametrize("field, cap", [("website", 2_000), ("cta.headline", 300)])
def test_a_kit_with_an_over_cap_brand_or_outro_text_is_imported_whole_with_a_note(tmp_path, field, cap):
    from studio.brand import BrandProfile
    from studio.outro import OutroCTA
    from studio.store.kits import kit_to_json

    value = "example.com/" + "q" * cap
    profile = BrandProfile(name="Ada", website="ada.dev", cta=OutroCTA())
    owner, name = (profile.cta, "headline") if field == "cta.headline" else (profile, field)
    setattr(owner, name, value)  # an old kit: no cap was kept when it was written
    kit = tmp_path / "kit.json"
    kit.write_bytes(kit_to_json([profile], [], "2026-01-01T00:00:00Z"))
    studio = Studio(tmp_path / "data")
    summary = studio.brands.import_kits(kit)
    what = "outro's headline" if field == "cta.headline" else "brand's website"
    assert summary.profiles_added == 1
    assert f"{what} ({len(value):,} characters; the limit is {cap:,})" in str(summary)
    (pid, saved), = studio.brands.profiles()
    assert getattr(saved.cta if field == "cta.headline" else saved, name) == value
    studio.brands.switch_profile(pid)
    assert getattr(studio.carousel.cta if field == "cta.headline" else studio.carousel.brand, name) == value
    assert any(what in n for n in studio.notices)
    studio.close()


def test_a_new_profile_over_a_cap_is_refused_and_nothing_is_added(tmp_path):
    from studio.brand import BrandProfile

    studio = Studio(tmp_path / "data")
    with pytest.raises(EditError, match="No profile was added"):
        studio.brands.add_profile(BrandProfile(name="n" * 201))
    assert studio.brands.profiles() == []
    studio.close()


def test_an_over_cap_slide_text_may_only_lose_characters_never_take_other_words():
    old = "t" * (limits.MAX_TITLE_CHARS + 100)
    for cls in (Document, CoDocument):
        c = sample_carousel()
        c.slides[1].title = old
        doc = cls(c)
        with pytest.raises(EditError, match="only get shorter"):  # other words of the same length
            doc.set_slide_text(1, title="x" * len(old), origin="ada")
        with pytest.raises(EditError, match="only get shorter"):  # other words, shorter but still over
            doc.set_slide_text(1, title="x" * (len(old) - 10), origin="ada")
        assert doc.carousel.slides[1].title == old
        doc.set_slide_text(1, title=old[:50] + old[60:], origin="ada")  # one stretch deleted: taken
        assert len(doc.carousel.slides[1].title) == len(old) - 10
        doc.set_slide_text(1, title="New title", origin="ada")  # under the cap: anything goes
        assert doc.carousel.slides[1].title == "New title"
