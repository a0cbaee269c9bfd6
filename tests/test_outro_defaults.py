"""Nothing invented: the outro's stock lines promise nothing, a thread's own ask picks the variant,
and the export check names what is missing and the panel that fixes it."""
from __future__ import annotations

import re

import pytest

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.export import check_identity
from studio.outro import OutroCTA, _DEFAULTS, cta_for_thread, own_ask
from studio.post import Post, Thread
from studio.slide import Slide

# A schedule ("every week", "daily"), a number, or a claim about what exists ("the full guide").
INVENTED = re.compile(r"\b(?:every|each|daily|weekly|monthly|new|guide|course|free|\d+)\b", re.IGNORECASE)


@pytest.mark.parametrize("variant", [1, 2, 3])
def test_stock_lines_promise_no_schedule_number_or_claim(variant):
    cta = OutroCTA.default(variant)
    for text in (cta.headline, cta.subline, cta.button):
        assert not INVENTED.search(text), text
    assert cta.is_stock()


def test_the_default_carousel_outro_is_neutral():
    cta = Carousel().cta
    assert "every week" not in cta.subline and not INVENTED.search(cta.subline)


def thread(*texts, author="", handle=""):
    return Thread("t", [Post(str(i), t, author_name=author, handle=handle) for i, t in enumerate(texts)])


def test_the_authors_own_ask_picks_the_variant_but_is_not_copied():
    """The sentence stays on the post's slide: the outro repeating it showed the same words twice."""
    t = thread("Hook.", "That is the whole system. Repost it for your team. Thanks!")
    cta = cta_for_thread(t)
    assert cta == OutroCTA.default(2)
    assert "team" not in cta.subline


@pytest.mark.parametrize("text, variant", [
    ("If this helped, repost it for your team 🔁", 2),
    ("Bookmark this thread for your next launch.", 3),
    ("Save this — you will want it later.", 3),
    ("Follow @jane_builds for more.", 1),
])
def test_each_kind_of_ask_picks_its_variant(text, variant):
    kind, sentence = own_ask(text)
    assert kind == variant and sentence in " ".join(text.split())


@pytest.mark.parametrize("text", ["Do not follow the crowd.", "Try it with your best thread this week and tag me.",
                                  "Share your results below.", ""])
def test_no_ask_gives_the_neutral_lines(text):
    assert cta_for_thread(thread("Hook.", text)) == OutroCTA.default(1)


def test_a_chosen_variant_only_takes_an_ask_of_that_kind():
    t = thread("Hook.", "Follow me for more. Repost this if it helped.")
    assert cta_for_thread(t, variant=2) == OutroCTA.default(2)
    assert cta_for_thread(t, variant=3) == OutroCTA.default(3)


def test_an_ask_longer_than_a_subline_is_not_used():
    t = thread("Hook.", "Follow me for " + "very " * 40 + "long asks.")
    assert cta_for_thread(t) == OutroCTA.default(1)


def carousel(brand=None, cta=None, author="", handle=""):
    c = Carousel(brand=brand or BrandProfile(), thread=thread("Hook.", "Body.", author=author, handle=handle),
                 slides=[Slide(kind="cover", title="Hook."), Slide(kind="outro")])
    if cta is not None:
        c.cta = cta
    return c


def test_a_plain_text_import_without_author_is_flagged_naming_the_brand_kit():
    warnings = check_identity(carousel())
    assert any("No name or @handle" in w and "“Follow”" in w and "Brand Kit" in w for w in warnings), warnings


def test_missing_handle_or_name_alone_is_named():
    only_name = check_identity(carousel(BrandProfile(name="Jane Doe")))
    assert any("no @handle" in w and "Brand Kit" in w for w in only_name)
    only_handle = check_identity(carousel(BrandProfile(handle="jane")))
    assert any("@jane but no name" in w and "Brand Kit" in w for w in only_handle)


def test_a_placeholder_name_is_flagged():
    warnings = check_identity(carousel(BrandProfile(name="Your Name", handle="yourhandle")))
    assert sum("placeholder" in w for w in warnings) == 2


def test_the_stock_cta_is_flagged_naming_the_outro_panel():
    brand = BrandProfile(name="Jane Doe", handle="jane")
    warnings = check_identity(carousel(brand))
    assert warnings == [f"The outro still has the stock call to action (“{_DEFAULTS[1][0]}”). "
                        "Make it yours in Outro Slide CTA."]


def test_a_complete_brand_and_own_cta_pass():
    brand = BrandProfile(name="Jane Doe", handle="jane")
    own = OutroCTA(1, "Liked it?", "Follow me for the next one.", "Follow")
    assert check_identity(carousel(brand, own)) == []


def test_the_threads_author_counts_as_the_identity_and_an_edited_outro_slide_is_not_stock():
    c = carousel(author="Jane Doe", handle="jane")
    c.slides[-1].title = "Thanks for reading"
    assert check_identity(c) == []
