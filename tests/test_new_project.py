"""One thread, one project: a second thread opens as a new project (laid out, named after its hook,
credited to its author, no brand of the previous project), or its posts are added to the open one."""
from __future__ import annotations

from studio.brand import BrandProfile
from studio.image import Image
from studio.new_project import author_brand, project_from_thread, with_posts
from studio.outro import OutroCTA
from studio.post import Post, Thread
from studio.sources import parse_paste
from studio.structure import carousel_from_thread

LLM = Thread("llm", [Post("1", "The growth of LLM context length with time: - GPT-3.5 - GPT-4 🧵",
                          author_name="Ana Lee", handle="analee"),
                     Post("2", "Context went from 4k to 1M tokens.", author_name="Ana Lee", handle="analee")])
BAKERY = Thread("bakery", [Post("10", "How we grew our bakery to three shops", author_name="Sam Baker",
                                handle="sambakes", avatar=Image(b"\x89PNG", "image/png", 1, 1)),
                           Post("11", "First, one oven."),
                           Post("12", "Follow me for part two, every day this week.")])


def open_llm_project():
    carousel = carousel_from_thread(LLM, theme="midnight")
    carousel.name = "The growth of LLM context length with time"
    carousel.brand = BrandProfile(name="Client A", handle="clienta", website="a.example", accent="#112233")
    carousel.cta = OutroCTA(1, "Client A's ask", "Follow Client A.", "Follow")
    return carousel


def test_a_new_project_takes_nothing_of_the_previous_clients_brand():
    fresh = project_from_thread(BAKERY, look=open_llm_project())
    assert fresh.name == "How we grew our bakery to three shops"
    assert (fresh.brand.name, fresh.brand.handle, fresh.brand.website, fresh.brand.accent) == \
        ("Sam Baker", "sambakes", "", "")
    assert fresh.brand.avatar == BAKERY.posts[0].avatar
    assert fresh.cta == OutroCTA.default(1)  # nothing of Client A's ask
    assert fresh.slides[-1].body == "Follow me for part two, every day this week."  # the author's words, on the outro
    assert fresh.theme == "midnight"  # the look stays
    assert [s.kind for s in fresh.slides] == ["cover", "content", "outro"]  # the ask-only post is the outro's
    assert {pid for s in fresh.slides for pid in s.post_ids} == {"10", "11", "12"}


def test_a_chosen_profile_is_the_brand_with_its_cta():
    client = BrandProfile(name="Crumb & Co", handle="crumbco", cta=OutroCTA(2, "Share the crumbs", "Repost it.", "Repost"))
    fresh = project_from_thread(BAKERY, look=open_llm_project(), profile=client)
    assert fresh.brand.name == "Crumb & Co" and fresh.cta.headline == "Share the crumbs"
    client.name = "changed later"
    assert fresh.brand.name == "Crumb & Co"  # a copy, not the store's object


def test_a_plain_text_thread_has_no_author_and_an_empty_brand():
    thread = parse_paste("A hook for the ages\n\nSecond post").threads[0]
    assert author_brand(thread) == BrandProfile()
    assert project_from_thread(thread).name == "A hook for the ages"


def test_adding_posts_keeps_the_slides_author_and_first_post():
    carousel = open_llm_project()
    merged = with_posts(carousel.thread, BAKERY)
    assert merged.id == "llm" and merged.posts[0].author_name == "Ana Lee"
    assert [p.id for p in merged.posts] == ["1", "2", "10", "11", "12"]
    assert with_posts(merged, BAKERY).posts == merged.posts  # the same posts are not added twice


def test_pasted_posts_with_taken_ids_get_fresh_ids():
    first = parse_paste("The first thread opens here.\n\nAnd it goes on here.").threads[0]
    second = parse_paste("The second thread opens here.\n\nAnd it ends right here, two posts later.").threads[0]
    merged = with_posts(first, second)
    assert [p.id for p in merged.posts] == ["p1", "p2", "p1-2", "p2-2"]
    assert [p.text for p in merged.posts] == [p.text for p in first.posts + second.posts]
    assert len({p.id for p in merged.posts}) == 4
